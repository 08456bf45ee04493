import ArgumentParser

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A failure the command-line tool reports as one line on standard error.
struct CLIError: Error, CustomStringConvertible {
    let message: String
    /// 1: bad input or output; 2: bad usage.
    let exitCode: Int32

    var description: String { message }

    static func usage(_ message: String) -> CLIError { CLIError(message: message, exitCode: 2) }
    static func input(_ message: String) -> CLIError { CLIError(message: message, exitCode: 1) }

    /// The C library's text for the current `errno`.
    static var systemMessage: String { String(cString: strerror(errno)) }
}

/// Writes one line to standard error, prefixed with the tool's name.
func printError(_ message: String) {
    var line = "arabic-text: \(message)\n"
    line.withUTF8 { bytes in _ = writeToDescriptor(2, bytes.baseAddress!, bytes.count) }
}

/// Runs `body`, turning a ``CLIError`` into its one line on standard error and its exit code.
func reportingErrors(_ body: () throws -> Void) throws {
    do { try body() } catch let error as CLIError {
        printError(error.message)
        throw ExitCode(error.exitCode)
    }
}

/// `write(2)`, named so that it does not clash with methods called `write`.
@inline(__always)
func writeToDescriptor(_ descriptor: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
    write(descriptor, bytes, count)
}
