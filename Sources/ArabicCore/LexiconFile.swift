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
}

/// A parsed TSV lexicon: a header line naming the columns, `#` comments and blank lines
/// ignored, one entry per line.
///
/// ```swift
/// let file = try LexiconFile(parsing: "word\tnote\nوزارة\tministry\n", name: "mine.tsv")
/// file.rows[0].fields[0]  // "وزارة"
/// ```
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
    /// The column names from the header line.
    public let columns: [String]
    /// The entry lines.
    public let rows: [Row]

    /// Parses `text`; `requiredColumns` must appear in the header, in any order.
    public init(parsing text: String, name: String, requiredColumns: [String] = []) throws(LexiconError) {
        self.name = name
        var columns: [String]?
        var rows: [Row] = []
        var lineNumber = 0
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            let content = line.hasSuffix("\r") ? line.dropLast() : line
            if content.allSatisfy(\.isWhitespace) || content.hasPrefix("#") { continue }
            let fields = content.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard let header = columns else {
                for required in requiredColumns where !fields.contains(required) {
                    throw LexiconError(
                        file: name, line: lineNumber, column: 0,
                        message: "the header has no column '\(required)' (it has: \(fields.joined(separator: ", ")))")
                }
                columns = fields
                continue
            }
            if fields.count > header.count {
                let column =
                    content.split(separator: "\t", omittingEmptySubsequences: false).prefix(header.count)
                    .reduce(0) { $0 + $1.count + 1 } + 1
                throw LexiconError(
                    file: name, line: lineNumber, column: column,
                    message: "\(fields.count) fields, but the header has \(header.count) columns")
            }
            if fields[0].trimmingCharacters(in: .whitespaces).isEmpty {
                throw LexiconError(file: name, line: lineNumber, column: 1, message: "the first field is empty")
            }
            rows.append(Row(line: lineNumber, fields: fields + Array(repeating: "", count: header.count - fields.count)))
        }
        guard let columns else {
            throw LexiconError(file: name, line: 1, column: 0, message: "the file has no header line")
        }
        self.columns = columns
        self.rows = rows
    }

    /// Reads and parses a lexicon file from disk.
    public init(contentsOfFile path: String, requiredColumns: [String] = []) throws(LexiconError) {
        let data: Data
        do { data = try Data(contentsOf: URL(fileURLWithPath: path)) } catch {
            throw LexiconError(file: path, line: 0, column: 0, message: "cannot be read: \(error.localizedDescription)")
        }
        if let offset = UTF8Validation.firstInvalidOffset(in: data) {
            let line = data.prefix(offset).count(where: { $0 == 0x0A }) + 1
            throw LexiconError(file: path, line: line, column: 0, message: "invalid UTF-8 at byte \(offset)")
        }
        try self.init(parsing: String(decoding: data, as: UTF8.self), name: path, requiredColumns: requiredColumns)
    }

    /// A lexicon bundled in a module's resources, by file name without extension.
    ///
    /// ```swift
    /// let file = try LexiconFile(bundled: "ProtectedWords", in: .module, requiredColumns: ["word"])
    /// ```
    public init(bundled name: String, in bundle: Bundle, requiredColumns: [String] = []) throws(LexiconError) {
        guard let url = bundle.url(forResource: name, withExtension: "tsv") else { throw .missingResource("\(name).tsv") }
        try self.init(contentsOfFile: url.path, requiredColumns: requiredColumns)
    }
}
