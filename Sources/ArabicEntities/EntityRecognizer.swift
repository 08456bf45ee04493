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
    public func entities(in text: String) throws -> [Entity] {
        let normalized = tokenizer.normalizer.normalize(text)
        return entities(in: normalized, tokens: try tokenizer.tokens(in: normalized))
    }

    /// The entities of a text already normalized and tokenized by ``tokenizer``.
    public func entities(in text: NormalizedText, tokens: [Token]) -> [Entity] {
        var bytes = Array(text.text.utf8)
        return bytes.withUnsafeMutableBufferPointer { buffer in
            var scan = EntityScan(text: text, tokens: tokens, bytes: UnsafeBufferPointer(buffer), table: gazetteer.table)
            scan.findHits()
            scan.findDates()
            scan.findOrganizations()
            scan.findNames()
            scan.findPeople()
            return scan.resolve()
        }
    }
}

/// One lexicon match starting at a token.
struct Hit {
    /// Tokens covered.
    var length: Int
    /// Bytes of the first token's normalized form left out (an attached proclitic).
    var strip: Int
    var entries: [LexiconEntry]
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
    let text: NormalizedText
    let tokens: [Token]
    let bytes: UnsafeBufferPointer<UInt8>
    let table: PhraseTable<LexiconEntry>
    var hashes: [TokenHash] = []
    /// Lexicon matches starting at each token, shortest first.
    var hits: [[Hit]] = []
    var candidates: [Candidate] = []

    init(text: NormalizedText, tokens: [Token], bytes: UnsafeBufferPointer<UInt8>, table: PhraseTable<LexiconEntry>) {
        self.text = text
        self.tokens = tokens
        self.bytes = bytes
        self.table = table
    }

    func tokenBytes(_ index: Int, dropping strip: Int = 0) -> UnsafeBufferPointer<UInt8> {
        let range = tokens[index].normalizedRange
        return UnsafeBufferPointer(rebasing: bytes[(range.lowerBound + strip)..<range.upperBound])
    }

    /// The proclitics that may be attached to a name, as normalized bytes: the longest
    /// combinations first. لل is handled apart (it stands for ل + ال).
    static let proclitics: [[UInt8]] = ["وب", "ول", "وك", "فب", "فل", "و", "ف", "ب", "ل", "ك"].map { Array($0.utf8) }
    static let lamLam = Array("لل".utf8)
    static let article = Array("ال".utf8)
    static let wa = Array("و".utf8), fa = Array("ف".utf8)

    mutating func findHits() {
        hashes = tokens.indices.map { TokenHash(tokenBytes($0)) }
        hits = tokens.indices.map { hitsStarting(at: $0) }
    }

    private func hitsStarting(at index: Int) -> [Hit] {
        let token = tokens[index]
        guard token.kind.isWord || token.kind == .number else { return [] }
        let rest: (Int) -> (hash: TokenHash, bytes: UnsafeBufferPointer<UInt8>)? = { offset in
            let next = index + 1 + offset
            guard next < tokens.count else { return nil }
            return (hashes[next], tokenBytes(next))
        }
        let whole = tokenBytes(index)
        var found: [Hit] = table.matches(first: (hashes[index], whole), rest: rest).map {
            Hit(length: $0.length, strip: 0, entries: $0.values)
        }
        guard token.kind == .arabicWord else { return found }
        for clitic in Self.proclitics where whole.count >= clitic.count + 4 && whole.starts(with: clitic) {
            let stripped = tokenBytes(index, dropping: clitic.count)
            found += table.matches(first: (TokenHash(stripped), stripped), rest: rest).map {
                Hit(length: $0.length, strip: clitic.count, entries: $0.values)
            }
        }
        // لليابان = ل + اليابان; وللخارجية = و + ل + الخارجية: match with ال put back.
        for conjunction in [0, 2] where whole.count >= conjunction + Self.lamLam.count + 4 {
            if conjunction == 2 && !(whole.starts(with: Self.wa) || whole.starts(with: Self.fa)) { continue }
            let afterConjunction = UnsafeBufferPointer(rebasing: whole[conjunction...])
            guard afterConjunction.starts(with: Self.lamLam) else { continue }
            var restored = Self.article
            restored += afterConjunction[Self.lamLam.count...]
            restored.withUnsafeBufferPointer { restoredBytes in
                found += table.matches(first: (TokenHash(restoredBytes), restoredBytes), rest: rest).map {
                    Hit(length: $0.length, strip: conjunction, entries: $0.values)
                }
            }
        }
        return found
    }

    /// The hits at `index` whose entries satisfy `condition`, with the matching entry.
    func hits(at index: Int, strip allowsStrip: Bool = true, where condition: (LexiconEntry) -> Bool) -> [(hit: Hit, entry: LexiconEntry)] {
        guard index < hits.count else { return [] }
        var result: [(hit: Hit, entry: LexiconEntry)] = []
        for hit in hits[index] where allowsStrip || hit.strip == 0 {
            for entry in hit.entries where condition(entry) { result.append((hit, entry)) }
        }
        return result
    }

    /// The longest hit at `index` (without a stripped clitic unless allowed) satisfying `condition`.
    func longestHit(at index: Int, strip allowsStrip: Bool = false, where condition: (LexiconEntry) -> Bool) -> (hit: Hit, entry: LexiconEntry)? {
        hits(at: index, strip: allowsStrip, where: condition).max { $0.hit.length < $1.hit.length }
    }

    /// Picks non-overlapping mentions, longest first, and maps them to the original text.
    func resolve() -> [Entity] {
        let ordered = candidates.sorted { a, b in
            let (la, lb) = (a.end - a.start, b.end - b.start)
            if la != lb { return la > lb }
            if a.priority != b.priority { return a.priority > b.priority }
            return a.start < b.start
        }
        var taken = Array(repeating: false, count: tokens.count)
        var accepted: [Candidate] = []
        for candidate in ordered where !(candidate.start..<candidate.end).contains(where: { taken[$0] }) {
            assert(candidate.end > candidate.start, "an empty mention from \(candidate.source)")
            for index in candidate.start..<candidate.end { taken[index] = true }
            accepted.append(candidate)
        }
        return accepted.sorted { $0.start < $1.start }.map { candidate in
            let start = tokens[candidate.start].normalizedRange.lowerBound + candidate.strip
            let end = tokens[candidate.end - 1].normalizedRange.upperBound
            let range = text.originalRange(ofNormalized: start..<end)
            return Entity(
                type: candidate.type, subtype: candidate.subtype, range: range, text: String(text.original.utf8Slice(range)),
                id: candidate.id, source: candidate.source)
        }
    }
}

extension LexiconEntry {
    var isNisba: Bool { if case .nisba = category { true } else { false } }
    var isFeminineSingularNisba: Bool { if case .nisba(feminine: true, plural: false) = category { true } else { false } }
    var isMinistryField: Bool { category == .ministryField }
    func isBodyWord(_ kind: String) -> Bool { category == .bodyWord(kind) }
    var isTitle: Bool { if case .title = category { true } else { false } }
    var isGivenName: Bool { if case .givenName = category { true } else { false } }
    var isNameParticle: Bool { if case .nameParticle = category { true } else { false } }
    var isNameStop: Bool { category == .nameStop }
    func isDateWord(_ kind: String) -> Bool { if case .dateWord(kind, _) = category { true } else { false } }
    var entityType: EntityType? { if case .name(let type) = category { type } else { nil } }
}
