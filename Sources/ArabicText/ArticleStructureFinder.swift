import ArabicCore
public import ArabicEntities
import Foundation

/// Tells the body of a scraped news page from what surrounds it: source and keyword lines,
/// related-article headings and their lists or articles, datelines, agency footers.
///
/// The markers are in `ArticleMarkers.tsv` (kinds `source`, `keywords`, `related`, `footer`,
/// `agency`, `dateline-word`), matched on normalized text. Paragraphs are lines. The rules,
/// each a small function below:
/// - a source or keyword line is `MARKER: value`; a related-articles heading is a line that
///   is only a marker; a footer is `// MARKER //` and the rest of its line;
/// - after a related-articles heading, one short line followed by long paragraphs is the
///   headline of a related article and those paragraphs its body; otherwise the short lines
///   are a related-articles list;
/// - the first line of the page is a headline when it is short and does not end a sentence;
/// - a dateline opens the first paragraph of an article: places, agencies and dates up to a
///   dash or a colon, or a whole line of them (`الرياض – واس`).
public struct ArticleStructureFinder: Sendable {
    /// What a marker of `ArticleMarkers.tsv` marks.
    enum MarkerKind: String {
        case source, keywords, related, footer, agency
        case datelineWord = "dateline-word"
    }

    let normalizer = Normalizer(.search)
    /// Normalized markers (words joined by one space) and what they mark.
    let markers: [String: MarkerKind]

    /// Paragraphs of at most this many words may be headlines or related-list lines.
    static let shortLineWords = 25

    /// A finder with the bundled markers and, from `additionalMarkers`, more files with the
    /// columns `marker` and `kind`.
    public init(additionalMarkers: [String] = []) throws {
        var files = [try LexiconFile(bundled: "ArticleMarkers", in: .module, requiredColumns: ["marker", "kind"])]
        for path in additionalMarkers { files.append(try LexiconFile(contentsOfFile: path, requiredColumns: ["marker", "kind"])) }
        var markers: [String: MarkerKind] = [:]
        for file in files {
            let kindColumn = file.columns.firstIndex(of: "kind")!
            let markerColumn = file.columns.firstIndex(of: "marker")!
            for row in file.rows {
                guard let kind = MarkerKind(rawValue: row.fields[kindColumn]) else {
                    throw LexiconError(
                        file: file.name, line: row.line, column: 0,
                        message: "unknown kind '\(row.fields[kindColumn])' (known: source, keywords, related, footer, agency, dateline-word)")
                }
                markers[Self.words(normalizer.normalizedString(row.fields[markerColumn])).joined(separator: " ")] = kind
            }
        }
        self.markers = markers
    }

    /// The structure of `text`, whose `entities` (from an ``EntityRecognizer``, in order) say
    /// where the places, agencies and dates of datelines are.
    public func structure(of text: String, entities: [Entity]) -> ArticleStructure {
        var structure = ArticleStructure()
        let lines = Self.lines(of: text)
        func string(_ range: Range<Int>) -> String { Self.string(text, range) }
        var article = 0
        var index = 0
        var atArticleStart = true
        while index < lines.count {
            let line = lines[index]
            let content = string(line)
            if let (kind, valueRange) = labeledLine(content, at: line.lowerBound) {
                structure.sections.append(Section(kind: kind, range: line, article: article))
                if let valueRange, kind == .source {
                    structure.sources.append(TextSpan(range: valueRange, text: string(valueRange)))
                } else if kind == .footer {
                    structure.footers.append(TextSpan(range: line, text: content))
                } else if let valueRange, kind == .keywords {
                    for keyword in keywordRanges(in: valueRange, text: text, entities: entities) {
                        structure.keywords.append(TextSpan(range: keyword, text: string(keyword)))
                    }
                }
                index += 1
                continue
            }
            if isRelatedHeading(content) {
                structure.sections.append(Section(kind: .relatedHeading, range: line, article: article))
                structure.relatedHeadings.append(TextSpan(range: line, text: content))
                article += 1
                index += 1
                // The lines up to the next marked line: a related article or a list.
                var end = index
                while end < lines.count, labeledLine(string(lines[end]), at: lines[end].lowerBound) == nil,
                    !isRelatedHeading(string(lines[end]))
                {
                    end += 1
                }
                let group = lines[index..<end]
                if let first = group.first, group.count > 1, isShort(string(first)), !Self.isBulleted(string(first)),
                    group.dropFirst().contains(where: { !isShort(string($0)) })
                {
                    structure.sections.append(Section(kind: .headline, range: first, article: article))
                    index += 1
                    atArticleStart = false
                    addBody(lines[index], first: true, article: article, text: text, entities: entities, to: &structure)
                    index += 1
                } else {
                    for line in group { structure.sections.append(Section(kind: .related, range: line, article: article)) }
                    index = end
                }
                continue
            }
            if atArticleStart, index + 1 < lines.count, isShort(content), !endsSentence(content),
                datelineEnd(in: line, text: text, entities: entities) == nil
            {
                structure.sections.append(Section(kind: .headline, range: line, article: article))
            } else {
                addBody(line, first: atArticleStart, article: article, text: text, entities: entities, to: &structure)
            }
            atArticleStart = false
            index += 1
        }
        return structure
    }

