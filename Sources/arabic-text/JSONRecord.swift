/// One line of a JSONL input read as a record: its `id`, its `text`, and its other fields as
/// the exact bytes they were written with (passed through to the output unchanged).
///
/// The parser is strict JSON (RFC 8259) over one object; it decodes only `text` and `id` and
/// checks every other value without building it, so records are read at memory speed and an
/// error says at which byte of the line the JSON went wrong.
struct JSONRecord {
    /// The `id` field: a string's contents, or a number's (or other value's) JSON text.
    var id: String?
    /// The `text` field, when it is a string.
    var text: String?
    /// Whether a `text` field is there but not a string.
    var textIsNotAString = false
    /// Every other field, as its key's and its value's JSON bytes.
    var passthrough: [(key: ArraySlice<UInt8>, value: ArraySlice<UInt8>)] = []
    /// Where the `text` string is in the line, quotes included.
    var textRange: Range<Int>?

    /// Fields the output writes itself, so an input's copies are not passed through.
    static let ownFields: [[UInt8]] = ["id", "text", "entities", "quotes", "structure", "error", "line"].map { Array($0.utf8) }

    /// Why a line is not a record, with the byte where it went wrong.
    struct Failure: Error {
        var offset: Int
        var message: String
        /// The text string is not valid UTF-8 (checked when parsing with `validatingText`).
        var isInvalidUTF8 = false
        var description: String { "invalid JSON at byte \(offset + 1) of the line: \(message)" }
    }

    /// Nesting deeper than this is refused (the check is iterative, this only bounds memory).
    static let maximumDepth = 10_000

    /// Parses one line's bytes, which must be valid UTF-8, except that with `validatingText`
    /// the text string is checked as it is decoded (a failure says `isInvalidUTF8`) and the
    /// rest of the line is the caller's to check (``textRange`` says where the text is).
    init(parsing bytes: [UInt8], validatingText: Bool = false) throws(Failure) {
        let fields: [(key: Range<Int>, value: Range<Int>)]
        (id, text, textIsNotAString, textRange, fields) = try bytes.withUnsafeBufferPointer { (buffer) throws(Failure) in
            try Self.parse(buffer, validatingText: validatingText)
        }
        passthrough = fields.map { (bytes[$0.key], bytes[$0.value]) }
    }

    /// The id, the text, whether a text is there but not a string, and the byte ranges of the
    /// other fields' keys and values.
    static func parse(_ bytes: UnsafeBufferPointer<UInt8>, validatingText: Bool) throws(Failure) -> (
        id: String?, text: String?, textIsNotAString: Bool, textRange: Range<Int>?, fields: [(key: Range<Int>, value: Range<Int>)]
    ) {
        var id: String?, text: String?, textIsNotAString = false, textRange: Range<Int>?
        var passthrough: [(key: Range<Int>, value: Range<Int>)] = []
        var parser = Parser(bytes: bytes)
        parser.skipSpace()
        guard parser.peek == UInt8(ascii: "{") else {
            throw parser.failure(parser.atEnd ? "the line is empty" : "a record must be a JSON object")
        }
        parser.position += 1
        parser.skipSpace()
        if parser.peek == UInt8(ascii: "}") {
            parser.position += 1
        } else {
            while true {
                parser.skipSpace()
                let keyStart = parser.position
                guard parser.peek == UInt8(ascii: "\"") else { throw parser.failure("expected a field name in quotes") }
                let key = try parser.string()
                let keyBytes = keyStart..<parser.position
                parser.skipSpace()
                guard parser.peek == UInt8(ascii: ":") else { throw parser.failure("expected ':' after a field name") }
                parser.position += 1
                parser.skipSpace()
                let valueStart = parser.position
                let isString = parser.peek == UInt8(ascii: "\"")
                if key == "text" {
                    if isString {
                        text = try parser.string(validating: validatingText)
                        textRange = valueStart..<parser.position
                        textIsNotAString = false
                    } else {
                        try parser.skipValue()
                        text = nil
                        textIsNotAString = true
                    }
                } else if key == "id" {
                    if isString {
                        id = try parser.string()
                    } else {
                        try parser.skipValue()
                        id = String(decoding: bytes[valueStart..<parser.position], as: UTF8.self)
                    }
                } else {
                    try parser.skipValue()
                    if !Self.ownFields.contains(where: { $0.elementsEqual(key.utf8) }) {
                        passthrough.append((keyBytes, valueStart..<parser.position))
                    }
                }
                parser.skipSpace()
                if parser.peek == UInt8(ascii: ",") {
                    parser.position += 1
                    continue
                }
                guard parser.peek == UInt8(ascii: "}") else { throw parser.failure("expected ',' or '}' after a field") }
                parser.position += 1
                break
            }
        }
        parser.skipSpace()
        guard parser.atEnd else { throw parser.failure("more after the record's closing '}'") }
        return (id, text, textIsNotAString, textRange, passthrough)
    }

