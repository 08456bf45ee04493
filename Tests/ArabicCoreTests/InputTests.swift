import ArabicCore
import Testing

@Suite struct UTF8ValidationTests {
    @Test(
        arguments: [
            ([0x61, 0xC0, 0xAF], 1),  // overlong "/"
            ([0xE0, 0x80, 0xAF], 0),  // overlong, three bytes
            ([0xED, 0xA0, 0x80], 0),  // surrogate U+D800
            ([0xF4, 0x90, 0x80, 0x80], 0),  // above U+10FFFF
            ([0xD8, 0xB1, 0xD9], 2),  // truncated at the end
            ([0x80], 0),  // stray continuation
            ([0xFF], 0), ([0xF5, 0x80, 0x80, 0x80], 0),
            ([0x61, 0x00, 0xD8], 2),  // NUL is valid, the truncated lead is not
        ] as [([UInt8], Int)])
    func findsInvalidSequences(_ bytes: [UInt8], _ offset: Int) {
        #expect(UTF8Validation.firstInvalidOffset(in: bytes) == offset)
    }

    @Test func acceptsValidText() {
        #expect(UTF8Validation.firstInvalidOffset(in: Array(Fixtures.exampleArticle.utf8)) == nil)
        #expect(UTF8Validation.firstInvalidOffset(in: Array("😀 \u{10FFFF} \0".utf8)) == nil)
    }

    @Test func repairCountsReplacements() {
        let repaired = UTF8Validation.repair([0x61, 0xFF, 0x62, 0xC0, 0xAF])
        #expect(repaired.text == "a\u{FFFD}b\u{FFFD}\u{FFFD}")
        #expect(repaired.replacements == 3)
    }

    @Test func theNormalizerReportsWhereTheBadBytesAre() {
        let bytes: [UInt8] = Array("نص".utf8) + [0xED, 0xA0, 0x80]
        var output = [UInt8](repeating: 0, count: 64)
        #expect(throws: InvalidUTF8Error(offset: 4)) {
            try bytes.withUnsafeBufferPointer { input in
                try output.withUnsafeMutableBufferPointer { try Normalizer().normalize(utf8: input, into: $0) }
            }
        }
    }
}

@Suite struct LexiconFileTests {
    @Test func parsesHeaderCommentsAndRows() throws {
        let file = try LexiconFile(
            parsing: "# comment\nword\tnote\n\nوزارة\tministry\nبلد\n", name: "t.tsv", requiredColumns: ["word"])
        #expect(file.columns == ["word", "note"])
        #expect(file.rows.map(\.fields) == [["وزارة", "ministry"], ["بلد", ""]])
        #expect(file.rows.map(\.line) == [4, 5])
    }

    @Test(arguments: [
        ("word\tnote\nا\tب\tج\n", "t.tsv:2:5: 3 fields, but the header has 2 columns"),
        ("name\n", "t.tsv:1:0: the header has no column 'word' (it has: name)"),
        ("word\tnote\n\tx\n", "t.tsv:2:1: the first field is empty"),
        ("# only a comment\n", "t.tsv:1:0: the file has no header line"),
    ])
    func reportsFileLineAndColumn(_ text: String, _ message: String) {
        #expect(throws: (any Error).self) { try LexiconFile(parsing: text, name: "t.tsv", requiredColumns: ["word"]) }
        do {
            _ = try LexiconFile(parsing: text, name: "t.tsv", requiredColumns: ["word"])
        } catch {
            #expect(error.description == message)
        }
    }
}
