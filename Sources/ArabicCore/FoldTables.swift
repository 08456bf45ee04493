/// What the single normalization pass does with one character. Stored as `UInt32`: the low
/// byte is the action, the bytes above carry the replacement's UTF-8 or an expansion index.
enum FoldAction {
    static let keep: UInt32 = 0
    static let replaceOne: UInt32 = 1
    static let replaceTwo: UInt32 = 2
    static let deleteAttached: UInt32 = 3
    static let deleteDetached: UInt32 = 4
    static let space: UInt32 = 5
    static let expand: UInt32 = 6
    /// A combining hamza or madda (U+0653–U+0655) removed with the diacritics: it first
    /// joins the letter before it, as Unicode composition does (ي + U+0654 → ئ).
    static let composeHamza: UInt32 = 7
    /// Set on every ``replaceTwo``: the pass tests this bit first, for the common case.
    static let writesTwoBytes: UInt32 = 0x8000_0000

    /// Replace by one scalar of one or two UTF-8 bytes.
    static func replace(with scalar: Unicode.Scalar) -> UInt32 {
        let bytes = Array(String(scalar).utf8)
        precondition(bytes.count <= 2, "fold replacements are one- or two-byte scalars")
        if bytes.count == 1 { return replaceOne | UInt32(bytes[0]) << 8 }
        return writesTwoBytes | replaceTwo | UInt32(bytes[0]) << 8 | UInt32(bytes[1]) << 16
    }
}

/// The lookup tables of one ``Normalizer``, built once from its options.
/// The letter that a letter (as UTF-8 bytes) and a following combining madda or hamza
/// (U+0653, U+0654, U+0655) compose to under Unicode's canonical composition, if any.
func composedHamzaLetter(_ first: UInt8, _ second: UInt8, mark: UInt8) -> UInt32? {
    switch (UInt16(first) << 8 | UInt16(second), mark) {
    case (0xD8A7, 0x53): return 0x0622  // ا + madda → آ
    case (0xD8A7, 0x54): return 0x0623  // ا + hamza above → أ
    case (0xD8A7, 0x55): return 0x0625  // ا + hamza below → إ
    case (0xD988, 0x54): return 0x0624  // و → ؤ
    case (0xD98A, 0x54): return 0x0626  // ي → ئ
    case (0xDB8C, 0x54): return 0x0626  // Farsi ی → ئ (Persian yeh with hamza)
    case (0xDB95, 0x54): return 0x06C0  // ە → ۀ
    case (0xDB81, 0x54): return 0x06C2  // ہ → ۂ
    case (0xDB92, 0x54): return 0x06D3  // ے → ۓ
    default: return nil
    }
}

/// The tables live in memory the class owns, so that the single pass reads them through
/// plain pointers; they are written only in `init`, hence `@unchecked Sendable`.
final class FoldTables: @unchecked Sendable {
    /// The largest growth of one character: U+FDFA (3 bytes) expands to 33 bytes.
    static let maximumExpansion = 12

    /// U+0000–U+07FF, indexed by scalar value.
    let twoByte: UnsafeMutablePointer<UInt32>
    /// U+2000–U+206F.
    let generalPunctuation: UnsafeMutablePointer<UInt32>
    /// U+FB50–U+FEFF, the Arabic presentation forms (and the BOM at U+FEFF).
    let presentation: UnsafeMutablePointer<UInt32>
    /// U+1680 and U+3000.
    let otherSpaces: UInt32
    /// The folded UTF-8 of each presentation form that expands, as ranges of ``expansionBytes``.
    let expansions: [(start: Int, count: Int)]
    let expansionBytes: [UInt8]

