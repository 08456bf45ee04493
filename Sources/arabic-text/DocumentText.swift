import ArabicText

/// `analyze --format text`: a document for a person to read. Each part of the page on its
/// own line, its kind in brackets, and under it the quotations (kind, cue, speaker, source)
/// and the entities found in it.
///
///     ═══ karabakh-pagers.txt
///     [body] وحسب وكالة “سبوتنيك” الروسية، قالت وزارة الخارجية الروسية …
///       ❝ direct · cue قالت · speaker وزارة الخارجية الروسية · source وكالة سبوتنيك
///         فيما يتعلق بالتصعيد الحاد …
///       • ORGANIZATION/media “سبوتنيك” · ORGANIZATION/ministry وزارة الخارجية الروسية (RU)
enum DocumentText {
    static func record(id: String, document: Document) -> [UInt8] {
        var out = ""
        out += "═══ \(id)\n"
        let sections =
            document.structure?.sections
            ?? ArticleStructureFinder.lines(of: document.text).map { Section(kind: .body, range: $0, article: 0) }
        var entityIndex = 0, quoteIndex = 0
        for (number, section) in sections.enumerated() {
            let end = number + 1 < sections.count ? sections[number + 1].range.lowerBound : Int.max
            let article = section.article > 0 ? " \(section.article)" : ""
            out += "[\(section.kind.rawValue)\(article)] \(document.text(at: section.range))\n"
            var quotes: [String] = []
            while quoteIndex < document.quotations.count, document.quotations[quoteIndex].range.lowerBound < end {
                quotes.append(describe(document.quotations[quoteIndex], in: document))
                quoteIndex += 1
            }
            var entities: [String] = []
            while entityIndex < document.entities.count, document.entities[entityIndex].range.lowerBound < end {
                let entity = document.entities[entityIndex]
                entities.append(
                    "\(entity.type.rawValue)\(entity.subtype.map { "/" + $0 } ?? "") \(entity.text)\(entity.id.map { " (\($0))" } ?? "")"
                )
                entityIndex += 1
            }
            for quote in quotes { out += quote }
            if !entities.isEmpty { out += "  • " + entities.joined(separator: " · ") + "\n" }
        }
        if let structure = document.structure {
            var facts: [String] = []
            if !structure.sources.isEmpty { facts.append("source: " + structure.sources.map(\.text).joined(separator: " | ")) }
            if !structure.keywords.isEmpty {
                facts.append("keywords: " + structure.keywords.map(\.text).joined(separator: " | "))
            }
            if !structure.datelines.isEmpty {
                facts.append("dateline: " + structure.datelines.map(\.text).joined(separator: " | "))
            }
            if !facts.isEmpty { out += "  ─ " + facts.joined(separator: "\n  ─ ") + "\n" }
        }
        out += "\n"
        return Array(out.utf8)
    }

    static func describe(_ quote: Quotation, in document: Document) -> String {
        var parts = [quote.kind.rawValue]
        if let cue = quote.cue { parts.append("cue \(cue.text)") }
        if let speaker = quote.speaker {
            let name = speaker.text ?? speaker.resolved ?? "?"
            let resolved = speaker.resolved.flatMap { $0 != name ? " = \($0)" : nil } ?? ""
            parts.append("speaker \(name)\(resolved)")
        } else {
            parts.append("speaker ?")
        }
        if let source = quote.source, let text = source.text { parts.append("source \(text)") }
        return "  ❝ \(parts.joined(separator: " · "))\n      \(document.text(at: quote.range))\n"
    }
}
