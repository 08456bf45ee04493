/// The tokenizer's fast path: most of an Arabic text is words of Arabic letters between
/// spaces, with punctuation at their edges, and for those the word boundaries follow from
/// ICU's own Word_Break property without running the break iterator. Everything else goes
/// to ICU, one whitespace-delimited piece at a time.
///
/// Why pieces are independent: ICU's word rules never join across an ASCII space, except
/// that marks (Extend, Format) after a space attach to it; a piece that starts with such a
/// mark is not simple and goes to ICU. The equality of both paths is tested on the example
/// article and on the corpus (`TokenizerFastPathTests`).
struct WordShapes: @unchecked Sendable {
    /// What a character can be in a simple piece.
    enum Shape: UInt8 {
        /// Anything the fast path does not decide: the piece goes to ICU.
        case other = 0
        /// An Arabic-script letter (Word_Break ALetter, U+0600–U+06FF, U+0750–U+077F).
        case arabicLetter
        /// An Arabic-script mark (Word_Break Extend), kept by some presets.
        case arabicMark
        /// An ASCII letter or digit.
        case asciiLetter, asciiDigit
        /// Punctuation or a symbol that ICU never joins to a neighbour at a word's edge.
        case edgePunctuation, edgeSymbol
    }

    /// Shapes of U+0000–U+07FF and U+2000–U+206F, in memory that lives as long as the
    /// process (there is one shared instance), read through plain pointers.
    private let low: UnsafeMutablePointer<Shape>
    private let generalPunctuation: UnsafeMutablePointer<Shape>

    static let shared = WordShapes()

    private init() {
        func shape(_ value: UInt32) -> Shape {
            guard let scalar = Unicode.Scalar(value) else { return .other }
            if value < 0x80 {
                switch value {
                case 0x30...0x39: return .asciiDigit
                case 0x41...0x5A, 0x61...0x7A: return .asciiLetter
                case 0x5F: return .other  // underscore joins words (ExtendNumLet)
                case 0x40: return .other  // ICU's rules treat @ as a letter, unlike the property
                default: break
                }
            }
            let wordBreak = ICU.wordBreakClass(of: value)
            let arabicBlock = (0x0600...0x06FF).contains(value) || (0x0750...0x077F).contains(value)
            if arabicBlock && wordBreak == 1 { return .arabicLetter }
            if arabicBlock && wordBreak == 3 && scalar.properties.generalCategory == .nonspacingMark { return .arabicMark }
            guard wordBreak == 0 else { return .other }
            let bytes = Array(String(scalar).utf8)
            switch bytes.withUnsafeBufferPointer({ Tokenizer.classifyNonWord($0.baseAddress!, 0..<$0.count) }) {
            case .punctuation: return .edgePunctuation
            case .symbol:
                switch scalar.properties.generalCategory {
                case .mathSymbol, .currencySymbol, .modifierSymbol: return .edgeSymbol
                default: return .other  // emoji and other symbols may join by other rules
                }
            default: return .other
            }
        }
        low = .allocate(capacity: 0x800)
        low.initialize(from: (0..<0x800).map { shape(UInt32($0)) }, count: 0x800)
        generalPunctuation = .allocate(capacity: 0x70)
        generalPunctuation.initialize(from: (0x2000..<0x2070).map { shape(UInt32($0)) }, count: 0x70)
    }

    /// Whether the two bytes at `pointer` are an Arabic letter (the caller checks that both
    /// are there).
    @inline(__always)
    func isArabicLetter(_ pointer: UnsafePointer<UInt8>) -> Bool {
        let lead = pointer.pointee
        guard lead &- 0xD8 < 4 else { return false }
        return low[Int(lead & 0x1F) << 6 | Int(pointer[1] & 0x3F)] == .arabicLetter
    }

