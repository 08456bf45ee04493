import Foundation

/// What a field of a found thing must be: anything, absent, a text, or the start of one.
///
/// A string literal is an exact text, so `.quote(speaker: "بوتين")` reads as it means.
///
/// ```swift
/// TextMatch.equals("بوتين").matches("بوتين")       // true
/// TextMatch.prefix("روسيا ستواصل").matches("روسيا ستواصل دعمها")  // true
/// TextMatch.absent.matches(nil)                    // true
/// ```
public enum TextMatch: Hashable, Sendable, ExpressibleByStringLiteral, CustomStringConvertible {
    /// No condition.
    case any
    /// The field must be absent (`none` in a rule file): no speaker, no id …
    case absent
    /// The field must be exactly this text, as printed.
    case equals(String)
    /// The field must start with this text (`^=` in a rule file).
    case prefix(String)

    /// An exact text.
    public init(stringLiteral value: String) { self = .equals(value) }

    /// Whether `value` (`nil` for an absent field) satisfies the condition.
    public func matches(_ value: String?) -> Bool {
        switch self {
        case .any: true
        case .absent: value == nil
        case .equals(let text): value == text
        case .prefix(let text): value?.hasPrefix(text) ?? false
        }
    }

    /// Whether any of `values` satisfies the condition (a cue written with or without its و).
    func matches(anyOf values: [String]) -> Bool { values.contains { matches($0) } }

    /// The condition as a rule file writes it after the key: `=بوتين`, `=none`, `^="روسيا ستواصل"`.
    public var description: String {
        switch self {
        case .any: ""
        case .absent: "=none"
        case .equals(let text): "=" + RuleSyntax.value(text)
        case .prefix(let text): "^=" + RuleSyntax.value(text)
        }
    }
}

/// How rule files write values.
enum RuleSyntax {
    /// A key's value: a single word as it is, anything else quoted.
    static func value(_ text: String) -> String {
        let bare = !text.isEmpty && text != "none" && !text.contains { $0.isWhitespace || $0 == "\"" || $0 == "=" || $0 == "\\" }
        return bare ? text : quoted(text)
    }

    /// `"text"`, with `"` and `\` escaped.
    static func quoted(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}
