/// One sentence of a text.
public struct Sentence: Hashable, Sendable {
    /// UTF-8 offsets of the sentence in the text, without surrounding whitespace.
    public var range: Range<Int>
    /// The sentence as it is in the text.
    public var text: Substring

    /// A sentence; ``SentenceSplitter`` makes them.
    public init(range: Range<Int>, text: Substring) {
        self.range = range
        self.text = text
    }
}

/// Splits text into sentences with ICU's sentence iterator, corrected for Arabic news.
///
/// Corrections to ICU:
/// - ؟ ؛ … and `..` end a sentence when a space follows;
/// - a sentence does not end inside a paired quotation (« » “ ” „ ‹ › and straight `"`,
///   also in the reversed ” … “ order of right-to-left text);
/// - a paragraph break (a line feed) always ends one, quotation or not;
/// - `د.` and `أ.` before a name (titles) do not end one.
///
/// ```swift
/// let splitter = try SentenceSplitter()
/// try splitter.sentences(in: "قال: \"وصلنا. بدأنا\". ثم غادر؟ نعم").map(\.text)
/// // ["قال: \"وصلنا. بدأنا\".", "ثم غادر؟", "نعم"]
/// ```
/// - Complexity: O(*n*) in the length of the text.
public struct SentenceSplitter: Sendable {
    private let pool: BreakIteratorPool

    /// A splitter using ICU's sentence rules for `locale`.
    public init(locale: String = "ar") throws(ICUError) {
        pool = try BreakIteratorPool(kind: .sentence, locale: locale)
    }

    /// The sentences of `text`, in order; whitespace between them belongs to none.
    public func sentences(in text: String) throws(ICUError) -> [Sentence] {
        var text = text
        let ranges = try text.withUTF8Bytes { (bytes) throws(ICUError) in try sentenceRanges(in: bytes) }
        return ranges.map { Sentence(range: $0, text: text.utf8Slice($0)) }
    }

    /// The UTF-8 ranges of the sentences of valid UTF-8 `bytes`.
    public func sentenceRanges(in bytes: UnsafeBufferPointer<UInt8>) throws(ICUError) -> [Range<Int>] {
        guard !bytes.isEmpty else { return [] }
        var boundaries: [Int] = []
        try pool.withIterator { (iterator) throws(ICUError) in
            try iterator.forEachSegment(of: bytes) { end, _ in boundaries.append(end) }
        }
        let scan = SentenceMarks.scan(bytes)
        var merged = Array(Set(boundaries + scan.extraBoundaries + scan.paragraphBoundaries)).sorted()
        let paragraphBoundaries = Set(scan.paragraphBoundaries)
        let quoted = scan.quotations.covered()
        merged.removeAll { boundary in
            !paragraphBoundaries.contains(boundary)
                && (quoted.sortedContains(boundary) || scan.titleAbbreviationEnds.contains(boundary))
        }
        var ranges: [Range<Int>] = []
        var start = 0
        for end in merged + [bytes.count] where end > start {
            let trimmed = SentenceMarks.trimWhitespace(bytes, start..<end)
            if !trimmed.isEmpty { ranges.append(trimmed) }
            start = end
        }
        return ranges
    }
}

/// What one scan over the bytes finds for sentence splitting.
struct SentenceMarks {
    /// Boundaries ICU does not make: after ؟ ؛ … `..` followed by whitespace.
    var extraBoundaries: [Int] = []
    /// Offsets just after each line feed.
    var paragraphBoundaries: [Int] = []
    /// Paired quotations, as (opening mark offset, closing mark offset).
    var quotations = QuotationSpans()
    /// Boundaries ICU would make after a title abbreviation (`د.`) that must not be kept.
    var titleAbbreviationEnds: Set<Int> = []

