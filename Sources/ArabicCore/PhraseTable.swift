/// A hash of a token's normalized UTF-8, the unit in which phrases are looked up.
///
/// FNV-1a over the bytes: cheap, and sequential, so that the hash of a word with a clitic
/// removed (or ال put back for لل) is computed without building a string.
public struct TokenHash: Hashable, Sendable {
    /// The hash value.
    public var value: UInt64

    /// FNV-1a's parameters.
    @usableFromInline static var offsetBasis: UInt64 { 0xCBF2_9CE4_8422_2325 }
    @usableFromInline static var prime: UInt64 { 0x0000_0100_0000_01B3 }

    /// The hash of nothing, to continue with ``adding(_:)``.
    public static let empty = TokenHash(value: offsetBasis)

    /// The hash of these bytes.
    public init(_ bytes: UnsafeBufferPointer<UInt8>) { self = TokenHash.empty.adding(bytes) }

    /// The hash of a string's UTF-8.
    public init(_ text: some StringProtocol) {
        var copy = String(text)
        self = copy.withUTF8 { TokenHash($0) }
    }

    @usableFromInline init(value: UInt64) { self.value = value }

    /// The hashes of `bytes` and of `bytes` without its first `prefix` bytes, in one pass:
    /// the two chains of multiplications are independent, so the second costs almost no time.
    @inlinable @inline(__always)
    package static func hashes(of bytes: UnsafeBufferPointer<UInt8>, andWithout prefix: Int) -> (
        whole: TokenHash, rest: TokenHash
    ) {
        var whole = offsetBasis, rest = offsetBasis
        for index in 0..<min(prefix, bytes.count) { whole = (whole ^ UInt64(bytes[index])) &* prime }
        for index in min(prefix, bytes.count)..<bytes.count {
            let byte = UInt64(bytes[index])
            whole = (whole ^ byte) &* prime
            rest = (rest ^ byte) &* prime
        }
        return (TokenHash(value: whole), TokenHash(value: rest))
    }

    /// This hash continued over more bytes.
    @inlinable @inline(__always)
    public func adding(_ bytes: UnsafeBufferPointer<UInt8>) -> TokenHash {
        var hash = value
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* Self.prime }
        return TokenHash(value: hash)
    }
}

/// Phrases of normalized tokens with values, looked up at a position of a token sequence:
/// the engine behind every gazetteer.
///
/// ```swift
/// var table = PhraseTable<String>()
/// table.insert(["قره", "باج"], value: "LOCATION")
/// table.insert(["ناجورنو", "قره", "باج"], value: "LOCATION")
/// ```
///
/// Each phrase also keeps a `summary`, the bitwise OR of what its values say (the caller
/// decides the bits), so that rules can test a match without touching its values. A phrase
/// is found by the hashes of its tokens, then checked byte for byte, so a hash collision
/// never produces a false match.
/// - Complexity: a lookup costs one hash-table probe per token of the longest phrase that
///   starts with the tokens at hand, and allocates nothing.
public struct PhraseTable<Value: Sendable>: Sendable {
    // Phrases are kept in flat arrays of plain values, so that a lookup retains nothing; what
    // a lookup reads of a phrase is in one record, so that it costs one cache miss, not one
    // per array.
    @usableFromInline var index = HashIndex()  // phrase hash → the last phrase with it, and whether it is a prefix
    @usableFromInline var records: [PhraseRecord] = []
    private var storedValues: [[Value]] = []
    @usableFromInline var tokenEnds: [Int32] = []  // per token, its end in bytes (it starts where the previous ended)
    @usableFromInline var bytes: [UInt8] = []
    /// One bit per first-token hash (2^16 bits, 8 KB, which stays in the first-level cache):
    /// most tokens start no phrase, and are ruled out here without a probe of the index.
    @usableFromInline var firstTokens = [UInt64](repeating: 0, count: 1 << 10)
    /// The number of tokens of the longest phrase.
    public private(set) var maximumLength = 0
    /// The number of distinct phrases.
    public var count: Int { storedValues.count }

    /// An empty table.
    public init() {}

    @inlinable static var seed: UInt64 { 0x9E37_79B9_7F4A_7C15 }

    /// The hash of a phrase continued by one more token.
    @inlinable @inline(__always)
    static func extend(_ phrase: UInt64, with token: TokenHash) -> UInt64 {
        (phrase ^ token.value) &* 0x0000_0100_0000_01B3 &+ 0x632B_E59B_D9B4_E019
    }

    private func tokens(of phrase: Int) -> [[UInt8]] {
        let first = Int(records[phrase].firstToken)
        return (first..<(first + Int(records[phrase].tokenCount))).map { token in
            let start = token == 0 ? 0 : Int(tokenEnds[token - 1])
            return Array(bytes[start..<Int(tokenEnds[token])])
        }
    }

