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

/// A token as the scans need it: plain values, no strings (``Tokenizer`` makes them for
/// the entity and quotation scans).
package struct ScanToken: Sendable {
    package var kind: TokenKind
    /// UTF-8 offsets in the original text.
    package var range: Range<Int>
    /// UTF-8 offsets in the normalized text.
    package var normalizedRange: Range<Int>
    /// The ``TokenHash`` of the token's normalized bytes, the key of every lexicon lookup.
    package var hash: TokenHash
    /// The hash of its normalized bytes from the third on: the word without a first letter
    /// that may be an attached proclitic (و ف ب ل ك); the hash of nothing for a token of two
    /// bytes or fewer.
    package var restHash: TokenHash

    /// A token with its hashes.
    package init(kind: TokenKind, range: Range<Int>, normalizedRange: Range<Int>, hash: TokenHash, restHash: TokenHash) {
        self.kind = kind
        self.range = range
        self.normalizedRange = normalizedRange
        self.hash = hash
        self.restHash = restHash
    }
}
