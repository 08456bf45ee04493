public import ArabicCore
import Foundation

/// What a lexicon says about a phrase.
public struct LexiconEntry: Hashable, Sendable {
    /// The role of a phrase in the entity rules.
    public enum Category: Hashable, Sendable {
        /// A complete name of an entity of this type.
        case name(EntityType)
        /// A nationality adjective (روسي، الروسية، أمريكيون).
        case nisba(feminine: Bool, plural: Bool)
        /// The field of a ministry (الخارجية، الدفاع).
        case ministryField
        /// Heads and qualifiers of organization names (see BodyWords.tsv): the `kind` column.
        case bodyWord(String)
        /// A title or role that announces a person's name.
        case title(feminine: Bool)
        /// A given name.
        case givenName(feminine: Bool)
        /// بن، بنت، أبو، عبد، آل …: the `kind` column of NameParticles.tsv.
        case nameParticle(String)
        /// A month, weekday, relative day or era marker: the `kind` column of DateWords.tsv.
        case dateWord(kind: String, value: String)
        /// A word that never belongs to a name.
        case nameStop
    }

    /// The role of the phrase.
    public var category: Category
    /// The subtype the phrase gives its entity (`city`, `media`, `party` …).
    public var subtype: String?
    /// The ISO 3166 code it links to.
    public var id: String?
    /// Ambiguous with a common word: used only where a rule gives context.
    public var isAmbiguous: Bool
    /// Where it comes from: `FILE:LINE`, or `ICU` for country names.
    public var source: String
}

/// What the entries of a phrase can be, as bits, so that the rules test a match without
/// reading its entries (see `PhraseTable`'s summaries).
public struct LexiconFlags: OptionSet, Hashable, Sendable {
    /// The bits.
    public let rawValue: UInt64
    /// Flags from their bits.
    public init(rawValue: UInt64) { self.rawValue = rawValue }

    /// A country name.
    public static let country = LexiconFlags(rawValue: 1 << 0)
    /// A place name.
    public static let location = LexiconFlags(rawValue: 1 << 1)
    /// An organization name (not media).
    public static let organization = LexiconFlags(rawValue: 1 << 2)
    /// A media name.
    public static let media = LexiconFlags(rawValue: 1 << 3)
    /// A person named without a title.
    public static let person = LexiconFlags(rawValue: 1 << 4)
    /// A media name that is also a common word (اليوم، الرياض).
    public static let ambiguousMedia = LexiconFlags(rawValue: 1 << 5)
    /// A masculine singular nationality adjective (الروسي).
    public static let masculineNisba = LexiconFlags(rawValue: 1 << 6)
    /// A feminine singular nationality adjective (الروسية).
    public static let feminineNisba = LexiconFlags(rawValue: 1 << 7)
    /// A plural nationality adjective (أمريكيون).
    public static let pluralNisba = LexiconFlags(rawValue: 1 << 8)
    /// The field of a ministry (الخارجية).
    public static let ministryField = LexiconFlags(rawValue: 1 << 9)
    /// وزارة.
    public static let ministryHead = LexiconFlags(rawValue: 1 << 10)
    /// The head of a committee or council (لجنة، مجلس).
    public static let committeeHead = LexiconFlags(rawValue: 1 << 11)
    /// The head of a national body (قوات، الحكومة).
    public static let bodyHead = LexiconFlags(rawValue: 1 << 12)
    /// A word that qualifies a committee (النيابية، العليا).
    public static let qualifier = LexiconFlags(rawValue: 1 << 13)
    /// A word that announces a media name (وكالة، صحيفة).
    public static let mediaCue = LexiconFlags(rawValue: 1 << 14)
    /// A title or role that announces a name.
    public static let title = LexiconFlags(rawValue: 1 << 15)
    /// A given name.
    public static let givenName = LexiconFlags(rawValue: 1 << 16)
    /// A given name that is also a common word (أمل، نور).
    public static let ambiguousGivenName = LexiconFlags(rawValue: 1 << 17)
    /// A name particle (بن، أبو، آل).
    public static let particle = LexiconFlags(rawValue: 1 << 18)
    /// اليوم، أمس، غدا.
    public static let relativeDay = LexiconFlags(rawValue: 1 << 19)
    /// A day of the week.
    public static let weekday = LexiconFlags(rawValue: 1 << 20)
    /// A Gregorian or Hijri month.
    public static let month = LexiconFlags(rawValue: 1 << 21)
    /// م or هـ after a year.
    public static let era = LexiconFlags(rawValue: 1 << 22)
    /// A word that ends a name.
    public static let nameStop = LexiconFlags(rawValue: 1 << 23)
    /// Any other role: ambiguous names, other date words … (a word with a role is not a name part).
    public static let otherRole = LexiconFlags(rawValue: 1 << 24)
    /// A person's name that is also a common word (الأسد): a name only after a title.
    public static let ambiguousPerson = LexiconFlags(rawValue: 1 << 25)
    /// A verb of speech that is usually followed by its subject (قال، أكدت).
    public static let speechVerb = LexiconFlags(rawValue: 1 << 26)

