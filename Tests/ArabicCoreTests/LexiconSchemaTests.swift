import ArabicCore
import Foundation
import Testing

/// Every line of a lexicon of your own is checked, and a problem names file:line:column.
@Suite struct LexiconSchemaTests {
    /// A schema shaped like Places.tsv and Nisba.tsv, with real entries.
    static let places = LexiconSchema(
        "Places",
        [.text("name"), .oneOf("type", ["capital", "city", "region"]), .countryCode("country"), .note("note")])
    static let nisba = LexiconSchema(
        "Nisba", [.countryCode("code", required: true, mayBeEmpty: false), .text("masculine"), .list("plural")])

    @Test func aGoodFileReadsWithItsValues() throws {
        let file = try LexiconFile(
            parsing: "\u{FEFF}# mine\r\nname\ttype\tcountry\tnote\r\nيريفان\tcapital\tAM\tYerevan\r\nقره باج\tregion\t\t\r\n",
            name: "Places.tsv", schema: Self.places)
        #expect(file.columns == ["name", "type", "country", "note"])
        #expect(file.value("country", in: file.rows[0]) == "AM")
        #expect(file.value("country", in: file.rows[1]) == nil)
        #expect(file.source(of: file.rows[1]) == "Places.tsv:4")
    }

    @Test(arguments: [
        // The column is where the field starts, in characters: يريفان is 6 letters and a tab.
        ("name\ttype\nيريفان\tcapitol\n", "Places.tsv:2:8: unknown type 'capitol' (it takes: capital, city, region)"),
        ("name\ttype\nيريفان\t\n", "Places.tsv:2:8: the 'type' field is empty (it takes: capital, city, region)"),
        ("name\ttype\nيريفان\n", "Places.tsv:2:7: the 'type' field is empty (it takes: capital, city, region)"),
        (
            "name\ttype\tcountry\nيريفان\tcapital\tam\n",
            "Places.tsv:2:16: 'am' is not a country code: write two capital letters, as ISO 3166 does (RU, SA)"
        ),
        ("name\ttype\tcountry\nيريفان\tcapital\tXX\n", "Places.tsv:2:16: 'XX' is not an ISO 3166 country code ICU knows"),
        ("name\ttype\nيريفان\tcapital\tAM\n", "Places.tsv:2:16: 3 fields, but the header has 2 columns"),
        (
            "name\ttype\tcontry\n",
            "Places.tsv:1:11: unknown column 'contry' in a Places lexicon (its columns: name, type, country, note)"
        ),
        ("name\tcountry\n", "Places.tsv:1:0: the header has no column 'type' (it has: name, country)"),
        ("name\ttype\ttype\n", "Places.tsv:1:11: the column 'type' is named twice"),
        ("name\ttype\tnote\nيريفان\tcapital\tone\nيريفان\tcapital\ttwo\n", "Places.tsv:3:1: the same entry as line 2"),
        ("name\ttype\nيريفان \tcapital\n", "Places.tsv:2:1: the 'name' field 'يريفان ' has white space at its end"),
        ("name\ttype\n\tcity\n", "Places.tsv:2:1: the 'name' field is empty"),
        ("# only a comment\n", "Places.tsv:1:0: the file has no header line"),
        // A phrase of 33 words; the column is where the field starts.
        (
            "name\ttype\nيريفان\tcity\n" + String(repeating: "مدينة ", count: 32) + "النهاية\tcity\n",
            "Places.tsv:3:1: the 'name' field has more than 32 words, the most a phrase may have"
        ),
        (
            "type\tname\ncity\t" + String(repeating: "مدينة ", count: 1_666) + "النهاية\n",
            "Places.tsv:2:6: the 'name' field has more than 32 words, the most a phrase may have"
        ),
    ])
    func placesProblems(_ text: String, _ message: String) {
        let error = #expect(throws: LexiconError.self) { try LexiconFile(parsing: text, name: "Places.tsv", schema: Self.places) }
        #expect(error?.description == message)
    }

