import ArabicCore

extension EntityScan {
    /// Ministries, committees and national bodies, built from their parts.
    func organizations(into candidates: inout [Candidate]) {
        var ministryFields: [[UInt8]: String?] = [:]  // field → the id of the last ministry named with it
        // What a hit at the token must be able to be (a clitic left out or not) for some rule
        // here to start from it: most tokens are ruled out by one load of their flags. A rule
        // added below adds the flag of its first hit here.
        let starts = LexiconFlags.ministryHead.union(.ministryField).union(.committeeHead).union(.bodyHead).rawValue
        for index in tokens.indices {
            guard hitFlags[2 &* index &+ 1] & starts != 0 else { continue }
            if let ministry = ministry(at: index) {
                candidates.append(ministry.candidate)
                ministryFields[ministry.field] = ministry.candidate.id
                continue
            }
            if let committee = committee(at: index) { candidates.append(committee) }
            if let body = body(at: index) { candidates.append(body) }
            // A lone field after a ministry was named with it: ولفتت الخارجية.
            if !ministryFields.isEmpty, let field = longestHit(at: index, strip: true, .ministryField),
                let id = ministryFields[fieldKey(at: index, field)]
            {
                candidates.append(
                    Candidate(
                        start: index, end: index + field.length, strip: field.strip, type: .organization, subtype: "ministry",
                        id: id, source: "rule:ministry-field", priority: 1))
            }
        }
    }

    func fieldKey(at index: Int, _ hit: Hit) -> [UInt8] {
        (index..<(index + hit.length)).flatMap { Array(tokenBytes($0, dropping: $0 == index ? hit.strip : 0)) + [0x20] }
    }

    func nisbaID(_ hit: Hit) -> String? { entry(of: hit, where: \.isNisba)?.id }

    /// (وزارة)? + field + nisba: وزارة الخارجية الروسية, الخارجية الروسية, وزارة الدفاع.
    /// Without وزارة the nisba must be feminine singular: in "وزير الخارجية الروسي" the
    /// nisba goes with the minister.
    func ministry(at index: Int) -> (candidate: Candidate, field: [UInt8])? {
        var position = index
        var strip = 0
        let head = longestHit(at: index, strip: true, .ministryHead)
        if let head {
            position += head.length
            strip = head.strip
        }
        guard let field = longestHit(at: position, strip: head == nil, .ministryField) else { return nil }
        if head == nil { strip = field.strip }
        let fieldStart = position
        position += field.length
        let nisba = longestHit(at: position, head != nil ? .singularNisba : .feminineNisba)
        guard head != nil || nisba != nil else { return nil }
        let key = fieldKey(at: fieldStart, field)
        let end = position + (nisba?.length ?? 0)
        return (
            Candidate(
                start: index, end: end, strip: strip, type: .organization, subtype: "ministry", id: nisba.flatMap(nisbaID),
                source: "rule:ministry", priority: 2), key
        )
    }

    /// Committee, council, authority + fields and qualifiers + nisba:
    /// لجنة الخارجية النيابية المصرية, مجلس الأمن الدولي, مجلس الوزراء السعودي.
    func committee(at index: Int) -> Candidate? {
        guard let head = longestHit(at: index, strip: true, .committeeHead) else { return nil }
        var position = index + head.length
        var parts = 0
        while let part = longestHit(at: position, [.ministryField, .qualifier]) {
            position += part.length
            parts += 1
        }
        guard parts > 0 else { return nil }
        let nisba = longestHit(at: position, .singularNisba)
        return Candidate(
            start: index, end: position + (nisba?.length ?? 0), strip: head.strip, type: .organization,
            subtype: entry(of: head, where: { $0.isBodyWord("committee") })?.subtype, id: nisba.flatMap(nisbaID),
            source: "rule:committee", priority: 2)
    }

    /// A country's force, government or faction: قوات حفظ السلام الروسية, الجيش الإسرائيلي.
    func body(at index: Int) -> Candidate? {
        guard let head = longestHit(at: index, strip: true, .bodyHead),
            let nisba = longestHit(at: index + head.length, .singularNisba)
        else { return nil }
        return Candidate(
            start: index, end: index + head.length + nisba.length, strip: head.strip, type: .organization,
            subtype: entry(of: head, where: { $0.isBodyWord("body") })?.subtype, id: nisbaID(nisba), source: "rule:national-body",
            priority: 2)
    }
}

extension LexiconEntry {
    var isNisba: Bool { if case .nisba = category { true } else { false } }
    func isBodyWord(_ kind: String) -> Bool { category == .bodyWord(kind) }
    var entityType: EntityType? { if case .name(let type) = category { type } else { nil } }
}
