import Testing

@testable import ArabicCore

/// What the fuzzers of `Fuzz/` found, each as the input (cut down) that found it; see
/// Docs/Reliability.md for the runs.
@Suite struct FuzzRegressionTests {
    /// FuzzTokenizer, AddressSanitizer: a heap-buffer-overflow in the fast path's shape table,
    /// which covers U+2000–U+206F but was indexed with E2 81 B0–BF (U+2070–U+207F) too.
    @Test(arguments: Array(0x2070...0x207F) as [UInt32])
    func superscriptsAfterGeneralPunctuationAreNotReadPastTheTable(_ value: UInt32) throws {
        let scalar = String(Unicode.Scalar(value)!)
        let bytes = Array(scalar.utf8)
        let (shape, width) = bytes.withUnsafeBufferPointer { WordShapes.shared.shape($0.baseAddress!, at: 0, end: $0.count) }
        #expect(shape == .other && width == 3)
        for text in ["عليها\(scalar) 'L", "\(scalar)عليها", "x\(scalar)", "ساعة ٣\(scalar)"] {
            let normalized = Normalizer().normalize(text)
            #expect(try Tokenizer().tokens(in: normalized) == Tokenizer(usesFastPath: false).tokens(in: normalized))
        }
    }

    /// FuzzNormalizer, idempotence of `search`: a presentation form that folds to nothing
    /// (ﹻ is a tatweel and a kasra) between two spaces left both spaces, which the second
    /// pass collapsed.
    @Test(arguments: ["\u{FE7B}", "\u{FE7B}\u{FE7B}", "\u{FE77}", "\u{FCF2}"])
    func aFormThatFoldsToNothingBetweenSpaces(_ form: String) {
        let normalizer = Normalizer(.search)
        let once = normalizer.normalizedString("صلى \(form) الله")
        #expect(once == "صلي الله")
        #expect(normalizer.normalizedString(once) == once)
        let result = normalizer.normalize("صلى \(form) الله")
        #expect(result.originalText(ofNormalized: 7..<15) == "الله")
    }

    /// The same with the marks kept: ﱞ is a space, a dammatan and a shadda, and its space
    /// collapses with the one before it.
    @Test func anExpansionThatStartsWithASpace() {
        let normalizer = Normalizer([.compatibilityForms, .collapseWhitespace])
        let once = normalizer.normalizedString("كلمة \u{FC5E} كلمة")
        #expect(once == "كلمة \u{064C}\u{0651} كلمة")
        #expect(normalizer.normalizedString(once) == once)
    }

    /// Not a bug, the rule the token invariant allows: the words of one character that
    /// expands (ﷺ → صلى الله عليه وسلم) all map back to that character.
    @Test func theWordsOfOneExpandedCharacterShareIt() throws {
        let text = "النبي ﷺ قال"
        let tokens = try Tokenizer().tokens(in: text)
        #expect(tokens.map(\.normalized) == ["النبي", "صلي", "الله", "عليه", "وسلم", "قال"])
        #expect(Set(tokens[1...4].map(\.range)).count == 1)
        #expect(tokens[1].text == "ﷺ")
    }
}