    /// Adds `value` for the phrase made of these normalized tokens, OR-ing `summary` into
    /// the phrase's summary.
    public mutating func insert(_ tokens: [String], value: Value, summary: UInt64 = 0) {
        guard !tokens.isEmpty else { return }
        let tokenBytes = tokens.map { Array($0.utf8) }
        var key = Self.seed
        let firstHash = TokenHash(tokens[0]).value
        firstTokens[Int(truncatingIfNeeded: firstHash >> 6) & 0x3FF] |= 1 << (firstHash & 63)
        for (index, token) in tokens.enumerated() {
            key = Self.extend(key, with: TokenHash(token))
            if index < tokens.count - 1 { self.index.markPrefix(key) }
        }
        var candidate = self.index.lookup(key).phrase
        while candidate >= 0 {
            if self.tokens(of: Int(candidate)) == tokenBytes {
                storedValues[Int(candidate)].append(value)
                records[Int(candidate)].summary |= summary
                return
            }
            candidate = records[Int(candidate)].next
        }
        let next = self.index.lookup(key).phrase
        self.index.setPhrase(key, Int32(storedValues.count))
        let firstToken = Int32(tokenEnds.count)
        let bytesStart = Int32(bytes.count)
        for token in tokenBytes {
            bytes += token
            tokenEnds.append(Int32(bytes.count))
        }
        records.append(
            PhraseRecord(
                summary: summary, bytesStart: bytesStart, firstEnd: tokenEnds[Int(firstToken)], firstToken: firstToken,
                tokenCount: Int32(tokens.count), next: next))
        storedValues.append([value])
        maximumLength = max(maximumLength, tokens.count)
    }

    /// Whether some phrase may start with a token of this hash: false means none does (one
    /// bit of an 8 KB filter), so a caller can skip setting up a lookup.
    @inlinable @inline(__always)
    public func mayStartPhrase(_ hash: TokenHash) -> Bool {
        let value = hash.value
        return firstTokens[Int(truncatingIfNeeded: value >> 6) & 0x3FF] & (1 << (value & 63)) != 0
    }

    /// Calls `body(length, phrase, summary)` for every phrase that matches tokens `first`,
    /// `rest(0)`, `rest(1)` …, shortest first. `first` may differ from the text's token (a
    /// clitic removed), so it is given as its own hash and bytes; `rest(k)` is `nil` past the
    /// last token that may continue a phrase. `phrase` identifies the phrase for ``values(of:)``.
    @inlinable
    public func forEachMatch(
        first: (hash: TokenHash, bytes: UnsafeBufferPointer<UInt8>),
        rest: (Int) -> (hash: TokenHash, bytes: UnsafeBufferPointer<UInt8>)?,
        _ body: (_ length: Int, _ phrase: Int, _ summary: UInt64) -> Void
    ) {
        guard mayStartPhrase(first.hash) else { return }
        var key = Self.extend(Self.seed, with: first.hash)
        var length = 1
        while true {
            let found = index.lookup(key)
            var candidate = Int(found.phrase)
            while candidate >= 0 {
                let record = records[candidate]
                if Int(record.tokenCount) == length && matches(record, first: first.bytes, rest: rest) {
                    body(length, candidate, record.summary)
                }
                candidate = Int(record.next)
            }
            guard length < maximumLength, found.isPrefix, let next = rest(length - 1) else { return }
            key = Self.extend(key, with: next.hash)
            length += 1
        }
    }

    @inlinable @inline(__always)
    func matches(
        _ record: PhraseRecord, first: UnsafeBufferPointer<UInt8>,
        rest: (Int) -> (hash: TokenHash, bytes: UnsafeBufferPointer<UInt8>)?
    ) -> Bool {
        guard first.count == Int(record.firstEnd - record.bytesStart) else { return false }
        return bytes.withUnsafeBufferPointer { stored in
            func equal(_ text: UnsafeBufferPointer<UInt8>, _ start: Int) -> Bool {
                Self.equalBytes(text, UnsafeBufferPointer(rebasing: stored[start..<(start + text.count)]))
            }
            guard equal(first, Int(record.bytesStart)) else { return false }
            for offset in 1..<max(1, Int(record.tokenCount)) {
                let token = Int(record.firstToken) + offset
                let start = Int(tokenEnds[token - 1])
                guard let next = rest(offset - 1), next.bytes.count == Int(tokenEnds[token]) - start, equal(next.bytes, start)
                else { return false }
            }
            return true
        }
    }