    /// A cursor over the line's bytes.
    struct Parser {
        let bytes: UnsafeBufferPointer<UInt8>
        var position = 0

        var atEnd: Bool { position >= bytes.count }
        var peek: UInt8? { position < bytes.count ? bytes[position] : nil }

        func failure(_ message: String) -> Failure { Failure(offset: min(position, bytes.count), message: message) }

        mutating func skipSpace() {
            while position < bytes.count {
                let byte = bytes[position]
                guard byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D else { return }
                position += 1
            }
        }

        /// Reads a string at the cursor (on its opening quote) and decodes its escapes.
        mutating func string(validating: Bool = false) throws(Failure) -> String {
            position += 1
            let start = position
            // Most strings have no escape: one scan (eight bytes at a time), one copy.
            let scan = JSONStringScan.firstSpecial(in: bytes, from: start)
            if scan < bytes.count {
                let byte = bytes[scan]
                if byte == UInt8(ascii: "\"") {
                    position = scan + 1
                    return try make(UnsafeBufferPointer(rebasing: bytes[start..<scan]), validating: validating)
                }
                if byte < 0x20 {
                    position = scan
                    throw failure("a control character inside a string (write it as \\u00XX)")
                }
            }
            position = scan
            var decoded: [UInt8] = []
            decoded.reserveCapacity(bytes.count - start)
            var run = start
            while true {
                position = JSONStringScan.firstSpecial(in: bytes, from: position)
                guard position < bytes.count else { break }
                let byte = bytes[position]
                if byte == UInt8(ascii: "\"") {
                    decoded.append(contentsOf: bytes[run..<position])
                    position += 1
                    return try decoded.withUnsafeBufferPointer { (buffer) throws(Failure) in
                        try make(buffer, validating: validating)
                    }
                }
                if byte < 0x20 { throw failure("a control character inside a string (write it as \\u00XX)") }
                // A backslash: the bytes since the last escape go in at once.
                decoded.append(contentsOf: bytes[run..<position])
                defer { run = position }
                position += 1
                guard let escape = peek else { break }
                position += 1
                switch escape {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): decoded.append(escape)
                case UInt8(ascii: "b"): decoded.append(0x08)
                case UInt8(ascii: "f"): decoded.append(0x0C)
                case UInt8(ascii: "n"): decoded.append(0x0A)
                case UInt8(ascii: "r"): decoded.append(0x0D)
                case UInt8(ascii: "t"): decoded.append(0x09)
                case UInt8(ascii: "u"):
                    var scalar = try hex4()
                    if (0xD800..<0xDC00).contains(scalar) {
                        guard peek == UInt8(ascii: "\\"), position + 1 < bytes.count, bytes[position + 1] == UInt8(ascii: "u")
                        else { throw failure("a lone UTF-16 surrogate in a \\u escape") }
                        position += 2
                        let low = try hex4()
                        guard (0xDC00..<0xE000).contains(low) else { throw failure("a lone UTF-16 surrogate in a \\u escape") }
                        scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                    } else if (0xDC00..<0xE000).contains(scalar) {
                        throw failure("a lone UTF-16 surrogate in a \\u escape")
                    }
                    decoded.append(contentsOf: UTF8.encode(Unicode.Scalar(scalar)!)!)
                default:
                    position -= 1
                    throw failure("an unknown escape '\\\(Character(Unicode.Scalar(escape)))'")
                }
            }
            throw failure("a string is not closed")
        }

        /// A string of UTF-8 bytes, checked (one pass, the standard library's) when `validating`.
        func make(_ utf8: UnsafeBufferPointer<UInt8>, validating: Bool) throws(Failure) -> String {
            guard validating else { return String(decoding: utf8, as: UTF8.self) }
            guard let string = String(validating: utf8, as: UTF8.self) else {
                var failure = failure("invalid UTF-8 in a string")
                failure.isInvalidUTF8 = true
                throw failure
            }
            return string
        }

