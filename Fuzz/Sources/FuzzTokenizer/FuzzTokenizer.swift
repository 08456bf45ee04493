import ArabicText
import FuzzChecks

/// The tokenizer and the sentence splitter on any valid UTF-8: tokens in order, without
/// overlap, inside the text and reading back their text (original and normalized), every
/// letter and digit inside a token; sentences likewise. With `FUZZ_STRICT=1`, the fast path
/// must give ICU's own tokens.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    guard let data else { return 0 }
    guard let text = Invariants.text(data, size) else { return 0 }
    let (fast, icu) = Presets.tokenizers
    do {
        let normalized = fast.normalizer.normalize(text)
        let tokens = try fast.tokens(in: normalized)
        Invariants.checkTokens(tokens, of: normalized)
        Invariants.checkCoverage(tokens, of: normalized)
        if Presets.strict {
            let slow = try icu.tokens(in: normalized)
            Invariants.require(slow == tokens, "the fast path's tokens differ from ICU's")
        }
        Invariants.checkSentences(try Presets.splitter.sentences(in: text), of: text)
    } catch {
        Invariants.require(false, "ICU failed on valid text: \(error)")
    }
    return 0
}

/// The program's entry (see `runFuzzer`).
@_cdecl("FuzzTokenizer_main")
public func main(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> Int32 {
    runFuzzer(argc, argv, fuzz)
}
