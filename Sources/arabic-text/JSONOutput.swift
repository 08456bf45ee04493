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

    /// Writes `bytes` (valid UTF-8) as a JSON string literal, quotes included (escaped by
    /// ``RecordBytes/appendString(_:)-(UnsafeBufferPointer<UInt8>)``, the one JSON escaper).
    func writeJSONString(_ bytes: UnsafeBufferPointer<UInt8>) throws(CLIError) {
        var literal = RecordBytes(reservingCapacity: bytes.count + 2)
        literal.appendString(bytes)
        try literal.finish().withUnsafeBufferPointer { (buffer) throws(CLIError) in try write(buffer) }
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
