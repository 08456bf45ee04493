import ArabicTextTesting
import Foundation
import Testing

/// The table of lexicon files in Docs/WritingRules.md names every kind the library reads,
/// with every column (the required ones in bold) and every value a column takes.
@Suite struct LexiconTableDocTests {
    static let page: String = {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        guard let text = try? String(contentsOf: root.appendingPathComponent("Docs/WritingRules.md"), encoding: .utf8) else {
            fatalError("Docs/WritingRules.md is missing")
        }
        return text
    }()

    @Test(arguments: RuleAnalyzer.lexiconSchemas.map(\.kind))
    func everyKindIsInTheTable(_ kind: String) throws {
        let schema = try #require(RuleAnalyzer.lexiconSchemas.first { $0.kind == kind })
        let row = try #require(Self.page.split(separator: "\n").first { $0.hasPrefix("| `\(kind).tsv` |") }, "\(kind)")
        let columns = String(row.split(separator: "|").last ?? "")
        for column in schema.columns {
            #expect(columns.contains(column.isRequired ? "**\(column.name)**" : column.name), "\(kind): \(column.name)")
            if column.isRequired == false { #expect(!columns.contains("**\(column.name)**"), "\(kind): \(column.name)") }
            if case .oneOf(let values) = column.content {
                for value in values { #expect(columns.contains(value), "\(kind): \(column.name) \(value)") }
            }
        }
    }
}
