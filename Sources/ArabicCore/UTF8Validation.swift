/// Bytes that are not valid UTF-8, at `offset`.
public struct InvalidUTF8Error: Error, Hashable, Sendable, CustomStringConvertible {
    /// The byte offset of the first invalid sequence.
    public let offset: Int

    /// Makes the error for an offset.
    public init(offset: Int) { self.offset = offset }

    /// `invalid UTF-8 at byte N`.
    public var description: String { "invalid UTF-8 at byte \(offset)" }
}

/// Finds and repairs invalid UTF-8, for input read from files.
///
/// ```swift
/// UTF8Validation.firstInvalidOffset(in: [0x61, 0xC0, 0xAF])  // 1: overlong "/"
/// UTF8Validation.repair([0x61, 0xFF]).text                   // "a\u{FFFD}"
/// ```
public enum UTF8Validation {
    /// The byte offset of the first invalid sequence, or `nil` when all of `bytes` is valid
    /// UTF-8. Overlong forms, surrogates (U+D800–U+DFFF), values above U+10FFFF, stray
    /// continuation bytes and truncated sequences are invalid.
    /// - Complexity: O(*n*), with a fast path for ASCII.
    public static func firstInvalidOffset(in bytes: some Collection<UInt8>) -> Int? {
        let result = bytes.withContiguousStorageIfAvailable { firstInvalidOffset(inBuffer: $0) }
        return result ?? firstInvalidOffset(inBuffer: Array(bytes).withUnsafeBufferPointer { $0 })
    }

    /// `firstInvalidOffset(in:)` over a buffer.
    public static func firstInvalidOffset(inBuffer bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        var index = 0
        let count = bytes.count
        while index < count {
            let length = sequenceLength(bytes, at: index)
            if length == 0 { return index }
            index += length
        }
        return nil
    }

    /// The length of the valid sequence at `index`, or 0 when it is invalid.
    @inline(__always)
    static func sequenceLength(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int {
        let count = bytes.count
        let lead = bytes[index]
        if lead < 0x80 { return 1 }
        func continuation(_ offset: Int) -> Bool { index + offset < count && bytes[index + offset] & 0xC0 == 0x80 }
        switch lead {
        case 0xC2...0xDF:
            return continuation(1) ? 2 : 0
        case 0xE0...0xEF:
            guard continuation(1), continuation(2) else { return 0 }
            let second = bytes[index + 1]
            if lead == 0xE0 && second < 0xA0 { return 0 }  // overlong
            if lead == 0xED && second >= 0xA0 { return 0 }  // surrogate
            return 3
        case 0xF0...0xF4:
            guard continuation(1), continuation(2), continuation(3) else { return 0 }
            let second = bytes[index + 1]
            if lead == 0xF0 && second < 0x90 { return 0 }  // overlong
            if lead == 0xF4 && second >= 0x90 { return 0 }  // above U+10FFFF
            return 4
        default:
            return 0  // continuation byte, C0/C1 overlong lead, F5–FF
        }
    }

    /// Decodes `bytes`, replacing each invalid sequence by U+FFFD, and says how many were
    /// replaced. The replacement follows Unicode's "maximal subpart" practice, as Swift's
    /// own decoding does.
    public static func repair(_ bytes: some Collection<UInt8>) -> (text: String, replacements: Int) {
        let text = String(decoding: bytes, as: UTF8.self)
        guard firstInvalidOffset(in: bytes) != nil else { return (text, 0) }
        var replacements = 0
        var decoder = UTF8()
        var iterator = bytes.makeIterator()
        loop: while true {
            switch decoder.decode(&iterator) {
            case .scalarValue: continue
            case .emptyInput: break loop
            case .error: replacements += 1
            }
        }
        return (text, replacements)
    }
}
