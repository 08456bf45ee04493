import ArabicCore
import ArabicEntities

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A span between quotation marks (or from a colon to an unmatched closing mark, or from an
/// unmatched opening mark to the end of its paragraph), in tokens.
struct QuoteSpan {
    var open: Int?
    var close: Int?
    /// Token indices of the quoted words.
    var content: Range<Int>
    /// A quoted name or a scare-quoted word, not a quotation: وكالة “سبوتنيك”.
    var isName = false
}

/// A speaker remembered for the verbs without a subject that follow.
struct RememberedSpeaker {
    var text: String
    var feminine: Bool
    var plural: Bool
}

/// Which lookups a token may succeed in (bits of `QuotationScan.tokenFlags`).
enum PunctuationBits {
    static let colon: UInt8 = 1
    static let sentenceEnd: UInt8 = 2
    static let mark: UInt8 = 4
    /// The token's first scalar is one of `QuotationScan.colon`, `.sentenceEnds`, `.commas`
    /// (what `isPunctuation(_:_:)` asks, answered once per token).
    static let firstIsColon: UInt8 = 8
    static let firstIsSentenceEnd: UInt8 = 16
    static let firstIsComma: UInt8 = 32
    /// The token's first scalar is a quotation mark (`mark(of:in:)` is not nil).
    static let firstIsMark: UInt8 = 64
    /// The token's first byte is "." (the double stop `..` of a headline list).
    static let period: UInt8 = 128
}

enum TokenFlags {
    static let cue: UInt8 = 1
    static let cueAfterConjunction: UInt8 = 2
    static let sourceStart: UInt8 = 4
    static let sourceStartAfterWa: UInt8 = 8
    /// أنّ/إنّ/بأن and أنه/بأنه, in their normalized forms (`QuotationScan.thatWords`).
    static let thatWord: UInt8 = 16
    /// The word's hash may be a reporting noun's (`QuotationFinder.WordFilter`).
    static let reportingNoun: UInt8 = 32
}

/// A value for some token positions: a dictionary's subscript over an array, one slot per
/// position (no hashing in the per-token loops). Positions outside it read nil.
struct TokenMap<Value> {
    private var slots: [Value?]

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    subscript(_ index: Int) -> Value? {
        get { index >= 0 && index < slots.count ? slots[index] : nil }
        set { slots[index] = newValue }
    }
}

/// For each token position, the entity that starts there and the token where it ends, and
/// the entity that ends there and the token where it starts: one array of four `Int32` per
/// position for both (a dictionary's subscript over an array, as `TokenMap`, at a sixth of
/// the bytes of two maps of optional pairs). Positions outside it read nil.
struct EntityMap {
    /// One position's entities; -1 for none.
    struct Link {
        var startingEntity: Int32 = -1
        var startingEnd: Int32 = 0
        var endingEntity: Int32 = -1
        var endingStart: Int32 = 0
    }

    private var links: [Link]

    /// No entities, over `count` positions.
    init(count: Int) { links = Array(repeating: Link(), count: count) }

    /// The entity that starts at `index`, and the token where it ends (exclusive).
    subscript(startingAt index: Int) -> (entity: Int, end: Int)? {
        guard index >= 0 && index < links.count, links[index].startingEntity >= 0 else { return nil }
        return (Int(links[index].startingEntity), Int(links[index].startingEnd))
    }

    /// The entity that ends at `index` (exclusive), and the token where it starts.
    func ending(at index: Int) -> (entity: Int, start: Int)? {
        guard index >= 0 && index < links.count, links[index].endingEntity >= 0 else { return nil }
        return (Int(links[index].endingEntity), Int(links[index].endingStart))
    }

    /// Records that `entity` covers the tokens `start..<end` (a later entity with the same
    /// start, or the same end, replaces it there).
    mutating func link(entity: Int, from start: Int, to end: Int) {
        // Checked once here, the four stores go through the buffer without a check each.
        precondition(0 <= start && start < end && end < links.count, "an entity's tokens lie in the text")
        links.withUnsafeMutableBufferPointer { links in
            links[start].startingEntity = Int32(entity)
            links[start].startingEnd = Int32(end)
            links[end].endingEntity = Int32(entity)
            links[end].endingStart = Int32(start)
        }
    }
}

/// The working state of one text's quotation finding.
struct QuotationScan {
    let text: String
    let tokens: [ScanToken]
    /// The normalized text's UTF-8, which `tokens` index with `normalizedRange`.
    let normalizedText: [UInt8]
    /// For each token, which of the finder's filters it passes (`TokenFlags`): most tokens
    /// pass none, and the cue and source-phrase lookups never look at them again.
    let tokenFlags: [UInt8]
    /// For each punctuation token, what it is (`PunctuationBits`); 0 for every other token,
    /// so the per-token loops skip words without a call.
    let punctuation: [UInt8]
    let entities: [Entity]
    let finder: QuotationFinder
    /// Token ranges of the paragraphs (lines).
    var paragraphs: [Range<Int>] = []
    /// The entity that starts at a token (and the token where it ends, exclusive), and the
    /// one that ends there.
    var entityMap = EntityMap(count: 0)
    var spans: [QuoteSpan] = []
    /// For each token, whether it lies inside a quotation (not a quoted name).
    var quoted: [Bool] = []
    /// Spans by the token of their opening mark, and (for those without one) by their first token.
    /// (One slot per token rather than a dictionary: 1.6 million nested pairs made the
    /// dictionary's lookups most of the analysis, missing the cache.)
    var spanByOpening = TokenMap<Int32>(count: 0)
    /// The spans of each paragraph, as indices into `spans`, in paragraph order.
    var spansOfParagraph: [Range<Int>] = []

    init(
        text: String, tokens: [ScanToken], normalized: [UInt8], entities: [Entity], finder: QuotationFinder
    ) {
        self.text = text
        self.tokens = tokens
        self.normalizedText = normalized
        (self.tokenFlags, self.punctuation) = Self.bits(of: tokens, normalized: normalized, filter: finder.wordFilter)
        self.entities = entities
        self.finder = finder
    }

    /// For each token, which of the finder's filters it passes (`TokenFlags`) and what
    /// punctuation it is (`PunctuationBits`), in one pass over the tokens.
    static func bits(
        of tokens: [ScanToken], normalized: [UInt8], filter: QuotationFinder.WordFilter
    ) -> (flags: [UInt8], punctuation: [UInt8]) {
        var flags = [UInt8](repeating: 0, count: tokens.count)
        var punctuation = [UInt8](repeating: 0, count: tokens.count)
        let scalarTable = firstScalarTable  // once, not once per punctuation token
        tokens.withUnsafeBufferPointer { tokens in
            normalized.withUnsafeBufferPointer { bytes in
                filter.bits.withUnsafeBufferPointer { table in
                    flags.withUnsafeMutableBufferPointer { flags in
                        punctuation.withUnsafeMutableBufferPointer { punctuation in
                            for index in tokens.indices {
                                let token = tokens[index]
                                if token.kind == .arabicWord {
                                    flags[index] = wordBits(token, bytes, table)
                                } else if token.kind == .punctuation {
                                    let word = UnsafeBufferPointer(rebasing: bytes[token.normalizedRange])
                                    punctuation[index] = punctuationBits(word) | firstScalarBits(word, in: scalarTable)
                                }
                            }
                        }
                    }
                }
            }
        }
        return (flags, punctuation)
    }

    /// The `TokenFlags` of an Arabic word: two loads from the finder's `WordFilter` (the
    /// word, and the word without an attached و or ف, which the tokenizer hashed already),
    /// and a comparison of bytes only for a word that may be أنّ/إنّ.
    @inline(__always)
    static func wordBits(_ token: ScanToken, _ bytes: UnsafeBufferPointer<UInt8>, _ table: UnsafeBufferPointer<UInt8>) -> UInt8 {
        let mask = QuotationFinder.WordFilter.slotMask
        let whole = table[Int(truncatingIfNeeded: token.hash.value & mask)]
        // Shifted, the rest's `cue` and `sourceStart` bits are `cueAfterConjunction` and
        // `sourceStartAfterWa` (its other bits are masked off).
        let rest = table[Int(truncatingIfNeeded: token.restHash.value & mask)] << 1
        // An attached و (D9 88) or ف (D9 81), told by selections rather than branches: whether a
        // word starts with one differs from word to word, and a branch on it is mispredicted
        // about as often as not. An Arabic word has at least two bytes.
        let start = token.normalizedRange.lowerBound
        let lead = bytes[start], second = bytes[start &+ 1]
        let wa: UInt8 = second == 0x88 ? TokenFlags.cueAfterConjunction | TokenFlags.sourceStartAfterWa : 0
        let fa: UInt8 = second == 0x81 ? TokenFlags.cueAfterConjunction : 0
        let attached: UInt8 = lead == 0xD9 ? wa | fa : 0
        let conjunction: UInt8 = token.normalizedRange.count > 2 ? attached : 0
        var flag = whole | rest & conjunction
        if flag & TokenFlags.thatWord != 0 && !isThatWord(UnsafeBufferPointer(rebasing: bytes[token.normalizedRange]), token.hash)
        {
            flag &= ~TokenFlags.thatWord
        }
        return flag
    }

    /// Whether normalized bytes are certainly in NFC: ASCII, and letters of the Arabic block
    /// (U+0600–U+06FF) of canonical combining class 0 (the block has no other characters
    /// that NFC changes). Two such words are canonically equivalent exactly when their bytes
    /// are equal.
    static func isCertainlyNFC(_ bytes: ArraySlice<UInt8>) -> Bool {
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let lead = bytes[index]
            if lead < 0x80 {
                index += 1
                continue
            }
            guard lead >= 0xD8 && lead <= 0xDB, index + 1 < bytes.endIndex else { return false }
            let offset = Int(lead & 0x03) << 6 | Int(bytes[index + 1] & 0x3F)
            guard arabicBlockWithoutCombiningClass[offset] else { return false }
            index += 2
        }
        return true
    }

    /// For each scalar of U+0600–U+06FF, whether its canonical combining class is 0.
    static let arabicBlockWithoutCombiningClass: [Bool] = (0x0600...0x06FF).map { value in
        Unicode.Scalar(UInt32(value)).map { $0.properties.canonicalCombiningClass == .notReordered } ?? false
    }

    /// Whether a word is أنّ/إنّ/بأن or أنه/بأنه (`thatWords`): four hashes compared, and the
    /// bytes only when one is equal.
    static func isThatWord(_ word: UnsafeBufferPointer<UInt8>, _ hash: TokenHash) -> Bool {
        thatWordHashes.contains(hash.value) && thatWords.contains { word.elementsEqual($0) }
    }

    /// The `firstIs…` bits of a punctuation token, from its first scalar: one load from a
    /// table built from `colon`, `sentenceEnds`, `commas` and `markScalars` (`firstScalarTable`,
    /// read once by the caller for all the tokens).
    static func firstScalarBits(_ bytes: UnsafeBufferPointer<UInt8>, in table: [UInt8]) -> UInt8 {
        guard let lead = bytes.first else { return 0 }
        let value: Int
        switch lead {
        case 0..<0x80: value = Int(lead)
        case 0xC0..<0xE0 where bytes.count >= 2: value = Int(lead & 0x1F) << 6 | Int(bytes[1] & 0x3F)
        case 0xE0..<0xF0 where bytes.count >= 3:
            value = Int(lead & 0x0F) << 12 | Int(bytes[1] & 0x3F) << 6 | Int(bytes[2] & 0x3F)
        default: return 0
        }
        return value < table.count ? table[value] : 0
    }

    /// `firstIs…` bits by scalar value, up to the largest scalar of the lists.
    static let firstScalarTable: [UInt8] = {
        let lists: [([Unicode.Scalar], UInt8)] = [
            (colon, PunctuationBits.firstIsColon), (sentenceEnds, PunctuationBits.firstIsSentenceEnd),
            (commas, PunctuationBits.firstIsComma), (markScalars, PunctuationBits.firstIsMark),
        ]
        var table = [UInt8](repeating: 0, count: Int(lists.flatMap(\.0).map(\.value).max()!) + 1)
        for (scalars, bit) in lists { for scalar in scalars { table[Int(scalar.value)] |= bit } }
        return table
    }()

    /// What a punctuation token is, from its normalized bytes (`PunctuationBits`).
    @inline(__always)
    static func punctuationBits(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt8 {
        guard let first = bytes.first else { return 0 }
        switch first {
        case UInt8(ascii: ":"): return PunctuationBits.colon
        case UInt8(ascii: "."): return PunctuationBits.sentenceEnd | PunctuationBits.period
        case UInt8(ascii: "!"), UInt8(ascii: "?"): return PunctuationBits.sentenceEnd
        case UInt8(ascii: "\""): return PunctuationBits.mark
        default:
            // ؟ (D8 9F), … (E2 80 A6), « » (C2 AB, C2 BB), “ ” „ (E2 80 9C/9D/9E).
            switch (bytes.count, first, bytes.count > 1 ? bytes[1] : 0, bytes.count > 2 ? bytes[2] : 0) {
            case (2, 0xD8, 0x9F, _), (3, 0xE2, 0x80, 0xA6): return PunctuationBits.sentenceEnd
            case (2, 0xC2, 0xAB, _), (2, 0xC2, 0xBB, _), (3, 0xE2, 0x80, 0x9C...0x9E): return PunctuationBits.mark
            default: return 0
            }
        }
    }

    mutating func run() -> [Quotation] {
        findParagraphs()
        mapEntities()
        // Room for the spans of most articles, one range of them per paragraph, and one stack
        // of open marks for every paragraph: no allocation per paragraph.
        spans.reserveCapacity(32)
        spansOfParagraph.reserveCapacity(paragraphs.count)
        var open: [(mark: Mark, index: Int)] = []
        for paragraph in paragraphs { pairMarks(in: paragraph, open: &open) }
        indexSpans()
        return attribute()
    }

    /// The quotations of every paragraph, in order. The scan no longer changes: what the
    /// attribution changes is in an `AttributionState` of its own, so that the helpers it
    /// calls read the scan in place (a helper called from a `mutating` method gets a copy of
    /// the whole scan).
    func attribute() -> [Quotation] {
        var state = AttributionState()
        var paragraphIndex = ParagraphIndex()
        for (number, paragraph) in paragraphs.enumerated() {
            let before = state.results.count
            attributeCues(in: paragraph, spans: spansOfParagraph[number], index: &paragraphIndex, state: &state)
            if state.results.count == before { findHeadline(in: paragraph, state: &state) }
        }
        // Sorted in place: `sorted` would copy every quotation first.
        state.results.sort { $0.range.lowerBound < $1.range.lowerBound }
        return state.results
    }

    // MARK: - Structure

    mutating func findParagraphs() {
        // Line feeds, found in the bytes, split the tokens into paragraphs: a paragraph starts
        // at the first token after a line feed (found by binary search: there are far fewer
        // line feeds than tokens), unless that is the first token.
        var found: [Range<Int>] = []
        found.reserveCapacity(64)  // news articles have a few dozen lines: room enough, one allocation
        var start = 0
        var copy = text
        copy.withUTF8 { bytes in
            // memchr: line feeds are a few per kilobyte.
            guard let base = bytes.baseAddress else { return }
            var offset = 0
            while offset < bytes.count, let lineFeed = memchr(base + offset, 0x0A, bytes.count - offset) {
                let position = base.distance(to: lineFeed.assumingMemoryBound(to: UInt8.self))
                offset = position + 1
                let next = Self.firstToken(of: tokens, startingAfter: position, from: start)
                guard next < tokens.count else { break }
                if next > start {
                    found.append(start..<next)
                    start = next
                }
            }
        }
        if start < tokens.count { found.append(start..<tokens.count) }
        paragraphs = found
    }

    /// The first token from `lower` on whose text ends after byte `offset` (the ends of the
    /// tokens never decrease either); `tokens.count` if none. Galloping from `lower`: the
    /// next entity is usually a few tokens on.
    static func firstToken(of tokens: [ScanToken], endingAfter offset: Int, from lower: Int) -> Int {
        var low = lower, step = 1
        while low < tokens.count && tokens[low].range.upperBound <= offset {
            low += step
            step *= 2
        }
        // The answer is after the last token passed (`low - step / 2`) and at most `low`.
        var high = min(low, tokens.count)
        low = step == 1 ? low : low - step / 2 + 1
        while low < high {
            let middle = (low + high) / 2
            if tokens[middle].range.upperBound <= offset { low = middle + 1 } else { high = middle }
        }
        return low
    }

    /// The first token from `lower` on whose text starts after byte `offset` (tokens are in
    /// order, so their starts never decrease); `tokens.count` if none.
    static func firstToken(of tokens: [ScanToken], startingAfter offset: Int, from lower: Int) -> Int {
        var low = lower, high = tokens.count
        while low < high {
            let middle = (low + high) / 2
            if tokens[middle].range.lowerBound <= offset { low = middle + 1 } else { high = middle }
        }
        return low
    }

    mutating func indexSpans() {
        spanByOpening = TokenMap(count: spans.isEmpty ? 0 : tokens.count + 1)
        // Which tokens lie inside a quotation: +1 where a span starts, -1 where it ends,
        // sorted and summed once, so that many nested or unclosed marks stay linear (and
        // only the spans' bounds are visited, not a count per token).
        var changes: [(token: Int, change: Int)] = []
        changes.reserveCapacity(2 * spans.count)
        for (index, span) in spans.enumerated() {
            if let open = span.open {
                spanByOpening[open] = spanByOpening[open] ?? Int32(index)
            } else {
                spanByOpening[span.content.lowerBound] = spanByOpening[span.content.lowerBound] ?? Int32(index)
            }
            if !span.isName && !span.content.isEmpty {
                changes.append((span.content.lowerBound, 1))
                changes.append((span.content.upperBound, -1))
            }
        }
        changes.sort { $0.token < $1.token }
        quoted = Array(repeating: false, count: tokens.count)
        var running = 0
        var from = 0
        for (token, change) in changes {
            if running > 0 { markQuoted(from..<min(token, tokens.count)) }
            running += change
            from = token
        }
    }

    /// Marks the tokens of `range` as inside a quotation.
    mutating func markQuoted(_ range: Range<Int>) {
        for index in range { quoted[index] = true }
    }

    mutating func mapEntities() {
        entityMap = EntityMap(count: tokens.count + 1)
        var tokenIndex = 0
        // By index, reading only the range: copying an entity would retain its strings.
        for entityIndex in entities.indices {
            let range = entities[entityIndex].range
            tokenIndex = Self.firstToken(of: tokens, endingAfter: range.lowerBound, from: tokenIndex)
            var end = tokenIndex
            while end < tokens.count && tokens[end].range.lowerBound < range.upperBound { end += 1 }
            if end > tokenIndex { entityMap.link(entity: entityIndex, from: tokenIndex, to: end) }
        }
    }

    /// The first token of `range` whose punctuation bits share one with `bits`, or
    /// `range.upperBound`.
    func firstPunctuation(_ bits: UInt8, in range: Range<Int>) -> Int { Self.firstByte(in: punctuation, range, sharing: bits) }

    /// The first token of `range` whose `TokenFlags` share one with `bits`, or `range.upperBound`.
    func firstFlagged(_ bits: UInt8, in range: Range<Int>) -> Int { Self.firstByte(in: tokenFlags, range, sharing: bits) }

    /// The first position of `range` whose byte shares a bit with `bits`, or
    /// `range.upperBound`: eight bytes are tested at once (most tokens have no bits).
    static func firstByte(in bytes: [UInt8], _ range: Range<Int>, sharing bits: UInt8) -> Int {
        bytes.withUnsafeBufferPointer { firstByte(in: $0, range, sharing: bits) }
    }

    /// `firstByte(in:_:sharing:)` over raw bytes.
    static func firstByte(in bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, sharing bits: UInt8) -> Int {
        let pattern = UInt64(bits) &* 0x0101_0101_0101_0101
        let raw = UnsafeRawBufferPointer(bytes)
        var index = range.lowerBound
        while index + 8 <= range.upperBound {
            let word = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)) & pattern
            if word != 0 { return index + word.trailingZeroBitCount / 8 }
            index += 8
        }
        while index < range.upperBound && bytes[index] & bits == 0 { index += 1 }
        return index
    }

    /// A token's normalized UTF-8.
    func normalizedBytes(_ index: Int) -> ArraySlice<UInt8> { normalizedText[tokens[index].normalizedRange] }

    /// A token's normalized form as a string (for the rare lookups that need one).
    func normalizedString(_ index: Int) -> String { String(decoding: normalizedBytes(index), as: UTF8.self) }

    /// Whether the token is punctuation whose first scalar is `bit`'s (`PunctuationBits`
    /// `firstIs…`): a colon, a sentence end, a comma or dash.
    func isPunctuation(_ index: Int, _ bit: UInt8) -> Bool { index < tokens.count && punctuation[index] & bit != 0 }

    static let sentenceEnds: [Unicode.Scalar] = [".", "؟", "!", "…", "?"]
    static let commas: [Unicode.Scalar] = ["،", ",", "–", "-", "—"]
    static let colon: [Unicode.Scalar] = [":"]
    static let thatWords: [[UInt8]] = ["ان", "بان", "انه", "بانه"].map { Array($0.utf8) }

    /// Whether the token is أنّ/إنّ/بأن (in their normalized forms).
    func isThatWord(_ index: Int) -> Bool { tokenFlags[index] & TokenFlags.thatWord != 0 }

    static let thatWordHashes: [UInt64] = thatWords.map { word in word.withUnsafeBufferPointer { TokenHash($0).value } }

    /// Whether the token's normalized form ends with `suffix`, compared byte for byte.
    func normalized(_ index: Int, hasSuffix suffix: String) -> Bool {
        let word = normalizedBytes(index)
        return word.count >= suffix.utf8.count && word.suffix(suffix.utf8.count).elementsEqual(suffix.utf8)
    }

    // MARK: - Quotation marks

    enum Mark { case guillemetOpen, guillemetClose, curlyOpening, curlyClosing, straight }

    /// The scalars `mark(of:in:)` reads as quotation marks.
    static let markScalars: [Unicode.Scalar] = ["«", "»", "“", "„", "”", "\""]

    /// Whether the token is a quotation mark (`mark(of:in:)` is not nil), from its bits.
    func isMark(_ index: Int) -> Bool { punctuation[index] & PunctuationBits.firstIsMark != 0 }

    /// The quotation mark a token is, from the UTF-8 of the first scalar of its normalized
    /// bytes (static, so that `pairMarks` asks it without a copy of the scan).
    static func mark(of token: ScanToken, in normalizedText: [UInt8]) -> Mark? {
        guard token.kind == .punctuation, !token.normalizedRange.isEmpty else { return nil }
        let start = token.normalizedRange.lowerBound, count = token.normalizedRange.count
        let second = count > 1 ? normalizedText[start + 1] : 0, third = count > 2 ? normalizedText[start + 2] : 0
        switch (normalizedText[start], second, third) {
        case (0xC2, 0xAB, _): return .guillemetOpen  // «
        case (0xC2, 0xBB, _): return .guillemetClose  // »
        case (0xE2, 0x80, 0x9C), (0xE2, 0x80, 0x9E): return .curlyOpening  // “ „
        case (0xE2, 0x80, 0x9D): return .curlyClosing  // ”
        case (0x22, _, _): return .straight  // "
        default: return nil
        }
    }

    /// Pairs the marks of a paragraph. « » nest; curly and straight marks of one family pair
    /// with the next of the family (so ” … “ works too). An opening mark with no close runs
    /// to the end of the paragraph; a closing mark with no opening starts at the colon before
    /// it (وأضافت: هذا … متخصصين”).
    mutating func pairMarks(in paragraph: Range<Int>, open: inout [(mark: Mark, index: Int)]) {
        open.removeAll(keepingCapacity: true)
        // The « on the stack: a » with none to close is unmatched at once, without a search
        // down a stack of other marks (quadratic on 100,000 “ then as many »).
        var openGuillemets = 0
        var unmatchedCloses: [(close: Int, colon: Int?)] = []
        var lastColon: Int?
        let firstSpan = spans.count
        var next = paragraph.lowerBound
        while next < paragraph.upperBound {
            // Only colons and marks matter here: the others are passed over 8 at a time.
            let index = Self.firstByte(
                in: punctuation, next..<paragraph.upperBound, sharing: PunctuationBits.colon | PunctuationBits.mark)
            guard index < paragraph.upperBound else { break }
            next = index + 1
            let bits = punctuation[index]
            if bits & PunctuationBits.colon != 0 { lastColon = index }
            guard bits & PunctuationBits.mark != 0, let mark = Self.mark(of: tokens[index], in: normalizedText) else { continue }
            switch mark {
            case .guillemetOpen:
                open.append((mark, index))
                openGuillemets += 1
            case .guillemetClose:
                if openGuillemets > 0, let position = open.lastIndex(where: { $0.mark == .guillemetOpen }) {
                    spans.append(QuoteSpan(open: open[position].index, close: index, content: (open[position].index + 1)..<index))
                    openGuillemets -= open[position...].count { $0.mark == .guillemetOpen }
                    open.removeSubrange(position...)
                } else {
                    unmatchedCloses.append((index, lastColon))
                }
            case .curlyOpening, .curlyClosing:
                if let last = open.last, last.mark == .curlyOpening || last.mark == .curlyClosing {
                    spans.append(QuoteSpan(open: last.index, close: index, content: (last.index + 1)..<index))
                    open.removeLast()
                } else if mark == .curlyClosing && index > paragraph.lowerBound && tokens[index - 1].kind.isWord
                    && (index + 1 == paragraph.upperBound || tokens[index + 1].kind == .punctuation)
                {
                    unmatchedCloses.append((index, lastColon))  // hugs the word before it: a close
                } else {
                    open.append((mark, index))
                }
            case .straight:
                if let last = open.last, last.mark == .straight {
                    spans.append(QuoteSpan(open: last.index, close: index, content: (last.index + 1)..<index))
                    open.removeLast()
                } else {
                    open.append((mark, index))
                }
            }
        }
        for (_, index) in open { spans.append(QuoteSpan(open: index, close: nil, content: (index + 1)..<paragraph.upperBound)) }
        for (close, colon) in unmatchedCloses {
            if let colon { spans.append(QuoteSpan(open: nil, close: close, content: (colon + 1)..<close)) }
        }
        spansOfParagraph.append(firstSpan..<spans.count)
        // Short spans that are a name (an entity) or a single word are not quotations.
        for index in firstSpan..<spans.count {
            let content = spans[index].content
            guard content.count <= 4 else { continue }
            let wordCount = content.count { tokens[$0].kind.isWord }
            let isEntity = entityMap[startingAt: content.lowerBound].map { $0.end == content.upperBound } ?? false
            if isEntity || wordCount <= 1 { spans[index].isName = true }
        }
    }

    /// The quotation span whose opening mark is at `index`, or whose content starts there
    /// (after a colon, for a span with no opening mark).
    func span(openingAt index: Int) -> Int? { spanByOpening[index].map(Int.init) }

    func insideQuotation(_ index: Int) -> Bool { quoted[index] }
}