    // MARK: - Rules

    /// A source, keyword or footer line: its kind and the range of its value (after the colon).
    func labeledLine(_ line: String, at start: Int) -> (kind: SectionKind, value: Range<Int>?)? {
        if let colon = line.utf8.firstIndex(of: UInt8(ascii: ":")) {
            let label = String(line[..<colon])
            if label.utf8.count <= 60, let kind = markers[Self.words(normalizer.normalizedString(label)).joined(separator: " ")],
                kind == .source || kind == .keywords
            {
                let bytes = Array(line.utf8)
                let value = Self.trimmed((line.utf8.distance(from: line.utf8.startIndex, to: colon) + 1)..<bytes.count, in: bytes)
                return (kind == .source ? .source : .keywords, value.isEmpty ? nil : (start + value.lowerBound)..<(start + value.upperBound))
            }
        }
        if isFooter(line) { return (.footer, nil) }
        return nil
    }

    /// A line that is only a related-articles marker, with its punctuation: `إقرأ أيضاً:`.
    func isRelatedHeading(_ line: String) -> Bool {
        guard line.utf8.count <= 80 else { return false }
        return markers[Self.words(normalizer.normalizedString(line)).joined(separator: " ")] == .related
    }

    /// `// انتهى //` and the like, alone on its line or before a time stamp.
    func isFooter(_ line: String) -> Bool {
        guard line.hasPrefix("//") || line.hasPrefix("/ /") else { return false }
        let inner = line.drop(while: { $0 == "/" || $0 == " " }).prefix(while: { $0 != "/" })
        return markers[Self.words(normalizer.normalizedString(String(inner))).joined(separator: " ")] == .footer
    }

    /// Short enough for a headline or a related-list line.
    func isShort(_ line: String) -> Bool {
        line.split(whereSeparator: \.isWhitespace).count <= Self.shortLineWords && !endsSentence(line)
    }

    /// Whether a paragraph ends like a sentence (a headline does not).
    func endsSentence(_ line: String) -> Bool {
        guard let last = line.last(where: { !$0.isWhitespace && $0 != "\"" && $0 != "»" && $0 != "”" && $0 != ")" }) else {
            return false
        }
        return last == "." || last == "!" || last == "؟" || last == "?" || last == "…" || last == ":" || last == "؛"
    }

    /// A line that starts with a bullet or a list number.
    static func isBulleted(_ line: String) -> Bool {
        guard let first = line.first else { return false }
        return "•·▪●◦■-*–".contains(first)
    }

