/// Splits text into tokens with ICU's word break iterator, over normalized text.
///
/// The text is normalized first (by default with ``NormalizationOptions/search``), ICU
/// finds the word boundaries in the normalized text, and every token keeps its range in the
/// original. Whitespace is not a token. Two corrections to ICU: a run of Arabic letters
/// glued to Latin letters or digits (`الله11101`) is split where the script changes, and a
/// token's kind is decided by its first character.
///
/// ```swift
/// let tokenizer = try Tokenizer()
/// for token in try tokenizer.tokens(in: "أدانت روسيا تفجيرات 17 سبتمبر.") {
///     print(token.kind, token.text)
/// }
/// ```
/// A `Tokenizer` is `Sendable`: share one across threads.
/// - Complexity: O(*n*) in the length of the text.
public struct Tokenizer: Sendable {
    /// The normalizer that produces the normalized forms.
    public let normalizer: Normalizer
    /// Whether ICU reads the UTF-8 directly (`UText`) rather than a UTF-16 copy.
    public let readsUTF8Directly: Bool
    /// Whether simple pieces (Arabic or ASCII words with punctuation at their edges) are
    /// split without running ICU's iterator; the boundaries are the same (tested on the corpus).
    public let usesFastPath: Bool
    private let pool: BreakIteratorPool

    /// A tokenizer for locale `ar` normalizing with `normalizer`. `readsUTF8Directly` picks
    /// ICU's UText door over the UTF-16 copy; the copy measured faster on the corpus
    /// (see Docs/Performance.md), so it is the default. `usesFastPath: false` sends every
    /// character through ICU's iterator.
    public init(
        normalizer: Normalizer = Normalizer(), locale: String = "ar", readsUTF8Directly: Bool = false,
        usesFastPath: Bool = true
    ) throws(ICUError) {
        self.normalizer = normalizer
        self.readsUTF8Directly = readsUTF8Directly
        self.usesFastPath = usesFastPath
        self.pool = try BreakIteratorPool(kind: .word, locale: locale)
    }

    /// The tokens of `text`, in order.
    public func tokens(in text: String) throws(ICUError) -> [Token] {
        try tokens(in: normalizer.normalize(text))
    }

    /// The tokens of an already normalized text, in order.
    public func tokens(in text: NormalizedText) throws(ICUError) -> [Token] {
        var tokens: [Token] = []
        tokens.reserveCapacity(text.text.utf8.count / 5)
        let original = text.original
        let normalized = text.text
        try forEachToken(in: text) { kind, range, normalizedRange in
            tokens.append(
                Token(
                    kind: kind, range: range, normalizedRange: normalizedRange,
                    text: original.utf8Slice(range), normalized: normalized.utf8Slice(normalizedRange)))
        }
        return tokens
    }

    /// Calls `body(kind, originalRange, normalizedRange)` for every token, with UTF-8 offsets
    /// and without building strings: the fast door for streaming over large corpora.
    public func forEachToken(
        in text: NormalizedText, _ body: (_ kind: TokenKind, _ range: Range<Int>, _ normalizedRange: Range<Int>) -> Void
    ) throws(ICUError) {
        var normalized = text.text
        var offsets = text.offsets.cursor()
        try normalized.withUTF8Bytes { (bytes) throws(ICUError) in
            try forEachSegment(inNormalized: bytes) { kind, range in
                body(kind, offsets.originalRange(of: range), range)
            }
        }
    }

