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

    /// Normalizes valid UTF-8 bytes and appends the result to `output`: the streaming door
    /// used by the command-line tool. `input` must be valid UTF-8 (check it first with
    /// ``UTF8Validation``); each line is folded on its own, so a buffer may hold many lines.
    public func normalize(utf8 input: UnsafeBufferPointer<UInt8>, appendingTo output: inout [UInt8]) {
        var recorder = NoEditRecorder()
        let start = output.count
        var capacity = input.count + 16
        while true {
            var written: Int?
            output.append(contentsOf: repeatElement(0, count: capacity))
            output.withUnsafeMutableBufferPointer { buffer in
                written = fold(input, into: buffer.baseAddress! + start, capacity: capacity, recorder: &recorder)
            }
            if let written {
                output.removeLast(capacity - written)
                return
            }
            output.removeLast(capacity)
            capacity = input.count * FoldTables.maximumExpansion + 16
        }
    }

    private func makeString<Recorder: EditRecorder>(from input: UnsafeBufferPointer<UInt8>, recorder: inout Recorder) -> String {
        var capacity = input.count + 16
        while true {
            var fits = true
            let result = String(unsafeUninitializedCapacity: capacity) { buffer in
                var attempt = recorder
                guard let written = fold(input, into: buffer.baseAddress!, capacity: capacity, recorder: &attempt) else {
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

    /// The single pass: decodes `input` (valid UTF-8), applies the folds and writes at most
    /// `capacity` bytes. Returns the number written, or `nil` when an expansion did not fit.
    @inline(__always)
    private func fold<Recorder: EditRecorder>(
        _ input: UnsafeBufferPointer<UInt8>, into output: UnsafeMutablePointer<UInt8>, capacity: Int,
        recorder: inout Recorder
    ) -> Int? {
        guard let source = input.baseAddress else { return 0 }
        let count = input.count
        let collapse = options.contains(.collapseWhitespace)
        return tables.twoByte.withUnsafeBufferPointer { twoByte -> Int? in
            tables.generalPunctuation.withUnsafeBufferPointer { punctuation -> Int? in
                tables.presentation.withUnsafeBufferPointer { presentation -> Int? in
                    tables.expansionBytes.withUnsafeBufferPointer { expansionBytes -> Int? in
                        var i = 0
                        var o = 0
                        var afterSpace = false
                        while i < count {
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
                                o += 1
                                i += 1
                                continue
                            }
                            let action: UInt32
                            let width: Int
                            if lead < 0xE0 {
                                width = 2
                                action = twoByte[Int(lead & 0x1F) << 6 | Int(source[i + 1] & 0x3F)]
                            } else if lead < 0xF0 {
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
                                width = 4
                                action = FoldAction.keep
                            }
                            switch action & 0xFF {
                            case FoldAction.keep:
                                afterSpace = false
                                output[o] = lead
                                output[o + 1] = source[i + 1]
                                if width > 2 { output[o + 2] = source[i + 2] }
                                if width > 3 { output[o + 3] = source[i + 3] }
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
                            case FoldAction.persianYeh:
                                // ی + U+0654 (hamza above) is Persian yeh with hamza: one letter.
                                afterSpace = false
                                let replacement = tables.persianYehWithHamza
                                if i + 3 < count && source[i + 2] == 0xD9 && source[i + 3] == 0x94 {
                                    output[o] = UInt8(truncatingIfNeeded: replacement >> 8)
                                    output[o + 1] = UInt8(truncatingIfNeeded: replacement >> 16)
                                    recorder.record(original: i..<(i + 4), normalizedStart: o, normalizedLength: 2)
                                    o += 2
                                    i += 4
                                    continue
                                }
                                output[o] = UInt8(truncatingIfNeeded: action >> 8)
                                output[o + 1] = UInt8(truncatingIfNeeded: action >> 16)
                                o += 2
                            default:  // FoldAction.expand
                                afterSpace = false
                                let entry = tables.expansions[Int(action >> 8)]
                                let length = entry.count
                                if o + length + (count - i - width) > capacity { return nil }
                                for k in 0..<length { output[o + k] = expansionBytes[entry.start + k] }
                                recorder.record(
                                    original: i..<(i + width), normalizedStart: o, normalizedLength: length,
                                    attaches: length == 0)
                                o += length
                            }
                            i += width
                        }
                        return o
                    }
                }
            }
        }
    }
}

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