    /// A singular nationality adjective of either gender.
    public static let singularNisba: LexiconFlags = [.masculineNisba, .feminineNisba]
    /// Names of entities matched on their own.
    public static let names: LexiconFlags = [.country, .location, .organization, .media, .person]
    /// Roles that do not stop a person's name.
    public static let nameParts: LexiconFlags = [.givenName, .ambiguousGivenName, .particle, .person, .ambiguousPerson]

    /// The flags of one entry.
    public init(_ entry: LexiconEntry) {
        switch entry.category {
        case .name(let type):
            if entry.isAmbiguous {
                self = entry.subtype == "media" ? [.ambiguousMedia, .otherRole] : type == .person ? .ambiguousPerson : .otherRole
                return
            }
            switch type {
            case .country: self = .country
            case .location: self = .location
            case .organization: self = entry.subtype == "media" ? .media : .organization
            case .person: self = .person
            case .date: self = .otherRole
            }
        case .nisba(let feminine, let plural): self = plural ? .pluralNisba : feminine ? .feminineNisba : .masculineNisba
        case .ministryField: self = .ministryField
        case .bodyWord(let kind):
            switch kind {
            case "ministry": self = .ministryHead
            case "committee": self = .committeeHead
            case "body": self = .bodyHead
            case "qualifier": self = .qualifier
            case "mediaCue": self = .mediaCue
            default: self = .otherRole
            }
        case .title: self = .title
        case .givenName: self = entry.isAmbiguous ? .ambiguousGivenName : .givenName
        case .nameParticle: self = .particle
        case .dateWord(let kind, _):
            switch kind {
            case "relativeDay": self = .relativeDay
            case "weekday": self = .weekday
            case "gregorianMonth", "hijriMonth": self = .month
            case "eraMarker": self = .era
            default: self = .otherRole
            }
        case .nameStop: self = entry.subtype == "speechVerb" ? [.nameStop, .speechVerb] : .nameStop
        }
    }
}

/// Every lexicon of the entity rules in one phrase table, keyed by normalized tokens.
///
/// Built from the bundled TSV files and ICU's Arabic country names; add your own lexicon
/// files with ``init(tokenizer:additionalFiles:)``.
public struct Gazetteer: Sendable {
    /// The phrases and what the lexicons say about them.
    public private(set) var table = PhraseTable<LexiconEntry>()
    /// The tokenizer (and normalizer) phrases and texts are read with.
    public let tokenizer: Tokenizer

    /// The bundled lexicons, ICU's country names and the `additionalFiles` (each with the
    /// header of one of the bundled files, recognized by its name: `my-rules/Places.tsv`).
    /// Every line of every file is checked against its kind's schema (``schemas``); the first
    /// problem is thrown as a `LexiconError` with its file, line and column.
    public init(tokenizer: Tokenizer? = nil, additionalFiles: [String] = []) throws {
        self.tokenizer = try tokenizer ?? Tokenizer()
        try addICUCountries()
        for schema in Self.schemas { try add(LexiconFile(bundled: schema, in: .module), kind: schema.kind) }
        for path in additionalFiles {
            let schema = try LexiconSchema.schema(forPath: path, among: Self.schemas)
            try add(LexiconFile(contentsOfFile: path, schema: schema), kind: schema.kind)
        }
    }

