import Testing

@testable import ArabicEntities

/// The letters the lexicon pass strips as attached proclitics.
@Suite struct ProcliticKindTests {
    /// Every scalar of U+0600–U+07FF (every two-byte lead and continuation of the block and
    /// its neighbours): و ف are conjunctions, ب ل ك prepositions, and nothing else is either.
    @Test func onlyTheFiveLettersAreProclitics() {
        for value in UInt32(0x0600)...0x07FF {
            let bytes = Array(String(Unicode.Scalar(value)!).utf8)
            let expected: EntityScan.ProcliticKind =
                switch value {
                case 0x0648, 0x0641: .conjunction  // و ف
                case 0x0628, 0x0644, 0x0643: .preposition  // ب ل ك
                default: .none
                }
            #expect(EntityScan.procliticKind(bytes[0], bytes[1]) == expected, "U+\(String(value, radix: 16))")
        }
    }

    /// Bytes that are not a two-byte letter at all: an ASCII pair, a lead and a lead, a
    /// three-byte sequence's first two bytes.
    @Test(arguments: [(0x77, 0x88), (0xD9, 0xD9), (0xD9, 0x08), (0xE2, 0x80), (0xD8, 0x28)] as [(UInt8, UInt8)])
    func otherBytesAreNone(_ lead: UInt8, _ second: UInt8) {
        #expect(EntityScan.procliticKind(lead, second) == .none)
    }
}
