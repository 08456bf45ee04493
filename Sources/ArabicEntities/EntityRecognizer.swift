public import ArabicCore

/// Finds named entities in Arabic news: countries, places, organizations (ministries,
/// media, parties, companies …), people and dates, linked to ISO 3166 codes where they can be.
///
/// ```swift
/// let recognizer = try EntityRecognizer()
/// for entity in try recognizer.entities(in: "وأكدت وزارة الخارجية الروسية دعمها لأذربيجان") {
///     print(entity.type, entity.text, entity.id ?? "")
/// }
/// // ORGANIZATION وزارة الخارجية الروسية RU
/// // COUNTRY أذربيجان AZ
/// ```
///
/// Matching is on normalized tokens, so hamza-less spellings and attached clitics are found
/// (وأذربيجان، بلبنان، للخارجية); spans point at the name in the original text. Longest
/// match wins and mentions never overlap. Each rule is a small function in an extension
/// (`EntityRecognizer+Organizations.swift`, `+People`, `+Dates`).
public struct EntityRecognizer: Sendable {
    /// The lexicons.
    public let gazetteer: Gazetteer

    /// A recognizer with the bundled lexicons and `additionalLexicons` (TSV files named like
    /// the bundled ones, e.g. `Places.tsv`).
    public init(additionalLexicons: [String] = []) throws {
        gazetteer = try Gazetteer(additionalFiles: additionalLexicons)
    }

    /// A recognizer over a gazetteer you built.
    public init(gazetteer: Gazetteer) { self.gazetteer = gazetteer }

    /// The tokenizer the recognizer reads texts with.
    public var tokenizer: Tokenizer { gazetteer.tokenizer }

    /// The entities of `text`, in order.
    public func entities(in text: String) throws -> [Entity] { try entitiesAndTokens(in: text).entities }

    /// The entities of `text`, with the tokens (and their hashes) and normalized bytes they
    /// were found in, for the passes that build on them (quotations) without tokenizing again.
    package func entitiesAndTokens(in text: String) throws -> (entities: [Entity], tokens: [ScanToken], normalized: [UInt8]) {
        let (entities, tokens, normalized) = try scanning(text) { scan in scan.run() }
        return (entities, tokens, normalized)
    }

    /// Every lexicon phrase that starts at a token of `text` — as written, or with an attached
    /// proclitic left out — with what the lexicons say about it: what the rules read.
    package func lexiconMatches(in text: String) throws -> [LexiconMatch] {
        try scanning(text) { scan in
            scan.findHits()
            return scan.tokens.indices.flatMap { index in
                scan.hitStore[scan.hitStarts[index]..<scan.hitStarts[index + 1]].map { hit in
                    LexiconMatch(token: index, length: hit.length, strip: hit.strip, entries: scan.table.values(of: hit.phrase))
                }
            }
        }.result
    }

    /// Normalizes and tokenizes `text` and hands `body` the scan over it.
    private func scanning<R>(_ text: String, _ body: (inout EntityScan) -> R) throws -> (
        result: R, tokens: [ScanToken], normalized: [UInt8]
    ) {
        var original = text
        let outcome: Result<(R, [ScanToken], [UInt8]), ICUError> = original.withUTF8 { originalBytes in
            Result { () throws(ICUError) in
                // Normalize into an array's storage, not a String: the scan needs bytes and the map.
                let capacity = originalBytes.count * Normalizer.maximumGrowthFactor + 16
                var offsets = OffsetMap.identity(length: 0)
                let normalizedArray = [UInt8](unsafeUninitializedCapacity: capacity) { scratch, initialized in
                    // A String's bytes are valid UTF-8 and the buffer fits any expansion.
                    guard let (count, map) = try? tokenizer.normalizer.normalizeWithOffsets(utf8: originalBytes, into: scratch)
                    else { preconditionFailure("normalizing valid UTF-8 into a buffer of the largest growth cannot fail") }
                    offsets = map
                    initialized = count
                }
                return try normalizedArray.withUnsafeBufferPointer { (normalized) throws(ICUError) in
                    // The tokenizer hashes the words as it reads them: the scan needs no pass of its own.
                    let tokens = try tokenizer.scanTokens(inNormalized: normalized, offsets: offsets)
                    var scan = EntityScan(
                        original: text, offsets: offsets, tokens: tokens, bytes: normalized, originalBytes: originalBytes,
                        table: gazetteer.table)
                    return (body(&scan), tokens, normalizedArray)
                }
            }
        }
        return try outcome.get()
    }

