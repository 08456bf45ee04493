import ArabicCore
import ArabicEntities
import Foundation
import Testing

let recognizer = try! EntityRecognizer()

// The rule tables (countries, places, organizations, people, dates, and what must not be
// found) are rule files: Tests/ArabicTextTestingTests/Rules/*.rules, run by LibraryRuleTests.

/// The example article against its gold annotations, with the measure of
/// ../shared/tools/score_example.py: a multiset of (type, normalized text).
@Suite struct ExampleArticleTests {
    static func load(_ name: String, _ ext: String) -> Data {
        guard let url = Bundle.module.url(forResource: name, withExtension: ext, subdirectory: "Fixtures"),
            let data = try? Data(contentsOf: url)
        else { fatalError("fixture \(name).\(ext) is missing") }
        return data
    }

    static func key(_ type: String, _ text: String) -> String {
        var normalized = Normalizer(.search).normalizedString(text)
            .components(separatedBy: CharacterSet(charactersIn: " \"“”«».,،:؛!?؟()[]-")).filter { !$0.isEmpty }.joined(
                separator: " ")
        if normalized.hasPrefix("لل") && normalized.count > 3 { normalized = "ال" + normalized.dropFirst(2) }
        return type + ":" + normalized
    }

    @Test func entityF1IsAtLeastPointNine() throws {
        let text = String(decoding: Self.load("karabakh-pagers", "txt"), as: UTF8.self)
        let gold = try #require(
            try JSONSerialization.jsonObject(with: Self.load("karabakh-pagers.gold", "json")) as? [String: Any])
        var expected: [String: Int] = [:]
        for entity in try #require(gold["entities"] as? [[String: Any]]) {
            expected[Self.key(entity["type"] as! String, entity["text"] as! String), default: 0] += entity["count"] as? Int ?? 1
        }
        let entities = try recognizer.entities(in: text)
        var predicted: [String: Int] = [:]
        for entity in entities {
            predicted[Self.key(entity.type.rawValue, entity.text), default: 0] += 1
            #expect(String(text.utf8Slice(entity.range)) == entity.text)
        }
        let matched = expected.reduce(0) { $0 + min($1.value, predicted[$1.key] ?? 0) }
        let precision = Double(matched) / Double(max(1, entities.count))
        let recall = Double(matched) / Double(expected.values.reduce(0, +))
        let f1 = precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0
        let missing = expected.filter { ($0.value - (predicted[$0.key] ?? 0)) > 0 }.map(\.key).sorted()
        let extra = predicted.filter { ($0.value - (expected[$0.key] ?? 0)) > 0 }.map(\.key).sorted()
        #expect(f1 >= 0.9, "F1 \(f1) (P \(precision), R \(recall)); missing \(missing); extra \(extra)")
    }
}
