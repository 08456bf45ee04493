import ArabicCore
import ArabicEntities

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

// What keeps the attribution of a paragraph linear in its tokens, however many cue verbs it
// has and however long its sentences are. Each cue asks the rest of its sentence the same
// questions (where does the sentence end, where is the colon or the أنّ, which short quoted
// phrases are still free, which speaker came last); asked by walking the tokens, a line of
// many cues and no stop costs each cue the rest of the line: quadratic. Here each question
// is answered from an index built once per paragraph.

extension QuotationScan {
    /// A quotation ends before the 32nd cue verb inside it that introduces a quotation of
    /// its own.
    ///
    /// A quotation after a colon runs to the end of its paragraph, and one after أنّ to the
    /// end of its sentence, so in reported speech (قال: … وأضاف: …) one quotation holds the
    /// next. Unbounded, every cue of a line of many cues would quote the rest of the line,
    /// and the output would grow with the square of the line (6 GB for 20,000 times
    /// قال المتحدث: نعم); bounded, such a line gives quotations of about 32 times its size.
    /// In the news corpus a quotation holds at most 28 cue verbs (a colon, then a paragraph
    /// of interviews): every quotation of it stays as it is.
    static let maximumCuesInsideAQuotation = 32

    /// Adds a quotation of the paragraph being attributed, found by the cue at token `cueToken`,
    /// unless it quotes nothing or the same words as an earlier one.
    func pend(
        _ pending: inout [PendingQuotation], _ kind: QuotationKind, _ content: Range<Int>, cue: QuotationCue, at cueToken: Int,
        speaker: Speaker?, rule: String, state: inout AttributionState
    ) {
        let quoted = range(of: content)
        guard !quoted.isEmpty, state.reported.insert(quoted) else { return }
        pending.append(
            PendingQuotation(
                kind: kind, content: content, range: quoted, cue: cue, cueToken: cueToken, speaker: speaker,
                source: state.currentSource, rule: rule))
    }

    /// Reports the quotations of a paragraph (in the order of their cues), each cut before
    /// the `maximumCuesInsideAQuotation`th cue inside it, with its text.
    func report(_ pending: [PendingQuotation], into state: inout AttributionState) {
        var cueTokens: [Int] = []  // in order, once each
        for quotation in pending where cueTokens.last != quotation.cueToken { cueTokens.append(quotation.cueToken) }
        for quotation in pending {
            var quoted = quotation.range
            var low = 0, high = cueTokens.count
            while low < high {
                let middle = (low + high) / 2
                if cueTokens[middle] < quotation.content.lowerBound { low = middle + 1 } else { high = middle }
            }
            let last = low + Self.maximumCuesInsideAQuotation - 1
            if last < cueTokens.count, cueTokens[last] < quotation.content.upperBound {
                quoted = range(of: quotation.content.lowerBound..<cueTokens[last])
                guard !quoted.isEmpty, state.reported.insert(quoted) else { continue }
            }
            state.results.append(
                Quotation(
                    kind: quotation.kind, range: quoted, text: String(text.utf8Slice(quoted)), cue: quotation.cue,
                    speaker: quotation.speaker, source: quotation.source, rule: quotation.rule))
        }
    }

