public import ArabicText

/// What the library finds in one text — its entities, quotations and the clitic readings
/// of its words — in a form made for testing rules: ``has(_:)`` says whether a
/// ``Finding`` is there, and the description shows the text and everything found, with
/// offsets, so that a failed `#expect` says why.
///
/// ```swift
/// let found = analysis(of: "وقال بوتين إن روسيا ستواصل دعمها.")
/// #expect(found.has(.quote(.indirect, speaker: "بوتين")))
/// print(found)
/// // sentence: وقال بوتين إن روسيا ستواصل دعمها.
/// // found:    [5-10] entity PERSON "بوتين" source=People.tsv:4
/// //           …
/// ```
///
/// Offsets are Unicode scalar offsets into the text, half-open, as in the JSON output.
public struct RuleAnalysis: Sendable, CustomStringConvertible {
    /// The text analyzed.
    public let text: String
    /// Its entities, in order.
    public let entities: [Entity]
    /// Its quotations, in order.
    public let quotations: [Quotation]
    /// Its tokens.
    public let tokens: [Token]
    /// Why the text could not be analyzed (a lexicon or ICU error), or `nil`.
    public let error: String?
    private(set) var clitics: CliticAnalyzer?

    init(text: String, analyzer: RuleAnalyzer) {
        let outcome = Result {
            (try analyzer.finder.analyze(text), try analyzer.finder.recognizer.tokenizer.tokens(in: text))
        }
        switch outcome {
        case .success(let (analysis, tokens)):
            self.init(text: text, entities: analysis.entities, quotations: analysis.quotations, tokens: tokens, error: nil)
        case .failure(let error):
            self.init(text: text, entities: [], quotations: [], tokens: [], error: "\(error)")
        }
        self.clitics = analyzer.clitics
    }

    private init(text: String, entities: [Entity], quotations: [Quotation], tokens: [Token], error: String?) {
        self.text = text
        self.entities = entities
        self.quotations = quotations
        self.tokens = tokens
        self.error = error
        self.clitics = nil
    }

    /// An analysis that could not be made.
    init(text: String, error: String) { self.init(text: text, entities: [], quotations: [], tokens: [], error: error) }

    /// Whether the text has what `finding` describes.
    public func has(_ finding: Finding) -> Bool { check(finding).isFound }

    /// The clitic readings of a word (as printed or normalized), most plausible first, each as
    /// proclitics, stem and enclitic joined by `+`: `["و+ب+ال+خارجيه", "و+بالخارجيه", …]`.
    public func readings(of word: String) -> [String] {
        guard let clitics else { return [] }
        let normalized = clitics.normalizer.normalizedString(word)
        return clitics.analyses(of: normalized).map { analysis in
            (analysis.proclitics.map(\.rawValue) + [String(analysis.stem)] + (analysis.enclitic.map { [$0.rawValue] } ?? []))
                .joined(separator: "+")
        }
    }

    /// What a finding is checked against: whether it is there, the things of its kind
    /// found in the text, those that match it, and a note when the finding cannot apply.
    struct Check {
        var isFound: Bool
        var candidates: [String]
        var matching: [String]
        var note: String?
    }

    func check(_ finding: Finding) -> Check {
        switch finding.subject {
        case .entity:
            let matching = entities.filter { finding.matches($0) }
            return Check(isFound: !matching.isEmpty, candidates: entities.map(describe), matching: matching.map(describe))
        case .quote:
            let matching = quotations.filter { finding.matches($0, in: text) }
            return Check(isFound: !matching.isEmpty, candidates: quotations.map(describe), matching: matching.map(describe))
        case .reading(let word, let reading):
            let readings = readings(of: word)
            let line = "readings of \(word): " + (readings.isEmpty ? "none" : readings.joined(separator: " | "))
            guard tokens.contains(where: { $0.text == word }) else {
                return Check(isFound: false, candidates: [], matching: [], note: "'\(word)' is not a word of the text")
            }
            return Check(
                isFound: readings.contains(reading), candidates: [line], matching: readings.contains(reading) ? [line] : [])
        case .entityCount(let count):
            return Check(isFound: entities.count == count, candidates: entities.map(describe), matching: entities.map(describe))
        case .quoteCount(let count):
            return Check(
                isFound: quotations.count == count, candidates: quotations.map(describe), matching: quotations.map(describe))
        }
    }

    /// The scalar offsets of a UTF-8 range of the text: `[7-23]`.
    func offsets(_ range: Range<Int>) -> String {
        let utf8 = text.utf8
        func scalar(_ offset: Int) -> Int {
            let index = utf8.index(utf8.startIndex, offsetBy: min(offset, utf8.count))
            return text.unicodeScalars[..<index].count
        }
        return "[\(scalar(range.lowerBound))-\(scalar(range.upperBound))]"
    }

