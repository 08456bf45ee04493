import ArabicText
import ArgumentParser

/// `--preset` and `--fold`: which folds to apply.
struct NormalizationArguments: ParsableArguments {
    @Option(help: "Start from a preset: search (default), light or none.")
    var preset: String?

    @Option(
        name: .customLong("fold"),
        help: ArgumentHelp(
            "Add a fold (repeatable). Without --preset, only the folds named are applied.",
            discussion: "Folds: \(NormalizationOptions.named.map(\.name).joined(separator: ", "))."))
    var folds: [String] = []

    /// The options the arguments ask for.
    func options() throws(CLIError) -> NormalizationOptions {
        var options: NormalizationOptions
        switch preset {
        case nil: options = folds.isEmpty ? .search : []
        case "none": options = []
        case let name?:
            guard let entry = NormalizationOptions.presets.first(where: { $0.name == name }) else {
                throw .usage("unknown preset '\(name)' (known: search, light, none)")
            }
            options = entry.options
        }
        for name in folds {
            guard let fold = NormalizationOptions(named: name) else {
                throw .usage("unknown fold '\(name)' (known: \(NormalizationOptions.named.map(\.name).joined(separator: ", ")))")
            }
            options.insert(fold)
        }
        return options
    }
}

/// The input files and what to do with invalid UTF-8.
struct InputArguments: ParsableArguments {
    @Argument(help: "Files to read; standard input when none is given or for '-'.")
    var files: [String] = []

    @Flag(help: "Replace invalid UTF-8 by U+FFFD (and say how many on standard error) instead of stopping.")
    var lossy = false

    /// The inputs in order, opened one at a time.
    var paths: [String?] { files.isEmpty ? [nil] : files.map { $0 } }
}

/// Validates (or, when lossy, repairs) each chunk of an input before a command sees it.
struct UTF8Gate {
    let lossy: Bool
    private(set) var replacements = 0

    init(lossy: Bool) { self.lossy = lossy }

    /// Hands `body` the chunk when it is valid UTF-8, or its repair when lossy; otherwise
    /// throws an error naming the input, the byte offset and the line.
    mutating func pass(
        _ chunk: UnsafeBufferPointer<UInt8>, offset: Int, firstLine: Int, input: InputReader,
        _ body: (UnsafeBufferPointer<UInt8>) throws -> Void
    ) throws {
        guard let invalid = UTF8Validation.firstInvalidOffset(inBuffer: chunk) else { return try body(chunk) }
        guard lossy else { throw invalidError(at: invalid, in: chunk, offset: offset, firstLine: firstLine, input: input) }
        let repaired = UTF8Validation.repair(chunk)
        replacements += repaired.replacements
        var text = repaired.text
        try text.withUTF8 { try body($0) }
    }

    func invalidError(
        at invalid: Int, in chunk: UnsafeBufferPointer<UInt8>, offset: Int, firstLine: Int, input: InputReader
    ) -> CLIError {
        let line = firstLine + chunk[0..<invalid].count(where: { $0 == 0x0A })
        let bytes = chunk[invalid..<min(chunk.count, invalid + 4)].map { "0x" + String($0, radix: 16, uppercase: true) }
        return .input(
            "\(input.name): invalid UTF-8 at byte \(offset + invalid) (line \(line): \(bytes.joined(separator: " "))); "
                + "use --lossy to replace invalid bytes with U+FFFD")
    }

    /// Reports the replacements made, if any, on standard error.
    func reportReplacements(in name: String) {
        if replacements > 0 {
            printError("\(name): replaced \(replacements) invalid UTF-8 sequence\(replacements == 1 ? "" : "s") with U+FFFD")
        }
    }
}
