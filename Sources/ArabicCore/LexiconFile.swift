public import Foundation

/// A problem in a lexicon file: which file, which line and column, and what is wrong.
public struct LexiconError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The file's name or path.
    public let file: String
    /// 1-based line number.
    public let line: Int
    /// 1-based column (in characters), 0 when the whole line or file is at fault.
    public let column: Int
    /// What is wrong, in a sentence.
    public let message: String

    /// An error at a place in a lexicon file.
    public init(file: String, line: Int, column: Int, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
    }

    /// `file:line:column: message`, the form editors and compilers use.
    public var description: String { "\(file):\(line):\(column): \(message)" }

    static func missingResource(_ name: String) -> LexiconError {
        LexiconError(file: name, line: 0, column: 0, message: "the bundled lexicon is missing from the resource bundle")
    }

    /// A file whose name is no kind of lexicon the reader knows.
    ///
    /// ```swift
    /// LexiconError.unknownKind("Mine", file: "my/Mine.tsv", known: ["Places", "Media"]).description
    /// // "my/Mine.tsv:0:0: unknown lexicon kind 'Mine'; name the file like a bundled one: Media.tsv, Places.tsv"
    /// ```
    public static func unknownKind(_ kind: String, file: String, known: [String]) -> LexiconError {
        LexiconError(
            file: file, line: 0, column: 0,
            message:
                "unknown lexicon kind '\(kind)'; name the file like a bundled one: \(known.sorted().map { $0 + ".tsv" }.joined(separator: ", "))"
        )
    }
}

/// A parsed TSV lexicon: a header line naming the columns, `#` comments and blank lines
/// ignored, one entry per line.
///
/// ```swift
/// let file = try LexiconFile(parsing: "word\tnote\nوزارة\tministry\n", name: "mine.tsv")
/// file.rows[0].fields[0]  // "وزارة"
/// ```
///
/// Read with a ``LexiconSchema``, every line is checked: the columns of the header, the
/// number of fields, empty fields, the values a column takes, country codes, lists, white
/// space at the ends of a field, and lines that repeat an earlier entry. The first problem
/// is thrown as a ``LexiconError`` with its file, line and column.
public struct LexiconFile: Sendable {
    /// One entry line.
    public struct Row: Sendable, Hashable {
        /// 1-based line number in the file.
        public let line: Int
        /// The tab-separated fields, as many as the header has columns.
        public let fields: [String]
    }

    /// The file's name or path, for error messages.
    public let name: String
    /// The last component of ``name``, as ``source(of:)`` reports it.
    private let fileName: String
    /// The column names from the header line.
    public let columns: [String]
    /// The entry lines.
    public let rows: [Row]

    /// Parses `text`; `requiredColumns` must appear in the header, in any order.
    public init(parsing text: String, name: String, requiredColumns: [String] = []) throws(LexiconError) {
        try self.init(parsing: text, name: name, check: .columns(requiredColumns))
    }

    /// Parses `text` and checks every line against `schema`.
    public init(parsing text: String, name: String, schema: LexiconSchema) throws(LexiconError) {
        try self.init(parsing: text, name: name, check: .schema(schema))
    }

    private enum Check {
        case columns([String])
        case schema(LexiconSchema)
    }

