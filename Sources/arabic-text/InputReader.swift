#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads a file or standard input in chunks that end at a line feed, so that a command
/// streams over inputs of any size with memory bounded by the longest line.
final class InputReader {
    /// The name to report in errors: the path, or `<stdin>`.
    let name: String
    private let descriptor: Int32
    private var buffer: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    private var filled = 0
    private var endOfInput = false
    /// Absolute offset, in the input, of `buffer[0]`.
    private(set) var offset = 0
    /// Line feeds before `buffer[0]`.
    private(set) var linesBefore = 0

    static let chunkSize = 1 << 18

    /// Opens `path`, or standard input for `nil` or `-`.
    init(path: String?) throws(CLIError) {
        if let path, path != "-" {
            var status = stat()
            guard stat(path, &status) == 0 else {
                throw .input("cannot open '\(path)': \(CLIError.systemMessage)")
            }
            if status.st_mode & S_IFMT == S_IFDIR { throw .input("'\(path)' is a directory, not a file") }
            let descriptor = open(path, O_RDONLY)
            guard descriptor >= 0 else { throw .input("cannot open '\(path)': \(CLIError.systemMessage)") }
            self.descriptor = descriptor
            self.name = path
        } else {
            self.descriptor = 0
            self.name = "<stdin>"
        }
        capacity = Self.chunkSize
        buffer = .allocate(capacity: capacity)
    }

    deinit {
        if descriptor != 0 { close(descriptor) }
        buffer.deallocate()
    }

    /// Calls `body(chunk, offset, firstLine)` for consecutive chunks of complete lines (the
    /// last may lack its line feed). `offset` is the chunk's byte offset in the input and
    /// `firstLine` the 1-based number of its first line. With `splitsLongLines`, a line longer
    /// than a chunk is handed over in pieces cut after an ASCII byte that is not a space.
    ///
    /// With `longLineLimit`, a line that outgrows the buffer and is longer than that (its
    /// line feed not counted) is not kept: it is read past, and `skipped(line, bytes)` is
    /// called in its place, in line order, so that memory stays bounded by about twice the
    /// limit, not by the longest line. Shorter lines, and long lines that fit in the buffer
    /// as it is, still come in chunks: the caller checks their length.
    func forEachChunk(
        splitsLongLines: Bool = false,
        longLineLimit: Int? = nil,
        skipped: (_ line: Int, _ bytes: Int) throws -> Void = { _, _ in },
        _ body: (_ chunk: UnsafeBufferPointer<UInt8>, _ offset: Int, _ firstLine: Int) throws -> Void
    ) throws {
        while true {
            try fill()
            if filled == 0 { return }
            var end = filled
            if !endOfInput {
                if let lastLineFeed = lastIndex(of: 0x0A, in: 0..<filled) {
                    end = lastLineFeed + 1
                } else if splitsLongLines, let cut = lastSafeCut(in: 0..<filled) {
                    end = cut
                } else if let longLineLimit, filled > longLineLimit {
                    try skipped(linesBefore + 1, try skipLine())
                    continue
                } else {
                    grow()
                    continue
                }
            }
            try body(UnsafeBufferPointer(start: buffer, count: end), offset, linesBefore + 1)
            linesBefore += countLineFeeds(in: 0..<end)
            offset += end
            (buffer).update(from: buffer + end, count: filled - end)
            filled -= end
            if endOfInput && filled == 0 { return }
        }
    }

    /// The 1-based line that contains the byte at absolute `position` inside the current
    /// chunk.
    func line(atAbsolute position: Int) -> Int {
        linesBefore + 1 + countLineFeeds(in: 0..<min(filled, max(0, position - offset)))
    }

    private func fill() throws {
        while !endOfInput && filled < capacity {
            let count = read(descriptor, buffer + filled, capacity - filled)
            if count < 0 {
                if errno == EINTR { continue }
                throw CLIError.input("cannot read '\(name)': \(CLIError.systemMessage)")
            }
            if count == 0 { endOfInput = true } else { filled += count }
        }
    }

    /// Reads past the line at `buffer[0]`, which has no line feed in the buffer, and its line
    /// feed; keeps what follows. Returns the line's length in bytes.
    private func skipLine() throws -> Int {
        var length = 0
        while true {
            if let lineFeed = memchr(buffer, 0x0A, filled) {
                let end = buffer.distance(to: lineFeed.assumingMemoryBound(to: UInt8.self))
                length += end
                buffer.update(from: buffer + end + 1, count: filled - end - 1)
                filled -= end + 1
                offset += end + 1
                linesBefore += 1
                return length
            }
            length += filled
            offset += filled
            filled = 0
            if endOfInput { return length }
            try fill()
        }
    }

    private func grow() {
        let larger = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity * 2)
        larger.update(from: buffer, count: filled)
        buffer.deallocate()
        buffer = larger
        capacity *= 2
    }

    private func lastIndex(of byte: UInt8, in range: Range<Int>) -> Int? {
        // Lines are short, so the search from the end is short too.
        var index = range.upperBound - 1
        while index >= range.lowerBound {
            if buffer[index] == byte { return index }
            index -= 1
        }
        return nil
    }

    private func lastSafeCut(in range: Range<Int>) -> Int? {
        var index = range.upperBound - 1
        while index >= range.lowerBound {
            let byte = buffer[index]
            if byte < 0x80 && byte != 0x20 && byte != 0x09 { return index + 1 }
            index -= 1
        }
        return nil
    }

    private func countLineFeeds(in range: Range<Int>) -> Int {
        // memchr is vectorized; news has few line feeds per kilobyte.
        var count = 0
        var position = buffer + range.lowerBound
        let end = buffer + range.upperBound
        while position < end, let found = memchr(position, 0x0A, end - position) {
            count += 1
            position = found.assumingMemoryBound(to: UInt8.self) + 1
        }
        return count
    }
}
