import ArabicText
import Foundation
import Testing

let pipeline = try! Pipeline()

func fixture(_ name: String) throws -> String {
    let url = try #require(Bundle.module.url(forResource: "Fixtures/\(name)", withExtension: nil))
    return try String(contentsOf: url, encoding: .utf8)
}

/// The kinds of a text's sections, each with its text: "kind:text".
func sections(_ text: String) throws -> [String] {
    let document = try pipeline.analyze(text)
    return try #require(document.structure).sections.map { "\($0.kind.rawValue):\(document.text(at: $0.range))" }
}

/// The sections, for a failure message.
func shown(_ text: String) -> String { (try? sections(text)).map { "\($0)" } ?? "(no analysis)" }

@Suite struct ArticleStructureRuleTests {
    @Test(arguments: [
        // A dateline: places, agencies, dates up to a dash or a colon, or a whole line of them.
        ("روسيا – أدانت وزارة الخارجية الروسية تفجيرات أجهزة البيجر.", "روسيا"),
        ("سبق- الرياض: أصدر خادم الحرمين الشريفين الملك سلمان أمرا.", "سبق- الرياض"),
        ("واس - الخبر: أعلنت جامعة الدمام طرح 59 وظيفة صحية.", "واس - الخبر"),
        ("الرياض – واس\nأعلنت الوزارة اليوم نتائج القبول.", "الرياض – واس"),
        (
            "واشنطن 15 شوال 1436 هـ الموافق 31 يوليو 2015 م واس\nنفذت قوات التحالف الدولي اليوم 41 ضربة.",
            "واشنطن 15 شوال 1436 هـ الموافق 31 يوليو 2015 م واس"
        ),
    ])
    func datelines(_ text: String, _ dateline: String) throws {
        let document = try pipeline.analyze(text)
        let structure = try #require(document.structure)
        #expect(structure.datelines.map(\.text) == [dateline], "\(shown(text))")
    }

    @Test(arguments: [
        "1948 - اعتقال قادة الحزب الشيوعي الأميركي في الولايات المتحدة.",  // a year, not a place
        "بوتين: روسيا ضاعفت إنتاج الأسلحة وطورت خصائصها.",  // a headline quotation, not a dateline
        "روسيا: نعتبر تفجيرات أجهزة بيجر في لبنان كأحد مظاهر الحرب.",  // a place and a colon alone
        "السعودية تعلن عن ميزانية جديدة - وفق المصادر.",  // the dash comes after a verb
        "دعت روسيا، اليوم الأربعاء، الأطراف المتنازعة إلى وقف القتال.",
    ])
    func notDatelines(_ text: String) throws {
        let structure = try #require(try pipeline.analyze(text).structure)
        #expect(structure.datelines.isEmpty, "\(shown(text))")
    }

    @Test(arguments: [
        ("المصدر: صدى البلد", "source", "صدى البلد"),
        ("المصدر : RT + وسائل إعلام أمريكية", "source", "RT + وسائل إعلام أمريكية"),
        ("مصدر الخبر: وكالة الأنباء السعودية", "source", "وكالة الأنباء السعودية"),
    ])
    func sourceLines(_ line: String, _ kind: String, _ value: String) throws {
        let text = "وصل الوفد إلى الرياض أمس في زيارة رسمية تستمر ثلاثة أيام.\n\n\(line)"
        let structure = try #require(try pipeline.analyze(text).structure)
        #expect(structure.sources.map(\.text) == [value])
        #expect(structure.sections.last?.kind.rawValue == kind)
    }

    @Test(arguments: [
        "وكشف المصدر أن المصابين تم سحبهم من جبهات القتال.",  // المصدر the subject, no colon
        "وأكد المصدر: التحقيقات مستمرة لمعرفة ملابسات الحادث.",  // a verb before المصدر
        "1- الدول المصدرة للنفط",
    ])
    func notSourceLines(_ line: String) throws {
        let text = "وصل الوفد إلى الرياض أمس في زيارة رسمية تستمر ثلاثة أيام.\n\(line)"
        let structure = try #require(try pipeline.analyze(text).structure)
        #expect(structure.sources.isEmpty, "\(shown(text))")
    }

