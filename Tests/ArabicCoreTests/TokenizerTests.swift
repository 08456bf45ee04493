import ArabicCore
import Testing

@Suite struct TokenizerTests {
    let tokenizer = try! Tokenizer()

    func tokens(_ text: String) throws -> [String] { try tokenizer.tokens(in: text).map { String($0.text) } }

    @Test(arguments: [
        ("دعت روسيا، اليوم الأربعاء،", ["دعت", "روسيا", "،", "اليوم", "الأربعاء", "،"]),
        ("وكالة “سبوتنيك” الروسية", ["وكالة", "“", "سبوتنيك", "”", "الروسية"]),
        ("بتاريخ 9 نوفمبر 2020،", ["بتاريخ", "9", "نوفمبر", "2020", "،"]),
        ("من طراز AR924 من", ["من", "طراز", "AR924", "من"]),
        ("بحزب الله11101", ["بحزب", "الله", "11101"]),
        ("2015م", ["2015", "م"]),
        ("المصدر: RT + وسائل", ["المصدر", ":", "RT", "+", "وسائل"]),
        ("الموضوع.. تشخيص", ["الموضوع", ".", ".", "تشخيص"]),
        ("3.5 مليار", ["3.5", "مليار"]),
        ("٣٫٥ مليار", ["٣٫٥", "مليار"]),
    ])
    func splitsLikeARaderWould(_ text: String, _ expected: [String]) throws {
        #expect(try tokens(text) == expected)
    }

    @Test(arguments: [
        ("روسيا", TokenKind.arabicWord), ("RT", .latinWord), ("AR924", .latinWord), ("2020", .number), ("٢٠٢٠", .number),
        ("،", .punctuation), ("«", .punctuation), ("؟", .punctuation), ("+", .symbol), ("$", .symbol), ("%", .punctuation),
        ("Москва", .otherWord),
    ])
    func kinds(_ text: String, _ kind: TokenKind) throws {
        let found = try tokenizer.tokens(in: text)
        #expect(found.count == 1)
        #expect(found.first?.kind == kind)
    }

    @Test func whitespaceAndInvisibleMarksAreNotTokens() throws {
        #expect(try tokens(" \t\n\u{00A0}\u{200F}  ") == [])
        // Without folds, ICU keeps a mark with the word before it; it is never a token alone.
        #expect(try Tokenizer(normalizer: Normalizer([])).tokens(in: "a\u{200F} \u{200F}b").map(\.text) == ["a\u{200F}", "b"])
    }

    @Test func normalizedFormsComeFromTheNormalizer() throws {
        let found = try tokenizer.tokens(in: "وأكّدت الخارجيـة")
        #expect(found.map(\.normalized) == ["واكدت", "الخارجيه"])
        #expect(found.map(\.text) == ["وأكّدت", "الخارجيـة"])
    }

    @Test func theExampleArticle() throws {
        let found = try tokenizer.tokens(in: Fixtures.exampleArticle)
        #expect(found.count == 636)
        // In order, without overlap, each reading back its own text.
        for (previous, next) in zip(found, found.dropFirst()) { #expect(previous.range.upperBound <= next.range.lowerBound) }
        #expect(found.filter { $0.kind == .number }.map(\.text).prefix(6) == ["2022", "2023", "9", "2020", "2020", "2022"])
        #expect(found.filter { $0.kind == .latinWord }.map(\.text) == ["AR924", "RT"])
        #expect(found.contains { $0.normalized == "اذربيجان" && $0.text == "أذربيجان" })
    }

    @Test func bothICUDoorsGiveTheSameTokens() throws {
        let utf8Door = try Tokenizer(readsUTF8Directly: true, usesFastPath: false)
        let utf16Door = try Tokenizer(usesFastPath: false)
        #expect(try utf8Door.tokens(in: Fixtures.exampleArticle) == utf16Door.tokens(in: Fixtures.exampleArticle))
    }

    @Test func anUnknownLocaleStillOpens() throws {
        // ICU falls back to its root rules; a malformed locale is ICU's to judge.
        #expect(try Tokenizer(locale: "xx").tokens(in: "نص قصير").count == 2)
    }
}