    static func scan(_ bytes: UnsafeBufferPointer<UInt8>) -> SentenceMarks {
        var marks = SentenceMarks()
        var pairer = QuotationPairer()
        let count = bytes.count
        var index = 0
        while index < count {
            let byte = bytes[index]
            let width = byte < 0x80 ? 1 : byte < 0xE0 ? 2 : byte < 0xF0 ? 3 : 4
            let scalar = decode(bytes, at: index, width: width)
            let next = index + width
            switch scalar {
            case 0x0A:
                marks.paragraphBoundaries.append(next)
                pairer.endParagraph(into: &marks.quotations)
            case 0x061F, 0x061B, 0x2026:  // ؟ ؛ …
                if let boundary = boundaryAfterTerminator(bytes, from: next) { marks.extraBoundaries.append(boundary) }
            case 0x2E:  // ..
                if next < count && bytes[next] == 0x2E {
                    var end = next
                    while end < count && bytes[end] == 0x2E { end += 1 }
                    if let boundary = boundaryAfterTerminator(bytes, from: end) { marks.extraBoundaries.append(boundary) }
                    index = end
                    continue
                }
                if isTitleAbbreviation(bytes, dotAt: index), let boundary = boundaryAfterTerminator(bytes, from: next) {
                    marks.titleAbbreviationEnds.insert(boundary)
                }
            default:
                if let mark = QuotationMark(scalar) { pairer.see(mark, at: index, into: &marks.quotations) }
            }
            index = next
        }
        return marks
    }

    /// Where a sentence ends after a terminator ending at `from`: after closing marks and
    /// the whitespace that follows, or `nil` when no whitespace follows (`؟!`, `…”` then text).
    static func boundaryAfterTerminator(_ bytes: UnsafeBufferPointer<UInt8>, from: Int) -> Int? {
        var index = from
        while index < bytes.count {
            let byte = bytes[index]
            let width = byte < 0x80 ? 1 : byte < 0xE0 ? 2 : byte < 0xF0 ? 3 : 4
            let scalar = decode(bytes, at: index, width: width)
            if let mark = QuotationMark(scalar), mark.canClose { index += width; continue }
            if scalar == 0x29 || scalar == 0x21 || scalar == 0x3F || scalar == 0x061F { index += width; continue }  // ) ! ? ؟
            break
        }
        guard index < bytes.count else { return nil }
        let byte = bytes[index]
        guard byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D else { return nil }
        var end = index
        while end < bytes.count && (bytes[end] == 0x20 || bytes[end] == 0x09) { end += 1 }
        return end
    }

    /// `د.` or `أ.` standing alone before a dot: a title, not a sentence end.
    static func isTitleAbbreviation(_ bytes: UnsafeBufferPointer<UInt8>, dotAt dot: Int) -> Bool {
        guard dot >= 2 else { return false }
        let letter = decode(bytes, at: dot - 2, width: 2)
        guard bytes[dot - 2] >= 0xC0, letter == 0x062F || letter == 0x0623 else { return false }  // د أ
        if dot == 2 { return true }
        let before = bytes[dot - 3]
        return before == 0x20 || before == 0x0A || before == 0x09 || before == 0x28  // space, newline, (
    }

    @inline(__always)
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int, width: Int) -> UInt32 {
        switch width {
        case 1: return UInt32(bytes[index])
        case 2: return UInt32(bytes[index] & 0x1F) << 6 | UInt32(bytes[index + 1] & 0x3F)
        case 3:
            return UInt32(bytes[index] & 0x0F) << 12 | UInt32(bytes[index + 1] & 0x3F) << 6 | UInt32(bytes[index + 2] & 0x3F)
        default:
            return UInt32(bytes[index] & 0x07) << 18 | UInt32(bytes[index + 1] & 0x3F) << 12
                | UInt32(bytes[index + 2] & 0x3F) << 6 | UInt32(bytes[index + 3] & 0x3F)
        }
    }

    /// A range without leading or trailing ASCII whitespace.
    static func trimWhitespace(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Range<Int> {
        var start = range.lowerBound, end = range.upperBound
        func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }
        while start < end && isSpace(bytes[start]) { start += 1 }
        while end > start && isSpace(bytes[end - 1]) { end -= 1 }
        return start..<end
    }
}
