public import ArabicCore
public import ArabicEntities
import Foundation

/// Finds quotations and who said them in Arabic news: direct quotations between marks or
/// after a colon, indirect ones after أن/إن, partial ones inside reported speech, and the
/// headline form `SPEAKER: QUOTE`.
///
/// ```swift
/// let finder = try QuotationFinder()
/// let result = try finder.analyze(article)
/// for quote in result.quotations {
///     print(quote.kind, quote.speaker?.text ?? quote.speaker?.resolved ?? "?", quote.text)
/// }
/// ```
///
/// The cue verbs are in `CueVerbs.tsv` (every form: قال، قالت، يقول، أضافت …), the nouns that
/// stand as speakers in `ReportingNouns.tsv`, the phrases that name a source in
/// `SourcePhrases.tsv`; files of your own with the same names add to them
/// (``init(recognizer:additionalLexicons:)``). A verb without a subject (وأضافت) takes the
/// last speaker that agrees with it in gender, and says so (``Speaker/resolved``).
public struct QuotationFinder: Sendable {
    /// The entity recognizer whose entities become speakers.
    public let recognizer: EntityRecognizer
    /// Cue verbs by the hash of their normalized form (see `QuotationScan.cue(at:)`), as
    /// their place in `cueForms`: a lookup copies no strings.
    let cues: [UInt64: Int]
    let cueForms: [CueForm]
    let reportingNouns: [String: ReportingNoun]
    /// Whether every reporting noun is certainly in NFC (`QuotationScan.isCertainlyNFC(_:)`):
    /// then a word certainly in NFC whose hash none of theirs has is none of them, and the
    /// dictionary (whose `String` keys hash and compare in NFC) need not be asked.
    let reportingNounsAreNFC: Bool
    /// Source phrases as their normalized words, with their lexicon line; a last word `ل`
    /// stands for ل attached to the next.
    let sourcePhrases: [(words: [String], source: String)]
    /// The same words as bytes, as the scan compares them.
    let sourcePhraseWords: [[[UInt8]]]
    /// The hash of each phrase's first word, which a token (or the token without an attached
    /// و) must have to start the phrase; `nil` for a phrase that any token may start (none,
    /// or only ل, which may be attached to the next word).
    let sourcePhraseFirstHashes: [UInt64?]
    static let wa = Array("و".utf8), lam = Array("ل".utf8)
    /// The hashes of the cue forms, of the source phrases' first words and of أنّ/إنّ: most
    /// tokens are ruled out by one load, before any dictionary lookup.
    let wordFilter: WordFilter

    /// A cue form: its normalized bytes, and the verb it is.
    struct CueForm: Sendable {
        /// The normalized form's UTF-8.
        let bytes: [UInt8]
        /// The verb's lemma, agreement and lexicon line.
        let entry: CueEntry

        /// Whether a normalized word is this form, byte for byte.
        func matches(_ word: ArraySlice<UInt8>) -> Bool {
            guard bytes.count == word.count else { return false }
            guard !bytes.isEmpty else { return true }
            return bytes.withUnsafeBufferPointer { form in
                word.withUnsafeBufferPointer { word in memcmp(form.baseAddress!, word.baseAddress!, form.count) == 0 }
            }
        }
    }

    package struct CueEntry: Sendable {
        package var lemma: String
        package var feminine: Bool
        package var plural: Bool
        package var takesObject: Bool
        /// The lexicon line, `CueVerbs.tsv:14`.
        package var source: String
    }

    package struct ReportingNoun: Sendable {
        package var isPronoun: Bool
        var feminine: Bool
        var plural: Bool
        /// The lexicon line, `ReportingNouns.tsv:3`.
        package var source: String
    }

    /// The kinds of lexicon the finder reads, with their columns and the values they take.
    public static let schemas: [LexiconSchema] = [
        LexiconSchema(
            "CueVerbs",
            [
                .text("form"), .text("lemma"), .oneOf("gender", ["m", "f"]), .oneOf("number", ["singular", "dual", "plural"]),
                .oneOf("tense", ["past", "present"], required: false, mayBeEmpty: true), .oneOf("takes", ["that", "object"]),
                .note("note"),
            ]),
        LexiconSchema(
            "ReportingNouns",
            [
                .text("word"), .oneOf("kind", ["noun", "pronoun"]), .oneOf("gender", ["m", "f"]),
                .oneOf("number", ["singular", "dual", "plural"]), .note("note"),
            ]),
        LexiconSchema("SourcePhrases", [.text("phrase"), .note("note")]),
    ]