    /// An entity as a rule file would assert it, after its offsets.
    public func describe(_ entity: Entity) -> String {
        let finding = Finding.entity(
            entity.type, .equals(entity.text), subtype: entity.subtype.map(TextMatch.equals) ?? .any,
            id: entity.id.map(TextMatch.equals) ?? .any, source: .equals(entity.source))
        return offsets(entity.range) + " " + finding.description
    }

    /// A quotation as a rule file would assert it, after its offsets; a long text is cut to
    /// its start (`^=`).
    public func describe(_ quotation: Quotation) -> String {
        let text =
            quotation.text.count <= 60 ? TextMatch.equals(quotation.text) : .prefix(String(quotation.text.prefix(50)))
        let speaker: TextMatch = quotation.speaker?.text.map(TextMatch.equals) ?? .absent
        let finding = Finding.quote(
            quotation.kind, text, speaker: speaker, resolved: quotation.speaker?.resolved.map(TextMatch.equals) ?? .any,
            cue: quotation.cue.map { .equals($0.text) } ?? .absent, lemma: quotation.cue.map { .equals($0.lemma) } ?? .any,
            source: quotation.source?.text.map(TextMatch.equals) ?? .any, rule: .equals(quotation.rule))
        return offsets(quotation.range) + " " + finding.description
    }

    /// Spans that do not read back their own text (a bug in the library, never in a rule).
    var spanProblems: [String] {
        var problems: [String] = []
        func check(_ range: Range<Int>?, _ printed: String?, _ what: String) {
            guard let range, let printed, range.upperBound <= text.utf8.count else { return }
            let slice = String(text.utf8Slice(range))
            if slice != printed { problems.append("\(what) \(offsets(range)) reads '\(slice)' in the text, not '\(printed)'") }
        }
        for entity in entities { check(entity.range, entity.text, "the entity") }
        for quote in quotations {
            check(quote.range, quote.text, "the quotation")
            check(quote.cue?.range, quote.cue?.text, "the cue")
            check(quote.speaker?.range, quote.speaker?.text, "the speaker")
            if let speaker = quote.speaker, (speaker.range == nil) != (speaker.text == nil) {
                problems.append("the speaker of \(offsets(quote.range)) has a text or a range, not both")
            }
            check(quote.source?.range, quote.source?.text, "the source")
        }
        return problems
    }

    /// The text and everything found in it, one thing a line.
    public var description: String {
        var lines = [
            RuleFailure.labelled("sentence", text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init))
        ]
        if let error {
            lines.append(RuleFailure.labelled("error", [error]))
        } else {
            let found = entities.map(describe) + quotations.map(describe)
            lines.append(RuleFailure.labelled("found", found.isEmpty ? ["nothing"] : found))
        }
        return lines.joined(separator: "\n")
    }
}

extension Finding {
    /// Whether an entity satisfies every condition of an entity finding.
    func matches(_ entity: Entity) -> Bool {
        guard case .entity(let type, let text, let subtype, let id, let source) = subject else { return false }
        return (type == nil || type == entity.type) && text.matches(entity.text) && subtype.matches(entity.subtype)
            && id.matches(entity.id) && source.matches(entity.source)
    }

    /// Whether a quotation of `sentence` satisfies every condition of a quotation finding.
    func matches(_ quotation: Quotation, in sentence: String) -> Bool {
        guard case .quote(let kind, let text, let speaker, let resolved, let cue, let lemma, let source, let rule) = subject
        else { return false }
        return (kind == nil || kind == quotation.kind) && text.matches(quotation.text)
            && speaker.matches(quotation.speaker?.text) && resolved.matches(quotation.speaker?.resolved)
            && (quotation.cue.map { cue.matches(anyOf: Self.printedForms(of: $0, in: sentence)) } ?? cue.matches(nil))
            && lemma.matches(quotation.cue?.lemma) && source.matches(quotation.source?.text) && rule.matches(quotation.rule)
    }

    /// The cue as printed, and with the و or ف attached before it in the text.
    static func printedForms(of cue: QuotationCue, in sentence: String) -> [String] {
        let conjunctionLength = "و".utf8.count
        guard cue.range.lowerBound >= conjunctionLength else { return [cue.text] }
        let utf8 = Array(sentence.utf8)
        guard cue.range.lowerBound <= utf8.count else { return [cue.text] }
        // Decoded from bytes: two bytes before the verb may start inside another letter.
        let before = String(decoding: utf8[(cue.range.lowerBound - conjunctionLength)..<cue.range.lowerBound], as: UTF8.self)
        return before == "و" || before == "ف" ? [cue.text, before + cue.text] : [cue.text]
    }
}
