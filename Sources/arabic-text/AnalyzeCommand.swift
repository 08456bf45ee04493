import ArabicText
import ArgumentParser
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

struct AnalyzeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "analyze",
        abstract: "Find the named entities, quotations and article structure of each document.",
        discussion: """
            Each entity: {"type", "subtype", "text", "start", "end", "id", "source", "section", \
            "article"}, offsets in Unicode scalars into the document (Python's text[start:end] reads \
            the mention), id an ISO 3166 code where the entity belongs to a country, source the \
            lexicon line or rule that found it, section the part of the page it is in (body, \
            headline, related, dateline, source, keywords, relatedHeading, footer) and article 0 \
            for the article itself, 1, 2 … for what follows each related-articles heading. Each \
            quotation: {"kind": direct|indirect|partial, "text", "start", "end", "cue": {"text", \
            "start", "end", "lemma", "source"} or null, "speaker": {"text", "start", "end", \
            "entity", "resolved", "rule"} or null, "source": the same or null, "rule", "section", \
            "article"}; "entity" indexes the entities, "resolved" names the earlier speaker a \
            dropped or pronoun subject stands for, "source" what a source phrase (وحسب، نقلا عن …) \
            names; "rule" says which rule found the quotation (rule:that, rule:colon …) or the \
            speaker (rule:after-verb, rule:carried-over …), a cue's "source" its lexicon line. \
            "structure": {"source", "keywords", "relatedHeadings", "datelines", "footers" (lists \
            of strings), "dateline" (the first, or null), "sections": [{"kind", "start", "end", \
            "article"}]}.

            Inputs are files, directories (every *.txt and *.jsonl file in them, recursively, in \
            name order) or standard input. A record that cannot be read (invalid JSON or UTF-8, no \
            "text", more than --max-document-bytes) gives {"id", "line", "error"} and the run goes \
            on; the exit code is 1 when any record failed. A summary line goes to standard error at \
            the end, and a progress bar while standard error is a terminal.

            Examples:
              arabic-text analyze Examples/karabakh-pagers.txt
              arabic-text analyze --format text Examples/karabakh-pagers.txt
              arabic-text analyze --format jsonl corpus/            # every *.txt and *.jsonl
              arabic-text analyze --input lines --format jsonl sentences.txt
            """
    )

    enum Input: String, ExpressibleByArgument, CaseIterable {
        case auto, text, lines, jsonl
    }

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case json, jsonl, text
    }

    @Option(
        help: """
            What a document is: a whole file (text), each line (lines), or each line's JSON object \
            {"id", "text", …} (jsonl; other fields are passed through). auto: jsonl for files \
            named *.jsonl, text for the others and for standard input.
            """)
    var input: Input = .auto

    @Option(
        help: """
            json: one object per document (an array when there are several); jsonl: one line per \
            document; text: a readable view, each paragraph with its quotations and entities.
            """)
    var format: Format = .json

    @Option(help: "Documents analyzed at once (default: every core); the output keeps the input's order.")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Option(
        name: .customLong("lexicon"),
        help: "An extra lexicon file, named like a bundled one (Places.tsv, CueVerbs.tsv …); repeatable.")
    var lexicons: [String] = []

    @Option(
        help: """
            The most bytes a document may have (a file with --input text, a line with lines or \
            jsonl); a larger one gives an error record and the run goes on. 0: no limit.
            """)
    var maxDocumentBytes: Int = 64 << 20

    @Flag(name: .shortAndLong, help: "No summary line at the end, no progress bar.")
    var quiet = false

    @OptionGroup var files: InputArguments

    func validate() throws {
        guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1") }
        guard maxDocumentBytes >= 0 else { throw ValidationError("--max-document-bytes must be 0 (no limit) or more") }
    }

    /// One input record, read on the main thread and analyzed on a worker.
    enum Record: Sendable {
        /// A whole file (or standard input) as one document.
        case document(id: String, text: String)
        /// A line, parsed on the worker (`lines` or `jsonl`).
        case line(bytes: [UInt8], number: Int, jsonl: Bool, name: String, lossy: Bool)
        /// A document larger than `--max-document-bytes`, not kept: its error record.
        case tooLarge(id: String?, line: Int?, bytes: Int, limit: Int, jsonl: Bool)

        var size: Int {
            switch self {
            case .document(_, let text): text.utf8.count
            case .line(let bytes, _, _, _, _): bytes.count + 1
            case .tooLarge(_, _, let bytes, _, _): bytes
            }
        }
    }

    /// One output record and whether it is an error record.
    struct Output: Sendable {
        var failed: Bool
        var bytes: [UInt8]
        var inputBytes: Int
    }

    func run() throws {
        try reportingErrors {
            let pipeline: Pipeline
            do { pipeline = try Pipeline(.init(annotators: .analysis, lexicons: lexicons)) } catch {
                throw CLIError.input("\(error)")
            }
            let sources = try Self.inputs(files.paths, input: input)
            let sizes = sources.map { $0.path.flatMap(Self.fileSize) }
            let progress = Progress(totalBytes: sizes.contains(nil) ? nil : sizes.reduce(0) { $0 + $1! }, quiet: quiet)
            let output = OutputWriter()
            defer { try? output.flush() }
            let format = format
            let many = sources.count > 1 || sources.contains { $0.input != .text }
            var written = 0
            func consume(_ outputs: [Output]) throws {
                var failures = 0, bytes = 0
                for result in outputs {
                    if result.failed { failures += 1 }
                    bytes += result.inputBytes
                    if format == .json { try output.write(written == 0 ? "" : ",\n") }
                    try result.bytes.withUnsafeBufferPointer { try output.write($0) }
                    if format == .jsonl { try output.write("\n") }
                    written += 1
                }
                progress.advance(documents: outputs.count, failures: failures, bytes: bytes)
            }
            let runner = BatchRunner<Record, Output>(jobs: jobs) { record in
                Self.analyze(record, pipeline: pipeline, format: format)
            }
            // Batches are bounded in records and in bytes: memory follows the batch, not the corpus.
            let batchRecords = 128 * jobs
            let batchBytes = 4 << 20
            var batch: [Record] = []
            var size = 0
            func add(_ record: Record) throws {
                batch.append(record)
                size += record.size
                if batch.count >= batchRecords || size >= batchBytes {
                    try runner.submit(batch, consume: consume)
                    batch = []
                    batch.reserveCapacity(batchRecords)
                    size = 0
                }
            }
            if format == .json && many { try output.write("[\n") }
            for source in sources {
                let reader = try InputReader(path: source.path)
                let limit = maxDocumentBytes == 0 ? Int.max : maxDocumentBytes
                if source.input == .text {
                    var gate = UTF8Gate(lossy: files.lossy)
                    var whole: [UInt8] = []
                    var total = 0
                    try reader.forEachChunk(splitsLongLines: true) { chunk, offset, firstLine in
                        total += chunk.count
                        if total > limit {  // counted to the end, not kept
                            whole = []
                            return
                        }
                        try gate.pass(chunk, offset: offset, firstLine: firstLine, input: reader) { whole.append(contentsOf: $0) }
                    }
                    gate.reportReplacements(in: reader.name)
                    guard total <= limit else {
                        try add(.tooLarge(id: reader.name, line: nil, bytes: total, limit: limit, jsonl: false))
                        continue
                    }
                    try add(.document(id: reader.name, text: String(decoding: whole, as: UTF8.self)))
                    continue
                }
                let jsonl = source.input == .jsonl
                func tooLarge(_ number: Int, _ bytes: Int) throws {
                    try add(
                        .tooLarge(
                            id: jsonl ? nil : "\(reader.name):\(number)", line: number, bytes: bytes, limit: limit, jsonl: jsonl))
                }
                try reader.forEachChunk(longLineLimit: limit == Int.max ? nil : limit, skipped: tooLarge) { chunk, _, firstLine in
                    var number = firstLine
                    var start = 0
                    while start < chunk.count {
                        // memchr: a line is thousands of bytes.
                        let end =
                            memchr(chunk.baseAddress! + start, 0x0A, chunk.count - start).map {
                                chunk.baseAddress!.distance(to: $0.assumingMemoryBound(to: UInt8.self))
                            } ?? chunk.count
                        let line = UnsafeBufferPointer(rebasing: chunk[start..<end])
                        if line.count > limit {
                            try tooLarge(number, line.count)
                        } else if !(jsonl && line.allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) {
                            // (A blank line in JSONL holds no record.)
                            try add(
                                .line(bytes: Array(line), number: number, jsonl: jsonl, name: reader.name, lossy: files.lossy))
                        }
                        number += 1
                        start = end + 1
                    }
                }
            }
            try runner.submit(batch, consume: consume)
            try runner.finish(consume: consume)
            if format == .json { try output.write(many ? "\n]\n" : "\n") }
            try output.flush()
            progress.finish()
            if progress.failures > 0 {
                throw CLIError.input(
                    "\(progress.failures) of \(written) records could not be analyzed (see their \"error\" fields)")
            }
        }
    }

    /// The files to read and how: directories become their `*.txt` and `*.jsonl` files,
    /// recursively, in name order; `nil` is standard input.
    static func inputs(_ paths: [String?], input: Input) throws(CLIError) -> [(path: String?, input: Input)] {
        var inputs: [(path: String?, input: Input)] = []
        func kind(of path: String?) -> Input {
            guard input == .auto else { return input }
            return path?.hasSuffix(".jsonl") == true ? .jsonl : .text
        }
        for path in paths {
            guard let path, path != "-" else {
                inputs.append((nil, kind(of: nil)))
                continue
            }
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw .input("cannot open '\(path)': no such file or directory")
            }
            guard isDirectory.boolValue else {
                inputs.append((path, kind(of: path)))
                continue
            }
            guard let walker = FileManager.default.enumerator(atPath: path) else {
                throw .input("cannot read the directory '\(path)'")
            }
            var found: [String] = []
            while let relative = walker.nextObject() as? String {
                guard relative.hasSuffix(".txt") || relative.hasSuffix(".jsonl") else { continue }
                let full = (path as NSString).appendingPathComponent(relative)
                var isFolder: ObjCBool = false
                if FileManager.default.fileExists(atPath: full, isDirectory: &isFolder), !isFolder.boolValue {
                    found.append(full)
                }
            }
            if found.isEmpty { throw .input("'\(path)' has no *.txt or *.jsonl file") }
            for file in found.sorted() { inputs.append((file, kind(of: file))) }
        }
        return inputs
    }

    static func fileSize(_ path: String) -> Int? {
        var status = stat()
        guard stat(path, &status) == 0, status.st_mode & S_IFMT == S_IFREG else { return nil }
        return Int(status.st_size)
    }

    /// Reads and analyzes one record on a worker thread; never throws: a record that fails
    /// becomes an error record.
    static func analyze(_ record: Record, pipeline: Pipeline, format: Format) -> Output {
        let id: String, text: String
        var passthrough: [(key: ArraySlice<UInt8>, value: ArraySlice<UInt8>)] = []
        var line: Int?
        switch record {
        case .document(let name, let body):
            id = name
            text = body
        case .line(var bytes, let number, let jsonl, let name, let lossy):
            line = number
            let parsed: JSONRecord
            if jsonl && !lossy {
                // The record's text is validated as it becomes a string, the rest of its line
                // after parsing: one pass over the bytes, not two.
                do { parsed = try JSONRecord(parsing: bytes, validatingText: true) } catch {
                    if let invalid = UTF8Validation.firstInvalidOffset(in: bytes) {
                        return failure(
                            id: nil, line: number, "invalid UTF-8 at byte \(invalid + 1) of the line", format, bytes.count)
                    }
                    return failure(id: nil, line: number, error.description, format, bytes.count)
                }
                let textRange = parsed.textRange ?? bytes.count..<bytes.count
                for part in [0..<textRange.lowerBound, textRange.upperBound..<bytes.count] {
                    if let invalid = UTF8Validation.firstInvalidOffset(in: bytes[part]) {
                        let offset = part.lowerBound + invalid + 1
                        return failure(id: nil, line: number, "invalid UTF-8 at byte \(offset) of the line", format, bytes.count)
                    }
                }
            } else {
                if let invalid = UTF8Validation.firstInvalidOffset(in: bytes) {
                    guard lossy else {
                        return failure(
                            id: nil, line: number, "invalid UTF-8 at byte \(invalid + 1) of the line", format, bytes.count)
                    }
                    bytes = Array(UTF8Validation.repair(bytes).text.utf8)
                }
                guard jsonl else {
                    id = "\(name):\(number)"
                    text = String(decoding: bytes, as: UTF8.self)
                    break
                }
                do { parsed = try JSONRecord(parsing: bytes) } catch {
                    return failure(id: nil, line: number, error.description, format, bytes.count)
                }
            }
            guard let body = parsed.text else {
                let message = parsed.textIsNotAString ? "the \"text\" field is not a string" : "no \"text\" string field"
                return failure(id: parsed.id, line: number, message, format, bytes.count)
            }
            id = parsed.id ?? "\(name):\(number)"
            text = body
            passthrough = parsed.passthrough
        case .tooLarge(let name, let number, let bytes, let limit, let jsonl):
            let message = "the \(jsonl ? "record" : "document") is \(bytes) bytes, more than --max-document-bytes \(limit)"
            return failure(id: name, line: number, message, format, bytes)
        }
        do {
            let document = try pipeline.analyze(text)
            let bytes =
                format == .text
                ? DocumentText.record(id: id, document: document)
                : DocumentJSON.record(id: id, document: document, passthrough: passthrough, pretty: format == .json)
            return Output(failed: false, bytes: bytes, inputBytes: record.size)
        } catch {
            return failure(id: id, line: line, "\(error)", format, record.size)
        }
    }

    static func failure(id: String?, line: Int?, _ message: String, _ format: Format, _ size: Int) -> Output {
        let bytes =
            format == .text
            ? Array("═══ \(id ?? "?")\(line.map { " (line \($0))" } ?? "")\nerror: \(message)\n\n".utf8)
            : DocumentJSON.failure(id: id, line: line, message: message)
        return Output(failed: true, bytes: bytes, inputBytes: size)
    }
}
