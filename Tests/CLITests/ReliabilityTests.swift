import Foundation
import Testing

/// No data loss: every record in gives one record out, in order, whatever goes wrong with
/// it; a failure to write the output is reported with a non-zero exit, never dropped.
@Suite struct NoDataLossTests {
    /// The JSON objects of JSONL output, one per line.
    func records(_ run: Run) throws -> [[String: Any]] {
        try run.output.split(separator: "\n").map {
            try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
    }

    @Test func everyKindOfFailureKeepsItsPlace() throws {
        let long = String(repeating: "ب", count: 300)
        var input = Data("{\"id\":\"first\",\"text\":\"قال بوتين إن روسيا مستعدة.\"}\n".utf8)
        input += Data("{\"id\":\"cut\",\"text\":\"قال\n".utf8)  // a record cut short
        input += Data("{\"id\":\"long\",\"text\":\"\(long)\"}\n".utf8)  // beyond --max-document-bytes
        input += Data("{\"id\":\"bytes\",\"text\":\"".utf8) + Data([0xC0, 0xAF]) + Data("\"}\n".utf8)  // overlong
        input += Data("{\"id\":\"last\",\"text\":\"وصل بوتين إلى بكين.\"}".utf8)  // no final line feed
        for jobs in ["1", "2"] {
            let run = try Tool.run(
                ["analyze", "--input", "jsonl", "--format", "jsonl", "--max-document-bytes", "200", "--jobs", jobs], input: input)
            let objects = try records(run)
            #expect(objects.count == 5)
            #expect(objects.map { $0["id"] as? String } == ["first", nil, nil, nil, "last"])
            #expect(objects.map { $0["line"] as? Int } == [nil, 2, 3, 4, nil])
            #expect((objects[1]["error"] as? String)?.hasPrefix("invalid JSON at byte") == true)
            #expect(objects[2]["error"] as? String == "the record is 623 bytes, more than --max-document-bytes 200")
            #expect(objects[3]["error"] as? String == "invalid UTF-8 at byte 23 of the line")
            #expect((objects[4]["entities"] as? [Any])?.isEmpty == false)
            #expect(run.status == 1)
            #expect(run.stderr.contains("3 of 5 records could not be analyzed"))
        }
    }

    @Test(arguments: ["lines", "jsonl"])
    func aLastLineWithoutLineFeedIsARecord(_ input: String) throws {
        let text = input == "lines" ? "قال الوزير.\nوصل الوفد." : "{\"text\":\"قال الوزير.\"}\n{\"text\":\"وصل الوفد.\"}"
        let run = try Tool.run(["analyze", "--input", input, "--format", "jsonl"], input: text)
        #expect(run.status == 0)
        #expect(try records(run).map { $0["id"] as? String } == ["<stdin>:1", "<stdin>:2"])
    }

    /// Overlong forms, surrogates, code points past U+10FFFF, stray continuation bytes, lead
    /// bytes that never start a sequence and sequences cut short: one error record each, in
    /// place, with the byte it is at.
    @Test func invalidUTF8OfEveryKindGivesAnErrorRecordInPlace() throws {
        let kinds: [[UInt8]] = [
            [0xC0, 0xAF], [0xE0, 0x80, 0xAF], [0xF0, 0x80, 0x80, 0xAF], [0xED, 0xA0, 0x80], [0xED, 0xBF, 0xBF],
            [0xF4, 0x90, 0x80, 0x80], [0x80], [0xBF], [0xFE], [0xFF], [0xF5, 0x80, 0x80, 0x80], [0xD8], [0xE2, 0x80],
        ]
        var input = Data()
        for bytes in kinds { input += Data("نص ".utf8) + Data(bytes) + Data(" نص\n".utf8) }
        input += Data("نص سليم\u{0}مع صفر\n".utf8)  // NUL is valid UTF-8
        let run = try Tool.run(["analyze", "--input", "lines", "--format", "jsonl", "--quiet"], input: input)
        let objects = try records(run)
        #expect(objects.count == kinds.count + 1)
        for index in kinds.indices {
            #expect(objects[index]["error"] as? String == "invalid UTF-8 at byte 6 of the line", "\(kinds[index])")
            #expect(objects[index]["line"] as? Int == index + 1)
        }
        #expect(objects.last?["error"] == nil)
        #expect(run.status == 1)
    }

    /// Writing to a full disk: a message on standard error and exit 1, for every command.
    @Test(arguments: [
        ["analyze", "--input", "lines", "--format", "jsonl"], ["analyze", "--format", "json"], ["normalize"], ["tokenize"],
        ["tokenize", "--format", "json"],
    ])
    func aFullDiskIsReported(_ arguments: [String]) throws {
        let line = "قالت وزارة الخارجية الروسية إن الوضع خطير.\n"
        for size in [1, 15_000] {  // output that fits the buffer (fails at the last flush), and that does not
            let run = try Tool.run(arguments, input: String(repeating: line, count: size), output: "/dev/full")
            #expect(run.status == 1, "\(arguments) \(size)")
            #expect(run.stderr.contains("arabic-text: cannot write the output: No space left on device"), "\(run.stderr)")
        }
    }
}

/// `--max-document-bytes`: a document beyond it is an error record; the run goes on.
@Suite struct DocumentSizeLimitTests {
    func temporaryFile(_ contents: Data) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("limit-\(UUID().uuidString).txt").path
        try contents.write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test func aWholeFileBeyondTheLimit() throws {
        let big = try temporaryFile(Data(String(repeating: "قال الوزير إن الوضع خطير.\n", count: 5_000).utf8))
        let small = try temporaryFile(Data("قال الوزير إن الوضع خطير.\n".utf8))
        defer { for path in [big, small] { try? FileManager.default.removeItem(atPath: path) } }
        let size = try #require(try FileManager.default.attributesOfItem(atPath: big)[.size] as? Int)
        let run = try Tool.run(["analyze", "--format", "jsonl", "--max-document-bytes", "100000", "--quiet", big, small])
        let lines = run.output.split(separator: "\n")
        #expect(lines.count == 2)
        let first = try #require(try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: Any])
        #expect(first["id"] as? String == big)
        #expect(first["error"] as? String == "the document is \(size) bytes, more than --max-document-bytes 100000")
        #expect(lines[1].contains("\"quotes\":[{"))
        #expect(run.status == 1)
        // 0 is no limit.
        let unlimited = try Tool.run(["analyze", "--format", "jsonl", "--max-document-bytes", "0", "--quiet", big])
        #expect(unlimited.status == 0)
    }

    /// A line far longer than the reader's buffer is read past, not kept, and the lines
    /// around it are analyzed.
    @Test func aLineLongerThanTheBufferIsReadPast() throws {
        let long = String(repeating: "كلمة ", count: 400_000)  // 4 MB, a line of its own
        let input = "قال الوزير.\n" + long + "\nوصل الوفد."
        let run = try Tool.run(
            ["analyze", "--input", "lines", "--format", "jsonl", "--max-document-bytes", "1000", "--quiet"], input: input)
        let lines = run.output.split(separator: "\n").map(String.init)
        #expect(lines.count == 3)
        #expect(
            lines[1]
                == "{\"id\":\"<stdin>:2\",\"line\":2,\"error\":\"the document is \(long.utf8.count) bytes, more than --max-document-bytes 1000\"}"
        )
        #expect(lines[2].hasPrefix("{\"id\":\"<stdin>:3\""))
    }

    @Test func aNegativeLimitIsAUsageError() throws {
        let run = try Tool.run(["analyze", "--max-document-bytes=-1"], input: "نص")
        #expect(run.status == 64)
        #expect(run.stderr.contains("--max-document-bytes must be 0 (no limit) or more"))
    }
}
