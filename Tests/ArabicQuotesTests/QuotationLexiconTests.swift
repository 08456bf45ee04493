import ArabicCore
import ArabicEntities
import ArabicQuotes
import Foundation
import Testing

/// Cue verbs, reporting nouns and source phrases of your own, from files named like the
/// bundled ones; entity lexicons go to the recognizer the finder makes.
@Suite struct QuotationLexiconTests {
    /// A fresh directory with these files in it.
    static func directory(_ files: [String: String]) throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("quotes-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        for (name, text) in files {
            try text.write(to: directory.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        return directory
    }

    @Test func aCueVerbAndAnOrganizationOfYourOwn() throws {
        let directory = try Self.directory([
            "CueVerbs.tsv": "form\tlemma\tgender\tnumber\ttense\ttakes\nأردف\tأردف\tm\tsingular\tpast\tthat\n",
            "Organizations.tsv": "name\tsubtype\tcountry\tnote\nصندوق التنمية العقارية\tgovernment\tSA\t\n",
        ])
        defer { try? FileManager.default.removeItem(at: directory) }
        let sentence = "وأردف صندوق التنمية العقارية أن القروض الجديدة ستصرف الشهر المقبل."
        #expect(try finder.analyze(sentence).quotations.isEmpty)
        let mine = try QuotationFinder(additionalLexicons: [
            directory.appendingPathComponent("CueVerbs.tsv").path, directory.appendingPathComponent("Organizations.tsv").path,
        ])
        let analysis = try mine.analyze(sentence)
        let quote = try #require(analysis.quotations.first)
        #expect(quote.kind == .indirect)
        #expect(quote.text == "القروض الجديدة ستصرف الشهر المقبل")
        #expect(quote.cue?.text == "أردف")
        #expect(quote.cue?.source == "CueVerbs.tsv:2")
        #expect(quote.speaker?.text == "صندوق التنمية العقارية")
        #expect(quote.speaker?.rule == "rule:after-verb")
        #expect(analysis.entities.first?.source == "Organizations.tsv:2")
    }

    @Test(arguments: [
        (
            "CueVerbs.tsv", "form\tlemma\tgender\tnumber\ttakes\nأردفت\tأردف\tf\tsingle\tthat\n",
            "CueVerbs.tsv:2:14: unknown number 'single' (it takes: singular, dual, plural)"
        ),
        (
            "ReportingNouns.tsv", "word\tkind\tgender\nمحللون\tnoun\tm\n",
            "ReportingNouns.tsv:1:0: the header has no column 'number' (it has: word, kind, gender)"
        ),
        ("SourcePhrases.tsv", "phrase\tnote\n\tempty\n", "SourcePhrases.tsv:2:1: the 'phrase' field is empty"),
    ])
    func everyLineIsChecked(_ name: String, _ text: String, _ message: String) throws {
        let directory = try Self.directory([name: text])
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent(name).path
        let error = #expect(throws: LexiconError.self) { try QuotationFinder(additionalLexicons: [path]) }
        #expect(
            error.map { "\(URL(fileURLWithPath: $0.file).lastPathComponent):\($0.line):\($0.column): \($0.message)" } == message)
    }

    @Test func aFileOfNoKnownKindListsTheKinds() {
        let error = #expect(throws: LexiconError.self) { try QuotationFinder(additionalLexicons: ["my-rules/Verbs.tsv"]) }
        #expect(
            error?.message.hasPrefix("unknown lexicon kind 'Verbs'; name the file like a bundled one: BodyWords.tsv,") == true)
        #expect(error?.message.contains("CueVerbs.tsv") == true)
    }

    @Test func protectedWordsAreForTheCliticAnalyzer() {
        let error = #expect(throws: LexiconError.self) {
            try QuotationFinder(additionalLexicons: ["my-rules/ProtectedWords.tsv"])
        }
        #expect(error?.message.hasPrefix("read by the clitic analyzer") == true)
    }

    @Test func anEntityLexiconWithARecognizerOfYourOwnIsRefused() throws {
        let error = #expect(throws: LexiconError.self) {
            try QuotationFinder(recognizer: EntityRecognizer(), additionalLexicons: ["my-rules/Places.tsv"])
        }
        #expect(error?.message.hasPrefix("an entity lexicon") == true)
    }
}
