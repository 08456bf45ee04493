import ArabicCore
import Foundation
import Testing

/// `.search` agrees character for character with an independent, slow, obviously-correct
/// reading of the folds, on the example article and on a slice of the real corpus.
@Suite struct NormalizationCorpusTests {
    /// The folds of `.search` written out scalar by scalar from their definitions.
    static func reference(_ text: String) -> String {
        var output: [Unicode.Scalar] = []
        func fold(_ scalar: Unicode.Scalar) -> [Unicode.Scalar] {
            let value = scalar.value
            switch value {
            case 0x0622, 0x0623, 0x0625, 0x0671, 0x0672, 0x0673: return ["ا"]
            case 0x0649: return ["ي"]
            case 0x0629: return ["ه"]
            case 0x0640: return []
            case 0x064B...0x065F, 0x0670, 0x0610...0x061A, 0x06D6...0x06ED: return []
            case 0x06A9: return ["ك"]
            case 0x06CC: return ["ي"]
            case 0x06C0, 0x06C1, 0x06C2, 0x06BE: return ["ه"]
            case 0x0678: return ["ئ"]
            case 0x0660...0x0669: return [Unicode.Scalar(UInt8(0x30 + value - 0x0660))]
            case 0x06F0...0x06F9: return [Unicode.Scalar(UInt8(0x30 + value - 0x06F0))]
            case 0x066B: return ["."]
            case 0x066C: return [","]
            case 0x200E, 0x200F, 0x061C, 0x202A...0x202E, 0x2066...0x2069, 0x2060, 0xFEFF, 0x00AD: return []
            case 0x00A0, 0x1680, 0x2000...0x200A, 0x202F, 0x205F, 0x3000: return [" "]
            case 0x2028, 0x2029: return ["\n"]
            case 0xFB50...0xFDFF, 0xFE70...0xFEFE:
                // Foundation's NFKC, a different implementation from the ICU call under test.
                let decomposed = Array(String(scalar).precomposedStringWithCompatibilityMapping.unicodeScalars)
                return decomposed == [scalar] ? [scalar] : decomposed.flatMap(fold)
            default: return [scalar]
            }
        }
        for scalar in text.unicodeScalars {
            if (0x0653...0x0655).contains(scalar.value), let last = output.last {
                // Canonical composition of the letter before with the mark, then the letter folds.
                let composed = (String(last) + String(scalar)).precomposedStringWithCanonicalMapping.unicodeScalars
                if composed.count == 1 {
                    output.removeLast()
                    output += fold(composed.first!)
                }
                continue
            }
            for folded in fold(scalar) {
                if (folded == " " || folded == "\t") && (output.last == " ") { continue }
                output.append(folded == "\t" ? " " : folded)
            }
        }
        return String(String.UnicodeScalarView(output))
    }

    let normalizer = Normalizer(.search)

    func expectAgreement(_ line: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let expected = Self.reference(line)
        let actual = normalizer.normalizedString(line)
        if actual != expected {
            let a = Array(actual.unicodeScalars), e = Array(expected.unicodeScalars)
            let index = (0..<min(a.count, e.count)).first { a[$0] != e[$0] } ?? min(a.count, e.count)
            let show = { (s: [Unicode.Scalar]) in
                String(String.UnicodeScalarView(s[max(0, index - 10)..<min(s.count, index + 10)]))
            }
            Issue.record("differs at scalar \(index): \(show(a)) vs reference \(show(e))", sourceLocation: sourceLocation)
        }
        // The streaming door the command-line tool uses gives the same bytes.
        var bytes = Array(line.utf8)
        var output = [UInt8](repeating: 0, count: bytes.count * Normalizer.maximumGrowthFactor + 16)
        let count: Int? = bytes.withUnsafeMutableBufferPointer { input in
            output.withUnsafeMutableBufferPointer {
                (try? normalizer.normalize(utf8: UnsafeBufferPointer(input), into: $0)) ?? nil
            }
        }
        #expect(count.map { String(decoding: output.prefix($0), as: UTF8.self) } == actual, sourceLocation: sourceLocation)
    }

    @Test(arguments: [
        "دعت روسيا، اليوم الأربعاء،   الأطراف", "ﷺ ﻻ ﷲ ﺳﻼﻡ", "ر\u{064A}\u{0654}يس ا\u{0653}من", "٢٠٢٢ ۱۴۰۰ ٣٫٥",
        "\u{200F}RT\u{200E} \u{FEFF}x", "کتاب ی\u{0654}", "a\u{00A0}\u{00A0}b\t\tc",
    ])
    func agreesOnSamples(_ line: String) {
        expectAgreement(line)
    }

    @Test func agreesOnTheExampleArticle() {
        for line in Fixtures.exampleArticle.split(separator: "\n", omittingEmptySubsequences: false) {
            expectAgreement(String(line))
        }
    }

    /// Every line of the first megabytes of the corpus, as raw JSONL lines (JSON, escapes
    /// and all: the command-line tool sees exactly these).
    @Test func agreesOnTheCorpus() throws {
        guard let path = Fixtures.corpusPath, let handle = FileHandle(forReadingAtPath: path) else {
            Issue.record("the corpus is not beside the repository (../shared/corpus)")
            return
        }
        defer { try? handle.close() }
        let megabytes = Int(ProcessInfo.processInfo.environment["CORPUS_MB"] ?? "8")!
        let data = handle.readData(ofLength: megabytes << 20)
        var lines = data.split(separator: 0x0A)
        lines.removeLast()  // cut short by the slice
        for line in lines { expectAgreement(String(decoding: line, as: UTF8.self)) }
        #expect(lines.count > 100)
    }
}