    @Test(arguments: [
        ("كلمات دلالية: روسيا القتال إقليم قره باغ أطراف النزاع", ["روسيا", "القتال", "إقليم قره باغ", "أطراف النزاع"]),
        ("الكلمات الدلالية: السعودية، النفط، أسعار الخام", ["السعودية", "النفط", "أسعار الخام"]),
        ("الوسوم: الرياض | وزارة الصحة | كورونا", ["الرياض", "وزارة الصحة", "كورونا"]),
    ])
    func keywords(_ line: String, _ expected: [String]) throws {
        let text = "وصل الوفد إلى الرياض أمس في زيارة رسمية تستمر ثلاثة أيام.\n\(line)"
        let structure = try #require(try pipeline.analyze(text).structure)
        #expect(structure.keywords.map(\.text) == expected)
    }

    @Test(arguments: [
        "إقرأ أيضاً:", "اقرأ أيضا", "مقالات مشابهة", "مواضيع ذات صلة", "أخبار ذات صلة:",
        // Spaces and punctuation around and between the marker's words are not part of it.
        "إقرأ  أيضاً :", "«مقالات مشابهة»", "- مواضيع ذات صلة -",
    ])
    func relatedHeadings(_ heading: String) throws {
        let text = """
            وصل الوفد إلى الرياض أمس في زيارة رسمية تستمر ثلاثة أيام.
            \(heading)
              • بوتين: روسيا ضاعفت إنتاج الأسلحة
              • روسيا.. إطلاق أقمار صناعية للأغراض العسكرية
            """
        #expect(
            try sections(text) == [
                "body:وصل الوفد إلى الرياض أمس في زيارة رسمية تستمر ثلاثة أيام.",
                "relatedHeading:\(heading)",
                "related:• بوتين: روسيا ضاعفت إنتاج الأسلحة",
                "related:• روسيا.. إطلاق أقمار صناعية للأغراض العسكرية",
            ])
    }

    @Test(arguments: [
        "اقرأ أيضا أن الوزارة أعلنت نتائج القبول اليوم.",  // the marker begins a sentence
        "مقالات مشابهة كثيرة نشرت في الصحف المحلية خلال الأسبوع الماضي.",
    ])
    func notRelatedHeadings(_ line: String) throws {
        let text = "وصل الوفد إلى الرياض أمس في زيارة رسمية تستمر ثلاثة أيام.\n\(line)"
        let structure = try #require(try pipeline.analyze(text).structure)
        #expect(structure.relatedHeadings.isEmpty, "\(shown(text))")
    }

    @Test(arguments: [
        ("وأكد الوزير أن العمل مستمر. // انتهى //", "// انتهى //"),
        ("وأكد الوزير أن العمل مستمر.\n//انتهى// 15:20 ت م", "//انتهى// 15:20 ت م"),
        ("وأكد الوزير أن العمل مستمر.\n// يتبع // سمات إيران المملكة", "// يتبع // سمات إيران المملكة"),
    ])
    func footers(_ text: String, _ footer: String) throws {
        let structure = try #require(try pipeline.analyze(text).structure)
        #expect(structure.footers.map(\.text) == [footer], "\(shown(text))")
    }

    @Test(arguments: [
        "يتبع الأسبوع القادم.",
        "ولماذا انتهى هكذا؟",
        "الطريق يتبع وزارة النقل // وفق البيان",
    ])
    func notFooters(_ text: String) throws {
        let structure = try #require(try pipeline.analyze(text).structure)
        #expect(structure.footers.isEmpty, "\(shown(text))")
    }

    @Test(arguments: [
        ("طلال عبدالله ـ جدة\nأعلنت الوزارة اليوم نتائج القبول في الجامعات.", "طلال عبدالله ـ جدة"),
        ("الرياضي ـ جدة\nفاز الفريق بالمباراة أمس.", "الرياضي ـ جدة"),
        ("محمد العلي - الرياض\nأعلنت الوزارة اليوم نتائج القبول.", "محمد العلي - الرياض"),
    ])
    func bylines(_ text: String, _ byline: String) throws {
        let structure = try #require(try pipeline.analyze(text).structure)
        #expect(structure.datelines.map(\.text) == [byline], "\(shown(text))")
        #expect(structure.sections.first?.kind == .dateline)
    }

    @Test(arguments: [
        "طلال عبدالله ـ نجم الفريق الأول\nفاز الفريق بالمباراة أمس.",  // no place after the dash
        "الجيش البوروندي يقتل 31 مسلحا ويعتقل 171 خلال اشتباكات - بوروندي\nقال الجيش إن …",  // too many words before it
    ])
    func notBylines(_ text: String) throws {
        let structure = try #require(try pipeline.analyze(text).structure)
        #expect(structure.datelines.isEmpty, "\(shown(text))")
    }

    @Test func aBulletIsNotAHeadline() throws {
        let text = "* اليونان: السيطرة على حرائق غابات أسفرت عن مقتل شرطي\n* مقتل 6 من عناصر الشرطة في أفغانستان"
        #expect(try sections(text).first?.hasPrefix("body:") == true, "\(shown(text))")
    }

    @Test func aShortFirstLineIsTheHeadline() throws {
        let text = "روسيا تدعو إلى وقف القتال في قره باغ\nدعت روسيا، اليوم الأربعاء، الأطراف المتنازعة إلى وقف القتال."
        #expect(try sections(text).first == "headline:روسيا تدعو إلى وقف القتال في قره باغ")
        // A first line that ends its sentence is body.
        #expect(
            try sections("دعت روسيا الأطراف إلى وقف القتال.\nوأضافت الوزارة أن الوضع خطير.").first?.hasPrefix("body:") == true)
    }
}

