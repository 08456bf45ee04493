import ArabicText
import ArgumentParser
import Foundation

struct AnalyzeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "analyze",
        abstract: "Find the named entities of each document, as JSON.",
        discussion: """
            Each entity: {"type", "subtype", "text", "start", "end", "id", "source"}, offsets in \
            Unicode scalars into the document (Python's text[start:end] reads the mention), id an \
            ISO 3166 code where the entity belongs to a country, source the lexicon line or rule \
            that found it.

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
            let recognizer: EntityRecognizer
            do { recognizer = try EntityRecognizer(additionalLexicons: lexicons) } catch {
                throw CLIError.input("\(error)")
            }
            let output = OutputWriter()
            defer { try? output.flush() }
            var documents = 0
            func emit(_ text: String, id: String) throws {
                let entities = try recognizer.entities(in: text)
                if format == .json { try output.write(documents == 0 ? "" : ",\n") }
                try output.write(Self.json(id: id, text: text, entities: entities, pretty: format == .json))
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
                        for line in valid.split(separator: 0x0A, omittingEmptySubsequences: false).dropLast(valid.last == 0x0A ? 1 : 0) {
                            try emit(String(decoding: UnsafeBufferPointer(rebasing: line), as: UTF8.self), id: "\(reader.name):\(number)")
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

    /// One document's JSON.
    static func json(id: String, text: String, entities: [Entity], pretty: Bool) -> String {
        var bytes = Array(text.utf8)
        return bytes.withUnsafeMutableBufferPointer { buffer in
            var scalars = ScalarOffsetCounter(UnsafeBufferPointer(buffer))
            let separator = pretty ? ",\n  " : ","
            let items = entities.map { entity -> String in
                let start = scalars.scalarOffset(ofUTF8: entity.range.lowerBound)
                let end = scalars.scalarOffset(ofUTF8: entity.range.upperBound)
                return "{\"type\":\"\(entity.type.rawValue)\",\"subtype\":\(jsonValue(entity.subtype)),\"text\":\(jsonValue(entity.text)),"
                    + "\"start\":\(start),\"end\":\(end),\"id\":\(jsonValue(entity.id)),\"source\":\(jsonValue(entity.source))}"
            }
            let open = pretty ? "{\"id\":\(jsonValue(id)),\n \"entities\":[\n  " : "{\"id\":\(jsonValue(id)),\"entities\":["
            return open + items.joined(separator: separator) + (pretty ? "]}" : "]}")
        }
    }

    static func jsonValue(_ value: String?) -> String {
        guard let value else { return "null" }
        var result = "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case _ where scalar.value < 0x20: result += String(format: "\\u%04x", scalar.value)
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }
}
