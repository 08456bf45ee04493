import ArabicText
import ArgumentParser

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
        case text, lines
    }

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case json, jsonl
    }

    @Option(help: "What a document is: a whole file (text) or each line (lines).")
    var input: Input = .text

    @Option(help: "json: one object per document (an array when there are several); jsonl: one line per document.")
    var format: Format = .json

    @Option(name: .customLong("lexicon"), help: "An extra lexicon file, named like a bundled one (Places.tsv …); repeatable.")
    var lexicons: [String] = []

    @OptionGroup var files: InputArguments

    func run() throws {
        try reportingErrors {
            let finder: QuotationFinder
            do { finder = try QuotationFinder(recognizer: EntityRecognizer(additionalLexicons: lexicons)) } catch {
                throw CLIError.input("\(error)")
            }
            let output = OutputWriter()
            defer { try? output.flush() }
            var documents = 0
            func emit(_ text: String, id: String) throws {
                let analysis = try finder.analyze(text)
                if format == .json { try output.write(documents == 0 ? "" : ",\n") }
                try Self.write(id: id, text: text, analysis: analysis, pretty: format == .json, to: output)
                if format == .jsonl { try output.write("\n") }
                documents += 1
            }
            let many = input == .lines || files.paths.count > 1
            if format == .json && many { try output.write("[\n") }
            for path in files.paths {
                let reader = try InputReader(path: path)
                var gate = UTF8Gate(lossy: files.lossy)
                var whole: [UInt8] = []
                try reader.forEachChunk { chunk, offset, firstLine in
                    try gate.pass(chunk, offset: offset, firstLine: firstLine, input: reader) { valid in
                        guard input == .lines else { return whole.append(contentsOf: valid) }
                        var number = firstLine
                        for line in valid.split(separator: 0x0A, omittingEmptySubsequences: false).dropLast(
                            valid.last == 0x0A ? 1 : 0)
                        {
                            try emit(
                                String(decoding: UnsafeBufferPointer(rebasing: line), as: UTF8.self),
                                id: "\(reader.name):\(number)")
                            number += 1
                        }
                    }
                }
                if input == .text { try emit(String(decoding: whole, as: UTF8.self), id: reader.name) }
                gate.reportReplacements(in: reader.name)
            }
            if format == .json { try output.write(many ? "\n]\n" : "\n") }
            try output.flush()
        }
    }

    /// Writes one document's JSON.
    static func write(id: String, text: String, analysis: QuotationAnalysis, pretty: Bool, to output: OutputWriter)
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

    static func writeOptional(_ value: String?, to output: OutputWriter) throws(CLIError) {
        if let value { try output.writeJSONString(value) } else { try output.write("null") }
    }
}
