import ArabicText

/// Bytes of one output record, built without a `String` per field: JSON literals, escaped
/// strings and decimal numbers written in place into memory it owns, grown as needed (no
/// array bookkeeping per append). Not copyable: one owner, freed when it ends; ``finish()``
/// hands the bytes over as an array.
struct RecordBytes: ~Copyable {
    private var base: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    private(set) var count = 0

    init(reservingCapacity capacity: Int = 256) {
        self.capacity = max(capacity, 16)
        base = .allocate(capacity: self.capacity)
    }

    deinit { base.deallocate() }

    /// The bytes written, as an array.
    consuming func finish() -> [UInt8] { Array(UnsafeBufferPointer(start: base, count: count)) }

    /// Room for `more` bytes.
    @inline(__always)
    private mutating func reserve(_ more: Int) {
        guard count + more > capacity else { return }
        let larger = max(capacity * 2, count + more)
        let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: larger)
        grown.update(from: base, count: count)
        base.deallocate()
        base = grown
        capacity = larger
    }

    @inline(__always)
    mutating func append(byte: UInt8) {
        reserve(1)
        base[count] = byte
        count += 1
    }

    @inline(__always)
    mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let source = bytes.baseAddress, !bytes.isEmpty else { return }
        reserve(bytes.count)
        Self.copy(source, to: base + count, count: bytes.count)
        count += bytes.count
    }

    /// Copies `count` bytes: up to 16 by two loads and two stores that may overlap (most of
    /// what a record is made of: its keys, short values, numbers' neighbours), more by
    /// `memcpy`, which a call costs more than that.
    @inline(__always)
    private static func copy(_ source: UnsafePointer<UInt8>, to target: UnsafeMutablePointer<UInt8>, count: Int) {
        let from = UnsafeRawPointer(source), to = UnsafeMutableRawPointer(target)
        switch count {
        case 8...16:
            let head = from.loadUnaligned(as: UInt64.self), tail = from.loadUnaligned(fromByteOffset: count &- 8, as: UInt64.self)
            to.storeBytes(of: head, as: UInt64.self)
            to.storeBytes(of: tail, toByteOffset: count &- 8, as: UInt64.self)
        case 4..<8:
            let head = from.loadUnaligned(as: UInt32.self), tail = from.loadUnaligned(fromByteOffset: count &- 4, as: UInt32.self)
            to.storeBytes(of: head, as: UInt32.self)
            to.storeBytes(of: tail, toByteOffset: count &- 4, as: UInt32.self)
        case 1..<4:
            target[0] = source[0]
            target[count &>> 1] = source[count &>> 1]
            target[count &- 1] = source[count &- 1]
        default:
            target.update(from: source, count: count)
        }
    }

    @inline(__always)
    mutating func append(_ literal: StaticString) {
        append(UnsafeBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount))
    }

    mutating func append(raw: some Collection<UInt8>) {
        if let done: Void = raw.withContiguousStorageIfAvailable({ append($0) }) { return done }
        for byte in raw { append(byte: byte) }
    }

    mutating func append(_ number: Int) {
        if number < 0 {
            append(byte: UInt8(ascii: "-"))
            append(-number)
            return
        }
        if number < 10 {
            append(byte: UInt8(ascii: "0") + UInt8(number))
            return
        }
        // Digits from the right, written in place: counted by comparisons, written by one
        // division each (offsets are mostly of four or five digits).
        var digits = 2
        var power = 100
        while digits < 19 && number >= power {
            digits &+= 1
            power &*= 10
        }
        reserve(digits)
        var rest = number
        var position = count &+ digits
        while position > count {
            position &-= 1
            let (quotient, digit) = rest.quotientAndRemainder(dividingBy: 10)
            base[position] = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: digit)
            rest = quotient
        }
        count &+= digits
    }

    /// `text` (valid UTF-8) as a JSON string literal, quotes included.
    mutating func appendString(_ text: UnsafeBufferPointer<UInt8>) {
        reserve(text.count + 2)
        append(byte: 0x22)
        var runStart = 0
        while true {
            let index = JSONStringScan.firstSpecial(in: text, from: runStart)
            guard index < text.count else { break }
            let byte = text[index]
            append(UnsafeBufferPointer(rebasing: text[runStart..<index]))
            switch byte {
            case 0x22: append("\\\"")
            case 0x5C: append("\\\\")
            case 0x0A: append("\\n")
            case 0x0D: append("\\r")
            case 0x09: append("\\t")
            default:
                let hex: StaticString = "0123456789abcdef"
                append("\\u00")
                append(byte: hex.utf8Start[Int(byte >> 4)])
                append(byte: hex.utf8Start[Int(byte & 0x0F)])
            }
            runStart = index + 1
        }
        append(UnsafeBufferPointer(rebasing: text[runStart..<text.count]))
        append(byte: 0x22)
    }

    mutating func appendString(_ text: some StringProtocol) {
        // A native string's bytes are read in place; only a bridged or sliced one is copied.
        if let done: Void = text.utf8.withContiguousStorageIfAvailable({ appendString($0) }) { return done }
        var copy = String(text)
        copy.withUTF8 { appendString($0) }
    }

    mutating func appendOptionalString(_ text: String?) {
        if let text { appendString(text) } else { append("null") }
    }
}

