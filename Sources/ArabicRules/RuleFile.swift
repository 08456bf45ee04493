import ArabicText
import Foundation

/// A problem in a rule file: which file and line, and what is wrong.
public struct RuleFileError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The file's name or path.
    public let file: String
    /// 1-based line number, 0 when the whole file is at fault.
    public let line: Int
    /// What is wrong, in a sentence.
    public let message: String

    /// An error at a line of a rule file.
    public init(file: String, line: Int, message: String) {
        self.file = file
        self.line = line
        self.message = message
    }

    /// `file:line: message`.
    public var description: String { "\(file):\(line): \(message)" }
}

/// A file of rule tests: examples of real Arabic, each followed by what the library must
/// find in it (`+`) and what it must not (`-`).
///
/// ```text
/// # The ministry rule, and a country that is only part of a name.
/// وأضافت الخارجية الروسية أن اعتراف يريفان جاء متأخرا.
/// + quote indirect speaker=الخارجية الروسية cue=وأضافت
/// + entity ORGANIZATION/ministry "الخارجية الروسية" id=RU
/// - entity COUNTRY "روسيا"
/// ```
///
/// Examples are separated by blank lines; `#` starts a comment line. An example's text is
/// every line before its first assertion (several lines are one text, joined by line
/// feeds); a text line that starts with `+`, `-`, `#` or `\` is written with a `\` before it.
/// Docs/WritingRules.md describes every assertion.
public struct RuleFile: Sendable {
    /// One example: a text and its assertions.
    public struct Example: Sendable {
        /// The line of the text's first line.
        public let line: Int
        /// The text, its lines joined by line feeds.
        public let text: String
        /// What must and must not be found in it.
        public let assertions: [Assertion]
    }

    /// One `+` or `-` line.
    public struct Assertion: Sendable {
        /// Its line in the file.
        public let line: Int
        /// `+`: the finding must be there; `-`: it must not.
        public let mustBeFound: Bool
        /// What is looked for.
        public let finding: Finding
        /// The line as written.
        public let written: String
    }

    /// The file's name or path, for reports.
    public let name: String
    /// The examples, in order.
    public let examples: [Example]

