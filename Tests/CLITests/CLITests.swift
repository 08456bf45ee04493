import ArabicCore
import Foundation
import Testing

/// The result of one run of the command-line tool.
struct Run {
    let status: Int32
    let stdout: Data
    let stderr: String
    var output: String { String(decoding: stdout, as: UTF8.self) }
}

enum Tool {
    /// The `arabic-text` built beside this test bundle.
    static let executable: URL = {
        let candidates = [
            URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().deletingLastPathComponent(),
            Bundle.main.bundleURL.deletingLastPathComponent(), Bundle.main.bundleURL,
        ]
        for directory in candidates {
            let url = directory.appendingPathComponent("arabic-text")
            if FileManager.default.isExecutableFile(atPath: url.path) { return url }
        }
        fatalError("arabic-text is not built beside the tests (looked in \(candidates.map(\.path)))")
    }()

    static let example: String = {
        guard let url = Bundle.module.url(forResource: "karabakh-pagers", withExtension: "txt", subdirectory: "Fixtures") else {
            fatalError("the example article fixture is missing")
        }
        return url.path
    }()

    /// Runs the tool with `arguments`, feeding `input` on standard input, in `directory`
    /// (by default the tests' own); with `output`, standard output goes to that file
    /// (`/dev/full` to test a full disk) instead of being read.
    static func run(_ arguments: [String], input: Data = Data(), in directory: URL? = nil, output: String? = nil) throws -> Run {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        let stdin = Pipe(), stdout = Pipe(), stderr = Pipe()
        process.standardInput = stdin
        if let output {
            process.standardOutput = FileHandle(forWritingAtPath: output)
            try? stdout.fileHandleForWriting.close()
        } else {
            process.standardOutput = stdout
        }
        process.standardError = stderr
        try process.run()
        // Write and read on separate threads so that no pipe fills up and blocks.
        _ = ignoresBrokenPipes
        let writer = Thread {
            // A tool that stops early (a full disk) closes its input: the rest is not written.
            try? stdin.fileHandleForWriting.write(contentsOf: input)
            try? stdin.fileHandleForWriting.close()
        }
        writer.start()
        let errorData = LockedData()
        let errorReader = Thread { errorData.set(stderr.fileHandleForReading.readDataToEndOfFile()) }
        errorReader.start()
        let out = stdout.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        while !errorData.isSet { Thread.sleep(forTimeInterval: 0.005) }
        return Run(status: process.terminationStatus, stdout: out, stderr: String(decoding: errorData.value, as: UTF8.self))
    }

    /// A write to a tool that has exited fails with EPIPE instead of killing the tests.
    static let ignoresBrokenPipes: Void = { signal(SIGPIPE, SIG_IGN) }()

    static func run(_ arguments: [String], input: String, in directory: URL? = nil, output: String? = nil) throws -> Run {
        try run(arguments, input: Data(input.utf8), in: directory, output: output)
    }
}

final class LockedData: @unchecked Sendable {
    private let lock = NSLock()
    private var data: Data?
    func set(_ value: Data) { lock.withLock { data = value } }
    var isSet: Bool { lock.withLock { data != nil } }
    var value: Data { lock.withLock { data ?? Data() } }
}

@Suite struct NormalizeCommandTests {
    @Test func normalizesAFileLineByLine() throws {
        let run = try Tool.run(["normalize", Tool.example])
        #expect(run.status == 0)
        #expect(run.stderr.isEmpty)
        let text = try String(contentsOfFile: Tool.example, encoding: .utf8)
        let expected = text.split(separator: "\n", omittingEmptySubsequences: false)
            .map { Normalizer(.search).normalizedString(String($0)) }.joined(separator: "\n")
        #expect(run.output == expected)
    }

    @Test func readsStandardInput() throws {
        let run = try Tool.run(["normalize"], input: "أكّدت الخارجيـــة\nمستشفى\n")
        #expect(run.output == "اكدت الخارجيه\nمستشفي\n")
    }

