import ArabicText
import ArgumentParser

struct NormalizeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "normalize",
        abstract: "Fold Arabic spelling variants, line by line.",
        discussion: """
            Examples:
              arabic-text normalize article.txt
              arabic-text normalize --preset light --fold alef-forms < article.txt
              arabic-text normalize --fold diacritics --fold tatweel article.txt
            """
    )

    @OptionGroup var normalization: NormalizationArguments
    @OptionGroup var input: InputArguments

    @Flag(help: "List the folds and presets, then exit.")
    var listFolds = false

    func run() throws {
        try reportingErrors {
            if listFolds { return printFolds() }
            let normalizer = Normalizer(try normalization.options())
            let output = OutputWriter()
            // What was produced before a failure still reaches standard output.
            defer { try? output.flush() }
            for path in input.paths {
                let reader = try InputReader(path: path)
                var gate = UTF8Gate(lossy: input.lossy)
                try reader.forEachChunk(splitsLongLines: true) { chunk, offset, firstLine in
                    var invalid = false
                    var stop: CLIError?
                    try output.withUnsafeSpace(chunk.count * Normalizer.maximumGrowthFactor + 16) { space in
                        do {
                            return try normalizer.normalize(utf8: chunk, into: space) ?? 0
                        } catch let error as InvalidUTF8Error {
                            invalid = true
                            guard input.lossy else {
                                // Keep the complete lines before the bad bytes, then stop.
                                stop = gate.invalidError(
                                    at: error.offset, in: chunk, offset: offset, firstLine: firstLine, input: reader)
                                let lineEnd = (chunk[0..<error.offset].lastIndex(of: 0x0A) ?? -1) + 1
                                return
                                    (try? normalizer.normalize(
                                        utf8: UnsafeBufferPointer(rebasing: chunk[0..<lineEnd]), into: space)) ?? 0
                            }
                            return 0  // nothing of this chunk is kept; it is repaired below
                        }
                    }
                    if let stop { throw stop }
                    guard invalid else { return }
                    try gate.pass(chunk, offset: offset, firstLine: firstLine, input: reader) { repaired in
                        try output.withUnsafeSpace(repaired.count * Normalizer.maximumGrowthFactor + 16) { space in
                            try normalizer.normalize(utf8: repaired, into: space) ?? 0
                        }
                    }
                }
                gate.reportReplacements(in: reader.name)
            }
            try output.flush()
        }
    }

    private func printFolds() {
        print("Folds:")
        for (name, _) in NormalizationOptions.named { print("  \(name)") }
        print("Presets:")
        for (name, options) in NormalizationOptions.presets { print("  \(name): \(options.names.joined(separator: ", "))") }
    }
}
