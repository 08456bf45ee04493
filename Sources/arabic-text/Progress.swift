import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Progress of a corpus run: a bar on standard error while it is a terminal (documents, MB,
/// MB/s, ETA when the input's size is known), redrawn at most five times a second; silent
/// otherwise. The summary line at the end is printed either way, unless quiet.
final class Progress {
    let totalBytes: Int?
    let showsBar: Bool
    let quiet: Bool
    private let start = DispatchTime.now().uptimeNanoseconds
    private var lastDraw: UInt64 = 0
    private(set) var documents = 0
    private(set) var failures = 0
    private(set) var bytes = 0

    init(totalBytes: Int?, quiet: Bool) {
        self.totalBytes = totalBytes
        self.quiet = quiet
        self.showsBar = !quiet && isatty(2) == 1
    }

    var seconds: Double { Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9 }

    /// Counts records written (and the input bytes they came from).
    func advance(documents: Int, failures: Int, bytes: Int) {
        self.documents += documents
        self.failures += failures
        self.bytes += bytes
        guard showsBar else { return }
        let now = DispatchTime.now().uptimeNanoseconds
        guard now - lastDraw > 200_000_000 else { return }
        lastDraw = now
        draw()
    }

    private func draw() {
        let elapsed = max(seconds, 1e-3)
        let rate = Double(bytes) / 1e6 / elapsed
        var line =
            "\r\u{1B}[K\(Self.grouped(documents)) documents · \(Self.megabytes(bytes)) MB · \(String(format: "%.1f", rate)) MB/s"
        if failures > 0 { line += " · \(Self.grouped(failures)) errors" }
        if let totalBytes, totalBytes > 0 {
            let fraction = min(1, Double(bytes) / Double(totalBytes))
            let width = 24
            let filled = Int(fraction * Double(width))
            line =
                "\r\u{1B}[K[" + String(repeating: "█", count: filled) + String(repeating: "·", count: width - filled) + "] "
                + String(format: "%3.0f%% ", fraction * 100) + line.dropFirst(4)
            if rate > 0 {
                let remaining = Int((Double(totalBytes - bytes) / 1e6 / rate).rounded())
                line += String(format: " · ETA %d:%02d", remaining / 60, remaining % 60)
            }
        }
        line.withUTF8 { _ = writeToDescriptor(2, $0.baseAddress!, $0.count) }
    }

    /// Clears the bar and prints the summary line.
    func finish() {
        if showsBar {
            let clear = "\r\u{1B}[K"
            clear.utf8CString.withUnsafeBufferPointer { _ = writeToDescriptor(2, $0.baseAddress!, $0.count - 1) }
        }
        guard !quiet else { return }
        let elapsed = max(seconds, 1e-6)
        printError(
            "\(Self.grouped(documents)) document\(documents == 1 ? "" : "s"), \(Self.grouped(failures)) error\(failures == 1 ? "" : "s"), "
                + "\(Self.megabytes(bytes)) MB in \(String(format: "%.2f", elapsed)) s (\(String(format: "%.1f", Double(bytes) / 1e6 / elapsed)) MB/s)"
        )
    }

    static func megabytes(_ bytes: Int) -> String { String(format: "%.1f", Double(bytes) / 1e6) }

    static func grouped(_ number: Int) -> String {
        let digits = String(number)
        var out = ""
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { out += "," }
            out.append(digit)
        }
        return out
    }
}
