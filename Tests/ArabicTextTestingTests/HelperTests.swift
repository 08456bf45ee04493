import ArabicTextTesting
import Foundation
import Testing

/// `analysis(of:)` and `has(_:)` in `#expect`, and what a failing expectation says.
@Suite struct AnalysisHelperTests {
    static let sentence = "وأضافت الخارجية الروسية أن اعتراف يريفان جاء متأخرا."

    @Test func findsWhatIsThereAndNotWhatIsNot() {
        let found = analysis(of: Self.sentence)
        #expect(found.has(.quote(.indirect, speaker: "الخارجية الروسية", cue: "وأضافت")))
        #expect(found.has(.quote(speaker: "الخارجية الروسية", cue: "أضافت", lemma: "أضاف")))
        #expect(found.has(.quote(.indirect, .prefix("اعتراف يريفان"))))
        #expect(found.has(.entity(.organization, "الخارجية الروسية", subtype: "ministry", id: "RU", source: "rule:ministry")))
        #expect(found.has(.entity(.location, "يريفان", id: "AM")))
        #expect(found.has(.entities(2)))
        #expect(found.has(.reading(of: "وأضافت", "و+اضافت")))
        #expect(!found.has(.entity(.country, "روسيا")))
        #expect(!found.has(.quote(.direct)))
        #expect(!found.has(.quote(speaker: .absent)))
        #expect(!found.has(.reading(of: "بلبنان", "ب+لبنان")))  // not a word of this sentence
    }

    /// A failed `#expect` shows the sentence and everything found, with offsets.
    @Test func aFailingExpectationShowsTheSentenceAndWhatWasFound() {
        withKnownIssue {
            #expect(analysis(of: Self.sentence).has(.quote(speaker: "روسيا")))
        } matching: { issue in
            let message = issue.description
            return message.contains("sentence: " + Self.sentence)
                && message.contains("[7-23] entity ORGANIZATION/ministry \"الخارجية الروسية\" id=RU source=rule:ministry")
                && message.contains("quote indirect \"اعتراف يريفان جاء متأخرا\" speaker=\"الخارجية الروسية\" cue=أضافت")
                && message.contains("quote speaker=روسيا")
        }
    }

    @Test func theDescriptionListsEverythingFound() {
        let found = analysis(of: "قالت وزارة الخارجية الروسية إن الوضع خطير.")
        #expect(
            found.description == """
                sentence: قالت وزارة الخارجية الروسية إن الوضع خطير.
                found:    [5-27] entity ORGANIZATION/ministry "وزارة الخارجية الروسية" id=RU source=rule:ministry
                          [31-41] quote indirect "الوضع خطير" speaker="وزارة الخارجية الروسية" cue=قالت lemma=قال rule=rule:that
                """)
    }

    @Test func aLexiconThatCannotBeReadFindsNothingAndSaysWhy() {
        let found = analysis(of: Self.sentence, lexicons: ["no/such/Places.tsv"])
        #expect(found.entities.isEmpty)
        #expect(found.description.contains("error:    no/such/Places.tsv:0:0: cannot be read"))
    }
}

/// Findings print as the rule-file line that asserts them, and that line reads back.
@Suite struct FindingSyntaxTests {
    @Test(arguments: [
        (
            Finding.entity(.organization, "الخارجية الروسية", subtype: "ministry", id: "RU"),
            "entity ORGANIZATION/ministry \"الخارجية الروسية\" id=RU"
        ),
        (.entity(.country, "روسيا", subtype: .absent), "entity COUNTRY/none \"روسيا\""),
        (.entity(subtype: "media"), "entity subtype=media"),
        (.entity(.person, .prefix("ماريا")), "entity PERSON text^=ماريا"),
        (.quote(.indirect, speaker: "الخارجية الروسية", cue: "وأضافت"), "quote indirect speaker=\"الخارجية الروسية\" cue=وأضافت"),
        (
            .quote(nil, .prefix("روسيا ستواصل"), speaker: .absent, resolved: "بوتين"),
            "quote text^=\"روسيا ستواصل\" speaker=none resolved=بوتين"
        ),
        (.quote(.direct, "قال \"لا\"", rule: "rule:colon"), "quote direct \"قال \\\"لا\\\"\" rule=rule:colon"),
        (.reading(of: "وبالخارجية", "و+ب+ال+خارجيه"), "reading وبالخارجية و+ب+ال+خارجيه"),
        (.entities(3), "entities 3"),
        (.quotes(0), "quotes 0"),
    ])
    func printsAsARuleLineThatReadsBack(_ finding: Finding, _ line: String) throws {
        #expect(finding.description == line)
        let file = try RuleFile(parsing: "نص\n+ \(line)\n", name: "t.rules")
        #expect(file.examples[0].assertions[0].finding == finding)
    }

