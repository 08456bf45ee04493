import ArabicCore
import ArabicEntities
import ArabicQuotes
import Foundation
import Testing

let finder = try! QuotationFinder()

func quotes(_ text: String) throws -> [Quotation] { try finder.analyze(text).quotations }

func describe(_ quotes: [Quotation]) -> [String] {
    quotes.map { "\($0.kind.rawValue) [\($0.speaker?.text ?? "-")|\($0.speaker?.resolved ?? "-")] \($0.text)" }
}

/// One rule, one table of real sentences: kind, speaker (or the speaker it resolves to) and
/// the start of the quoted words.
@Suite struct QuotationRuleTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let sentence: String
        let kind: QuotationKind
        let speaker: String
        let text: String
        var testDescription: String { sentence }
    }

    static func c(_ sentence: String, _ kind: QuotationKind, _ speaker: String, _ text: String) -> Case {
        Case(sentence: sentence, kind: kind, speaker: speaker, text: text)
    }

    @Test(arguments: [
        c(
            "قالت وزارة الخارجية الروسية في بيان: \"ندعو إلى وقف القتال\".", .direct, "وزارة الخارجية الروسية",
            "ندعو إلى وقف القتال"),
        c("قالت وزارة الخارجية المصرية: «الوضع تحت السيطرة».", .direct, "وزارة الخارجية المصرية", "الوضع تحت السيطرة"),
        c("قال بوتين: ”روسيا ستنتصر في النهاية“.", .direct, "بوتين", "روسيا ستنتصر في النهاية"),
        c("وقال أحمد موسى: الوضع خطير جدا", .direct, "أحمد موسى", "الوضع خطير جدا"),
        c(
            "أكدت المتحدثة الرسمية باسم وزارة الخارجية الروسية ماريا زاخاروفا: “الأمر يتطلب تحقيقا”.", .direct, "ماريا زاخاروفا",
            "الأمر يتطلب تحقيقا"),
        c("ولفتت الخارجية الروسية إلى أن \"القوات تقوم بواجبها\".", .direct, "الخارجية الروسية", "القوات تقوم بواجبها"),
        c("وقال أحدهم: “تم العبث بالأجهزة قبل وصولها", .direct, "أحدهم", "تم العبث بالأجهزة قبل وصولها"),
        c("وأضافت زاخاروفا للصحفيين: هذا التفجير يتطلب تحقيقا”.", .direct, "زاخاروفا", "هذا التفجير يتطلب تحقيقا"),
    ])
    func direct(_ test: Case) throws { try expect(test) }

    @Test(arguments: [
        c("وأضافت الخارجية الروسية أن الوضع خطير.", .indirect, "الخارجية الروسية", "الوضع خطير"),
        c("وقال بوتين إن روسيا ستواصل دعمها.", .indirect, "بوتين", "روسيا ستواصل دعمها"),
        c(
            "ذكر مسؤولون أمريكيون لصحيفة “نيويورك تايمز” أن إسرائيل نفذت العملية.", .indirect, "مسؤولون أمريكيون",
            "إسرائيل نفذت العملية"),
        c("كشف مسؤولون لموقع “أكسيوس” أن إسرائيل اضطرت لذلك.", .indirect, "مسؤولون", "إسرائيل اضطرت لذلك"),
        c("دعت روسيا، اليوم الأربعاء، الأطراف إلى وقف القتال.", .indirect, "روسيا", "الأطراف إلى وقف القتال"),
        c(
            "أدانت وزارة الخارجية الروسية التفجيرات وصنفت الحادث على أنه عمل حربي.", .indirect, "وزارة الخارجية الروسية",
            "التفجيرات وصنفت الحادث على أنه عمل حربي"),
        c("بوتين قال إن روسيا مستعدة.", .indirect, "بوتين", "روسيا مستعدة"),
    ])
    func indirect(_ test: Case) throws { try expect(test) }

    @Test(arguments: [
        c(
            "أعلنت وزارة الدفاع الأذربيجانية إطلاق عملية \"لمكافحة الإرهاب\" في المنطقة.", .partial, "وزارة الدفاع الأذربيجانية",
            "لمكافحة الإرهاب")
    ])
    func partial(_ test: Case) throws { try expect(test) }

    @Test(arguments: [
        c("بوتين: روسيا ضاعفت إنتاج الأسلحة", .direct, "بوتين", "روسيا ضاعفت إنتاج الأسلحة"),
        c("الخارجية الروسية: نعتبر التفجيرات مظهرا للحرب", .direct, "الخارجية الروسية", "نعتبر التفجيرات مظهرا للحرب"),
        c(
            "• نتنياهو تحت الأرض.. أحمد موسى عن العملية العسكرية بلبنان: أكبر اختراق لنظام الاتصالات", .direct, "أحمد موسى",
            "أكبر اختراق لنظام الاتصالات"),
    ])
    func headlines(_ test: Case) throws { try expect(test) }

    func expect(_ test: Case, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let found = try quotes(test.sentence)
        let match = found.first { $0.text.hasPrefix(test.text) }
        #expect(match?.kind == test.kind, "\(describe(found))", sourceLocation: sourceLocation)
        #expect(
            match?.speaker?.text == test.speaker || match?.speaker?.resolved == test.speaker, "\(describe(found))",
            sourceLocation: sourceLocation)
        #expect(match?.text == test.text || match?.text.hasPrefix(test.text) == true, sourceLocation: sourceLocation)
        if let match { #expect(String(test.sentence.utf8Slice(match.range)) == match.text, sourceLocation: sourceLocation) }
    }
}

