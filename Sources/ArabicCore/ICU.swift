// The one Swift file of ArabicCore that talks to ICU (through CICU). Everything
// unsafe about ICU stays here; the rest of the module sees Swift types.

internal import CICU
import Synchronization

/// An error reported by ICU, carrying ICU's own name for it.
///
/// ```swift
/// do { _ = try Tokenizer(locale: "ar") } catch let error as ICUError { print(error.name) }
/// ```
public struct ICUError: Error, Hashable, Sendable, CustomStringConvertible {
    /// ICU's numeric `UErrorCode`.
    public let code: Int32
    /// ICU's symbolic name for ``code``, e.g. `U_ILLEGAL_ARGUMENT_ERROR`.
    public let name: String
    /// What ArabicText was doing when ICU failed, e.g. `opening the word break iterator`.
    public let operation: String

    init(code: Int32, operation: String) {
        self.code = code
        self.name = String(cString: cicu_error_name(code))
        self.operation = operation
    }

    /// Throws when `code` is an ICU failure (ICU warnings are negative, success is 0).
    static func check(_ code: Int32, _ operation: @autoclosure () -> String) throws(ICUError) {
        if code > 0 { throw ICUError(code: code, operation: operation()) }
    }

    /// `ICU error U_… while <operation>`.
    public var description: String { "ICU error \(name) (\(code)) while \(operation)" }
}

/// ICU facts that callers may want to report.
public enum ICU {
    /// The version of the ICU library linked at run time, e.g. `72.1`.
    public static var version: String {
        var buffer = [CChar](repeating: 0, count: 32)
        buffer.withUnsafeMutableBufferPointer { cicu_version($0.baseAddress!, Int32($0.count)) }
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// The ISO 3166 alpha-2 region codes ICU knows (about 250).
    public static var isoRegionCodes: [String] {
        (0..<cicu_iso_region_count()).map { String(cString: cicu_iso_region($0)) }
    }

    /// The name of an ISO 3166 region in a display locale, from ICU's CLDR data.
    ///
    /// ```swift
    /// try ICU.displayName(ofRegion: "RU", in: "ar")  // "روسيا"
    /// ```
    /// Returns `nil` when ICU has no name for the region (it then echoes the code).
    public static func displayName(ofRegion region: String, in displayLocale: String) throws(ICUError) -> String? {
        var units = [UInt16](repeating: 0, count: 128)
        var error: Int32 = 0
        let count = units.withUnsafeMutableBufferPointer {
            cicu_region_display_name(region, displayLocale, $0.baseAddress, Int32($0.count), &error)
        }
        try ICUError.check(error, "reading the display name of region \(region)")
        let name = String(decoding: units.prefix(Int(count)), as: UTF16.self)
        return name == region ? nil : name
    }

    /// ICU's Word_Break property of a scalar, simplified (see `cicu_word_break_class`).
    static func wordBreakClass(of scalar: UInt32) -> Int32 { cicu_word_break_class(Int32(scalar)) }

    /// NFKC of a short run of scalars (used for presentation forms, one character at a time).
    static func nfkc(_ scalars: [Unicode.Scalar]) throws(ICUError) -> [Unicode.Scalar] {
        let source = Array(String(String.UnicodeScalarView(scalars)).utf16)
        var destination = [UInt16](repeating: 0, count: max(16, source.count * 18))
        var error: Int32 = 0
        let count = source.withUnsafeBufferPointer { input in
            destination.withUnsafeMutableBufferPointer { output in
                cicu_nfkc(input.baseAddress, Int32(input.count), output.baseAddress, Int32(output.count), &error)
            }
        }
        try ICUError.check(error, "NFKC-normalizing U+\(String(scalars.first?.value ?? 0, radix: 16, uppercase: true))")
        return Array(String(decoding: destination.prefix(Int(count)), as: UTF16.self).unicodeScalars)
    }
}

/// Which ICU break iterator a ``BreakIterator`` wraps.
enum BreakKind: Sendable {
    case word, sentence
}

/// One ICU break iterator. Not thread-safe: it is used by one thread at a time,
/// handed out by a ``BreakIteratorPool``.
final class BreakIterator: @unchecked Sendable {
    private let handle: OpaquePointer
    private var ends = [Int32](repeating: 0, count: 512)
    private var statuses = [Int32](repeating: 0, count: 512)

    init(kind: BreakKind, locale: String) throws(ICUError) {
        var handle: OpaquePointer?
        let code = cicu_break_open(kind == .word ? CICU_BREAK_WORD : CICU_BREAK_SENTENCE, locale, &handle)
        try ICUError.check(code, "opening the \(kind) break iterator for locale \(locale)")
        self.handle = handle!
    }

    deinit { cicu_break_close(handle) }

    /// Calls `body(end, ruleStatus)` for every segment of `text` (valid UTF-8), in order;
    /// a segment starts where the previous one ended. Offsets are UTF-8 bytes.
    func forEachSegment(
        of text: UnsafeBufferPointer<UInt8>, throughUText: Bool = false,
        _ body: (_ end: Int, _ status: Int32) -> Void
    ) throws(ICUError) {
        guard let base = text.baseAddress, !text.isEmpty else { return }
        try ICUError.check(
            cicu_break_set_utf8(handle, base, Int32(text.count), throughUText ? 1 : 0),
            "setting the text of a break iterator (\(text.count) bytes)")
        let capacity = Int32(ends.count)
        while true {
            let count = ends.withUnsafeMutableBufferPointer { ends in
                statuses.withUnsafeMutableBufferPointer { statuses in
                    cicu_break_next_segments(handle, ends.baseAddress, statuses.baseAddress, capacity)
                }
            }
            if count == 0 { break }
            for index in 0..<Int(count) { body(Int(ends[index]), statuses[index]) }
        }
    }
}

/// Hands out break iterators so that a `Sendable` tokenizer can be used from many
/// threads: each call borrows an iterator and gives it back.
final class BreakIteratorPool: Sendable {
    private let kind: BreakKind
    private let locale: String
    private let idle = Mutex<[BreakIterator]>([])

    init(kind: BreakKind, locale: String) throws(ICUError) {
        self.kind = kind
        self.locale = locale
        // Open one now, so that a bad locale fails at construction, not at first use.
        let first = try BreakIterator(kind: kind, locale: locale)
        idle.withLock { $0.append(first) }
    }

    func withIterator<Result>(_ body: (BreakIterator) throws(ICUError) -> Result) throws(ICUError) -> Result {
        let iterator: BreakIterator
        if let reused = idle.withLock({ $0.popLast() }) {
            iterator = reused
        } else {
            iterator = try BreakIterator(kind: kind, locale: locale)
        }
        defer { idle.withLock { $0.append(iterator) } }
        return try body(iterator)
    }
}
