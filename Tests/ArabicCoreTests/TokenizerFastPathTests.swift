import ArabicCore
import Foundation
import Testing

/// The fast path must give exactly ICU's tokens.
@Suite struct TokenizerFastPathTests {
    let fast = try! Tokenizer()
    let icuOnly = try! Tokenizer(usesFastPath: false)

    func expectSameTokens(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let normalized = fast.normalizer.normalize(text)
        let a = try fast.tokens(in: normalized)
        let b = try icuOnly.tokens(in: normalized)
        if a != b {
            let index = (0..<min(a.count, b.count)).first { a[$0] != b[$0] } ?? min(a.count, b.count)
            let context = { (tokens: [Token]) in
                tokens[max(0, index - 2)..<min(tokens.count, index + 3)].map { "\($0.kind):\($0.text)" }
            }
            Issue.record(
                "fast path differs at token \(index): \(context(a)) vs ICU \(context(b))", sourceLocation: sourceLocation)
        }
    }

    @Test(arguments: [
        "وقال: “إن هذا (الأمر) غير مقبول”.", "AR924 و3D وU.S. و2015م و11101الله", "3.5 و1,000 و2020-2022",
        "don't – «واس» ... ؟! ؛ ،و", "\u{064E}كلمة بعد حركة", "ـكلمة", "مي\u{200C}خواهم", "a_b 😀 🇸🇦 ✓\u{FE0F}",
        "كلمة.كلمة", "ب:ب", "www.spa.gov.sa", "#وسم @حساب", "٣٫٥ ٢٠٢٢",
        // Words of letters alone (the tightest loop) and what may stop it.
        "و", "ب ل", "كلمة", " كلمة\n", "كلمةَ بعدها", "كلمة، وأخرى", "كلمةA", "كلمة٣", "كلمة\u{200C}أخرى", "ۀ ۂ",
    ])
    func sameAsICUOnTrickyPieces(_ text: String) throws {
        try expectSameTokens(text)
        try expectScanTokensMatch(text)
        let light = try Tokenizer(normalizer: Normalizer(.light))
        let lightICU = try Tokenizer(normalizer: Normalizer(.light), usesFastPath: false)
        let normalized = light.normalizer.normalize(text)
        #expect(try light.tokens(in: normalized) == lightICU.tokens(in: normalized))
    }

    /// The scans' tokens are the tokenizer's, and their hashes, computed as the fast path
    /// reads, are those of their bytes.
    func expectScanTokensMatch(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let normalized = fast.normalizer.normalize(text)
        let tokens = try fast.tokens(in: normalized)
        var bytes = normalized.text
        let scanTokens = try bytes.withUTF8 { try fast.scanTokens(inNormalized: $0, offsets: normalized.offsets) }
        #expect(
            scanTokens.map { [$0.kind.rawValue, "\($0.range)", "\($0.normalizedRange)"] }
                == tokens.map { [$0.kind.rawValue, "\($0.range)", "\($0.normalizedRange)"] }, sourceLocation: sourceLocation)
        bytes.withUTF8 { utf8 in
            for token in scanTokens {
                let expected = TokenHash.hashes(of: UnsafeBufferPointer(rebasing: utf8[token.normalizedRange]), andWithout: 2)
                #expect(
                    token.hash == expected.whole && token.restHash == expected.rest,
                    "hashes of \(String(decoding: utf8[token.normalizedRange], as: UTF8.self))", sourceLocation: sourceLocation)
            }
        }
    }

    @Test func sameAsICUOnTheExampleArticle() throws {
        try expectSameTokens(Fixtures.exampleArticle)
        try expectScanTokensMatch(Fixtures.exampleArticle)
    }

    @Test func sameAsICUOnTheCorpus() throws {
        let articles = Fixtures.corpusArticles(megabytes: Int(ProcessInfo.processInfo.environment["FASTPATH_MB"] ?? "6")!)
        for article in articles { try expectSameTokens(article) }
        for article in articles.prefix(300) { try expectScanTokensMatch(article) }
        for article in articles.prefix(300) {
            let light = try Tokenizer(normalizer: Normalizer(.light))
            let lightICU = try Tokenizer(normalizer: Normalizer(.light), usesFastPath: false)
            let normalized = light.normalizer.normalize(article)
            #expect(try light.tokens(in: normalized) == lightICU.tokens(in: normalized))
        }
    }
}
