import ArabicCore
import Testing

@Suite struct SentenceSplitterTests {
    let splitter = try! SentenceSplitter()

    func sentences(_ text: String) throws -> [String] { try splitter.sentences(in: text).map { String($0.text) } }

    @Test(arguments: [
        ("وصل الوفد. وبدأت المحادثات.", ["وصل الوفد.", "وبدأت المحادثات."]),
        ("هل انتهى؟ نعم", ["هل انتهى؟", "نعم"]),
        ("قال ذلك؛ ثم غادر", ["قال ذلك؛", "ثم غادر"]),
        ("وانتظر… ثم عاد", ["وانتظر…", "ثم عاد"]),
        ("بهذا الموضوع.. تشخيص الحادثة", ["بهذا الموضوع..", "تشخيص الحادثة"]),
        ("سطر أول\nسطر ثان", ["سطر أول", "سطر ثان"]),
        ("قال: «وصلنا. بدأنا». ثم غادر", ["قال: «وصلنا. بدأنا».", "ثم غادر"]),
        ("قال: “وصلنا. بدأنا” ثم غادر.", ["قال: “وصلنا. بدأنا” ثم غادر."]),
        ("قال: ”وصلنا. بدأنا“ ثم غادر.", ["قال: ”وصلنا. بدأنا“ ثم غادر."]),
        ("قال: \"وصلنا. بدأنا\" ثم غادر.", ["قال: \"وصلنا. بدأنا\" ثم غادر."]),
        ("التقى د. محمد بالوزير.", ["التقى د. محمد بالوزير."]),
        ("قال: «بدأنا.\nوصلنا» هنا", ["قال: «بدأنا.", "وصلنا» هنا"]),
    ])
    func splitsArabicNews(_ text: String, _ expected: [String]) throws {
        #expect(try sentences(text) == expected)
    }

    /// What must NOT end a sentence.
    @Test(arguments: ["بلغ 3.5 مليار", "موقع spa.gov.sa الرسمي", "قال: «أولا. ثانيا» وانصرف", "عام 2015م"])
    func doesNotSplit(_ text: String) throws {
        #expect(try sentences(text).count == 1)
    }

    @Test func theExampleArticle() throws {
        let found = try splitter.sentences(in: Fixtures.exampleArticle)
        #expect(found.count == 36)
        let texts = found.map { String($0.text) }
        #expect(texts[0].hasPrefix("دعت روسيا"))
        #expect(texts.contains("المصدر: صدى البلد"))
        // The quotation with a full stop inside stays one sentence.
        #expect(texts.contains { $0.hasPrefix("وفي وقت سابق من اليوم الأربعاء، أكدت") && $0.hasSuffix("ما حدث”.") })
        // ".." inside an unpaired quotation ends a sentence.
        #expect(texts.contains("وأضافت للصحفيين: هذا التفجير يتطلب تحقيقا، ويتطلب اهتماما دوليا بهذا الموضوع.."))
        for sentence in found { #expect(Fixtures.exampleArticle.utf8Slice(sentence.range) == sentence.text) }
    }

    @Test func manyUnbalancedAndNestedQuotesStayLinear() throws {
        let text = String(repeating: "« “ \" ", count: 20_000) + "نهاية."
        #expect(try sentences(text).count == 1)
    }
}
