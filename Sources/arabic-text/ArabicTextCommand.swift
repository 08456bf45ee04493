import ArgumentParser

@main
struct ArabicTextCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "arabic-text",
        abstract: "Normalize, segment and analyze Arabic news text.",
        discussion: """
            Every command reads the files it is given, or standard input when none is given \
            (or for '-'), and streams: a large input needs no more memory than its longest line.
            """,
        subcommands: [
            AnalyzeCommand.self, NormalizeCommand.self, TokenizeCommand.self, CheckRulesCommand.self, ExplainCommand.self,
        ]
    )
}
