import ArabicCore
import ArabicRules
import Foundation
import Testing

/// Docs/WritingRules.md does what it says: its files, written to a fresh directory, and its
/// commands, run there, print exactly the output the page shows; its table of lexicon files
/// names every kind the library reads.
@Suite struct WritingRulesDocTests {
    /// The page, read from the package beside the tests.
    static let page: String = {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        guard let text = try? String(contentsOf: root.appendingPathComponent("Docs/WritingRules.md"), encoding: .utf8) else {
            fatalError("Docs/WritingRules.md is missing")
        }
        return text
    }()

    /// A fenced block of the page: its info string, its lines, and the line before it.
    struct Block {
        var info: String
        var lines: [String]
        var caption: String
    }

    static var blocks: [Block] {
        var blocks: [Block] = []
        var current: Block?
        var previous = ""
        for line in page.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            if line.hasPrefix("```") {
                if let block = current {
                    blocks.append(block)
                    current = nil
                    previous = ""  // a caption names only the block right after it
                } else {
                    current = Block(info: String(line.dropFirst(3)), lines: [], caption: previous)
                }
            } else if current != nil {
                current!.lines.append(line)
            } else if !line.isEmpty {
                previous = line
            }
        }
        return blocks
    }

    /// `**my-rules/news.rules**` before a block names the file it holds.
    static var files: [(path: String, text: String)] {
        blocks.compactMap { block in
            guard block.caption.hasPrefix("**my-rules/"), block.caption.hasSuffix("**") else { return nil }
            return (String(block.caption.dropFirst(2).dropLast(2)), block.lines.joined(separator: "\n") + "\n")
        }
    }

    /// Each `$ arabic-text …` line of a console block, with the lines after it: its output.
    static var commands: [(arguments: [String], output: String)] {
        var commands: [(arguments: [String], output: String)] = []
        for block in blocks where block.info == "console" {
            for line in block.lines {
                if line.hasPrefix("$ arabic-text ") {
                    commands.append((words(String(line.dropFirst("$ arabic-text ".count))), ""))
                } else if !commands.isEmpty {
                    commands[commands.count - 1].output += line + "\n"
                }
            }
        }
        return commands
    }

    /// Splits a command line at spaces, keeping "quoted words" together.
    static func words(_ line: String) -> [String] {
        var words: [String] = []
        var word = ""
        var quoted = false
        for character in line {
            if character == "\"" {
                quoted.toggle()
            } else if character == " " && !quoted {
                if !word.isEmpty { words.append(word) }
                word = ""
            } else {
                word.append(character)
            }
        }
        if !word.isEmpty { words.append(word) }
        return words
    }

    @Test func thePageHasItsFilesAndCommands() {
        #expect(Self.files.map(\.path).contains("my-rules/CueVerbs.tsv"))
        #expect(Self.files.map(\.path).contains("my-rules/Organizations.tsv"))
        #expect(Self.commands.count >= 7)
        // The walk-through: without the lexicons the rule test fails, with them it passes.
        #expect(Self.commands.contains { $0.arguments == ["check-rules", "my-rules/news.rules"] })
        #expect(
            Self.commands.contains {
                $0.arguments == [
                    "check-rules", "--lexicon", "my-rules/CueVerbs.tsv", "--lexicon", "my-rules/Organizations.tsv",
                    "my-rules/news.rules",
                ]
            })
    }

    @Test func everyCommandPrintsWhatThePageShows() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("writing-rules-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        for (path, text) in Self.files {
            let url = directory.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        for (arguments, output) in Self.commands {
            let run = try Tool.run(arguments, in: directory)
            #expect(run.output + run.stderr == output, "arabic-text \(arguments.joined(separator: " "))")
            // A failure, or an error, is exit status 1; all passed is 0.
            let failed = output.contains("failed\n") || output.hasPrefix("arabic-text: ")
            #expect(run.status == (failed ? 1 : 0), "arabic-text \(arguments.joined(separator: " "))")
        }
    }

    /// Every kind of lexicon is in the table, with every column (the required ones in bold)
    /// and every value a column takes.
    @Test(arguments: RuleAnalyzer.lexiconSchemas.map(\.kind))
    func everyLexiconKindIsInTheTable(_ kind: String) throws {
        let schema = try #require(RuleAnalyzer.lexiconSchemas.first { $0.kind == kind })
        let row = try #require(Self.page.split(separator: "\n").first { $0.hasPrefix("| `\(kind).tsv` |") }, "\(kind)")
        let columns = String(row.split(separator: "|").last ?? "")
        for column in schema.columns {
            #expect(columns.contains(column.isRequired ? "**\(column.name)**" : column.name), "\(kind): \(column.name)")
            if !column.isRequired { #expect(!columns.contains("**\(column.name)**"), "\(kind): \(column.name)") }
            if case .oneOf(let values) = column.content {
                for value in values { #expect(columns.contains(value), "\(kind): \(column.name) \(value)") }
            }
        }
    }
}
