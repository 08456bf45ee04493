import Foundation

/// Test inputs: the example article (bundled) and, when present beside the repository, the
/// development corpus of real news.
enum Fixtures {
    static let exampleArticle: String = {
        guard let url = Bundle.module.url(forResource: "karabakh-pagers", withExtension: "txt", subdirectory: "Fixtures"),
            let text = try? String(contentsOf: url, encoding: .utf8)
        else { fatalError("the example article fixture is missing from the test bundle") }
        return text
    }()

    /// `../shared/corpus/saudinewsnet-dev.jsonl` from the package root, if it is there.
    static let corpusPath: String? = {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let path = root.deletingLastPathComponent().appendingPathComponent("shared/corpus/saudinewsnet-dev.jsonl").path
        return FileManager.default.fileExists(atPath: path) ? path : nil
    }()

    /// The article texts of the first `megabytes` of the corpus (empty without the corpus).
    static func corpusArticles(megabytes: Int) -> [String] {
        guard let path = corpusPath, let handle = FileHandle(forReadingAtPath: path) else { return [] }
        defer { try? handle.close() }
        let data = handle.readData(ofLength: megabytes << 20)
        var articles: [String] = []
        for line in data.split(separator: 0x0A) {
            guard let object = try? JSONSerialization.jsonObject(with: Data(line)) as? [String: Any],
                let text = object["text"] as? String
            else { continue }  // the last line of the slice is cut short
            articles.append(text)
        }
        return articles
    }
}
