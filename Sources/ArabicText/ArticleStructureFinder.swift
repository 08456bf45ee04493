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
    /// The first words of the agency and dateline-word markers.
    let datelineFirstWords: Set<String>
    /// The most words a marker has.
    let maximumMarkerWords: Int

    /// Paragraphs of at most this many words may be headlines or related-list lines.
    static let shortLineWords = 25

    /// A finder with the bundled markers and, from `additionalMarkers`, more files with the
    /// columns `marker` and `kind`.
    public init(additionalMarkers: [String] = []) throws {
        var files = [try LexiconFile(bundled: "ArticleMarkers", in: .module, requiredColumns: ["marker", "kind"])]
        for path in additionalMarkers {
            files.append(try LexiconFile(contentsOfFile: path, requiredColumns: ["marker", "kind"]))
        }
        var markers: [String: MarkerKind] = [:]
        for file in files {
            let kindColumn = file.columns.firstIndex(of: "kind")!
            let markerColumn = file.columns.firstIndex(of: "marker")!
            for row in file.rows {
                guard let kind = MarkerKind(rawValue: row.fields[kindColumn]) else {
                    throw LexiconError(
                        file: file.name, line: row.line, column: 0,
                        message:
                            "unknown kind '\(row.fields[kindColumn])' (known: source, keywords, related, footer, agency, dateline-word)"
                    )
                }
                markers[Self.markerKey(normalizer.normalizedString(row.fields[markerColumn]))] = kind
            }
        }
        self.markers = markers
        maximumMarkerWords = markers.keys.map { $0.split(separator: " ").count }.max() ?? 1
        datelineFirstWords = Set(
            markers.filter { $0.value == .agency || $0.value == .datelineWord }.compactMap {
                $0.key.split(separator: " ").first.map(String.init)
            })
    }

    /// The structure of `text`, whose `entities` (from an `EntityRecognizer`, in order) say
    /// where the places, agencies and dates of datelines are.
    public func structure(of text: String, entities: [Entity]) -> ArticleStructure {
        var copy = text
        return copy.withUTF8 { structure(of: $0, entities: entities) }
    }

    /// The structure of a text given as its UTF-8: no string is made of a paragraph unless
    /// its first bytes could start a marked line.
    func structure(of text: UnsafeBufferPointer<UInt8>, entities: [Entity]) -> ArticleStructure {
        var structure = ArticleStructure()
        let lines = Self.lines(of: text)
        func string(_ range: Range<Int>) -> String { Self.string(text, range) }
        var article = 0
        var index = 0
        var atArticleStart = true
        while index < lines.count {
            let line = lines[index]
            if let (kind, valueRange) = labeledLine(line, in: text) {
                structure.sections.append(Section(kind: kind, range: line, article: article))
                if let valueRange, kind == .source {
                    structure.sources.append(TextSpan(range: valueRange, text: string(valueRange)))
                } else if kind == .footer {
                    structure.footers.append(TextSpan(range: line, text: string(line)))
                } else if let valueRange, kind == .keywords {
                    for keyword in keywordRanges(in: valueRange, text: text, entities: entities) {
                        structure.keywords.append(TextSpan(range: keyword, text: string(keyword)))
                    }
                }
                index += 1
                continue
            }
            if isRelatedHeading(line, in: text) {
                structure.sections.append(Section(kind: .relatedHeading, range: line, article: article))
                structure.relatedHeadings.append(TextSpan(range: line, text: string(line)))
                article += 1
                index += 1
                // The lines up to the next marked line: a related article or a list.
                var end = index
                while end < lines.count, labeledLine(lines[end], in: text) == nil, !isRelatedHeading(lines[end], in: text) {
                    end += 1
                }
                let group = lines[index..<end]
                if let first = group.first, group.count > 1, isShort(first, in: text), !Self.isBulleted(first, in: text),
                    group.dropFirst().contains(where: { !isShort($0, in: text) })
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
            if atArticleStart, isByline(line, text: text, entities: entities) {
                // The article starts after its byline.
                structure.sections.append(Section(kind: .dateline, range: line, article: article))
                structure.datelines.append(TextSpan(range: line, text: string(line)))
                index += 1
                continue
            }
            if atArticleStart, index + 1 < lines.count, isShort(line, in: text), !Self.isBulleted(line, in: text),
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
    func labeledLine(_ line: Range<Int>, in text: UnsafeBufferPointer<UInt8>) -> (kind: SectionKind, value: Range<Int>?)? {
        // The label is short: only the first 60 bytes are looked at for its colon.
        if let colon = text[line.lowerBound..<min(line.upperBound, line.lowerBound + 60)].firstIndex(of: UInt8(ascii: ":")),
            let kind = marker(line.lowerBound..<colon, in: text), kind == .source || kind == .keywords
        {
            let value = Self.trimmed((colon + 1)..<line.upperBound, in: text)
            return (kind == .source ? .source : .keywords, value.isEmpty ? nil : value)
        }
        if isFooter(line, in: text) { return (.footer, nil) }
        return nil
    }

    /// The marker that `range` reads, once normalized, if any. A range of more words than
    /// the longest marker (counted by its spaces) is ruled out without normalizing it.
    func marker(_ range: Range<Int>, in text: UnsafeBufferPointer<UInt8>) -> MarkerKind? {
        var spaces = 0
        for position in range where text[position] == 0x20 {
            spaces += 1
            if spaces > maximumMarkerWords + 1 { return nil }
        }
        return markers[Self.markerKey(normalizer.normalizedString(Self.string(text, range)))]
    }

    /// A line that is only a related-articles marker, with its punctuation: `إقرأ أيضاً:`.
    func isRelatedHeading(_ line: Range<Int>, in text: UnsafeBufferPointer<UInt8>) -> Bool {
        line.count <= 80 && marker(line, in: text) == .related
    }

    /// `// انتهى //` and the like, alone on its line or before a time stamp.
    func isFooter(_ line: Range<Int>, in text: UnsafeBufferPointer<UInt8>) -> Bool {
        var position = line.lowerBound
        var slashes = 0
        while position < line.upperBound, text[position] == UInt8(ascii: "/") || text[position] == UInt8(ascii: " ") {
            if text[position] == UInt8(ascii: "/") { slashes += 1 }
            position += 1
        }
        guard slashes >= 2, text[line.lowerBound] == UInt8(ascii: "/") else { return false }
        let limit = min(line.upperBound, position + 40)
        let end = text[position..<limit].firstIndex(of: UInt8(ascii: "/")) ?? limit
        return end < limit && marker(position..<end, in: text) == .footer
    }

    /// Short enough for a headline or a related-list line, and not ending like a sentence.
    func isShort(_ line: Range<Int>, in text: UnsafeBufferPointer<UInt8>) -> Bool {
        var words = 0
        var inWord = false
        for position in line {
            let isSpace = text[position] == 0x20 || text[position] == 0x09
            if !isSpace && !inWord {
                words += 1
                if words > Self.shortLineWords { return false }
            }
            inWord = !isSpace
        }
        return !endsSentence(line, in: text)
    }

    /// Whether a paragraph ends like a sentence (a headline does not).
    func endsSentence(_ line: Range<Int>, in text: UnsafeBufferPointer<UInt8>) -> Bool {
        var start = max(line.lowerBound, line.upperBound - 16)
        while start < line.upperBound && text[start] & 0xC0 == 0x80 { start += 1 }
        let tail = Self.string(text, start..<line.upperBound)
        guard let last = tail.last(where: { !$0.isWhitespace && $0 != "\"" && $0 != "»" && $0 != "”" && $0 != ")" }) else {
            return false
        }
        return last == "." || last == "!" || last == "؟" || last == "?" || last == "…" || last == ":" || last == "؛"
    }

    /// A line that starts with a bullet or a list number.
    static func isBulleted(_ line: Range<Int>, in text: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = string(text, line.lowerBound..<min(line.upperBound, line.lowerBound + 4)).first else { return false }
        return "•·▪●◦■-*–".contains(first)
    }

    /// A body paragraph; the first of an article may open with a dateline, and an agency
    /// footer inside it ends the body.
    func addBody(
        _ line: Range<Int>, first: Bool, article: Int, text: UnsafeBufferPointer<UInt8>, entities: [Entity],
        to structure: inout ArticleStructure
    ) {
        var start = line.lowerBound
        if first, let (dateline, consumed) = datelineEnd(in: line, text: text, entities: entities) {
            structure.sections.append(Section(kind: .dateline, range: line.lowerBound..<consumed, article: article))
            let range = line.lowerBound..<dateline
            structure.datelines.append(TextSpan(range: range, text: Self.string(text, range)))
            start = Self.trimmed(consumed..<line.upperBound, in: text).lowerBound
            if start >= line.upperBound { return }
        }
        // A footer written at the end of the paragraph: ... // انتهى //
        var footerStart: Int?
        var position = start
        while let slash = Self.find(0x2F, in: position..<line.upperBound, of: text), slash + 1 < line.upperBound {
            if text[slash + 1] == 0x2F, isFooter(slash..<line.upperBound, in: text) {
                footerStart = slash
                break
            }
            position = slash + 1
        }
        guard let footerStart else {
            structure.sections.append(Section(kind: .body, range: start..<line.upperBound, article: article))
            return
        }
        let before = Self.trimmed(start..<footerStart, in: text)
        if !before.isEmpty { structure.sections.append(Section(kind: .body, range: before, article: article)) }
        let footer = footerStart..<line.upperBound
        structure.sections.append(Section(kind: .footer, range: footer, article: article))
        structure.footers.append(TextSpan(range: footer, text: Self.string(text, footer)))
    }

    /// Where the dateline that opens `line` ends (before its dash or colon) and where what it
    /// consumed ends (after them), or nil when the line opens with none.
    ///
    /// A dateline is made of places, countries, dates, media and agencies (entities, or
    /// `agency` markers) and `dateline-word`s (الموافق، هـ، م), ended by a dash, by a colon
    /// after a dash or an agency (`سبق- الرياض:`), or by the end of a line that has a place or
    /// an agency and a date, an agency or a dash (`الرياض – واس`).
    func datelineEnd(in line: Range<Int>, text: UnsafeBufferPointer<UInt8>, entities: [Entity]) -> (dateline: Int, consumed: Int)?
    {
        // Pieces are read as far as the rules look: most paragraphs are ruled out at their
        // first word, and the rest of the line is never read.
        var reader = PieceReader(text: text, range: line)
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
        while reader.has(index) {
            let piece = reader.pieces[index]
            switch reader.kind(of: index) {
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
                        while reader.has(index + 1), reader.pieces[index + 1].kind == .word,
                            reader.pieces[index + 1].range.lowerBound < entity.range.upperBound
                        {
                            index += 1
                        }
                    }
                }
                if !matched {
                    // Agencies of up to three words (أ ف ب), and the words of dates; a word that
                    // starts none of them is ruled out by one normalization and one lookup.
                    let first = normalizer.normalizedString(Self.string(text, piece.range))
                    for length in stride(from: 3, through: 1, by: -1)
                    where datelineFirstWords.contains(first) && reader.has(index + length - 1) {
                        let run = reader.pieces[index..<(index + length)]
                        guard run.allSatisfy({ $0.kind == .word }) else { continue }
                        let phrase = ([first] + run.dropFirst().map { normalizer.normalizedString(Self.string(text, $0.range)) })
                            .joined(separator: " ")
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
                if !matched, sawAgency, let dash = firstDash, dash.placeOrAgency {
                    _ = reader.has(index + 3)
                    if let colon = reader.pieces[index...].prefix(4).firstIndex(where: { $0.kind != .word }),
                        reader.pieces[colon].kind == .colon, colon > index
                    {
                        return (reader.pieces[colon - 1].range.upperBound, reader.pieces[colon].range.upperBound)
                    }
                }
                if matched && words < 16 {
                    words += 1
                    lastWordEnd = reader.pieces[index].range.upperBound
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

    /// A byline alone on its line: up to four words, a dash, then only places or agencies
    /// (طلال عبدالله ـ جدة، الرياضي ـ جدة).
    func isByline(_ line: Range<Int>, text: UnsafeBufferPointer<UInt8>, entities: [Entity]) -> Bool {
        guard line.count <= 120 else { return false }
        var reader = PieceReader(text: text, range: line)
        var count = 0
        while reader.has(count) {
            count += 1
            if count > 9 { return false }
        }
        guard let dash = (0..<count).first(where: { reader.kind(of: $0) == .dash }), (1...4).contains(dash),
            (dash + 1..<count).count >= 1,
            (0..<dash).allSatisfy({ reader.kind(of: $0) == .word })
        else { return false }
        var sawPlace = false
        for index in (dash + 1)..<count {
            let piece = reader.pieces[index]
            guard reader.kind(of: index) == .word else { return false }
            let inPlace = entities.contains {
                ($0.type == .location || $0.type == .country) && $0.range.lowerBound <= piece.range.lowerBound
                    && piece.range.upperBound <= $0.range.upperBound
            }
            let word = normalizer.normalizedString(Self.string(text, piece.range))
            guard inPlace || markers[word] == .agency else { return false }
            sawPlace = sawPlace || inPlace
        }
        return sawPlace
    }

    /// The keywords of a keyword line's value: split at commas and bars where it has them;
    /// otherwise at spaces, keeping each entity whole and joining a word without ال to the
    /// next (إقليم قره باغ، أطراف النزاع).
    func keywordRanges(in value: Range<Int>, text bytes: UnsafeBufferPointer<UInt8>, entities: [Entity]) -> [Range<Int>] {
        let text = bytes
        let separators: [[UInt8]] = ["،", ",", "|", "؛", ";", "/", "#"].map { Array($0.utf8) }
        func splitAtSeparators() -> [Range<Int>]? {
            var parts: [Range<Int>] = []
            var start = value.lowerBound
            var position = value.lowerBound
            var found = false
            while position < value.upperBound {
                if let separator = separators.first(where: {
                    position + $0.count <= value.upperBound && bytes[position..<(position + $0.count)].elementsEqual($0)
                }) {
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
            while entityIndex < entities.count && entities[entityIndex].range.upperBound <= word.range.lowerBound {
                entityIndex += 1
            }
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
    static func pieces(of text: UnsafeBufferPointer<UInt8>, in range: Range<Int>) -> [Piece] {
        var reader = PieceReader(text: text, range: range)
        var count = 0
        while reader.has(count) { count += 1 }
        return reader.pieces
    }

    /// Reads the pieces of a range as far as they are asked for.
    struct PieceReader {
        let text: UnsafeBufferPointer<UInt8>
        let end: Int
        var offset: Int
        private(set) var pieces: [Piece] = []

        init(text: UnsafeBufferPointer<UInt8>, range: Range<Int>) {
            self.text = text
            self.end = range.upperBound
            self.offset = range.lowerBound
        }

        /// A piece's kind, with a tatweel standing alone between spaces read as a dash
        /// (طلال عبدالله ـ جدة).
        func kind(of index: Int) -> Piece.Kind {
            let piece = pieces[index]
            guard piece.kind == .word, piece.range.count.isMultiple(of: 2) else { return piece.kind }
            for offset in stride(from: piece.range.lowerBound, to: piece.range.upperBound, by: 2)
            where text[offset] != 0xD9 || text[offset + 1] != 0x80 {
                return piece.kind
            }
            return .dash
        }

        /// Whether there is a piece at `index`, read whole (reading on until the piece after
        /// it starts or the range ends).
        mutating func has(_ index: Int) -> Bool {
            while pieces.count < index + 2 && offset < end {
                let (kind, width) = ArticleStructureFinder.pieceKind(at: offset, in: text, before: end)
                defer { offset += width }
                guard let kind else { continue }
                if kind == .word, let last = pieces.last, last.kind == .word, last.range.upperBound == offset {
                    pieces[pieces.count - 1].range = last.range.lowerBound..<(offset + width)
                } else {
                    pieces.append(Piece(kind: kind, range: offset..<(offset + width)))
                }
            }
            return index < pieces.count
        }
    }

    /// What the scalar at `offset` is in a piece (nil: white space or a bidi mark) and its
    /// width in bytes. ASCII and the Arabic block are told from their bytes; other scalars
    /// by their Unicode properties.
    static func pieceKind(at offset: Int, in text: UnsafeBufferPointer<UInt8>, before end: Int) -> (Piece.Kind?, Int) {
        let lead = text[offset]
        if lead < 0x80 {
            switch lead {
            case 0x20, 0x09, 0x0A, 0x0B, 0x0C, 0x0D: return (nil, 1)
            case UInt8(ascii: "-"): return (.dash, 1)
            case UInt8(ascii: ":"): return (.colon, 1)
            case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                UInt8(ascii: "A")...UInt8(ascii: "Z"):
                return (.word, 1)
            default: return (.other, 1)
            }
        }
        let width = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
        guard offset + width <= end else { return (.other, end - offset) }
        var value = UInt32(lead) & (width == 2 ? 0x1F : width == 3 ? 0x0F : 0x07)
        for next in (offset + 1)..<(offset + width) { value = value << 6 | UInt32(text[next] & 0x3F) }
        switch value {
        case 0x060C, 0x061B, 0x061F, 0x066A...0x066D, 0x06D4: return (.other, width)  // ، ؛ ؟ ٪ ۔
        case 0x0600...0x06FF, 0x0750...0x077F: return (.word, width)
        case 0x2013, 0x2014: return (.dash, width)
        case 0x00A0, 0x2000...0x200B, 0x200E, 0x200F, 0x202F: return (nil, width)
        default:
            guard let scalar = Unicode.Scalar(value) else { return (.other, width) }
            let properties = scalar.properties
            if properties.isWhitespace { return (nil, width) }
            if properties.isAlphabetic || properties.numericType != nil || properties.generalCategory == .nonspacingMark {
                return (.word, width)
            }
            return (.other, width)
        }
    }

    /// The lines of `text` with their white space trimmed, blank lines left out.
    package static func lines(of text: String) -> [Range<Int>] {
        var copy = text
        return copy.withUTF8 { lines(of: $0) }
    }

    static func lines(of bytes: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
        var lines: [Range<Int>] = []
        var start = 0
        while start <= bytes.count {
            let end = find(0x0A, in: start..<bytes.count, of: bytes) ?? bytes.count
            let line = trimmed(start..<end, in: bytes)
            if !line.isEmpty { lines.append(line) }
            start = end + 1
        }
        return lines
    }

    /// `range` without ASCII white space, no-break spaces and bidi marks at its ends.
    static func trimmed(_ range: Range<Int>, in bytes: UnsafeBufferPointer<UInt8>) -> Range<Int> {
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

    /// The words of a normalized string (letters and digits, punctuation left out) joined by
    /// single spaces: the key a marker is looked up by. Built as bytes in one pass over the
    /// scalars (not Characters: no grapheme breaking for a line of a few words).
    static func markerKey(_ normalized: String) -> String {
        var key: [UInt8] = []
        key.reserveCapacity(normalized.utf8.count)
        var betweenWords = false
        for scalar in normalized.unicodeScalars {
            guard isWordScalar(scalar) else {
                betweenWords = true
                continue
            }
            if betweenWords && !key.isEmpty { key.append(0x20) }
            betweenWords = false
            UTF8.encode(scalar) { key.append($0) }
        }
        return String(decoding: key, as: UTF8.self)
    }

    /// Whether a scalar is a letter or a digit (Unicode's Alphabetic, or numeric): ASCII and
    /// the Arabic letters answered without a property lookup.
    @inline(__always)
    static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x30...0x39, 0x41...0x5A, 0x61...0x7A, 0x0621...0x063A, 0x0641...0x064A: return true
        case 0...0x7F: return false
        default: return scalar.properties.isAlphabetic || scalar.properties.numericType != nil
        }
    }

    /// The first offset of `byte` in `range` (memchr: paragraphs are long, the bytes sought rare).
    static func find(_ byte: UInt8, in range: Range<Int>, of text: UnsafeBufferPointer<UInt8>) -> Int? {
        guard !range.isEmpty, let base = text.baseAddress,
            let found = memchr(base + range.lowerBound, Int32(byte), range.count)
        else { return nil }
        return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
    }

    /// The text at a UTF-8 range.
    static func string(_ text: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: text[range]), as: UTF8.self)
    }
}
