import ArabicTextTesting
import Foundation
import Testing

/// The library's own linguistic tables, written as rule files (Rules/*.rules) and checked
/// by the same runner as `arabic-text check-rules`: each failure is an issue at its line of
/// the rule file.
@Suite struct LibraryRuleTests {
    static let directory: URL = {
        guard let url = Bundle.module.url(forResource: "Rules", withExtension: nil) else {
            fatalError("the Rules directory is missing from the test bundle")
        }
        return url
    }()

    /// The rule files, by name.
    static let files: [String] =
        ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []).filter { $0.hasSuffix(".rules") }
        .sorted()

    @Test func everyTableIsThere() {
        let tables = [
            "clitics", "countries", "dates", "not-quotations", "organizations", "people", "places", "quotations-direct",
            "quotations-headlines", "quotations-indirect", "quotations-partial", "quotations-speakers",
        ]
        #expect(Self.files == tables.map { $0 + ".rules" })
    }

    @Test(arguments: files)
    func ruleFile(_ name: String) throws {
        let report = try #require(expectRules(inFile: Self.directory.appendingPathComponent(name).path))
        #expect(report.assertions >= report.examples)
    }

    /// People and dates carry no subtype and no id, countries no subtype: in every example.
    @Test func peopleAndDatesHaveNoSubtypeOrID() throws {
        for name in Self.files {
            let file = try RuleFile(contentsOfFile: Self.directory.appendingPathComponent(name).path)
            for example in file.examples {
                for entity in analysis(of: example.text).entities {
                    if entity.type == .person || entity.type == .date {
                        #expect(entity.subtype == nil && entity.id == nil, "\(name):\(example.line): \(entity)")
                    }
                    if entity.type == .country { #expect(entity.subtype == nil, "\(name):\(example.line): \(entity)") }
                }
            }
        }
    }
}
