import Foundation

/// One assertion of a rule file that did not hold: where it is, the sentence, what was
/// expected and what was found, with offsets.
///
/// Its description is what `arabic-text check-rules` prints:
///
/// ```text
/// news.rules:3: not found: + quote speaker=صندوق التنمية العقارية cue=وأردف
///   sentence: وأردف صندوق التنمية العقارية أن القروض ستصرف الشهر المقبل.
///   found:    nothing
/// ```
public struct RuleFailure: Hashable, Sendable, CustomStringConvertible {
    /// The rule file.
    public let file: String
    /// The line of the assertion (or of the example, for a problem of the whole example).
    public let line: Int
    /// The example's text.
    public let sentence: String
    /// The assertion as written, or `nil` for a problem of the whole example.
    public let assertion: String?
    /// What went wrong: `not found`, `found, but must not be`, or a sentence.
    public let problem: String
    /// What the library found that bears on the assertion, one thing a line, with offsets.
    public let found: [String]

    /// A failure; ``RuleAnalyzer/check(_:)`` makes them.
    public init(file: String, line: Int, sentence: String, assertion: String?, problem: String, found: [String]) {
        self.file = file
        self.line = line
        self.sentence = sentence
        self.assertion = assertion
        self.problem = problem
        self.found = found
    }

    /// `file:line: problem: assertion`, then the sentence and what was found, indented.
    public var description: String {
        let head = "\(file):\(line): \(problem)" + (assertion.map { ": " + $0 } ?? "")
        let sentenceLines = sentence.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let body = Self.labelled("sentence", sentenceLines) + "\n" + Self.labelled("found", found.isEmpty ? ["nothing"] : found)
        return head + "\n"
            + body.split(separator: "\n", omittingEmptySubsequences: false).map { "  " + $0 }.joined(separator: "\n")
    }

    /// `label:` padded to one width, then the lines, the later ones under the first.
    static func labelled(_ label: String, _ lines: [String]) -> String {
        let head = (label + ":").padding(toLength: 10, withPad: " ", startingAt: 0)
        let indent = String(repeating: " ", count: 10)
        return lines.enumerated().map { ($0.offset == 0 ? head : indent) + $0.element }.joined(separator: "\n")
    }
}

/// The outcome of checking one rule file: how many examples and assertions, and the
/// failures.
///
/// ```swift
/// let report = try RuleAnalyzer.shared().check(RuleFile(contentsOfFile: "my-rules/news.rules"))
/// print(report)         // the failures, then "my-rules/news.rules: 3 examples, 7 assertions, all passed"
/// report.passed         // true
/// ```
public struct RuleReport: Hashable, Sendable, CustomStringConvertible {
    /// The rule file.
    public let file: String
    /// How many examples it has.
    public let examples: Int
    /// How many assertions it has.
    public let assertions: Int
    /// What did not hold, in file order.
    public let failures: [RuleFailure]

    /// A report; ``RuleAnalyzer/check(_:)`` makes them.
    public init(file: String, examples: Int, assertions: Int, failures: [RuleFailure]) {
        self.file = file
        self.examples = examples
        self.assertions = assertions
        self.failures = failures
    }

    /// Whether every assertion held.
    public var passed: Bool { failures.isEmpty }

    /// One line: `news.rules: 3 examples, 7 assertions, all passed`, or how many failed.
    public var summary: String {
        let counts = "\(examples) example\(examples == 1 ? "" : "s"), "
        if failures.isEmpty { return "\(file): \(counts)\(assertions) assertion\(assertions == 1 ? "" : "s"), all passed" }
        return "\(file): \(counts)\(failures.count) of \(assertions) assertion\(assertions == 1 ? "" : "s") failed"
    }

    /// The failures, each followed by a blank line, then the summary.
    public var description: String { failures.map { $0.description + "\n\n" }.joined() + summary }
}

extension RuleAnalyzer {
    /// Checks every example of a rule file: each `+` finding must be there, each `-` one must
    /// not, and every span found must read back its own text.
    public func check(_ file: RuleFile) -> RuleReport {
        var failures: [RuleFailure] = []
        var assertions = 0
        for example in file.examples {
            let found = analysis(of: example.text)
            func failure(_ line: Int, _ assertion: String?, _ problem: String, _ items: [String]) -> RuleFailure {
                RuleFailure(
                    file: file.name, line: line, sentence: example.text, assertion: assertion, problem: problem, found: items)
            }
            if let error = found.error {
                failures.append(failure(example.line, nil, "the text could not be analyzed", [error]))
                assertions += example.assertions.count
                continue
            }
            for problem in found.spanProblems {
                failures.append(failure(example.line, nil, "a span does not read back", [problem]))
            }
            for assertion in example.assertions {
                assertions += 1
                let check = found.check(assertion.finding)
                if let note = check.note {
                    failures.append(failure(assertion.line, assertion.written, note, check.candidates))
                } else if assertion.mustBeFound && !check.isFound {
                    failures.append(failure(assertion.line, assertion.written, "not found", check.candidates))
                } else if !assertion.mustBeFound && check.isFound {
                    failures.append(failure(assertion.line, assertion.written, "found, but must not be", check.matching))
                }
            }
        }
        return RuleReport(file: file.name, examples: file.examples.count, assertions: assertions, failures: failures)
    }
}
