import ArabicRules
import ArgumentParser
import Foundation

struct CheckRulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check-rules",
        abstract: "Run rule tests: examples of Arabic with what must and must not be found in them.",
        discussion: """
            A rule file holds examples separated by blank lines: the text, then lines that start \
            with + (must be found) or - (must not be), e.g.
              وأضافت الخارجية الروسية أن الوضع خطير.
              + quote indirect speaker=الخارجية الروسية cue=وأضافت
              + entity ORGANIZATION/ministry "الخارجية الروسية" id=RU
              - entity COUNTRY "روسيا"
            For each assertion that does not hold it prints the file and line, the sentence, what \
            was expected and what was found, with Unicode scalar offsets; then one summary line \
            per file. Exit status 1 when any assertion fails. Docs/WritingRules.md has the format.

            Examples:
              arabic-text check-rules my-rules/news.rules
              arabic-text check-rules --lexicon my-rules/CueVerbs.tsv --lexicon my-rules/Organizations.tsv my-rules
            """
    )

    @Option(
        name: .customLong("lexicon"),
        help: "A lexicon file of your own, named like a bundled one (CueVerbs.tsv, Places.tsv …); repeatable.")
    var lexicons: [String] = []

    @Argument(help: "Rule files, or directories whose *.rules files are checked.")
    var files: [String]

    func run() throws {
        try reportingErrors {
            let analyzer: RuleAnalyzer
            do { analyzer = try RuleAnalyzer(lexicons: lexicons) } catch { throw CLIError.input("\(error)") }
            var failed = 0
            for path in try ruleFiles() {
                let file: RuleFile
                do { file = try RuleFile(contentsOfFile: path) } catch { throw CLIError.input("\(error)") }
                let report = analyzer.check(file)
                failed += report.failures.count
                print(report)
            }
            if failed > 0 { throw ExitCode(1) }
        }
    }

    /// The files to check: each file given, and the `.rules` files of each directory, by name.
    func ruleFiles() throws(CLIError) -> [String] {
        var paths: [String] = []
        for path in files {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw .input("cannot open '\(path)': No such file or directory")
            }
            guard isDirectory.boolValue else {
                paths.append(path)
                continue
            }
            let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
            let rules = names.filter { $0.hasSuffix(".rules") }.sorted()
            guard !rules.isEmpty else { throw .input("'\(path)' has no .rules files") }
            paths += rules.map { (path.hasSuffix("/") ? path : path + "/") + $0 }
        }
        return paths
    }
}
