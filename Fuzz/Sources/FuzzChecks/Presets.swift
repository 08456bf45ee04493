public import ArabicText

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// What the harnesses share: normalizers, tokenizers and a pipeline, made once per process.
public enum Presets {
    /// One normalizer per preset, and one with no fold.
    public static let normalizers = [Normalizer(.search), Normalizer(.light), Normalizer([])]

    /// `FUZZ_STRICT=1` adds checks that are claims about real text rather than promises for
    /// every input: idempotence for any set of folds, and the tokenizer's fast path giving
    /// ICU's own boundaries.
    public static let strict = getenv("FUZZ_STRICT").map { String(cString: $0) == "1" } ?? false

    /// The default tokenizer and one that sends every character through ICU.
    public static let tokenizers: (fast: Tokenizer, icu: Tokenizer) = {
        do { return (try Tokenizer(), try Tokenizer(usesFastPath: false)) } catch { fatalError("Tokenizer: \(error)") }
    }()

    public static let splitter: SentenceSplitter = {
        do { return try SentenceSplitter() } catch { fatalError("SentenceSplitter: \(error)") }
    }()

    public static let finder: QuotationFinder = {
        do { return try QuotationFinder() } catch { fatalError("QuotationFinder: \(error)") }
    }()

    /// Every annotator, as `arabic-text analyze` and more (tokens, sentences, normalization).
    public static let pipeline: Pipeline = {
        do { return try Pipeline(.init(annotators: .all)) } catch { fatalError("Pipeline: \(error)") }
    }()
}