    /// Parses the text of a rule file; `name` is used in errors and reports.
    public init(parsing text: String, name: String) throws(RuleFileError) {
        self.name = name
        var examples: [Example] = []
        var textLines: [String] = []
        var textLine = 0
        var assertions: [Assertion] = []
        func fail(_ line: Int, _ message: String) -> RuleFileError { RuleFileError(file: name, line: line, message: message) }
        func endExample() throws(RuleFileError) {
            defer { (textLines, assertions) = ([], []) }
            guard !textLines.isEmpty || !assertions.isEmpty else { return }
            guard !assertions.isEmpty else {
                throw fail(textLine, "the example asserts nothing: add '+ …' or '- …' lines under it")
            }
            examples.append(Example(line: textLine, text: textLines.joined(separator: "\n"), assertions: assertions))
        }
        var number = 0
        // "\r\n" is one Character in Swift, so both line ends are named.
        for rawLine in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }) {
            number += 1
            let line = rawLine.trimmingCharacters(in: .whitespaces)
            if line.isEmpty {
                try endExample()
                continue
            }
            if line.hasPrefix("#") { continue }
            if let sign = line.first, sign == "+" || sign == "-" {
                guard !textLines.isEmpty else { throw fail(number, "an assertion with no text above it") }
                let finding = try Self.finding(
                    String(line.dropFirst()), mustBeFound: sign == "+", file: name, line: number)
                assertions.append(Assertion(line: number, mustBeFound: sign == "+", finding: finding, written: line))
                continue
            }
            guard assertions.isEmpty else {
                throw fail(number, "a text line after the assertions: separate examples with a blank line")
            }
            if textLines.isEmpty { textLine = number }
            textLines.append(line.hasPrefix("\\") ? String(line.dropFirst()) : line)
        }
        try endExample()
        guard !examples.isEmpty else { throw fail(0, "the file has no examples") }
        self.examples = examples
    }

    /// Reads and parses a rule file.
    public init(contentsOfFile path: String) throws(RuleFileError) {
        let data: Data
        do { data = try Data(contentsOf: URL(fileURLWithPath: path)) } catch {
            throw RuleFileError(file: path, line: 0, message: "cannot be read: \(error.localizedDescription)")
        }
        if let offset = UTF8Validation.firstInvalidOffset(in: data) {
            let line = data.prefix(offset).count(where: { $0 == 0x0A }) + 1
            throw RuleFileError(file: path, line: line, message: "invalid UTF-8 at byte \(offset); save the file as UTF-8")
        }
        try self.init(parsing: String(decoding: data, as: UTF8.self), name: path)
    }

    // MARK: - Assertions

    /// An item of an assertion line.
    enum Item: Equatable {
        case word(String)
        case quoted(String)
        case key(String, prefix: Bool, value: String, quoted: Bool)
    }

    /// Splits an assertion's arguments into words, quoted texts and `key=value` pairs.
    static func items(_ text: String, fail: (String) -> RuleFileError) throws(RuleFileError) -> [Item] {
        var items: [Item] = []
        var characters = Array(text)[...]
        func quoted() throws(RuleFileError) -> String {
            characters.removeFirst()  // the opening mark
            var value = ""
            while let character = characters.popFirst() {
                switch character {
                case "\"": return value
                case "\\":
                    guard let escaped = characters.popFirst() else { break }
                    value.append(escaped)
                default: value.append(character)
                }
            }
            throw fail("a quoted text is not closed with \"")
        }
        while let first = characters.first {
            if first.isWhitespace {
                characters.removeFirst()
                continue
            }
            if first == "\"" {
                items.append(.quoted(try quoted()))
                continue
            }
            var word = ""
            while let next = characters.first, !next.isWhitespace, next != "\"" { word.append(characters.removeFirst()) }
            guard let equals = word.firstIndex(of: "=") else {
                if characters.first == "\"" { throw fail("a quote mark inside the word '\(word)'") }
                items.append(.word(word))
                continue
            }
            var name = String(word[..<equals])
            let prefix = name.hasSuffix("^")
            if prefix { name.removeLast() }
            guard !name.isEmpty else { throw fail("'\(word)' has no key before '='") }
            let value = String(word[word.index(after: equals)...])
            if value.isEmpty, characters.first == "\"" {
                items.append(.key(name, prefix: prefix, value: try quoted(), quoted: true))
            } else if value.isEmpty {
                throw fail("no value after '\(word)'")
            } else {
                if characters.first == "\"" { throw fail("a quote mark inside the value '\(word)'") }
                items.append(.key(name, prefix: prefix, value: value, quoted: false))
            }
        }
        return items
    }

    static let subjects = ["entity", "quote", "reading", "entities", "quotes"]
    static let entityKeys = ["text", "subtype", "id", "source"]
    static let quoteKeys = ["text", "speaker", "resolved", "cue", "lemma", "source", "rule"]

    /// The finding an assertion line (after its sign) describes.
    static func finding(_ text: String, mustBeFound: Bool, file: String, line: Int) throws(RuleFileError) -> Finding {
        let fail = { (message: String) in RuleFileError(file: file, line: line, message: message) }
        var rest = Substring(text.trimmingCharacters(in: .whitespaces))
        let subject = String(rest.prefix { !$0.isWhitespace })
        rest = rest.dropFirst(subject.count)
        guard subjects.contains(subject) else {
            throw fail("unknown assertion '\(subject)' (known: \(subjects.joined(separator: ", ")))")
        }
        // Bare values run on to the next key: speaker=الخارجية الروسية cue=وأضافت.
        var positional: [Item] = []
        var keys: [String: TextMatch] = [:]
        var lastBareKey: String?
        for item in try items(String(rest), fail: fail) {
            switch item {
            case .word(let word) where lastBareKey != nil:
                let key = lastBareKey!
                switch keys[key] {
                case .equals(let value): keys[key] = .equals(value + " " + word)
                case .prefix(let value): keys[key] = .prefix(value + " " + word)
                case .absent: keys[key] = .equals("none " + word)  // a text that starts with the word none
                case .any, nil: break
                }
            case .word, .quoted:
                positional.append(item)
                lastBareKey = nil
            case .key(let name, let prefix, let value, let quoted):
                guard keys[name] == nil else { throw fail("'\(name)' is given twice") }
                keys[name] = !quoted && value == "none" && !prefix ? .absent : prefix ? .prefix(value) : .equals(value)
                lastBareKey = quoted ? nil : name
            }
        }
        func checkKeys(_ known: [String]) throws(RuleFileError) {
            for name in keys.keys.sorted() where !known.contains(name) {
                throw fail("unknown key '\(name)' for \(subject) (known: \(known.joined(separator: ", ")))")
            }
        }
        switch subject {
        case "entity":
            try checkKeys(entityKeys)
            var type: EntityType?
            var subtype = keys["subtype"] ?? .any
            var text = keys["text"] ?? .any
            for (index, item) in positional.enumerated() {
                switch item {
                case .word(let word) where index == 0:
                    let parts = word.split(separator: "/", maxSplits: 1).map(String.init)
                    guard let known = EntityType(rawValue: parts[0]) else {
                        throw fail(
                            "unknown entity type '\(parts[0])' (known: \(EntityType.allCases.map(\.rawValue).joined(separator: ", ")))"
                        )
                    }
                    type = known
                    if parts.count == 2 {
                        guard keys["subtype"] == nil else { throw fail("the subtype is given twice") }
                        subtype = parts[1] == "none" ? .absent : .equals(parts[1])
                    }
                case .quoted(let value) where text == .any:
                    text = .equals(value)
                default:
                    throw fail(
                        "unexpected '\(describe(item))': an entity assertion is 'entity TYPE/subtype \"text\" key=value …'")
                }
            }
            return .entity(type, text, subtype: subtype, id: keys["id"] ?? .any, source: keys["source"] ?? .any)
        case "quote":
            try checkKeys(quoteKeys)
            var kind: QuotationKind?
            var text = keys["text"] ?? .any
            for (index, item) in positional.enumerated() {
                switch item {
                case .word(let word) where index == 0:
                    guard let known = QuotationKind(rawValue: word) else {
                        throw fail(
                            "unknown quotation kind '\(word)' (known: \(QuotationKind.allCases.map(\.rawValue).joined(separator: ", ")))"
                        )
                    }
                    kind = known
                case .quoted(let value) where text == .any:
                    text = .equals(value)
                default:
                    throw fail("unexpected '\(describe(item))': a quote assertion is 'quote KIND \"text\" key=value …'")
                }
            }
            return .quote(
                kind, text, speaker: keys["speaker"] ?? .any, resolved: keys["resolved"] ?? .any, cue: keys["cue"] ?? .any,
                lemma: keys["lemma"] ?? .any, source: keys["source"] ?? .any, rule: keys["rule"] ?? .any)
        case "reading":
            try checkKeys([])
            guard positional.count == 2, case .word(let word) = positional[0], case .word(let reading) = positional[1] else {
                throw fail("a reading assertion is 'reading WORD و+ب+ال+خارجيه'")
            }
            return .reading(of: word, reading)
        default:  // entities, quotes
            try checkKeys([])
            guard mustBeFound else { throw fail("'- \(subject) N' says nothing: write '+ \(subject) N' for exactly N") }
            guard positional.count == 1, case .word(let word) = positional[0], let count = Int(word), count >= 0 else {
                throw fail("a count assertion is '\(subject) N', N a whole number")
            }
            return subject == "entities" ? .entities(count) : .quotes(count)
        }
    }

    static func describe(_ item: Item) -> String {
        switch item {
        case .word(let word): word
        case .quoted(let text): RuleSyntax.quoted(text)
        case .key(let name, let prefix, let value, _): name + (prefix ? "^=" : "=") + value
        }
    }
}
