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
    ])
    func sameAsICUOnTrickyPieces(_ text: String) throws {
        try expectSameTokens(text)
        let light = try Tokenizer(normalizer: Normalizer(.light))
        let lightICU = try Tokenizer(normalizer: Normalizer(.light), usesFastPath: false)
        let normalized = light.normalizer.normalize(text)
        #expect(try light.tokens(in: normalized) == lightICU.tokens(in: normalized))
    }

    @Test func sameAsICUOnTheExampleArticle() throws {
        try expectSameTokens(Fixtures.exampleArticle)
    }

    @Test func sameAsICUOnTheCorpus() throws {
        let articles = Fixtures.corpusArticles(megabytes: Int(ProcessInfo.processInfo.environment["FASTPATH_MB"] ?? "6")!)
        for article in articles { try expectSameTokens(article) }
        for article in articles.prefix(300) {
            let light = try Tokenizer(normalizer: Normalizer(.light))
            let lightICU = try Tokenizer(normalizer: Normalizer(.light), usesFastPath: false)
            let normalized = light.normalizer.normalize(article)
            #expect(try light.tokens(in: normalized) == lightICU.tokens(in: normalized))
        }
    }
}