@Suite struct ExampleStructureTests {
    @Test func theExampleArticlesStructureIsFound() throws {
        let text = try fixture("karabakh-pagers.txt")
        let gold = try #require(
            try JSONSerialization.jsonObject(with: Data(fixture("karabakh-pagers.gold.json").utf8)) as? [String: Any])
        let expected = try #require(gold["structure"] as? [String: Any])
        let document = try pipeline.analyze(text)
        let structure = try #require(document.structure)
        #expect(structure.sources.map(\.text) == expected["source"] as? [String])
        #expect(structure.keywords.map(\.text) == expected["keywords"] as? [String])
        #expect(structure.relatedHeadings.map(\.text) == expected["relatedHeadings"] as? [String])
        #expect(structure.datelines.map(\.text) == [try #require(expected["dateline"] as? String)])
        // The related list's ten lines, and the related article after إقرأ أيضاً.
        #expect(structure.sections.filter { $0.kind == .related }.count == 10)
        #expect(
            structure.sections.filter { $0.kind == .headline }.map { document.text(at: $0.range) } == [
                "الخارجية الروسية: نعتبر تفجيرات أجهزة بيجر في لبنان كأحد مظاهر الحرب الهجينة"
            ])
        #expect(Set(structure.sections.map(\.article)) == [0, 1, 2])
    }

    @Test func nothingIsLostFromTheRelatedList() throws {
        let text = try fixture("karabakh-pagers.txt")
        let document = try pipeline.analyze(text)
        // Every line of the related list still has its entities and headline quotations.
        let relatedLines = try #require(document.structure).sections.filter { $0.kind == .related }
        for line in relatedLines {
            let alone = try pipeline.analyze(String(document.text(at: line.range)))
            let inPage = document.entities.filter { line.range.contains($0.range.lowerBound) }
            #expect(inPage.map(\.text) == alone.entities.map(\.text), "\(document.text(at: line.range))")
        }
        // … and its quotations: each line's, as found in the line alone.
        var relatedQuotes = 0
        for line in relatedLines {
            let alone = try pipeline.analyze(String(document.text(at: line.range)))
            let inPage = document.quotations.filter { line.range.contains($0.range.lowerBound) }
            #expect(inPage.map(\.text) == alone.quotations.map(\.text), "\(document.text(at: line.range))")
            #expect(inPage.allSatisfy { document.section(of: $0.range)?.kind == .related })
            relatedQuotes += inPage.count
        }
        #expect(relatedQuotes >= 4)
        #expect(document.entities.contains { document.section(of: $0.range)?.kind == .related && $0.text == "بوتين" })
    }

    @Test func everySectionIsInsideTheTextAndInOrder() throws {
        let text = try fixture("karabakh-pagers.txt")
        let sections = try #require(try pipeline.analyze(text).structure).sections
        for (earlier, later) in zip(sections, sections.dropFirst()) {
            #expect(earlier.range.upperBound <= later.range.lowerBound)
        }
        #expect(sections.allSatisfy { !$0.range.isEmpty && $0.range.upperBound <= text.utf8.count })
    }
}