    @Test(arguments: [
        (["normalize", "--preset", "light"], "أكّدت\u{200F} الخارجيـــة", "أكّدت الخارجية"),
        (["normalize", "--fold", "tatweel"], "أكّدت الخارجيـــة", "أكّدت الخارجية"),
        (["normalize", "--fold", "tatweel", "--fold", "alef-forms"], "أكّدت الخارجيـــة", "اكّدت الخارجية"),
        (["normalize", "--preset", "search", "--fold", "hamza-carriers"], "مسؤول", "مسوول"),
        (["normalize", "--preset", "none"], "أكّدت", "أكّدت"),
    ])
    func presetsAndFolds(_ arguments: [String], _ input: String, _ expected: String) throws {
        let run = try Tool.run(arguments, input: input + "\n")
        #expect(run.status == 0)
        #expect(run.output == expected + "\n")
    }

    @Test func listsTheFolds() throws {
        let run = try Tool.run(["normalize", "--list-folds"])
        for (name, _) in NormalizationOptions.named { #expect(run.output.contains(name)) }
    }

    @Test func aLineLongerThanAChunkStreams() throws {
        let line = String(repeating: "أكّدت الخارجيـــة ", count: 100_000)  // about 3 MB
        let run = try Tool.run(["normalize"], input: line + "\n")
        #expect(run.status == 0)
        #expect(run.output == Normalizer(.search).normalizedString(line) + "\n")
    }
}

@Suite struct ErrorTests {
    /// One clear line on standard error, and the exit code.
    @Test(arguments: [
        (["normalize", "--fold", "bogus"], Int32(2), "arabic-text: unknown fold 'bogus' (known: alef-forms,"),
        (["normalize", "--preset", "heavy"], Int32(2), "arabic-text: unknown preset 'heavy'"),
        (
            ["normalize", "/no/such/file.txt"], Int32(1),
            "arabic-text: cannot open '/no/such/file.txt': No such file or directory"
        ),
        (["tokenize", "/no/such/file.txt"], Int32(1), "arabic-text: cannot open '/no/such/file.txt': No such file or directory"),
        (["normalize", "/tmp"], Int32(1), "arabic-text: '/tmp' is a directory, not a file"),
    ])
    func reportsUsageAndFileErrors(_ arguments: [String], _ status: Int32, _ message: String) throws {
        let run = try Tool.run(arguments)
        #expect(run.status == status)
        #expect(run.stderr.hasPrefix(message), "\(run.stderr)")
        #expect(run.stderr.split(separator: "\n").count == 1)
    }

    @Test(arguments: [["normalize"], ["tokenize"], ["tokenize", "--sentences"]])
    func invalidUTF8NamesTheByteAndStops(_ arguments: [String]) throws {
        let input = Data("سطر أول\nسطر".utf8) + Data([0xD8, 0x20]) + Data(" ثان\nثالث\n".utf8)
        let run = try Tool.run(arguments, input: input)
        #expect(run.status == 1)
        #expect(run.stderr.contains("<stdin>: invalid UTF-8 at byte 20 (line 2"), "\(run.stderr)")
        #expect(run.stderr.contains("--lossy"))
        // The complete lines before the bad bytes are kept.
        if arguments == ["normalize"] { #expect(run.output == "سطر اول\n") }
        #expect(!run.output.contains("ثالث"))
    }

    @Test(
        arguments: [
            [0xC0, 0xAF], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xE2, 0x82], [0x80], [0xFE],
        ] as [[UInt8]])
    func everyKindOfInvalidUTF8IsCaught(_ bad: [UInt8]) throws {
        let run = try Tool.run(["normalize"], input: Data("نص ".utf8) + Data(bad) + Data(" نص\n".utf8))
        #expect(run.status == 1)
        #expect(run.stderr.contains("invalid UTF-8 at byte 5 (line 1"), "\(run.stderr)")
    }

    @Test func lossyReplacesAndReports() throws {
        let input = Data("سطر".utf8) + Data([0xFF, 0xFE]) + Data(" ثان\n".utf8)
        let run = try Tool.run(["normalize", "--lossy"], input: input)
        #expect(run.status == 0)
        #expect(run.output == "سطر\u{FFFD}\u{FFFD} ثان\n")
        #expect(run.stderr == "arabic-text: <stdin>: replaced 2 invalid UTF-8 sequences with U+FFFD\n")
        let tokens = try Tool.run(["tokenize", "--lossy"], input: input)
        #expect(tokens.status == 0)
        #expect(tokens.output.contains("ثان"))
    }