/// Carry-over: a verb with no subject takes the last speaker that agrees with it, and says so.
@Suite struct SpeakerCarryOverTests {
    @Test func aDroppedSubjectTakesTheLastAgreeingSpeaker() throws {
        let found = try quotes("قالت وزارة الخارجية الروسية إن الوضع خطير. وأكدت أن الحل سياسي.")
        #expect(found.count == 2)
        #expect(found[1].speaker?.text == nil)
        #expect(found[1].speaker?.range == nil)
        #expect(found[1].speaker?.resolved == "وزارة الخارجية الروسية")
    }

    @Test func noSpeakerRatherThanOneThatDoesNotAgree() throws {
        let found = try quotes("قالت وزارة الخارجية الروسية إن الوضع خطير. وأكد أن الحل سياسي.")
        #expect(found.count == 2)
        #expect(found[1].speaker == nil, "\(describe(found))")
    }

    @Test func aPronounPointsBackToAPluralSpeaker() throws {
        let found = try quotes("ذكر مسؤولون أمريكيون أن العملية بدأت.\nوقال أحدهم: \"تمت العملية بنجاح\".")
        let last = try #require(found.last)
        #expect(last.speaker?.text == "أحدهم")
        #expect(last.speaker?.resolved == "مسؤولون أمريكيون")
    }

    @Test func aSpeakerThatIsAnEntityPointsToIt() throws {
        let analysis = try finder.analyze("قالت وزارة الخارجية الروسية إن الوضع خطير.")
        let index = try #require(analysis.quotations.first?.speaker?.entity)
        #expect(analysis.entities[index].text == "وزارة الخارجية الروسية")
        #expect(analysis.entities[index].id == "RU")
    }
}

/// What must not be a quotation.
@Suite struct NotQuotationTests {
    @Test(arguments: [
        "وحسب وكالة “سبوتنيك” الروسية، وصل الوفد.",  // a quoted name
        "صدر كتاب \"الأيام\" للكاتب طه حسين عام 1929.",  // a book's title
        "عرض فيلم \"عمر المختار أسد الصحراء\" في دمشق.",  // a film's title, no speaker
        "وصف المقال الخطة بأنها \"ناجحة\" جدا.",  // scare quotes
        "المصدر: صدى البلد",  // a source line
        "كلمات دلالية: روسيا القتال إقليم قره باغ",  // a keyword line
        "إقرأ أيضاً:",
        "عاجل.. أول رد من “الخارجية الأمريكية” بشأن الانفجارات",  // a quoted name in a headline
    ])
    func noQuotation(_ text: String) throws {
        let found = try quotes(text)
        #expect(found.isEmpty, "\(describe(found))")
    }

    @Test func aScareQuotedWordInsideReportedSpeechIsNoPartialQuotation() throws {
        let found = try quotes("قال الوزير بوتين إن الخطة \"ناجحة\".")
        #expect(found.map(\.kind) == [.indirect])
    }

    @Test func aVerbInsideAQuotationIntroducesNothing() throws {
        let found = try quotes("قال بوتين: \"لقد قال الغرب إن روسيا ضعيفة\".")
        #expect(found.count == 1)
        #expect(found.first?.kind == .direct)
    }
}