    /// Bare values run on to the next key, as in the issue's example.
    @Test func bareValuesRunToTheNextKey() throws {
        let file = try RuleFile(
            parsing: "وأضافت الخارجية الروسية أن …\n+ quote indirect speaker=الخارجية الروسية cue=وأضافت\n", name: "t.rules")
        #expect(file.examples[0].assertions[0].finding == .quote(.indirect, speaker: "الخارجية الروسية", cue: "وأضافت"))
    }
}

/// The rule-file format: what parses into what, and every error with its file and line.
@Suite struct RuleFileFormatTests {
    @Test func examplesCommentsAndTextsOfSeveralLines() throws {
        let file = try RuleFile(
            parsing: """
                # comment
                ذكر مسؤولون أمريكيون أن العملية بدأت.
                وقال أحدهم: "تمت العملية بنجاح".
                + quote direct speaker=أحدهم
                # a comment among the assertions
                - quote partial

                \\- بند يبدأ بشرطة
                + entities 0
                """, name: "t.rules")
        #expect(file.examples.count == 2)
        #expect(file.examples[0].line == 2)
        #expect(file.examples[0].text == "ذكر مسؤولون أمريكيون أن العملية بدأت.\nوقال أحدهم: \"تمت العملية بنجاح\".")
        #expect(file.examples[0].assertions.map(\.line) == [4, 6])
        #expect(file.examples[0].assertions.map(\.mustBeFound) == [true, false])
        #expect(file.examples[0].assertions[1].written == "- quote partial")
        #expect(file.examples[1].text == "- بند يبدأ بشرطة")
    }

    @Test(arguments: [
        ("قال بوتين\n", "t.rules:1: the example asserts nothing: add '+ …' or '- …' lines under it"),
        ("+ quote\n", "t.rules:1: an assertion with no text above it"),
        ("قال بوتين\n+ quote\nنص آخر\n", "t.rules:3: a text line after the assertions: separate examples with a blank line"),
        ("قال بوتين\n+ quot\n", "t.rules:2: unknown assertion 'quot' (known: entity, quote, reading, entities, quotes)"),
        (
            "قال بوتين\n+ quote speker=بوتين\n",
            "t.rules:2: unknown key 'speker' for quote (known: text, speaker, resolved, cue, lemma, source, rule)"
        ),
        ("قال بوتين\n+ quote said\n", "t.rules:2: unknown quotation kind 'said' (known: direct, indirect, partial)"),
        (
            "قال بوتين\n+ entity PERS \"بوتين\"\n",
            "t.rules:2: unknown entity type 'PERS' (known: PERSON, COUNTRY, LOCATION, ORGANIZATION, DATE)"
        ),
        ("قال بوتين\n+ entity PERSON \"بوتين\n", "t.rules:2: a quoted text is not closed with \""),
        ("قال بوتين\n+ quote speaker=\n", "t.rules:2: no value after 'speaker='"),
        ("قال بوتين\n+ quote speaker=بوتين speaker=روسيا\n", "t.rules:2: 'speaker' is given twice"),
        ("قال بوتين\n- quotes 1\n", "t.rules:2: '- quotes N' says nothing: write '+ quotes N' for exactly N"),
        ("قال بوتين\n+ quotes one\n", "t.rules:2: a count assertion is 'quotes N', N a whole number"),
        ("قال بوتين\n+ reading قال\n", "t.rules:2: a reading assertion is 'reading WORD و+ب+ال+خارجيه'"),
        (
            "قال بوتين\n+ entity PERSON \"بوتين\" \"روسيا\"\n",
            "t.rules:2: unexpected '\"روسيا\"': an entity assertion is 'entity TYPE/subtype \"text\" key=value …'"
        ),
        ("# nothing\n", "t.rules:0: the file has no examples"),
    ])
    func errorsNameTheLine(_ text: String, _ message: String) {
        let error = #expect(throws: RuleFileError.self) { try RuleFile(parsing: text, name: "t.rules") }
        #expect(error?.description == message)
    }
}

