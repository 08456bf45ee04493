/// A clitic written before an Arabic word.
public enum Proclitic: String, Hashable, Sendable, CaseIterable, Codable {
    /// و "and".
    case wa = "و"
    /// ف "so, then".
    case fa = "ف"
    /// ب "with, in".
    case bi = "ب"
    /// ك "like".
    case ka = "ك"
    /// ل "for, to".
    case li = "ل"
    /// س future marker before an imperfect verb (سيقول).
    case sa = "س"
    /// ال the definite article; after ل it is written لل (للخارجية = ل + الخارجية).
    case al = "ال"
}

/// A pronoun written after an Arabic word.
public enum Enclitic: String, Hashable, Sendable, CaseIterable, Codable {
    case hu = "ه", ha = "ها", hum = "هم", huma = "هما", hunna = "هن"
    case ka = "ك", kum = "كم", kunna = "كن", kuma = "كما"
    case ya = "ي", na = "نا"
}

/// One way to read a word as clitics around a stem.
///
/// `وبالخارجية` → proclitics `[.wa, .bi, .al]`, stem `خارجيه` (in normalized form).
public struct CliticAnalysis: Hashable, Sendable {
    /// The proclitics, in writing order.
    public var proclitics: [Proclitic]
    /// The stem, as it is in the analyzed word.
    public var stem: Substring
    /// UTF-8 offsets of the stem in the analyzed word.
    public var stemRange: Range<Int>
    /// The pronoun after the stem, if any.
    public var enclitic: Enclitic?
    /// Whether ل + ال is written لل, so that the word has no alef of the article.
    public var contractsArticle: Bool
    /// Whether the stem is a protected word (so this reading is the one to prefer).
    public var stemIsProtected: Bool

    /// Whether the analysis splits nothing off.
    public var isWholeWord: Bool { proclitics.isEmpty && enclitic == nil }

    /// The UTF-8 offset, in the analyzed word, where the name a mention would span begins:
    /// after و ف ب ك ل, but keeping ال, and the whole word for لل (لليابان).
    public var mentionStart: Int {
        if contractsArticle { return 0 }
        var offset = 0
        for proclitic in proclitics where proclitic != .al { offset += proclitic.rawValue.utf8.count }
        return offset
    }
}

/// Offers the clitic analyses of an Arabic word, never forcing one.
///
/// Every analysis obeys the order conjunction (و ف) → preposition (ب ك ل) or future س →
/// article ال, with س only before an imperfect prefix (ي ت ن ا), ال only without a
/// pronoun, and a stem of at least two letters. A protected word (a bundled list plus your
/// own) is never cut into: `وزارة` has only itself; `ووزارة` is `و + وزارة`.
///
/// ```swift
/// let analyzer = try CliticAnalyzer()
/// analyzer.analyses(of: "وبالخارجيه").map(\.stem)   // ["خارجيه", "بالخارجيه", "وبالخارجيه", …]
/// analyzer.analyses(of: "وزاره").count               // 1
/// ```
/// Analyze words in the normalizer's form: the analyzer folds its protected words with the
/// same ``Normalizer``.
public struct CliticAnalyzer: Sendable {
    /// The normalizer the protected words were folded with.
    public let normalizer: Normalizer
    /// The protected words, normalized.
    public let protectedWords: Set<String>
    /// The fewest letters a stem may have.
    public let minimumStemLength: Int

    /// An analyzer with the bundled protected words plus `additionalProtectedWords` and
    /// the words of `additionalLexicons` (files named `ProtectedWords.tsv`, with a `word`
    /// column, checked line by line).
    ///
    /// ```swift
    /// let analyzer = try CliticAnalyzer(additionalLexicons: ["my-rules/ProtectedWords.tsv"])
    /// ```
    public init(
        normalizer: Normalizer = Normalizer(), additionalProtectedWords: [String] = [], additionalLexicons: [String] = [],
        minimumStemLength: Int = 2
    ) throws(LexiconError) {
        var words: [String] = []
        var files = [try LexiconFile(bundled: Self.schema, in: .module)]
        for path in additionalLexicons {
            _ = try LexiconSchema.schema(forPath: path, among: [Self.schema])
            files.append(try LexiconFile(contentsOfFile: path, schema: Self.schema))
        }
        for file in files { words += file.rows.compactMap { file.value("word", in: $0) } }
        self.init(
            normalizer: normalizer, protectedWords: words + additionalProtectedWords, minimumStemLength: minimumStemLength)
    }

    /// The columns of `ProtectedWords.tsv`: a word the analyzer never cuts into, and a note.
    public static let schema = LexiconSchema("ProtectedWords", [.text("word"), .note("note")])

    /// An analyzer with exactly these protected words (no bundled list).
    public init(normalizer: Normalizer, protectedWords: [String], minimumStemLength: Int = 2) {
        self.normalizer = normalizer
        self.protectedWords = Set(protectedWords.map { normalizer.normalizedString($0) })
        self.minimumStemLength = minimumStemLength
    }