    @Test func nulBytesPassThrough() throws {
        let run = try Tool.run(["normalize"], input: Data("أ\0ب\n".utf8))
        #expect(run.status == 0)
        #expect(run.stdout == Data("ا\0ب\n".utf8))
    }
}

@Suite struct TokenizeCommandTests {
    @Test func oneTokenPerLineAndABlankLineAfterEachInputLine() throws {
        let run = try Tool.run(["tokenize"], input: "دعت روسيا، اليوم\n\nالأربعاء.\n")
        #expect(run.status == 0)
        #expect(run.output == "دعت\nروسيا\n،\nاليوم\n\nالأربعاء\n.\n\n")
        let normalized = try Tool.run(["tokenize", "--normalized"], input: "الأربعاء\n")
        #expect(normalized.output == "الاربعاء\n\n")
    }

    @Test func jsonOffsetsAreUnicodeScalarsThatReadBack() throws {
        let run = try Tool.run(["tokenize", "--format", "json", Tool.example])
        #expect(run.status == 0)
        let text = try String(contentsOfFile: Tool.example, encoding: .utf8)
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        if text.hasSuffix("\n") { lines.removeLast() }
        let objects = run.output.split(separator: "\n")
        #expect(objects.count == lines.count)
        var total = 0
        for (line, object) in zip(lines, objects) {
            let json = try #require(try JSONSerialization.jsonObject(with: Data(object.utf8)) as? [String: Any])
            let tokens = try #require(json["tokens"] as? [[String: Any]])
            let scalars = Array(line.unicodeScalars)
            for token in tokens {
                let start = try #require(token["start"] as? Int), end = try #require(token["end"] as? Int)
                #expect(String(String.UnicodeScalarView(scalars[start..<end])) == token["text"] as? String)
                total += 1
            }
        }
        #expect(total == 636)
    }

    @Test func sentences() throws {
        let run = try Tool.run(["tokenize", "--sentences"], input: "وصل الوفد. وبدأت المحادثات؟ نعم\n")
        #expect(run.output == "وصل الوفد.\nوبدأت المحادثات؟\nنعم\n")
        let normalized = try Tool.run(["tokenize", "--sentences", "--normalized"], input: "قال الوزيرُ. وأكّد\n")
        #expect(normalized.output == "قال الوزير.\nواكد\n")
        let json = try Tool.run(["tokenize", "--sentences", "--format", "json"], input: "أ. ب\n")
        #expect(json.output == "{\"line\":1,\"sentences\":[{\"text\":\"أ. ب\",\"start\":0,\"end\":4}]}\n")
    }

    @Test func aFinalLineWithoutLineFeedIsKept() throws {
        let run = try Tool.run(["tokenize", "--format", "json"], input: "سطر\nأخير")
        #expect(run.output.split(separator: "\n").count == 2)
        #expect(run.output.contains("\"text\":\"أخير\""))
    }
}

@Suite struct AnalyzeCommandTests {
    @Test func theExampleArticleAsJSON() throws {
        let run = try Tool.run(["analyze", Tool.example])
        #expect(run.status == 0)
        let json = try #require(try JSONSerialization.jsonObject(with: run.stdout) as? [String: Any])
        let entities = try #require(json["entities"] as? [[String: Any]])
        #expect(entities.count >= 60)
        let text = Array(try String(contentsOfFile: Tool.example, encoding: .utf8).unicodeScalars)
        for entity in entities {
            let start = try #require(entity["start"] as? Int), end = try #require(entity["end"] as? Int)
            #expect(String(String.UnicodeScalarView(text[start..<end])) == entity["text"] as? String)
        }
        #expect(entities.contains { $0["text"] as? String == "وزارة الخارجية الروسية" && $0["id"] as? String == "RU" })
        let quotes = try #require(json["quotes"] as? [[String: Any]])
        #expect(quotes.count >= 17)
        for quote in quotes {
            let start = try #require(quote["start"] as? Int), end = try #require(quote["end"] as? Int)
            #expect(String(String.UnicodeScalarView(text[start..<end])) == quote["text"] as? String)
            if let speaker = quote["speaker"] as? [String: Any], let start = speaker["start"] as? Int,
                let end = speaker["end"] as? Int
            {
                #expect(String(String.UnicodeScalarView(text[start..<end])) == speaker["text"] as? String)
                if let entity = speaker["entity"] as? Int {
                    #expect(entities[entity]["text"] as? String == speaker["text"] as? String)
                }
            }
            if let cue = quote["cue"] as? [String: Any], let start = cue["start"] as? Int, let end = cue["end"] as? Int {
                #expect(String(String.UnicodeScalarView(text[start..<end])) == cue["text"] as? String)
            }
        }
    }

