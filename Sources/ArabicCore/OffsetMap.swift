/// Maps positions in a normalized text back to the original text.
///
/// Normalization deletes characters (diacritics, tatweel, invisible marks), shortens
/// some (٣ → 3) and expands a few (ﷲ → الله). The map records only those edits; between
/// them the two texts advance together. Offsets are UTF-8 byte offsets.
///
/// ```swift
/// let result = Normalizer(.search).normalize("كتـــبَ")
/// result.text                                   // "كتب"
/// result.offsets.originalRange(of: 0..<6)       // 0..<14: "كتـــبَ", fatha included
/// ```
///
/// A range that ends just before removed diacritics or tatweel takes them along, since they
/// belong to the letter before them; removed invisible marks and spaces are left out at
/// both ends. A range that starts or ends inside an expansion covers the whole character
/// that expanded.
public struct OffsetMap: Hashable, Sendable {
    /// One place where the normalized text differs in length from the original: the
    /// original bytes `original` became the normalized bytes `normalized`.
    @usableFromInline
    struct Edit: Hashable, Sendable {
        var normalizedStart: Int
        var normalizedEnd: Int
        var originalStart: Int
        var originalEnd: Int
        /// A deletion that belongs to the character before it (a diacritic, tatweel).
        var attachesToPrevious: Bool
    }

    var edits: [Edit]
    /// Length of the original text, in UTF-8 bytes.
    public let originalLength: Int
    /// Length of the normalized text, in UTF-8 bytes.
    public let normalizedLength: Int

    init(edits: [Edit], originalLength: Int, normalizedLength: Int) {
        self.edits = edits
        self.originalLength = originalLength
        self.normalizedLength = normalizedLength
    }

    /// The map of a text that normalization left as it was.
    public static func identity(length: Int) -> OffsetMap {
        OffsetMap(edits: [], originalLength: length, normalizedLength: length)
    }

    /// Whether normalization changed no length anywhere (letters may still differ).
    public var isIdentity: Bool { edits.isEmpty }

    /// The number of recorded edits.
    public var editCount: Int { edits.count }

    /// The original offset where a range starting at normalized offset `offset` starts.
    /// - Complexity: O(log *e*), *e* the number of edits.
    public func originalStart(of offset: Int) -> Int {
        precondition(offset >= 0 && offset <= normalizedLength, "offset \(offset) outside 0...\(normalizedLength)")
        // The number of edits that start at or before the offset.
        var low = 0, high = edits.count
        while low < high {
            let middle = (low + high) / 2
            if edits[middle].normalizedStart <= offset { low = middle + 1 } else { high = middle }
        }
        return originalStart(of: offset, editsStartingAtOrBefore: low)
    }

    /// The original offset where a range ending at normalized offset `offset` ends.
    /// - Complexity: O(log *e*) plus the deletions at that offset.
    public func originalEnd(of offset: Int) -> Int {
        precondition(offset >= 0 && offset <= normalizedLength, "offset \(offset) outside 0...\(normalizedLength)")
        // The number of edits that start before the offset.
        var low = 0, high = edits.count
        while low < high {
            let middle = (low + high) / 2
            if edits[middle].normalizedStart < offset { low = middle + 1 } else { high = middle }
        }
        return originalEnd(of: offset, editsStartingBefore: low)
    }

    @inline(__always)
    func originalStart(of offset: Int, editsStartingAtOrBefore count: Int) -> Int {
        guard count > 0 else { return offset }
        let edit = edits[count - 1]
        if edit.normalizedEnd > offset { return edit.originalStart }  // inside or at the start of an edit
        return edit.originalEnd + (offset - edit.normalizedEnd)
    }

