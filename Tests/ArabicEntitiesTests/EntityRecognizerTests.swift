import ArabicCore
import ArabicEntities
import Foundation
import Testing

let recognizer = try! EntityRecognizer()

func found(_ text: String) throws -> [String] {
    try recognizer.entities(in: text).map {
        "\($0.type.rawValue)\($0.subtype.map { "/" + $0 } ?? ""):\($0.text)\($0.id.map { "=" + $0 } ?? "")"
    }
}

/// One rule, one table: what must be found in a real sentence, and what must not.
@Suite struct EntityRuleTests {
    @Test(arguments: [
        ("دعت روسيا، اليوم الأربعاء، الأطراف", "COUNTRY:روسيا=RU"),
        ("شدد على أراضي أذربيجان", "COUNTRY:أذربيجان=AZ"),
        ("قادة روسيا وأذربيجان وأرمينيا", "COUNTRY:أذربيجان=AZ"),
        ("قادة روسيا وأذربيجان وأرمينيا", "COUNTRY:أرمينيا=AM"),
        ("انفجارات البيجر بلبنان", "COUNTRY:لبنان=LB"),
        ("التقارب بين روسيا والصين", "COUNTRY:الصين=CN"),
        ("وصل الوفد لروسيا أمس", "COUNTRY:روسيا=RU"),
        ("الولايات المتحدة الأمريكية", "COUNTRY:الولايات المتحدة الأمريكية=US"),
        ("زيارة إلى الامارات", "COUNTRY:الامارات=AE"),
    ])
    func countries(_ sentence: String, _ expected: String) throws {
        let all = try found(sentence)
        #expect(all.contains(expected), "\(all)")
    }

    @Test(arguments: [
        ("القتال في إقليم قره باج", "LOCATION:قره باج"),
        ("إقليم ناجورنو قره باج", "LOCATION:ناجورنو قره باج"),
        ("اعتراف يريفان بشكل رسمي", "LOCATION:يريفان"),
        ("وصل إلى الرياض أمس", "LOCATION:الرياض"),
    ])
    func places(_ sentence: String, _ expected: String) throws {
        let all = try recognizer.entities(in: sentence).map { "\($0.type.rawValue):\($0.text)" }
        #expect(all.contains(expected), "\(all)")
    }

    @Test(arguments: [
        ("قالت وزارة الخارجية الروسية في بيان", "ORGANIZATION/ministry:وزارة الخارجية الروسية=RU"),
        ("وأضافت الخارجية الروسية أن", "ORGANIZATION/ministry:الخارجية الروسية=RU"),
        ("أعلنت وزارة الدفاع الأذربيجانية", "ORGANIZATION/ministry:وزارة الدفاع الأذربيجانية=AZ"),
        ("أول رد من “الخارجية الأمريكية” بشأن", "ORGANIZATION/ministry:الخارجية الأمريكية=US"),
        ("وقالت الخارجية الروسية. ولفتت الخارجية إلى أن", "ORGANIZATION/ministry:الخارجية=RU"),
        ("رئيس لجنة الخارجية النيابية المصرية", "ORGANIZATION/government:لجنة الخارجية النيابية المصرية=EG"),
        ("وضع قوات حفظ السلام الروسية", "ORGANIZATION/force:قوات حفظ السلام الروسية=RU"),
        ("عناصر الفصائل اللبنانية مسبقا", "ORGANIZATION/movement:الفصائل اللبنانية=LB"),
        ("وحسب وكالة “سبوتنيك” الروسية", "ORGANIZATION/media:سبوتنيك=RU"),
        ("مسؤولون لصحيفة “نيويورك تايمز” أن", "ORGANIZATION/media:نيويورك تايمز=US"),
        ("وقال ناطق لوكالة فرانس برس إن", "ORGANIZATION/media:فرانس برس=FR"),
        ("وقال لقناة العربية إن الوضع", "ORGANIZATION/media:العربية=SA"),
        ("انعقد المجلس التشريعي الفلسطيني أمس", "ORGANIZATION/council:المجلس التشريعي الفلسطيني=PS"),
        ("وأكدت للخارجية السعودية", "ORGANIZATION/ministry:للخارجية السعودية=SA"),
    ])
    func organizations(_ sentence: String, _ expected: String) throws {
        let all = try found(sentence)
        #expect(all.contains(expected), "\(all)")
    }

    @Test(arguments: [
        ("أكدت المتحدثة الرسمية باسم وزارة الخارجية الروسية ماريا زاخاروفا:", "PERSON:ماريا زاخاروفا"),
        ("قال الرئيس الروسي فلاديمير بوتين إن", "PERSON:فلاديمير بوتين"),
        ("بوتين: روسيا ضاعفت إنتاج الأسلحة", "PERSON:بوتين"),
        ("نتنياهو تحت الأرض", "PERSON:نتنياهو"),
        ("أحمد موسى عن العملية العسكرية", "PERSON:أحمد موسى"),
        ("وزير الخارجية الروسي سيرغي لافروف", "PERSON:سيرغي لافروف"),
        ("وقال شافيز إن بلاده", "PERSON:شافيز"),
        ("التقى السفير جيفري فيلتمان الوزير. وأكد فيلتمان أن", "PERSON:فيلتمان"),
        ("التقى سمو الشيخ محمد بن زايد آل نهيان", "PERSON:محمد بن زايد آل نهيان"),
        ("لدى فضيلة الشيخ عبدالله المنيع عضو هيئة", "PERSON:عبدالله المنيع"),
        ("اتصالا بالسفير الأميركي جيفري فيلتمان وأبلغه أن", "PERSON:جيفري فيلتمان"),
    ])
    func people(_ sentence: String, _ expected: String) throws {
        let all = try found(sentence)
        #expect(all.contains(expected), "\(all)")
    }

