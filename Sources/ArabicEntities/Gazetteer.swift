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
    /// header of one of the bundled files, recognized by its name).
    public init(tokenizer: Tokenizer? = nil, additionalFiles: [String] = []) throws {
        self.tokenizer = try tokenizer ?? Tokenizer()
        try addICUCountries()
        for name in Self.bundledFiles {
            try add(LexiconFile(bundled: name, in: .module, requiredColumns: Self.requiredColumns[name] ?? []), kind: name)
        }
        for path in additionalFiles {
            let name = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
            guard Self.bundledFiles.contains(name) else {
                throw LexiconError(
                    file: path, line: 0, column: 0,
                    message:
                        "unknown lexicon kind '\(name)'; name the file like a bundled one: \(Self.bundledFiles.joined(separator: ", "))"
                )
            }
            try add(LexiconFile(contentsOfFile: path, requiredColumns: Self.requiredColumns[name] ?? []), kind: name)
        }
    }

    /// Words that announce a media name (the mediaCue words of BodyWords.tsv).
    static let mediaCues: Set<String> = ["وكالة", "صحيفة", "جريدة", "موقع", "قناة", "شبكة", "إذاعة", "مجلة", "تلفزيون"]

    /// The columns each kind of lexicon must have.
    static let requiredColumns: [String: [String]] = [
        "CountryVariants": ["code", "name"], "Nisba": ["code", "masculine", "feminine"], "Places": ["name", "type"],
        "Organizations": ["name", "subtype"], "Media": ["name"], "MinistryFields": ["field"], "Titles": ["title", "gender"],
        "GivenNames": ["name", "gender"], "People": ["name"], "NameParticles": ["particle", "kind"],
        "DateWords": ["word", "kind", "value"], "BodyWords": ["word", "kind"], "NameStops": ["word"],
    ]

    static let bundledFiles = [
        "CountryVariants", "Nisba", "Places", "Organizations", "Media", "MinistryFields", "Titles", "GivenNames",
        "People", "NameParticles", "DateWords", "BodyWords", "NameStops",
    ]

    /// Adds a phrase as the tokenizer reads it.
    public mutating func insert(_ phrase: String, _ entry: LexiconEntry) {
        let tokens = (try? tokenizer.tokens(in: phrase).map { String($0.normalized) }) ?? []
        table.insert(tokens, value: entry, summary: LexiconFlags(entry).rawValue)
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
                insert(String(name[..<parenthesis]).trimmingCharacters(in: .whitespaces), entry)
            }
        }
    }

    private mutating func add(_ file: LexiconFile, kind: String) throws {
        let base = URL(fileURLWithPath: file.name).lastPathComponent
        func column(_ name: String) throws -> Int {
            guard let index = file.columns.firstIndex(of: name) else {
                throw LexiconError(file: file.name, line: 1, column: 0, message: "\(kind) lexicons need a '\(name)' column")
            }
            return index
        }
        func optional(_ row: LexiconFile.Row, _ name: String) -> String? {
            guard let index = file.columns.firstIndex(of: name) else { return nil }
            let value = row.fields[index].trimmingCharacters(in: .whitespaces)
            return value.isEmpty ? nil : value
        }
        let mediaNames = kind == "Media" ? Set(file.rows.map { $0.fields[0] }) : []
        for row in file.rows {
            let source = "\(base):\(row.line)"
            let note = optional(row, "note") ?? ""
            let ambiguous = note.contains("ambiguous")
            func entry(_ category: LexiconEntry.Category, subtype: String? = nil, id: String? = nil) -> LexiconEntry {
                LexiconEntry(category: category, subtype: subtype, id: id, isAmbiguous: ambiguous, source: source)
            }
            switch kind {
            case "CountryVariants":
                insert(row.fields[try column("name")], entry(.name(.country), id: optional(row, "code")))
            case "Nisba":
                let code = optional(row, "code")
                for (field, feminine) in [("masculine", false), ("feminine", true)] {
                    guard let form = optional(row, field) else { continue }
                    insert(form, entry(.nisba(feminine: feminine, plural: false), id: code))
                    insert(Self.definite(form), entry(.nisba(feminine: feminine, plural: false), id: code))
                }
                for form in (optional(row, "plural") ?? "").split(separator: ",") {
                    let form = form.trimmingCharacters(in: .whitespaces)
                    guard !form.isEmpty else { continue }
                    insert(form, entry(.nisba(feminine: false, plural: true), id: code))
                    insert(Self.definite(form), entry(.nisba(feminine: false, plural: true), id: code))
                }
            case "Places":
                insert(
                    row.fields[try column("name")],
                    entry(.name(.location), subtype: optional(row, "type"), id: optional(row, "country")))
            case "Organizations":
                insert(
                    row.fields[try column("name")],
                    entry(.name(.organization), subtype: optional(row, "subtype"), id: optional(row, "country")))
            case "Media":
                // "وكالة فرانس برس" when "فرانس برس" is listed too: the mention is the name
                // after the cue word (وكالة، صحيفة …), which the media-cue rule finds.
                let name = row.fields[try column("name")]
                if let space = name.firstIndex(of: " "), Self.mediaCues.contains(String(name[..<space])),
                    mediaNames.contains(String(name[name.index(after: space)...]))
                {
                    continue
                }
                insert(name, entry(.name(.organization), subtype: "media", id: optional(row, "country")))
            case "MinistryFields":
                insert(row.fields[try column("field")], entry(.ministryField))
            case "Titles":
                insert(row.fields[try column("title")], entry(.title(feminine: optional(row, "gender") == "f")))
            case "GivenNames":
                insert(row.fields[try column("name")], entry(.givenName(feminine: optional(row, "gender") == "f")))
            case "People":
                insert(row.fields[try column("name")], entry(.name(.person)))
            case "NameParticles":
                insert(row.fields[try column("particle")], entry(.nameParticle(optional(row, "kind") ?? "")))
            case "DateWords":
                let category = LexiconEntry.Category.dateWord(
                    kind: optional(row, "kind") ?? "", value: optional(row, "value") ?? "")
                insert(row.fields[try column("word")], entry(category))
            case "BodyWords":
                insert(
                    row.fields[try column("word")],
                    entry(.bodyWord(optional(row, "kind") ?? ""), subtype: optional(row, "subtype")))
            case "NameStops":
                insert(row.fields[try column("word")], entry(.nameStop, subtype: optional(row, "kind")))
            default:
                break
            }
        }
    }
}