/// The example article against its gold quotations, with the measure of
/// ../shared/tools/score_example.py.
@Suite struct ExampleArticleQuotationTests {
    static func load(_ name: String, _ ext: String) -> Data {
        guard let url = Bundle.module.url(forResource: name, withExtension: ext, subdirectory: "Fixtures"),
            let data = try? Data(contentsOf: url)
        else { fatalError("fixture \(name).\(ext) is missing") }
        return data
    }

    static func norm(_ text: String) -> String {
        Normalizer(.search).normalizedString(text).components(separatedBy: CharacterSet(charactersIn: " \"“”«».,،:؛!?؟()[]-"))
            .filter { !$0.isEmpty }.joined(separator: " ")
    }

    @Test func recallPrecisionAndSpeakers() throws {
        let text = String(decoding: Self.load("karabakh-pagers", "txt"), as: UTF8.self)
        let gold = try #require(
            try JSONSerialization.jsonObject(with: Self.load("karabakh-pagers.gold", "json")) as? [String: Any])
        let goldQuotes = try #require(gold["quotes"] as? [[String: Any]])
        let found = try quotes(text)
        var used = Set<Int>()
        var matched = 0, speakersRight = 0
        for quote in goldQuotes {
            let goldText = Self.norm(quote["text"] as! String)
            // Found when a prediction holds the gold words (the scorer's 80 % overlap, at least).
            guard let index = found.indices.first(where: { !used.contains($0) && Self.norm(found[$0].text).contains(goldText) })
            else {
                Issue.record("missed: \(goldText.prefix(40))")
                continue
            }
            used.insert(index)
            matched += 1
            let want = Set([quote["speaker"] as? String, quote["speakerResolved"] as? String].compactMap { $0 }.map(Self.norm))
            let have = Set([found[index].speaker?.text, found[index].speaker?.resolved].compactMap { $0 }.map(Self.norm))
            if !want.isDisjoint(with: have) {
                speakersRight += 1
            } else {
                Issue.record("speaker of \(goldText.prefix(30)): \(have)")
            }
            for quotation in found { #expect(String(text.utf8Slice(quotation.range)) == quotation.text) }
        }
        #expect(matched == goldQuotes.count)
        #expect(Double(matched) / Double(found.count) >= 0.9)
        #expect(Double(speakersRight) / Double(goldQuotes.count) >= 0.9)
    }
}

/// Hostile input stays linear: many unbalanced and nested marks in one paragraph.
@Suite struct HostileQuotationTests {
    @Test(.timeLimit(.minutes(1)))
    func manyNestedAndUnclosedMarks() throws {
        let nested = try quotes("قالت وزارة الخارجية الروسية: " + String(repeating: "« “ ", count: 20_000) + "نهاية")
        #expect(nested.count == 1)
        let closes = try quotes("قال بوتين: " + String(repeating: "” ", count: 40_000))
        #expect(closes.count <= 1)
    }
}

/// Source phrases name where a report comes from; the source is never the speaker.
@Suite struct SourcePhraseTests {
    @Test(
        arguments: [
            (
                "وحسب وكالة “سبوتنيك” الروسية، قالت وزارة الخارجية الروسية: \"ندعو إلى وقف القتال\".", "وزارة الخارجية الروسية",
                "سبوتنيك"
            ),
            ("وفقا لصحيفة “نيويورك تايمز”، قال مسؤولون أمريكيون إن العملية بدأت.", "مسؤولون أمريكيون", "نيويورك تايمز"),
            ("نقلا عن رويترز، قال بوتين إن روسيا مستعدة.", "بوتين", "رويترز"),
            (
                "بحسب وكالة الأنباء السعودية، أكد الأمير فيصل بن فرحان أن الزيارة ناجحة.", "فيصل بن فرحان",
                "وكالة الأنباء السعودية"
            ),
        ] as [(String, String, String)])
    func sourceIsNotSpeaker(_ sentence: String, _ speaker: String, _ source: String) throws {
        let found = try quotes(sentence)
        #expect(found.count == 1, "\(describe(found))")
        #expect(found.first?.speaker?.text == speaker)
        #expect(found.first?.source?.text == source)
        #expect(found.first?.cue?.lemma != "نقل")
    }
}
