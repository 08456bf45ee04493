/// Folds Arabic text to a canonical form for matching, in one pass over its UTF-8.
///
/// ```swift
/// let normalizer = Normalizer(.search)
/// let result = normalizer.normalize("أكّدت الخارجيـــة")
/// result.text                                        // "اكدت الخارجيه"
/// result.originalText(ofNormalized: 10..<24)         // "الخارجيـــة"
/// ```
///
/// A `Normalizer` is immutable and `Sendable`; build one per set of options and share it.
/// - Complexity: O(*n*) in the UTF-8 length of the text.
public struct Normalizer: Sendable {
    /// The folds this normalizer applies.
    public let options: NormalizationOptions
    let tables: FoldTables

    /// A normalizer applying `options` (by default ``NormalizationOptions/search``).
    public init(_ options: NormalizationOptions = .search) {
        self.options = options
        self.tables = FoldTables(options)
    }

    /// Normalizes `text`, keeping the map from the result back to `text`.
    public func normalize(_ text: String) -> NormalizedText {
        var text = text
        var builder = OffsetMapBuilder()
        let normalized = text.withUTF8 { makeString(from: $0, recorder: &builder) }
        return NormalizedText(
            original: text, text: normalized,
            offsets: OffsetMap(edits: builder.edits, originalLength: text.utf8.count, normalizedLength: normalized.utf8.count),
            options: options)
    }

    /// Normalizes `text` and returns only the result, without an offset map.
    public func normalizedString(_ text: String) -> String {
        var text = text
        var recorder = NoEditRecorder()
        return text.withUTF8 { makeString(from: $0, recorder: &recorder) }
    }

    /// The most bytes one input byte can become: U+FDFA (3 bytes) expands to 33.
    public static let maximumGrowthFactor = FoldTables.maximumExpansion

    /// Normalizes UTF-8 bytes into `output`, checking that they are valid UTF-8 on the way:
    /// the streaming door used by the command-line tool. Returns the number of bytes
    /// written, or `nil` when `output` is too small (it never is with
    /// `input.count * maximumGrowthFactor + 16` bytes). Each line is folded on its own
    /// (whitespace never collapses across a line feed), so a buffer may hold many lines.
    /// - Throws: ``InvalidUTF8Error`` with the offset of the first invalid sequence; the
    ///   bytes before it have been written to `output`.
    public func normalize(
        utf8 input: UnsafeBufferPointer<UInt8>, into output: UnsafeMutableBufferPointer<UInt8>
    ) throws(InvalidUTF8Error) -> Int? {
        var recorder = NoEditRecorder()
        // The pass writes without per-byte checks, relying on output never outgrowing input
        // except where it checks (expansions).
        guard output.count >= input.count, let base = output.baseAddress else { return input.isEmpty ? 0 : nil }
        switch fold(input, into: base, capacity: output.count, recorder: &recorder) {
        case .written(let count): return count
        case .outputFull: return nil
        case .invalid(let offset): throw InvalidUTF8Error(offset: offset)
        }
    }

    /// ``normalize(utf8:into:)`` that also returns the map from the written bytes back to
    /// `input`, for callers that stream bytes and still need original offsets.
    public func normalizeWithOffsets(
        utf8 input: UnsafeBufferPointer<UInt8>, into output: UnsafeMutableBufferPointer<UInt8>
    ) throws(InvalidUTF8Error) -> (count: Int, offsets: OffsetMap)? {
        var builder = OffsetMapBuilder()
        guard output.count >= input.count, let base = output.baseAddress else {
            return input.isEmpty ? (0, .identity(length: 0)) : nil
        }
        switch fold(input, into: base, capacity: output.count, recorder: &builder) {
        case .written(let count):
            return (count, OffsetMap(edits: builder.edits, originalLength: input.count, normalizedLength: count))
        case .outputFull: return nil
        case .invalid(let offset): throw InvalidUTF8Error(offset: offset)
        }
    }

    private func makeString<Recorder: EditRecorder>(from input: UnsafeBufferPointer<UInt8>, recorder: inout Recorder) -> String {
        var capacity = input.count + 16
        while true {
            var fits = true
            let result = String(unsafeUninitializedCapacity: capacity) { buffer in
                var attempt = recorder
                // A String's bytes are valid UTF-8, so the pass never reports invalid input.
                guard case .written(let written) = fold(input, into: buffer.baseAddress!, capacity: capacity, recorder: &attempt)
                else {
                    fits = false
                    return 0
                }
                recorder = attempt
                return written
            }
            if fits { return result }
            capacity = input.count * FoldTables.maximumExpansion + 16
        }
    }

    enum FoldOutcome {
        case written(Int)
        case outputFull
        case invalid(at: Int)
    }

