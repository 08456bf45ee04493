import ArabicCore

extension EntityScan {
    /// Ministries, committees and national bodies, built from their parts.
    mutating func findOrganizations() {
        var ministryFields: [[UInt8]: String?] = [:]  // field → the id of the last ministry named with it
        for index in tokens.indices {
            if let ministry = ministry(at: index) {
                candidates.append(ministry.candidate)
                ministryFields[ministry.field] = ministry.candidate.id
                continue
            }
            if let committee = committee(at: index) { candidates.append(committee) }
            if let body = body(at: index) { candidates.append(body) }
            // A lone field after a ministry was named with it: ولفتت الخارجية.
            if let field = longestHit(at: index, strip: true, where: \.isMinistryField),
                let id = ministryFields[fieldKey(at: index, field.hit)]
            {
                candidates.append(
                    Candidate(
                        start: index, end: index + field.hit.length, strip: field.hit.strip, type: .organization,
                        subtype: "ministry", id: id, source: "rule:ministry-field", priority: 1))
            }
        }
    }

    func fieldKey(at index: Int, _ hit: Hit) -> [UInt8] {
        (index..<(index + hit.length)).flatMap { Array(tokenBytes($0, dropping: $0 == index ? hit.strip : 0)) + [0x20] }
    }

    /// (وزارة)? + field + nisba: وزارة الخارجية الروسية, الخارجية الروسية, وزارة الدفاع.
    /// Without وزارة the nisba must be feminine singular: in "وزير الخارجية الروسي" the
    /// nisba goes with the minister.
    func ministry(at index: Int) -> (candidate: Candidate, field: [UInt8])? {
        var position = index
        var strip = 0
        let head = longestHit(at: index, strip: true, where: { $0.isBodyWord("ministry") })
        if let head {
            position += head.hit.length
            strip = head.hit.strip
        }
        guard let field = longestHit(at: position, strip: head == nil, where: \.isMinistryField) else { return nil }
        if head == nil { strip = field.hit.strip }
        let key = fieldKey(at: position, field.hit)
        position += field.hit.length
        let nisba = longestHit(at: position, where: { head != nil ? $0.isNisba && !$0.isPluralNisba : $0.isFeminineSingularNisba })
        guard head != nil || nisba != nil else { return nil }
        let end = position + (nisba?.hit.length ?? 0)
        return (
            Candidate(
                start: index, end: end, strip: strip, type: .organization, subtype: "ministry", id: nisba?.entry.id,
                source: "rule:ministry", priority: 2), key
        )
    }

    /// Committee, council, authority + fields and qualifiers + nisba:
    /// لجنة الخارجية النيابية المصرية, مجلس الأمن الدولي, مجلس الوزراء السعودي.
    func committee(at index: Int) -> Candidate? {
        guard let head = longestHit(at: index, strip: true, where: { $0.isBodyWord("committee") }) else { return nil }
        var position = index + head.hit.length
        var parts = 0
        while let part = longestHit(at: position, where: { $0.isMinistryField || $0.isBodyWord("qualifier") }) {
            position += part.hit.length
            parts += 1
        }
        let nisba = longestHit(at: position, where: { $0.isNisba && !$0.isPluralNisba })
        guard parts > 0 else { return nil }
        return Candidate(
            start: index, end: position + (nisba?.hit.length ?? 0), strip: head.hit.strip, type: .organization,
            subtype: head.entry.subtype, id: nisba?.entry.id, source: "rule:committee", priority: 2)
    }

    /// A country's force, government or faction: قوات حفظ السلام الروسية, الجيش الإسرائيلي.
    func body(at index: Int) -> Candidate? {
        guard let head = longestHit(at: index, strip: true, where: { $0.isBodyWord("body") }),
            let nisba = longestHit(at: index + head.hit.length, where: { $0.isNisba && !$0.isPluralNisba })
        else { return nil }
        return Candidate(
            start: index, end: index + head.hit.length + nisba.hit.length, strip: head.hit.strip, type: .organization,
            subtype: head.entry.subtype, id: nisba.entry.id, source: "rule:national-body", priority: 2)
    }
}

extension LexiconEntry {
    var isPluralNisba: Bool { if case .nisba(_, plural: true) = category { true } else { false } }
}
