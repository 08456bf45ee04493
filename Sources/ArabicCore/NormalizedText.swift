/// A text after normalization, with the original it came from and the map between them.
///
/// Find things in ``text``; report them with ``originalRange(ofNormalized:)`` so that they
/// point into what the article printed.
///
/// ```swift
/// let result = Normalizer(.search).normalize("قالت الوزارةُ")
/// let range = result.text.utf8.count - 10 ..< result.text.utf8.count  // "الوزاره"
/// result.originalText(ofNormalized: range)                             // "الوزارةُ"
/// ```
public struct NormalizedText: Hashable, Sendable {
    /// The text as it was given.
    public let original: String
    /// The normalized text.
    public let text: String
    /// UTF-8 offsets of ``text`` mapped back to ``original``.
    public let offsets: OffsetMap
    /// The folds that produced ``text``.
    public let options: NormalizationOptions

    /// Bundles a normalization result; use ``Normalizer/normalize(_:)`` to make one.
    public init(original: String, text: String, offsets: OffsetMap, options: NormalizationOptions) {
        self.original = original
        self.text = text
        self.offsets = offsets
        self.options = options
    }

    /// The UTF-8 range of ``original`` that the normalized UTF-8 range came from.
    public func originalRange(ofNormalized range: Range<Int>) -> Range<Int> {
        offsets.originalRange(of: range)
    }

    /// The original characters behind a normalized UTF-8 range.
    public func originalText(ofNormalized range: Range<Int>) -> Substring {
        original.utf8Slice(offsets.originalRange(of: range))
    }

    /// The original characters behind a range of ``text``.
    public func originalText(of range: Range<String.Index>) -> Substring {
        originalText(ofNormalized: text.utf8Offsets(of: range))
    }
}

extension String {
    /// The substring between two UTF-8 offsets, which must fall on scalar boundaries.
    /// - Complexity: O(1) for native strings.
    public func utf8Slice(_ range: Range<Int>) -> Substring {
        let start = utf8.index(utf8.startIndex, offsetBy: range.lowerBound)
        let end = utf8.index(start, offsetBy: range.count)
        return self[start..<end]
    }

    /// The UTF-8 offsets of a range of indices of this string.
    public func utf8Offsets(of range: Range<String.Index>) -> Range<Int> {
        let start = utf8.distance(from: utf8.startIndex, to: range.lowerBound)
        return start..<(start + utf8.distance(from: range.lowerBound, to: range.upperBound))
    }
}

extension String {
    /// `withUTF8` that keeps the body's typed error (the standard one is untyped `rethrows`).
    mutating func withUTF8Bytes<Result, Failure: Error>(
        _ body: (UnsafeBufferPointer<UInt8>) throws(Failure) -> Result
    ) throws(Failure) -> Result {
        var outcome: Swift.Result<Result, Failure>?
        withUTF8 { bytes in outcome = Swift.Result { () throws(Failure) in try body(bytes) } }
        return try outcome!.get()
    }
}
