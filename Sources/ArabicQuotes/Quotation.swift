public import ArabicEntities

/// How a quotation is given.
public enum QuotationKind: String, Hashable, Sendable, CaseIterable, Codable {
    /// The speaker's words: between quotation marks, or after a colon (قال: …).
    case direct
    /// A reported clause: after أنّ/إنّ (قالت الوزارة إن …), or what a verb like دعا or
    /// أدان reports.
    case indirect
    /// A short quoted phrase inside reported speech (إطلاق عملية "لمكافحة الإرهاب").
    case partial
}

/// The verb that introduces a quotation.
public struct QuotationCue: Hashable, Sendable {
    /// UTF-8 offsets of the verb as printed, without an attached و or ف.
    public var range: Range<Int>
    /// The verb as printed.
    public var text: String
    /// Its dictionary form: قال for وقالت.
    public var lemma: String
    /// The lexicon line that makes the word a cue, e.g. `CueVerbs.tsv:14`.
    public var source: String
}

/// Who said it.
public struct Speaker: Hashable, Sendable {
    /// UTF-8 offsets of the speaker's mention in this sentence, or `nil` when the sentence
    /// drops the subject (وأكدت أن …) and the speaker is carried over.
    public var range: Range<Int>?
    /// The mention as printed (`nil` when dropped).
    public var text: String?
    /// The index of the speaker's entity among the document's entities, when it is one.
    public var entity: Int?
    /// The earlier speaker this one stands for, when carried over (a dropped subject, or a
    /// pronoun: وقال أحدهم → مسؤولون أمريكيون).
    public var resolved: String?
    /// How the speaker was found: `rule:after-verb` (VSO), `rule:after-role` (the person
    /// after a role), `rule:before-verb` (SVO), `rule:carried-over`, `rule:headline`, or the
    /// lexicon line of a reporting noun or pronoun (`ReportingNouns.tsv:5`); for a
    /// quotation's ``Quotation/source``, the line of its source phrase (`SourcePhrases.tsv:8`).
    public var rule: String
}

/// A quotation and its attribution.
///
/// ```swift
/// let finder = try QuotationFinder()
/// let result = try finder.analyze("قالت وزارة الخارجية الروسية: \"ندعو إلى وقف القتال\".")
/// result.quotations[0].kind           // .direct
/// result.quotations[0].speaker?.text  // "وزارة الخارجية الروسية"
/// ```
public struct Quotation: Hashable, Sendable {
    /// Direct, indirect or partial.
    public var kind: QuotationKind
    /// UTF-8 offsets of the quoted words in the original text, without the quotation marks.
    public var range: Range<Int>
    /// The quoted words.
    public var text: String
    /// The verb that introduced it; `nil` for a headline (الخارجية الروسية: …).
    public var cue: QuotationCue?
    /// The speaker; `nil` when none can be found.
    public var speaker: Speaker?
    /// Where the report comes from, when a source phrase names it (وحسب وكالة “سبوتنيك” …):
    /// a source, not a speaker. Its `resolved` is always `nil`.
    public var source: Speaker?
    /// Which rule found the quoted words: `rule:colon` (to the end of the paragraph),
    /// `rule:colon+marks`, `rule:marks` (right after the speaker), `rule:that` (the clause
    /// after أنّ/إنّ), `rule:that+marks`, `rule:object` (what a verb like دعا reports),
    /// `rule:partial` or `rule:headline`.
    public var rule: String
}

/// Entities and quotations of one text, found together (the quotation rules use the entities).
public struct QuotationAnalysis: Sendable {
    /// The named entities, in order.
    public var entities: [Entity]
    /// The quotations, in order.
    public var quotations: [Quotation]
}
