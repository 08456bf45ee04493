import ArabicCore
import Foundation
import Testing

@Suite struct OffsetMapTests {
    let search = Normalizer(.search)

    /// (original, a normalized substring, what the original range must read)
    @Test(arguments: [
        ("قالت الوزارةُ اليوم", "الوزاره", "الوزارةُ"),
        ("كتـــبَ الدرس", "كتب", "كتـــبَ"),
        ("بتاريخ ٩ نوفمبر ٢٠٢٠", "2020", "٢٠٢٠"),
        ("روسيا\u{200F} والصين", "والصين", "والصين"),
        ("روسيا\u{200F} والصين", "روسيا", "روسيا"),
        ("قره   باج", "قره باج", "قره   باج"),
        ("حفظه ﷲ تعالى", "الله", "ﷲ"),
        ("ﷺ", "الله", "ﷺ"),
        ("ر\u{064A}\u{0654}يس الوزراء", "رئيس", "ر\u{064A}\u{0654}يس"),
    ])
    func normalizedRangesMapToTheOriginal(_ original: String, _ needle: String, _ expected: String) throws {
        let result = search.normalize(original)
        let range = try #require(result.text.range(of: needle))
        #expect(result.originalText(of: range) == expected)
    }

    @Test func everyTokenOfTheExampleReadsBackItsOriginal() throws {
        let tokenizer = try Tokenizer()
        for options in [NormalizationOptions.search, .light, [.diacritics, .tatweel], []] {
            let result = Normalizer(options).normalize(Fixtures.exampleArticle)
            for token in try tokenizer.tokens(in: result) {
                #expect(result.original.utf8Slice(token.range) == token.text)
                // The original token normalizes to the normalized token on its own.
                #expect(Normalizer(options).normalizedString(String(token.text)) == token.normalized)
            }
        }
    }

    @Test func mapIsMonotonicAndCoversBothEnds() {
        let samples = [Fixtures.exampleArticle, "ـــ\u{200F}ﷺ ٢٠ جُزْءًا  \u{00A0}ﻻ", ""]
        for text in samples {
            let result = search.normalize(text)
            let map = result.offsets
            #expect(map.originalStart(of: 0) >= 0)
            #expect(map.originalEnd(of: result.text.utf8.count) <= text.utf8.count)
            var previousStart = 0, previousEnd = 0
            for offset in 0...result.text.utf8.count {
                let start = map.originalStart(of: offset), end = map.originalEnd(of: offset)
                #expect(start >= previousStart && end >= previousEnd)
                previousStart = start
                previousEnd = end
            }
        }
    }

    @Test func cursorAgreesWithBinarySearch() throws {
        let result = search.normalize(Fixtures.exampleArticle + " ـــ جُزْءًا ﷺ")
        var cursor = result.offsets.cursor()
        for token in try Tokenizer().tokens(in: result) {
            #expect(cursor.originalRange(of: token.normalizedRange) == result.offsets.originalRange(of: token.normalizedRange))
        }
    }

    /// Every range of up to four bytes and every empty range, each width in increasing order
    /// with a cursor of its own (as a cursor is used: neither bound goes back): at, inside,
    /// right after and between edits (deletions that attach, expansions, whitespace runs),
    /// and past the last one.
    @Test(arguments: [
        "ـــ\u{200F}ﷺ ٢٠ جُزْءًا  \u{00A0}ﻻ",
        "كتـــبَ الدرسَ ثم قال",
        "قال الوزير اليوم",
        "ﷺﷺ",
        "بِسْمِ   اللَّهِ",
    ])
    func cursorAgreesWithBinarySearchOnEveryRange(_ text: String) {
        let result = search.normalize(text)
        let length = result.text.utf8.count
        for width in 0...4 {
            var cursor = result.offsets.cursor()
            for lower in 0...max(length - width, 0) {
                let range = lower..<min(lower + width, length)
                #expect(
                    cursor.originalRange(of: range) == result.offsets.originalRange(of: range),
                    "\(range) of \(text.debugDescription)")
            }
        }
    }

    @Test func unchangedTextHasAnIdentityMap() {
        let result = search.normalize("اليوم الاربعاء")
        #expect(result.offsets.isIdentity)
        #expect(result.text == result.original)
    }
}
