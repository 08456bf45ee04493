import ArabicText
import FuzzChecks

/// The whole analysis (normalization, tokens, sentences, entities, quotations, structure)
/// on any valid UTF-8: every span of every annotation inside the text and reading back its
/// own text, tokens and sections in order.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    guard let data else { return 0 }
    guard let text = Invariants.text(data, size) else { return 0 }
    do {
        Invariants.checkDocument(try Presets.pipeline.analyze(text))
    } catch {
        Invariants.require(false, "analyze threw on valid text: \(error)")
    }
    return 0
}

/// The program's entry (see `runFuzzer`).
@_cdecl("FuzzAnalyze_main")
public func main(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> Int32 {
    runFuzzer(argc, argv, fuzz)
}