    /// Makes `index` the index of `paragraph` that ``content(from:entry:sentenceEnd:paragraph:index:)``,
    /// the sentence ends and ``source(before:in:phrases:index:)`` read, in the buffer of the
    /// paragraphs indexed before it (one allocation per document, not four per paragraph).
    func build(_ index: inout ParagraphIndex, of paragraph: Range<Int>) {
        let count = paragraph.count
        index.prepare(start: paragraph.lowerBound, count: count)
        // Over raw buffers (one pass back, one forward): this runs over every token of each
        // paragraph with a cue, and only reads the per-token bits computed at the start.
        index.entries.withUnsafeMutableBufferPointer { entries in
            punctuation.withUnsafeBufferPointer { punctuation in
                quoted.withUnsafeBufferPointer { quoted in
                    tokenFlags.withUnsafeBufferPointer { flags in
                        let end = Int32(count)
                        entries[count] = ParagraphIndex.Entry(
                            nextSentenceEnd: end, stopForSaying: end, stopForObject: end, lastStopMark: -1)
                        var offset = count - 1
                        while offset >= 0 {
                            let position = paragraph.lowerBound + offset
                            // A word is its next token's entry, unless it is أنّ/إنّ.
                            var entry = entries[offset + 1]
                            let bits = punctuation[position]
                            if bits == 0 {
                                if flags[position] & TokenFlags.thatWord != 0 { entry.stopForSaying = Int32(offset) }
                            } else {
                                if bits & PunctuationBits.sentenceEnd != 0 && !quoted[position] {
                                    entry.nextSentenceEnd = Int32(offset)
                                }
                                // The walk of `content` past the speaker: a colon stops it; quoted
                                // marks are stepped over whole; أنّ/إنّ stops it for a verb of
                                // saying, not for one that takes an object.
                                if bits & PunctuationBits.firstIsColon != 0 {
                                    entry.stopForSaying = Int32(offset)
                                    entry.stopForObject = Int32(offset)
                                } else if bits & PunctuationBits.firstIsMark != 0, let found = span(openingAt: position) {
                                    let after =
                                        min((spans[found].close ?? position) + 1, paragraph.upperBound) - paragraph.lowerBound
                                    entry.stopForSaying = entries[after].stopForSaying
                                    entry.stopForObject = entries[after].stopForObject
                                }
                            }
                            entries[offset] = entry
                            offset -= 1
                        }
                        var last: Int32 = -1
                        for offset in 0..<count {
                            entries[offset].lastStopMark = last
                            if punctuation[paragraph.lowerBound + offset] & PunctuationBits.firstIsSentenceEnd != 0 {
                                last = Int32(offset)
                            }
                        }
                        entries[count].lastStopMark = last
                    }
                }
            }
        }
    }

    /// The first token at or after `paragraph.lowerBound` whose text starts at or after byte
    /// `offset` (tokens are in order, so their starts never decrease).
    func firstToken(startingAtOrAfter offset: Int, in paragraph: Range<Int>) -> Int {
        var low = paragraph.lowerBound, high = paragraph.upperBound
        while low < high {
            let middle = (low + high) / 2
            if tokens[middle].range.lowerBound < offset { low = middle + 1 } else { high = middle }
        }
        return low
    }
}

/// What the attribution of a text's cues has found so far, and remembers as it goes.
struct AttributionState {
    /// The quoted ranges already reported, so that a phrase is reported once.
    var reported = ReportedRanges()
    var history = SpeakerHistory()
    var results: [Quotation] = []
    /// The source named before the cue being attributed.
    var currentSource: Speaker?
}

/// A quotation found in the paragraph being attributed, before it is reported.
struct PendingQuotation {
    var kind: QuotationKind
    /// Its tokens, and its bytes without the marks and punctuation at its ends.
    var content: Range<Int>
    var range: Range<Int>
    var cue: QuotationCue
    var cueToken: Int
    var speaker: Speaker?
    var source: Speaker?
    var rule: String
}

/// Answers, for each token of a paragraph, where its sentence ends, where the words a cue
/// introduces may start, and where the last sentence-ending mark before it is. Offsets are
/// relative to the paragraph's first token; the paragraph's length means "none".
///
/// One index serves every paragraph of a document in turn (``QuotationScan/build(_:of:)``),
/// so that its buffer is allocated once.
struct ParagraphIndex {
    /// What the index knows of one token.
    struct Entry {
        /// The first sentence end at or after the token, outside quotation marks.
        var nextSentenceEnd: Int32
        /// Where the walk of `content` from the token past the speaker stops, for a verb of
        /// saying (a colon or أنّ) and for one that takes an object (a colon).
        var stopForSaying: Int32
        var stopForObject: Int32
        /// The last token before this one that is a sentence-ending mark, quoted or not (-1: none).
        var lastStopMark: Int32
    }

    /// The paragraph's first token.
    private(set) var start = 0
    /// One entry per token of the paragraph and one for its end; longer when an earlier
    /// paragraph was (the entries past the paragraph's end are stale, and never read).
    var entries: [Entry] = []

