import ArabicText
import Foundation

/// SplitMix64: a small, seeded generator, so that every run of the property tests draws the
/// same cases (a failure names its seed and case, and reproduces).
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Random texts for the property tests: any Unicode, or Arabic news-like text.
enum TextGenerator {
    /// Any scalars, weighted towards what trips text code up: Arabic letters and marks,
    /// presentation forms (ﷺ expands to four words), bidi and other invisible controls,
    /// Unicode spaces, quotation marks, line feeds, NUL, astral characters.
    static func anyUnicode(_ random: inout SeededGenerator, maxLength: Int = 120) -> String {
        var scalars = String.UnicodeScalarView()
        let length = Int.random(in: 0...maxLength, using: &random)
        for _ in 0..<length {
            var value: UInt32
            switch Int.random(in: 0..<14, using: &random) {
            case 0, 1: value = .random(in: 0x20...0x7E, using: &random)  // ASCII
            case 2, 3, 4: value = .random(in: 0x0621...0x064A, using: &random)  // Arabic letters
            case 5: value = .random(in: 0x064B...0x065F, using: &random)  // harakat and other marks
            case 6: value = .random(in: 0x0600...0x06FF, using: &random)  // the whole Arabic block
            case 7: value = .random(in: 0xFB50...0xFEFF, using: &random)  // presentation forms
            case 8: value = .random(in: 0x2000...0x206F, using: &random)  // spaces, bidi controls, quotes
            case 9: value = specials.randomElement(using: &random)!
            case 10: value = .random(in: 0x0300...0x036F, using: &random)  // combining marks
            case 11: value = .random(in: 0x10000...0x1FAFF, using: &random)  // emoji, historic scripts
            default: value = .random(in: 0x00...0xFFFF, using: &random)
            }
            if (0xD800...0xDFFF).contains(value) { value = 0xFFFD }
            scalars.append(Unicode.Scalar(value)!)
        }
        return String(scalars)
    }

    /// Line feeds, tab, NUL, quotation marks, tatweel, ؟ ، : no-break space, BOM.
    static let specials: [UInt32] = [
        0x0A, 0x0A, 0x09, 0x00, 0xAB, 0xBB, 0x22, 0x201C, 0x201D, 0x0640, 0x061F, 0x060C, 0x3A, 0xA0, 0xFEFF,
    ]

    /// Words of real news (cue verbs, ministries, countries, names, dates) with diacritics,
    /// tatweel, attached و and ب, quotation marks, colons, digits and paragraph breaks.
    static func arabicNews(_ random: inout SeededGenerator, maxWords: Int = 60) -> String {
        var text = ""
        let count = Int.random(in: 1...maxWords, using: &random)
        for index in 0..<count {
            if index > 0 {
                switch Int.random(in: 0..<20, using: &random) {
                case 0: text += "\n"
                case 1: text += ". "
                case 2: text += "، "
                case 3: text += ": "
                default: text += " "
                }
            }
            var word = words.randomElement(using: &random)!
            switch Int.random(in: 0..<12, using: &random) {
            case 0: word = "و" + word
            case 1: word = "ب" + word
            case 2: word.insert("\u{0640}", at: word.index(after: word.startIndex))  // tatweel
            case 3: word += "\u{064E}"  // fatha
            case 4: word = "«" + word
            case 5: word += "»"
            case 6: word = "\"" + word
            case 7: word = "“" + word + "”"
            default: break
            }
            text += word
        }
        return text
    }

    static let words = [
        "قال", "قالت", "وأضاف", "أكدت", "أعلن", "إن", "أن", "وزارة", "الخارجية", "الروسية", "السعودية", "الرياض",
        "جدة", "روسيا", "مصر", "الأمم", "المتحدة", "الملك", "سلمان", "بن", "عبدالعزيز", "محمد", "الرئيس",
        "الأمريكي", "باراك", "أوباما", "المتحدث", "باسم", "الوزارة", "اليوم", "الاثنين", "15", "٢٠١٥", "يوليو",
        "شوال", "1436", "هـ", "واس", "المصدر", "كلمات", "دلالية", "الوضع", "خطير", "مستشفى", "ﷺ", "ﻻ", "وكالة",
        "سبوتنيك", "إقرأ", "أيضاً", "//", "انتهى", "RT", "5G", "الله11101", "مسؤول", "أحدهم", "ـــ", "\u{200F}",
    ]
}

/// Articles of the development corpus (`../shared/corpus/saudinewsnet-dev.jsonl` beside the
/// repository), when it is there; the example article otherwise.
enum NewsCorpus {
    static func articles(count: Int) -> [String] {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        let path = root.appendingPathComponent("shared/corpus/saudinewsnet-dev.jsonl").path
        guard let handle = FileHandle(forReadingAtPath: path) else { return [(try? fixture("karabakh-pagers.txt")) ?? ""] }
        defer { try? handle.close() }
        var articles: [String] = []
        for line in handle.readData(ofLength: 4 << 20).split(separator: 0x0A) where articles.count < count {
            guard let object = try? JSONSerialization.jsonObject(with: Data(line)) as? [String: Any],
                let text = object["text"] as? String
            else { continue }
            articles.append(text)
        }
        return articles
    }
}