    /// The shape of the character at `index` and its UTF-8 width.
    @inline(__always)
    func shape(_ base: UnsafePointer<UInt8>, at index: Int, end: Int) -> (Shape, Int) {
        let lead = base[index]
        if lead < 0x80 { return (low[Int(lead)], 1) }
        if lead < 0xE0 {
            guard index + 1 < end else { return (.other, 1) }
            return (low[Int(lead & 0x1F) << 6 | Int(base[index + 1] & 0x3F)], 2)
        }
        if lead < 0xF0 {
            guard index + 2 < end, lead == 0xE2, base[index + 1] == 0x80 || base[index + 1] == 0x81 else { return (.other, 3) }
            // E2 81 B0–BF is U+2070–U+207F (superscripts), past the table's end.
            let offset = Int(base[index + 1] & 0x3F) << 6 | Int(base[index + 2] & 0x3F)
            return (offset < 0x70 ? generalPunctuation[offset] : .other, 3)
        }
        return (.other, 4)
    }
}

/// Whether the fast path hashes the words it reads (``TokenHash``, whole and without their
/// first two bytes) as it reads them: a type, so that each door is compiled on its own and
/// the one without hashes does no work for them.
protocol SegmentHashing {
    static var hashes: Bool { get }
}

/// The fast path without hashes.
enum WithoutHashes: SegmentHashing {
    static var hashes: Bool { false }
}

/// The fast path with hashes.
enum WithHashes: SegmentHashing {
    static var hashes: Bool { true }
}

extension Tokenizer {
    /// Tokenizes `bytes` piece by piece: simple pieces here, the others through `icu`.
    ///
    /// One pass finds where a piece ends and checks its shape at the same time; a second,
    /// over the piece alone, emits it. With `Hashing.hashes`, a simple piece's core is also
    /// hashed in the first pass (the chains of multiplications run beside the shape checks),
    /// and `body` gets the core's ``TokenHash`` and that of the core without its first two
    /// bytes; punctuation and ICU's segments get `nil` and are the caller's to hash.
    @inline(__always)
    func forEachSegmentFast<Hashing: SegmentHashing>(
        _ base: UnsafePointer<UInt8>, count: Int, shapes: WordShapes, hashing: Hashing.Type,
        icu: (_ piece: Range<Int>) throws(ICUError) -> Void,
        _ body: (TokenKind, Range<Int>, _ hashes: (whole: TokenHash, rest: TokenHash)?) -> Void
    ) throws(ICUError) {
        var index = 0
        while index < count {
            if Self.isPieceEnd(base[index]) {
                index += 1
                continue
            }
            // Most pieces are Arabic letters alone: read and hash them in one tight loop, and
            // emit the word if white space or the end follows; anything else starts over below.
            if index &+ 1 < count, shapes.isArabicLetter(base + index) {
                var whole = Self.hash(base, at: index, into: TokenHash.offsetBasis)
                var rest = TokenHash.offsetBasis
                let end =
                    Self.letterRun(
                        from: base + index + 2, count: count, base: base, shapes: shapes, hashing: Hashing.self, &whole, &rest)
                    - base
                if end == count || Self.isPieceEnd(base[end]) {
                    body(.arabicWord, index..<end, Hashing.hashes ? (TokenHash(value: whole), TokenHash(value: rest)) : nil)
                    index = end
                    continue
                }
            }
            // The piece's shape, `punctuation* core punctuation*`, checked while its end is
            // found; the core is Arabic letters (marks after the first allowed) or ASCII
            // letters and digits.
            var end = index
            var simple = true
            var coreStart = -1, coreEnd = -1
            var coreIsArabic = false, coreHasLetter = false
            var afterCore = false
            // FNV-1a of the core, and of the core from its third byte on.
            var whole = TokenHash.offsetBasis, rest = TokenHash.offsetBasis
            var hashed = 0
            while end < count {
                if Self.isPieceEnd(base[end]) { break }
                guard simple else {
                    end += 1
                    continue
                }
                // A piece never ends inside a character: the text is valid UTF-8.
                let (shape, width) = shapes.shape(base, at: end, end: count)
                switch shape {
                case .edgePunctuation, .edgeSymbol:
                    if coreStart >= 0 && !afterCore {
                        coreEnd = end
                        afterCore = true
                    }
                case .arabicLetter, .arabicMark:
                    if afterCore || (coreStart < 0 && shape == .arabicMark) || (coreStart >= 0 && !coreIsArabic) {
                        simple = false
                    } else {
                        if coreStart < 0 {
                            coreStart = end
                            coreIsArabic = true
                        }
                        // The rest of a run of Arabic letters, the bulk of the text, in a tight loop.
                        // Arabic letters and marks are two bytes each: the core's first letter
                        // goes into the whole hash only, every later one into both.
                        if Hashing.hashes {
                            whole = Self.hash(base, at: end, into: whole)
                            if end != coreStart { rest = Self.hash(base, at: end, into: rest) }
                        }
                        end =
                            Self.letterRun(
                                from: base + end + width, count: count, base: base, shapes: shapes, hashing: Hashing.self,
                                &whole, &rest) - base
                        continue
                    }
                case .asciiLetter, .asciiDigit:
                    if afterCore || (coreStart >= 0 && coreIsArabic) {
                        simple = false
                    } else {
                        if coreStart < 0 { coreStart = end }
                        if shape == .asciiLetter { coreHasLetter = true }
                        if Hashing.hashes { Self.hash(base[end], into: &whole, &rest, hashed: &hashed) }
                    }
                case .other:
                    simple = false
                }
                end += simple ? width : 1
            }
            if simple {
                emitSimplePiece(
                    base, index..<end, core: coreStart..<(coreEnd >= 0 ? coreEnd : (coreStart >= 0 ? end : -1)),
                    coreKind: coreIsArabic ? .arabicWord : coreHasLetter ? .latinWord : .number,
                    hashes: Hashing.hashes ? (TokenHash(value: whole), TokenHash(value: rest)) : nil, shapes: shapes, body)
            } else {
                try icu(index..<end)
            }
            index = end
        }
    }

