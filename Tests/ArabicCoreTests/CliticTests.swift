import ArabicCore
import Testing

@Suite struct CliticTests {
    let normalizer = Normalizer(.search)
    let analyzer = try! CliticAnalyzer()

    func readings(_ word: String) -> [String] {
        analyzer.analyses(of: normalizer.normalizedString(word)).map { analysis in
            (analysis.proclitics.map(\.rawValue) + [String(analysis.stem)] + (analysis.enclitic.map { [$0.rawValue] } ?? []))
                .joined(separator: "+")
        }
    }

    /// A reading that must be offered.
    @Test(arguments: [
        ("وأذربيجان", "و+اذربيجان"), ("بلبنان", "ب+لبنان"), ("لروسيا", "ل+روسيا"), ("والصين", "و+ال+صين"),
        ("للخارجية", "ل+ال+خارجيه"), ("وبالخارجية", "و+ب+ال+خارجيه"), ("فقالت", "ف+قالت"), ("سيقول", "س+يقول"),
        ("وسيقولون", "و+س+يقولون"), ("كتابهم", "كتاب+هم"), ("بلادنا", "بلاد+نا"), ("ووزارة", "و+وزاره"),
        ("بوزارة", "ب+وزاره"), ("وأضافت", "و+اضافت"), ("كالعادة", "ك+ال+عاده"),
    ])
    func offers(_ word: String, _ reading: String) {
        #expect(readings(word).contains(reading), "\(readings(word))")
    }

    /// A reading that must NOT be offered.
    @Test(arguments: [
        ("وزارة", "و+زاره"), ("ولد", "و+لد"), ("فلسطين", "ف+لسطين"), ("بريطانيا", "ب+ريطانيا"), ("كندا", "ك+ندا"),
        ("لبنان", "ل+بنان"), ("ووزارة", "ووزار+ه"), ("سوريا", "س+وريا"), ("الله", "ال+له"), ("والخارجية", "وال+خارجيه"),
        ("ساعة", "س+اعه"), ("سبب", "س+بب"), ("برنامج", "ب+رنامج"),
    ])
    func doesNotOffer(_ word: String, _ reading: String) {
        #expect(!readings(word).contains(reading), "\(readings(word))")
    }

    /// The grammar: ال takes no pronoun, س only before an imperfect prefix, stems of two letters.
    @Test(arguments: ["بالها", "والكتابهم", "سكتب", "وله", "فيه", "بكم"])
    func readingsObeyTheGrammar(_ word: String) {
        for analysis in analyzer.analyses(of: word) {
            #expect(!(analysis.proclitics.last == .al && analysis.enclitic != nil))
            if analysis.proclitics.last == .sa {
                #expect(["ي", "ت", "ن", "ا"].contains(analysis.stem.first.map(String.init) ?? ""))
            }
            #expect(analysis.stem.count >= 2)
        }
    }

    @Test func protectedWordsStandAlone() {
        #expect(readings("وزارة") == ["وزاره"])
        #expect(readings("ولد") == ["ولد"])
        // A clitic outside a protected word comes first.
        #expect(readings("ووزارة").first == "و+وزاره")
    }

    @Test func mentionStartLeavesTheConjunctionAndPrepositionOut() throws {
        let analyses = analyzer.analyses(of: normalizer.normalizedString("وبالخارجية"))
        let full = try #require(analyses.first { $0.proclitics == [.wa, .bi, .al] })
        #expect(full.mentionStart == "وب".utf8.count)
        let lil = try #require(analyzer.analyses(of: "لليابان").first { $0.contractsArticle })
        #expect(lil.mentionStart == 0)
    }

    @Test func usersCanProtectTheirOwnWords() throws {
        let custom = try CliticAnalyzer(additionalProtectedWords: ["بكين"])
        #expect(!custom.analyses(of: "بكين").contains { $0.proclitics == [.bi] })
    }
}
