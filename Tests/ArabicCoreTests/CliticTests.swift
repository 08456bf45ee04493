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

    // Which readings must and must not be offered is a rule file:
    // Tests/ArabicTextTestingTests/Rules/clitics.rules, run by LibraryRuleTests.

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
        // بوخارست is not bundled (بكين is): ب + وخارست until a user protects it.
        #expect(analyzer.analyses(of: "بوخارست").contains { $0.proclitics == [.bi] })
        let custom = try CliticAnalyzer(additionalProtectedWords: ["بوخارست"])
        #expect(!custom.analyses(of: "بوخارست").contains { $0.proclitics == [.bi] })
    }
}
