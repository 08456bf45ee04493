import ArabicText
import FuzzChecks

/// The normalizer on any bytes: the byte door finds exactly the invalid UTF-8 the standard
/// library finds, at the same offset; on valid text, both doors agree, the presets are
/// idempotent and the offset map is monotonic, for the presets and for a set of folds read
/// from the input's first two bytes.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    guard let data else { return 0 }
    let bytes = UnsafeBufferPointer(start: data, count: size)
    let invalid = UTF8Validation.firstInvalidOffset(inBuffer: bytes)
    let text = Invariants.text(data, size)
    Invariants.require((invalid == nil) == (text != nil), "UTF8Validation and the standard library disagree")
    let repaired = UTF8Validation.repair(Array(bytes))
    Invariants.require(repaired.text == String(decoding: bytes, as: UTF8.self), "repair differs from String(decoding:)")
    Invariants.require((repaired.replacements == 0) == (invalid == nil), "repair counts \(repaired.replacements) with invalid at \(String(describing: invalid))")
    var output = [UInt8](repeating: 0, count: size * Normalizer.maximumGrowthFactor + 16)
    for normalizer in Presets.normalizers {
        do {
            _ = try output.withUnsafeMutableBufferPointer { try normalizer.normalize(utf8: bytes, into: $0) }
            Invariants.require(invalid == nil, "the byte door accepted invalid UTF-8 at \(invalid ?? -1)")
        } catch let error as InvalidUTF8Error {
            Invariants.require(error.offset == invalid, "the byte door says invalid at \(error.offset), the validator at \(String(describing: invalid))")
        } catch {
            Invariants.require(false, "the byte door threw \(error)")
        }
    }
    guard let text else { return 0 }
    for normalizer in Presets.normalizers { Invariants.checkNormalization(text, normalizer, idempotent: true) }
    if size >= 2 {
        let options = NormalizationOptions(rawValue: (UInt32(data[0]) << 8 | UInt32(data[1])) & 0x1FFF)
        if let rest = Invariants.text(data + 2, size - 2) {
            Invariants.checkNormalization(rest, Normalizer(options), idempotent: Presets.strict)
        }
    }
    return 0
}

/// The program's entry (see `runFuzzer`).
@_cdecl("FuzzNormalizer_main")
public func main(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> Int32 {
    runFuzzer(argc, argv, fuzz)
}