    /// The single pass: decodes and validates `input`, applies the folds and writes at most
    /// `capacity` bytes.
    @inline(__always)
    private func fold<Recorder: EditRecorder>(
        _ input: UnsafeBufferPointer<UInt8>, into output: UnsafeMutablePointer<UInt8>, capacity: Int,
        recorder: inout Recorder
    ) -> FoldOutcome {
        // Two copies of the pass, so that neither tests the option per character.
        if options.contains(.collapseWhitespace) {
            return fold(input, into: output, capacity: capacity, recorder: &recorder, mode: CollapsingSpaces.self)
        }
        return fold(input, into: output, capacity: capacity, recorder: &recorder, mode: KeepingSpaces.self)
    }

    @inline(__always)
    private func fold<Recorder: EditRecorder, Mode: SpaceMode>(
        _ input: UnsafeBufferPointer<UInt8>, into output: UnsafeMutablePointer<UInt8>, capacity: Int,
        recorder: inout Recorder, mode: Mode.Type
    ) -> FoldOutcome {
        guard let source = input.baseAddress else { return .written(0) }
        let count = input.count
        let collapse = Mode.collapses
        let tables = self.tables
        let twoByte = tables.twoByte, punctuation = tables.generalPunctuation, presentation = tables.presentation
        var i = 0
        var o = 0
        var afterSpace = false
        while i < count {
            // The hot loop: a run of two-byte letters (most of an Arabic text), with few
            // live values so that they all stay in registers.
            // Pointers, not offsets: one induction variable each for reading and writing.
            let runStart = i
            var from = source + i, to = output + o
            let lastLead = source + (count &- 1)
            while from < lastLead {
                let lead = from.pointee
                if lead == 0x20 {
                    // One space between two letters (not after a space: that one may collapse),
                    // kept as it is in either mode.
                    guard from[1] >= 0xC2, to > output, to[-1] != 0x20 else { break }
                    to.pointee = 0x20
                    from += 1
                    to += 1
                    continue
                }
                guard lead &- 0xC2 < 0x1E else { break }
                let second = from[1]
                guard second & 0xC0 == 0x80 else { break }
                let action = twoByte[Int(lead & 0x1F) &<< 6 | Int(second & 0x3F)]
                guard action >= FoldAction.writesTwoBytes else { break }
                UnsafeMutableRawPointer(to).storeBytes(of: UInt16(truncatingIfNeeded: action &>> 8), as: UInt16.self)
                from += 2
                to += 2
            }
            let run = from - (source + i)
            i &+= run
            o &+= run
            if i != runStart {
                // The run may end with its own space.
                afterSpace = collapse && output[o &- 1] == 0x20
                if i >= count { break }
            }
            let lead = source[i]
            if lead < 0x80 {
                if lead == 0x20 || lead == 0x09 {
                    if collapse {
                        if afterSpace {
                            recorder.record(original: i..<(i + 1), normalizedStart: o, normalizedLength: 0)
                            i += 1
                            continue
                        }
                        afterSpace = true
                        output[o] = 0x20
                    } else {
                        output[o] = lead
                    }
                } else {
                    afterSpace = false
                    output[o] = lead
                }
                o &+= 1
                i &+= 1
                continue
            }
            let action: UInt32
            let width: Int
            if lead < 0xE0 {
                guard lead >= 0xC2, i &+ 1 < count else { return .invalid(at: i) }
                let second = source[i &+ 1]
                guard second & 0xC0 == 0x80 else { return .invalid(at: i) }
                action = twoByte[Int(lead & 0x1F) &<< 6 | Int(second & 0x3F)]
                if action >= FoldAction.writesTwoBytes {
                    // The common case: a letter kept (the table holds its own bytes) or replaced.
                    afterSpace = false
                    UnsafeMutableRawPointer(output + o).storeBytes(
                        of: UInt16(truncatingIfNeeded: action &>> 8), as: UInt16.self)
                    o &+= 2
                    i &+= 2
                    continue
                }
                width = 2
            } else if lead < 0xF0 {
                guard i + 2 < count, source[i + 1] & 0xC0 == 0x80, source[i + 2] & 0xC0 == 0x80,
                    lead != 0xE0 || source[i + 1] >= 0xA0, lead != 0xED || source[i + 1] < 0xA0
                else { return .invalid(at: i) }
                width = 3
                let scalar = Int(lead & 0x0F) << 12 | Int(source[i + 1] & 0x3F) << 6 | Int(source[i + 2] & 0x3F)
                if scalar >= 0x2000 && scalar < 0x2070 {
                    action = punctuation[scalar - 0x2000]
                } else if scalar >= 0xFB50 && scalar < 0xFF00 {
                    action = presentation[scalar - 0xFB50]
                } else if scalar == 0x3000 || scalar == 0x1680 {
                    action = tables.otherSpaces
                } else {
                    action = FoldAction.keep
                }
            } else {
                guard lead < 0xF5, i + 3 < count, source[i + 1] & 0xC0 == 0x80, source[i + 2] & 0xC0 == 0x80,
                    source[i + 3] & 0xC0 == 0x80, lead != 0xF0 || source[i + 1] >= 0x90,
                    lead != 0xF4 || source[i + 1] < 0x90
                else { return .invalid(at: i) }
                width = 4
                action = FoldAction.keep
            }
            switch action & 0xFF {
            case FoldAction.keep:
                afterSpace = false
                for k in 0..<width { output[o + k] = source[i + k] }
                o += width
            case FoldAction.replaceTwo:
                afterSpace = false
                output[o] = UInt8(truncatingIfNeeded: action >> 8)
                output[o + 1] = UInt8(truncatingIfNeeded: action >> 16)
                if width != 2 {
                    recorder.record(original: i..<(i + width), normalizedStart: o, normalizedLength: 2)
                }
                o += 2
            case FoldAction.replaceOne:
                afterSpace = false
                output[o] = UInt8(truncatingIfNeeded: action >> 8)
                recorder.record(original: i..<(i + width), normalizedStart: o, normalizedLength: 1)
                o += 1
            case FoldAction.space:
                if collapse && afterSpace {
                    recorder.record(original: i..<(i + width), normalizedStart: o, normalizedLength: 0)
                } else {
                    afterSpace = collapse
                    output[o] = 0x20
                    recorder.record(original: i..<(i + width), normalizedStart: o, normalizedLength: 1)
                    o += 1
                }
            case FoldAction.deleteAttached:
                recorder.record(original: i..<(i + width), normalizedStart: o, normalizedLength: 0, attaches: true)
            case FoldAction.deleteDetached:
                recorder.record(original: i..<(i + width), normalizedStart: o, normalizedLength: 0)
            case FoldAction.composeHamza:
                // The mark goes with the diacritics, but first joins the letter before it in the
                // source (across other harakat only, as canonical composition does), which then
                // goes through the letter folds like any other (ي + U+0654 → ئ, or ي with
                // hamza-carriers). The letter keeps its length, so the map needs no edit for it.
                if o >= 2, let base = Self.letterBeforeMarks(source, before: i),
                    let composed = composedHamzaLetter(base.0, base.1, mark: UInt8(truncatingIfNeeded: action >> 8))
                {
                    let folded = twoByte[Int(composed)]
                    output[o - 2] = UInt8(truncatingIfNeeded: folded >> 8)
                    output[o - 1] = UInt8(truncatingIfNeeded: folded >> 16)
                }
                recorder.record(original: i..<(i + width), normalizedStart: o, normalizedLength: 0, attaches: true)
            default:  // FoldAction.expand
                let entry = tables.expansions[Int(action >> 8)]
                var start = entry.start, length = entry.count
                // Spaces at an expansion's edges collapse like any other (ﱞ with its marks
                // kept starts with one); one that folds to nothing (ﹻ, a tatweel and a kasra)
                // leaves the space before it as the last.
                if collapse && afterSpace && length > 0 && tables.expansionBytes[start] == 0x20 {
                    start += 1
                    length -= 1
                }
                if length > 0 { afterSpace = collapse && tables.expansionBytes[start + length - 1] == 0x20 }
                if o + length + (count - i - width) > capacity { return .outputFull }
                for k in 0..<length { output[o + k] = tables.expansionBytes[start + k] }
                recorder.record(
                    original: i..<(i + width), normalizedStart: o, normalizedLength: length, attaches: length == 0)
                o += length
            }
            i += width
        }
        return .written(o)
    }
}

