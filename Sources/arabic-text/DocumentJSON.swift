import ArabicText

/// Bytes of one output record, built without a `String` per field: JSON literals, escaped
/// strings and decimal numbers appended in place.
struct RecordBytes {
    var bytes: [UInt8] = []

    init(reservingCapacity capacity: Int = 0) { bytes.reserveCapacity(capacity) }

    mutating func append(_ literal: StaticString) {
        bytes.append(contentsOf: UnsafeBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount))
    }

    mutating func append(raw: some Collection<UInt8>) { bytes.append(contentsOf: raw) }

    mutating func append(_ number: Int) {
        if number < 0 {
            bytes.append(UInt8(ascii: "-"))
            append(-number)
            return
        }
        if number < 10 {
            bytes.append(UInt8(ascii: "0") + UInt8(number))
            return
        }
        // Digits from the right into a small buffer, then appended at once.
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { digits in
            var count = 0
            var rest = number
            while rest > 0 {
                digits[19 - count] = UInt8(ascii: "0") + UInt8(rest % 10)
                rest /= 10
                count += 1
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: digits[(20 - count)...]))
        }
    }

    /// `text` (valid UTF-8) as a JSON string literal, quotes included.
    mutating func appendString(_ text: UnsafeBufferPointer<UInt8>) {
        bytes.append(0x22)
        var runStart = 0
        for index in 0..<text.count {
            let byte = text[index]
            guard byte < 0x20 || byte == 0x22 || byte == 0x5C else { continue }
            bytes.append(contentsOf: text[runStart..<index])
            switch byte {
            case 0x22: append("\\\"")
            case 0x5C: append("\\\\")
            case 0x0A: append("\\n")
            case 0x0D: append("\\r")
            case 0x09: append("\\t")
            default:
                let hex: StaticString = "0123456789abcdef"
                append("\\u00")
                bytes.append(hex.utf8Start[Int(byte >> 4)])
                bytes.append(hex.utf8Start[Int(byte & 0x0F)])
            }
            runStart = index + 1
        }
        bytes.append(contentsOf: text[runStart..<text.count])
        bytes.append(0x22)
    }

    mutating func appendString(_ text: some StringProtocol) {
        var copy = String(text)
        copy.withUTF8 { appendString($0) }
    }

    mutating func appendOptionalString(_ text: String?) {
        if let text { appendString(text) } else { append("null") }
    }
}

/// The scalar offsets of a text's UTF-8 offsets, found in one walk over the text for all the
/// offsets a record needs (JSON offsets are in Unicode scalars, so that Python's
/// `text[start:end]` reads the span).
struct ScalarOffsets {
    private var utf8: [Int]
    private var scalars: [Int]

    init(of offsets: [Int], in text: UnsafeBufferPointer<UInt8>) {
        utf8 = offsets.sorted()
        scalars = []
        scalars.reserveCapacity(utf8.count)
        var byte = 0, scalar = 0
        let raw = UnsafeRawBufferPointer(text)
        for target in utf8 {
            // Eight bytes at a time: a byte starts a scalar unless it is 10xxxxxx.
            while byte + 8 <= target {
                let word = raw.loadUnaligned(fromByteOffset: byte, as: UInt64.self)
                let continuations = word & 0x8080_8080_8080_8080 & ~(word << 1)
                scalar += 8 - continuations.nonzeroBitCount
                byte += 8
            }
            while byte < target {
                if text[byte] & 0xC0 != 0x80 { scalar += 1 }
                byte += 1
            }
            scalars.append(scalar)
        }
    }

    /// The scalar offset of a UTF-8 offset given to `init`.
    subscript(_ offset: Int) -> Int {
        var low = 0, high = utf8.count
        while low < high {
            let middle = (low + high) / 2
            if utf8[middle] < offset { low = middle + 1 } else { high = middle }
        }
        precondition(low < utf8.count && utf8[low] == offset, "offset \(offset) was not asked for")
        return scalars[low]
    }
}

/// Writes a ``Document`` as the JSON record of `arabic-text analyze`.
enum DocumentJSON {
    /// The record of `document`, with `passthrough` fields (raw JSON key and value bytes)
    /// after the id; `pretty` puts each entity and quotation on its own line.
    static func record(
        id: String, document: Document, passthrough: [(key: ArraySlice<UInt8>, value: ArraySlice<UInt8>)], pretty: Bool
    ) -> [UInt8] {
        var out = RecordBytes(reservingCapacity: 512 + document.entities.count * 160 + document.quotations.count * 600)
        var text = document.text
        text.withUTF8 { write(id: id, document: document, bytes: $0, passthrough: passthrough, pretty: pretty, to: &out) }
        return out.bytes
    }

