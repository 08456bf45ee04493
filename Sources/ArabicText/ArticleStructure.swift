/// What a part of a scraped news page is.
public enum SectionKind: String, Hashable, Sendable, CaseIterable, Codable {
    /// A title: the first short line of an article, or of a related article printed after a
    /// related-articles heading.
    case headline
    /// The article's text.
    case body
    /// Where and from whom a story comes, before its first sentence: `روسيا –`,
    /// `واس- الرياض:`, `الرياض 26 شوال 1436 هـ الموافق 11 اغسطس 2015 م واس`.
    case dateline
    /// A source line: `المصدر: صدى البلد`.
    case source
    /// A keyword line: `كلمات دلالية: روسيا القتال …`.
    case keywords
    /// A related-articles heading: `إقرأ أيضاً:`، `مقالات مشابهة`.
    case relatedHeading
    /// A line of a related-articles list: the headline of another article.
    case related
    /// An agency footer and what follows it on its line: `// انتهى //`, `// يتبع // 15:20 ت م`.
    case footer
}

/// A piece of the original text: its UTF-8 offsets and what it reads.
public struct TextSpan: Hashable, Sendable {
    /// UTF-8 offsets in the original text.
    public var range: Range<Int>
    /// The text at `range`.
    public var text: String

    /// A span; ``ArticleStructureFinder`` makes them.
    public init(range: Range<Int>, text: String) {
        self.range = range
        self.text = text
    }
}

/// One part of an article page: a paragraph, or the dateline or footer part of one.
public struct Section: Hashable, Sendable {
    /// What the part is.
    public var kind: SectionKind
    /// UTF-8 offsets in the original text, without the paragraph's surrounding white space.
    public var range: Range<Int>
    /// 0 for the article itself; 1, 2 … for the related articles and lists that follow each
    /// related-articles heading.
    public var article: Int

    /// A section; ``ArticleStructureFinder`` makes them.
    public init(kind: SectionKind, range: Range<Int>, article: Int) {
        self.kind = kind
        self.range = range
        self.article = article
    }
}

/// The parts of a news page: body, headlines, source and keyword lines, related-article
/// headings and lists, datelines and agency footers.
///
/// ```swift
/// let structure = try ArticleStructureFinder().structure(of: page, entities: entities)
/// structure.sources.map(\.text)         // ["صدى البلد", "RT + وسائل إعلام أمريكية"]
/// structure.section(containing: entity.range.lowerBound)?.kind   // .body, .related …
/// ```
public struct ArticleStructure: Hashable, Sendable {
    /// Every non-blank part of the text, in order, not overlapping.
    public var sections: [Section]
    /// What each source line names (the text after `المصدر:`).
    public var sources: [TextSpan]
    /// The keywords of the keyword lines, one span per keyword.
    public var keywords: [TextSpan]
    /// The related-articles headings, as printed (`إقرأ أيضاً:`).
    public var relatedHeadings: [TextSpan]
    /// The datelines, without the dash or colon that ends them (`روسيا`).
    public var datelines: [TextSpan]
    /// The agency footers (`// انتهى //` and the rest of its line).
    public var footers: [TextSpan]

    /// A structure from its parts.
    public init(
        sections: [Section] = [], sources: [TextSpan] = [], keywords: [TextSpan] = [], relatedHeadings: [TextSpan] = [],
        datelines: [TextSpan] = [], footers: [TextSpan] = []
    ) {
        self.sections = sections
        self.sources = sources
        self.keywords = keywords
        self.relatedHeadings = relatedHeadings
        self.datelines = datelines
        self.footers = footers
    }

    /// The section that contains the UTF-8 offset `offset`, or nil in blank space between them.
    public func section(containing offset: Int) -> Section? {
        var low = 0, high = sections.count
        while low < high {
            let middle = (low + high) / 2
            if sections[middle].range.upperBound <= offset { low = middle + 1 } else { high = middle }
        }
        guard low < sections.count, sections[low].range.contains(offset) else { return nil }
        return sections[low]
    }
}