    /// Sets the index up for a paragraph of `count` tokens from `start`: its buffer grows
    /// when the paragraph is longer than any before.
    mutating func prepare(start: Int, count: Int) {
        self.start = start
        if entries.count < count + 1 {
            let blank = Entry(nextSentenceEnd: 0, stopForSaying: 0, stopForObject: 0, lastStopMark: 0)
            entries = Array(repeating: blank, count: max(count + 1, 2 * entries.count))
        }
    }

    /// Where the sentence of the token at `position` ends: the first sentence end outside
    /// quotation marks, or the end of the paragraph.
    func sentenceEnd(from position: Int) -> Int { start + Int(entries[position - start].nextSentenceEnd) }

    /// Where the walk from `position` stops: a colon, or أنّ/إنّ unless the verb takes an object.
    func stop(from position: Int, takesObject: Bool) -> Int {
        let entry = entries[position - start]
        return start + Int(takesObject ? entry.stopForObject : entry.stopForSaying)
    }

    /// The last sentence-ending mark before `position`, if any in the paragraph.
    func lastStopMark(before position: Int) -> Int? {
        let found = entries[position - start].lastStopMark
        return found < 0 ? nil : start + Int(found)
    }
}

/// The quoted byte ranges already reported in a document, so that a phrase is reported once:
/// a hash set of open addressing whose hash is a few multiplications (a `Set`'s SipHash, and
/// its growth through the unspecialized generic path, cost several times more).
struct ReportedRanges {
    /// Each slot a range's bounds, or `lower == Int.min` when empty; at most half full.
    private var slots: [(lower: Int, upper: Int)] = []
    private var count = 0

    /// Adds a range, and says whether it was new.
    mutating func insert(_ range: Range<Int>) -> Bool {
        if 2 * (count + 1) > slots.count { grow() }
        let mask = slots.count - 1
        var slot = Self.hash(range) & mask
        while slots[slot].lower != Int.min {
            if slots[slot] == (range.lowerBound, range.upperBound) { return false }
            slot = (slot + 1) & mask
        }
        slots[slot] = (range.lowerBound, range.upperBound)
        count += 1
        return true
    }

    /// Doubles the slots (16 at first) and puts the ranges back.
    private mutating func grow() {
        let old = slots
        slots = Array(repeating: (Int.min, Int.min), count: max(16, 2 * old.count))
        count = 0
        for (lower, upper) in old where lower != Int.min { _ = insert(lower..<upper) }
    }

    /// Both bounds mixed with SplitMix64's finalizer, so that ranges in arithmetic
    /// progression (a document repeated) spread over the slots.
    static func hash(_ range: Range<Int>) -> Int {
        var mixed = UInt64(bitPattern: Int64(range.lowerBound)) &* 0x9E37_79B9_7F4A_7C15
        mixed ^= UInt64(bitPattern: Int64(range.upperBound))
        mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
        mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
        return Int(truncatingIfNeeded: mixed ^ (mixed >> 31))
    }
}

/// The quotations of a paragraph found so far, asked whether a range of bytes overlaps one of
/// them in O(log n): a Fenwick tree of prefix maxima over the paragraph's tokens, holding at
/// the token where each quotation starts the furthest byte where one that starts there ends.
struct QuotedRanges {
    private var furthestEnd: [Int]

    /// No quotations, over `count` tokens (none: no allocation).
    init(tokens count: Int) { furthestEnd = count == 0 ? [] : Array(repeating: Int.min, count: count + 1) }

    /// Records a quotation that starts at token `token` (from the paragraph's start) and ends at byte `end`.
    mutating func insert(token: Int, end: Int) {
        var position = token + 1
        while position < furthestEnd.count {
            furthestEnd[position] = max(furthestEnd[position], end)
            position += position & -position
        }
    }

    /// The furthest end of the quotations that start before token `token`.
    func furthestEnd(startingBefore token: Int) -> Int {
        var position = min(token, furthestEnd.count - 1), result = Int.min
        while position > 0 {
            result = max(result, furthestEnd[position])
            position -= position & -position
        }
        return result
    }
}

/// The short quoted spans of a paragraph that may still become a partial quotation: once a
/// span overlaps a quotation it always will, so it is passed over for good (the next one
/// still open is found with path halving, in amortized constant time).
struct OpenSpans {
    private var next: [Int]