    private static func write(
        id: String, document: Document, bytes: UnsafeBufferPointer<UInt8>,
        passthrough: [(key: ArraySlice<UInt8>, value: ArraySlice<UInt8>)], pretty: Bool, to out: inout RecordBytes
    ) {
        let structure = document.structure
        var needed: [Int] = []
        needed.reserveCapacity(document.entities.count * 2 + document.quotations.count * 8 + (structure?.sections.count ?? 0) * 2)
        for entity in document.entities { needed += [entity.range.lowerBound, entity.range.upperBound] }
        for quote in document.quotations {
            needed += [quote.range.lowerBound, quote.range.upperBound]
            if let cue = quote.cue { needed += [cue.range.lowerBound, cue.range.upperBound] }
            if let range = quote.speaker?.range { needed += [range.lowerBound, range.upperBound] }
            if let range = quote.source?.range { needed += [range.lowerBound, range.upperBound] }
        }
        for section in structure?.sections ?? [] { needed += [section.range.lowerBound, section.range.upperBound] }
        let scalars = ScalarOffsets(of: needed, in: bytes)
        func offsets(_ range: Range<Int>) {
            out.append("\"start\":")
            out.append(scalars[range.lowerBound])
            out.append(",\"end\":")
            out.append(scalars[range.upperBound])
        }
        func text(_ range: Range<Int>) { out.appendString(UnsafeBufferPointer(rebasing: bytes[range])) }
        func section(_ range: Range<Int>) {
            guard let structure else { return }
            if let section = structure.section(containing: range.lowerBound) {
                out.append(",\"section\":\"")
                out.append(raw: section.kind.rawValue.utf8)
                out.append("\",\"article\":")
                out.append(section.article)
            } else {
                out.append(",\"section\":null,\"article\":null")
            }
        }
        func separator(_ index: Int) {
            if index > 0 { out.append(",") }
            if pretty { out.append("\n  ") }
        }

        out.append("{\"id\":")
        out.appendString(id)
        for (key, value) in passthrough {
            out.append(",")
            out.append(raw: key)
            out.append(":")
            out.append(raw: value)
        }
        out.append(pretty ? ",\n \"entities\":[" : ",\"entities\":[")
        for (index, entity) in document.entities.enumerated() {
            separator(index)
            out.append("{\"type\":\"")
            out.append(raw: entity.type.rawValue.utf8)
            out.append("\",\"subtype\":")
            out.appendOptionalString(entity.subtype)
            out.append(",\"text\":")
            text(entity.range)
            out.append(",")
            offsets(entity.range)
            out.append(",\"id\":")
            out.appendOptionalString(entity.id)
            out.append(",\"source\":")
            out.appendString(entity.source)
            section(entity.range)
            out.append("}")
        }
        out.append(pretty ? "],\n \"quotes\":[" : "],\"quotes\":[")
        for (index, quote) in document.quotations.enumerated() {
            separator(index)
            out.append("{\"kind\":\"")
            out.append(raw: quote.kind.rawValue.utf8)
            out.append("\",\"text\":")
            text(quote.range)
            out.append(",")
            offsets(quote.range)
            out.append(",\"cue\":")
            if let cue = quote.cue {
                out.append("{\"text\":")
                out.appendString(cue.text)
                out.append(",")
                offsets(cue.range)
                out.append(",\"lemma\":")
                out.appendString(cue.lemma)
                out.append("}")
            } else {
                out.append("null")
            }
            for (isSpeaker, person) in [(true, quote.speaker), (false, quote.source)] {
                out.append(isSpeaker ? ",\"speaker\":" : ",\"source\":")
                guard let person else {
                    out.append("null")
                    continue
                }
                out.append("{\"text\":")
                out.appendOptionalString(person.text)
                out.append(",")
                if let range = person.range { offsets(range) } else { out.append("\"start\":null,\"end\":null") }
                out.append(",\"entity\":")
                if let entity = person.entity { out.append(entity) } else { out.append("null") }
                out.append(",\"resolved\":")
                out.appendOptionalString(person.resolved)
                out.append("}")
            }
            section(quote.range)
            out.append("}")
        }
        out.append("]")
        if let structure {
            out.append(pretty ? ",\n \"structure\":{" : ",\"structure\":{")
            for (index, (name, spans)) in [
                ("source", structure.sources), ("keywords", structure.keywords),
                ("relatedHeadings", structure.relatedHeadings), ("datelines", structure.datelines),
                ("footers", structure.footers),
            ].enumerated() {
                if index > 0 { out.append(",") }
                out.append("\"")
                out.append(raw: name.utf8)
                out.append("\":[")
                for (number, span) in spans.enumerated() {
                    if number > 0 { out.append(",") }
                    text(span.range)
                }
                out.append("]")
            }
            out.append(",\"dateline\":")
            if let first = structure.datelines.first { text(first.range) } else { out.append("null") }
            out.append(pretty ? ",\n  \"sections\":[" : ",\"sections\":[")
            for (index, section) in structure.sections.enumerated() {
                if index > 0 { out.append(",") }
                out.append("{\"kind\":\"")
                out.append(raw: section.kind.rawValue.utf8)
                out.append("\",")
                offsets(section.range)
                out.append(",\"article\":")
                out.append(section.article)
                out.append("}")
            }
            out.append("]}")
        }
        out.append("}")
    }

    /// The record of an input that could not be analyzed.
    static func failure(id: String?, line: Int?, message: String) -> [UInt8] {
        var out = RecordBytes()
        out.append("{\"id\":")
        out.appendOptionalString(id)
        if let line {
            out.append(",\"line\":")
            out.append(line)
        }
        out.append(",\"error\":")
        out.appendString(message)
        out.append("}")
        return out.bytes
    }
}
