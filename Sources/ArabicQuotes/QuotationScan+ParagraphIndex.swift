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
        // A few dozen quotations of a paragraph's first report, so that the list seldom grows.
        if state.results.isEmpty { state.results.reserveCapacity(max(16, pending.count)) }
        // With fewer cues than a quotation may hold, none is cut: no list of them is needed.
        guard Self.cueCount(of: pending) >= Self.maximumCuesInsideAQuotation else {
            for quotation in pending {
                state.results.append(
                    Quotation(
                        kind: quotation.kind, range: quotation.range, text: String(text.utf8Slice(quotation.range)),
                        cue: quotation.cue, speaker: quotation.speaker, source: quotation.source, rule: quotation.rule))
            }
            return
        }
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

    /// How many cues found the pending quotations (which are in the order of their cues).
    static func cueCount(of pending: [PendingQuotation]) -> Int {
        var count = 0
        var previous: Int?
        for index in pending.indices where pending[index].cueToken != previous {
            count += 1
            previous = pending[index].cueToken
        }
        return count
    }

    /// Makes `index` the index of `paragraph` that ``content(from:entry:sentenceEnd:paragraph:index:)``,
    /// the sentence ends and ``source(before:in:phrases:index:)`` read, in the buffers of the
    /// paragraphs indexed before it (no allocation per paragraph).
    func build(_ index: inout ParagraphIndex, of paragraph: Range<Int>) {
        index.collectEvents(of: paragraph, punctuation: punctuation, flags: tokenFlags)
        let eventCount = index.eventCount
        index.events.withUnsafeBufferPointer { events in
            index.entries.withUnsafeMutableBufferPointer { entries in
                let end = Int32(paragraph.count)
                entries[eventCount] = ParagraphIndex.Entry(
                    nextSentenceEnd: end, stopForSaying: end, stopForObject: end,
                    lastStopThrough: entries[eventCount].lastStopThrough)
                // Back from the last event: an event's entry is the next one's, changed by what it is.
                var event = eventCount - 1
                while event >= 0 {
                    let offset = events[event]
                    let position = paragraph.lowerBound + Int(offset)
                    var entry = entries[event + 1]
                    entry.lastStopThrough = entries[event].lastStopThrough
                    let bits = punctuation[position]
                    if bits == 0 {
                        entry.stopForSaying = offset  // أنّ/إنّ
                    } else {
                        if bits & PunctuationBits.sentenceEnd != 0 && !quoted[position] { entry.nextSentenceEnd = offset }
                        // The walk of `content` past the speaker: a colon stops it; quoted marks
                        // are stepped over whole; أنّ/إنّ stops it for a verb of saying, not for
                        // one that takes an object.
                        if bits & PunctuationBits.firstIsColon != 0 {
                            entry.stopForSaying = offset
                            entry.stopForObject = offset
                        } else if bits & PunctuationBits.firstIsMark != 0, let found = span(openingAt: position) {
                            let after = min((spans[found].close ?? position) + 1, paragraph.upperBound) - paragraph.lowerBound
                            let stops = entries[ParagraphIndex.first(of: events, count: eventCount, atOrAfter: after)]
                            entry.stopForSaying = stops.stopForSaying
                            entry.stopForObject = stops.stopForObject
                        }
                    }
                    entries[event] = entry
                    event -= 1
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
    /// The speakers named so far, for the verbs without a subject that follow.
    var history = SpeakerHistory()
    /// The quotations reported so far, in the order of their paragraphs and cues.
    var results: [Quotation] = []
    /// The source named before the cue being attributed.
    var currentSource: Speaker?
    /// Room for a paragraph's short quoted spans and pending quotations, kept from one
    /// paragraph to the next (empty between them).
    var shortSpansBuffer: [QuoteSpan] = []
    var pendingBuffer: [PendingQuotation] = []
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
/// Only the paragraph's events are kept (its punctuation with bits, and its أنّ/إنّ, a few
/// in a hundred tokens): every other token has the answers of the first event after it,
/// found by binary search. One index serves every paragraph of a document in turn
/// (``QuotationScan/build(_:of:)``), so that its buffers are allocated once.
struct ParagraphIndex {
    /// What the index knows of an event, and of the tokens before it back to the previous one.
    struct Entry {
        /// The first sentence end at or after the token, outside quotation marks.
        var nextSentenceEnd: Int32
        /// Where the walk of `content` from the token past the speaker stops, for a verb of
        /// saying (a colon or أنّ) and for one that takes an object (a colon).
        var stopForSaying: Int32
        var stopForObject: Int32
        /// The last sentence-ending mark, quoted or not, at or before the event (-1: none).
        var lastStopThrough: Int32
    }

    /// The paragraph's first token.
    private(set) var start = 0
    /// How many events the paragraph has.
    private(set) var eventCount = 0
    /// The events' offsets, in order (the first `eventCount`; the rest are stale).
    private(set) var events: [Int32] = []
    /// One entry per event, and one for the paragraph's end (the first `eventCount + 1`).
    var entries = [Entry(nextSentenceEnd: 0, stopForSaying: 0, stopForObject: 0, lastStopThrough: -1)]

    /// Sets the index up for `paragraph` with its events in order (its punctuation with bits,
    /// and its أنّ/إنّ: found 8 tokens at a time), each with the last sentence-ending mark up
    /// to it; the end's entry gets the paragraph's last. The buffers grow when the paragraph
    /// has more tokens than they have room for, and are reused otherwise.
    mutating func collectEvents(of paragraph: Range<Int>, punctuation: [UInt8], flags: [UInt8]) {
        start = paragraph.lowerBound
        var count = 0
        var lastStop: Int32 = -1
        punctuation.withUnsafeBufferPointer { punctuation in
            flags.withUnsafeBufferPointer { flags in
                let needed = Self.countEvents(of: paragraph, punctuation: punctuation, flags: flags)
                if events.count < needed {
                    let more = max(needed, 2 * events.count) - events.count
                    events.append(contentsOf: repeatElement(0, count: more))
                    entries.append(contentsOf: repeatElement(entries[0], count: more))
                }
                events.withUnsafeMutableBufferPointer { events in
                    entries.withUnsafeMutableBufferPointer { entries in
                        Self.forEachEvent(of: paragraph, punctuation: punctuation, flags: flags) { position in
                            let offset = Int32(position - paragraph.lowerBound)
                            if punctuation[position] & PunctuationBits.firstIsSentenceEnd != 0 { lastStop = offset }
                            events[count] = offset
                            entries[count].lastStopThrough = lastStop
                            count += 1
                        }
                        entries[count].lastStopThrough = lastStop
                    }
                }
            }
        }
        eventCount = count
    }

    /// How many events a paragraph has: the tokens of `forEachEvent(of:punctuation:flags:_:)`,
    /// counted 8 at a time.
    static func countEvents(
        of paragraph: Range<Int>, punctuation: UnsafeBufferPointer<UInt8>, flags: UnsafeBufferPointer<UInt8>
    ) -> Int {
        var count = 0
        var position = paragraph.lowerBound
        while position + 8 <= paragraph.upperBound {
            // A byte not zero becomes its low bit, and the low bits are counted.
            var word = eventWord(at: position, punctuation: punctuation, flags: flags)
            word |= word >> 4
            word |= word >> 2
            word |= word >> 1
            count += (word & 0x0101_0101_0101_0101).nonzeroBitCount
            position += 8
        }
        while position < paragraph.upperBound {
            if punctuation[position] != 0 || flags[position] & TokenFlags.thatWord != 0 { count += 1 }
            position += 1
        }
        return count
    }

    /// Calls `body` with each event of a paragraph in order: its punctuation with bits and its
    /// أنّ/إنّ, found 8 tokens at a time.
    static func forEachEvent(
        of paragraph: Range<Int>, punctuation: UnsafeBufferPointer<UInt8>, flags: UnsafeBufferPointer<UInt8>,
        _ body: (Int) -> Void
    ) {
        var position = paragraph.lowerBound
        while position + 8 <= paragraph.upperBound {
            var word = eventWord(at: position, punctuation: punctuation, flags: flags)
            while word != 0 {
                body(position + word.trailingZeroBitCount / 8)
                word &= ~(0xFF << (UInt64(word.trailingZeroBitCount) & ~7))
            }
            position += 8
        }
        while position < paragraph.upperBound {
            if punctuation[position] != 0 || flags[position] & TokenFlags.thatWord != 0 { body(position) }
            position += 1
        }
    }

    /// The 8 tokens from `position` as one word, a byte each, not zero for an event.
    @inline(__always)
    static func eventWord(at position: Int, punctuation: UnsafeBufferPointer<UInt8>, flags: UnsafeBufferPointer<UInt8>) -> UInt64
    {
        let thatWords = UInt64(TokenFlags.thatWord) &* 0x0101_0101_0101_0101
        return UInt64(littleEndian: UnsafeRawBufferPointer(punctuation).loadUnaligned(fromByteOffset: position, as: UInt64.self))
            | UInt64(littleEndian: UnsafeRawBufferPointer(flags).loadUnaligned(fromByteOffset: position, as: UInt64.self))
            & thatWords
    }

    /// The first of the `count` events at or after `offset` (`count` if none).
    static func first(of events: UnsafeBufferPointer<Int32>, count: Int, atOrAfter offset: Int) -> Int {
        var low = 0, high = count
        while low < high {
            let middle = (low + high) / 2
            if Int(events[middle]) < offset { low = middle + 1 } else { high = middle }
        }
        return low
    }

    /// The entry of the first event at or after `offset` (the end's, if none).
    func entry(atOrAfter offset: Int) -> Int {
        events.withUnsafeBufferPointer { Self.first(of: $0, count: eventCount, atOrAfter: offset) }
    }

    /// Where the sentence of the token at `position` ends: the first sentence end outside
    /// quotation marks, or the end of the paragraph.
    func sentenceEnd(from position: Int) -> Int {
        start + Int(entries[entry(atOrAfter: position - start)].nextSentenceEnd)
    }

    /// Where the walk from `position` stops: a colon, or أنّ/إنّ unless the verb takes an object.
    func stop(from position: Int, takesObject: Bool) -> Int {
        let found = entries[entry(atOrAfter: position - start)]
        return start + Int(takesObject ? found.stopForObject : found.stopForSaying)
    }

    /// The last sentence-ending mark before `position`, if any in the paragraph.
    func lastStopMark(before position: Int) -> Int? {
        let next = entry(atOrAfter: position - start)
        let found = next == 0 ? -1 : entries[next - 1].lastStopThrough
        return found < 0 ? nil : start + Int(found)
    }
}

/// The quoted byte ranges already reported in a document, so that a phrase is reported once:
/// a small hash set of open addressing. It hashes with the standard library's `Hasher`, seeded
/// per process as a `Set`'s is, so that a hostile text cannot place its quotations where
/// they collide; a `Set<Range<Int>>` cost several times more, in its growth through the
/// unspecialized generic path.
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

    /// Both bounds, hashed by `Hasher`.
    static func hash(_ range: Range<Int>) -> Int {
        var hasher = Hasher()
        hasher.combine(range.lowerBound)
        hasher.combine(range.upperBound)
        return hasher.finalize()
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