/// What `check` reports, exactly as `check-rules` prints it.
@Suite struct RuleReportTests {
    @Test func failuresShowTheSentenceTheExpectationAndWhatWasFound() throws {
        let file = try RuleFile(
            parsing: """
                وقال بوتين إن روسيا مستعدة.
                + quote indirect speaker=بوتين
                + quote direct speaker=بوتين
                - entity COUNTRY "روسيا"
                + reading بلبنان ب+لبنان
                """, name: "t.rules")
        let report = try RuleAnalyzer.shared().check(file)
        #expect(report.examples == 1 && report.assertions == 4 && !report.passed)
        #expect(
            report.description == """
                t.rules:3: not found: + quote direct speaker=بوتين
                  sentence: وقال بوتين إن روسيا مستعدة.
                  found:    [14-26] quote indirect "روسيا مستعدة" speaker=بوتين cue=قال lemma=قال rule=rule:that

                t.rules:4: found, but must not be: - entity COUNTRY "روسيا"
                  sentence: وقال بوتين إن روسيا مستعدة.
                  found:    [14-19] entity COUNTRY "روسيا" id=RU source=ICU

                t.rules:5: 'بلبنان' is not a word of the text: + reading بلبنان ب+لبنان
                  sentence: وقال بوتين إن روسيا مستعدة.
                  found:    nothing

                t.rules: 1 example, 3 of 4 assertions failed
                """)
    }

    @Test func aPassingFileSaysSo() throws {
        let file = try RuleFile(parsing: "وقال بوتين إن روسيا مستعدة.\n+ quote indirect speaker=بوتين\n", name: "t.rules")
        #expect(try RuleAnalyzer.shared().check(file).description == "t.rules: 1 example, 1 assertion, all passed")
    }

    /// `expectRules` records each failure at its own line of the rule file.
    @Test func expectRulesRecordsIssuesAtTheRuleLines() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("helper-\(UUID().uuidString).rules")
        defer { try? FileManager.default.removeItem(at: url) }
        try "وقال بوتين إن روسيا مستعدة.\n+ quote indirect speaker=بوتين\n- entity COUNTRY \"روسيا\"\n".write(
            to: url, atomically: true, encoding: .utf8)
        withKnownIssue {
            let report = expectRules(inFile: url.path)
            #expect(report?.failures.count == 1)
        } matching: { issue in
            issue.sourceLocation?.line == 3 && issue.sourceLocation?.filePath == url.path
                && issue.description.contains("found, but must not be: - entity COUNTRY \"روسيا\"")
        }
    }

    @Test func expectRulesReportsAnUnreadableRuleFileAtItsLine() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("helper-\(UUID().uuidString).rules")
        defer { try? FileManager.default.removeItem(at: url) }
        try "قال بوتين\n+ quote speker=بوتين\n".write(to: url, atomically: true, encoding: .utf8)
        withKnownIssue {
            #expect(expectRules(inFile: url.path) == nil)
        } matching: { issue in
            issue.sourceLocation?.line == 2 && issue.description.contains("unknown key 'speker'")
        }
    }
}

/// `explain`: the normalized text, tokens with readings and lexicon lines, and the rules.
@Suite struct ExplanationTests {
    @Test func explainsTokensEntitiesAndQuotations() throws {
        let text = try RuleAnalyzer.shared().explain("وأضافت الخارجية الروسية أن الوضع خطير.").description
        for line in [
            "normalized: واضافت الخارجيه الروسيه ان الوضع خطير.",
            "  [0-6] وأضافت → واضافت  arabicWord",
            "      clitics  واضافت | و+اضافت",
            "      lexicon  \"الخارجيه\": ministry field (MinistryFields.tsv:",
            "      lexicon  \"الروسيه\": nisba, feminine id=RU (Nisba.tsv:",
            "  [7-23] entity ORGANIZATION/ministry \"الخارجية الروسية\" id=RU source=rule:ministry",
            "      cue      أضافت [1-6] from CueVerbs.tsv:",
            "      speaker  الخارجية الروسية [7-23], entity 0, by rule:after-verb",
        ] {
            #expect(text.contains(line), "\(line)")
        }
        #expect(text.contains("cue verb, lemma أضاف, feminine, after و (CueVerbs.tsv:"))
    }

    @Test func aDroppedSubjectSaysWhomItStandsFor() throws {
        let text = try RuleAnalyzer.shared().explain("قالت وزارة الخارجية الروسية إن الوضع خطير. وأكدت أن الحل سياسي.")
            .description
        #expect(text.contains("      speaker  dropped, stands for وزارة الخارجية الروسية, by rule:carried-over"))
    }
}