    /// The word segments of valid UTF-8 text that is already normalized, without mapping
    /// them anywhere: `body(kind, range)` with UTF-8 offsets into `bytes`.
    public func forEachSegment(
        inNormalized bytes: UnsafeBufferPointer<UInt8>, _ body: (_ kind: TokenKind, _ range: Range<Int>) -> Void
    ) throws(ICUError) {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return }
        try pool.withIterator { (iterator) throws(ICUError) in
            func throughICU(_ piece: Range<Int>) throws(ICUError) {
                try segmentThroughICU(iterator, base, piece, body)
            }
            if usesFastPath {
                try forEachSegmentFast(base, count: bytes.count, shapes: .shared, hashing: WithoutHashes.self, icu: throughICU) {
                    kind, range, _ in body(kind, range)
                }
            } else {
                try throughICU(0..<bytes.count)
            }
        }
    }

    /// The tokens of valid UTF-8 text that is already normalized, mapped to the original
    /// through `offsets`, each with the ``TokenHash`` of its bytes and of its bytes from the
    /// third on (the word without a first letter that may be a proclitic; the hash of nothing
    /// for two bytes or fewer). The fast path hashes the words as it reads them; punctuation
    /// and ICU's segments are hashed here. The tokens go straight into the array, with no
    /// closure call per token.
    package func scanTokens(inNormalized bytes: UnsafeBufferPointer<UInt8>, offsets: OffsetMap) throws(ICUError)
        -> [ScanToken]
    {
        var tokens: [ScanToken] = []
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return tokens }
        // About one token per five bytes of Arabic news: one allocation, rarely two.
        tokens.reserveCapacity(bytes.count / 4 + 16)
        var mapper = offsets.cursor()
        // Closures, not local functions: a local function that captures `tokens` and is
        // passed on makes every access to them a checked one.
        try pool.withIterator { (iterator) throws(ICUError) in
            if usesFastPath {
                try forEachSegmentFast(
                    base, count: bytes.count, shapes: .shared, hashing: WithHashes.self,
                    icu: { (piece) throws(ICUError) in
                        try segmentThroughICU(iterator, base, piece) { kind, range in
                            Self.append(kind, range, nil, bytes, &mapper, to: &tokens)
                        }
                    },
                    { kind, range, hashes in Self.append(kind, range, hashes, bytes, &mapper, to: &tokens) })
            } else {
                try segmentThroughICU(iterator, base, 0..<bytes.count) { kind, range in
                    Self.append(kind, range, nil, bytes, &mapper, to: &tokens)
                }
            }
        }
        return tokens
    }

    /// Adds the token at normalized `range`, hashing it here if the fast path did not.
    @inline(__always)
    private static func append(
        _ kind: TokenKind, _ range: Range<Int>, _ hashes: (whole: TokenHash, rest: TokenHash)?,
        _ bytes: UnsafeBufferPointer<UInt8>, _ mapper: inout OffsetMap.Cursor, to tokens: inout [ScanToken]
    ) {
        let (hash, rest) = hashes ?? TokenHash.hashes(of: UnsafeBufferPointer(rebasing: bytes[range]), andWithout: 2)
        tokens.append(
            ScanToken(kind: kind, range: mapper.originalRange(of: range), normalizedRange: range, hash: hash, restHash: rest))
    }

    /// ICU's word segments of `base[piece]`, classified, with offsets from `base`.
    private func segmentThroughICU(
        _ iterator: BreakIterator, _ base: UnsafePointer<UInt8>, _ piece: Range<Int>,
        _ body: (_ kind: TokenKind, _ range: Range<Int>) -> Void
    ) throws(ICUError) {
        var start = piece.lowerBound
        let text = UnsafeBufferPointer(start: base + piece.lowerBound, count: piece.count)
        try iterator.forEachSegment(of: text, throughUText: readsUTF8Directly) { relativeEnd, status in
            let end = piece.lowerBound + relativeEnd
            defer { start = end }
            let kind: TokenKind
            switch status {
            case 100..<500:
                // ICU reports the status of the rule that ended the segment, so a word
                // that ends in digits (الله11101) says "number": decide by its letters.
                let lead = base[start]
                kind =
                    Self.isArabicLead(lead)
                    ? .arabicWord
                    : lead >= 0x30 && lead <= 0x39
                        ? .number
                        : lead < 0xCA ? .latinWord : .otherWord
                if kind != .otherWord {
                    Self.splitAtScriptChange(base, start..<end, first: kind, body)
                    return
                }
            default:
                guard let nonWord = Self.classifyNonWord(base, start..<end) else { return }
                kind = nonWord
            }
            body(kind, start..<end)
        }
    }

    /// Lead bytes of U+0600–U+06FF and U+0750–U+077F.
    @inline(__always)
    static func isArabicLead(_ byte: UInt8) -> Bool { (byte >= 0xD8 && byte <= 0xDB) || byte == 0xDD }

    /// Emits a letter segment, cut where Arabic letters meet ASCII letters or digits.
    @inline(__always)
    static func splitAtScriptChange(
        _ base: UnsafePointer<UInt8>, _ range: Range<Int>, first: TokenKind, _ body: (TokenKind, Range<Int>) -> Void
    ) {
        var pieceStart = range.lowerBound
        var pieceKind = first
        var index = range.lowerBound
        while index < range.upperBound {
            let byte = base[index]
            let width = byte < 0x80 ? 1 : byte < 0xE0 ? 2 : byte < 0xF0 ? 3 : 4
            let kindHere: TokenKind? =
                isArabicLead(byte)
                ? .arabicWord
                : byte < 0x80 && isASCIIAlphanumeric(byte) ? (byte < 0x3A ? .number : .latinWord) : nil
            if let kindHere, kindHere != pieceKind {
                if pieceKind == .number && kindHere == .latinWord {
                    pieceKind = .latinWord  // 3D, 5G: digits and Latin letters make one word
                } else if !(pieceKind == .latinWord && kindHere == .number) {
                    body(pieceKind, pieceStart..<index)
                    pieceStart = index
                    pieceKind = kindHere
                }
            }
            index += width
        }
        body(pieceKind, pieceStart..<range.upperBound)
    }

    @inline(__always)
    static func isASCIIAlphanumeric(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || ((byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A)
    }

    /// Punctuation or symbol for a segment ICU did not call a word; `nil` for whitespace.
    static func classifyNonWord(_ base: UnsafePointer<UInt8>, _ range: Range<Int>) -> TokenKind? {
        let lead = base[range.lowerBound]
        if lead < 0x80 {
            switch lead {
            case 0x20, 0x09, 0x0A, 0x0B, 0x0C, 0x0D: return nil
            case 0x21...0x2F, 0x3A...0x40, 0x5B...0x60, 0x7B...0x7E:
                return
                    (lead == 0x24 || lead == 0x2B || (lead >= 0x3C && lead <= 0x3E) || lead == 0x5E || lead == 0x60
                    || lead == 0x7C || lead == 0x7E) ? .symbol : .punctuation
            default: return lead < 0x20 || lead == 0x7F ? nil : .symbol
            }
        }
        var decoder = UTF8()
        var iterator = UnsafeBufferPointer(start: base + range.lowerBound, count: range.count).makeIterator()
        guard case .scalarValue(let scalar) = decoder.decode(&iterator) else { return .symbol }
        let properties = scalar.properties
        if properties.isWhitespace { return nil }
        switch properties.generalCategory {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation, .initialPunctuation,
            .finalPunctuation, .otherPunctuation:
            return .punctuation
        case .format, .control, .nonspacingMark, .enclosingMark, .spacingMark, .unassigned, .lineSeparator, .paragraphSeparator:
            // Invisible leftovers (a ZWNJ the options kept, a stray mark) are not tokens.
            return range.count == Int(scalar.utf8.count) ? nil : .symbol
        default:
            return .symbol
        }
    }
}
