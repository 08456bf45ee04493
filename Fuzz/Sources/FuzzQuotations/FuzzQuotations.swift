import ArabicText
import FuzzChecks

/// Quotation marks paired into sentences and the quotation finder on any valid UTF-8 (with
/// `Fuzz/quotations.dict`, libFuzzer splices in marks, cue verbs and أن): sentences in
/// order and trimmed; entities, quotations, cues and speakers inside the text and reading
/// back their text.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    guard let data else { return 0 }
    guard let text = Invariants.text(data, size) else { return 0 }
    do {
        Invariants.checkSentences(try Presets.splitter.sentences(in: text), of: text)
        let analysis = try Presets.finder.analyze(text)
        Invariants.checkEntities(analysis.entities, in: text)
        Invariants.checkQuotations(analysis.quotations, entities: analysis.entities, in: text)
    } catch {
        Invariants.require(false, "the quotation finder threw on valid text: \(error)")
    }
    return 0
}

/// The program's entry (see `runFuzzer`).
@_cdecl("FuzzQuotations_main")
public func main(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> Int32 {
    runFuzzer(argc, argv, fuzz)
}