    /// Every analysis of `word` (in normalized form), most plausible first: readings whose
    /// stem is protected, then the whole word, then the rest with fewer clitics first.
    public func analyses(of word: some StringProtocol) -> [CliticAnalysis] {
        let word = Substring(word)
        let letters = Array(word.unicodeScalars)
        var offsets = [0]
        for scalar in letters { offsets.append(offsets.last! + scalar.utf8.count) }
        func slice(_ range: Range<Int>) -> Substring {
            let utf8 = word.utf8
            let start = utf8.index(utf8.startIndex, offsetBy: offsets[range.lowerBound])
            return word[start..<utf8.index(start, offsetBy: offsets[range.upperBound] - offsets[range.lowerBound])]
        }
        func isProtected(_ range: Range<Int>) -> Bool { protectedWords.contains(String(slice(range))) }

        var results: [CliticAnalysis] = []
        var protectedRanges: [Range<Int>] = []
        for prefix in Self.prefixes(of: letters) {
            for (enclitic, suffixLength) in Self.suffixes(of: letters) {
                if enclitic != nil && prefix.proclitics.last == .al { continue }
                let stem = prefix.length..<(letters.count - suffixLength)
                guard stem.count >= minimumStemLength else { continue }
                if prefix.proclitics.last == .sa && !Self.imperfectPrefixes.contains(letters[stem.lowerBound]) { continue }
                let stemIsProtected = isProtected(stem)
                if stemIsProtected { protectedRanges.append(stem) }
                results.append(
                    CliticAnalysis(
                        proclitics: prefix.proclitics, stem: slice(stem),
                        stemRange: offsets[stem.lowerBound]..<offsets[stem.upperBound], enclitic: enclitic,
                        contractsArticle: prefix.contracted, stemIsProtected: stemIsProtected))
            }
        }
        // Drop readings whose clitic boundary cuts into a protected word.
        let protectedUTF8 = protectedRanges.map { offsets[$0.lowerBound]..<offsets[$0.upperBound] }
        results.removeAll { analysis in
            let stem = analysis.stemRange
            return protectedUTF8.contains { word in
                word != stem
                    && (word.lowerBound < stem.lowerBound && stem.lowerBound < word.upperBound
                        || word.lowerBound < stem.upperBound && stem.upperBound < word.upperBound)
            }
        }
        return results.enumerated().sorted { left, right in
            let (l, r) = (left.element, right.element)
            if l.stemIsProtected != r.stemIsProtected { return l.stemIsProtected }
            if l.isWholeWord != r.isWholeWord { return l.isWholeWord }
            let lCount = l.proclitics.count + (l.enclitic == nil ? 0 : 1)
            let rCount = r.proclitics.count + (r.enclitic == nil ? 0 : 1)
            if lCount != rCount { return lCount < rCount }
            return left.offset < right.offset
        }.map(\.element)
    }

    static let imperfectPrefixes: Set<Unicode.Scalar> = ["ي", "ت", "ن", "ا", "أ"]

    /// The proclitic sequences the word starts with, the empty one first.
    static func prefixes(of letters: [Unicode.Scalar]) -> [(proclitics: [Proclitic], length: Int, contracted: Bool)] {
        var results: [(proclitics: [Proclitic], length: Int, contracted: Bool)] = [([], 0, false)]
        func starts(with text: String, at offset: Int) -> Bool {
            let scalars = Array(text.unicodeScalars)
            return offset + scalars.count <= letters.count && Array(letters[offset..<(offset + scalars.count)]) == scalars
        }
        let conjunctions: [(Proclitic?, Int)] =
            [(nil, 0)] + [Proclitic.wa, .fa].compactMap { starts(with: $0.rawValue, at: 0) ? ($0, 1) : nil }
        for (conjunction, afterConjunction) in conjunctions {
            var base: [Proclitic] = conjunction.map { [$0] } ?? []
            if conjunction != nil { results.append((base, afterConjunction, false)) }
            // Preposition or future marker, then the article.
            for particle in [Proclitic.bi, .ka, .li, .sa] where starts(with: particle.rawValue, at: afterConjunction) {
                let afterParticle = afterConjunction + 1
                results.append((base + [particle], afterParticle, false))
                if particle == .li && starts(with: "ل", at: afterParticle) {
                    results.append((base + [.li, .al], afterParticle + 1, true))
                } else if particle != .sa && particle != .li && starts(with: "ال", at: afterParticle) {
                    results.append((base + [particle, .al], afterParticle + 2, false))
                }
            }
            if starts(with: "ال", at: afterConjunction) {
                base.append(.al)
                results.append((base, afterConjunction + 2, false))
            }
        }
        return results
    }

    /// The enclitics the word ends with, with their length in letters; no enclitic first.
    static func suffixes(of letters: [Unicode.Scalar]) -> [(Enclitic?, Int)] {
        var results: [(Enclitic?, Int)] = [(nil, 0)]
        for enclitic in Enclitic.allCases {
            let scalars = Array(enclitic.rawValue.unicodeScalars)
            if letters.count > scalars.count && Array(letters.suffix(scalars.count)) == scalars {
                results.append((enclitic, scalars.count))
            }
        }
        return results
    }
}