    /// A body paragraph; the first of an article may open with a dateline, and an agency
    /// footer inside it ends the body.
    func addBody(
        _ line: Range<Int>, first: Bool, article: Int, text: String, entities: [Entity], to structure: inout ArticleStructure
    ) {
        var start = line.lowerBound
        if first, let (dateline, consumed) = datelineEnd(in: line, text: text, entities: entities) {
            structure.sections.append(Section(kind: .dateline, range: line.lowerBound..<consumed, article: article))
            let range = line.lowerBound..<dateline
            structure.datelines.append(TextSpan(range: range, text: Self.string(text, range)))
            let rest = Array(Self.string(text, consumed..<line.upperBound).utf8)
            start = consumed + Self.trimmed(rest.indices, in: rest).lowerBound
            if start >= line.upperBound { return }
        }
        // A footer written at the end of the paragraph: ... // انتهى //
        let bytes = Array(text.utf8.dropFirst(start).prefix(line.upperBound - start))
        var footerStart: Int?
        var position = 0
        while position + 1 < bytes.count {
            if bytes[position] == 0x2F && bytes[position + 1] == 0x2F,
                isFooter(String(decoding: bytes[position...], as: UTF8.self))
            {
                footerStart = position
                break
            }
            position += 1
        }
        if let footerStart {
            let before = Self.trimmed(0..<footerStart, in: bytes)
            if !before.isEmpty {
                structure.sections.append(
                    Section(kind: .body, range: (start + before.lowerBound)..<(start + before.upperBound), article: article))
            }
            let footer = (start + footerStart)..<line.upperBound
            structure.sections.append(Section(kind: .footer, range: footer, article: article))
            structure.footers.append(TextSpan(range: footer, text: String(decoding: bytes[footerStart...], as: UTF8.self)))
        } else {
            structure.sections.append(Section(kind: .body, range: start..<line.upperBound, article: article))
        }
    }

    /// Where the dateline that opens `line` ends (before its dash or colon) and where what it
    /// consumed ends (after them), or nil when the line opens with none.
    ///
    /// A dateline is made of places, countries, dates, media and agencies (entities, or
    /// `agency` markers) and `dateline-word`s (الموافق، هـ، م), ended by a dash, by a colon
    /// after a dash or an agency (`سبق- الرياض:`), or by the end of a line that has a place or
    /// an agency and a date, an agency or a dash (`الرياض – واس`).
    func datelineEnd(in line: Range<Int>, text: String, entities: [Entity]) -> (dateline: Int, consumed: Int)? {
        let pieces = Self.pieces(of: text, in: line)
        // The entities that start in the line.
        var first = 0, last = entities.count
        while first < last {
            let middle = (first + last) / 2
            if entities[middle].range.upperBound <= line.lowerBound { first = middle + 1 } else { last = middle }
        }
        var entityIndex = first
        var sawPlace = false, sawAgency = false, sawDate = false
        var words = 0
        var lastWordEnd = line.lowerBound
        var firstDash: (before: Int, after: Int, placeOrAgency: Bool)?
        var consumedAll = true
        var index = 0
        while index < pieces.count {
            let piece = pieces[index]
            switch piece.kind {
            case .dash:
                guard words > 0 else { return nil }
                if firstDash == nil { firstDash = (lastWordEnd, piece.range.upperBound, sawPlace || sawAgency) }
                index += 1
                continue
            case .colon:
                if (sawPlace || sawAgency) && (firstDash != nil || sawAgency) && (sawPlace || firstDash != nil) {
                    return (lastWordEnd, piece.range.upperBound)
                }
            case .word:
                while entityIndex < entities.count && entities[entityIndex].range.upperBound <= piece.range.lowerBound {
                    entityIndex += 1
                }
                var matched = false
                if entityIndex < entities.count, entities[entityIndex].range.lowerBound <= piece.range.lowerBound {
                    let entity = entities[entityIndex]
                    switch entity.type {
                    case .country, .location: sawPlace = true; matched = true
                    case .date: sawDate = true; matched = true
                    case .organization where entity.subtype == "media": sawAgency = true; matched = true
                    default: break
                    }
                    if matched {
                        // The entity's other words.
                        while index + 1 < pieces.count, pieces[index + 1].kind == .word,
                            pieces[index + 1].range.lowerBound < entity.range.upperBound
                        {
                            index += 1
                        }
                    }
                }
                if !matched {
                    // Agencies of up to three words (أ ف ب), and the words of dates.
                    for length in stride(from: 3, through: 1, by: -1) where index + length <= pieces.count {
                        let run = pieces[index..<(index + length)]
                        guard run.allSatisfy({ $0.kind == .word }) else { continue }
                        let phrase = run.map { normalizer.normalizedString(Self.string(text, $0.range)) }.joined(separator: " ")
                        switch markers[phrase] {
                        case .agency: sawAgency = true; matched = true
                        case .datelineWord: matched = true
                        default: break
                        }
                        if matched {
                            index += length - 1
                            break
                        }
                    }
                    if !matched, Self.string(text, piece.range).allSatisfy(\.isNumber) { matched = true }
                }
                // After an agency and a dash, a place the lexicons lack: واس - الخبر:
                if !matched, sawAgency, let dash = firstDash, dash.placeOrAgency,
                    let colon = pieces[index...].prefix(4).firstIndex(where: { $0.kind != .word }),
                    pieces[colon].kind == .colon, colon > index
                {
                    return (pieces[colon - 1].range.upperBound, pieces[colon].range.upperBound)
                }
                if matched && words < 16 {
                    words += 1
                    lastWordEnd = pieces[index].range.upperBound
                    index += 1
                    continue
                }
            case .other:
                break
            }
            consumedAll = false
            break
        }
        if consumedAll, words > 0, sawPlace || sawAgency, sawDate || sawAgency || firstDash != nil {
            return (lastWordEnd, line.upperBound)
        }
        if let firstDash, firstDash.placeOrAgency { return (firstDash.before, firstDash.after) }
        return nil
    }

