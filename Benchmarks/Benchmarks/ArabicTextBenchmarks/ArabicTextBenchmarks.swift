// Throughput of the normalizer, the word tokenizer and the sentence splitter on real
// news text, in MB/s of UTF-8 input (1 MB = 10^6 bytes).
//
//     cd Benchmarks && swift package benchmark
//
// The corpus is `ARABIC_TEXT_CORPUS` when set (a .jsonl file whose lines have a `text`
// field, or a plain text file), else `shared/corpus/saudinewsnet-dev.jsonl` beside the
// repository, else the repository's own `Examples/karabakh-pagers.txt`. Only the first
// `ARABIC_TEXT_CORPUS_MB` MB of article text (8 by default) are used, so that a run stays
// short; the size is part of every benchmark's name, because results on different
// slices are not comparable.

import ArabicCore
import ArabicEntities
import Benchmark
import Foundation

let benchmarks: @Sendable () -> Void = {
    // ordo-one's own `throughput` counts iterations per second (rounded to an integer),
    // and `scalingFactor` only multiplies that count by a power of ten, so neither can
    // say bytes per second. Each benchmark therefore times its own iteration and reports
    // bytes/s in this metric, shown in M (10^6), i.e. MB/s.
    let megabytesPerSecond = BenchmarkMetric.custom("MB/s (input)", polarity: .prefersLarger, useScalingFactor: false)

    let configuration = Benchmark.Configuration(
        metrics: [.wallClock, .throughput, .mallocCountTotal, .peakMemoryResident, megabytesPerSecond],
        units: [megabytesPerSecond: .mega],
        warmupIterations: 1,
        maxDuration: .seconds(3),
        maxIterations: 50
    )

    /// Registers `area/variant/size`: `body` runs over the whole slice once per iteration.
    func register(_ area: String, _ variant: String, _ body: @escaping (Corpus) throws -> Void) {
        Benchmark("\(area)/\(variant)/\(Corpus.shared.sizeLabel)", configuration: configuration) { benchmark, corpus in
            let clock = ContinuousClock()
            let start = clock.now
            do { try body(corpus) } catch { fatalError("\(area)/\(variant): \(error)") }
            let elapsed = start.duration(to: clock.now)
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
            if seconds > 0 { benchmark.measurement(megabytesPerSecond, Int(Double(corpus.utf8Count) / seconds)) }
        } setup: {
            Corpus.shared
        }
    }

    // Normalization: `normalize(_:)` builds the offset map back to the source; the stream
    // door (`normalize(utf8:into:)`, what `arabic-text normalize` uses) builds none.
    let search = Normalizer(.search)
    let light = Normalizer(.light)
    register("normalize", "search") { corpus in
        for text in corpus.texts { blackHole(search.normalize(text)) }
    }
    register("normalize", "search-stream") { corpus in
        corpus.joined.withUnsafeBufferPointer { input in
            corpus.streamOutput.withUnsafeMutableBufferPointer { output in
                for chunk in corpus.streamChunks {
                    let written = try? search.normalize(utf8: UnsafeBufferPointer(rebasing: input[chunk]), into: output)
                    blackHole(written)
                }
            }
        }
    }
    register("normalize", "light") { corpus in
        for text in corpus.texts { blackHole(light.normalize(text)) }
    }

    // Words: `tokens(in:)` is the whole API (normalize, word breaks, one Token each);
    // `segments` walks already normalized texts with `forEachToken`, so that the word
    // breaking shows on its own. Each through both of ICU's doors: a UTF-16 copy (the
    // default) and UText over the UTF-8 (`-utext`). The tokenizer's fast path decides most
    // Arabic words without ICU, which hides the door; `-icu` turns it off, so that every
    // character goes through ICU's iterator.
    for usesFastPath in [true, false] {
        for readsUTF8Directly in [false, true] {
            let variant = (usesFastPath ? "" : "-icu") + (readsUTF8Directly ? "-utext" : "")
            let tokenizer: Tokenizer
            do {
                tokenizer = try Tokenizer(
                    normalizer: search, readsUTF8Directly: readsUTF8Directly, usesFastPath: usesFastPath)
            } catch { fatalError("opening the word break iterator: \(error)") }
            register("tokenize", "words" + variant) { corpus in
                for text in corpus.texts { blackHole(try tokenizer.tokens(in: text).count) }
            }
            register("tokenize", "segments" + variant) { corpus in
                var count = 0
                for text in corpus.normalized { try tokenizer.forEachToken(in: text) { _, _, _ in count += 1 } }
                blackHole(count)
            }
        }
    }

    let splitter: SentenceSplitter
    do { splitter = try SentenceSplitter() } catch { fatalError("opening the sentence break iterator: \(error)") }
    register("tokenize", "sentences") { corpus in
        for text in corpus.texts { blackHole(try splitter.sentences(in: text).count) }
    }

    // Entities: the whole of `entities(in:)`, normalization and tokenization included.
    let recognizer: EntityRecognizer
    do { recognizer = try EntityRecognizer() } catch { fatalError("loading the lexicons: \(error)") }
    register("entities", "recognize") { corpus in
        for text in corpus.texts { blackHole(try recognizer.entities(in: text).count) }
    }

    // The whole analysis on one document of 1×, 10× and 100× a base size (LinearTime.swift).
    registerLinearTimeBenchmarks(megabytesPerSecond: megabytesPerSecond)
}