    /// The entities of a text already normalized and tokenized by ``tokenizer``.
    public func entities(in text: NormalizedText, tokens: [Token]) -> [Entity] {
        var normalized = text.text
        var original = text.original
        return normalized.withUTF8 { normalizedBytes in
            let scanTokens = tokens.map { token in
                let (hash, rest) = TokenHash.hashes(
                    of: UnsafeBufferPointer(rebasing: normalizedBytes[token.normalizedRange]), andWithout: 2)
                return ScanToken(
                    kind: token.kind, range: token.range, normalizedRange: token.normalizedRange, hash: hash, restHash: rest)
            }
            return original.withUTF8 { originalBytes in
                scan(
                    original: text.original, offsets: text.offsets, tokens: scanTokens, normalized: normalizedBytes,
                    originalBytes: originalBytes)
            }
        }
    }

    private func scan(
        original: String, offsets: OffsetMap, tokens: [ScanToken], normalized: UnsafeBufferPointer<UInt8>,
        originalBytes: UnsafeBufferPointer<UInt8>
    ) -> [Entity] {
        var scan = EntityScan(
            original: original, offsets: offsets, tokens: tokens, bytes: normalized, originalBytes: originalBytes,
            table: gazetteer.table)
        return scan.run()
    }
}

/// A lexicon phrase that starts at a token, as the entity rules see it.
package struct LexiconMatch: Sendable {
    /// The token it starts at.
    package var token: Int
    /// How many tokens it covers.
    package var length: Int
    /// Bytes of the first token's normalized form left out (an attached proclitic).
    package var strip: Int
    /// What the lexicons say about the phrase.
    package var entries: [LexiconEntry]
}

/// One lexicon match starting at a token.
struct Hit {
    /// Tokens covered.
    var length: Int
    /// Bytes of the first token's normalized form left out (an attached proclitic).
    var strip: Int
    /// The phrase in the gazetteer's table, for its entries.
    var phrase: Int
    /// What the phrase's entries can be.
    var flags: LexiconFlags
}

/// A mention before overlaps are resolved.
struct Candidate {
    var start: Int
    var end: Int
    var strip: Int
    var type: EntityType
    var subtype: String?
    var id: String?
    var source: String
    /// Among candidates of equal length, the higher wins.
    var priority: Int
}

/// The working state of one recognition.
struct EntityScan {
    /// The text as given, and the map from the normalized bytes back to it.
    let original: String
    let offsets: OffsetMap
    let tokens: [ScanToken]
    /// The normalized and the original text's UTF-8.
    let bytes: UnsafeBufferPointer<UInt8>
    let originalBytes: UnsafeBufferPointer<UInt8>
    let table: PhraseTable<LexiconEntry>
    /// Lexicon matches, shortest first within a token; those starting at token i are
    /// `hitStore[hitStarts[i]..<hitStarts[i + 1]]`.
    var hitStore: [Hit] = []
    var hitStarts: [Int] = []
    /// What each token's hits can be, as `LexiconFlags` bits: at `2 * i` those of the hits
    /// at token i without a stripped clitic, at `2 * i + 1` of all of them.
    var hitFlags: [UInt64] = []
    var candidates: [Candidate] = []
    /// Where the longest organization starting at a token ends (for a role: باسم + organization).
    var organizationEnds: [Int: Int] = [:]

    init(
        original: String, offsets: OffsetMap, tokens: [ScanToken], bytes: UnsafeBufferPointer<UInt8>,
        originalBytes: UnsafeBufferPointer<UInt8>, table: PhraseTable<LexiconEntry>
    ) {
        self.original = original
        self.offsets = offsets
        self.tokens = tokens
        self.bytes = bytes
        self.originalBytes = originalBytes
        self.table = table
    }

