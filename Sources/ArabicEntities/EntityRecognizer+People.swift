import ArabicCore

extension EntityScan {
    /// Media named after a cue (وكالة “سبوتنيك”، لصحيفة “نيويورك تايمز”), then people:
    /// a title or role and the name after it, or a known given name and the names after it.
    func people(into candidates: inout [Candidate]) {
        // What a hit at the token must be able to be (a clitic left out or not) for some rule
        // here to start from it: most tokens are ruled out by one load of their flags. A rule
        // added below adds the flag of its first hit here.
        let starts = LexiconFlags.mediaCue.union(.title).union(.givenName).union(.speechVerb).rawValue
        for index in tokens.indices {
            guard hitFlags[2 &* index &+ 1] & starts != 0 else { continue }
            if let media = mediaAfterCue(at: index) { candidates.append(media) }
            if let person = personAfterTitle(at: index) ?? personByGivenName(at: index) ?? personAfterSpeechVerb(at: index) {
                candidates.append(person)
            }
        }
    }

    func isQuotationMark(_ index: Int) -> Bool {
        guard index < tokens.count, tokens[index].kind == .punctuation else { return false }
        return Self.quotationMarks.contains { normalized(index, is: $0) }
    }

    /// The name after a media cue, inside quotation marks or not; only the name is the mention.
    func mediaAfterCue(at index: Int) -> Candidate? {
        guard let cue = longestHit(at: index, strip: true, .mediaCue) else { return nil }
        var start = index + cue.length
        let quoted = isQuotationMark(start)
        if quoted { start += 1 }
        if let media = longestHit(at: start, [.media, .ambiguousMedia]),
            let entry = entry(of: media, where: { $0.subtype == "media" })
        {
            return Candidate(
                start: start, end: start + media.length, strip: 0, type: .organization, subtype: "media", id: entry.id,
                source: entry.source, priority: 3)
        }
        // An unknown name between quotation marks: وكالة “سبوتنيك”.
        guard quoted else { return nil }
        var end = start
        while end < tokens.count, end < start + 4, tokens[end].kind.isWord { end += 1 }
        guard end > start, isQuotationMark(end) else { return nil }
        return Candidate(
            start: start, end: end, strip: 0, type: .organization, subtype: "media", id: nil, source: "rule:media-cue",
            priority: 3)
    }

    static let detachedClitics = ["ها", "هم", "هما", "هن", "كم", "كن", "نا", "ني"].map { Array($0.utf8) }
    static let quotationMarks = ["\"", "“", "”", "«", "»", "'"].map { Array($0.utf8) }
    static let ya = Array("ي".utf8), bismi = Array("باسم".utf8), wa = Array("و".utf8)

    /// Whether a token can be part of a name: a word of two letters or more that no lexicon
    /// gives another role, here or as the start of a longer phrase (قره in قره باج), and that
    /// is not a detached clitic (و، ها، هم in pre-tokenized text).
    func isNameToken(_ index: Int) -> Bool {
        guard index < tokens.count, tokens[index].kind == .arabicWord || tokens[index].kind == .latinWord,
            letterCount(index) >= 2,
            // Detached clitics are two or three letters: longer words are not compared.
            tokenBytes(index).count > 6 || !Self.detachedClitics.contains(where: { normalized(index, is: $0) })
        else { return false }
        return hitFlags[2 * index] & ~LexiconFlags.nameParts.rawValue == 0
    }

    func startsWithArticle(_ index: Int) -> Bool { normalized(index, hasPrefix: Self.article) }

    /// The end of a name that starts at `start`: up to five tokens, at most two of them words
    /// no lexicon knows. A word with the article is a name only as a family name ending in ي
    /// after two names (محمد سعيد الكندي), or when a lexicon knows it; news puts common nouns
    /// there far more often (الشيخ محمد يزبك المسؤول).
    func nameEnd(from start: Int, afterTitle: Bool = false) -> Int {
        var end = start
        if let person = longestHit(at: start, .person) {
            end += person.length
            // محمد بن زايد آل نهيان: a known name may go on with a particle and a name.
            guard end + 1 < tokens.count, hasHit(at: end, .particle), isNameToken(end + 1) else { return end }
        }
        var unknown = 0
        while end < tokens.count, end < start + 5 {
            let known = hasHit(at: end, .nameParts)
            // Past two words no lexicon knows, a name has most likely ended (جيرارد ضربة ركنية).
            if !known {
                if unknown == 2 { break }
                unknown += 1
            }
            // و before a word no lexicon knows starts the next clause (فيلتمان وأبلغ); ف does
            // not, since many foreign names begin with it (فيلتمان).
            if !known, end > start, tokens[end].kind == .arabicWord, normalized(end, hasPrefix: Self.wa) { break }
            if startsWithArticle(end) && !known {
                // A family name with the article: after two names if it ends in ي (محمد سعيد
                // الكندي), or right after a title and a given name (الشيخ عبدالله المنيع).
                let afterGivenName = afterTitle && end == start + 1 && hasHit(at: start, [.givenName, .ambiguousGivenName])
                let onlyNisba = LexiconFlags(rawValue: ~0).subtracting([.masculineNisba, .feminineNisba, .pluralNisba])
                let familyName =
                    (end - start >= 2 && normalized(end, hasSuffix: Self.ya) || afterGivenName)
                    && longestHit(at: end, onlyNisba) == nil
                if familyName { end += 1 }
                break
            }
            guard isNameToken(end) else { break }
            end += 1
        }
        return end
    }

