/// The bytes a JSON string cannot hold as they are: control characters (below 0x20), the
/// quotation mark and the backslash. Reading and writing strings both pass over everything
/// else, which in Arabic news is nearly every byte.
enum JSONStringScan {
    /// Whether `byte` is one a JSON string must escape (or, read, one that ends or escapes).
    @inline(__always)
    static func isSpecial(_ byte: UInt8) -> Bool { byte < 0x20 || byte == 0x22 || byte == 0x5C }

    /// The offset of the first special byte of `bytes` at or after `start`, or `bytes.count`.
    ///
    /// Eight bytes at a time: in each 64-bit word, a byte's high bit is set in
    /// `(w - 0x20…) & ~w & 0x80…` when it is below 0x20, and in `(x - 0x01…) & ~x & 0x80…`
    /// when it is zero (`x` is the word XOR the quotation mark or the backslash). A borrow
    /// can only flag bytes *after* a flagged one, so the lowest flag is always exact.
    @inline(__always)
    static func firstSpecial(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        guard let base = bytes.baseAddress else { return 0 }
        let raw = UnsafeRawPointer(base)
        let count = bytes.count
        var index = start
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        while index &+ 8 <= count {
            let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
            let quote = word ^ (ones &* 0x22)
            let backslash = word ^ (ones &* 0x5C)
            let flags =
                ((word &- ones &* 0x20) & ~word | (quote &- ones) & ~quote | (backslash &- ones) & ~backslash) & highs
            if flags != 0 { return index &+ flags.trailingZeroBitCount &>> 3 }
            index &+= 8
        }
        while index < count, !isSpecial(base[index]) { index &+= 1 }
        return index
    }
}