    /// The normalized form of a token is `word`.
    func normalized(_ index: Int, is word: [UInt8]) -> Bool { tokenBytes(index).elementsEqual(word) }

    func normalized(_ index: Int, hasPrefix prefix: [UInt8]) -> Bool { tokenBytes(index).starts(with: prefix) }

    func normalized(_ index: Int, hasSuffix suffix: [UInt8]) -> Bool {
        let token = tokenBytes(index)
        return token.count >= suffix.count && token[(token.count - suffix.count)...].elementsEqual(suffix)
    }

    /// The token as printed ends with `suffix`.
    func printed(_ index: Int, hasSuffix suffix: [UInt8]) -> Bool {
        let range = tokens[index].range
        return range.count >= suffix.count
            && originalBytes[(range.upperBound - suffix.count)..<range.upperBound].elementsEqual(suffix)
    }

    /// The number of letters (scalars) of a token's normalized form.
    func letterCount(_ index: Int) -> Int { tokenBytes(index).reduce(0) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) } }

    /// The value of a number token in ASCII digits.
    func integer(_ index: Int) -> Int? {
        let token = tokenBytes(index)
        guard !token.isEmpty, token.count <= 9, token.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
        return token.reduce(0) { $0 * 10 + Int($1 - 0x30) }
    }

    func tokenBytes(_ index: Int, dropping strip: Int = 0) -> UnsafeBufferPointer<UInt8> {
        let range = tokens[index].normalizedRange
        return UnsafeBufferPointer(rebasing: bytes[(range.lowerBound + strip)..<range.upperBound])
    }

    /// Which proclitic a two-byte letter can be: و ف (conjunctions) or ب ل ك (prepositions).
    /// لل is handled apart (it stands for ل + ال).
    enum ProcliticKind { case none, conjunction, preposition }

    @inline(__always)
    static func procliticKind(_ lead: UInt8, _ second: UInt8) -> ProcliticKind {
        switch (lead, second) {
        case (0xD9, 0x88), (0xD9, 0x81): return .conjunction  // و ف
        case (0xD8, 0xA8), (0xD9, 0x84), (0xD9, 0x83): return .preposition  // ب ل ك
        default: return .none
        }
    }

    static let article = Array("ال".utf8)
    static let articleHash = article.withUnsafeBufferPointer { TokenHash($0) }

    /// Every rule over the scan, then the mentions resolved.
    mutating func run() -> [Entity] {
        findHits()
        // Each rule reads the scan and adds its mentions; the people rules also see the
        // organizations found before them (باسم وزارة الخارجية …), and the later mentions
        // the people.
        var found: [Candidate] = []
        found.reserveCapacity(tokens.count / 8 + 16)
        dates(into: &found)
        organizations(into: &found)
        names(into: &found)
        for index in found.indices where found[index].type == .organization {
            let (start, end) = (found[index].start, found[index].end)
            organizationEnds[start] = max(organizationEnds[start] ?? 0, end)
        }
        people(into: &found)
        candidates = found
        candidates += laterMentionsOfPeople()
        return resolve()
    }

    mutating func findHits() {
        let (tokens, bytes, table) = (self.tokens, self.bytes, self.table)
        /// The flags of the hits it adds.
        func collect(_ first: UnsafeBufferPointer<UInt8>, hash: TokenHash, strip: Int, at index: Int, into store: inout [Hit])
            -> UInt64
        {
            // Most tokens start no phrase: ruled out before any lookup is set up.
            guard table.mayStartPhrase(hash) else { return 0 }
            return Self.collect(
                first, hash: hash, strip: strip, at: index, tokens: tokens, bytes: bytes, table: table,
                into: &store)
        }
        var store: [Hit] = []
        store.reserveCapacity(tokens.count)
        var restored: [UInt8] = []
        restored.reserveCapacity(64)
        // Where each token's hits start in the store, and what its hits can be, as written
        // (plain) and with a clitic left out too, written straight into the arrays' storage.
        hitStarts = [Int](unsafeUninitializedCapacity: tokens.count + 1) { starts, startsInitialized in
            hitFlags = [UInt64](unsafeUninitializedCapacity: tokens.count * 2) { flags, initialized in
                // Every pair of flags is written below (not zeroed first: a pass less over memory).
                initialized = flags.count
                for index in tokens.indices {
                    starts[index] = store.count
                    let token = tokens[index]
                    guard token.kind.isWord || token.kind == .number else {
                        flags[2 &* index] = 0
                        flags[2 &* index &+ 1] = 0
                        continue
                    }
                    let whole = UnsafeBufferPointer(rebasing: bytes[token.normalizedRange])
                    var plain = collect(whole, hash: token.hash, strip: 0, at: index, into: &store)
                    guard token.kind == .arabicWord, whole.count >= 6 else {
                        flags[2 &* index] = plain
                        flags[2 &* index &+ 1] = plain
                        continue
                    }
                    var all: UInt64 = 0
                    // Attached proclitics: و ف then ب ل ك, each a two-byte letter (D9 88, D9 81,
                    // D8 A8, D9 84, D9 83); the rest must keep two letters.
                    let first = Self.procliticKind(whole[0], whole[1])
                    if first != .none {
                        let rest = UnsafeBufferPointer(rebasing: whole[2...])
                        all |= collect(rest, hash: token.restHash, strip: 2, at: index, into: &store)
                        if first == .conjunction, whole.count >= 8, Self.procliticKind(whole[2], whole[3]) == .preposition {
                            let rest = UnsafeBufferPointer(rebasing: whole[4...])
                            all |= collect(rest, hash: TokenHash(rest), strip: 4, at: index, into: &store)
                        }
                    }
                    plain |= Self.collectWithArticle(
                        whole, conjunction: 0, at: index, tokens: tokens, bytes: bytes, table: table, restored: &restored,
                        into: &store)
                    if first == .conjunction {
                        all |= Self.collectWithArticle(
                            whole, conjunction: 2, at: index, tokens: tokens, bytes: bytes, table: table, restored: &restored,
                            into: &store)
                    }
                    flags[2 &* index] = plain
                    flags[2 &* index &+ 1] = all | plain
                }
            }
            starts[tokens.count] = store.count
            startsInitialized = tokens.count + 1
        }
        hitStore = store
    }

    /// Adds the hits of the token at `index` with ال put back after `conjunction` bytes (0, or
    /// 2 for a و or ف before it), and returns the union of their flags: لليابان = ل + اليابان;
    /// وللخارجية = و + ل + الخارجية. `restored` is scratch space for the bytes. Static, with
    /// everything passed in, like ``collect(_:hash:strip:at:tokens:bytes:table:into:)``.
    @inline(__always)
    private static func collectWithArticle(
        _ whole: UnsafeBufferPointer<UInt8>, conjunction: Int, at index: Int, tokens: [ScanToken],
        bytes: UnsafeBufferPointer<UInt8>, table: PhraseTable<LexiconEntry>, restored: inout [UInt8], into store: inout [Hit]
    ) -> UInt64 {
        let afterConjunction = UnsafeBufferPointer(rebasing: whole[conjunction...])
        guard afterConjunction.count >= 8, afterConjunction[0] == 0xD9, afterConjunction[1] == 0x84,
            afterConjunction[2] == 0xD9, afterConjunction[3] == 0x84
        else { return 0 }
        // The hash first: the bytes are put together only for a token that may start a phrase.
        let hash = articleHash.adding(UnsafeBufferPointer(rebasing: afterConjunction[4...]))
        guard table.mayStartPhrase(hash) else { return 0 }
        restored.removeAll(keepingCapacity: true)
        restored += article
        restored += afterConjunction[4...]
        return restored.withUnsafeBufferPointer {
            collect($0, hash: hash, strip: conjunction, at: index, tokens: tokens, bytes: bytes, table: table, into: &store)
        }
    }

    /// Adds the phrases that start with `first` (the token at `index`, maybe without a
    /// clitic) and go on with the tokens after it, and returns the union of their flags. The
    /// closures are passed straight to the table, so that none is allocated.
    ///
    /// Everything is passed in: a method called from the mutating `findHits` would get a
    /// copy of the whole scan.
    private static func collect(
        _ first: UnsafeBufferPointer<UInt8>, hash: TokenHash, strip: Int, at index: Int, tokens: [ScanToken],
        bytes: UnsafeBufferPointer<UInt8>, table: PhraseTable<LexiconEntry>, into store: inout [Hit]
    ) -> UInt64 {
        var found: UInt64 = 0
        table.forEachMatch(
            first: (hash, first),
            rest: { offset in
                let next = index + 1 + offset
                guard next < tokens.count else { return nil }
                return (tokens[next].hash, UnsafeBufferPointer(rebasing: bytes[tokens[next].normalizedRange]))
            },
            { length, phrase, summary in
                store.append(Hit(length: length, strip: strip, phrase: phrase, flags: LexiconFlags(rawValue: summary)))
                found |= summary
            })
        return found
    }

    /// The longest hit at `index` whose phrase can be any of `flags`; one with a stripped
    /// clitic only if `allowsStrip`.
    @inline(__always)
    func longestHit(at index: Int, strip allowsStrip: Bool = false, _ flags: LexiconFlags) -> Hit? {
        // Most tokens have no hit of the kind asked for: one load rules them out.
        guard index < tokens.count, hitFlags[2 * index + (allowsStrip ? 1 : 0)] & flags.rawValue != 0 else { return nil }
        var best: Hit?
        for position in hitStarts[index]..<hitStarts[index + 1] {
            let hit = hitStore[position]
            guard hit.flags.rawValue & flags.rawValue != 0, allowsStrip || hit.strip == 0 else { continue }
            if best == nil || hit.length > best!.length { best = hit }
        }
        return best
    }

    /// Whether any hit at `index` (without stripping) can be one of `flags`.
    func hasHit(at index: Int, _ flags: LexiconFlags) -> Bool { longestHit(at: index, flags) != nil }

    /// The first entry of a hit's phrase that satisfies `condition`.
    func entry(of hit: Hit, where condition: (LexiconEntry) -> Bool) -> LexiconEntry? {
        table.values(of: hit.phrase).first(where: condition)
    }

    /// Picks non-overlapping mentions, longest first, and maps them to the original text.
    func resolve() -> [Entity] {
        // Longest first, then the higher priority, then the earlier start, then the order
        // the rules gave: one integer key per candidate, sorted without moving candidates.
        var order = candidates.indices.map { index in
            let candidate = candidates[index]
            let length = UInt64(min(candidate.end - candidate.start, 0xFFFF))
            let priority = UInt64(min(max(candidate.priority, 0), 0xFF))
            return (
                key: (0xFFFF - length) << 48 | (0xFF - priority) << 40 | UInt64(min(candidate.start, 1 << 40 - 1)), index: index
            )
        }
        order.sort { $0 < $1 }
        // Per token: -1 free, -2 inside a mention, or the candidate whose mention starts there;
        // the accepted mentions are then read in text order without sorting them.
        var owner = [Int](repeating: -1, count: tokens.count)
        for (_, index) in order {
            let (start, end) = (candidates[index].start, candidates[index].end)
            assert(end > start, "an empty mention from \(candidates[index].source)")
            guard !(start..<end).contains(where: { owner[$0] != -1 }) else { continue }
            for token in start..<end { owner[token] = -2 }
            owner[start] = index
        }
        let accepted = owner.filter { $0 >= 0 }
        var mapper = offsets.cursor()
        return accepted.map { index in
            let start = tokens[candidates[index].start].normalizedRange.lowerBound + candidates[index].strip
            let end = tokens[candidates[index].end - 1].normalizedRange.upperBound
            let range = mapper.originalRange(of: start..<end)
            return Entity(
                type: candidates[index].type, subtype: candidates[index].subtype, range: range,
                text: String(decoding: UnsafeBufferPointer(rebasing: originalBytes[range]), as: UTF8.self),
                id: candidates[index].id, source: candidates[index].source)
        }
    }
}