    /// Title + name: المتحدثة الرسمية باسم وزارة الخارجية الروسية ماريا زاخاروفا → ماريا زاخاروفا;
    /// الرئيس الروسي فلاديمير بوتين → فلاديمير بوتين.
    func personAfterTitle(at index: Int) -> Candidate? {
        guard let title = longestHit(at: index, strip: true, .title) else { return nil }
        var start = index + title.length
        // باسم + an organization, or a nationality, between the title and the name.
        if start < tokens.count, normalized(start, is: Self.bismi) { start += 1 }
        if let end = organizationEnds[start] { start = end }
        if let nisba = longestHit(at: start, [.masculineNisba, .feminineNisba, .pluralNisba]) { start += nisba.length }
        let end = nameEnd(from: start, afterTitle: true)
        // One unknown word after a title is as often an adjective (الرئيس سعيدا) as a name:
        // take it only when a lexicon knows it as a name.
        guard end > start + 1 || (end > start && hasHit(at: start, [.givenName, .ambiguousGivenName, .person, .ambiguousPerson]))
        else { return nil }
        return Candidate(
            start: start, end: end, strip: 0, type: .person, subtype: nil, id: nil, source: "rule:title+name", priority: 2)
    }

    /// Whether a word that folds to a stop word was printed as one: على and علي both fold to
    /// علي, and only the spelling tells the preposition from the name.
    func isPrintedStopWord(_ index: Int) -> Bool {
        hasHit(at: index, .nameStop) && !printed(index, hasSuffix: Self.ya)
    }

    /// A known given name and the family names after it: أحمد موسى. Ambiguous given names
    /// (أمل، نور، بيان) count only after a title.
    func personByGivenName(at index: Int) -> Candidate? {
        guard !isPrintedStopWord(index), let given = longestHit(at: index, strip: true, .givenName) else { return nil }
        let afterGiven = index + given.length
        // A given name that is also a stop word (علي and على once folded) needs a plain word after it.
        if hasHit(at: index, .nameStop), afterGiven < tokens.count, startsWithArticle(afterGiven) { return nil }
        let end = nameEnd(from: afterGiven)
        guard end > afterGiven else { return nil }
        let source =
            entry(of: given, where: { if case .givenName = $0.category { true } else { false } })?.source ?? "rule:given-name"
        return Candidate(
            start: index, end: end, strip: given.strip, type: .person, subtype: nil, id: nil, source: source, priority: 1)
    }
}

extension EntityScan {
    static let taMarbutaOrHa = [Array("ة".utf8), Array("ه".utf8)]
    static let pluralPronouns = [Array("هم".utf8), Array("هما".utf8), Array("هن".utf8)]

    /// A verb of speech and an unknown word right after it, the subject of the verb in
    /// verb-first order: وقال شافيز، أكد أنان. Common nouns that follow such verbs (مصدر،
    /// مسؤول) are in NameStops.tsv; a word with the article, a feminine noun (…ة) or a word of
    /// fewer than three letters is taken for a noun.
    func personAfterSpeechVerb(at index: Int) -> Candidate? {
        guard let verb = longestHit(at: index, strip: true, .speechVerb) else { return nil }
        let start = index + verb.length
        guard start < tokens.count, tokens[start].kind == .arabicWord, hitStarts[start] == hitStarts[start + 1],
            !startsWithArticle(start), letterCount(start) >= 3,
            !Self.taMarbutaOrHa.contains(where: { printed(start, hasSuffix: $0) }),
            // للصحفيين، لنا: a preposition, not a subject; أحدهم: a pronoun.
            Self.procliticKind(tokenBytes(start)[0], tokenBytes(start)[1]) != .preposition,
            !Self.pluralPronouns.contains(where: { normalized(start, hasSuffix: $0) })
        else { return nil }
        let end = min(nameEnd(from: start), start + 2)
        guard end > start else { return nil }
        return Candidate(
            start: start, end: end, strip: 0, type: .person, subtype: nil, id: nil, source: "rule:speech-verb+name", priority: 0)
    }
}

extension EntityScan {
    /// A person named in full once is often named by the family name alone later on
    /// (… جيفري فيلتمان … وقال فيلتمان): every later lone word equal to the last word of a
    /// full name found before is that person too, unless a lexicon gives it another role.
    func laterMentionsOfPeople() -> [Candidate] {
        // Last word (by its token hash, checked byte for byte) → where its full name ends.
        var familyNames: [UInt64: (token: Int, end: Int)] = [:]
        for index in candidates.indices where candidates[index].type == .person {
            let (start, end) = (candidates[index].start, candidates[index].end)
            guard end - start >= 2 else { continue }
            let last = end - 1
            let key = tokens[last].hash.value
            familyNames[key] = (last, min(familyNames[key]?.end ?? Int.max, end))
        }
        guard !familyNames.isEmpty else { return [] }
        // One bit per family name rules most tokens out before the dictionary is asked.
        var filter = [UInt64](repeating: 0, count: 64)
        for key in familyNames.keys { filter[Int(truncatingIfNeeded: key >> 6) & 63] |= 1 << (key & 63) }
        var found: [Candidate] = []
        for index in tokens.indices where tokens[index].kind == .arabicWord || tokens[index].kind == .latinWord {
            let key = tokens[index].hash.value
            guard filter[Int(truncatingIfNeeded: key >> 6) & 63] & (1 << (key & 63)) != 0,
                let name = familyNames[key], index >= name.end,
                tokenBytes(index).elementsEqual(tokenBytes(name.token)), isNameToken(index)
            else { continue }
            found.append(
                Candidate(
                    start: index, end: index + 1, strip: 0, type: .person, subtype: nil, id: nil, source: "rule:family-name",
                    priority: 0))
        }
        return found
    }
}
