import Testing

@testable import ArabicCore

@Suite struct PhraseTableTests {
    /// Words of every length from 0 to 24 bytes (the compare's cases: bytes, two overlapping
    /// halves of four, words of eight and an overlapping last one) equal to themselves, and
    /// unequal to a copy with any one byte changed.
    @Test func equalBytesAtEveryLengthAndPosition() {
        let text = Array("وزارة الخارجية الروسية".utf8)
        for count in 0...24 {
            let word = Array(text[0..<count])
            for position in -1..<count {
                var other = word
                if position >= 0 { other[position] ^= 0x01 }
                let equal = word.withUnsafeBufferPointer { a in
                    other.withUnsafeBufferPointer { b in PhraseTable<Int>.equalBytes(a, b) }
                }
                #expect(equal == (position < 0), "length \(count), byte \(position) changed")
            }
        }
    }

    /// Every match at the start of `words`, as (length, values).
    func matches<Value>(_ table: PhraseTable<Value>, _ words: [String]) -> [(length: Int, values: [Value])] {
        let all = Array(words.joined().utf8)
        var ranges: [Range<Int>] = []
        for word in words { ranges.append((ranges.last?.upperBound ?? 0)..<((ranges.last?.upperBound ?? 0) + word.utf8.count)) }
        return all.withUnsafeBufferPointer { buffer in
            let token = { (index: Int) in
                (hash: TokenHash(words[index]), bytes: UnsafeBufferPointer(rebasing: buffer[ranges[index]]))
            }
            return table.matches(first: token(0), rest: { offset in offset + 1 < words.count ? token(offset + 1) : nil })
        }
    }

    @Test func findsEveryPhraseShortestFirst() {
        var table = PhraseTable<String>()
        table.insert(["قره", "باج"], value: "short")
        table.insert(["ناجورنو", "قره", "باج"], value: "long")
        table.insert(["قره"], value: "word")
        table.insert(["قره", "باج"], value: "again")
        let found = matches(table, ["قره", "باج", "اليوم"])
        #expect(found.map(\.length) == [1, 2])
        #expect(found[1].values == ["short", "again"])
        #expect(matches(table, ["ناجورنو", "قره", "باج"]).map(\.length) == [3])
        #expect(matches(table, ["باج"]).isEmpty)
        #expect(table.count == 3)
        #expect(table.maximumLength == 3)
    }

    /// A key that is only the start of longer phrases is no match itself, and must not be
    /// mistaken for an empty slot either (the index grows many times on the way).
    @Test func prefixesThatAreNotPhrases() {
        var table = PhraseTable<Int>()
        for index in 0..<2000 { table.insert(["كلمة\(index)", "ثانية", "ثالثة"], value: index) }
        #expect(matches(table, ["كلمة7", "ثانية"]).isEmpty)
        #expect(matches(table, ["كلمة1999", "ثانية", "ثالثة"]).map(\.length) == [3])
        #expect(matches(table, ["كلمة1999", "ثانية", "ثالثة"]).first?.values == [1999])
        #expect(matches(table, ["كلمة7", "ثانية", "أخرى"]).isEmpty)
        #expect(table.count == 2000)
    }
}