    /// Words that announce a media name (the mediaCue words of BodyWords.tsv).
    static let mediaCues: Set<String> = ["وكالة", "صحيفة", "جريدة", "موقع", "قناة", "شبكة", "إذاعة", "مجلة", "تلفزيون"]

    /// The subtypes an organization may have.
    static let organizationSubtypes = [
        "company", "council", "court", "education", "force", "government", "international", "media", "ministry",
        "movement", "ngo", "party", "religious", "sports", "union",
    ]

    /// The kinds of entity lexicon, each with its columns and the values they take: the
    /// bundled files have exactly these names, and a file of your own is read by its name
    /// (`Places.tsv`, `Organizations.tsv` …).
    public static let schemas: [LexiconSchema] = [
        LexiconSchema(
            "CountryVariants", [.countryCode("code", required: true, mayBeEmpty: false), .text("name"), .note("note")]),
        LexiconSchema(
            "Nisba",
            [
                .countryCode("code", required: true, mayBeEmpty: false), .text("masculine"),
                .text("feminine", mayBeEmpty: true), .list("plural"), .note("note"),
            ]),
        LexiconSchema(
            "Places",
            [
                .text("name"),
                .oneOf("type", ["capital", "city", "contested", "continent", "landmark", "province", "region", "water"]),
                .countryCode("country"), .note("note"),
            ]),
        LexiconSchema(
            "Organizations",
            [.text("name"), .oneOf("subtype", organizationSubtypes), .countryCode("country"), .note("note")]),
        LexiconSchema("Media", [.text("name"), .countryCode("country"), .note("note")]),
        LexiconSchema("MinistryFields", [.text("field"), .note("english"), .note("note")]),
        LexiconSchema(
            "Titles",
            [
                .text("title"), .oneOf("gender", ["m", "f"], mayBeEmpty: true),
                .oneOf("kind", ["academic", "honorific", "office", "other", "religious", "royal"], required: false),
                .note("note"),
            ]),
        LexiconSchema("GivenNames", [.text("name"), .oneOf("gender", ["m", "f"]), .note("note")]),
        LexiconSchema("People", [.text("name"), .note("note")]),
        LexiconSchema(
            "NameParticles", [.text("particle"), .oneOf("kind", ["chain", "family", "prefix"], mayBeEmpty: true), .note("note")]),
        LexiconSchema(
            "DateWords",
            [
                .text("word"), .oneOf("kind", ["eraMarker", "gregorianMonth", "hijriMonth", "relativeDay", "weekday"]),
                .text("value", mayBeEmpty: true), .note("note"),
            ]),
        LexiconSchema(
            "BodyWords",
            [
                .text("word"), .oneOf("kind", ["body", "committee", "mediaCue", "ministry", "qualifier"]),
                .oneOf("subtype", organizationSubtypes, required: false, mayBeEmpty: true), .note("note"),
            ]),
        LexiconSchema("NameStops", [.text("word"), .oneOf("kind", ["speechVerb", "stop"], required: false), .note("note")]),
    ]

    /// Adds a phrase as the tokenizer reads it.
    public mutating func insert(_ phrase: String, _ entry: LexiconEntry) {
        let tokens = (try? tokenizer.tokens(in: phrase).map { String($0.normalized) }) ?? []
        table.insert(tokens, value: entry, summary: LexiconFlags(entry).rawValue)
    }

    /// The word that marks a lexicon line's note as ambiguous.
    static let ambiguousMark = Array("ambiguous".utf8)

    /// Whether `text`'s UTF-8 holds `bytes`: a plain search (notes are a few words long).
    static func contains(_ bytes: [UInt8], in text: String) -> Bool {
        let utf8 = Array(text.utf8)
        guard utf8.count >= bytes.count, let first = bytes.first else { return bytes.isEmpty }
        for start in 0...(utf8.count - bytes.count) where utf8[start] == first {
            if utf8[start..<(start + bytes.count)].elementsEqual(bytes) { return true }
        }
        return false
    }

    /// An adjective with the article on each of its words: كوري شمالي → الكوري الشمالي.
    static func definite(_ adjective: String) -> String {
        adjective.split(separator: " ").map { $0.hasPrefix("ال") ? String($0) : "ال" + $0 }.joined(separator: " ")
    }

