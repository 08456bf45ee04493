// Helpers for your own Swift Testing suites: `import ArabicTextTesting` gives the library
// (ArabicText), the rule-test types (ArabicRules) and `expectRules`.
@_exported public import ArabicRules
@_exported public import ArabicText
public import Testing

/// Checks a rule file inside a Swift Testing test: each assertion that does not hold is
/// recorded as an issue at its own line of the rule file, with the sentence, what was
/// expected and what was found.
///
/// ```swift
/// import ArabicTextTesting
/// import Testing
///
/// @Test func myRules() {
///     expectRules(inFile: "Tests/Rules/news.rules", lexicons: ["Tests/Rules/CueVerbs.tsv"])
/// }
/// ```
///
/// A lexicon or rule file that cannot be read is one issue that says where. Returns the
/// report, or `nil` when the files could not be read.
@discardableResult
public func expectRules(
    inFile path: String, lexicons: [String] = [], sourceLocation: SourceLocation = #_sourceLocation
) -> RuleReport? {
    let analyzer: RuleAnalyzer
    let file: RuleFile
    do {
        analyzer = try RuleAnalyzer.shared(lexicons: lexicons)
        file = try RuleFile(contentsOfFile: path)
    } catch let error as RuleFileError {
        Issue.record(Comment(rawValue: error.description), sourceLocation: location(in: path, line: error.line) ?? sourceLocation)
        return nil
    } catch {
        Issue.record(Comment(rawValue: "\(error)"), sourceLocation: sourceLocation)
        return nil
    }
    let report = analyzer.check(file)
    for failure in report.failures {
        Issue.record(
            Comment(rawValue: failure.description), sourceLocation: location(in: path, line: failure.line) ?? sourceLocation)
    }
    return report
}

/// A place in a rule file, for an issue to point at (`nil` for the file as a whole).
func location(in path: String, line: Int) -> SourceLocation? {
    guard line > 0 else { return nil }
    let name = path.split(separator: "/").last.map(String.init) ?? path
    return SourceLocation(fileID: "Rules/\(name)", filePath: path, line: line, column: 1)
}