extension Normalizer {
    /// The UTF-8 bytes of the letter before `index` in `source`, skipping harakat
    /// (U+064B–U+0652, U+0670) but nothing else: a tatweel, a mark of another kind or an
    /// invisible character between them blocks composition.
    static func letterBeforeMarks(_ source: UnsafePointer<UInt8>, before index: Int) -> (UInt8, UInt8)? {
        var end = index
        while end >= 2, source[end - 2] == 0xD9, (0x8B...0x92).contains(source[end - 1]) || source[end - 1] == 0xB0 {
            end -= 2
        }
        guard end >= 2, (0xC2...0xDF).contains(source[end - 2]), source[end - 1] & 0xC0 == 0x80 else { return nil }
        return (source[end - 2], source[end - 1])
    }
}

/// Whether the pass collapses runs of spaces: a type, so that each pass is compiled for one.
protocol SpaceMode { static var collapses: Bool { get } }
enum CollapsingSpaces: SpaceMode { static var collapses: Bool { true } }
enum KeepingSpaces: SpaceMode { static var collapses: Bool { false } }

/// Where the single pass reports length-changing edits; a protocol so that the pass is
/// specialized without any recording cost when no map is wanted.
protocol EditRecorder {
    mutating func record(original: Range<Int>, normalizedStart: Int, normalizedLength: Int, attaches: Bool)
}

extension EditRecorder {
    @inline(__always)
    mutating func record(original: Range<Int>, normalizedStart: Int, normalizedLength: Int) {
        record(original: original, normalizedStart: normalizedStart, normalizedLength: normalizedLength, attaches: false)
    }
}

struct NoEditRecorder: EditRecorder {
    @inline(__always)
    mutating func record(original: Range<Int>, normalizedStart: Int, normalizedLength: Int, attaches: Bool) {}
}

extension OffsetMapBuilder: EditRecorder {}