    @Test func oneRecordPerLine() throws {
        let run = try Tool.run(["analyze", "--input", "lines", "--format", "jsonl"], input: "دعت روسيا\n\nأدانت لبنان\n")
        let lines = run.output.split(separator: "\n")
        #expect(lines.count == 3)
        #expect(
            lines[1]
                == "{\"id\":\"<stdin>:2\",\"entities\":[],\"quotes\":[],\"structure\":{\"source\":[],\"keywords\":[],"
                + "\"relatedHeadings\":[],\"datelines\":[],\"footers\":[],\"dateline\":null,\"sections\":[]}}")
        #expect(lines[2].contains("\"id\":\"LB\""))
    }

    @Test func aLexiconOfYourOwn() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("arabic-text-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let places = directory.appendingPathComponent("Places.tsv")
        try "# mine\nname\ttype\tcountry\tnote\nوادي الاختبار\tregion\tSA\t\n".write(
            to: places, atomically: true, encoding: .utf8)
        let run = try Tool.run(["analyze", "--lexicon", places.path], input: "وصلنا إلى وادي الاختبار أمس\n")
        #expect(run.status == 0)
        #expect(run.output.contains("\"text\":\"وادي الاختبار\""))
        #expect(run.output.contains("\"source\":\"Places.tsv:3\""))

        try "name\n".write(to: places, atomically: true, encoding: .utf8)
        let broken = try Tool.run(["analyze", "--lexicon", places.path], input: "نص\n")
        #expect(broken.status == 1)
        #expect(broken.stderr == "arabic-text: \(places.path):1:0: the header has no column 'type' (it has: name)\n")
        let misnamed = directory.appendingPathComponent("Mine.tsv")
        try "name\n".write(to: misnamed, atomically: true, encoding: .utf8)
        let unknown = try Tool.run(["analyze", "--lexicon", misnamed.path], input: "نص\n")
        #expect(unknown.status == 1)
        #expect(unknown.stderr.contains("unknown lexicon kind 'Mine'"))
    }
}

@Suite struct AnalyzeJSONLTests {
    static let input =
        Data("{\"id\":\"a1\",\"source\":\"spa\",\"text\":\"قالت وزارة الخارجية الروسية إن الوضع خطير.\"}\n".utf8)
        + Data("not json\n".utf8) + Data("{\"id\":7,\"title\":\"no text\"}\n".utf8)
        + Data("{\"id\":\"bad\",\"text\":\"".utf8) + Data([0xFF]) + Data("\"}\n".utf8)
        + Data("{\"id\":\"b\",\"text\":\"وصل بوتين إلى بكين.\"}\n".utf8)

    @Test func everyRecordGivesOneRecordInOrder() throws {
        let run = try Tool.run(["analyze", "--input", "jsonl", "--format", "jsonl", "--jobs", "1"], input: Self.input)
        let lines = run.output.split(separator: "\n").map(String.init)
        #expect(lines.count == 5)
        let objects = try lines.map { try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]) }
        #expect(objects.map { $0["id"] as? String } == ["a1", nil, "7", nil, "b"])
        #expect(objects[0]["source"] as? String == "spa")  // passed through
        #expect((objects[0]["quotes"] as? [Any])?.count == 1)
        #expect(objects[1]["error"] as? String == "invalid JSON at byte 1 of the line: a record must be a JSON object")
        #expect(objects[1]["line"] as? Int == 2)
        #expect(objects[2]["error"] as? String == "no \"text\" string field")
        #expect((objects[3]["error"] as? String)?.hasPrefix("invalid UTF-8") == true)
        #expect(run.status == 1)
        let messages = run.stderr.split(separator: "\n")
        #expect(messages.count == 2)
        #expect(messages.first?.hasPrefix("arabic-text: 5 documents, 3 errors, 0.0 MB in ") == true, "\(run.stderr)")
        #expect(messages.last == "arabic-text: 3 of 5 records could not be analyzed (see their \"error\" fields)")
    }

    @Test func jobsDoNotChangeTheOutput() throws {
        var many = Data()
        for index in 0..<300 { many += Data("{\"id\":\"\(index)\",\"text\":\"قال بوتين إن روسيا مستعدة \(index).\"}\n".utf8) }
        let one = try Tool.run(["analyze", "--input", "jsonl", "--format", "jsonl", "--jobs", "1"], input: many)
        let two = try Tool.run(["analyze", "--input", "jsonl", "--format", "jsonl", "--jobs", "2"], input: many)
        #expect(one.status == 0 && two.status == 0)
        #expect(one.stdout == two.stdout)
        #expect(one.output.split(separator: "\n").count == 300)
    }
}