    /// Whether two buffers of the same length hold the same bytes: eight at a time, the last
    /// eight (or four) overlapping, so that a word is compared without a loop per byte (whose
    /// exit, at a length that differs from word to word, is a mispredicted branch).
    @inlinable @inline(__always)
    static func equalBytes(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
        let count = a.count
        guard count > 0, let left = a.baseAddress.map(UnsafeRawPointer.init),
            let right = b.baseAddress.map(UnsafeRawPointer.init)
        else { return true }
        if count >= 8 {
            var offset = 0
            while offset &+ 8 < count {
                guard
                    left.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
                        == right.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
                else { return false }
                offset &+= 8
            }
            return left.loadUnaligned(fromByteOffset: count &- 8, as: UInt64.self)
                == right.loadUnaligned(fromByteOffset: count &- 8, as: UInt64.self)
        }
        if count >= 4 {
            return left.loadUnaligned(as: UInt32.self) == right.loadUnaligned(as: UInt32.self)
                && left.loadUnaligned(fromByteOffset: count &- 4, as: UInt32.self)
                    == right.loadUnaligned(fromByteOffset: count &- 4, as: UInt32.self)
        }
        return a[0] == b[0] && a[count &>> 1] == b[count &>> 1] && a[count &- 1] == b[count &- 1]
    }

    /// Every phrase that matches, shortest first (see ``forEachMatch(first:rest:_:)``).
    public func matches(
        first: (hash: TokenHash, bytes: UnsafeBufferPointer<UInt8>),
        rest: (Int) -> (hash: TokenHash, bytes: UnsafeBufferPointer<UInt8>)?
    ) -> [(length: Int, values: [Value])] {
        var results: [(length: Int, values: [Value])] = []
        forEachMatch(first: first, rest: rest) { length, phrase, _ in results.append((length, storedValues[phrase])) }
        return results
    }

    /// The values of a phrase found by ``forEachMatch(first:rest:_:)``.
    public func values(of phrase: Int) -> [Value] { storedValues[phrase] }

    /// Every phrase with its values, in insertion order.
    public var phrases: [(tokens: [String], values: [Value])] {
        storedValues.indices.map { phrase in
            (tokens: tokens(of: phrase).map { String(decoding: $0, as: UTF8.self) }, values: storedValues[phrase])
        }
    }
}

/// What a lookup reads of a phrase, in one record.
@usableFromInline
struct PhraseRecord: Sendable {
    /// The bitwise OR of its values' summaries.
    @usableFromInline var summary: UInt64
    /// Where its first token's bytes start and end in the table's bytes.
    @usableFromInline var bytesStart: Int32
    @usableFromInline var firstEnd: Int32
    /// Its first token, into the table's token ends.
    @usableFromInline var firstToken: Int32
    @usableFromInline var tokenCount: Int32
    /// The phrase added before it with the same hash, or -1.
    @usableFromInline var next: Int32
}

/// An open-addressing hash table from phrase hashes (already well mixed) to the last phrase
/// with that hash and whether some longer phrase starts with it: cheaper than `Dictionary`,
/// which would hash the hash again. A slot holds the key and one `UInt32`, side by side (a
/// probe touches one cache line): 0 for an empty slot; otherwise the prefix mark in the top
/// bit and the phrase + 1 in the others (0 for a key that is only a prefix).
@usableFromInline
struct HashIndex: Sendable {
    @usableFromInline
    struct Slot: Sendable {
        @usableFromInline var key: UInt64
        @usableFromInline var value: UInt32
    }

    @usableFromInline var slots = [Slot](repeating: Slot(key: 0, value: 0), count: 16)
    private var count = 0

    @usableFromInline static var prefixBit: UInt32 { 0x8000_0000 }
    private static let used: UInt32 = 0x4000_0000  // set in every used slot, so that none is 0

    @inlinable @inline(__always)
    func slot(of key: UInt64) -> Int {
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: (key ^ (key >> 29)) &* 0xBF58_476D_1CE4_E5B9) & mask
        while slots[slot].value != 0 && slots[slot].key != key { slot = (slot + 1) & mask }
        return slot
    }

    /// The last phrase with hash `key` (-1 if none) and whether it is a phrase's prefix.
    @inlinable @inline(__always)
    func lookup(_ key: UInt64) -> (phrase: Int32, isPrefix: Bool) {
        let value = slots[slot(of: key)].value
        return (Int32(value & 0x3FFF_FFFF) - 1, value & Self.prefixBit != 0)
    }

    mutating func setPhrase(_ key: UInt64, _ phrase: Int32) {
        let slot = claim(key)
        slots[slot].value = (slots[slot].value & Self.prefixBit) | Self.used | UInt32(phrase + 1)
    }

    mutating func markPrefix(_ key: UInt64) {
        let slot = claim(key)
        slots[slot].value |= Self.prefixBit
    }

    private mutating func claim(_ key: UInt64) -> Int {
        if (count + 1) * 2 > slots.count { grow() }
        let slot = slot(of: key)
        if slots[slot].value == 0 {
            slots[slot] = Slot(key: key, value: Self.used)
            count += 1
        }
        return slot
    }

    private mutating func grow() {
        let old = slots
        slots = [Slot](repeating: Slot(key: 0, value: 0), count: old.count * 2)
        count = 0
        for entry in old where entry.value != 0 {
            let slot = claim(entry.key)
            slots[slot].value = entry.value
        }
    }
}