    /// `count` spans, all open (none: no allocation).
    init(count: Int) { next = count == 0 ? [] : Array(0...count) }

    /// The first span at or after `index` that is still open (`count` if none).
    mutating func first(from index: Int) -> Int {
        guard !next.isEmpty else { return index }
        var index = index
        while next[index] != index {
            next[index] = next[next[index]]
            index = next[index]
        }
        return index
    }

    /// Passes over span `index` from now on.
    mutating func close(_ index: Int) { next[index] = index + 1 }
}

/// The speakers remembered for the verbs without a subject that follow: the last one, the
/// last of each gender and number, and the last with a given text, each found at once
/// however many came before (a list searched from its end costs, on a text of many
/// speakers of one gender and verbs of the other, the whole list per verb).
struct SpeakerHistory {
    private var count = 0
    /// Per gender and number (feminine × 2 + plural), the last speaker and when it came.
    private var lastOfAgreement: [(order: Int, speaker: RememberedSpeaker)?] = [nil, nil, nil, nil]
    /// By the hash of the text's bytes (`String`'s own hashing normalizes Arabic text to NFC
    /// first, which costs more than the rest of remembering a speaker): the last speaker
    /// with the first text remembered with that hash. Texts are compared byte for byte.
    private var lastWithHash: [UInt64: RememberedSpeaker] = [:]
    /// The texts whose hash another text took first (in practice none), by their bytes.
    private var lastWithCollidingText: [TextKey: RememberedSpeaker] = [:]

    /// A speaker's text as a dictionary key: hashed and compared by its UTF-8 bytes.
    struct TextKey: Hashable {
        let text: String
        func hash(into hasher: inout Hasher) { hasher.combine(SpeakerHistory.hash(of: text)) }
        static func == (a: TextKey, b: TextKey) -> Bool { SpeakerHistory.sameBytes(a.text, b.text) }
    }

    /// The FNV-1a hash of a text's UTF-8 (ArabicCore's `TokenHash`), without a copy.
    static func hash(of text: String) -> UInt64 {
        var text = text
        return text.withUTF8 { TokenHash($0).value }
    }

    /// Whether two texts are the same bytes (not merely canonically equivalent, as `==` asks).
    static func sameBytes(_ first: String, _ second: String) -> Bool {
        var (first, second) = (first, second)
        guard first.utf8.count == second.utf8.count else { return false }
        return first.withUTF8 { one in
            second.withUTF8 { other in one.isEmpty || memcmp(one.baseAddress!, other.baseAddress!, one.count) == 0 }
        }
    }

    /// The speaker remembered last.
    private(set) var last: RememberedSpeaker?

    mutating func append(_ speaker: RememberedSpeaker) {
        count += 1
        last = speaker
        lastOfAgreement[(speaker.feminine ? 2 : 0) + (speaker.plural ? 1 : 0)] = (count, speaker)
        // One lookup: the speaker replaces the holder of its hash, which is put back if its
        // text is another.
        let hash = Self.hash(of: speaker.text)
        if let holder = lastWithHash.updateValue(speaker, forKey: hash), !Self.sameBytes(holder.text, speaker.text) {
            lastWithHash[hash] = holder
            lastWithCollidingText[TextKey(text: speaker.text)] = speaker
        }
    }

    /// The last speaker of this gender and number.
    func last(feminine: Bool, plural: Bool) -> RememberedSpeaker? {
        lastOfAgreement[(feminine ? 2 : 0) + (plural ? 1 : 0)]?.speaker
    }

    /// The last plural speaker, of either gender.
    var lastPlural: RememberedSpeaker? {
        switch (lastOfAgreement[1], lastOfAgreement[3]) {
        case (let masculine?, let feminine?): masculine.order > feminine.order ? masculine.speaker : feminine.speaker
        case (let masculine?, nil): masculine.speaker
        case (nil, let feminine?): feminine.speaker
        case (nil, nil): nil
        }
    }

    /// The last speaker remembered with this text.
    func last(withText text: String) -> RememberedSpeaker? {
        if let holder = lastWithHash[Self.hash(of: text)], Self.sameBytes(holder.text, text) { return holder }
        return lastWithCollidingText.isEmpty ? nil : lastWithCollidingText[TextKey(text: text)]
    }
}