    /// A finder with the bundled cue lexicons and `recognizer` (by default one with the
    /// bundled entity lexicons).
    ///
    /// `additionalLexicons` are files of your own named like the finder's (`CueVerbs.tsv`,
    /// `ReportingNouns.tsv`, `SourcePhrases.tsv`) and, when you give no `recognizer`, like
    /// the entity lexicons (`Organizations.tsv` …), for the recognizer the finder makes.
    /// Every line is checked; a problem is thrown as a `LexiconError` with its file, line
    /// and column. A cue form of yours replaces a bundled one with the same spelling.
    ///
    /// ```swift
    /// let finder = try QuotationFinder(additionalLexicons: ["my-rules/CueVerbs.tsv", "my-rules/Organizations.tsv"])
    /// ```
    public init(recognizer: EntityRecognizer? = nil, additionalLexicons: [String] = []) throws {
        var ownFiles: [String: [String]] = [:]  // kind → paths
        var entityFiles: [String] = []
        for path in additionalLexicons {
            let kind = LexiconSchema.kind(ofPath: path)
            if Self.schemas.contains(where: { $0.kind == kind }) {
                ownFiles[kind, default: []].append(path)
            } else if Gazetteer.schemas.contains(where: { $0.kind == kind }), recognizer == nil {
                entityFiles.append(path)
            } else if Gazetteer.schemas.contains(where: { $0.kind == kind }) {
                throw LexiconError(
                    file: path, line: 0, column: 0,
                    message: "an entity lexicon: give it to the EntityRecognizer(additionalLexicons:) you pass as recognizer")
            } else if kind == CliticAnalyzer.schema.kind {
                throw LexiconError(
                    file: path, line: 0, column: 0,
                    message: "read by the clitic analyzer (CliticAnalyzer(additionalLexicons:)), not by entities or quotations")
            } else {
                throw LexiconError.unknownKind(kind, file: path, known: (Self.schemas + Gazetteer.schemas).map(\.kind))
            }
        }
        let recognizer = try recognizer ?? EntityRecognizer(additionalLexicons: entityFiles)
        self.recognizer = recognizer
        let normalizer = recognizer.tokenizer.normalizer
        /// The bundled file of a kind, then the user's.
        func files(_ index: Int) throws(LexiconError) -> [LexiconFile] {
            let schema = Self.schemas[index]
            var files = [try LexiconFile(bundled: schema, in: .module)]
            for path in ownFiles[schema.kind] ?? [] { files.append(try LexiconFile(contentsOfFile: path, schema: schema)) }
            return files
        }
        // The schemas require every column read here, so the values are there.
        var cues: [UInt64: Int] = [:]
        var cueForms: [CueForm] = []
        for file in try files(0) {
            for row in file.rows {
                let value = { (column: String) in file.value(column, in: row) ?? "" }
                let form = normalizer.normalizedString(value("form"))
                cues[Self.hash(form.utf8)] = cueForms.count
                cueForms.append(
                    CueForm(
                        bytes: Array(form.utf8),
                        entry: CueEntry(
                            lemma: value("lemma"), feminine: value("gender") == "f", plural: value("number") == "plural",
                            takesObject: value("takes") == "object", source: file.source(of: row))))
            }
        }
        self.cueForms = cueForms
        var nouns: [String: ReportingNoun] = [:]
        for file in try files(1) {
            for row in file.rows {
                let value = { (column: String) in file.value(column, in: row) ?? "" }
                nouns[normalizer.normalizedString(value("word"))] = ReportingNoun(
                    isPronoun: value("kind") == "pronoun", feminine: value("gender") == "f", plural: value("number") == "plural",
                    source: file.source(of: row))
            }
        }
        var phrases: [(words: [String], source: String)] = []
        for file in try files(2) {
            for row in file.rows {
                let phrase = (file.value("phrase", in: row) ?? "").replacingOccurrences(of: "لـ", with: "ل")
                phrases.append((normalizer.normalizedString(phrase).split(separator: " ").map(String.init), file.source(of: row)))
            }
        }
        self.sourcePhrases = phrases
        self.sourcePhraseWords = phrases.map { $0.words.map { Array($0.utf8) } }
        self.sourcePhraseFirstHashes = sourcePhraseWords.map { words in
            words.first.flatMap { words == [Self.lam] ? nil : Self.hash($0) }
        }
        self.reportingNounsAreNFC = nouns.keys.allSatisfy { QuotationScan.isCertainlyNFC(ArraySlice($0.utf8)) }
        self.wordFilter = WordFilter(
            cues: cues.keys, sourceFirstWords: sourcePhraseWords.compactMap(\.first).map { Self.hash($0) },
            thatWords: QuotationScan.thatWordHashes, reportingNouns: nouns.keys.map { Self.hash($0.utf8) })
        self.cues = cues
        self.reportingNouns = nouns
    }

