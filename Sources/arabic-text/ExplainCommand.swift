import ArabicRules
import ArabicText
import ArgumentParser
import Foundation

struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Show why a sentence gives the entities and quotations it does.",
        discussion: """
            Prints the text and its normalized form; each token with its clitic readings and every \
            lexicon line that knows a phrase starting there (and cue verbs, reporting nouns); then \
            each entity and quotation with the lexicon line or rule that produced it, as a rule \
            file would assert it. Offsets are Unicode scalar offsets into the text.

            Examples:
              arabic-text explain "وأضافت الخارجية الروسية أن الوضع خطير."
              arabic-text explain --lexicon my-rules/CueVerbs.tsv "وأردف الوزير أن الوضع خطير."
              echo "قال بوتين إن روسيا مستعدة." | arabic-text explain
            """
    )

    @Option(
        name: .customLong("lexicon"),
        help: "A lexicon file of your own, named like a bundled one (CueVerbs.tsv, Places.tsv …); repeatable.")
    var lexicons: [String] = []

    @Argument(help: "The text (its words are joined by spaces); standard input when none is given.")
    var words: [String] = []

    func run() throws {
        try reportingErrors {
            let analyzer: RuleAnalyzer
            do { analyzer = try RuleAnalyzer(lexicons: lexicons) } catch { throw CLIError.input("\(error)") }
            var text = words.joined(separator: " ")
            if words.isEmpty {
                let data = FileHandle.standardInput.readDataToEndOfFile()
                if let offset = UTF8Validation.firstInvalidOffset(in: data) {
                    throw CLIError.input("<stdin>: invalid UTF-8 at byte \(offset)")
                }
                text = String(decoding: data, as: UTF8.self)
                while text.hasSuffix("\n") { text.removeLast() }
            }
            do { print(try analyzer.explain(text)) } catch { throw CLIError.input("\(error)") }
        }
    }
}
