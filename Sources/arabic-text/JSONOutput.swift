/// Somewhere to write output bytes: standard output (``OutputWriter``) or a buffer
/// (``ByteBuffer``, for records built on other threads).
protocol ByteSink: AnyObject {
    func write(_ bytes: UnsafeBufferPointer<UInt8>) throws(CLIError)
    func write(byte: UInt8) throws(CLIError)
}

extension ByteSink {
    /// Writes `text`'s UTF-8.
    func write(_ text: String) throws(CLIError) {
        var text = text
        let failure: CLIError? = text.withUTF8 { bytes in
            do throws(CLIError) { try write(bytes) } catch { return error }
            return nil
        }
        if let failure { throw failure }
    }

    /// Writes `bytes` (valid UTF-8) as a JSON string literal, quotes included.
    func writeJSONString(_ bytes: UnsafeBufferPointer<UInt8>) throws(CLIError) {
        try write(byte: 0x22)
        var runStart = 0
        for index in 0..<bytes.count {
            let byte = bytes[index]
            guard byte < 0x20 || byte == 0x22 || byte == 0x5C else { continue }
            try write(UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
            switch byte {
            case 0x22: try write("\\\"")
            case 0x5C: try write("\\\\")
            case 0x0A: try write("\\n")
            case 0x0D: try write("\\r")
            case 0x09: try write("\\t")
            default:
                let hex = Array("0123456789abcdef".utf8)
                for digit in [0x5C, 0x75, 0x30, 0x30, hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]] as [UInt8] {
                    try write(byte: digit)
                }
            }
            runStart = index + 1
        }
        try write(UnsafeBufferPointer(rebasing: bytes[runStart..<bytes.count]))
        try write(byte: 0x22)
    }

    /// Writes `text` as a JSON string literal.
    func writeJSONString(_ text: some StringProtocol) throws(CLIError) {
        var copy = String(text)
        let failure: CLIError? = copy.withUTF8 { bytes in
            do throws(CLIError) { try writeJSONString(bytes) } catch { return error }
            return nil
        }
        if let failure { throw failure }
    }
}

/// Bytes collected in memory: one output record, built where it is computed.
final class ByteBuffer: ByteSink {
    private(set) var bytes: [UInt8] = []

    func write(_ bytes: UnsafeBufferPointer<UInt8>) throws(CLIError) { self.bytes.append(contentsOf: bytes) }

    func write(byte: UInt8) throws(CLIError) { bytes.append(byte) }
}

extension OutputWriter: ByteSink {}

/// Converts increasing UTF-8 offsets of one text into Unicode scalar offsets, the offsets of
/// the JSON output (so that Python's `text[start:end]` reads the span).
struct ScalarOffsetCounter {
    private let bytes: UnsafeBufferPointer<UInt8>
    private var byteOffset = 0
    private var scalarOffset = 0

    init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    /// The scalar offset of UTF-8 offset `target`; targets must not decrease between calls
    /// by more than the last step (the counter walks back when needed).
    mutating func scalarOffset(ofUTF8 target: Int) -> Int {
        while byteOffset < target {
            if bytes[byteOffset] & 0xC0 != 0x80 { scalarOffset += 1 }
            byteOffset += 1
        }
        while byteOffset > target {
            byteOffset -= 1
            if bytes[byteOffset] & 0xC0 != 0x80 { scalarOffset -= 1 }
        }
        return scalarOffset
    }
}
