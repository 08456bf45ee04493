public import ArabicText

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The invariants the harnesses check on every input. A broken one prints what broke and
/// aborts, which libFuzzer reports as a crash and saves the input as `crash-…`.
public enum Invariants {
    /// Stops the run when `condition` is false, naming the invariant.
    @inline(__always)
    public static func require(_ condition: Bool, _ message: @autoclosure () -> String) {
        guard !condition else { return }
        let line = "invariant broken: \(message())\n"
        _ = line.utf8CString.withUnsafeBufferPointer { write(2, $0.baseAddress!, $0.count - 1) }
        abort()
    }

    /// The input as a string, when it is valid UTF-8 (the library's string APIs take only
    /// strings, which are valid by construction).
    public static func text(_ data: UnsafePointer<UInt8>, _ size: Int) -> String? {
        String(validating: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    }

    /// Whether UTF-8 `offset` of `text` is at the start of a scalar (or at the end).
    public static func isScalarBoundary(_ offset: Int, in utf8: String.UTF8View) -> Bool {
        guard offset >= 0, offset <= utf8.count else { return false }
        if offset == utf8.count { return true }
        return utf8[utf8.index(utf8.startIndex, offsetBy: offset)] & 0xC0 != 0x80
    }

    /// A UTF-8 range lies inside `text`, on scalar boundaries, and reads back `expected`.
    public static func requireSpan(_ range: Range<Int>, in text: String, reads expected: some StringProtocol, _ what: String) {
        let utf8 = text.utf8
        require(range.lowerBound >= 0 && range.upperBound <= utf8.count, "\(what) \(range) outside 0..<\(utf8.count)")
        require(
            isScalarBoundary(range.lowerBound, in: utf8) && isScalarBoundary(range.upperBound, in: utf8),
            "\(what) \(range) cuts a scalar")
        let slice = text.utf8Slice(range)
        require(slice.utf8.elementsEqual(expected.utf8), "\(what) \(range) reads \"\(slice)\", not its text \"\(expected)\"")
    }

    /// Spans that are in order and do not overlap.
    public static func requireOrdered(_ ranges: [Range<Int>], _ what: String, allowEmpty: Bool = false) {
        var end = 0
        for range in ranges {
            require(allowEmpty || !range.isEmpty, "\(what): an empty span at \(range.lowerBound)")
            require(range.lowerBound >= end, "\(what): \(range) starts before the previous one ends (\(end))")
            end = range.upperBound
        }
    }

    /// `normalizer.normalize(text)`: the string door and the byte door agree, the result is
    /// a fixed point when `idempotent`, and the offset map is monotonic and maps scalar
    /// boundaries to scalar boundaries.
    public static func checkNormalization(_ text: String, _ normalizer: Normalizer, idempotent: Bool) {
        let result = normalizer.normalize(text)
        let name = normalizer.options.names.joined(separator: ",")
        require(result.original == text, "[\(name)] normalize changed its original")
        require(normalizer.normalizedString(text) == result.text, "[\(name)] normalizedString differs from normalize().text")
        if idempotent {
            let again = normalizer.normalizedString(result.text)
            require(again == result.text, "[\(name)] not idempotent: \(Array(result.text.unicodeScalars)) → \(Array(again.unicodeScalars))")
        }
        // The byte door, which the command-line tool streams through.
        let input = Array(text.utf8)
        var output = [UInt8](repeating: 0, count: input.count * Normalizer.maximumGrowthFactor + 16)
        let streamed: (count: Int, offsets: OffsetMap)?
        do {
            streamed = try input.withUnsafeBufferPointer { source in
                try output.withUnsafeMutableBufferPointer { try normalizer.normalizeWithOffsets(utf8: source, into: $0) }
            }
        } catch {
            require(false, "[\(name)] the byte door calls valid UTF-8 invalid: \(error)")
            return
        }
        guard let streamed else { return require(false, "[\(name)] the byte door's output did not fit its promised size") }
        require(output[0..<streamed.count].elementsEqual(result.text.utf8), "[\(name)] the byte door's output differs")
        require(streamed.offsets == result.offsets, "[\(name)] the byte door's offset map differs")
        checkOffsetMap(result, name)
    }

    static func checkOffsetMap(_ result: NormalizedText, _ name: String) {
        let map = result.offsets
        let original = result.original.utf8, normalized = result.text.utf8
        require(map.originalLength == original.count, "[\(name)] originalLength \(map.originalLength) ≠ \(original.count)")
        require(map.normalizedLength == normalized.count, "[\(name)] normalizedLength \(map.normalizedLength) ≠ \(normalized.count)")
        require(map.originalStart(of: 0) >= 0, "[\(name)] offset 0 maps below 0")
        require(map.originalEnd(of: normalized.count) <= original.count, "[\(name)] the end maps past the original")
        var lastStart = 0, lastEnd = 0
        var cursor = map.cursor()
        var previous = 0
        for offset in 0...normalized.count where isScalarBoundary(offset, in: normalized) {
            let start = map.originalStart(of: offset), end = map.originalEnd(of: offset)
            require(start >= lastStart && end >= lastEnd, "[\(name)] the offset map goes back at normalized \(offset)")
            require(start <= original.count && end <= original.count, "[\(name)] normalized \(offset) maps past the original")
            require(
                isScalarBoundary(start, in: original) && isScalarBoundary(end, in: original),
                "[\(name)] normalized \(offset) maps inside an original scalar")
            if offset > 0 {
                let range = previous..<offset
                require(cursor.originalRange(of: range) == map.originalRange(of: range), "[\(name)] the cursor differs at \(range)")
            }
            lastStart = start
            lastEnd = end
            previous = offset
        }
    }

    /// Tokens in order, without overlap, inside the text, each reading back its own text;
    /// their normalized ranges likewise in the normalized text.
    public static func checkTokens(_ tokens: [Token], of text: NormalizedText) {
        // One character may expand into several words (ﷺ → صلى الله عليه وسلم); each of them
        // maps back to the whole character, so such tokens share it, and only it.
        var previous = 0..<0
        for token in tokens {
            require(!token.range.isEmpty, "an empty token at \(token.range)")
            if token.range.lowerBound < previous.upperBound {
                let shared = token.range.lowerBound..<previous.upperBound
                let scalars = text.original.utf8Slice(shared).unicodeScalars
                require(
                    token.range.lowerBound >= previous.lowerBound && token.range.upperBound >= previous.upperBound
                        && scalars.count == 1 && Self.expandsToWords(scalars.first!),
                    "tokens: \(token.range) overlaps \(previous) by more than one expanded character")
            }
            previous = token.range
        }
        requireOrdered(tokens.map(\.normalizedRange), "tokens (normalized)")
        for token in tokens {
            requireSpan(token.range, in: text.original, reads: token.text, "token")
            requireSpan(token.normalizedRange, in: text.text, reads: token.normalized, "token (normalized)")
        }
    }

    /// Every letter and decimal digit of the normalized text lies inside a token: between
    /// tokens there is only space, punctuation the tokenizer dropped, or invisible characters.
    public static func checkCoverage(_ tokens: [Token], of text: NormalizedText) {
        var next = 0
        var offset = 0
        for scalar in text.text.unicodeScalars {
            defer { offset += scalar.utf8.count }
            while next < tokens.count && tokens[next].normalizedRange.upperBound <= offset { next += 1 }
            switch scalar.properties.generalCategory {
            case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter, .decimalNumber: break
            default: continue
            }
            let inside = next < tokens.count && tokens[next].normalizedRange.contains(offset)
            require(inside, "U+\(String(scalar.value, radix: 16, uppercase: true)) at normalized \(offset) is in no token")
        }
    }

    /// A presentation form whose compatibility decomposition holds a space: ﷺ, ﷻ, ﷽, ﱞ.
    static func expandsToWords(_ scalar: Unicode.Scalar) -> Bool {
        guard (0xFB50...0xFEFF).contains(scalar.value) else { return false }
        return Normalizer([.compatibilityForms]).normalizedString(String(scalar)).utf8.contains(0x20)
    }

    /// Sentences in order, without overlap, trimmed, each reading back its own text.
    public static func checkSentences(_ sentences: [Sentence], of text: String) {
        requireOrdered(sentences.map(\.range), "sentences")
        for sentence in sentences {
            requireSpan(sentence.range, in: text, reads: sentence.text, "sentence")
            let first = sentence.text.utf8.first!, last = sentence.text.utf8.last!
            require(![0x20, 0x09, 0x0A, 0x0D].contains(first) && ![0x20, 0x09, 0x0A, 0x0D].contains(last), "a sentence is not trimmed")
        }
    }

    /// Entities in order, each reading back its text.
    public static func checkEntities(_ entities: [Entity], in text: String) {
        var last = 0
        for entity in entities {
            requireSpan(entity.range, in: text, reads: entity.text, "\(entity.type) entity")
            require(!entity.range.isEmpty, "an empty entity at \(entity.range)")
            require(entity.range.lowerBound >= last, "entities out of order at \(entity.range)")
            last = entity.range.lowerBound
        }
    }

    /// Quotations, their cues, speakers and sources inside the text, each reading back its text.
    public static func checkQuotations(_ quotations: [Quotation], entities: [Entity], in text: String) {
        for quote in quotations {
            requireSpan(quote.range, in: text, reads: quote.text, "\(quote.kind) quotation")
            if let cue = quote.cue { requireSpan(cue.range, in: text, reads: cue.text, "cue") }
            for (person, what) in [(quote.speaker, "speaker"), (quote.source, "source")] {
                guard let person else { continue }
                if let range = person.range {
                    requireSpan(range, in: text, reads: person.text ?? "", what)
                } else {
                    require(person.text == nil, "a \(what) with a text but no range")
                }
                if let entity = person.entity { require(entities.indices.contains(entity), "a \(what)'s entity \(entity) is not an entity") }
            }
        }
    }

    /// Sections in order and inside the text; every span reads back its text.
    public static func checkStructure(_ structure: ArticleStructure, in text: String) {
        requireOrdered(structure.sections.map(\.range), "sections")
        for section in structure.sections { requireSpan(section.range, in: text, reads: text.utf8Slice(section.range), "section") }
        for span in structure.sources + structure.keywords + structure.relatedHeadings + structure.datelines + structure.footers {
            requireSpan(span.range, in: text, reads: span.text, "structure span")
        }
    }

    /// Every check of a whole analysis.
    public static func checkDocument(_ document: Document) {
        let text = document.text
        if let normalized = document.normalized {
            checkTokens(document.tokens, of: normalized)
        }
        checkSentences(document.sentences, of: text)
        checkEntities(document.entities, in: text)
        checkQuotations(document.quotations, entities: document.entities, in: text)
        if let structure = document.structure { checkStructure(structure, in: text) }
    }
}
