import ArabicCore
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
/// stand as speakers in `ReportingNouns.tsv`. A verb without a subject (وأضافت) takes the
/// last speaker that agrees with it in gender, and says so (``Speaker/resolved``).
public struct QuotationFinder: Sendable {
    /// The entity recognizer whose entities become speakers.
    public let recognizer: EntityRecognizer
    /// Cue verbs by the hash of their normalized form (see `QuotationScan.cue(at:)`).
    let cues: [UInt64: (form: String, entry: CueEntry)]
    let reportingNouns: [String: ReportingNoun]
    /// Source phrases as their normalized words' bytes; a last word `ل` stands for ل attached
    /// to the next.
    let sourcePhraseWords: [[[UInt8]]]
    static let wa = Array("و".utf8), lam = Array("ل".utf8)
    /// The hashes of the cue forms and of the source phrases' first words: most tokens are
    /// ruled out by one bit, before any dictionary lookup.
    let cueFilter: HashFilter
    let sourceFirstFilter: HashFilter

    struct CueEntry: Sendable {
        var lemma: String
        var feminine: Bool
        var plural: Bool
        var takesObject: Bool
    }

    struct ReportingNoun: Sendable {
        var isPronoun: Bool
        var feminine: Bool
        var plural: Bool
    }

    /// A finder with the bundled cue lexicons and `recognizer` (by default one with the
    /// bundled entity lexicons).
    public init(recognizer: EntityRecognizer? = nil) throws {
        let recognizer = try recognizer ?? EntityRecognizer()
        self.recognizer = recognizer
        let normalizer = recognizer.tokenizer.normalizer
        func load(_ name: String, _ columns: [String]) throws -> LexiconFile {
            try LexiconFile(bundled: name, in: .module, requiredColumns: columns)
        }
        var cues: [UInt64: (form: String, entry: CueEntry)] = [:]
        let cueFile = try load("CueVerbs", ["form", "lemma", "gender", "number", "takes"])
        let column = { (name: String) in cueFile.columns.firstIndex(of: name)! }
        for row in cueFile.rows {
            let form = normalizer.normalizedString(row.fields[column("form")])
            cues[Self.hash(form.utf8)] = (
                form,
                CueEntry(
                    lemma: row.fields[column("lemma")], feminine: row.fields[column("gender")] == "f",
                    plural: row.fields[column("number")] == "plural", takesObject: row.fields[column("takes")] == "object")
            )
        }
        var nouns: [String: ReportingNoun] = [:]
        let nounFile = try load("ReportingNouns", ["word", "kind", "gender", "number"])
        let nounColumn = { (name: String) in nounFile.columns.firstIndex(of: name)! }
        for row in nounFile.rows {
            nouns[normalizer.normalizedString(row.fields[nounColumn("word")])] = ReportingNoun(
                isPronoun: row.fields[nounColumn("kind")] == "pronoun", feminine: row.fields[nounColumn("gender")] == "f",
                plural: row.fields[nounColumn("number")] == "plural")
        }
        let sourceFile = try load("SourcePhrases", ["phrase"])
        self.sourcePhraseWords = sourceFile.rows.map { row in
            normalizer.normalizedString(row.fields[0].replacingOccurrences(of: "لـ", with: "ل")).split(separator: " ").map {
                Array($0.utf8)
            }
        }
        self.sourceFirstFilter = HashFilter(sourcePhraseWords.compactMap(\.first).map { Self.hash($0) })
        self.cueFilter = HashFilter(cues.keys)
        self.cues = cues
        self.reportingNouns = nouns
    }

    /// A set of 64-bit hashes as 2^16 bits: `mayContain` is false for almost every hash not in
    /// the set, and true for every hash in it.
    struct HashFilter: Sendable {
        private var words = [UInt64](repeating: 0, count: 1 << 10)

        init(_ hashes: some Sequence<UInt64>) {
            for hash in hashes { words[Int(truncatingIfNeeded: hash >> 6) & 0x3FF] |= 1 << (hash & 63) }
        }

        @inline(__always)
        func mayContain(_ hash: UInt64) -> Bool { words[Int(truncatingIfNeeded: hash >> 6) & 0x3FF] & (1 << (hash & 63)) != 0 }
    }

    /// FNV-1a of some bytes: the key of the cue table, computed on a token without a copy.
    static func hash(_ bytes: some Sequence<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        return hash
    }

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
