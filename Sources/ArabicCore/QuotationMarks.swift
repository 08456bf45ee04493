/// A quotation mark, by family. Curly and straight marks of one family pair with each other
/// in either order, because right-to-left text often has ” … “.
enum QuotationMark: Hashable, Sendable {
    case guillemetOpen, guillemetClose  // « »
    case singleGuillemetOpen, singleGuillemetClose  // ‹ ›
    case curlyDouble  // “ ” „
    case straightDouble  // "

    init?(_ scalar: UInt32) {
        switch scalar {
        case 0x00AB: self = .guillemetOpen
        case 0x00BB: self = .guillemetClose
        case 0x2039: self = .singleGuillemetOpen
        case 0x203A: self = .singleGuillemetClose
        case 0x201C, 0x201D, 0x201E: self = .curlyDouble
        case 0x22: self = .straightDouble
        default: return nil
        }
    }

    /// Whether the mark can end a quotation.
    var canClose: Bool { self != .guillemetOpen && self != .singleGuillemetOpen }
}

/// Paired quotations as (opening offset, closing offset).
struct QuotationSpans {
    private(set) var spans: [(open: Int, close: Int)] = []

    mutating func append(open: Int, close: Int) { spans.append((open, close)) }

    /// The union of the spans' insides, `open + 1 ... close`, as sorted disjoint ranges, so
    /// that a lookup is a binary search even with nested and many quotations.
    func covered() -> [ClosedRange<Int>] {
        var result: [ClosedRange<Int>] = []
        for span in spans.sorted(by: { $0.open < $1.open }) where span.close > span.open {
            let inside = (span.open + 1)...span.close
            if let last = result.last, inside.lowerBound <= last.upperBound + 1 {
                result[result.count - 1] = last.lowerBound...max(last.upperBound, inside.upperBound)
            } else {
                result.append(inside)
            }
        }
        return result
    }
}

extension [ClosedRange<Int>] {
    /// Whether a sorted list of disjoint ranges contains `offset`.
    /// - Complexity: O(log *n*).
    func sortedContains(_ offset: Int) -> Bool {
        var low = 0, high = count
        while low < high {
            let middle = (low + high) / 2
            if self[middle].upperBound < offset { low = middle + 1 } else { high = middle }
        }
        return low < count && self[low].contains(offset)
    }
}

/// Pairs quotation marks within a paragraph: a stack of open marks, where a mark of the
/// family on top closes it and any other opens a nested quotation. Unclosed marks at the
/// end of a paragraph pair with nothing.
/// - Complexity: amortized O(1) a mark: a closing guillemet looks down the stack only when
///   an opening one is on it, and removes every mark it passes.
struct QuotationPairer {
    private var open: [(mark: QuotationMark, offset: Int)] = []
    /// How many « and ‹ are on the stack, so that a closing mark with nothing to close does
    /// not search the whole stack (100,000 “ then as many » would take quadratic time).
    private var openGuillemets = 0, openSingleGuillemets = 0

    mutating func see(_ mark: QuotationMark, at offset: Int, into spans: inout QuotationSpans) {
        switch mark {
        case .guillemetClose, .singleGuillemetClose:
            let opening: QuotationMark = mark == .guillemetClose ? .guillemetOpen : .singleGuillemetOpen
            guard (mark == .guillemetClose ? openGuillemets : openSingleGuillemets) > 0,
                let index = open.lastIndex(where: { $0.mark == opening })
            else { return }
            spans.append(open: open[index].offset, close: offset)
            for removed in open[index...] { count(removed.mark, by: -1) }
            open.removeSubrange(index...)
        case .curlyDouble, .straightDouble:
            if let last = open.last, last.mark == mark {
                spans.append(open: last.offset, close: offset)
                open.removeLast()
            } else {
                open.append((mark, offset))
            }
        case .guillemetOpen, .singleGuillemetOpen:
            open.append((mark, offset))
            count(mark, by: 1)
        }
    }

    private mutating func count(_ mark: QuotationMark, by step: Int) {
        if mark == .guillemetOpen { openGuillemets += step }
        if mark == .singleGuillemetOpen { openSingleGuillemets += step }
    }

    mutating func endParagraph(into spans: inout QuotationSpans) {
        open.removeAll(keepingCapacity: true)
        openGuillemets = 0
        openSingleGuillemets = 0
    }
}
