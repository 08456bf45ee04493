public import ArabicText

/// Something an analysis should find (or not): an entity, a quotation, a clitic reading of
/// a word, or a number of entities or quotations. Each field left out matches anything.
///
/// ```swift
/// let analysis = analysis(of: "وأضافت الخارجية الروسية أن الوضع خطير.")
/// analysis.has(.entity(.organization, "الخارجية الروسية", subtype: "ministry", id: "RU"))  // true
/// analysis.has(.quote(.indirect, speaker: "الخارجية الروسية", cue: "وأضافت"))              // true
/// analysis.has(.entity(.country, "روسيا"))                                                 // false
/// ```
///
/// A rule file writes the same thing after `+` or `-`:
/// `+ entity ORGANIZATION/ministry "الخارجية الروسية" id=RU`, and its description is that line.
public struct Finding: Hashable, Sendable, CustomStringConvertible {
    /// What kind of thing is looked for, with its conditions.
    public enum Subject: Hashable, Sendable {
        /// An entity.
        case entity(type: EntityType?, text: TextMatch, subtype: TextMatch, id: TextMatch, source: TextMatch)
        /// A quotation; `source` is the entity of its source phrase, `rule` the rule that
        /// found the quoted words.
        case quote(
            kind: QuotationKind?, text: TextMatch, speaker: TextMatch, resolved: TextMatch, cue: TextMatch,
            lemma: TextMatch, source: TextMatch, rule: TextMatch)
        /// A clitic reading of a word of the text: `و+ب+ال+خارجيه` (proclitics, stem and
        /// enclitic in normalized form, joined by `+`).
        case reading(word: String, reading: String)
        /// Exactly this many entities.
        case entityCount(Int)
        /// Exactly this many quotations.
        case quoteCount(Int)
    }

    /// What is looked for.
    public var subject: Subject

    /// A finding of this subject.
    public init(_ subject: Subject) { self.subject = subject }

    /// An entity: `.entity(.country, "روسيا", id: "RU")`; `subtype: .absent` for none.
    public static func entity(
        _ type: EntityType? = nil, _ text: TextMatch = .any, subtype: TextMatch = .any, id: TextMatch = .any,
        source: TextMatch = .any
    ) -> Finding {
        Finding(.entity(type: type, text: text, subtype: subtype, id: id, source: source))
    }

    /// A quotation: `.quote(.indirect, speaker: "بوتين")`. `cue` matches the verb as
    /// printed, with or without its attached و or ف (`وأضافت` or `أضافت`); `speaker` the
    /// speaker's mention (`.absent` when the sentence drops it), `resolved` the earlier speaker
    /// a dropped or pronoun subject stands for.
    public static func quote(
        _ kind: QuotationKind? = nil, _ text: TextMatch = .any, speaker: TextMatch = .any, resolved: TextMatch = .any,
        cue: TextMatch = .any, lemma: TextMatch = .any, source: TextMatch = .any, rule: TextMatch = .any
    ) -> Finding {
        Finding(
            .quote(
                kind: kind, text: text, speaker: speaker, resolved: resolved, cue: cue, lemma: lemma, source: source,
                rule: rule))
    }

    /// A clitic reading of one of the text's words: `.reading(of: "وبالخارجية", "و+ب+ال+خارجيه")`.
    public static func reading(of word: String, _ reading: String) -> Finding { Finding(.reading(word: word, reading: reading)) }

    /// Exactly `count` entities.
    public static func entities(_ count: Int) -> Finding { Finding(.entityCount(count)) }

    /// Exactly `count` quotations.
    public static func quotes(_ count: Int) -> Finding { Finding(.quoteCount(count)) }

    /// The finding as a rule file writes it (without the `+` or `-`).
    public var description: String {
        func key(_ name: String, _ match: TextMatch) -> String { match == .any ? "" : " " + name + match.description }
        switch subject {
        case .entity(let type, let text, let subtype, let id, let source):
            var line = "entity"
            var subtypeWritten = false
            if let type {
                line += " " + type.rawValue
                switch subtype {
                case .equals(let value): line += "/" + value
                case .absent: line += "/none"
                case .any, .prefix: break
                }
                subtypeWritten = subtype != .any && !subtype.isPrefix
            }
            if !subtypeWritten { line += key("subtype", subtype) }
            if case .equals(let value) = text { line += " " + RuleSyntax.quoted(value) } else { line += key("text", text) }
            return line + key("id", id) + key("source", source)
        case .quote(let kind, let text, let speaker, let resolved, let cue, let lemma, let source, let rule):
            var line = "quote"
            if let kind { line += " " + kind.rawValue }
            if case .equals(let value) = text { line += " " + RuleSyntax.quoted(value) } else { line += key("text", text) }
            return line + key("speaker", speaker) + key("resolved", resolved) + key("cue", cue) + key("lemma", lemma)
                + key("source", source) + key("rule", rule)
        case .reading(let word, let reading):
            return "reading \(word) \(reading)"
        case .entityCount(let count):
            return "entities \(count)"
        case .quoteCount(let count):
            return "quotes \(count)"
        }
    }
}

extension TextMatch {
    var isPrefix: Bool { if case .prefix = self { true } else { false } }
}
