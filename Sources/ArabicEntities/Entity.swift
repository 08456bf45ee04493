import ArabicCore

/// The kinds of named entity.
public enum EntityType: String, Hashable, Sendable, CaseIterable, Codable {
    case person = "PERSON"
    case country = "COUNTRY"
    case location = "LOCATION"
    case organization = "ORGANIZATION"
    case date = "DATE"
}

/// A named entity found in a text.
///
/// ```swift
/// let entities = try EntityRecognizer().entities(in: "وأكدت وزارة الخارجية الروسية")
/// entities[0].type     // .organization
/// entities[0].subtype  // "ministry"
/// entities[0].text     // "وزارة الخارجية الروسية"
/// entities[0].id       // "RU"
/// ```
public struct Entity: Hashable, Sendable {
    /// What kind of entity it is.
    public var type: EntityType
    /// A finer kind: `ministry`, `media`, `international`, `party`, `company`, `force`, `city` …
    public var subtype: String?
    /// UTF-8 offsets of the mention in the original text. Attached proclitics are left out
    /// (وأذربيجان → أذربيجان), except the contraction لل, where the whole word is the span.
    public var range: Range<Int>
    /// The mention as printed.
    public var text: String
    /// The ISO 3166 code of the country, or of the country the entity belongs to.
    public var id: String?
    /// Which lexicon line or rule produced it, e.g. `Places.tsv:14` or `rule:ministry`.
    public var source: String

    /// An entity; ``EntityRecognizer`` makes them.
    public init(type: EntityType, subtype: String?, range: Range<Int>, text: String, id: String?, source: String) {
        self.type = type
        self.subtype = subtype
        self.range = range
        self.text = text
        self.id = id
        self.source = source
    }
}
