/// The named folds a ``Normalizer`` applies, each one optional.
///
/// Combine them freely or start from a preset:
///
/// ```swift
/// let normalizer = Normalizer(.search)                        // for matching and search
/// let gentle = Normalizer(.light)                             // letters untouched
/// let custom = Normalizer([.alefForms, .diacritics, .tatweel])
/// custom.normalize("إِنَّ").text                                  // "ان"
/// ```
public struct NormalizationOptions: OptionSet, Hashable, Sendable {
    /// The bits of the set.
    public let rawValue: UInt32

    /// Creates a set of folds from its raw bits.
    public init(rawValue: UInt32) { self.rawValue = rawValue }

    /// أ إ آ ٱ and U+0672, U+0673 (alef with wavy hamza) become ا: `أحمد` → `احمد`.
    public static let alefForms = NormalizationOptions(rawValue: 1 << 0)
    /// Alef maksura ى becomes ya ي (never alef): `مستشفى` → `مستشفي`.
    public static let alefMaksura = NormalizationOptions(rawValue: 1 << 1)
    /// Ta marbuta ة becomes ha ه: `وزارة` → `وزاره`.
    public static let taMarbuta = NormalizationOptions(rawValue: 1 << 2)
    /// Hamza on a carrier loses it: ؤ → و, ئ → ي (`مسؤول` → `مسوول`). Off in ``search``.
    public static let hamzaCarriers = NormalizationOptions(rawValue: 1 << 3)
    /// Tatweel (kashida) ـ is removed: `جـمـيـل` → `جميل`.
    public static let tatweel = NormalizationOptions(rawValue: 1 << 4)
    /// Harakat, tanwin, shadda, sukun, superscript alef (U+064B–U+065F, U+0670) and Quranic
    /// marks (U+0610–U+061A, U+06D6–U+06ED) are removed: `جُزْءًا` → `جزءا`.
    public static let diacritics = NormalizationOptions(rawValue: 1 << 5)
    /// Persian and Urdu letters become their Arabic counterparts: ک → ك, ی → ي, ۀ → ه,
    /// ہ ھ ۂ → ه, and Persian yeh with hamza (ی + U+0654, U+0678) → ئ.
    public static let persianLetters = NormalizationOptions(rawValue: 1 << 6)
    /// Arabic-Indic ٠–٩ and Persian ۰–۹ digits become 0–9; ٫ becomes `.` and ٬ becomes `,`.
    public static let digits = NormalizationOptions(rawValue: 1 << 7)
    /// Presentation forms (U+FB50–U+FDFF, U+FE70–U+FEFF) through ICU's NFKC: ﻻ → لا,
    /// ﷲ → الله. Only such characters go through NFKC; the rest of the text is untouched.
    /// The letters NFKC produces go through the other folds that are on.
    public static let compatibilityForms = NormalizationOptions(rawValue: 1 << 8)
    /// Invisible marks are removed: LRM, RLM, ALM (U+200E, U+200F, U+061C), bidi embeddings,
    /// overrides and isolates (U+202A–U+202E, U+2066–U+2069), word joiner (U+2060),
    /// BOM (U+FEFF) and soft hyphen (U+00AD).
    public static let invisibleMarks = NormalizationOptions(rawValue: 1 << 9)
    /// Zero-width non-joiner and joiner (U+200C, U+200D) are removed. Off in ``search``,
    /// because ZWNJ separates morphemes in Persian-influenced spelling.
    public static let zeroWidthJoiners = NormalizationOptions(rawValue: 1 << 10)
    /// No-break and other Unicode spaces (U+00A0, U+1680, U+2000–U+200A, U+202F, U+205F,
    /// U+3000) become a plain space; U+2028 and U+2029 become a line feed.
    public static let unicodeSpaces = NormalizationOptions(rawValue: 1 << 11)
    /// Runs of spaces and tabs become one space. Line feeds are kept, because a line break
    /// is a paragraph break in news text.
    public static let collapseWhitespace = NormalizationOptions(rawValue: 1 << 12)

    /// Every fold but ``hamzaCarriers`` and ``zeroWidthJoiners``: the form to match
    /// lexicons and search on. This is the default.
    public static let search: NormalizationOptions = [
        .alefForms, .alefMaksura, .taMarbuta, .tatweel, .diacritics, .persianLetters, .digits,
        .compatibilityForms, .invisibleMarks, .unicodeSpaces, .collapseWhitespace,
    ]

    /// Invisible marks, tatweel, compatibility forms and Unicode spaces: cleans the text
    /// and leaves every letter as written.
    public static let light: NormalizationOptions = [
        .invisibleMarks, .tatweel, .compatibilityForms, .unicodeSpaces,
    ]

    /// Every fold, in the order of their bits, with its command-line name
    /// (`alef-forms`, `ta-marbuta`, …).
    public static let named: [(name: String, fold: NormalizationOptions)] = [
        ("alef-forms", .alefForms), ("alef-maksura", .alefMaksura), ("ta-marbuta", .taMarbuta),
        ("hamza-carriers", .hamzaCarriers), ("tatweel", .tatweel), ("diacritics", .diacritics),
        ("persian-letters", .persianLetters), ("digits", .digits),
        ("compatibility-forms", .compatibilityForms), ("invisible-marks", .invisibleMarks),
        ("zero-width-joiners", .zeroWidthJoiners), ("unicode-spaces", .unicodeSpaces),
        ("collapse-whitespace", .collapseWhitespace),
    ]

    /// The presets by name: `search` and `light`.
    public static let presets: [(name: String, options: NormalizationOptions)] = [
        ("search", .search), ("light", .light),
    ]

    /// The fold with this command-line name, or `nil`: `NormalizationOptions(named: "tatweel")`.
    public init?(named name: String) {
        guard let entry = Self.named.first(where: { $0.name == name }) else { return nil }
        self = entry.fold
    }

    /// The command-line names of the folds in this set, in bit order.
    public var names: [String] { Self.named.filter { contains($0.fold) }.map(\.name) }
}
