import Foundation

/// What the lines of one kind of lexicon file may hold: its columns, which of them the
/// header must have, and which values each column takes. ``LexiconFile`` checks every line
/// against it and names the file, line and column of anything wrong.
///
/// The kind of a file is its name without the extension: `my-rules/Places.tsv` is a
/// `Places` lexicon.
///
/// ```swift
/// let places = LexiconSchema(
///     "Places",
///     [.text("name"), .oneOf("type", ["capital", "city", "region"]), .countryCode("country"), .note("note")])
/// let file = try LexiconFile(parsing: "name\ttype\tcountry\nيريفان\tcapital\tAM\n", name: "Places.tsv", schema: places)
/// file.value("country", in: file.rows[0])  // "AM"
/// ```
public struct LexiconSchema: Hashable, Sendable {
    /// One column of a lexicon file.
    public struct Column: Hashable, Sendable {
        /// What a column's values may be.
        public enum Content: Hashable, Sendable {
            /// Any text: a phrase, a lemma; at most ``LexiconSchema/maximumWordsPerPhrase`` words.
            case text
            /// Free text for people (`note`, `english`); not part of what an entry means, so two
            /// lines that differ only there are duplicates.
            case note
            /// One of these words (`city`, `capital` …).
            case oneOf([String])
            /// An ISO 3166 alpha-2 code that ICU knows (`RU`, `SA`).
            case countryCode
            /// Phrases separated by `,` (the plural forms of a nisba), each of at most
            /// ``LexiconSchema/maximumWordsPerPhrase`` words.
            case list
        }

        /// The column's name in the header line.
        public let name: String
        /// Whether the header must have this column.
        public let isRequired: Bool
        /// Whether a line may leave the field empty.
        public let mayBeEmpty: Bool
        /// What the values may be.
        public let content: Content

        /// A column; the static constructors read better.
        public init(name: String, isRequired: Bool, mayBeEmpty: Bool, content: Content) {
            self.name = name
            self.isRequired = isRequired
            self.mayBeEmpty = mayBeEmpty
            self.content = content
        }

        /// A column of phrases or words, required and never empty unless told otherwise.
        public static func text(_ name: String, required: Bool = true, mayBeEmpty: Bool = false) -> Column {
            Column(name: name, isRequired: required, mayBeEmpty: mayBeEmpty, content: .text)
        }

        /// A column of free text for people, optional and maybe empty.
        public static func note(_ name: String) -> Column {
            Column(name: name, isRequired: false, mayBeEmpty: true, content: .note)
        }

        /// A column whose values are one of `values`.
        public static func oneOf(_ name: String, _ values: [String], required: Bool = true, mayBeEmpty: Bool = false)
            -> Column
        {
            Column(name: name, isRequired: required, mayBeEmpty: mayBeEmpty, content: .oneOf(values))
        }

        /// A column of ISO 3166 codes, optional and maybe empty unless told otherwise.
        public static func countryCode(_ name: String, required: Bool = false, mayBeEmpty: Bool = true) -> Column {
            Column(name: name, isRequired: required, mayBeEmpty: mayBeEmpty, content: .countryCode)
        }

        /// A column of comma-separated phrases, optional and maybe empty.
        public static func list(_ name: String) -> Column {
            Column(name: name, isRequired: false, mayBeEmpty: true, content: .list)
        }
    }

    /// The kind of lexicon: the file name without its extension (`Places`).
    public let kind: String
    /// The columns a file of this kind may have, in the order the bundled file has them.
    public let columns: [Column]

    /// A schema for files named `kind`.tsv.
    public init(_ kind: String, _ columns: [Column]) {
        self.kind = kind
        self.columns = columns
    }

    /// The column called `name`.
    public func column(named name: String) -> Column? { columns.first { $0.name == name } }

    /// The kind a file's name gives it: `my-rules/CueVerbs.tsv` → `CueVerbs`.
    public static func kind(ofPath path: String) -> String {
        URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
    }

    /// The schema among `schemas` that the file's name asks for, or an error that lists the
    /// names a lexicon file may have.
    public static func schema(forPath path: String, among schemas: [LexiconSchema]) throws(LexiconError) -> LexiconSchema {
        let kind = kind(ofPath: path)
        guard let schema = schemas.first(where: { $0.kind == kind }) else {
            throw .unknownKind(kind, file: path, known: schemas.map(\.kind))
        }
        return schema
    }

    /// The codes ICU knows, looked up once.
    static let countryCodes = Set(ICU.isoRegionCodes)

    /// The most words (separated by white space) a phrase of a `text` or `list` column may
    /// have; a longer one is refused with its line and column. A lookup costs a probe per
    /// word of the longest phrase that keeps matching, so a phrase of 1,667 words costs as
    /// much at every place of a text that repeats its words. The bundled lexicons' longest
    /// phrases have 7 words (الاتحاد الدولي لجمعيات الصليب الأحمر والهلال الأحمر).
    public static let maximumWordsPerPhrase = 32

    /// The number of words of `phrase`, counted to one past the maximum at most.
    static func wordCount(of phrase: some StringProtocol) -> Int {
        // A phrase of fewer bytes than twice the maximum cannot have more words.
        guard phrase.utf8.count > 2 * maximumWordsPerPhrase else { return 0 }
        var count = 0, inWord = false
        for scalar in phrase.unicodeScalars {
            if scalar.properties.isWhitespace {
                inWord = false
            } else if !inWord {
                inWord = true
                count += 1
                if count > maximumWordsPerPhrase { break }
            }
        }
        return count
    }

    /// What is wrong with `value` in `column`, or `nil` when it is fine.
    func problem(with value: String, in column: Column) -> String? {
        if value.isEmpty {
            guard !column.mayBeEmpty else { return nil }
            if case .oneOf(let values) = column.content {
                return "the '\(column.name)' field is empty (it takes: \(values.joined(separator: ", ")))"
            }
            return "the '\(column.name)' field is empty"
        }
        if value.first!.isWhitespace || value.last!.isWhitespace {
            return "the '\(column.name)' field '\(value)' has white space at its \(value.first!.isWhitespace ? "start" : "end")"
        }
        switch column.content {
        case .note:
            return nil
        case .text:
            guard Self.wordCount(of: value) <= Self.maximumWordsPerPhrase else {
                return "the '\(column.name)' field has more than \(Self.maximumWordsPerPhrase) words, the most a phrase may have"
            }
            return nil
        case .oneOf(let values):
            return values.contains(value)
                ? nil : "unknown \(column.name) '\(value)' (it takes: \(values.joined(separator: ", ")))"
        case .countryCode:
            guard value.count == 2, value.unicodeScalars.allSatisfy({ ("A"..."Z").contains($0) }) else {
                return "'\(value)' is not a country code: write two capital letters, as ISO 3166 does (RU, SA)"
            }
            return Self.countryCodes.contains(value) ? nil : "'\(value)' is not an ISO 3166 country code ICU knows"
        case .list:
            if value.contains("،") {
                return "the forms in '\(column.name)' are separated by ',' (a Latin comma), not by '،'"
            }
            if value.split(separator: ",", omittingEmptySubsequences: false).contains(where: {
                $0.allSatisfy(\.isWhitespace)
            }) {
                return "the list in '\(column.name)' has an empty form (two commas, or one at an end)"
            }
            if value.split(separator: ",").contains(where: { Self.wordCount(of: $0) > Self.maximumWordsPerPhrase }) {
                return "a form in '\(column.name)' has more than \(Self.maximumWordsPerPhrase) words, the most a phrase may have"
            }
            return nil
        }
    }
}