    @Test(arguments: [
        (
            "code\tmasculine\tplural\nAM\tأرميني\tأرمن،أرمينيون\n",
            "Nisba.tsv:2:11: the forms in 'plural' are separated by ',' (a Latin comma), not by '،'"
        ),
        (
            "code\tmasculine\tplural\nAM\tأرميني\tأرمن,,أرمينيون\n",
            "Nisba.tsv:2:11: the list in 'plural' has an empty form (two commas, or one at an end)"
        ),
        ("code\tmasculine\tplural\n\tأرميني\n", "Nisba.tsv:2:1: the 'code' field is empty"),
        (
            "code\tmasculine\tplural\nAM\tأرميني\tأرمن," + String(repeating: "أرمن ", count: 32) + "أرمن\n",
            "Nisba.tsv:2:11: a form in 'plural' has more than 32 words, the most a phrase may have"
        ),
    ])
    func nisbaProblems(_ text: String, _ message: String) {
        let error = #expect(throws: LexiconError.self) { try LexiconFile(parsing: text, name: "Nisba.tsv", schema: Self.nisba) }
        #expect(error?.description == message)
    }

    /// The longest phrase a line may have: 32 words, however long each (one word of 10,000
    /// letters is a phrase of one word).
    @Test func aPhraseOfThirtyTwoWordsIsRead() throws {
        let longest = String(repeating: "مدينة ", count: 31) + "النهاية"
        let word = String(repeating: "بحر", count: 3_334)
        let file = try LexiconFile(
            parsing: "name\ttype\n\(longest)\tcity\n\(word)\tcity\n", name: "Places.tsv", schema: Self.places)
        #expect(file.rows.map { $0.fields[0] } == [longest, word])
        #expect(LexiconSchema.maximumWordsPerPhrase == 32)
    }

    /// Two spellings of one word are two lines, not a repeated entry.
    @Test func spellingVariantsAreNotDuplicates() throws {
        let file = try LexiconFile(
            parsing: "name\ttype\nأبوظبي\tcapital\nأبو ظبي\tcapital\n", name: "Places.tsv", schema: Self.places)
        #expect(file.rows.count == 2)
    }

    @Test func invalidUTF8NamesItsLineAndColumn() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("Places-\(UUID().uuidString).tsv")
        defer { try? FileManager.default.removeItem(at: url) }
        try (Data("name\ttype\nيريفان\tca".utf8) + Data([0xD8, 0x20]) + Data("\n".utf8)).write(to: url)
        let error = #expect(throws: LexiconError.self) { try LexiconFile(contentsOfFile: url.path, schema: Self.places) }
        #expect(error?.line == 2)
        #expect(error?.column == 10)
        #expect(error?.message == "invalid UTF-8 at byte 25 (0xD8 0x20 0x0A); save the file as UTF-8")
    }

    @Test func aFileNamedLikeNoKindListsTheKnownNames() {
        let error = #expect(throws: LexiconError.self) {
            try LexiconSchema.schema(forPath: "my-rules/Place.tsv", among: [Self.places, Self.nisba])
        }
        #expect(
            error?.description
                == "my-rules/Place.tsv:0:0: unknown lexicon kind 'Place'; name the file like a bundled one: Nisba.tsv, Places.tsv"
        )
        #expect((try? LexiconSchema.schema(forPath: "my-rules/Places.tsv", among: [Self.places]))?.kind == "Places")
    }

    @Test func protectedWordsFromAFile() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("ProtectedWords.tsv")
        defer { try? FileManager.default.removeItem(at: url) }
        try "word\tnote\nبوخارست\tBucharest, not ب + وخارست\n".write(to: url, atomically: true, encoding: .utf8)
        let analyzer = try CliticAnalyzer(additionalLexicons: [url.path])
        #expect(!analyzer.analyses(of: "بوخارست").contains { $0.proclitics == [.bi] })
        #expect(try CliticAnalyzer().analyses(of: "بوخارست").contains { $0.proclitics == [.bi] })
        let error = #expect(throws: LexiconError.self) { try CliticAnalyzer(additionalLexicons: ["my/Places.tsv"]) }
        #expect(
            error?.message.hasPrefix("unknown lexicon kind 'Places'; name the file like a bundled one: ProtectedWords.tsv")
                == true)
    }
}