    @Test(arguments: [
        ("دعت روسيا، اليوم الأربعاء، الأطراف", "DATE:اليوم الأربعاء"),
        ("أعلنت، أمس الثلاثاء، إطلاق", "DATE:أمس الثلاثاء"),
        ("بتاريخ 9 نوفمبر 2020، وكذلك", "DATE:9 نوفمبر 2020"),
        ("رسمي في أكتوبر 2022 وفي مايو", "DATE:أكتوبر 2022"),
        ("الرياض 26 شوال 1436 ه الموافق 11 اغسطس 2015 م واس", "DATE:26 شوال 1436 ه"),
        ("الرياض 26 شوال 1436 ه الموافق 11 اغسطس 2015 م واس", "DATE:11 اغسطس 2015 م"),
        ("في 3 كانون الثاني 2019", "DATE:3 كانون الثاني 2019"),
    ])
    func dates(_ sentence: String, _ expected: String) throws {
        let all = try found(sentence)
        #expect(all.contains(expected), "\(all)")
    }

    /// What must NOT be found.
    @Test(arguments: [
        ("وقال مصرف لبنان المركزي", "COUNTRY:مصر"),
        ("تعلم اللغة العربية في المدرسة", "ORGANIZATION/media:العربية"),
        ("ولفتت الخارجية إلى أن", "ORGANIZATION/ministry:الخارجية"),
        ("تفجيرات أجهزة البيجر أمس في لبنان", "DATE:أمس"),
        ("وزير الخارجية الروسي سيرغي لافروف", "ORGANIZATION/ministry:الخارجية الروسي=RU"),
        ("كان الرئيس سعيدا بالنتائج", "PERSON:سعيدا"),
        ("مسؤولون أمريكيون لصحيفة", "COUNTRY:أمريكيون"),
        ("خلال الفترة من 2020 و2022", "DATE:2020"),
        ("وأضافت للصحفيين: هذا التفجير", "PERSON:للصحفيين"),
        ("وقال أحدهم: تم العبث", "PERSON:أحدهم"),
        ("وقال مصدر مسؤول إن", "PERSON:مصدر مسؤول"),
        ("حصل على الرغم من ذلك", "PERSON:على الرغم"),
        ("وقال الرئيس سعيدا", "PERSON:الرئيس سعيدا"),
        ("زار فيلتمان بيروت ثم السفير جيفري فيلتمان", "PERSON:فيلتمان"),
    ])
    func doesNotFind(_ sentence: String, _ unexpected: String) throws {
        let all = try found(sentence)
        #expect(!all.contains(unexpected), "\(all)")
    }

    @Test func spansLeaveProcliticsOutButKeepLamLam() throws {
        let text = "وأذربيجان بلبنان لليابان"
        let entities = try recognizer.entities(in: text)
        #expect(entities.map(\.text) == ["أذربيجان", "لبنان", "لليابان"])
        for entity in entities { #expect(String(text.utf8Slice(entity.range)) == entity.text) }
    }
}

/// The example article against its gold annotations, with the measure of
/// ../shared/tools/score_example.py: a multiset of (type, normalized text).
@Suite struct ExampleArticleTests {
    static func load(_ name: String, _ ext: String) -> Data {
        guard let url = Bundle.module.url(forResource: name, withExtension: ext, subdirectory: "Fixtures"),
            let data = try? Data(contentsOf: url)
        else { fatalError("fixture \(name).\(ext) is missing") }
        return data
    }

    static func key(_ type: String, _ text: String) -> String {
        var normalized = Normalizer(.search).normalizedString(text)
            .components(separatedBy: CharacterSet(charactersIn: " \"“”«».,،:؛!?؟()[]-")).filter { !$0.isEmpty }.joined(
                separator: " ")
        if normalized.hasPrefix("لل") && normalized.count > 3 { normalized = "ال" + normalized.dropFirst(2) }
        return type + ":" + normalized
    }

    @Test func entityF1IsAtLeastPointNine() throws {
        let text = String(decoding: Self.load("karabakh-pagers", "txt"), as: UTF8.self)
        let gold = try #require(
            try JSONSerialization.jsonObject(with: Self.load("karabakh-pagers.gold", "json")) as? [String: Any])
        var expected: [String: Int] = [:]
        for entity in try #require(gold["entities"] as? [[String: Any]]) {
            expected[Self.key(entity["type"] as! String, entity["text"] as! String), default: 0] += entity["count"] as? Int ?? 1
        }
        let entities = try recognizer.entities(in: text)
        var predicted: [String: Int] = [:]
        for entity in entities {
            predicted[Self.key(entity.type.rawValue, entity.text), default: 0] += 1
            #expect(String(text.utf8Slice(entity.range)) == entity.text)
        }
        let matched = expected.reduce(0) { $0 + min($1.value, predicted[$1.key] ?? 0) }
        let precision = Double(matched) / Double(max(1, entities.count))
        let recall = Double(matched) / Double(expected.values.reduce(0, +))
        let f1 = precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0
        let missing = expected.filter { ($0.value - (predicted[$0.key] ?? 0)) > 0 }.map(\.key).sorted()
        let extra = predicted.filter { ($0.value - (expected[$0.key] ?? 0)) > 0 }.map(\.key).sorted()
        #expect(f1 >= 0.9, "F1 \(f1) (P \(precision), R \(recall)); missing \(missing); extra \(extra)")
    }
}
