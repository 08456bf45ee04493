import ArabicText
import ArgumentParser
import Dispatch
import Foundation
import Synchronization

/// One slot per record, filled from worker threads.
final class ResultSlots: Sendable {
    private let slots: Mutex<[(failed: Bool, bytes: [UInt8])]>
    init(count: Int) { slots = Mutex(Array(repeating: (false, []), count: count)) }
    func set(_ index: Int, _ result: (failed: Bool, bytes: [UInt8])) { slots.withLock { $0[index] = result } }
    var values: [(failed: Bool, bytes: [UInt8])] { slots.withLock { $0 } }
}

struct AnalyzeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "analyze",
        abstract: "Find the named entities and quotations of each document, as JSON.",
        discussion: """
            Each entity: {"type", "subtype", "text", "start", "end", "id", "source"}, offsets in \
            Unicode scalars into the document (Python's text[start:end] reads the mention), id an \
            ISO 3166 code where the entity belongs to a country, source the lexicon line or rule \
            that found it. Each quotation: {"kind": direct|indirect|partial, "text", "start", "end", \
            "cue": {"text", "start", "end", "lemma"} or null, "speaker": {"text", "start", "end", \
            "entity", "resolved"} or null, "source": the same or null}; "entity" indexes the \
            entities, "resolved" names the earlier speaker a dropped or pronoun subject stands for, \
            "source" what a source phrase (وحسب، نقلا عن …) names.

            Examples:
              arabic-text analyze Examples/karabakh-pagers.txt
              arabic-text analyze --input lines --format jsonl sentences.txt
            """
    )

    enum Input: String, ExpressibleByArgument, CaseIterable {
        case text, lines, jsonl
    }

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case json, jsonl
    }

    @Option(
        help: """
            What a document is: a whole file (text), each line (lines), or each line's JSON object \
            {"id", "text", …} (jsonl; other fields are passed through).
            """)
    var input: Input = .text

    @Option(help: "json: one object per document (an array when there are several); jsonl: one line per document.")
    var format: Format = .json

    @Option(help: "Documents analyzed at once (default: every core); the output keeps the input's order.")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Option(name: .customLong("lexicon"), help: "An extra lexicon file, named like a bundled one (Places.tsv …); repeatable.")
    var lexicons: [String] = []

    @OptionGroup var files: InputArguments

    func validate() throws {
        guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1") }
    }

    /// One input record: a document to analyze, or a record that could not be read.
    enum Record: Sendable {
        case document(id: String, text: String, passthrough: [(String, String)])
        case failure(id: String?, line: Int, message: String)
        /// A line not read yet: it is parsed on a worker thread, like the analysis.
        case line(bytes: [UInt8], number: Int, input: Input, name: String, lossy: Bool)
    }

    func run() throws {
        try reportingErrors {
            let finder: QuotationFinder
            do { finder = try QuotationFinder(additionalLexicons: lexicons) } catch {
                throw CLIError.input("\(error)")
            }
            let output = OutputWriter()
            defer { try? output.flush() }
            var written = 0, failures = 0
            let pretty = format == .json
            let many = input != .text || files.paths.count > 1
            // Records are analyzed in batches, in parallel, and written in input order: memory
            // is bounded by the batch, not the corpus.
            var batch: [Record] = []
            var batchBytes = 0
            func flushBatch() throws {
                guard !batch.isEmpty else { return }
                let records = batch
                let results = Self.analyze(records, finder: finder, pretty: pretty, jobs: jobs)
                for (failed, bytes) in results {
                    if failed { failures += 1 }
                    if format == .json { try output.write(written == 0 ? "" : ",\n") }
                    try bytes.withUnsafeBufferPointer { try output.write($0) }
                    if format == .jsonl { try output.write("\n") }
                    written += 1
                }
                batch.removeAll(keepingCapacity: true)
                batchBytes = 0
            }
            func add(_ record: Record, size: Int) throws {
                batch.append(record)
                batchBytes += size
                if batch.count >= 64 * jobs || batchBytes >= (8 << 20) { try flushBatch() }
            }
            if format == .json && many { try output.write("[\n") }
            for path in files.paths {
                let reader = try InputReader(path: path)
                var gate = UTF8Gate(lossy: files.lossy)
                var whole: [UInt8] = []
                try reader.forEachChunk { chunk, offset, firstLine in
                    guard input != .text else {
                        return try gate.pass(chunk, offset: offset, firstLine: firstLine, input: reader) {
                            whole.append(contentsOf: $0)
                        }
                    }
                    var number = firstLine
                    for line in chunk.split(separator: 0x0A, omittingEmptySubsequences: false).dropLast(
                        chunk.last == 0x0A ? 1 : 0)
                    {
                        let bytes = UnsafeBufferPointer(rebasing: line)
                        try add(
                            .line(bytes: Array(bytes), number: number, input: input, name: reader.name, lossy: files.lossy),
                            size: bytes.count)
                        number += 1
                    }
                }
                if input == .text {
                    try add(
                        .document(id: reader.name, text: String(decoding: whole, as: UTF8.self), passthrough: []),
                        size: whole.count)
                }
                gate.reportReplacements(in: reader.name)
            }
            try flushBatch()
            if format == .json { try output.write(many ? "\n]\n" : "\n") }
            try output.flush()
            if failures > 0 {
                throw CLIError.input("\(failures) of \(written) records could not be analyzed (see their \"error\" fields)")
            }
        }
    }

    /// Reads one line as a record: a document, or an error record that says why not.
    static func record(_ bytes: UnsafeBufferPointer<UInt8>, line: Int, input: Input, name: String, lossy: Bool) -> Record {
        let invalid = UTF8Validation.firstInvalidOffset(inBuffer: bytes)
        if let invalid, !lossy {
            return .failure(id: nil, line: line, message: "invalid UTF-8 at byte \(invalid) of the line")
        }
        guard input == .jsonl else {
            return .document(id: "\(name):\(line)", text: String(decoding: bytes, as: UTF8.self), passthrough: [])
        }
        // The JSON parser reads the bytes as they are (repaired first when lossy).
        let json =
            invalid == nil ? Data(bytes) : Data(UTF8Validation.repair(bytes).text.utf8)
        let object: Any
        do { object = try JSONSerialization.jsonObject(with: json) } catch {
            return .failure(id: nil, line: line, message: "invalid JSON")
        }
        guard let fields = object as? [String: Any] else { return .failure(id: nil, line: line, message: "not a JSON object") }
        let id = fields["id"].map { "\($0)" }
        guard let body = fields["text"] as? String else {
            return .failure(id: id, line: line, message: "no \"text\" string field")
        }
        var passthrough: [(String, String)] = []
        for key in fields.keys.sorted() where !["id", "text", "entities", "quotes", "error"].contains(key) {
            if let data = try? JSONSerialization.data(withJSONObject: fields[key]!, options: [.fragmentsAllowed, .sortedKeys]) {
                passthrough.append((key, String(decoding: data, as: UTF8.self)))
            }
        }
        return .document(id: id ?? "\(name):\(line)", text: body, passthrough: passthrough)
    }

    /// The output bytes of each record, computed on `jobs` threads.
    static func analyze(_ records: [Record], finder: QuotationFinder, pretty: Bool, jobs: Int) -> [(failed: Bool, bytes: [UInt8])]
    {
        let results = ResultSlots(count: records.count)
        let work: @Sendable (Int) -> Void = { index in
            let buffer = ByteBuffer()
            var record = records[index]
            if case .line(let bytes, let number, let input, let name, let lossy) = record {
                record = bytes.withUnsafeBufferPointer { Self.record($0, line: number, input: input, name: name, lossy: lossy) }
            }
            var failed = false
            switch record {
            case .document(let id, let text, let passthrough):
                do {
                    let analysis = try finder.analyze(text)
                    try write(id: id, text: text, analysis: analysis, pretty: pretty, passthrough: passthrough, to: buffer)
                } catch {
                    failed = true
                    try? writeFailure(id: id, line: nil, message: "\(error)", to: buffer)
                }
            case .failure(let id, let line, let message):
                failed = true
                try? writeFailure(id: id, line: line, message: message, to: buffer)
            case .line:
                preconditionFailure("lines are parsed above")
            }
            results.set(index, (failed, buffer.bytes))
        }
        if jobs <= 1 || records.count == 1 {
            for index in records.indices { work(index) }
        } else {
            let workers = min(jobs, records.count)
            DispatchQueue.concurrentPerform(iterations: workers) { worker in
                var index = worker
                while index < records.count {
                    work(index)
                    index += workers
                }
            }
        }
        return results.values
    }

    static func writeFailure(id: String?, line: Int?, message: String, to output: some ByteSink) throws(CLIError) {
        try output.write("{\"id\":")
        try writeOptional(id, to: output)
        if let line { try output.write(",\"line\":\(line)") }
        try output.write(",\"error\":")
        try output.writeJSONString(message)
        try output.write("}")
    }

    /// Writes one document's JSON.
    static func write(
        id: String, text: String, analysis: QuotationAnalysis, pretty: Bool, passthrough: [(String, String)] = [],
        to output: some ByteSink
    )
        throws(CLIError)
    {
        let entities = analysis.entities
        var bytes = Array(text.utf8)
        var failure: CLIError?
        bytes.withUnsafeMutableBufferPointer { buffer in
            do throws(CLIError) {
                var scalars = ScalarOffsetCounter(UnsafeBufferPointer(buffer))
                try output.write("{\"id\":")
                try output.writeJSONString(id)
                for (key, value) in passthrough {
                    try output.write(",")
                    try output.writeJSONString(key)
                    try output.write(":" + value)
                }
                try output.write(pretty ? ",\n \"entities\":[" : ",\"entities\":[")
                for (index, entity) in entities.enumerated() {
                    try output.write(index == 0 ? (pretty ? "\n  " : "") : (pretty ? ",\n  " : ","))
                    let start = scalars.scalarOffset(ofUTF8: entity.range.lowerBound)
                    let end = scalars.scalarOffset(ofUTF8: entity.range.upperBound)
                    try output.write("{\"type\":\"\(entity.type.rawValue)\",\"subtype\":")
                    try writeOptional(entity.subtype, to: output)
                    try output.write(",\"text\":")
                    try output.writeJSONString(UnsafeBufferPointer(rebasing: buffer[entity.range]))
                    try output.write(",\"start\":\(start),\"end\":\(end),\"id\":")
                    try writeOptional(entity.id, to: output)
                    try output.write(",\"source\":")
                    try output.writeJSONString(entity.source)
                    try output.write("}")
                }
                try output.write(pretty ? "],\n \"quotes\":[" : "],\"quotes\":[")
                // Quotations are in text order, but their cues and speakers may lie before
                // them: every offset they need is converted in one walk over the text.
                var needed: [Int] = []
                for quote in analysis.quotations {
                    needed += [quote.range.lowerBound, quote.range.upperBound]
                    if let cue = quote.cue { needed += [cue.range.lowerBound, cue.range.upperBound] }
                    if let range = quote.speaker?.range { needed += [range.lowerBound, range.upperBound] }
                    if let range = quote.source?.range { needed += [range.lowerBound, range.upperBound] }
                }
                var scalarOffsets: [Int: Int] = [:]
                var walker = ScalarOffsetCounter(UnsafeBufferPointer(buffer))
                for offset in Set(needed).sorted() { scalarOffsets[offset] = walker.scalarOffset(ofUTF8: offset) }
                func offsets(_ range: Range<Int>) -> String {
                    "\"start\":\(scalarOffsets[range.lowerBound]!),\"end\":\(scalarOffsets[range.upperBound]!)"
                }
                for (index, quote) in analysis.quotations.enumerated() {
                    try output.write(index == 0 ? (pretty ? "\n  " : "") : (pretty ? ",\n  " : ","))
                    try output.write("{\"kind\":\"\(quote.kind.rawValue)\",\"text\":")
                    try output.writeJSONString(UnsafeBufferPointer(rebasing: buffer[quote.range]))
                    try output.write("," + offsets(quote.range) + ",\"cue\":")
                    if let cue = quote.cue {
                        try output.write("{\"text\":")
                        try output.writeJSONString(cue.text)
                        try output.write("," + offsets(cue.range) + ",\"lemma\":")
                        try output.writeJSONString(cue.lemma)
                        try output.write("}")
                    } else {
                        try output.write("null")
                    }
                    for (key, person) in [("speaker", quote.speaker), ("source", quote.source)] {
                        try output.write(",\"\(key)\":")
                        if let speaker = person {
                            try output.write("{\"text\":")
                            try writeOptional(speaker.text, to: output)
                            if let range = speaker.range {
                                try output.write("," + offsets(range))
                            } else {
                                try output.write(",\"start\":null,\"end\":null")
                            }
                            try output.write(",\"entity\":\(speaker.entity.map(String.init) ?? "null"),\"resolved\":")
                            try writeOptional(speaker.resolved, to: output)
                            try output.write("}")
                        } else {
                            try output.write("null")
                        }
                    }
                    try output.write("}")
                }
                try output.write("]}")
            } catch {
                failure = error
            }
        }
        if let failure { throw failure }
    }

    static func writeOptional(_ value: String?, to output: some ByteSink) throws(CLIError) {
        if let value { try output.writeJSONString(value) } else { try output.write("null") }
    }
}
