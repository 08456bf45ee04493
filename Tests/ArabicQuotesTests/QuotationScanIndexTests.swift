import Testing

@testable import ArabicQuotes

/// The structures that keep the attribution of a long paragraph linear answer exactly what
/// the searches they replace answered: checked against those searches on seeded random
/// sequences.
@Suite struct QuotationScanIndexTests {
    /// A small seeded generator (SplitMix64), so that every run draws the same cases.
    struct Seeded: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    @Test(arguments: 0..<20)
    func theSpeakerHistoryAnswersWhatTheListSearchDid(_ seed: Int) {
        var random = Seeded(state: UInt64(seed))
        var history = SpeakerHistory()
        var list: [RememberedSpeaker] = []
        for step in 0..<500 {
            let speaker = RememberedSpeaker(
                text: ["وزارة الخارجية", "الرئيس", "مسؤولون", "ماريا زاخاروفا", "المتحدثة"].randomElement(using: &random)!,
                feminine: Bool.random(using: &random), plural: Bool.random(using: &random))
            history.append(speaker)
            list.append(speaker)
            let (feminine, plural) = (Bool.random(using: &random), Bool.random(using: &random))
            #expect(
                history.last(feminine: feminine, plural: plural)?.text
                    == list.last(where: { $0.feminine == feminine && $0.plural == plural })?.text, "step \(step)")
            #expect(history.lastPlural?.text == list.last(where: \.plural)?.text, "step \(step)")
            #expect(history.last?.text == list.last?.text)
            let text = ["وزارة الخارجية", "الرئيس", "غيرهم"].randomElement(using: &random)!
            let fromHistory = history.last(withText: text), fromList = list.last(where: { $0.text == text })
            #expect(
                fromHistory?.feminine == fromList?.feminine && fromHistory?.plural == fromList?.plural
                    && (fromHistory == nil) == (fromList == nil), "step \(step)")
        }
    }

    /// Whether a range overlaps a quotation, for quotations and queries over 200 tokens of
    /// 1 to 3 bytes (a token's bytes are its index × 3 up to its width).
    @Test(arguments: 0..<20)
    func quotedRangesAnswerWhatTheOverlapSearchDid(_ seed: Int) {
        var random = Seeded(state: UInt64(1_000 + seed))
        let starts = (0..<200).map { $0 * 3 }
        func firstToken(atOrAfter offset: Int) -> Int { starts.firstIndex { $0 >= offset } ?? starts.count }
        var ranges = QuotedRanges(tokens: starts.count)
        var quotations: [Range<Int>] = []
        for step in 0..<300 {
            let first = Int.random(in: 0..<200, using: &random), last = min(199, first + Int.random(in: 0..<40, using: &random))
            let range = starts[first]..<(starts[last] + Int.random(in: 1...3, using: &random))
            if Bool.random(using: &random) {
                ranges.insert(token: firstToken(atOrAfter: range.lowerBound), end: range.upperBound)
                quotations.append(range)
            } else {
                let found = ranges.furthestEnd(startingBefore: firstToken(atOrAfter: range.upperBound)) > range.lowerBound
                #expect(found == quotations.contains { $0.overlaps(range) }, "step \(step): \(range)")
            }
        }
    }

    @Test(arguments: 0..<20)
    func openSpansSkipExactlyTheClosedOnes(_ seed: Int) {
        var random = Seeded(state: UInt64(2_000 + seed))
        var spans = OpenSpans(count: 100)
        var closed = Set<Int>()
        for step in 0..<400 {
            let index = Int.random(in: 0..<100, using: &random)
            if Bool.random(using: &random) {
                spans.close(index)
                closed.insert(index)
            } else {
                #expect(spans.first(from: index) == ((index..<100).first { !closed.contains($0) } ?? 100), "step \(step)")
            }
        }
    }
}