    init(_ options: NormalizationOptions) {
        // Two-byte scalars that are kept hold their own bytes, so that the pass writes every
        // two-byte letter the same way, kept or replaced.
        var twoByte = (0..<0x800).map { value -> UInt32 in
            guard value >= 0x80, let scalar = Unicode.Scalar(UInt32(value)) else { return FoldAction.keep }
            return FoldAction.replace(with: scalar)
        }
        func set(_ scalar: UInt32, _ action: UInt32) { twoByte[Int(scalar)] = action }
        func replace(_ scalars: some Sequence<UInt32>, with target: Unicode.Scalar) {
            for scalar in scalars { set(scalar, FoldAction.replace(with: target)) }
        }

        if options.contains(.alefForms) { replace([0x0622, 0x0623, 0x0625, 0x0671, 0x0672, 0x0673], with: "ا") }
        if options.contains(.alefMaksura) { replace([0x0649], with: "ي") }
        if options.contains(.taMarbuta) { replace([0x0629], with: "ه") }
        if options.contains(.hamzaCarriers) {
            replace([0x0624], with: "و")
            replace([0x0626], with: "ي")
        }
        if options.contains(.tatweel) { set(0x0640, FoldAction.deleteAttached) }
        if options.contains(.diacritics) {
            for scalar in Array(0x064B...0x065F) + [0x0670] + Array(0x0610...0x061A) + Array(0x06D6...0x06ED) {
                set(UInt32(scalar), FoldAction.deleteAttached)
            }
            for mark in 0x0653...0x0655 { set(UInt32(mark), FoldAction.composeHamza | UInt32(mark & 0xFF) << 8) }
        }
        let yehWithHamza: Unicode.Scalar = options.contains(.hamzaCarriers) ? "ي" : "ئ"
        if options.contains(.persianLetters) {
            replace([0x06A9], with: "ك")  // keheh
            replace([0x06C0, 0x06C1, 0x06C2, 0x06BE], with: "ه")  // heh with yeh above, heh goal, doachashmee
            replace([0x0678], with: yehWithHamza)  // high hamza yeh
            replace([0x06CC], with: "ي")  // Farsi yeh; with U+0654 after it, it composes to ئ
        }
        if options.contains(.digits) {
            for digit in 0..<10 {
                let ascii = Unicode.Scalar(UInt8(0x30 + digit))
                replace([UInt32(0x0660 + digit), UInt32(0x06F0 + digit)], with: ascii)
            }
            replace([0x066B], with: ".")
            replace([0x066C], with: ",")
        }
        if options.contains(.invisibleMarks) {
            set(0x061C, FoldAction.deleteDetached)  // ALM
            set(0x00AD, FoldAction.deleteDetached)  // soft hyphen
        }
        if options.contains(.unicodeSpaces) { set(0x00A0, FoldAction.space) }

        var punctuation = [UInt32](repeating: FoldAction.keep, count: 0x70)
        if options.contains(.invisibleMarks) {
            for scalar in [0x200E, 0x200F, 0x2060] + Array(0x202A...0x202E) + Array(0x2066...0x2069) {
                punctuation[scalar - 0x2000] = FoldAction.deleteDetached
            }
        }
        if options.contains(.zeroWidthJoiners) {
            punctuation[0x0C] = FoldAction.deleteDetached
            punctuation[0x0D] = FoldAction.deleteDetached
        }
        if options.contains(.unicodeSpaces) {
            for scalar in Array(0x2000...0x200A) + [0x202F, 0x205F] { punctuation[scalar - 0x2000] = FoldAction.space }
            punctuation[0x28] = FoldAction.replace(with: "\n")
            punctuation[0x29] = FoldAction.replace(with: "\n")
        }

        // Presentation forms: ICU's NFKC of each one, then the other folds on what it gives.
        var presentation = [UInt32](repeating: FoldAction.keep, count: 0xFF00 - 0xFB50)
        var expansions: [(start: Int, count: Int)] = []
        var expansionBytes: [UInt8] = []
        if options.contains(.compatibilityForms) {
            for (index, decomposed) in PresentationForms.nfkc.enumerated() {
                guard let decomposed else { continue }
                var bytes: [UInt8] = []
                for scalar in decomposed {
                    let action = scalar.value < 0x800 ? twoByte[Int(scalar.value)] : FoldAction.keep
                    switch action & 0xFF {
                    case FoldAction.keep: bytes += String(scalar).utf8
                    case FoldAction.replaceOne: bytes.append(UInt8(truncatingIfNeeded: action >> 8))
                    case FoldAction.replaceTwo:
                        bytes += [UInt8(truncatingIfNeeded: action >> 8), UInt8(truncatingIfNeeded: action >> 16)]
                    case FoldAction.space: bytes.append(0x20)
                    default: break  // deleted
                    }
                }
                // Spacing forms of harakat (ﹰ ﱠ) are a space and marks: with the marks
                // removed they are plain spaces, which must collapse like any other.
                if bytes == [0x20] {
                    presentation[index] = FoldAction.space
                    continue
                }
                presentation[index] = FoldAction.expand | UInt32(expansions.count) << 8
                expansions.append((expansionBytes.count, bytes.count))
                expansionBytes += bytes
            }
        }
        if options.contains(.invisibleMarks) { presentation[0xFEFF - 0xFB50] = FoldAction.deleteDetached }

        self.twoByte = Self.copy(twoByte)
        self.generalPunctuation = Self.copy(punctuation)
        self.presentation = Self.copy(presentation)
        self.otherSpaces = options.contains(.unicodeSpaces) ? FoldAction.space : FoldAction.keep
        self.expansions = expansions
        self.expansionBytes = expansionBytes
    }

    deinit {
        twoByte.deallocate()
        generalPunctuation.deallocate()
        presentation.deallocate()
    }
}

extension FoldTables {
    private static func copy(_ table: [UInt32]) -> UnsafeMutablePointer<UInt32> {
        let pointer = UnsafeMutablePointer<UInt32>.allocate(capacity: table.count)
        pointer.initialize(from: table, count: table.count)
        return pointer
    }
}

/// ICU's NFKC of every character in U+FB50–U+FEFF, computed once per process;
/// `nil` where NFKC leaves the character as it is.
enum PresentationForms {
    static let nfkc: [[Unicode.Scalar]?] = (0xFB50..<0xFF00).map { value -> [Unicode.Scalar]? in
        guard let scalar = Unicode.Scalar(UInt32(value)), value != 0xFEFF else { return nil }
        // An ICU failure here would only mean the form is left as it is.
        guard let result = try? ICU.nfkc([scalar]), result != [scalar] else { return nil }
        return result
    }
}