    /// Four sets of 64-bit hashes (cue forms, first words of source phrases, أنّ/إنّ, reporting
    /// nouns) as one table of 2^14 bytes (16 KB, which stays in the first-level cache beside
    /// the scan's arrays), a bit per set (`TokenFlags.cue`, `.sourceStart`,
    /// `.thatWord`, `.reportingNoun`):
    /// a word's bits for all three are one load. A bit is clear for almost every hash not in
    /// its set, and set for every hash in it.
    struct WordFilter: Sendable {
        /// The bits of every hash whose low 14 bits are the index.
        private(set) var bits = [UInt8](repeating: 0, count: 1 << 14)

        /// The low 14 bits of a hash: its slot in `bits`.
        static let slotMask: UInt64 = (1 << 14) - 1

        init(
            cues: some Sequence<UInt64>, sourceFirstWords: some Sequence<UInt64>, thatWords: some Sequence<UInt64>,
            reportingNouns: some Sequence<UInt64>
        ) {
            for hash in cues { bits[Int(truncatingIfNeeded: hash & Self.slotMask)] |= TokenFlags.cue }
            for hash in sourceFirstWords { bits[Int(truncatingIfNeeded: hash & Self.slotMask)] |= TokenFlags.sourceStart }
            for hash in thatWords { bits[Int(truncatingIfNeeded: hash & Self.slotMask)] |= TokenFlags.thatWord }
            for hash in reportingNouns { bits[Int(truncatingIfNeeded: hash & Self.slotMask)] |= TokenFlags.reportingNoun }
        }
    }

    /// FNV-1a of some bytes: the key of the cue table, computed on a token without a copy.
    static func hash(_ bytes: some Collection<UInt8>) -> UInt64 {
        // The tokens' own hash (ArabicCore's TokenHash), so the entity scan's hashes are keys here.
        bytes.withContiguousStorageIfAvailable { TokenHash($0).value }
            ?? Array(bytes).withUnsafeBufferPointer { TokenHash($0).value }
    }

    /// The cue verb a normalized word is, with و or ف attached or not, and where its letters
    /// start (1 after an attached conjunction).
    package func cue(normalized word: ArraySlice<UInt8>) -> (entry: CueEntry, strip: Int)? {
        // Cue forms are short: most words are ruled out before any lookup.
        guard word.count <= 14 else { return nil }
        if let found = cues[Self.hash(word)], cueForms[found].matches(word) { return (cueForms[found].entry, 0) }
        guard let first = word.first, let second = word.dropFirst().first, first == 0xD9, second == 0x88 || second == 0x81 else {
            return nil  // و (D9 88) or ف (D9 81)
        }
        let rest = word.dropFirst(2)
        if let found = cues[Self.hash(rest)], cueForms[found].matches(rest) { return (cueForms[found].entry, 1) }
        return nil
    }

    /// The reporting noun or pronoun a normalized word is (مسؤولون، أحدهم).
    package func reportingNoun(normalized word: String) -> ReportingNoun? { reportingNouns[word] }

    /// The entities and quotations of `text`.
    public func analyze(_ text: String) throws -> QuotationAnalysis {
        let (entities, tokens, normalized) = try recognizer.entitiesAndTokens(in: text)
        var scan = QuotationScan(text: text, tokens: tokens, normalized: normalized, entities: entities, finder: self)
        return QuotationAnalysis(entities: entities, quotations: scan.run())
    }

    /// The quotations of `text`, given its entities (from ``recognizer``).
    public func quotations(in text: String, entities: [Entity]) throws -> [Quotation] {
        let (_, tokens, normalized) = try recognizer.entitiesAndTokens(in: text)
        var scan = QuotationScan(text: text, tokens: tokens, normalized: normalized, entities: entities, finder: self)
        return scan.run()
    }
}
