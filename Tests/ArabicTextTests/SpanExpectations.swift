import ArabicText
import Testing

/// Whether UTF-8 `offset` of `text` falls on a scalar boundary.
func isScalarBoundary(_ offset: Int, in text: String) -> Bool {
    let utf8 = text.utf8
    guard offset >= 0, offset <= utf8.count else { return false }
    return offset == utf8.count || utf8[utf8.index(utf8.startIndex, offsetBy: offset)] & 0xC0 != 0x80
}

/// Expects `range` inside `text`, on scalar boundaries, reading back `expected`.
func expectSpan(
    _ range: Range<Int>, in text: String, reads expected: some StringProtocol, _ what: String,
    sourceLocation: SourceLocation = #_sourceLocation
) {
    guard range.lowerBound >= 0, range.upperBound <= text.utf8.count,
        isScalarBoundary(range.lowerBound, in: text), isScalarBoundary(range.upperBound, in: text)
    else {
        Issue.record("\(what) \(range) is not a span of the text (\(text.utf8.count) bytes)", sourceLocation: sourceLocation)
        return
    }
    #expect(String(text.utf8Slice(range)) == String(expected), "\(what) \(range)", sourceLocation: sourceLocation)
}

/// Every annotation of `document`: inside the text, reading back its own text; tokens,
/// sentences and sections in order without overlap (tokens may share one character that
/// expands into several words, ﷺ → صلى الله عليه وسلم). Returns the number of problems.
@discardableResult
func expectSpansReadBack(_ document: Document, sourceLocation: SourceLocation = #_sourceLocation) -> Int {
    var problems: [String] = []
    let text = document.text
    func span(_ range: Range<Int>, _ expected: some StringProtocol, _ what: String) {
        let ok =
            range.lowerBound >= 0 && range.upperBound <= text.utf8.count && isScalarBoundary(range.lowerBound, in: text)
            && isScalarBoundary(range.upperBound, in: text) && text.utf8Slice(range) == expected
        if !ok { problems.append("\(what) \(range) does not read back \"\(expected)\"") }
    }
    func ordered(_ ranges: [Range<Int>], _ what: String) {
        for (previous, next) in zip(ranges, ranges.dropFirst()) where next.lowerBound < previous.upperBound {
            problems.append("\(what) \(next) starts inside \(previous)")
        }
    }
    var previousToken = 0..<0
    for token in document.tokens {
        span(token.range, token.text, "token")
        if let normalized = document.normalized {
            let ok =
                token.normalizedRange.upperBound <= normalized.text.utf8.count
                && normalized.text.utf8Slice(token.normalizedRange) == token.normalized
            if !ok {
                problems.append(
                    "token \(token.normalizedRange) does not read back \"\(token.normalized)\" in the normalized text")
            }
        }
        if token.range.isEmpty { problems.append("an empty token at \(token.range)") }
        if token.range.lowerBound < previousToken.upperBound {
            // Only tokens of one expanded character may share it.
            let shared = text.utf8Slice(token.range.lowerBound..<previousToken.upperBound).unicodeScalars
            if !(shared.count == 1 && (0xFB50...0xFEFF).contains(shared.first!.value)) {
                problems.append("token \(token.range) overlaps \(previousToken)")
            }
        }
        previousToken = token.range
    }
    ordered(document.sentences.map(\.range), "sentence")
    for sentence in document.sentences { span(sentence.range, sentence.text, "sentence") }
    for entity in document.entities { span(entity.range, entity.text, "\(entity.type) entity") }
    for quote in document.quotations {
        span(quote.range, quote.text, "\(quote.kind) quotation")
        if let cue = quote.cue { span(cue.range, cue.text, "cue") }
        for person in [quote.speaker, quote.source].compactMap({ $0 }) {
            if let range = person.range { span(range, person.text ?? "", "speaker") }
            if let entity = person.entity, !document.entities.indices.contains(entity) {
                problems.append("a speaker's entity \(entity) is not an entity")
            }
        }
    }
    if let structure = document.structure {
        ordered(structure.sections.map(\.range), "section")
        for section in structure.sections where section.range.upperBound > text.utf8.count || section.range.isEmpty {
            problems.append("section \(section.range) outside the text or empty")
        }
        for part in structure.sources + structure.keywords + structure.relatedHeadings + structure.datelines + structure.footers {
            span(part.range, part.text, "structure span")
        }
    }
    for problem in problems.prefix(5) { Issue.record("\(problem)", sourceLocation: sourceLocation) }
    return problems.count
}