    private init(parsing text: String, name: String, check: Check) throws(LexiconError) {
        self.name = name
        self.fileName = URL(fileURLWithPath: name).lastPathComponent
        var columns: [String]?
        var schemaColumns: [LexiconSchema.Column?] = []
        // What a line says (its fields but the notes, as written) → its line, to find repeated entries.
        var entries: [String: Int] = [:]
        // Room for a line of every 16 bytes up front: a million lines would otherwise grow
        // the table twenty times, rehashing every entry each time.
        if case .schema = check { entries.reserveCapacity(text.utf8.count / 16) }
        var rows: [Row] = []
        var lineNumber = 0
        // Lines and fields are cut on their bytes (a line feed, then a tab), not on Characters:
        // a lexicon of a million lines is read in one pass. A carriage return before the line
        // feed (Windows line ends) is dropped.
        for lineBytes in text.utf8.split(separator: 0x0A, omittingEmptySubsequences: false) {
            lineNumber += 1
            var bytes = lineBytes[...]
            if bytes.last == 0x0D { bytes = bytes.dropLast() }
            if lineNumber == 1, bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }  // a byte order mark
            if bytes.first == UInt8(ascii: "#") { continue }
            if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 >= 0x80 }), Substring(bytes).allSatisfy(\.isWhitespace) {
                continue
            }
            let fields = bytes.split(separator: 0x09, omittingEmptySubsequences: false).map { String(Substring($0)) }
            // The 1-based column (in characters) where each field starts, and where a missing
            // one would: counted only for an error message.
            func columnStarts() -> (starts: [Int], end: Int) {
                var starts: [Int] = []
                var start = 1
                for field in fields {
                    starts.append(start)
                    start += field.count + 1
                }
                return (starts, start)
            }
            guard let header = columns else {
                switch check {
                case .columns(let required):
                    try Self.checkHeader(fields, required: required, file: name, line: lineNumber)
                case .schema(let schema):
                    try Self.checkHeader(fields, starts: columnStarts().starts, schema: schema, file: name, line: lineNumber)
                    schemaColumns = fields.map { schema.column(named: $0) }
                }
                columns = fields
                continue
            }
            if fields.count > header.count {
                throw LexiconError(
                    file: name, line: lineNumber, column: columnStarts().starts[header.count],
                    message: "\(fields.count) fields, but the header has \(header.count) columns")
            }
            let padded = fields + Array(repeating: "", count: header.count - fields.count)
            switch check {
            case .columns:
                if fields[0].trimmingWhitespace().isEmpty {
                    throw LexiconError(file: name, line: lineNumber, column: 1, message: "the first field is empty")
                }
            case .schema(let schema):
                var meaning: [String] = []
                for (index, column) in schemaColumns.enumerated() {
                    guard let column else { continue }
                    if let problem = schema.problem(with: padded[index], in: column) {
                        let (starts, end) = columnStarts()
                        throw LexiconError(
                            file: name, line: lineNumber, column: index < starts.count ? starts[index] : end - 1, message: problem
                        )
                    }
                    if column.content != .note { meaning.append(padded[index]) }
                }
                let key = meaning.joined(separator: "\t")
                if let earlier = entries[key] {
                    throw LexiconError(
                        file: name, line: lineNumber, column: 1, message: "the same entry as line \(earlier)")
                }
                entries[key] = lineNumber
            }
            rows.append(Row(line: lineNumber, fields: padded))
        }
        guard let columns else {
            throw LexiconError(file: name, line: 1, column: 0, message: "the file has no header line")
        }
        self.columns = columns
        self.rows = rows
    }

    private static func checkHeader(_ fields: [String], required: [String], file: String, line: Int) throws(LexiconError) {
        for required in required where !fields.contains(required) {
            throw LexiconError(
                file: file, line: line, column: 0,
                message: "the header has no column '\(required)' (it has: \(fields.joined(separator: ", ")))")
        }
    }

    private static func checkHeader(
        _ fields: [String], starts: [Int], schema: LexiconSchema, file: String, line: Int
    ) throws(LexiconError) {
        let known = schema.columns.map(\.name)
        for (index, field) in fields.enumerated() {
            if !known.contains(field) {
                throw LexiconError(
                    file: file, line: line, column: starts[index],
                    message:
                        "unknown column '\(field)' in a \(schema.kind) lexicon (its columns: \(known.joined(separator: ", ")))")
            }
            if fields[..<index].contains(field) {
                throw LexiconError(file: file, line: line, column: starts[index], message: "the column '\(field)' is named twice")
            }
        }
        try checkHeader(fields, required: schema.columns.filter(\.isRequired).map(\.name), file: file, line: line)
    }

    /// Reads and parses a lexicon file from disk.
    public init(contentsOfFile path: String, requiredColumns: [String] = []) throws(LexiconError) {
        try self.init(parsing: Self.read(path), name: path, requiredColumns: requiredColumns)
    }

    /// Reads a lexicon file from disk and checks every line against `schema`.
    public init(contentsOfFile path: String, schema: LexiconSchema) throws(LexiconError) {
        try self.init(parsing: Self.read(path), name: path, schema: schema)
    }

    /// The text of a file that must be valid UTF-8.
    private static func read(_ path: String) throws(LexiconError) -> String {
        let data: Data
        do { data = try Data(contentsOf: URL(fileURLWithPath: path)) } catch {
            throw LexiconError(file: path, line: 0, column: 0, message: "cannot be read: \(error.localizedDescription)")
        }
        if let offset = UTF8Validation.firstInvalidOffset(in: data) {
            let lineStart = (data.prefix(offset).lastIndex(of: 0x0A).map { $0 + 1 }) ?? data.startIndex
            let line = data.prefix(offset).count(where: { $0 == 0x0A }) + 1
            let column = String(decoding: data[lineStart..<offset], as: UTF8.self).count + 1
            let bytes = data[offset..<min(data.endIndex, offset + 4)].map {
                "0x" + ($0 < 0x10 ? "0" : "") + String($0, radix: 16, uppercase: true)
            }
            throw LexiconError(
                file: path, line: line, column: column,
                message: "invalid UTF-8 at byte \(offset) (\(bytes.joined(separator: " "))); save the file as UTF-8")
        }
        return String(decoding: data, as: UTF8.self)
    }

    /// A lexicon bundled in a module's resources, by file name without extension.
    ///
    /// ```swift
    /// let file = try LexiconFile(bundled: "ProtectedWords", in: .module, requiredColumns: ["word"])
    /// ```
    public init(bundled name: String, in bundle: Bundle, requiredColumns: [String] = []) throws(LexiconError) {
        try self.init(contentsOfFile: Self.bundledPath(name, in: bundle), requiredColumns: requiredColumns)
    }

    /// A lexicon bundled in a module's resources, checked against its schema (whose kind
    /// names the file).
    public init(bundled schema: LexiconSchema, in bundle: Bundle) throws(LexiconError) {
        try self.init(contentsOfFile: Self.bundledPath(schema.kind, in: bundle), schema: schema)
    }

    private static func bundledPath(_ name: String, in bundle: Bundle) throws(LexiconError) -> String {
        guard let url = bundle.url(forResource: name, withExtension: "tsv") else { throw .missingResource("\(name).tsv") }
        return url.path
    }

    /// The index of the column called `column`, if the header has it.
    public func index(of column: String) -> Int? { columns.firstIndex(of: column) }

    /// A row's value in `column`, or `nil` when the file has no such column or the field is empty.
    ///
    /// ```swift
    /// file.value("country", in: row)  // "AM", or nil
    /// ```
    public func value(_ column: String, in row: Row) -> String? {
        guard let index = index(of: column) else { return nil }
        let value = row.fields[index].trimmingWhitespace()
        return value.isEmpty ? nil : value
    }

    /// Where a row comes from, as entities and cues report it: `Places.tsv:14`.
    public func source(of row: Row) -> String { "\(fileName):\(row.line)" }
}

extension StringProtocol {
    /// The string without white space at its ends (spaces, tabs, and any Unicode white
    /// space); only the end scalars are looked at when there is none, the common case.
    package func trimmingWhitespace() -> String {
        let scalars = unicodeScalars
        var start = scalars.startIndex, end = scalars.endIndex
        while start < end, scalars[start].properties.isWhitespace { start = scalars.index(after: start) }
        while end > start, scalars[scalars.index(before: end)].properties.isWhitespace { end = scalars.index(before: end) }
        return String(self[start..<end])
    }
}
