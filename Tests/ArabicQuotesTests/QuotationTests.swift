import ArabicCore
import ArabicEntities
import ArabicQuotes
import Foundation
import Testing

let finder = try! QuotationFinder()

func quotes(_ text: String) throws -> [Quotation] { try finder.analyze(text).quotations }

// The rule tables (direct, indirect, partial, headlines, speakers carried over, sources,
// and what must not be a quotation) are rule files: Tests/ArabicTextTestingTests/Rules/*.rules,
// run by LibraryRuleTests.

/// A speaker that is an entity points to it among the analysis's entities.
@Suite struct SpeakerEntityTests {
    @Test func aSpeakerThatIsAnEntityPointsToIt() throws {
        let analysis = try finder.analyze("قالت وزارة الخارجية الروسية إن الوضع خطير.")
        let index = try #require(analysis.quotations.first?.speaker?.entity)
        #expect(analysis.entities[index].text == "وزارة الخارجية الروسية")
        #expect(analysis.entities[index].id == "RU")
    }
}

/// The example article against its gold quotations, with the measure of
/// ../shared/tools/score_example.py.
@Suite struct ExampleArticleQuotationTests {
    static func load(_ name: String, _ ext: String) -> Data {
        guard let url = Bundle.module.url(forResource: name, withExtension: ext, subdirectory: "Fixtures"),
            let data = try? Data(contentsOf: url)
        else { fatalError("fixture \(name).\(ext) is missing") }
        return data
    }

    static func norm(_ text: String) -> String {
        Normalizer(.search).normalizedString(text).components(separatedBy: CharacterSet(charactersIn: " \"“”«».,،:؛!?؟()[]-"))
            .filter { !$0.isEmpty }.joined(separator: " ")
    }

    @Test func recallPrecisionAndSpeakers() throws {
        let text = String(decoding: Self.load("karabakh-pagers", "txt"), as: UTF8.self)
        let gold = try #require(
            try JSONSerialization.jsonObject(with: Self.load("karabakh-pagers.gold", "json")) as? [String: Any])
        let goldQuotes = try #require(gold["quotes"] as? [[String: Any]])
        let found = try quotes(text)
        var used = Set<Int>()
        var matched = 0, speakersRight = 0
        for quote in goldQuotes {
            let goldText = Self.norm(quote["text"] as! String)
            // Found when a prediction holds the gold words (the scorer's 80 % overlap, at least).
            guard let index = found.indices.first(where: { !used.contains($0) && Self.norm(found[$0].text).contains(goldText) })
            else {
                Issue.record("missed: \(goldText.prefix(40))")
                continue
            }
            used.insert(index)
            matched += 1
            let want = Set([quote["speaker"] as? String, quote["speakerResolved"] as? String].compactMap { $0 }.map(Self.norm))
            let have = Set([found[index].speaker?.text, found[index].speaker?.resolved].compactMap { $0 }.map(Self.norm))
            if !want.isDisjoint(with: have) {
                speakersRight += 1
            } else {
                Issue.record("speaker of \(goldText.prefix(30)): \(have)")
            }
            for quotation in found { #expect(String(text.utf8Slice(quotation.range)) == quotation.text) }
        }
        #expect(matched == goldQuotes.count)
        #expect(Double(matched) / Double(found.count) >= 0.9)
        #expect(Double(speakersRight) / Double(goldQuotes.count) >= 0.9)
    }
}

/// Hostile input stays linear: many unbalanced and nested marks in one paragraph.
@Suite struct HostileQuotationTests {
    @Test(.timeLimit(.minutes(1)))
    func manyNestedAndUnclosedMarks() throws {
        let nested = try quotes("قالت وزارة الخارجية الروسية: " + String(repeating: "« “ ", count: 20_000) + "نهاية")
        #expect(nested.count == 1)
        let closes = try quotes("قال بوتين: " + String(repeating: "” ", count: 40_000))
        #expect(closes.count <= 1)
    }
}