    /// The keywords of a keyword line's value: split at commas and bars where it has them;
    /// otherwise at spaces, keeping each entity whole and joining a word without ال to the
    /// next (إقليم قره باغ، أطراف النزاع).
    func keywordRanges(in value: Range<Int>, text: String, entities: [Entity]) -> [Range<Int>] {
        let bytes = Array(text.utf8)
        let separators: [[UInt8]] = ["،", ",", "|", "؛", ";", "/", "#"].map { Array($0.utf8) }
        func splitAtSeparators() -> [Range<Int>]? {
            var parts: [Range<Int>] = []
            var start = value.lowerBound
            var position = value.lowerBound
            var found = false
            while position < value.upperBound {
                if let separator = separators.first(where: { position + $0.count <= value.upperBound && bytes[position..<(position + $0.count)].elementsEqual($0) }) {
                    found = true
                    parts.append(start..<position)
                    position += separator.count
                    start = position
                } else {
                    position += 1
                }
            }
            parts.append(start..<value.upperBound)
            guard found else { return nil }
            return parts.map { Self.trimmed($0, in: bytes) }.filter { !$0.isEmpty }
        }
        if let parts = splitAtSeparators() { return parts }
        // Units: the words, with the words of one entity taken together.
        var units: [(range: Range<Int>, isEntity: Bool)] = []
        var entityIndex = 0
        for word in Self.pieces(of: text, in: value) where word.kind == .word {
            while entityIndex < entities.count && entities[entityIndex].range.upperBound <= word.range.lowerBound { entityIndex += 1 }
            let inEntity = entityIndex < entities.count && entities[entityIndex].range.lowerBound < word.range.upperBound
            if inEntity, let last = units.last, last.isEntity, last.range.upperBound > entities[entityIndex].range.lowerBound {
                units[units.count - 1].range = last.range.lowerBound..<word.range.upperBound
            } else {
                units.append((word.range, inEntity))
            }
        }
        var keywords: [Range<Int>] = []
        var pending: Int?
        for (number, unit) in units.enumerated() {
            let start = pending ?? unit.range.lowerBound
            if number + 1 < units.count, !unit.isEntity, isIndefiniteArabicWord(Self.string(text, unit.range)) {
                pending = start  // the first noun of a construct: أطراف النزاع
            } else {
                keywords.append(start..<unit.range.upperBound)
                pending = nil
            }
        }
        return keywords
    }

    /// One Arabic word without the article: the first noun of a construct (إقليم، أطراف).
    func isIndefiniteArabicWord(_ word: String) -> Bool {
        let normalized = normalizer.normalizedString(word)
        guard let first = normalized.unicodeScalars.first, (0x0621...0x064A).contains(first.value) else { return false }
        return !normalized.hasPrefix("ال") && !normalized.contains(" ")
    }