        mutating func hex4() throws(Failure) -> UInt32 {
            var value: UInt32 = 0
            for _ in 0..<4 {
                guard let byte = peek else { throw failure("a \\u escape needs four hex digits") }
                let digit: UInt32
                switch byte {
                case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(byte - UInt8(ascii: "0"))
                case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt32(byte - UInt8(ascii: "a") + 10)
                case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt32(byte - UInt8(ascii: "A") + 10)
                default: throw failure("a \\u escape needs four hex digits")
                }
                value = value << 4 | digit
                position += 1
            }
            return value
        }

        /// Checks the value at the cursor and moves past it, without building it. Nesting is
        /// tracked on a stack, not by recursion, so deep input cannot overflow the call stack.
        mutating func skipValue() throws(Failure) {
            // true: inside an object (a key comes next after a comma); false: an array.
            var stack: [Bool] = []
            while true {
                skipSpace()
                guard let byte = peek else { throw failure("the line ends inside a value") }
                switch byte {
                case UInt8(ascii: "{"), UInt8(ascii: "["):
                    guard stack.count < JSONRecord.maximumDepth else { throw failure("values nested too deeply") }
                    let isObject = byte == UInt8(ascii: "{")
                    position += 1
                    skipSpace()
                    if peek == (isObject ? UInt8(ascii: "}") : UInt8(ascii: "]")) {
                        position += 1
                    } else {
                        stack.append(isObject)
                        if isObject { try key() }
                        continue
                    }
                case UInt8(ascii: "\""):
                    try skipString()
                case UInt8(ascii: "t"): try literal("true")
                case UInt8(ascii: "f"): try literal("false")
                case UInt8(ascii: "n"): try literal("null")
                case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): try number()
                default: throw failure("expected a value")
                }
                // After a value: a comma, or the end of its containers.
                while let isObject = stack.last {
                    skipSpace()
                    if peek == UInt8(ascii: ",") {
                        position += 1
                        if isObject { try key() }
                        break
                    }
                    guard peek == (isObject ? UInt8(ascii: "}") : UInt8(ascii: "]")) else {
                        throw failure(isObject ? "expected ',' or '}' in an object" : "expected ',' or ']' in an array")
                    }
                    position += 1
                    stack.removeLast()
                }
                if stack.isEmpty { return }
            }
        }

        /// A key and its colon, inside an object.
        mutating func key() throws(Failure) {
            skipSpace()
            guard peek == UInt8(ascii: "\"") else { throw failure("expected a field name in quotes") }
            try skipString()
            skipSpace()
            guard peek == UInt8(ascii: ":") else { throw failure("expected ':' after a field name") }
            position += 1
        }

        mutating func skipString() throws(Failure) {
            position += 1
            while true {
                position = JSONStringScan.firstSpecial(in: bytes, from: position)
                guard position < bytes.count else { break }
                let byte = bytes[position]
                if byte == UInt8(ascii: "\"") {
                    position += 1
                    return
                }
                if byte < 0x20 { throw failure("a control character inside a string (write it as \\u00XX)") }
                if byte == UInt8(ascii: "\\") {
                    position += 1
                    guard let escape = peek else { break }
                    if escape == UInt8(ascii: "u") {
                        position += 1
                        _ = try hex4()
                        continue
                    }
                    guard "\"\\/bfnrt".utf8.contains(escape) else { throw failure("an unknown escape") }
                }
                position += 1
            }
            throw failure("a string is not closed")
        }

        mutating func literal(_ word: StaticString) throws(Failure) {
            let count = word.utf8CodeUnitCount
            guard position + count <= bytes.count,
                bytes[position..<(position + count)].elementsEqual(UnsafeBufferPointer(start: word.utf8Start, count: count))
            else { throw failure("expected a value") }
            position += count
        }

        mutating func number() throws(Failure) {
            func digits() -> Int {
                let start = position
                while let byte = peek, byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") { position += 1 }
                return position - start
            }
            if peek == UInt8(ascii: "-") { position += 1 }
            if peek == UInt8(ascii: "0") {
                position += 1
            } else if digits() == 0 {
                throw failure("a number needs digits")
            }
            if peek == UInt8(ascii: ".") {
                position += 1
                guard digits() > 0 else { throw failure("a number needs digits after '.'") }
            }
            if peek == UInt8(ascii: "e") || peek == UInt8(ascii: "E") {
                position += 1
                if peek == UInt8(ascii: "+") || peek == UInt8(ascii: "-") { position += 1 }
                guard digits() > 0 else { throw failure("a number needs digits in its exponent") }
            }
        }
    }
}
