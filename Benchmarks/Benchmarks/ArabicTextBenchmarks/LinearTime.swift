// Linear time: the whole analysis (`Pipeline()`, what `arabic-text analyze` runs: entities,
// quotations, article structure) on one document of 1×, 10× and 100× a base size, for news
// text and for shapes built to make text code super-linear. Time per MB, i.e. MB/s, must stay
// flat (within 2×) from 1× to 100×; a quadratic step would make the 100× document 100 times
// slower per MB.
//
//     cd Benchmarks && swift package benchmark --filter 'analyze/.*'
//
// The base is `ARABIC_TEXT_LINEAR_BASE_KB` KB (100 by default), so the largest document is
// 10 MB. News documents are the corpus's articles (see `Corpus`) one after the other,
// separated by blank lines, cut at the first paragraph break past the size: one long article,
// not many short ones. Nothing of the corpus is stored in the repository.

import ArabicText
import Benchmark
import Foundation

/// Registers `analyze/SHAPE/1x`, `…/10x`, `…/100x`.
func registerLinearTimeBenchmarks(megabytesPerSecond: BenchmarkMetric) {
    let configuration = Benchmark.Configuration(
        metrics: [.wallClock, .peakMemoryResident, megabytesPerSecond],
        units: [megabytesPerSecond: .mega],
        warmupIterations: 1,
        maxDuration: .seconds(3),
        maxIterations: 20
    )
    let pipeline: Pipeline
    do { pipeline = try Pipeline() } catch { fatalError("loading the lexicons: \(error)") }

    for shape in LinearTimeInput.Shape.allCases {
        for multiple in [1, 10, 100] {
            Benchmark("analyze/\(shape.rawValue)/\(multiple)x", configuration: configuration) { benchmark, text in
                let clock = ContinuousClock()
                let start = clock.now
                do { blackHole(try pipeline.analyze(text)) } catch { fatalError("analyze/\(shape.rawValue): \(error)") }
                let elapsed = start.duration(to: clock.now)
                let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
                if seconds > 0 { benchmark.measurement(megabytesPerSecond, Int(Double(text.utf8.count) / seconds)) }
            } setup: {
                LinearTimeInput.document(shape, bytes: multiple * LinearTimeInput.baseBytes)
            }
        }
    }
}

/// The documents of the linear-time benchmarks, made in the benchmark's setup.
enum LinearTimeInput {
    enum Shape: String, CaseIterable {
        /// Articles of the corpus.
        case news
        /// The same with an opening mark of one of five families (« “ " „ ‹) before every
        /// fifth word, never closed: each pairs with nothing, or with a mark of the text.
        case unbalancedMarks = "unbalanced-marks"
        /// Guillemets nested as deep as the document is long: « « « … نحن هنا … » » ».
        case nestedQuotes = "nested-quotes"
        /// Reported speech that holds the next cue, on one line: قال المتحدث: نعم قال المتحدث: نعم …
        case manyCues = "many-cues"
    }

    static let baseBytes =
        (ProcessInfo.processInfo.environment["ARABIC_TEXT_LINEAR_BASE_KB"].flatMap(Int.init) ?? 100) * 1_000

    /// A document of `shape` of about `bytes` bytes of UTF-8.
    static func document(_ shape: Shape, bytes: Int) -> String {
        switch shape {
        case .news:
            return news(bytes: bytes)
        case .unbalancedMarks:
            let marks = ["«", "“", "\"", "„", "‹"]
            var text = ""
            text.reserveCapacity(bytes + bytes / 8)
            var word = 0
            for paragraph in news(bytes: bytes).split(separator: "\n", omittingEmptySubsequences: false) {
                if !text.isEmpty { text += "\n" }
                var first = true
                for piece in paragraph.split(separator: " ") {
                    if !first { text += " " }
                    first = false
                    if word % 5 == 0 { text += marks[(word / 5) % marks.count] }
                    text += piece
                    word += 1
                }
            }
            return text
        case .nestedQuotes:
            let depth = max(1, (bytes - 40) / 6)  // "« " and " »" are 3 bytes each
            return "قال الرئيس: " + String(repeating: "« ", count: depth) + "نحن هنا" + String(repeating: " »", count: depth)
                + "."
        case .manyCues:
            let unit = "قال المتحدث: نعم "
            return String(repeating: unit, count: max(1, bytes / unit.utf8.count))
        }
    }

    /// Articles one after the other, separated by a blank line, cycling when the slice runs
    /// out, cut at the first paragraph break past `bytes`.
    static func news(bytes: Int) -> String {
        let articles = Corpus.shared.texts
        var text = ""
        text.reserveCapacity(bytes + 64 * 1024)
        var index = 0
        while text.utf8.count < bytes {
            if !text.isEmpty { text += "\n\n" }
            text += articles[index % articles.count]
            index += 1
        }
        // Cut at the first paragraph break past the size, so 1×, 10× and 100× stay in proportion.
        let utf8 = text.utf8
        var cut = utf8.index(utf8.startIndex, offsetBy: bytes)
        while cut < utf8.endIndex && utf8[cut] != 0x0A { cut = utf8.index(after: cut) }
        return String(text[..<cut])
    }
}
