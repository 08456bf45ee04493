import Foundation
import Testing

/// `check-rules` and `explain` beyond what Docs/WritingRules.md shows.
@Suite struct CheckRulesCommandTests {
    /// The library's own rule files, beside the tests.
    static let libraryRules = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("ArabicTextTestingTests/Rules").path

    /// A fresh directory with these files in it.
    static func directory(_ files: [String: String]) throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("check-rules-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        for (name, text) in files {
            try text.write(to: directory.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        return directory
    }

    @Test func theLibrarysOwnRuleFilesPass() throws {
        let run = try Tool.run(["check-rules", Self.libraryRules])
        #expect(run.status == 0, "\(run.output)")
        let summaries = run.output.split(separator: "\n")
        #expect(summaries.count == 12)
        #expect(summaries.allSatisfy { $0.hasSuffix("all passed") })
    }

    @Test(arguments: [
        (["check-rules"], Int32(64), "Error: Missing expected argument '<files> ...'"),
        (["check-rules", "/no/such.rules"], Int32(1), "arabic-text: cannot open '/no/such.rules': No such file or directory"),
        (
            ["check-rules", "/tmp/no-such-dir/"], Int32(1),
            "arabic-text: cannot open '/tmp/no-such-dir/': No such file or directory"
        ),
        (
            ["check-rules", "--lexicon", "my/Verbs.tsv", "x.rules"], Int32(1),
            "arabic-text: my/Verbs.tsv:0:0: unknown lexicon kind 'Verbs'; name the file like a bundled one: BodyWords.tsv,"
        ),
        (["explain", "--lexicon", "my/Places.tsv", "نص"], Int32(1), "arabic-text: my/Places.tsv:0:0: cannot be read"),
    ])
    func errorsSayWhatAndWhere(_ arguments: [String], _ status: Int32, _ message: String) throws {
        let run = try Tool.run(arguments)
        #expect(run.status == status)
        #expect(run.stderr.hasPrefix(message), "\(run.stderr)")
    }

    @Test func aRuleFileThatDoesNotParseNamesItsLine() throws {
        let directory = try Self.directory(["bad.rules": "قال بوتين إن روسيا مستعدة.\n+ quote speker=بوتين\n"])
        defer { try? FileManager.default.removeItem(at: directory) }
        let run = try Tool.run(["check-rules", "bad.rules"], in: directory)
        #expect(run.status == 1)
        #expect(
            run.stderr
                == "arabic-text: bad.rules:2: unknown key 'speker' for quote (known: text, speaker, resolved, cue, lemma, source, rule)\n"
        )
    }

    @Test func aDirectoryIsItsRuleFilesInOrderAndAnyFailureFails() throws {
        let directory = try Self.directory([
            "b.rules": "قال بوتين إن روسيا مستعدة.\n+ quote indirect speaker=بوتين\n",
            "a.rules": "قال بوتين إن روسيا مستعدة.\n- entity COUNTRY \"روسيا\"\n",
            "notes.txt": "not a rule file",
        ])
        defer { try? FileManager.default.removeItem(at: directory) }
        let run = try Tool.run(["check-rules", "."], in: directory)
        #expect(run.status == 1)
        #expect(
            run.output == """
                ./a.rules:2: found, but must not be: - entity COUNTRY "روسيا"
                  sentence: قال بوتين إن روسيا مستعدة.
                  found:    [13-18] entity COUNTRY "روسيا" id=RU source=ICU

                ./a.rules: 1 example, 1 of 1 assertion failed
                ./b.rules: 1 example, 1 assertion, all passed

                """)
        let empty = try Self.directory([:])
        defer { try? FileManager.default.removeItem(at: empty) }
        let none = try Tool.run(["check-rules", empty.path])
        #expect(none.status == 1)
        #expect(none.stderr == "arabic-text: '\(empty.path)' has no .rules files\n")
    }

    @Test func explainReadsStandardInputAndNamesTheRules() throws {
        let run = try Tool.run(["explain"], input: "قالت وزارة الخارجية الروسية إن الوضع خطير.\n")
        #expect(run.status == 0)
        #expect(run.output.hasPrefix("text:       قالت وزارة الخارجية الروسية إن الوضع خطير.\n"))
        #expect(
            run.output.contains("  [5-27] entity ORGANIZATION/ministry \"وزارة الخارجية الروسية\" id=RU source=rule:ministry\n"))
        #expect(run.output.contains("      speaker  وزارة الخارجية الروسية [5-27], entity 0, by rule:after-verb\n"))
        let invalid = try Tool.run(["explain"], input: Data("نص".utf8) + Data([0xFF]))
        #expect(invalid.status == 1)
        #expect(invalid.stderr == "arabic-text: <stdin>: invalid UTF-8 at byte 4\n")
    }

    @Test func analyzeTakesACueVerbOfYourOwn() throws {
        let directory = try Self.directory([
            "CueVerbs.tsv": "form\tlemma\tgender\tnumber\ttense\ttakes\nأردف\tأردف\tm\tsingular\tpast\tthat\n"
        ])
        defer { try? FileManager.default.removeItem(at: directory) }
        let sentence = "وأردف بوتين أن روسيا مستعدة.\n"
        #expect(try !Tool.run(["analyze"], input: sentence).output.contains("\"lemma\":\"أردف\""))
        let run = try Tool.run(["analyze", "--lexicon", "CueVerbs.tsv"], input: sentence, in: directory)
        #expect(run.status == 0)
        #expect(
            run.output.contains(
                "\"cue\":{\"text\":\"أردف\",\"start\":1,\"end\":5,\"lemma\":\"أردف\",\"source\":\"CueVerbs.tsv:2\"}"),
            "\(run.output)")
    }
}