/// Scalar offsets of a text's UTF-8 offsets (JSON offsets are in Unicode scalars, so that
/// Python's `text[start:end]` reads the span): one pass over the text counts the scalars
/// before each 8-byte word, and an offset is its word's count plus the scalars that start in
/// the part of its word before it, counted in one masked word.
struct ScalarOffsets {
    private let text: UnsafeRawBufferPointer
    /// The number of scalars before byte `8 * i`.
    private var words: [Int] = []

    init(_ text: UnsafeBufferPointer<UInt8>) {
        self.text = UnsafeRawBufferPointer(text)
        let count = text.count / 8 + 1
        words = [Int](unsafeUninitializedCapacity: count) { counts, initialized in
            var scalar = 0, byte = 0, index = 0
            while byte + 8 <= text.count {
                counts[index] = scalar
                scalar &+= 8 &- Self.continuations(in: self.text.loadUnaligned(fromByteOffset: byte, as: UInt64.self))
                byte &+= 8
                index &+= 1
            }
            counts[index] = scalar
            initialized = count
        }
    }

    /// The number of continuation bytes (10xxxxxx) in `word`, one bit each, summed by a
    /// multiplication (the baseline x86-64 target has no population count instruction).
    @inline(__always)
    private static func continuations(in word: UInt64) -> Int {
        let continuations = (word & 0x8080_8080_8080_8080 & ~(word << 1)) >> 7
        return Int(truncatingIfNeeded: (continuations &* 0x0101_0101_0101_0101) >> 56)
    }

    /// The scalar offset of UTF-8 offset `target` (a scalar boundary, at most the text's length).
    func scalarOffset(of target: Int) -> Int {
        precondition(target >= 0 && target <= text.count, "offset \(target) outside the text")
        let byte = target & ~7, before = target &- byte
        var scalar = words[byte >> 3]
        guard before > 0 else { return scalar }
        if byte + 8 <= text.count {
            // The bytes of the word from `target` on are masked out (zero bytes start no scalar
            // and are no continuation).
            let word = text.loadUnaligned(fromByteOffset: byte, as: UInt64.self) & (UInt64.max >> (64 &- 8 &* before))
            return scalar &+ before &- Self.continuations(in: word)
        }
        for index in byte..<target where text[index] & 0xC0 != 0x80 { scalar &+= 1 }
        return scalar
    }
}

/// Writes a ``Document`` as the JSON record of `arabic-text analyze`.
enum DocumentJSON {
    /// The record of `document`, with `passthrough` fields (raw JSON key and value bytes)
    /// after the id; `pretty` puts each entity and quotation on its own line.
    static func record(
        id: String, document: Document, passthrough: [(key: ArraySlice<UInt8>, value: ArraySlice<UInt8>)], pretty: Bool
    ) -> [UInt8] {
        var out = RecordBytes(reservingCapacity: 512 + document.entities.count * 200 + document.quotations.count * 800)
        var text = document.text
        text.withUTF8 { write(id: id, document: document, bytes: $0, passthrough: passthrough, pretty: pretty, to: &out) }
        return out.finish()
    }

    private static func write(
        id: String, document: Document, bytes: UnsafeBufferPointer<UInt8>,
        passthrough: [(key: ArraySlice<UInt8>, value: ArraySlice<UInt8>)], pretty: Bool, to out: inout RecordBytes
    ) {
        let structure = document.structure
        let scalars = ScalarOffsets(bytes)
        func offsets(_ range: Range<Int>) {
            out.append("\"start\":")
            out.append(scalars.scalarOffset(of: range.lowerBound))
            out.append(",\"end\":")
            out.append(scalars.scalarOffset(of: range.upperBound))
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
        // By index: a copy of an entity or a quotation would retain each of its strings.
        let entities = document.entities, quotations = document.quotations
        for index in entities.indices {
            separator(index)
            out.append("{\"type\":\"")
            out.append(raw: entities[index].type.rawValue.utf8)
            out.append("\",\"subtype\":")
            out.appendOptionalString(entities[index].subtype)
            out.append(",\"text\":")
            text(entities[index].range)
            out.append(",")
            offsets(entities[index].range)
            out.append(",\"id\":")
            out.appendOptionalString(entities[index].id)
            out.append(",\"source\":")
            out.appendString(entities[index].source)
            section(entities[index].range)
            out.append("}")
        }
        out.append(pretty ? "],\n \"quotes\":[" : "],\"quotes\":[")
        for index in quotations.indices {
            let quote = quotations[index]
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
                out.append(",\"source\":")
                out.appendString(cue.source)
                out.append("}")
            } else {
                out.append("null")
            }
            for isSpeaker in [true, false] {
                out.append(isSpeaker ? ",\"speaker\":" : ",\"source\":")
                guard let person = isSpeaker ? quote.speaker : quote.source else {
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
                out.append(",\"rule\":")
                out.appendString(person.rule)
                out.append("}")
            }
            out.append(",\"rule\":")
            out.appendString(quote.rule)
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
        return out.finish()
    }
}