@Suite struct AnalyzeCorpusTests {
    func temporaryDirectory() throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("arabic-text-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return directory
    }

    @Test func directoriesAreReadRecursivelyInNameOrder() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("sub"), withIntermediateDirectories: true)
        try "دعت روسيا إلى وقف القتال.".write(to: directory.appendingPathComponent("a.txt"), atomically: true, encoding: .utf8)
        try "{\"id\":\"j1\",\"text\":\"أدانت لبنان\"}\n\n{\"id\":\"j2\",\"text\":\"وصل بوتين\"}\n".write(
            to: directory.appendingPathComponent("sub/b.jsonl"), atomically: true, encoding: .utf8)
        try "ليس نصا للتحليل".write(to: directory.appendingPathComponent("notes.md"), atomically: true, encoding: .utf8)
        let run = try Tool.run(["analyze", "--format", "jsonl", "--quiet", directory.path])
        #expect(run.status == 0)
        #expect(run.stderr.isEmpty)
        let ids = try run.output.split(separator: "\n").map {
            try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])["id"] as? String
        }
        #expect(ids == [directory.appendingPathComponent("a.txt").path, "j1", "j2"])

        let empty = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: empty) }
        let none = try Tool.run(["analyze", empty.path])
        #expect(none.status == 1)
        #expect(none.stderr == "arabic-text: '\(empty.path)' has no *.txt or *.jsonl file\n")
    }

    @Test func theStructureIsInTheJSON() throws {
        let run = try Tool.run(["analyze", "--quiet", Tool.example])
        let json = try #require(try JSONSerialization.jsonObject(with: run.stdout) as? [String: Any])
        let structure = try #require(json["structure"] as? [String: Any])
        #expect(structure["source"] as? [String] == ["صدى البلد", "RT + وسائل إعلام أمريكية"])
        #expect(structure["keywords"] as? [String] == ["روسيا", "القتال", "إقليم قره باغ", "أطراف النزاع"])
        #expect(structure["relatedHeadings"] as? [String] == ["إقرأ أيضاً:", "مقالات مشابهة"])
        #expect(structure["dateline"] as? String == "روسيا")
        let entities = try #require(json["entities"] as? [[String: Any]])
        #expect(entities.allSatisfy { $0["section"] is String })
        #expect(entities.contains { $0["text"] as? String == "بوتين" && $0["section"] as? String == "related" })
        let quotes = try #require(json["quotes"] as? [[String: Any]])
        #expect(quotes.first?["section"] as? String == "body")
        #expect(quotes.contains { $0["section"] as? String == "headline" && $0["article"] as? Int == 1 })
        let text = Array(try String(contentsOfFile: Tool.example, encoding: .utf8).unicodeScalars)
        for section in try #require(structure["sections"] as? [[String: Any]]) {
            let start = try #require(section["start"] as? Int), end = try #require(section["end"] as? Int)
            #expect(start < end && end <= text.count)
        }
    }

    @Test func aReadableView() throws {
        let run = try Tool.run(["analyze", "--format", "text", "--quiet", Tool.example])
        #expect(run.status == 0)
        #expect(run.output.hasPrefix("═══ \(Tool.example)\n[body] دعت روسيا، اليوم الأربعاء،"))
        #expect(run.output.contains("\n  ❝ direct · cue قالت · speaker وزارة الخارجية الروسية · source سبوتنيك\n"))
        #expect(run.output.contains("\n[relatedHeading] إقرأ أيضاً:\n[headline 1] الخارجية الروسية: نعتبر"))
        #expect(run.output.contains("\n  ─ source: صدى البلد | RT + وسائل إعلام أمريكية\n"))
    }

    @Test func otherFieldsPassThroughByteForByte() throws {
        let line = #"{"meta":{"a":[1,2.50,"b\u0022"],"ok":true},"id":"x","n":1e3,"text":"قال بوتين إن روسيا مستعدة."}"#
        let run = try Tool.run(["analyze", "--format", "jsonl", "--input", "jsonl", "--quiet"], input: line + "\n")
        #expect(run.status == 0)
        #expect(run.output.hasPrefix(#"{"id":"x","meta":{"a":[1,2.50,"b\u0022"],"ok":true},"n":1e3,"entities":["#))
    }

    @Test(arguments: [
        (#"{"id":"e","text":"\u0627\u0644\u0642\u062f\u0633 \ud83d\ude00\n\"x\""}"#, "القدس 😀\n\"x\""),
        (#"{"text":"a\/b\tc","id":12}"#, "a/b\tc"),
    ])
    func escapesAreDecoded(_ line: String, _ text: String) throws {
        let run = try Tool.run(["analyze", "--format", "jsonl", "--input", "jsonl", "--quiet"], input: line + "\n")
        let object = try #require(try JSONSerialization.jsonObject(with: run.stdout) as? [String: Any])
        let sections = try #require((object["structure"] as? [String: Any])?["sections"] as? [[String: Any]])
        // The sections cover the decoded text, so its scalars are counted right.
        #expect(sections.last?["end"] as? Int == text.unicodeScalars.count)
        #expect(object["id"] as? String == (line.contains("\"id\":12") ? "12" : "e"))
    }

    @Test(arguments: [
        (#"{"id":"a","text":"x"} trailing"#, "invalid JSON at byte 23 of the line: more after the record's closing '}'"),
        (#"{"id":"a","text":"not closed}"#, "invalid JSON at byte 30 of the line: a string is not closed"),
        (#"{"id":"a","text":"\ud800"}"#, "invalid JSON at byte 25 of the line: a lone UTF-16 surrogate in a \\u escape"),
        (#"{"id":"a","text":"x","n":01}"#, "invalid JSON at byte 27 of the line: expected ',' or '}' after a field"),
        (#"["id","text"]"#, "invalid JSON at byte 1 of the line: a record must be a JSON object"),
        (#"{"id":"a","text":5}"#, "the \"text\" field is not a string"),
        (
            "{\"id\":\"a\",\"deep\":" + String(repeating: "[", count: 100_000) + "}",
            "invalid JSON at byte 10018 of the line: values nested too deeply"
        ),
    ])
    func badRecordsSayWhatIsWrong(_ line: String, _ message: String) throws {
        let run = try Tool.run(["analyze", "--format", "jsonl", "--input", "jsonl", "--quiet"], input: line + "\n")
        #expect(run.status == 1)
        let object = try #require(try JSONSerialization.jsonObject(with: run.stdout) as? [String: Any])
        #expect(object["error"] as? String == message)
        #expect(object["line"] as? Int == 1)
    }
}

@Suite struct AnalyzeProgressTests {
    /// On a terminal, a progress bar is redrawn on standard error; `script` runs the tool
    /// on a pseudo-terminal (util-linux, in every Debian install) and records what it prints.
    @Test func aProgressBarOnATerminalAndNotOtherwise() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("arabic-text-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let input = directory.appendingPathComponent("in.jsonl")
        var lines = ""
        let article = String(repeating: "وقالت وزارة الخارجية الروسية إن الوضع في إقليم قره باج خطير. ", count: 20)
        for index in 0..<1000 { lines += "{\"id\":\"\(index)\",\"text\":\"\(article)\"}\n" }
        try lines.write(to: input, atomically: true, encoding: .utf8)
        let command = "'\(Tool.executable.path)' analyze --format jsonl --jobs 1 '\(input.path)' > /dev/null"
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/script")
        process.arguments = ["-qefc", command, "/dev/null"]
        let terminal = Pipe()
        process.standardOutput = terminal
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let shown = String(decoding: terminal.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        // The bar: redrawn in place, with the fraction done, documents, MB, MB/s and ETA.
        #expect(shown.contains("\r\u{1B}[K["), "\(shown.debugDescription)")
        #expect(shown.contains("% "))
        #expect(shown.contains(" documents · ") && shown.contains(" MB/s") && shown.contains("ETA"))
        #expect(shown.contains("arabic-text: 1,000 documents, 0 errors, "))
        // Without a terminal: the summary line only.
        let piped = try Tool.run(["analyze", "--format", "jsonl", "--jobs", "1", input.path])
        #expect(!piped.stderr.contains("\r"))
        #expect(piped.stderr.hasPrefix("arabic-text: 1,000 documents, 0 errors, ") && piped.stderr.hasSuffix(" MB/s)\n"))
    }
}
