import ArabicText
import ArgumentParser

struct TokenizeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tokenize",
        abstract: "Split each line into tokens (ICU word break over normalized text).",
        discussion: """
            text format: one token per line, as printed in the input (or normalized with \
            --normalized), and an empty line after each input line that has tokens.
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

    @Flag(help: "In text format, print each token's (or sentence's) normalized form instead of its original text.")
    var normalized = false

    @Flag(help: "Split into sentences instead of words: one sentence per line (text) or per object (json).")
    var sentences = false

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
            if sentences { return try writeSentences(to: output) }
            let writer = TokenWriter(tokenizer: tokenizer, output: output, json: format == .json, printsNormalized: normalized)
            for path in input.paths {
                let reader = try InputReader(path: path)
                var gate = UTF8Gate(lossy: input.lossy)
                try reader.forEachChunk { chunk, offset, firstLine in
                    do {
                        try writer.write(chunk: chunk, firstLine: firstLine)
                    } catch let error as InvalidUTF8Error {
                        guard input.lossy else {
                            // Keep the complete lines before the bad bytes, then stop.
                            let lineEnd = (chunk[0..<error.offset].lastIndex(of: 0x0A) ?? -1) + 1
                            try writer.write(chunk: UnsafeBufferPointer(rebasing: chunk[0..<lineEnd]), firstLine: firstLine)
                            throw gate.invalidError(
                                at: error.offset, in: chunk, offset: offset, firstLine: firstLine, input: reader)
                        }
                        try gate.pass(chunk, offset: offset, firstLine: firstLine, input: reader) { repaired in
                            try writer.write(chunk: repaired, firstLine: firstLine)
                        }
                    }
                }
                try writer.finishInput()
                gate.reportReplacements(in: reader.name)
            }
            try output.flush()
        }
    }
}

extension TokenizeCommand {
    /// `--sentences`: each input line split by ``SentenceSplitter``.
    private func writeSentences(to output: OutputWriter) throws {
        let splitter: SentenceSplitter
        do { splitter = try SentenceSplitter() } catch { throw CLIError.input(error.description) }
        let normalizer = Normalizer(try normalization.options())
        for path in input.paths {
            let reader = try InputReader(path: path)
            var gate = UTF8Gate(lossy: input.lossy)
            try reader.forEachChunk { chunk, offset, firstLine in
                try gate.pass(chunk, offset: offset, firstLine: firstLine, input: reader) { valid in
                    var number = firstLine
                    for line in valid.split(separator: 0x0A, omittingEmptySubsequences: false).dropLast(
                        valid.last == 0x0A ? 1 : 0)
                    {
                        let text = String(decoding: UnsafeBufferPointer(rebasing: line), as: UTF8.self)
                        let found = try splitter.sentences(in: text)
                        if format == .json {
                            var bytes = Array(text.utf8)
                            try bytes.withUnsafeMutableBufferPointer { buffer in
                                var scalars = ScalarOffsetCounter(UnsafeBufferPointer(buffer))
                                try output.write("{\"line\":\(number),\"sentences\":[")
                                for (index, sentence) in found.enumerated() {
                                    try output.write(index == 0 ? "{\"text\":" : ",{\"text\":")
                                    try output.writeJSONString(sentence.text)
                                    let start = scalars.scalarOffset(ofUTF8: sentence.range.lowerBound)
                                    let end = scalars.scalarOffset(ofUTF8: sentence.range.upperBound)
                                    try output.write(",\"start\":\(start),\"end\":\(end)}")
                                }
                                try output.write("]}\n")
                            }
                        } else {
                            for sentence in found {
                                let text = normalized ? normalizer.normalizedString(String(sentence.text)) : String(sentence.text)
                                try output.write(text + "\n")
                            }
                        }
                        number += 1
                    }
                }
            }
            gate.reportReplacements(in: reader.name)
        }
        try output.flush()
    }
}

/// Tokenizes chunks of whole lines and writes the tokens, without building a `String` per
/// line or per token: the chunk is normalized into a reused buffer, split by the tokenizer,
/// and each token written from the input bytes.
///
/// The per-chunk state lives in properties, not in variables captured by the token closure,
/// and is marked `@exclusivity(unchecked)`: only this object's methods touch it, one call at
/// a time, and the dynamic checks cost more than the tokenizing itself.
final class TokenWriter {
    let tokenizer: Tokenizer
    let output: OutputWriter
    let json: Bool
    let printsNormalized: Bool
    private var scratch = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: 0)
    /// The line being written, whether its JSON object is open, and whether it had tokens.
    @exclusivity(unchecked) private var line = 1
    @exclusivity(unchecked) private var lineOpen = false
    @exclusivity(unchecked) private var tokensOnLine = 0
    /// Whether the last chunk ended inside a line (no final line feed).
    private var pendingLine = false
    // The chunk being written.
    @exclusivity(unchecked) private var chunk = UnsafeBufferPointer<UInt8>(start: nil, count: 0)
    @exclusivity(unchecked) private var normalized = UnsafeBufferPointer<UInt8>(start: nil, count: 0)
    @exclusivity(unchecked) private var mapper = OffsetMap.identity(length: 0).cursor()
    @exclusivity(unchecked) private var scalars = ScalarOffsetCounter(UnsafeBufferPointer(start: nil, count: 0))
    @exclusivity(unchecked) private var lineStartScalar = 0
    @exclusivity(unchecked) private var previousEnd = 0
    @exclusivity(unchecked) private var failure: (any Error)?

    init(tokenizer: Tokenizer, output: OutputWriter, json: Bool, printsNormalized: Bool) {
        self.tokenizer = tokenizer
        self.output = output
        self.json = json
        self.printsNormalized = printsNormalized
    }

    deinit { scratch.deallocate() }

    func write(chunk: UnsafeBufferPointer<UInt8>, firstLine: Int) throws {
        guard !chunk.isEmpty else { return }
        let needed = chunk.count * Normalizer.maximumGrowthFactor + 16
        if scratch.count < needed {
            scratch.deallocate()
            scratch = .allocate(capacity: needed)
        }
        guard let (count, offsets) = try tokenizer.normalizer.normalizeWithOffsets(utf8: chunk, into: scratch) else {
            preconditionFailure("the scratch buffer is sized for the largest expansion")
        }
        self.chunk = chunk
        normalized = UnsafeBufferPointer(rebasing: scratch[0..<count])
        mapper = offsets.cursor()
        scalars = ScalarOffsetCounter(chunk)
        line = firstLine
        lineStartScalar = 0
        previousEnd = 0
        failure = nil
        try tokenizer.forEachSegment(inNormalized: normalized) { kind, normalizedRange in
            token(kind, normalizedRange)
        }
        if let failure { throw failure }
        try endLines(in: previousEnd..<count)
        pendingLine = normalized.last != 0x0A
    }

    private func token(_ kind: TokenKind, _ normalizedRange: Range<Int>) {
        guard failure == nil else { return }
        do throws(CLIError) {
            // Line feeds between tokens end lines; the gaps are whitespace, so scanning them is cheap.
            if normalizedRange.lowerBound > previousEnd + 1 || normalized[previousEnd] == 0x0A {
                try endLines(in: previousEnd..<normalizedRange.lowerBound)
            }
            previousEnd = normalizedRange.upperBound
            let range = mapper.originalRange(of: normalizedRange)
            if json {
                try openLine()
                try output.write(tokensOnLine == 0 ? "{\"text\":" : ",{\"text\":")
                try output.writeJSONString(UnsafeBufferPointer(rebasing: chunk[range]))
                try output.write(",\"normalized\":")
                try output.writeJSONString(UnsafeBufferPointer(rebasing: normalized[normalizedRange]))
                let start = scalars.scalarOffset(ofUTF8: range.lowerBound) - lineStartScalar
                let end = scalars.scalarOffset(ofUTF8: range.upperBound) - lineStartScalar
                try output.write(",\"kind\":\"\(kind.rawValue)\",\"start\":\(start),\"end\":\(end)}")
            } else {
                try output.write(
                    printsNormalized
                        ? UnsafeBufferPointer(rebasing: normalized[normalizedRange]) : UnsafeBufferPointer(rebasing: chunk[range])
                )
                try output.write(byte: 0x0A)
            }
            tokensOnLine += 1
        } catch {
            failure = error
        }
    }

    private func endLines(in gap: Range<Int>) throws(CLIError) {
        guard let base = normalized.baseAddress else { return }
        var index = gap.lowerBound
        while index < gap.upperBound {
            if base[index] == 0x0A {
                try endLine()
                if json { lineStartScalar = scalars.scalarOffset(ofUTF8: mapper.originalStart(of: index) + 1) }
            }
            index += 1
        }
    }

    /// Ends the last line of an input that does not end with a line feed.
    func finishInput() throws {
        if pendingLine { try endLine() }
        pendingLine = false
    }

    private func openLine() throws(CLIError) {
        guard !lineOpen else { return }
        try output.write("{\"line\":\(line),\"tokens\":[")
        lineOpen = true
    }

    private func endLine() throws(CLIError) {
        if json {
            try openLine()
            try output.write("]}\n")
        } else if tokensOnLine > 0 {
            try output.write(byte: 0x0A)
        }
        lineOpen = false
        tokensOnLine = 0
        line += 1
    }
}
