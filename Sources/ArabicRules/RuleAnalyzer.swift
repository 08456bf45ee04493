public import ArabicText
import Synchronization

/// Reads texts the way rule tests need: the clitic analyzer, the entity recognizer and the
/// quotation finder, built from the bundled lexicons and lexicon files of your own.
///
/// ```swift
/// let analyzer = try RuleAnalyzer(lexicons: ["my-rules/CueVerbs.tsv", "my-rules/Organizations.tsv"])
/// let found = analyzer.analysis(of: "وأردف صندوق التنمية العقارية أن القروض ستصرف قريبا.")
/// found.has(.quote(speaker: "صندوق التنمية العقارية"))  // true
/// ```
///
/// Each lexicon file is named like a bundled one (``lexiconSchemas``), which says what it
/// holds; every line is checked, and the first problem is thrown as a `LexiconError` with
/// its file, line and column.
public struct RuleAnalyzer: Sendable {
    /// The clitic analyzer, with the protected words of `ProtectedWords.tsv` files.
    public let clitics: CliticAnalyzer
    /// The quotation finder and, through it, the entity recognizer.
    public let finder: QuotationFinder
    /// The lexicon files it was built with.
    public let lexicons: [String]

    /// Every kind of lexicon file the library reads, by the name a file must have.
    public static let lexiconSchemas: [LexiconSchema] = [CliticAnalyzer.schema] + Gazetteer.schemas + QuotationFinder.schemas

    /// An analyzer with the bundled lexicons and `lexicons`, files named like bundled ones
    /// (`Places.tsv`, `CueVerbs.tsv`, `ProtectedWords.tsv` …).
    public init(lexicons: [String] = []) throws {
        var cliticFiles: [String] = []
        var otherFiles: [String] = []
        for path in lexicons {
            let schema = try LexiconSchema.schema(forPath: path, among: Self.lexiconSchemas)
            if schema.kind == CliticAnalyzer.schema.kind { cliticFiles.append(path) } else { otherFiles.append(path) }
        }
        clitics = try CliticAnalyzer(additionalLexicons: cliticFiles)
        finder = try QuotationFinder(additionalLexicons: otherFiles)
        self.lexicons = lexicons
    }

    /// What the library finds in `text`.
    public func analysis(of text: String) -> RuleAnalysis { RuleAnalysis(text: text, analyzer: self) }

    /// Analyzers already built, by their lexicons: building one reads every lexicon.
    private static let built = Mutex<[[String]: RuleAnalyzer]>([:])

    /// An analyzer with these lexicons, built once per process and shared.
    public static func shared(lexicons: [String] = []) throws -> RuleAnalyzer {
        if let analyzer = built.withLock({ $0[lexicons] }) { return analyzer }
        let analyzer = try RuleAnalyzer(lexicons: lexicons)
        built.withLock { $0[lexicons] = analyzer }
        return analyzer
    }
}

/// What the library finds in `text`, with the bundled lexicons and `lexicons` of your own;
/// for `#expect`, whose failure then shows the text and everything found.
///
/// ```swift
/// #expect(analysis(of: "وأضافت الخارجية الروسية أن الوضع خطير.").has(.quote(speaker: "الخارجية الروسية")))
/// ```
///
/// The analyzer is built once per set of lexicons and shared. When a lexicon cannot be read,
/// the analysis finds nothing and its description says why. Call the result anything but
/// `analysis` (`let found = analysis(of: …)`): a variable may not share the function's name.
public func analysis(of text: String, lexicons: [String] = []) -> RuleAnalysis {
    do { return try RuleAnalyzer.shared(lexicons: lexicons).analysis(of: text) } catch {
        return RuleAnalysis(text: text, error: "\(error)")
    }
}
