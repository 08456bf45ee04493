import ArabicCore
import Testing

/// One table per fold: real words it must change, and words it must leave alone, each
/// through a normalizer with that fold alone.
@Suite struct NormalizationFoldTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let fold: NormalizationOptions
        let input: String
        let expected: String
        var testDescription: String { "\(fold.names.joined(separator: "+")): \(input) → \(expected)" }
    }

    static func changes(_ fold: NormalizationOptions, _ pairs: [(String, String)]) -> [Case] {
        pairs.map { Case(fold: fold, input: $0.0, expected: $0.1) }
    }

    static func keeps(_ fold: NormalizationOptions, _ words: [String]) -> [Case] {
        words.map { Case(fold: fold, input: $0, expected: $0) }
    }

    static let alefForms =
        changes(
            .alefForms,
            [
                ("أحمد", "احمد"), ("إسلام", "اسلام"), ("آمن", "امن"), ("ٱلله", "الله"),
                ("\u{0672}", "ا"), ("\u{0673}", "ا"), ("الأربعاء", "الاربعاء"), ("إقليم", "اقليم"),
            ])
        + keeps(.alefForms, ["ابن", "مسؤول", "رئيس", "ء", "مستشفى"])

    static let alefMaksura =
        changes(.alefMaksura, [("مستشفى", "مستشفي"), ("على", "علي"), ("إلى", "إلي"), ("مصطفى", "مصطفي")])
        + keeps(.alefMaksura, ["علي", "دعا", "موسيقا", "ا"])

    static let taMarbuta =
        changes(.taMarbuta, [("وزارة", "وزاره"), ("مدرسة", "مدرسه"), ("الخارجية", "الخارجيه")])
        + keeps(.taMarbuta, ["وزارته", "الله", "ت", "وزارات"])

    static let hamzaCarriers =
        changes(.hamzaCarriers, [("مسؤول", "مسوول"), ("رئيس", "رييس"), ("المؤتمر", "الموتمر"), ("بيئة", "بيية")])
        + keeps(.hamzaCarriers, ["أحمد", "إسلام", "جزء", "سماء"])

    static let tatweel =
        changes(.tatweel, [("جـمـيـل", "جميل"), ("الخارجيـــة", "الخارجية"), ("ـــ", "")])
        + keeps(.tatweel, ["جميل", "-", "—"])

    static let diacritics =
        changes(
            .diacritics,
            [
                ("جُزْءًا", "جزءا"), ("عُقدت", "عقدت"), ("أُبرمت", "أبرمت"), ("مُحَمَّدٌ", "محمد"),
                ("ذَٰلِكَ", "ذلك"), ("ٱلرَّحْمَٰنِ", "ٱلرحمن"),
                ("الصَّلَاةِ\u{06D6}", "الصلاة"), ("\u{0610}صلى", "صلى"), ("عليه\u{06E6}", "عليه"),
                // A combining hamza joins its letter before it goes: the precomposed spelling.
                ("ر\u{064A}\u{0654}يس", "رئيس"), ("مسو\u{0654}ول", "مسؤول"), ("ا\u{0654}حمد", "أحمد"),
                ("ا\u{0655}سلام", "إسلام"), ("ا\u{0653}من", "آمن"), ("سو\u{064E}\u{0654}ال", "سؤال"),
                // Nothing composes across a tatweel or an invisible mark, or with a letter that has no
                // composed form.
                ("شي\u{0640}\u{0654}ا", "شي\u{0640}ا"), ("ري\u{200F}\u{0654}يس", "ري\u{200F}يس"), ("مستشفى\u{0654}", "مستشفى"),
            ])
        + keeps(.diacritics, ["كتب", "رئيس", "ء", "؟", "٣"])

    static let persianLetters =
        changes(.persianLetters, [("کتاب", "كتاب"), ("ایران", "ايران"), ("خانۀ", "خانه"), ("ہ", "ه"), ("ھ", "ه"), ("ٸ", "ئ")])
        + keeps(.persianLetters, ["پ", "چ", "گ", "ژ", "كتاب", "يوم"])

    static let digits =
        changes(.digits, [("٢٠٢٢", "2022"), ("۱۴۰۰", "1400"), ("٣٫٥", "3.5"), ("١٬٠٠٠", "1,000"), ("٩ نوفمبر", "9 نوفمبر")])
        + keeps(.digits, ["2022", "٪", "ثلاثة"])

    static let compatibilityForms =
        changes(.compatibilityForms, [("ﻻ", "لا"), ("ﷲ", "الله"), ("ﺳﻼﻡ", "سلام"), ("ﺍﻟﻌﺮﺑﻴﺔ", "العربية"), ("ﻷ", "لأ")])
        + keeps(.compatibilityForms, ["لا", "ﬁ", "①", "\u{FEFF}"])

    static let invisibleMarks =
        changes(
            .invisibleMarks,
            [
                ("روسيا\u{200F}", "روسيا"), ("\u{200E}RT", "RT"), ("\u{061C}٢٠٢٠", "٢٠٢٠"), ("\u{202B}نص\u{202C}", "نص"),
                ("\u{2067}نص\u{2069}", "نص"), ("\u{FEFF}بسم", "بسم"), ("كل\u{00AD}مة", "كلمة"), ("a\u{2060}b", "ab"),
            ])
        + keeps(.invisibleMarks, ["مي\u{200C}خواهم", "a\u{200D}b", "نص"])

    static let zeroWidthJoiners =
        changes(.zeroWidthJoiners, [("مي\u{200C}خواهم", "ميخواهم"), ("a\u{200D}b", "ab")])
        + keeps(.zeroWidthJoiners, ["روسيا\u{200F}", "نص"])

    static let unicodeSpaces =
        changes(
            .unicodeSpaces,
            [
                ("قره\u{00A0}باج", "قره باج"), ("a\u{2009}b", "a b"), ("a\u{202F}b", "a b"), ("a\u{3000}b", "a b"),
                ("a\u{2028}b", "a\nb"),
            ])
        + keeps(.unicodeSpaces, ["a b", "a\tb", "a\u{200B}b"])

    static let collapseWhitespace =
        changes(.collapseWhitespace, [("قره   باج", "قره باج"), ("a\t\tb", "a b"), (" a ", " a "), ("a  \n  b", "a \n b")])
        + keeps(.collapseWhitespace, ["a b", "a\nb", "a\n\nb"])
        // Spaces between Arabic letters, which the normalizer copies inside its run of letters,
        // and what comes after them: a space, a deleted diacritic, another kind of space.
        + changes(
            .collapseWhitespace,
            [("قره  باج", "قره باج"), ("قره \t باج", "قره باج"), ("ب ب  ب", "ب ب ب"), ("ب ,  ب", "ب , ب")])
        + keeps(.collapseWhitespace, ["قره باج", " قره باج ", "قره \nباج", "ب ب ب", "ب َب"])
        + changes([.collapseWhitespace, .diacritics], [("قره \u{064E} باج", "قره باج"), ("قره َباج", "قره باج")])
        + changes([.collapseWhitespace, .unicodeSpaces], [("قره\u{00A0} باج", "قره باج"), ("قره \u{00A0}باج", "قره باج")])

    @Test(arguments: alefForms + alefMaksura + taMarbuta + hamzaCarriers + tatweel + diacritics)
    func letterFolds(_ test: Case) {
        #expect(Normalizer(test.fold).normalize(test.input).text == test.expected)
    }

    @Test(
        arguments: persianLetters + digits + compatibilityForms + invisibleMarks + zeroWidthJoiners + unicodeSpaces
            + collapseWhitespace)
    func otherFolds(_ test: Case) {
        #expect(Normalizer(test.fold).normalize(test.input).text == test.expected)
    }

    /// PyArabic's known bug: ى must become ي, never ا, whatever else is on.
    @Test(arguments: ["مستشفى", "على", "مصطفى", "موسى"])
    func alefMaksuraNeverBecomesAlef(_ word: String) {
        for options in [NormalizationOptions.search, [.alefForms, .alefMaksura], [.alefMaksura, .hamzaCarriers]] {
            let result = Normalizer(options).normalize(word).text
            #expect(!result.hasSuffix("ا"), "\(word) → \(result)")
            #expect(result.hasSuffix("ي"))
        }
    }

    @Test func presetsContainWhatTheyPromise() {
        #expect(!NormalizationOptions.search.contains(.hamzaCarriers))
        #expect(!NormalizationOptions.search.contains(.zeroWidthJoiners))
        #expect(
            NormalizationOptions.search.isSuperset(of: [
                .alefForms, .alefMaksura, .taMarbuta, .tatweel, .diacritics, .persianLetters, .digits, .compatibilityForms,
                .invisibleMarks, .unicodeSpaces,
            ]))
        #expect(NormalizationOptions.light == [.invisibleMarks, .tatweel, .compatibilityForms, .unicodeSpaces])
        // .light leaves letters as written.
        #expect(Normalizer(.light).normalize("أكّدت وزارة الخارجيـــة\u{200F} ﻻ").text == "أكّدت وزارة الخارجية لا")
        #expect(Normalizer(.search).normalize("أكّدت وزارة الخارجيـــة\u{200F}  ﻻ").text == "اكدت وزاره الخارجيه لا")
    }

    @Test func foldNamesRoundTrip() {
        for (name, fold) in NormalizationOptions.named {
            #expect(NormalizationOptions(named: name) == fold)
            #expect(fold.names == [name])
        }
        #expect(NormalizationOptions(named: "no-such-fold") == nil)
    }

    @Test func compatibilityFormsAreFoldedFurther() {
        // ﻷ is ل + أ; with alef folding too it ends as لا.
        #expect(Normalizer([.compatibilityForms, .alefForms]).normalize("ﻷ").text == "لا")
        #expect(Normalizer([.compatibilityForms, .diacritics]).normalize("ﷲ").text == "الله")
        #expect(Normalizer(.search).normalize("ﷺ").text == "صلي الله عليه وسلم")
    }
}