    // MARK: - Text

    /// A word, a dash or a colon of a line, or anything else.
    struct Piece {
        enum Kind { case word, dash, colon, other }
        var kind: Kind
        var range: Range<Int>
    }

    /// The words (letters, digits, marks), dashes and colons of `range`, white space left out.
    static func pieces(of text: String, in range: Range<Int>) -> [Piece] {
        var pieces: [Piece] = []
        let utf8 = text.utf8
        var offset = range.lowerBound
        let scalars = Substring(
            utf8[utf8.index(utf8.startIndex, offsetBy: range.lowerBound)..<utf8.index(utf8.startIndex, offsetBy: range.upperBound)]
        ).unicodeScalars
        for scalar in scalars {
            let width = UTF8.width(scalar)
            defer { offset += width }
            let properties = scalar.properties
            if properties.isWhitespace || scalar.value == 0x200F || scalar.value == 0x200E { continue }
            let kind: Piece.Kind
            if properties.isAlphabetic || properties.numericType != nil || properties.generalCategory == .nonspacingMark {
                kind = .word
            } else if scalar == "-" || scalar == "–" || scalar == "—" {
                kind = .dash
            } else if scalar == ":" {
                kind = .colon
            } else {
                kind = .other
            }
            if kind == .word, let last = pieces.last, last.kind == .word, last.range.upperBound == offset {
                pieces[pieces.count - 1].range = last.range.lowerBound..<(offset + width)
            } else {
                pieces.append(Piece(kind: kind, range: offset..<(offset + width)))
            }
        }
        return pieces
    }

    /// The lines of `text` with their white space trimmed, blank lines left out.
    package static func lines(of text: String) -> [Range<Int>] {
        let bytes = Array(text.utf8)
        var lines: [Range<Int>] = []
        var start = 0
        for position in 0...bytes.count where position == bytes.count || bytes[position] == 0x0A {
            let line = trimmed(start..<position, in: bytes)
            if !line.isEmpty { lines.append(line) }
            start = position + 1
        }
        return lines
    }

    /// `range` without ASCII white space, no-break spaces and bidi marks at its ends.
    static func trimmed(_ range: Range<Int>, in bytes: [UInt8]) -> Range<Int> {
        func blankLength(at position: Int, forward: Bool) -> Int {
            let byte = bytes[position]
            if byte == 0x20 || byte == 0x09 || byte == 0x0D || byte == 0x0B || byte == 0x0C { return 1 }
            if forward {
                if byte == 0xC2, position + 1 < range.upperBound, bytes[position + 1] == 0xA0 { return 2 }
                if byte == 0xE2, position + 2 < range.upperBound, bytes[position + 1] == 0x80,
                    bytes[position + 2] == 0x8E || bytes[position + 2] == 0x8F
                {
                    return 3
                }
            } else {
                if byte == 0xA0, position >= range.lowerBound + 1, bytes[position - 1] == 0xC2 { return 2 }
                if byte == 0x8E || byte == 0x8F, position >= range.lowerBound + 2, bytes[position - 1] == 0x80,
                    bytes[position - 2] == 0xE2
                {
                    return 3
                }
            }
            return 0
        }
        var lower = range.lowerBound, upper = range.upperBound
        while lower < upper {
            let length = blankLength(at: lower, forward: true)
            if length == 0 { break }
            lower += length
        }
        while upper > lower {
            let length = blankLength(at: upper - 1, forward: false)
            if length == 0 { break }
            upper -= length
        }
        return lower..<upper
    }

    /// The normalized words of a string: letters and digits, punctuation left out.
    static func words(_ normalized: String) -> [Substring] {
        normalized.split(whereSeparator: { !$0.isLetter && !$0.isNumber })
    }

    static func string(_ text: String, _ range: Range<Int>) -> String {
        let utf8 = text.utf8
        return String(
            Substring(utf8[utf8.index(utf8.startIndex, offsetBy: range.lowerBound)..<utf8.index(utf8.startIndex, offsetBy: range.upperBound)]))
    }
}
