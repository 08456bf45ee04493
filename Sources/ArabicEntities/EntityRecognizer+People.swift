import ArabicCore

extension EntityScan {
    /// Media named after a cue (وكالة “سبوتنيك”، لصحيفة “نيويورك تايمز”), then people:
    /// a title or role and the name after it, or a known given name and the names after it.
    mutating func findPeople() {
        for index in tokens.indices {
            if let media = mediaAfterCue(at: index) { candidates.append(media) }
            if let person = personAfterTitle(at: index) ?? personByGivenName(at: index) { candidates.append(person) }
        }
    }

    func isQuotationMark(_ index: Int) -> Bool {
        guard index < tokens.count, tokens[index].kind == .punctuation else { return false }
        return ["\"", "“", "”", "«", "»", "'"].contains(tokens[index].normalized)
    }

    /// The name after a media cue, inside quotation marks or not; only the name is the mention.
    func mediaAfterCue(at index: Int) -> Candidate? {
        guard let cue = longestHit(at: index, strip: true, where: { $0.isBodyWord("mediaCue") }) else { return nil }
        var start = index + cue.hit.length
        let quoted = isQuotationMark(start)
        if quoted { start += 1 }
        if let media = longestHit(at: start, where: { $0.entityType == .organization && $0.subtype == "media" }) {
            return Candidate(
                start: start, end: start + media.hit.length, strip: 0, type: .organization, subtype: "media", id: media.entry.id,
                source: media.entry.source, priority: 3)
        }
        // An unknown name between quotation marks: وكالة “سبوتنيك”.
        guard quoted else { return nil }
        var end = start
        while end < tokens.count, end < start + 4, tokens[end].kind.isWord { end += 1 }
        guard end > start, isQuotationMark(end) else { return nil }
        return Candidate(start: start, end: end, strip: 0, type: .organization, subtype: "media", id: nil, source: "rule:media-cue", priority: 3)
    }

    /// Whether a token can be part of a name: a word of two letters or more that no lexicon
    /// gives another role, here or as the start of a longer phrase (قره in قره باج), and that
    /// is not a detached clitic (و، ها، هم in pre-tokenized text).
    func isNameToken(_ index: Int) -> Bool {
        guard index < tokens.count, tokens[index].kind == .arabicWord || tokens[index].kind == .latinWord,
            tokens[index].normalized.count >= 2, !Self.detachedClitics.contains(String(tokens[index].normalized))
        else { return false }
        for hit in hits[index] where hit.strip == 0 {
            for entry in hit.entries {
                switch entry.category {
                case .givenName, .nameParticle: continue
                case .name(.person): continue
                default: return false
                }
            }
        }
        return true
    }

    static let detachedClitics: Set<String> = ["ها", "هم", "هما", "هن", "كم", "كن", "نا", "ني"]

    func startsWithArticle(_ index: Int) -> Bool { tokens[index].normalized.hasPrefix("ال") }

    /// The end of a name that starts at `start`: up to four name tokens. A word with the
    /// article is a name only as a family name ending in ي after two names (محمد سعيد الكندي),
    /// or when a lexicon knows it; news puts common nouns there far more often (الشيخ محمد
    /// يزبك المسؤول).
    func nameEnd(from start: Int) -> Int {
        var end = start
        if let person = longestHit(at: start, where: { $0.entityType == .person }) {
            end += person.hit.length
            // محمد بن زايد آل نهيان: a known name may go on with a particle and a name.
            guard end + 1 < tokens.count, longestHit(at: end, where: \.isNameParticle) != nil, isNameToken(end + 1) else {
                return end
            }
        }
        var unknown = 0
        while end < tokens.count, end < start + 5 {
            let known = longestHit(at: end, where: { $0.isGivenName || $0.entityType == .person || $0.isNameParticle }) != nil
            // Past two words no lexicon knows, a name has most likely ended (جيرارد ضربة ركنية).
            if !known {
                if unknown == 2 { break }
                unknown += 1
            }
            if startsWithArticle(end) && !known {
                let familyName = end - start >= 2 && tokens[end].normalized.hasSuffix("ي")
                    && longestHit(at: end, where: { !$0.isNisba }) == nil
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
        guard let title = longestHit(at: index, strip: true, where: \.isTitle) else { return nil }
        var start = index + title.hit.length
        // باسم + an organization, or a nationality, between the title and the name.
        if start < tokens.count, tokens[start].normalized == "باسم" { start += 1 }
        if let organization = candidates.filter({ $0.start == start && $0.type == .organization }).max(by: { $0.end < $1.end }) {
            start = organization.end
        }
        if let nisba = longestHit(at: start, where: \.isNisba) { start += nisba.hit.length }
        let end = nameEnd(from: start)
        // One unknown word after a title is as often an adjective (الرئيس سعيدا) as a name:
        // take it only when a lexicon knows it as a name.
        guard end > start + 1 || (end > start && longestHit(at: start, where: { $0.isGivenName || $0.entityType == .person }) != nil)
        else {
            return nil
        }
        return Candidate(start: start, end: end, strip: 0, type: .person, subtype: nil, id: nil, source: "rule:title+name", priority: 2)
    }

    /// Whether a word that folds to a stop word was printed as one: على and علي both fold to
    /// علي, and only the spelling tells the preposition from the name.
    func isPrintedStopWord(_ index: Int) -> Bool {
        guard longestHit(at: index, where: \.isNameStop) != nil else { return false }
        return !tokens[index].text.hasSuffix("ي")
    }

    /// A known given name and the family names after it: أحمد موسى. Ambiguous given names
    /// (أمل، نور، بيان) count only after a title.
    func personByGivenName(at index: Int) -> Candidate? {
        guard !isPrintedStopWord(index),
            let given = longestHit(at: index, strip: true, where: { $0.isGivenName && !$0.isAmbiguous })
        else { return nil }
        let afterGiven = index + given.hit.length
        // A given name that is also a stop word (علي and على once folded) needs a plain word after it.
        if longestHit(at: index, where: \.isNameStop) != nil, afterGiven < tokens.count, startsWithArticle(afterGiven) {
            return nil
        }
        let end = nameEnd(from: afterGiven)
        guard end > afterGiven else { return nil }
        return Candidate(
            start: index, end: end, strip: given.hit.strip, type: .person, subtype: nil, id: nil, source: given.entry.source,
            priority: 1)
    }
}