    /// Emits a simple piece: the punctuation before its core one mark at a time, the core as
    /// one token, then the punctuation after it (a piece without a core has `core` starting
    /// at -1).
    @inline(__always)
    private func emitSimplePiece(
        _ base: UnsafePointer<UInt8>, _ piece: Range<Int>, core: Range<Int>, coreKind: TokenKind,
        hashes: (whole: TokenHash, rest: TokenHash)?, shapes: WordShapes,
        _ body: (TokenKind, Range<Int>, (whole: TokenHash, rest: TokenHash)?) -> Void
    ) {
        var index = piece.lowerBound
        while index < piece.upperBound {
            if index == core.lowerBound {
                body(coreKind, core, hashes)
                index = core.upperBound
                continue
            }
            let (shape, width) = shapes.shape(base, at: index, end: piece.upperBound)
            body(shape == .edgeSymbol ? .symbol : .punctuation, index..<(index + width), nil)
            index += width
        }
    }

    /// Reads the Arabic letters from `letter` on (two bytes each), hashing each into both
    /// `whole` and `rest` when `Hashing.hashes`, and returns where they stop: the tight loop
    /// that reads most of a text. Pointers, not offsets: one induction variable.
    @inline(__always)
    private static func letterRun<Hashing: SegmentHashing>(
        from letter: UnsafePointer<UInt8>, count: Int, base: UnsafePointer<UInt8>, shapes: WordShapes,
        hashing: Hashing.Type, _ whole: inout UInt64, _ rest: inout UInt64
    ) -> UnsafePointer<UInt8> {
        var letter = letter
        let lastLead = base + (count &- 1)
        while letter < lastLead, shapes.isArabicLetter(letter) {
            if Hashing.hashes {
                whole = hash(letter, at: 0, into: whole)
                rest = hash(letter, at: 0, into: rest)
            }
            letter += 2
        }
        return letter
    }

    /// Whether `byte` ends a piece: the ASCII white space that ICU's rules never join across.
    @inline(__always)
    private static func isPieceEnd(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D
    }

    /// Two more bytes (an Arabic letter or mark) of an FNV-1a hash.
    @inline(__always)
    private static func hash(_ base: UnsafePointer<UInt8>, at index: Int, into hash: UInt64) -> UInt64 {
        ((hash ^ UInt64(base[index])) &* TokenHash.prime ^ UInt64(base[index &+ 1])) &* TokenHash.prime
    }

    /// One more byte of a core: into its hash, and from its third byte on into the hash of
    /// the core without its first two bytes.
    @inline(__always)
    private static func hash(_ byte: UInt8, into whole: inout UInt64, _ rest: inout UInt64, hashed: inout Int) {
        whole = (whole ^ UInt64(byte)) &* TokenHash.prime
        if hashed >= 2 { rest = (rest ^ UInt64(byte)) &* TokenHash.prime }
        hashed &+= 1
    }
}
