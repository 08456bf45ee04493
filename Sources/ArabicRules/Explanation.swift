public import ArabicText

/// Why the library finds what it finds in one text: the normalized text, each token with
/// its clitic readings and every lexicon line that knows it, and for each entity and
/// quotation the lexicon line or rule that produced it. `arabic-text explain` prints it.
///
/// ```swift
/// let explanation = try RuleAnalyzer.shared().explain("وأضافت الخارجية الروسية أن الوضع خطير.")
/// print(explanation)
/// // text:       وأضافت الخارجية الروسية أن الوضع خطير.
/// // normalized: واضافت الخارجيه الروسيه ان الوضع خطير.
/// // …
/// ```
public struct Explanation: Sendable, CustomStringConvertible {
    /// One token and what the lexicons say about it.
    public struct Word: Sendable {
        /// The token.
        public let token: Token
        /// Its clitic readings, most plausible first (`و+اضافت`), for Arabic words.
        public let readings: [String]
        /// What the lexicons say about the phrases that start at it, its cue verb or reporting
        /// noun, each with its lexicon line: `"الخارجيه": ministry field (MinistryFields.tsv:7)`.
        public let lexicon: [String]
    }

    /// What was found, as a rule test sees it.
    public let analysis: RuleAnalysis
    /// The normalized text, which the rules match.
    public let normalized: String
    /// The tokens, in order.
    public let words: [Word]

    /// The text, the tokens and what was found, with Unicode scalar offsets.
    public var description: String {
        var lines = ["text:       " + analysis.text, "normalized: " + normalized, "", "tokens (Unicode scalar offsets):"]
        for word in words {
            let token = word.token
            let normalized = token.normalized == token.text ? "" : " → " + token.normalized
            lines.append("  \(analysis.offsets(token.range)) \(token.text)\(normalized)  \(token.kind.rawValue)")
            if word.readings.count > 1 { lines.append("      clitics  " + word.readings.joined(separator: " | ")) }
            for note in word.lexicon { lines.append("      lexicon  " + note) }
        }
        lines.append("entities:")
        if analysis.entities.isEmpty { lines.append("  none") }
        for entity in analysis.entities { lines.append("  " + analysis.describe(entity)) }
        lines.append("quotes:")
        if analysis.quotations.isEmpty { lines.append("  none") }
        for quote in analysis.quotations {
            lines.append("  " + analysis.describe(quote))
            if let cue = quote.cue {
                lines.append("      cue      \(cue.text) \(analysis.offsets(cue.range)) from \(cue.source)")
            }
            lines.append("      speaker  " + describe(quote.speaker))
            if let source = quote.source { lines.append("      source   " + describe(source)) }
        }
        if let error = analysis.error { lines.append("error: " + error) }
        return lines.joined(separator: "\n")
    }

    /// A speaker: its mention, or whom it stands for, and how it was found.
    func describe(_ speaker: Speaker?) -> String {
        guard let speaker else { return "none found" }
        var text = speaker.text.map { "\($0) \(speaker.range.map(analysis.offsets) ?? "")" } ?? "dropped"
        if let entity = speaker.entity { text += ", entity \(entity)" }
        if let resolved = speaker.resolved { text += ", stands for \(resolved)" }
        return text + ", by " + speaker.rule
    }

    /// What a lexicon entry makes of a phrase.
    static func describe(_ entry: LexiconEntry) -> String {
        var role: String
        switch entry.category {
        case .name(let type): role = type.rawValue + (entry.subtype.map { "/" + $0 } ?? "")
        case .nisba(let feminine, let plural): role = "nisba, " + (plural ? "plural" : feminine ? "feminine" : "masculine")
        case .ministryField: role = "ministry field"
        case .bodyWord(let kind):
            role =
                ["ministry": "ministry head", "committee": "committee head", "body": "body head", "mediaCue": "media cue"][
                    kind] ?? kind
        case .title(let feminine): role = feminine ? "title, feminine" : "title"
        case .givenName(let feminine): role = "given name, " + (feminine ? "feminine" : "masculine")
        case .nameParticle(let kind): role = "name particle" + (kind.isEmpty ? "" : ", " + kind)
        case .dateWord(let kind, let value): role = "date word, \(kind)" + (value.isEmpty ? "" : " \(value)")
        case .nameStop: role = entry.subtype == "speechVerb" ? "verb of speech (ends a name)" : "ends a name"
        }
        if let id = entry.id { role += " id=\(id)" }
        if entry.isAmbiguous { role += ", ambiguous (only where a rule gives context)" }
        return role + " (\(entry.source))"
    }
}

extension RuleAnalyzer {
    /// Explains what the library finds in `text` and why.
    public func explain(_ text: String) throws -> Explanation {
        let analysis = analysis(of: text)
        let tokenizer = finder.recognizer.tokenizer
        let tokens = try tokenizer.tokens(in: text)
        var notes = Array(repeating: [String](), count: tokens.count)
        for match in try finder.recognizer.lexiconMatches(in: text) where match.token < tokens.count {
            let words = tokens[match.token..<min(tokens.count, match.token + match.length)].map { String($0.normalized) }
            let first = words[0].utf8
            let phrase = ([String(decoding: first.dropFirst(match.strip), as: UTF8.self)] + words.dropFirst()).joined(
                separator: " ")
            let after = match.strip > 0 ? ", after " + String(decoding: first.prefix(match.strip), as: UTF8.self) : ""
            for entry in match.entries { notes[match.token].append("\"\(phrase)\"\(after): " + Explanation.describe(entry)) }
        }
        for (index, token) in tokens.enumerated() where token.kind == .arabicWord {
            if let (cue, strip) = finder.cue(normalized: ArraySlice(token.normalized.utf8)) {
                let form = (cue.feminine ? "feminine" : "masculine") + (cue.plural ? " plural" : "")
                let takes = cue.takesObject ? ", reports its object" : ""
                notes[index].append(
                    "cue verb, lemma \(cue.lemma), \(form)\(takes)\(strip > 0 ? ", after \(token.normalized.prefix(1))" : "") (\(cue.source))"
                )
            }
            if let noun = finder.reportingNoun(normalized: String(token.normalized)) {
                notes[index].append((noun.isPronoun ? "pronoun speaker" : "reporting noun") + " (\(noun.source))")
            }
        }
        let words = tokens.enumerated().map { index, token in
            Explanation.Word(
                token: token, readings: token.kind == .arabicWord ? analysis.readings(of: String(token.normalized)) : [],
                lexicon: notes[index])
        }
        return Explanation(analysis: analysis, normalized: tokenizer.normalizer.normalizedString(text), words: words)
    }
}
