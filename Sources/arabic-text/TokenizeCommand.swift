import ArabicText
import ArgumentParser

struct TokenizeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tokenize",
        abstract: "Split each line into tokens (ICU word break over normalized text).",
        discussion: """
            text format: one token per line, as printed in the input (or normalized with \
            --normalized), and an empty line after each input line.
            json format: one JSON object per input line, {"line": N, "tokens": [{"text", \
            "normalized", "kind", "start", "end"}]}, offsets in Unicode scalars within the line.

            Examples:
              arabic-text tokenize article.txt
              arabic-text tokenize --format json --preset light article.txt
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    @Option(help: "Output format: text or json.")
    var format: Format = .text

    @Flag(help: "In text format, print each token's normalized form instead of its original text.")
    var normalized = false

    @OptionGroup var normalization: NormalizationArguments
    @OptionGroup var input: InputArguments

    func run() throws {
        try reportingErrors {
            let tokenizer: Tokenizer
            do { tokenizer = try Tokenizer(normalizer: Normalizer(try normalization.options())) } catch let error as ICUError {
                throw CLIError.input(error.description)
            }
            let output = OutputWriter()
            // What was produced before a failure still reaches standard output.
            defer { try? output.flush() }
            var lineNumber = 0
            for path in input.paths {
                let reader = try InputReader(path: path)
                var gate = UTF8Gate(lossy: input.lossy)
                try reader.forEachChunk { chunk, offset, firstLine in
                    lineNumber = firstLine - 1
                    try gate.pass(chunk, offset: offset, firstLine: firstLine, input: reader) { valid in
                        var start = 0
                        while start < valid.count {
                            var end = start
                            while end < valid.count && valid[end] != 0x0A { end += 1 }
                            lineNumber += 1
                            let line = UnsafeBufferPointer(rebasing: valid[start..<end])
                            try write(line: line, number: lineNumber, tokenizer: tokenizer, to: output)
                            start = end + 1
                        }
                    }
                }
                gate.reportReplacements(in: reader.name)
            }
            try output.flush()
        }
    }

    private func write(line: UnsafeBufferPointer<UInt8>, number: Int, tokenizer: Tokenizer, to output: OutputWriter) throws {
        if line.isEmpty && format == .text { return }
        let text = tokenizer.normalizer.normalize(String(decoding: line, as: UTF8.self))
        var failure: CLIError?
        switch format {
        case .text:
            var normalizedText = text.text
            try normalizedText.withUTF8 { normalizedBytes in
                try tokenizer.forEachToken(in: text) { _, range, normalizedRange in
                    guard failure == nil else { return }
                    do throws(CLIError) {
                        try output.write(
                            normalized
                                ? UnsafeBufferPointer(rebasing: normalizedBytes[normalizedRange])
                                : UnsafeBufferPointer(rebasing: line[range]))
                        try output.write(byte: 0x0A)
                    } catch { failure = error }
                }
            }
            if let failure { throw failure }
            try output.write(byte: 0x0A)
        case .json:
            var offsets = ScalarOffsetCounter(line)
            var first = true
            try output.write("{\"line\":\(number),\"tokens\":[")
            var normalizedText = text.text
            try normalizedText.withUTF8 { normalizedBytes in
                try tokenizer.forEachToken(in: text) { kind, range, normalizedRange in
                    guard failure == nil else { return }
                    do throws(CLIError) {
                        try output.write(first ? "{\"text\":" : ",{\"text\":")
                        first = false
                        try output.writeJSONString(UnsafeBufferPointer(rebasing: line[range]))
                        try output.write(",\"normalized\":")
                        try output.writeJSONString(UnsafeBufferPointer(rebasing: normalizedBytes[normalizedRange]))
                        let start = offsets.scalarOffset(ofUTF8: range.lowerBound)
                        let end = offsets.scalarOffset(ofUTF8: range.upperBound)
                        try output.write(",\"kind\":\"\(kind.rawValue)\",\"start\":\(start),\"end\":\(end)}")
                    } catch { failure = error }
                }
            }
            if let failure { throw failure }
            try output.write("]}\n")
        }
    }
}
