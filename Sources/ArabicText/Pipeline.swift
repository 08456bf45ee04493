public import ArabicCore
public import ArabicEntities
public import ArabicQuotes

/// A text with what a ``Pipeline`` found in it. Every range is a UTF-8 offset range into
/// ``text``, the original as given.
///
/// ```swift
/// let document = try Pipeline().analyze(article)
/// for quote in document.quotations {
///     print(document.section(of: quote.range)?.kind ?? .body, quote.speaker?.text ?? "?", quote.text)
/// }
/// ```
public struct Document: Sendable {
    /// The text as it was given.
    public let text: String
    /// The normalized text and its map to ``text`` (with ``Pipeline/Annotators/normalization``).
    public internal(set) var normalized: NormalizedText?
    /// The tokens (with ``Pipeline/Annotators/tokens``), normalized with the pipeline's folds.
    public internal(set) var tokens: [Token] = []
    /// The sentences (with ``Pipeline/Annotators/sentences``).
    public internal(set) var sentences: [Sentence] = []
    /// The named entities, in order (with ``Pipeline/Annotators/entities``, which quotations
    /// and structure need too).
    public internal(set) var entities: [Entity] = []
    /// The quotations, in order (with ``Pipeline/Annotators/quotations``).
    public internal(set) var quotations: [Quotation] = []
    /// The parts of the page (with ``Pipeline/Annotators/structure``).
    public internal(set) var structure: ArticleStructure?

    /// A document with nothing found yet.
    public init(text: String) { self.text = text }

    /// The part of the page where `range` starts (body, headline, related list …), when the
    /// pipeline found the structure.
    public func section(of range: Range<Int>) -> Section? { structure?.section(containing: range.lowerBound) }

    /// The text at a UTF-8 range of ``text``.
    public func text(at range: Range<Int>) -> Substring {
        let utf8 = text.utf8
        return Substring(
            utf8[
                utf8.index(utf8.startIndex, offsetBy: range.lowerBound)..<utf8.index(utf8.startIndex, offsetBy: range.upperBound)]
        )
    }
}

/// Runs the annotators a configuration asks for over texts and returns ``Document``s.
///
/// A pipeline loads its lexicons once; it is `Sendable` and reusable, so one instance serves
/// every thread of a corpus run.
///
/// ```swift
/// let entitiesOnly = try Pipeline(.init(annotators: [.entities]))
/// let everything = try Pipeline()                       // entities, quotations, structure
/// let custom = try Pipeline(.init(annotators: .all, lexicons: ["my/Places.tsv"]))
/// ```
public struct Pipeline: Sendable {
    /// What a pipeline finds.
    public struct Annotators: OptionSet, Hashable, Sendable {
        /// The raw value.
        public let rawValue: Int
        /// A set from its raw value.
        public init(rawValue: Int) { self.rawValue = rawValue }

        /// ``Document/normalized``: the text with the configuration's folds, mapped back.
        public static let normalization = Annotators(rawValue: 1 << 0)
        /// ``Document/tokens``.
        public static let tokens = Annotators(rawValue: 1 << 1)
        /// ``Document/sentences``.
        public static let sentences = Annotators(rawValue: 1 << 2)
        /// ``Document/entities``.
        public static let entities = Annotators(rawValue: 1 << 3)
        /// ``Document/quotations`` (finds the entities too: speakers are entities).
        public static let quotations = Annotators(rawValue: 1 << 4)
        /// ``Document/structure`` (finds the entities too: datelines are made of them).
        public static let structure = Annotators(rawValue: 1 << 5)

        /// Entities, quotations and structure: what `arabic-text analyze` reports.
        public static let analysis: Annotators = [.entities, .quotations, .structure]
        /// Every annotator.
        public static let all: Annotators = [.normalization, .tokens, .sentences, .entities, .quotations, .structure]
    }

    /// How a pipeline is set up.
    public struct Configuration: Sendable {
        /// What to find.
        public var annotators: Annotators
        /// The folds of ``Document/normalized`` and of the tokens' normalized forms. Entities
        /// and quotations always match with the `NormalizationOptions.search` preset their
        /// lexicons are written for.
        public var normalization: NormalizationOptions
        /// Extra lexicon files, named like the bundled ones (`Places.tsv`, `CueVerbs.tsv` …):
        /// every line is checked, and errors name the file, line and column.
        public var lexicons: [String]
        /// Extra article-marker files (columns `marker`, `kind`), like `ArticleMarkers.tsv`.
        public var articleMarkers: [String]

        /// A configuration; by default what `arabic-text analyze` does.
        public init(
            annotators: Annotators = .analysis, normalization: NormalizationOptions = .search, lexicons: [String] = [],
            articleMarkers: [String] = []
        ) {
            self.annotators = annotators
            self.normalization = normalization
            self.lexicons = lexicons
            self.articleMarkers = articleMarkers
        }
    }

    /// The configuration the pipeline was made with.
    public let configuration: Configuration
    let tokenizer: Tokenizer?
    let splitter: SentenceSplitter?
    let recognizer: EntityRecognizer?
    let finder: QuotationFinder?
    let structureFinder: ArticleStructureFinder?

    /// A pipeline for `configuration`; loads its lexicons (errors name the file and line).
    public init(_ configuration: Configuration = Configuration()) throws {
        self.configuration = configuration
        let annotators = configuration.annotators
        tokenizer =
            annotators.contains(.tokens) ? try Tokenizer(normalizer: Normalizer(configuration.normalization)) : nil
        splitter = annotators.contains(.sentences) ? try SentenceSplitter() : nil
        // The quotation finder reads the cue lexicons and hands the entity ones to the
        // recognizer it makes; without quotations, cue lexicons are still checked.
        let quotationKinds = Set(QuotationFinder.schemas.map(\.kind))
        let needsFinder =
            annotators.contains(.quotations)
            || configuration.lexicons.contains { quotationKinds.contains(LexiconSchema.kind(ofPath: $0)) }
        if needsFinder {
            let finder = try QuotationFinder(additionalLexicons: configuration.lexicons)
            recognizer = finder.recognizer
            self.finder = annotators.contains(.quotations) ? finder : nil
        } else {
            recognizer =
                annotators.isDisjoint(with: [.entities, .structure])
                ? nil : try EntityRecognizer(additionalLexicons: configuration.lexicons)
            finder = nil
        }
        structureFinder =
            annotators.contains(.structure) ? try ArticleStructureFinder(additionalMarkers: configuration.articleMarkers) : nil
    }

    /// Analyzes one text.
    public func analyze(_ text: String) throws -> Document {
        var document = Document(text: text)
        if configuration.annotators.contains(.normalization) {
            document.normalized = Normalizer(configuration.normalization).normalize(text)
        }
        if let tokenizer {
            document.tokens = try document.normalized.map { try tokenizer.tokens(in: $0) } ?? tokenizer.tokens(in: text)
        }
        if let splitter { document.sentences = try splitter.sentences(in: text) }
        if let finder {
            let analysis = try finder.analyze(text)
            document.entities = analysis.entities
            document.quotations = analysis.quotations
        } else if let recognizer {
            document.entities = try recognizer.entities(in: text)
        }
        if let structureFinder { document.structure = structureFinder.structure(of: text, entities: document.entities) }
        return document
    }
}
