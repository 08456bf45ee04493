import ArabicText
import Foundation
import Testing

/// Inputs built to break text code: each finishes in bounded time (the suite's time limit is
/// far above what linear work takes, even in a debug build) and every span it reports still
/// reads back its text. Docs/Reliability.md lists them with their times.
@Suite(.timeLimit(.minutes(1))) struct HostileInputTests {
    static let everything = try! Pipeline(.init(annotators: .all))

    @discardableResult
    func analyzed(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> Document {
        let document = try Self.everything.analyze(text)
        expectSpansReadBack(document, sourceLocation: sourceLocation)
        return document
    }

    @Test(arguments: ["« ", "» ", "“ ", "” ", "\" ", "‹ ", "„ ", "«", "\""])
    func oneHundredThousandUnbalancedMarks(_ mark: String) throws {
        let document = try analyzed("قالت وزارة الخارجية الروسية: " + String(repeating: mark, count: 100_000) + "نهاية")
        // The marks pair with nothing or with each other, and quote nothing: what follows the
        // colon is the one word.
        #expect(document.entities.map(\.text) == ["وزارة الخارجية الروسية"])
        #expect(document.quotations.map(\.text) == ["نهاية"])
        #expect(document.quotations.first?.kind == .direct)
        #expect(document.quotations.first?.cue?.text == "قالت")
        #expect(document.quotations.first?.speaker?.text == "وزارة الخارجية الروسية")
    }

    @Test func oneHundredThousandNestedQuotes() throws {
        let opening = String(repeating: "« ", count: 100_000), closing = String(repeating: " »", count: 100_000)
        let document = try analyzed("قال الرئيس: " + opening + "نحن هنا" + closing + ".")
        #expect(document.sentences.count <= 2)
        // The outermost pair holds the words; the marks inside are left out of the span.
        #expect(document.quotations.map(\.text) == ["نحن هنا"])
        #expect(document.quotations.first?.cue?.text == "قال")
    }

    /// Open marks of two other families piled up, then closing guillemets: each closing mark
    /// looks for an opening guillemet that is not there.
    @Test func closingMarksOverADeepStackOfOtherMarks() throws {
        let pile = String(repeating: "“ \" ", count: 50_000), closing = String(repeating: "» ", count: 100_000)
        let document = try analyzed("قال الرئيس " + pile + closing + "نهاية")
        // Every mark is a token of its own, and none of the spans they make holds a word.
        #expect(document.tokens.count == 3 + 200_000)
        #expect(document.tokens.count(where: \.kind.isWord) == 3)
        #expect(document.quotations.isEmpty)
    }

    /// Documents of one kind of character only. (The texts are made in the test, not passed
    /// as arguments: Swift Testing describes its arguments, and describing one grapheme
    /// cluster of 200,000 marks takes minutes.)
    static let onlyOneKind: [String: String] = [
        "diacritics": String(repeating: "\u{064E}\u{0651}\u{0652}\u{064B}", count: 50_000),
        "tatweel": String(repeating: "\u{0640}", count: 200_000),
        "bidi controls": String(
            repeating: "\u{200E}\u{200F}\u{061C}\u{202A}\u{202B}\u{202C}\u{202D}\u{202E}\u{2066}\u{2067}\u{2068}\u{2069}",
            count: 20_000),
        "NUL bytes": String(repeating: "\u{0}", count: 200_000),
        "line feeds": String(repeating: "\n", count: 200_000),
        "zero-width joiners": String(repeating: "\u{200C}\u{200D}", count: 100_000),
    ]

    @Test(arguments: onlyOneKind.keys.sorted())
    func aDocumentOfOnly(_ what: String) throws {
        let document = try analyzed(Self.onlyOneKind[what]!)
        // (Counts, not the arrays: a failure would describe a token of 600,000 bytes.)
        #expect(document.tokens.count(where: \.kind.isWord) == 0, "\(what)")
        #expect(document.entities.count + document.quotations.count == 0, "\(what)")
        // ICU keeps a run of joiners (Format characters) together as one segment; the search
        // preset keeps ZWNJ, so the run is one symbol token. Every other kind leaves none.
        #expect(document.tokens.count == (what == "zero-width joiners" ? 1 : 0), "\(what)")
    }

    @Test func nulBytesBetweenWords() throws {
        // One sentence of 20,000 cue verbs with nothing after them to quote: each cue looked
        // for its sentence's end and its colon or أنّ to the end of the text (more than 400 s
        // here before the paragraph index).
        let document = try analyzed(String(repeating: "قال\u{0}الوزير\u{0}", count: 20_000))
        #expect(document.tokens.count == 40_000)
        #expect(document.tokens.count { $0.text == "قال" } == 20_000)
        #expect(document.quotations.isEmpty)
    }

    @Test func onlyPresentationFormsThatExpand() throws {
        let document = try analyzed(String(repeating: "ﷺ ﻻ ﷽ ", count: 20_000))
        #expect(document.tokens.count == 20_000 * (4 + 1 + 1))  // ﷽ has no decomposition: one token
    }

    @Test func mixedScripts() throws {
        let words = [
            "قالت", "Moscow", "Москва", "東京", "ירושלים", "दिल्ली", "Ελλάδα", "😀", "الخارجية", "١٢٣", "۴۵۶", "RT", "5G",
            "الله11101", "ﷺ", "🇸🇦", "e\u{0301}", "ก", "한국", "ㄅ", "𓀀",
        ]
        var text = ""
        for index in 0..<30_000 { text += words[(index * 7) % words.count] + (index % 50 == 49 ? ".\n" : " ") }
        let document = try analyzed(text)
        #expect(document.tokens.count >= 30_000)
    }

    /// Reported speech that holds the next cue (قال: … قال: …), 20,000 times in one line:
    /// each quotation ran to the end of the line (6 GB of output and a minute in a release
    /// build); now each ends before the 32nd cue inside it.
    @Test func manyColonQuotationsInOneLine() throws {
        let document = try analyzed(String(repeating: "قال المتحدث: نعم ", count: 20_000))
        #expect(document.quotations.count == 20_000)
        let longest = "نعم" + String(repeating: " قال المتحدث: نعم", count: 31)
        #expect(document.quotations.first?.text == longest)
        #expect(document.quotations.last?.text == "نعم")
        #expect(document.quotations.allSatisfy { $0.kind == .direct && $0.text.utf8.count <= longest.utf8.count })
    }

    /// A cue and a short quoted phrase, 20,000 times in one sentence: every phrase is a
    /// partial quotation of the first cue. Each cue went through every phrase to the end of
    /// the sentence, and each phrase through every quotation found before it (more than two
    /// minutes in a release build).
    @Test func manyQuotedPhrasesInOneSentence() throws {
        let document = try analyzed(String(repeating: "قال الرئيس \"نعم لا\" و", count: 20_000))
        #expect(document.quotations.count == 20_000)
        #expect(document.quotations.allSatisfy { $0.kind == .partial && $0.text == "نعم لا" && $0.cue?.range.lowerBound == 0 })
    }

    /// A source phrase, then 10,000 cues in its sentence: each cue looked for a stop between
    /// the phrase and itself (55 s for half as many in a debug build).
    @Test func aSourcePhraseBeforeManyCues() throws {
        let document = try analyzed("وحسب وكالة سبوتنيك، " + String(repeating: "قال المتحدث: نعم و", count: 10_000))
        #expect(document.quotations.count == 10_000)
        #expect(document.quotations.allSatisfy { $0.source?.text == "سبوتنيك" })
    }

    /// 5,000 feminine speakers, then 5,000 verbs in the masculine without a subject: each
    /// looked through every speaker before it for one that agrees, and found none. (Quadratic,
    /// but with a small constant: 3.0 s here before the fix, 1.4 s after; the history's
    /// answers are checked against the list search in `ArabicQuotesTests/QuotationScanIndexTests`.)
    @Test func carriedOverSpeakersAfterManyOfTheOtherGender() throws {
        let text =
            String(repeating: "قالت وزارة الخارجية الروسية: نعم.\n", count: 5_000)
            + String(repeating: "وأضاف: لا.\n", count: 5_000)
            + "وأضافت: نعم.\n"
        let document = try analyzed(text)
        #expect(document.quotations.count == 10_001)
        #expect(document.quotations[..<5_000].allSatisfy { $0.speaker?.text == "وزارة الخارجية الروسية" })
        #expect(document.quotations[5_000..<10_000].allSatisfy { $0.text == "لا" && $0.speaker == nil })
        #expect(document.quotations.last?.speaker?.resolved == "وزارة الخارجية الروسية")
    }

    /// A single line of about 5 MB of news (the 50 MB line goes through the release CLI: see
    /// `CLITests/HostileCLITests`).
    @Test func aLongSingleLine() throws {
        let sentence = "وقالت وزارة الخارجية الروسية إن \"الوضع في إقليم قره باغ خطير\"، وأضافت أن روسيا مستعدة للوساطة. "
        let line = String(repeating: sentence, count: 5_000_000 / sentence.utf8.count)
        let document = try Self.everything.analyze(line)
        #expect(document.quotations.count >= 5_000)
        #expect(document.entities.count >= 10_000)
        #expect(!line.contains("\n") && document.sentences.count >= 5_000)
    }

    /// 100,000 lines in this debug-built test (a million take about a minute here; see
    /// Docs/Reliability.md).
    @Test func aLexiconOfAHundredThousandLines() throws {
        var file = "name\ttype\tcountry\tnote\n"
        let letters = Array("بتثجحخدذرزسشصضطظعغفقكلمنهوي")
        for index in 0..<100_000 {
            var name = "مدينة ", rest = index
            repeat {
                name.append(letters[rest % letters.count])
                rest /= letters.count
            } while rest > 0
            file += name + "\tcity\tSA\t\n"
        }
        let schema = Gazetteer.schemas.first { $0.kind == "Places" }!
        let lexicon = try LexiconFile(parsing: file, name: "Places.tsv", schema: schema)
        #expect(lexicon.rows.count == 100_000)
        #expect(lexicon.rows.last?.line == 100_001)
    }

    /// Names of 10,000 characters: one word, or 32 words of 312 letters, load and are found;
    /// one of 1,667 words is refused with its line and column (a lookup costs a probe per
    /// word of the longest phrase that keeps matching: 1.4 s in a debug build for a text of
    /// its words repeated once, before the limit).
    @Test func aLexiconLineWithATenThousandCharacterName() throws {
        let word = String(repeating: "بحر", count: 3_334)
        let longWords = Array(repeating: String(repeating: "نهر", count: 104), count: 32).joined(separator: " ")
        let manyWords = String(repeating: "مدينة ", count: 1_666) + "النهاية"
        #expect([word, longWords, manyWords].allSatisfy { $0.count >= 10_000 })
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("hostile-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("Places.tsv").path
        try "name\ttype\tcountry\tnote\n\(word)\tcity\tSA\t\n\(longWords)\tcity\tSA\t\n".write(
            toFile: path, atomically: true, encoding: .utf8)
        let pipeline = try Pipeline(.init(lexicons: [path]))
        for name in [word, longWords] {
            let document = try pipeline.analyze("وصل الوفد إلى " + name + " أمس.")
            #expect(document.entities.contains { $0.text == name && $0.type == .location })
        }
        try "name\ttype\tcountry\tnote\n\(word)\tcity\tSA\t\n\(manyWords)\tcity\tSA\t\n".write(
            toFile: path, atomically: true, encoding: .utf8)
        let error = #expect(throws: LexiconError.self) { try Pipeline(.init(lexicons: [path])) }
        #expect(error?.description == "\(path):3:1: the 'name' field has more than 32 words, the most a phrase may have")
    }
}
