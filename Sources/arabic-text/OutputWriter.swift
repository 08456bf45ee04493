#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Buffered writing to standard output that reports a failed write (a full disk, a closed
/// pipe) instead of dropping output silently.
final class OutputWriter {
    private var buffer: UnsafeMutablePointer<UInt8>
    private let capacity = 1 << 20
    private var count = 0

    init() { buffer = .allocate(capacity: capacity) }

    deinit { buffer.deallocate() }

    @inline(__always)
    func write(_ bytes: UnsafeBufferPointer<UInt8>) throws(CLIError) {
        if count + bytes.count > capacity { try flush() }
        if bytes.count > capacity {
            try writeAll(bytes)
            return
        }
        guard let base = bytes.baseAddress else { return }
        (buffer + count).update(from: base, count: bytes.count)
        count += bytes.count
    }

    @inline(__always)
    func write(byte: UInt8) throws(CLIError) {
        if count == capacity { try flush() }
        buffer[count] = byte
        count += 1
    }

    /// A place to write up to `maximum` bytes directly; `commit` says how many were written.
    func withUnsafeSpace(_ maximum: Int, _ body: (UnsafeMutableBufferPointer<UInt8>) throws -> Int) throws {
        if count + maximum > capacity { try flush() }
        if maximum > capacity {
            let scratch = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: maximum)
            defer { scratch.deallocate() }
            let written = try body(scratch)
            try writeAll(UnsafeBufferPointer(rebasing: scratch[0..<written]))
            return
        }
        count += try body(UnsafeMutableBufferPointer(start: buffer + count, count: capacity - count))
    }

    func flush() throws(CLIError) {
        try writeAll(UnsafeBufferPointer(start: buffer, count: count))
        count = 0
    }

    private func writeAll(_ bytes: UnsafeBufferPointer<UInt8>) throws(CLIError) {
        guard var pointer = bytes.baseAddress else { return }
        var remaining = bytes.count
        while remaining > 0 {
            let written = writeToDescriptor(1, pointer, remaining)
            if written < 0 {
                if errno == EINTR { continue }
                throw .input("cannot write the output: \(CLIError.systemMessage)")
            }
            pointer += written
            remaining -= written
        }
    }
}
