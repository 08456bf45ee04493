/// What kind of thing a ``Token`` is.
public enum TokenKind: String, Hashable, Sendable, CaseIterable, Codable {
    /// A word in Arabic script: `الخارجية`, `وأذربيجان`.
    case arabicWord
    /// A word in Latin script, possibly with digits: `RT`, `AR924`.
    case latinWord
    /// A word in another script (Cyrillic, Hebrew, CJK …).
    case otherWord
    /// A number in any digits: `2022`, `٩`, `3.5`.
    case number
    /// A punctuation mark: `،` `.` `«` `:` `؟`.
    case punctuation
    /// Any other visible character: `+`, `%`, `$`, an emoji.
    case symbol

    /// Whether the token is a word of any script.
    @inlinable public var isWord: Bool { self == .arabicWord || self == .latinWord || self == .otherWord }
}

/// One token of a text: where it is in the original, its normalized form, and its kind.
///
/// ```swift
/// let tokens = try Tokenizer().tokens(in: "وقالت الخارجيـة")
/// tokens[1].text        // "الخارجيـة"  (as printed)
/// tokens[1].normalized  // "الخارجيه"   (as matched)
/// tokens[1].kind        // .arabicWord
/// ```
public struct Token: Hashable, Sendable {
    /// The kind of token.
    public var kind: TokenKind
    /// UTF-8 offsets of the token in the original text.
    public var range: Range<Int>
    /// UTF-8 offsets of the token in the normalized text.
    public var normalizedRange: Range<Int>
    /// The token as it is in the original text.
    public var text: Substring
    /// The token's normalized form.
    public var normalized: Substring

    /// A token; ``Tokenizer`` makes them.
    public init(kind: TokenKind, range: Range<Int>, normalizedRange: Range<Int>, text: Substring, normalized: Substring) {
        self.kind = kind
        self.range = range
        self.normalizedRange = normalizedRange
        self.text = text
        self.normalized = normalized
    }
}
