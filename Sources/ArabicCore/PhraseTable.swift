/// A hash of a token's normalized UTF-8, the unit in which phrases are looked up.
///
/// FNV-1a over the bytes: cheap, and sequential, so that the hash of a word with a clitic
/// removed (or ال put back for لل) is computed without building a string.
public struct TokenHash: Hashable, Sendable {
    /// The hash value.
    public var value: UInt64

    static let offsetBasis: UInt64 = 0xCBF2_9CE4_8422_2325
    static let prime: UInt64 = 0x0000_0100_0000_01B3

    /// The hash of nothing, to continue with ``adding(_:)``.
    public static let empty = TokenHash(value: offsetBasis)

    /// The hash of these bytes.
    public init(_ bytes: UnsafeBufferPointer<UInt8>) { self = TokenHash.empty.adding(bytes) }

    /// The hash of a string's UTF-8.
    public init(_ text: some StringProtocol) {
        var copy = String(text)
        self = copy.withUTF8 { TokenHash($0) }
    }

    init(value: UInt64) { self.value = value }

    /// This hash continued over more bytes.
    @inline(__always)
    public func adding(_ bytes: UnsafeBufferPointer<UInt8>) -> TokenHash {
        var hash = value
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* Self.prime }
        return TokenHash(value: hash)
    }
}

/// Phrases of normalized tokens with values, looked up longest first at a position of a
/// token sequence: the engine behind every gazetteer.
///
/// ```swift
/// var table = PhraseTable<String>()
/// table.insert(["قره", "باج"], value: "LOCATION")
/// table.insert(["ناجورنو", "قره", "باج"], value: "LOCATION")
/// ```
/// A phrase is found by the hashes of its tokens, then checked token by token, so a hash
/// collision never produces a false match.
/// - Complexity: a lookup costs one hash-table probe per token of the longest phrase that
///   starts with the tokens at hand.
public struct PhraseTable<Value: Sendable>: Sendable {
    struct Entry: Sendable {
        let tokens: [[UInt8]]
        var values: [Value]
    }

    private var entries: [UInt64: [Int]] = [:]
    private var storage: [Entry] = []
    private var prefixes: Set<UInt64> = []
    /// The number of tokens of the longest phrase.
    public private(set) var maximumLength = 0
    /// The number of distinct phrases.
    public var count: Int { storage.count }

    /// An empty table.
    public init() {}

    static func phraseHash(_ hashes: some Sequence<TokenHash>) -> UInt64 {
        var hash: UInt64 = 0x9E37_79B9_7F4A_7C15
        for token in hashes { hash = (hash ^ token.value) &* 0x0000_0100_0000_01B3 &+ 0x632B_E59B_D9B4_E019 }
        return hash
    }

    /// Adds `value` for the phrase made of these normalized tokens.
    public mutating func insert(_ tokens: [String], value: Value) {
        guard !tokens.isEmpty else { return }
        let bytes = tokens.map { Array($0.utf8) }
        let hashes = tokens.map { TokenHash($0) }
        let key = Self.phraseHash(hashes)
        if let index = entries[key]?.first(where: { storage[$0].tokens == bytes }) {
            storage[index].values.append(value)
        } else {
            entries[key, default: []].append(storage.count)
            storage.append(Entry(tokens: bytes, values: [value]))
        }
        for length in 1..<tokens.count { prefixes.insert(Self.phraseHash(hashes.prefix(length))) }
        maximumLength = max(maximumLength, tokens.count)
    }

    /// Every phrase that matches tokens `first`, `rest(0)`, `rest(1)` …, shortest first, with
    /// its length in tokens. `first` may differ from the text's token (a clitic removed), so
    /// it is given as its own hash and bytes; `rest(k)` is `nil` past the last token that
    /// may continue a phrase.
    public func matches(
        first: (hash: TokenHash, bytes: UnsafeBufferPointer<UInt8>),
        rest: (Int) -> (hash: TokenHash, bytes: UnsafeBufferPointer<UInt8>)?
    ) -> [(length: Int, values: [Value])] {
        var results: [(length: Int, values: [Value])] = []
        var key = Self.phraseHash([first.hash])
        var hashes = [first.hash]
        var length = 1
        while true {
            if let candidates = entries[key] {
                for index in candidates where matches(storage[index].tokens, first: first.bytes, rest: rest, length: length) {
                    results.append((length, storage[index].values))
                }
            }
            guard length < maximumLength, prefixes.contains(key), let next = rest(length - 1) else { break }
            hashes.append(next.hash)
            key = Self.phraseHash(hashes)
            length += 1
        }
        return results
    }

    /// The longest of ``matches(first:rest:)``.
    public func longestMatch(
        first: (hash: TokenHash, bytes: UnsafeBufferPointer<UInt8>),
        rest: (Int) -> (hash: TokenHash, bytes: UnsafeBufferPointer<UInt8>)?
    ) -> (length: Int, values: [Value])? {
        matches(first: first, rest: rest).last
    }

    private func matches(
        _ tokens: [[UInt8]], first: UnsafeBufferPointer<UInt8>,
        rest: (Int) -> (hash: TokenHash, bytes: UnsafeBufferPointer<UInt8>)?, length: Int
    ) -> Bool {
        guard tokens.count == length, tokens[0].elementsEqual(first) else { return false }
        for index in 1..<max(1, length) {
            guard let token = rest(index - 1), tokens[index].elementsEqual(token.bytes) else { return false }
        }
        return true
    }

    /// Every phrase with its values, in insertion order.
    public var phrases: [(tokens: [String], values: [Value])] {
        storage.map { (tokens: $0.tokens.map { String(decoding: $0, as: UTF8.self) }, values: $0.values) }
    }
}