    @inline(__always)
    func originalEnd(of offset: Int, editsStartingBefore count: Int) -> Int {
        var result = offset
        if count > 0 {
            let edit = edits[count - 1]
            if edit.normalizedEnd > offset { return edit.originalEnd }  // ends inside an expansion
            result = edit.originalEnd + (offset - edit.normalizedEnd)
        }
        // Take along the diacritics and tatweel deleted right here.
        var index = count
        while index < edits.count, edits[index].normalizedStart == offset, edits[index].normalizedEnd == offset,
            edits[index].attachesToPrevious
        {
            result = edits[index].originalEnd
            index += 1
        }
        return result
    }

    /// Maps ranges given in increasing order in amortized O(1) each: for walking the
    /// tokens of a long text.
    ///
    /// ```swift
    /// var cursor = result.offsets.cursor()
    /// for range in normalizedTokenRanges { print(cursor.originalRange(of: range)) }
    /// ```
    public struct Cursor: Sendable {
        let map: OffsetMap
        private var startsAtOrBefore = 0
        private var startsBefore = 0
        /// Between the end of the last edit passed and the start of the next one, an offset
        /// maps by adding `shift`: most ranges lie there and need no look at the edits.
        @usableFromInline var plainFrom = 0
        @usableFromInline var plainBefore: Int
        @usableFromInline var shift = 0

        init(map: OffsetMap) {
            self.map = map
            plainBefore = map.edits.first?.normalizedStart ?? Int.max
        }

        /// The original range of `range`; neither bound may be below the last call's.
        @inlinable @inline(__always)
        public mutating func originalRange(of range: Range<Int>) -> Range<Int> {
            // No edit starts at or inside `range`, and the one before it ends before it.
            if range.lowerBound >= plainFrom && range.upperBound < plainBefore {
                return (range.lowerBound &+ shift)..<(range.upperBound &+ shift)
            }
            return originalRangeNearEdits(range)
        }

        /// ``originalRange(of:)`` for a range at or inside an edit: walks the edits, then sets
        /// the plain stretch that follows.
        @usableFromInline
        mutating func originalRangeNearEdits(_ range: Range<Int>) -> Range<Int> {
            let edits = map.edits
            while startsAtOrBefore < edits.count && edits[startsAtOrBefore].normalizedStart <= range.lowerBound {
                startsAtOrBefore += 1
            }
            if startsAtOrBefore > 0 {
                let last = edits[startsAtOrBefore - 1]
                (plainFrom, shift) = (last.normalizedEnd, last.originalEnd - last.normalizedEnd)
            }
            plainBefore = startsAtOrBefore < edits.count ? edits[startsAtOrBefore].normalizedStart : Int.max
            let start = map.originalStart(of: range.lowerBound, editsStartingAtOrBefore: startsAtOrBefore)
            if range.isEmpty { return start..<start }
            while startsBefore < edits.count && edits[startsBefore].normalizedStart < range.upperBound { startsBefore += 1 }
            return start..<max(start, map.originalEnd(of: range.upperBound, editsStartingBefore: startsBefore))
        }

        /// The original offset of normalized `offset` as a range start; not below the last start.
        public mutating func originalStart(of offset: Int) -> Int { originalRange(of: offset..<offset).lowerBound }
    }

    /// A cursor for mapping ranges in increasing order.
    public func cursor() -> Cursor { Cursor(map: self) }

    /// The original range of a normalized range (UTF-8 offsets); empty stays empty.
    public func originalRange(of range: Range<Int>) -> Range<Int> {
        let start = originalStart(of: range.lowerBound)
        if range.isEmpty { return start..<start }
        return start..<max(start, originalEnd(of: range.upperBound))
    }
}

/// Collects edits while a text is normalized.
struct OffsetMapBuilder {
    var edits: [OffsetMap.Edit] = []

    @inline(__always)
    mutating func record(original: Range<Int>, normalizedStart: Int, normalizedLength: Int, attaches: Bool) {
        edits.append(
            OffsetMap.Edit(
                normalizedStart: normalizedStart, normalizedEnd: normalizedStart + normalizedLength,
                originalStart: original.lowerBound, originalEnd: original.upperBound, attachesToPrevious: attaches))
    }
}