/// The slice of the corpus every benchmark reads, loaded once per process, before any
/// measurement (it is the benchmarks' setup state).
final class Corpus: @unchecked Sendable {
    static let shared = Corpus()

    /// Article texts (JSONL) or the whole file (plain text).
    let texts: [String]
    /// The same texts, normalized with `.search` (input of the `segments` benchmarks).
    let normalized: [NormalizedText]
    /// The texts joined by line feeds, cut into chunks of about 256 KiB at line feeds, for
    /// the stream door; and the output buffer it writes into.
    let joined: [UInt8]
    let streamChunks: [Range<Int>]
    var streamOutput: [UInt8]
    /// UTF-8 bytes of `texts`: what MB/s is measured in.
    let utf8Count: Int
    /// Where the texts came from, printed once on standard error.
    let origin: String

    /// `8MB`, `6KB`: the size of the slice, for benchmark names.
    var sizeLabel: String {
        utf8Count >= 1_000_000
            ? "\(Int((Double(utf8Count) / 1e6).rounded()))MB" : "\(Int((Double(utf8Count) / 1e3).rounded()))KB"
    }

    private init() {
        let environment = ProcessInfo.processInfo.environment
        let limitMB = environment["ARABIC_TEXT_CORPUS_MB"].flatMap(Double.init) ?? 8
        let limit = Int(limitMB * 1e6)
        let path = Self.corpusPath(environment: environment)
        guard let data = FileManager.default.contents(atPath: path) else { fatalError("cannot read corpus \(path)") }

        var texts: [String] = []
        var total = 0
        if path.hasSuffix(".jsonl") {
            var lineStart = data.startIndex
            while lineStart < data.endIndex && total < limit {
                let lineEnd = data[lineStart...].firstIndex(of: 0x0A) ?? data.endIndex
                defer { lineStart = lineEnd + 1 }
                guard lineEnd > lineStart,
                    let object = try? JSONSerialization.jsonObject(with: data[lineStart..<lineEnd]) as? [String: Any],
                    let text = object["text"] as? String, !text.isEmpty
                else { continue }
                texts.append(text)
                total += text.utf8.count
            }
        } else {
            // A plain text file is one text, cut at the last line feed within the limit.
            var bytes = data.count > limit ? Data(data.prefix(limit)) : data
            if data.count > limit, let lastLineFeed = bytes.lastIndex(of: 0x0A) { bytes = bytes[..<lastLineFeed] }
            texts = [String(decoding: bytes, as: UTF8.self)]
            total = texts[0].utf8.count
        }
        guard total > 0 else { fatalError("no text in corpus \(path)") }

        self.texts = texts
        self.utf8Count = total
        self.normalized = texts.map { Normalizer(.search).normalize($0) }
        self.joined = Array(texts.joined(separator: "\n").utf8)
        var chunks: [Range<Int>] = []
        var chunkStart = 0
        while chunkStart < joined.count {
            var end = min(chunkStart + 256 * 1024, joined.count)
            while end < joined.count && joined[end - 1] != 0x0A { end += 1 }
            chunks.append(chunkStart..<end)
            chunkStart = end
        }
        self.streamChunks = chunks
        let longest = chunks.map(\.count).max() ?? 0
        self.streamOutput = [UInt8](repeating: 0, count: longest * Normalizer.maximumGrowthFactor + 16)
        self.origin = "\(path): \(texts.count) text(s), \(total) bytes of UTF-8"
        FileHandle.standardError.write(Data("ArabicTextBenchmarks corpus: \(origin)\n".utf8))
    }

    /// `ARABIC_TEXT_CORPUS`, else the shared corpus beside the repository, else the
    /// repository's example article. Relative candidates are tried from the current
    /// directory and from this source file, so that it does not matter where the
    /// benchmark runner starts the process.
    private static func corpusPath(environment: [String: String]) -> String {
        if let path = environment["ARABIC_TEXT_CORPUS"], !path.isEmpty {
            guard FileManager.default.isReadableFile(atPath: path) else {
                fatalError("ARABIC_TEXT_CORPUS=\(path) is not a readable file")
            }
            return path
        }
        // This file is <repo>/Benchmarks/Benchmarks/ArabicTextBenchmarks/ArabicTextBenchmarks.swift.
        let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let corpus = "shared/corpus/saudinewsnet-dev.jsonl"
        let candidates =
            ["../" + corpus, "../../" + corpus, "../../../" + corpus]
            + [repository.deletingLastPathComponent().appendingPathComponent(corpus).path]
            + ["Examples/karabakh-pagers.txt", "../Examples/karabakh-pagers.txt"]
            + [repository.appendingPathComponent("Examples/karabakh-pagers.txt").path]
        guard let found = candidates.first(where: { FileManager.default.isReadableFile(atPath: $0) }) else {
            fatalError("no corpus found; set ARABIC_TEXT_CORPUS (tried \(candidates.joined(separator: ", ")))")
        }
        return URL(fileURLWithPath: found).standardizedFileURL.path
    }
}
