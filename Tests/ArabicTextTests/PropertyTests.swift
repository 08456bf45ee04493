import ArabicText
import Testing

/// Properties that hold for every text, checked on seeded random texts (the same ones every
/// run): any Unicode, and Arabic news-like text. A failure names the case's seed.
@Suite struct PropertyTests {
    static let everything = try! Pipeline(.init(annotators: .all))
    static let presets: [(String, NormalizationOptions)] = NormalizationOptions.presets + [("none", [])]

    /// `cases` texts of each kind, with the seed that makes each.
    static func texts(_ cases: Int, seed: UInt64) -> [(seed: UInt64, text: String)] {
        (0..<UInt64(cases)).map { index in
            var random = SeededGenerator(seed: seed &+ index)
            let text =
                index % 2 == 0 ? TextGenerator.anyUnicode(&random) : TextGenerator.arabicNews(&random)
            return (seed &+ index, text)
        }
    }

    @Test(arguments: presets.map(\.0))
    func normalizationIsIdempotent(_ preset: String) {
        let normalizer = Normalizer(Self.presets.first { $0.0 == preset }!.1)
        for (seed, text) in Self.texts(1_000, seed: 1) {
            let once = normalizer.normalizedString(text)
            let twice = normalizer.normalizedString(once)
            #expect(once == twice, "seed \(seed): \(Array(once.unicodeScalars)) → \(Array(twice.unicodeScalars))")
        }
    }

    @Test(arguments: presets.map(\.0))
    func theOffsetMapIsMonotonicAndLandsOnCharacters(_ preset: String) {
        let normalizer = Normalizer(Self.presets.first { $0.0 == preset }!.1)
        for (seed, text) in Self.texts(500, seed: 1_000) {
            let result = normalizer.normalize(text)
            var lastStart = 0, lastEnd = 0
            var bad: [Int] = []
            for offset in 0...result.text.utf8.count where isScalarBoundary(offset, in: result.text) {
                let start = result.offsets.originalStart(of: offset), end = result.offsets.originalEnd(of: offset)
                if start < lastStart || end < lastEnd || !isScalarBoundary(start, in: text) || !isScalarBoundary(end, in: text) {
                    bad.append(offset)
                }
                lastStart = start
                lastEnd = end
            }
            #expect(bad.isEmpty, "seed \(seed): the map goes back or cuts a character at normalized \(bad.prefix(3))")
            #expect(result.offsets.originalEnd(of: result.text.utf8.count) <= text.utf8.count)
        }
    }

    @Test func tokensAreInOrderAndEveryLetterIsInOne() throws {
        let pipeline = try Pipeline(.init(annotators: [.normalization, .tokens]))
        for (seed, text) in Self.texts(500, seed: 2_000) {
            let document = try pipeline.analyze(text)
            let normalized = try #require(document.normalized)
            let tokens = document.tokens
            var next = 0, offset = 0, missing: [Unicode.Scalar] = []
            for scalar in normalized.text.unicodeScalars {
                defer { offset += scalar.utf8.count }
                while next < tokens.count && tokens[next].normalizedRange.upperBound <= offset { next += 1 }
                switch scalar.properties.generalCategory {
                case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter, .decimalNumber:
                    if !(next < tokens.count && tokens[next].normalizedRange.contains(offset)) { missing.append(scalar) }
                default: break
                }
            }
            #expect(missing.isEmpty, "seed \(seed): letters in no token: \(missing.prefix(5))")
            #expect(expectSpansReadBack(document) == 0, "seed \(seed)")
        }
    }

    @Test func everySpanOfEveryAnnotationReadsBack() throws {
        for (seed, text) in Self.texts(400, seed: 3_000) {
            let document = try Self.everything.analyze(text)
            #expect(expectSpansReadBack(document) == 0, "seed \(seed): \(text.debugDescription.prefix(200))")
        }
    }

    /// Two documents one after the other, as separate paragraphs: the analysis finds the
    /// entities and quotations of each, the second's moved by the first's length.
    @Test func aConcatenationFindsWhatEachDocumentHas() throws {
        let pipeline = try Pipeline()
        var articles = NewsCorpus.articles(count: 40)
        for seed in UInt64(0)..<40 {
            var random = SeededGenerator(seed: 4_000 + seed)
            articles.append(TextGenerator.arabicNews(&random))
        }
        for (first, second) in zip(articles, articles.dropFirst()) {
            let a = try pipeline.analyze(first), b = try pipeline.analyze(second)
            let joined = try pipeline.analyze(first + "\n\n" + second)
            let shift = first.utf8.count + 2
            func key(_ entity: Entity, _ by: Int) -> String { "\(entity.type) \(entity.range.lowerBound + by) \(entity.text)" }
            func key(_ quote: Quotation, _ by: Int) -> String { "\(quote.kind) \(quote.range.lowerBound + by) \(quote.text)" }
            let expectedEntities = Set(a.entities.map { key($0, 0) } + b.entities.map { key($0, shift) })
            let foundEntities = Set(joined.entities.map { key($0, 0) })
            #expect(expectedEntities.subtracting(foundEntities).isEmpty, "\(first.prefix(40)) + \(second.prefix(40))")
            let expectedQuotes = Set(a.quotations.map { key($0, 0) } + b.quotations.map { key($0, shift) })
            let foundQuotes = Set(joined.quotations.map { key($0, 0) })
            #expect(expectedQuotes.subtracting(foundQuotes).isEmpty, "\(first.prefix(40)) + \(second.prefix(40))")
        }
    }
}