    private mutating func addICUCountries() throws {
        for code in ICU.isoRegionCodes {
            guard let name = try ICU.displayName(ofRegion: code, in: "ar") else { continue }
            let entry = LexiconEntry(category: .name(.country), subtype: nil, id: code, isAmbiguous: false, source: "ICU")
            insert(name, entry)
            // "هونغ كونغ الصينية (منطقة إدارية خاصة)": the name before the parenthesis too.
            if let parenthesis = name.firstIndex(of: "(") {
                insert(name[..<parenthesis].trimmingWhitespace(), entry)
            }
        }
    }

    private mutating func add(_ file: LexiconFile, kind: String) throws {
        let mediaNames = kind == "Media" ? Set(file.rows.compactMap { file.value("name", in: $0) }) : []
        for row in file.rows {
            let source = file.source(of: row)
            // Bytes, not Foundation's `contains` (a bridged search, once per lexicon line).
            let ambiguous = Self.contains(Self.ambiguousMark, in: file.value("note", in: row) ?? "")
            func value(_ column: String) -> String? { file.value(column, in: row) }
            // The schemas require the phrase column and never leave it empty (Nisba has none).
            let phrase = Self.phraseColumn[kind].flatMap(value) ?? ""
            func entry(_ category: LexiconEntry.Category, subtype: String? = nil, id: String? = nil) -> LexiconEntry {
                LexiconEntry(category: category, subtype: subtype, id: id, isAmbiguous: ambiguous, source: source)
            }
            switch kind {
            case "CountryVariants":
                insert(phrase, entry(.name(.country), id: value("code")))
            case "Nisba":
                let code = value("code")
                for (field, feminine) in [("masculine", false), ("feminine", true)] {
                    guard let form = value(field) else { continue }
                    insert(form, entry(.nisba(feminine: feminine, plural: false), id: code))
                    insert(Self.definite(form), entry(.nisba(feminine: feminine, plural: false), id: code))
                }
                for form in (value("plural") ?? "").split(separator: ",") {
                    let form = form.trimmingWhitespace()
                    guard !form.isEmpty else { continue }
                    insert(form, entry(.nisba(feminine: false, plural: true), id: code))
                    insert(Self.definite(form), entry(.nisba(feminine: false, plural: true), id: code))
                }
            case "Places":
                insert(phrase, entry(.name(.location), subtype: value("type"), id: value("country")))
            case "Organizations":
                insert(phrase, entry(.name(.organization), subtype: value("subtype"), id: value("country")))
            case "Media":
                // "وكالة فرانس برس" when "فرانس برس" is listed too: the mention is the name
                // after the cue word (وكالة، صحيفة …), which the media-cue rule finds.
                if let space = phrase.firstIndex(of: " "), Self.mediaCues.contains(String(phrase[..<space])),
                    mediaNames.contains(String(phrase[phrase.index(after: space)...]))
                {
                    continue
                }
                insert(phrase, entry(.name(.organization), subtype: "media", id: value("country")))
            case "MinistryFields":
                insert(phrase, entry(.ministryField))
            case "Titles":
                insert(phrase, entry(.title(feminine: value("gender") == "f")))
            case "GivenNames":
                insert(phrase, entry(.givenName(feminine: value("gender") == "f")))
            case "People":
                insert(phrase, entry(.name(.person)))
            case "NameParticles":
                insert(phrase, entry(.nameParticle(value("kind") ?? "")))
            case "DateWords":
                insert(phrase, entry(.dateWord(kind: value("kind") ?? "", value: value("value") ?? "")))
            case "BodyWords":
                insert(phrase, entry(.bodyWord(value("kind") ?? ""), subtype: value("subtype")))
            case "NameStops":
                insert(phrase, entry(.nameStop, subtype: value("kind")))
            default:
                break
            }
        }
    }

    /// The column that holds the phrase, in each kind of file but Nisba (which has forms).
    static let phraseColumn = [
        "CountryVariants": "name", "Places": "name", "Organizations": "name", "Media": "name", "MinistryFields": "field",
        "Titles": "title", "GivenNames": "name", "People": "name", "NameParticles": "particle", "DateWords": "word",
        "BodyWords": "word", "NameStops": "word",
    ]
}
