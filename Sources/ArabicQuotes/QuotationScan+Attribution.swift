import ArabicCore
import ArabicEntities

extension QuotationScan {
    /// The cue verb at `index` (with و or ف attached or not), as its place in the finder's
    /// `cueForms`, and where its letters start.
    func cue(at index: Int) -> (form: Int, strip: Int)? {
        // Most words pass neither filter and are ruled out by their flags alone.
        let flags = tokenFlags[index]
        guard flags & (TokenFlags.cue | TokenFlags.cueAfterConjunction) != 0 else { return nil }
        let word = normalizedBytes(index)
        if flags & TokenFlags.cue != 0, let found = finder.cues[tokens[index].hash.value], finder.cueForms[found].matches(word) {
            return (found, 0)
        }
        guard flags & TokenFlags.cueAfterConjunction != 0 else { return nil }
        guard let first = word.first, let second = word.dropFirst().first, first == 0xD9, second == 0x88 || second == 0x81 else {
            return nil  // و (D9 88) or ف (D9 81)
        }
        // The tokenizer hashed the word from its third byte on: the word without و or ف.
        let rest = word.dropFirst(2)
        if let found = finder.cues[tokens[index].restHash.value], finder.cueForms[found].matches(rest) {
            return (found, 1)
        }
        return nil
    }

    /// Every cue verb of a paragraph with its speaker and what it introduces. `paragraphIndex`
    /// is the document's paragraph index, built here for this paragraph at its first cue.
    func attributeCues(
        in paragraph: Range<Int>, spans spanIndices: Range<Int>, index paragraphIndex: inout ParagraphIndex,
        state: inout AttributionState
    ) {
        // Most paragraphs have no word that may be a cue: nothing to set up for them.
        let cueBits = TokenFlags.cue | TokenFlags.cueAfterConjunction
        var next = firstFlagged(cueBits, in: paragraph)
        guard next < paragraph.upperBound else { return }
        // Candidates for partial quotations, in order, looked up by binary search per cue.
        // (A span of only marks and punctuation quotes nothing.)
        // (Both lists are the document's buffers, taken for the paragraph and given back.)
        var shortSpans: [QuoteSpan] = []
        var pending: [PendingQuotation] = []
        swap(&shortSpans, &state.shortSpansBuffer)
        swap(&pending, &state.pendingBuffer)
        defer {
            if !shortSpans.isEmpty { shortSpans.removeAll(keepingCapacity: true) }
            if !pending.isEmpty { pending.removeAll(keepingCapacity: true) }
            swap(&shortSpans, &state.shortSpansBuffer)
            swap(&pending, &state.pendingBuffer)
        }
        for span in spans[spanIndices]
        where !span.isName && span.close != nil && span.content.count <= 8 && !range(of: span.content).isEmpty {
            shortSpans.append(span)
        }
        shortSpans.sort { $0.content.lowerBound < $1.content.lowerBound }
        var openSpans = OpenSpans(count: shortSpans.count)
        // The paragraph's quotations, for the overlap test of partial ones: filled from
        // `pending` when a partial candidate needs it.
        var quotedRanges = QuotedRanges(tokens: shortSpans.isEmpty ? 0 : paragraph.count)
        // The paragraph's quotations (`pending`) are reported, cut and their text copied, at its end.
        var recorded = 0
        // Built at the first cue of the paragraph.
        var indexed = false
        // Source phrases of the paragraph, found once, when the first cue needs them.
        var sourcePhrases: [(start: Int, end: Int, phrase: Int)]?
        // Words that pass no cue filter are skipped 8 at a time, without a call.
        while next < paragraph.upperBound {
            let index = next
            next = firstFlagged(cueBits, in: (index + 1)..<paragraph.upperBound)
            // نقلا عن is a source phrase, not the verb نقل.
            guard let (form, strip) = cue(at: index), !insideQuotation(index), entityMap[startingAt: index] == nil,
                sourcePhraseEnd(at: index) == nil
            else { continue }
            let entry = finder.cueForms[form].entry
            if !indexed {
                build(&paragraphIndex, of: paragraph)
                indexed = true
            }
            let sentenceEnd = paragraphIndex.sentenceEnd(from: index)
            let (speaker, afterSpeaker) = speaker(
                after: index, entry: entry, until: sentenceEnd, in: paragraph, history: state.history)
            let cue = makeCue(at: index, strip: strip, entry: entry)
            if sourcePhrases == nil { sourcePhrases = sourcePhrasesOf(paragraph) }
            state.currentSource = source(before: index, in: paragraph, phrases: sourcePhrases ?? [], index: paragraphIndex)
            var found = false
            if let (kind, content, rule) = content(
                from: afterSpeaker, entry: entry, sentenceEnd: sentenceEnd, paragraph: paragraph, index: paragraphIndex)
            {
                pend(&pending, kind, content, cue: cue, at: index, speaker: speaker, rule: rule, state: &state)
                found = true
            }
            // Short quoted phrases in the rest of the sentence are this speaker's words.
            var first = 0, last = shortSpans.count
            while first < last {
                let middle = (first + last) / 2
                if shortSpans[middle].content.lowerBound <= index { first = middle + 1 } else { last = middle }
            }
            var candidate = openSpans.first(from: first)
            while candidate < shortSpans.count {
                let span = shortSpans[candidate]
                guard span.content.lowerBound < sentenceEnd else { break }
                defer { candidate = openSpans.first(from: candidate + 1) }
                guard span.content.upperBound <= sentenceEnd else { continue }
                // The quotations found since the last look go into the overlap index.
                for quotation in pending[recorded...] {
                    let token = firstToken(startingAtOrAfter: quotation.range.lowerBound, in: paragraph)
                    quotedRanges.insert(token: token - paragraph.lowerBound, end: quotation.range.upperBound)
                }
                recorded = pending.count
                // A quotation overlaps the span when it starts before the span ends and ends after it starts.
                let quoted = range(of: span.content)
                let before = firstToken(startingAtOrAfter: quoted.upperBound, in: paragraph) - paragraph.lowerBound
                openSpans.close(candidate)  // it overlaps a quotation, or is about to be one
                guard quotedRanges.furthestEnd(startingBefore: before) <= quoted.lowerBound else { continue }
                pend(&pending, .partial, span.content, cue: cue, at: index, speaker: speaker, rule: "rule:partial", state: &state)
                found = true
            }
            if found { remember(speaker, in: &state.history) }
        }
        report(pending, into: &state)
    }

    /// The source phrases of a paragraph, in order: where each starts and ends, and which it is.
    func sourcePhrasesOf(_ paragraph: Range<Int>) -> [(start: Int, end: Int, phrase: Int)] {
        let sourceBits = TokenFlags.sourceStart | TokenFlags.sourceStartAfterWa
        var phrases: [(start: Int, end: Int, phrase: Int)] = []
        var position = firstFlagged(sourceBits, in: paragraph)
        while position < paragraph.upperBound {
            if let found = sourcePhrase(at: position) { phrases.append((position, found.end, found.phrase)) }
            position = firstFlagged(sourceBits, in: (position + 1)..<paragraph.upperBound)
        }
        return phrases
    }

    /// The speaker after a cue (VSO), inside a role (المتحدثة الرسمية … ماريا زاخاروفا), before
    /// it (SVO), or carried over; and the token where what was said may start.
    func speaker(
        after cueIndex: Int, entry: QuotationFinder.CueEntry, until sentenceEnd: Int, in paragraph: Range<Int>,
        history: SpeakerHistory
    ) -> (Speaker?, Int) {
        var position = cueIndex + 1
        // Commas and dates between the verb and its subject: دعت روسيا، اليوم الأربعاء، …
        func skipAdverbials() {
            while position < sentenceEnd {
                if isPunctuation(position, PunctuationBits.firstIsComma) {
                    position += 1
                } else if let found = entityMap[startingAt: position], entities[found.entity].type == .date {
                    position = found.end
                } else {
                    break
                }
            }
        }
        skipAdverbials()
        guard position < sentenceEnd else { return (carriedOver(entry, history: history), position) }
        // An entity right after the verb.
        if let found = entityMap[startingAt: position], entities[found.entity].type != .date {
            return (mention(entity: found.entity, rule: "rule:after-verb"), found.end)
        }
        // A role, then the person: the first person before the colon, quotation mark or أن.
        if tokens[position].kind == .arabicWord && !isThatWord(position) {
            var probe = position
            while probe < min(sentenceEnd, position + 16), !isPunctuation(probe, PunctuationBits.firstIsColon), !isMark(probe),
                !isThatWord(probe)
            {
                if let found = entityMap[startingAt: probe], entities[found.entity].type == .person {
                    return (mention(entity: found.entity, rule: "rule:after-role"), found.end)
                }
                probe += 1
            }
        }
        // A reporting noun (مسؤولون أمريكيون) or a pronoun (أحدهم).
        if let noun = reportingNoun(at: position) {
            var end = position + 1
            if !noun.isPronoun, end < sentenceEnd, tokens[end].kind == .arabicWord,
                ["يون", "يين", "يه", "ي"].contains(where: { normalized(end, hasSuffix: $0) })
            {
                end += 1
            }
            var speaker = Speaker(
                range: range(of: position..<end), text: textOf(position..<end), entity: nil, resolved: nil, rule: noun.source)
            if noun.isPronoun { speaker.resolved = history.lastPlural?.text ?? history.last?.text }
            return (speaker, end)
        }
        // Subject before the verb: الوزير قال …
        if let (entityIndex, _) = entityEnding(at: cueIndex), entities[entityIndex].type != .date {
            return (mention(entity: entityIndex, rule: "rule:before-verb"), cueIndex + 1)
        }
        return (carriedOver(entry, history: history), position)
    }

    /// The reporting noun or pronoun the token at `position` is (مسؤولون، أحدهم). An Arabic
    /// word certainly in NFC is ruled out by its flags when its hash is no noun's.
    func reportingNoun(at position: Int) -> QuotationFinder.ReportingNoun? {
        if finder.reportingNounsAreNFC, tokens[position].kind == .arabicWord,
            tokenFlags[position] & TokenFlags.reportingNoun == 0, Self.isCertainlyNFC(normalizedBytes(position))
        {
            return nil
        }
        return finder.reportingNouns[normalizedString(position)]
    }

    func entityEnding(at index: Int) -> (Int, Int)? { entityMap.ending(at: index).map { ($0.entity, $0.start) } }

    /// The source named by a source phrase earlier in the sentence of the cue at `cueIndex`:
    /// the entity after the phrase, across a media cue and quotation marks.
    func source(
        before cueIndex: Int, in paragraph: Range<Int>, phrases: [(start: Int, end: Int, phrase: Int)], index: ParagraphIndex
    ) -> Speaker? {
        // The last source phrase of the sentence before the cue: phrases are in order, and
        // those that start after the cue end after it, so the search starts at the last
        // that starts at or before it (a binary search) and steps back over the few that
        // overlap the cue.
        var low = 0, high = phrases.count
        while low < high {
            let middle = (low + high) / 2
            if phrases[middle].start <= cueIndex { low = middle + 1 } else { high = middle }
        }
        guard let phrase = phrases[..<low].last(where: { $0.end <= cueIndex }) else { return nil }
        // No sentence-ending mark between the phrase and the cue.
        if let stop = index.lastStopMark(before: cueIndex), stop >= phrase.start { return nil }
        do {
            let after = phrase.end
            var probe = after
            // An entity within 4 tokens of the phrase, or none.
            while probe < min(cueIndex, after + 4), entityMap[startingAt: probe] == nil { probe += 1 }
            if let found = entityMap[startingAt: probe], probe < after + 4 {
                return mention(entity: found.entity, rule: finder.sourcePhrases[phrase.phrase].source)
            }
        }
        return nil
    }

    /// The token after a source phrase that starts at `index` (وحسب، بحسب، نقلا عن، وفقا لـ …).
    /// A phrase ending in ل ends inside the next word, which is then part of the source.
    func sourcePhraseEnd(at index: Int) -> Int? { sourcePhrase(at: index)?.end }

    /// The source phrase that starts at `index` (its index in the finder's list), and the
    /// token after it.
    func sourcePhrase(at index: Int) -> (end: Int, phrase: Int)? {
        // Most words pass no filter of the phrases' first words, and are ruled out at once.
        guard tokenFlags[index] & (TokenFlags.sourceStart | TokenFlags.sourceStartAfterWa) != 0 else { return nil }
        let wa = QuotationFinder.wa, lam = QuotationFinder.lam
        // A phrase is compared only when its first word's hash is the token's, or the
        // token's without an attached و.
        let (hash, restHash) = (tokens[index].hash.value, tokens[index].restHash.value)
        let word = normalizedBytes(index)
        let afterWa = word.count >= 2 && word[word.startIndex] == wa[0] && word[word.startIndex + 1] == wa[1]
        let firstHashes = finder.sourcePhraseFirstHashes
        for phraseIndex in firstHashes.indices {
            if let first = firstHashes[phraseIndex], first != hash, !afterWa || first != restHash { continue }
            let phrase = finder.sourcePhraseWords[phraseIndex]
            var position = index
            var matched = true
            for (offset, expected) in phrase.enumerated() {
                guard position < tokens.count else {
                    matched = false
                    break
                }
                var token = normalizedBytes(position)
                if offset == 0 && token.starts(with: wa) && !token.elementsEqual(expected) { token = token.dropFirst(wa.count) }
                if expected == lam && offset == phrase.count - 1 {
                    if token.elementsEqual(lam) {
                        position += 1  // لـ written apart
                    } else if !token.starts(with: lam) {
                        matched = false
                    }
                    break
                }
                guard token.elementsEqual(expected) else {
                    matched = false
                    break
                }
                position += 1
            }
            if matched { return (position, phraseIndex) }
        }
        return nil
    }

    /// The last speaker that agrees with a verb that has no subject of its own.
    func carriedOver(_ entry: QuotationFinder.CueEntry, history: SpeakerHistory) -> Speaker? {
        guard let previous = history.last(feminine: entry.feminine, plural: entry.plural) else {
            return nil
        }
        return Speaker(range: nil, text: nil, entity: nil, resolved: previous.text, rule: "rule:carried-over")
    }

    func mention(entity: Int, rule: String) -> Speaker {
        let entityValue = entities[entity]
        return Speaker(range: entityValue.range, text: entityValue.text, entity: entity, resolved: nil, rule: rule)
    }

    /// What the cue introduces: `: "…"`, `: …`, `أن "…"`, `أن …`, or, for verbs that take an
    /// object (دعا، أدان), the rest of the sentence.
    func content(
        from start: Int, entry: QuotationFinder.CueEntry, sentenceEnd: Int, paragraph: Range<Int>, index: ParagraphIndex
    ) -> (QuotationKind, Range<Int>, rule: String)? {
        var position = start
        // Commas and dates right after the speaker still count as the head of the content.
        var head = start
        while head < sentenceEnd, isPunctuation(head, PunctuationBits.firstIsComma) || entities(startingAt: head, type: .date) {
            head = entityMap[startingAt: head].map { $0.end } ?? head + 1
        }
        while position < sentenceEnd {
            if position > head {
                // Past the head only a colon, or أنّ for a verb of saying, ends the walk
                // (quoted marks are stepped over whole): the paragraph's index knows where.
                position = index.stop(from: position, takesObject: entry.takesObject)
                guard position < sentenceEnd else { break }
            }
            if isPunctuation(position, PunctuationBits.firstIsColon) {
                if let found = span(openingAt: position + 1) ?? span(openingAt: position + 2), !spans[found].isName {
                    return (.direct, spans[found].content, "rule:colon+marks")
                }
                return (.direct, (position + 1)..<paragraph.upperBound, "rule:colon")
            }
            if isMark(position), let found = span(openingAt: position) {
                // Marks start the speaker's words only right after the speaker; later in the
                // sentence they hold a name or a partial quotation.
                if spans[found].isName || position > head {
                    position = (spans[found].close ?? position) + 1
                    continue
                }
                return (.direct, spans[found].content, "rule:marks")
            }
            // أنّ/إنّ: anywhere for verbs of saying; right after the subject for verbs that take
            // an object (in أدانت … وصنفت الحادث على أنه …, أنه belongs to another verb).
            if isThatWord(position) && (!entry.takesObject || position == head) {
                if position + 1 < paragraph.upperBound, isMark(position + 1), let found = span(openingAt: position + 1),
                    !spans[found].isName
                {
                    return (.direct, spans[found].content, "rule:that+marks")
                }
                return (.indirect, (position + 1)..<sentenceEnd, "rule:that")
            }
            position += 1
        }
        guard entry.takesObject else { return nil }
        var objectStart = start
        while objectStart < sentenceEnd,
            isPunctuation(objectStart, PunctuationBits.firstIsComma) || entities(startingAt: objectStart, type: .date)
        {
            objectStart = entityMap[startingAt: objectStart].map { $0.end } ?? objectStart + 1
        }
        return objectStart < sentenceEnd ? (.indirect, objectStart..<sentenceEnd, "rule:object") : nil
    }

    func entities(startingAt index: Int, type: EntityType) -> Bool {
        entityMap[startingAt: index].map { entities[$0.entity].type == type } ?? false
    }

    /// The headline form SPEAKER: QUOTE, on a line or in a segment of a list line between
    /// `..` (نتنياهو تحت الأرض.. أحمد موسى عن العملية العسكرية بلبنان: أكبر اختراق …).
    func findHeadline(in paragraph: Range<Int>, state: inout AttributionState) {
        // A period is a punctuation token whose first byte is "." (its bit found 8 tokens
        // at a time: this walks every paragraph without a quotation).
        var segmentStart = paragraph.lowerBound
        var index = paragraph.lowerBound
        while index < paragraph.upperBound {
            let period = firstPunctuation(PunctuationBits.period, in: index..<paragraph.upperBound)
            guard period + 1 < paragraph.upperBound else { break }
            if punctuation[period + 1] & PunctuationBits.period != 0 {
                headline(in: segmentStart..<period, state: &state)
                segmentStart = period + 2
                index = period + 2
            } else {
                index = period + 1
            }
        }
        headline(in: segmentStart..<paragraph.upperBound, state: &state)
    }

    func headline(in segment: Range<Int>, state: inout AttributionState) {
        var start = segment.lowerBound
        while start < segment.upperBound, tokens[start].kind != .arabicWord, tokens[start].kind != .latinWord { start += 1 }
        guard let found = entityMap[startingAt: start], [.person, .organization, .country].contains(entities[found.entity].type),
            let colon = (start..<min(segment.upperBound, start + 9)).first(where: {
                isPunctuation($0, PunctuationBits.firstIsColon)
            }),
            !(start..<colon).contains(where: { cue(at: $0) != nil }),
            (colon + 1..<segment.upperBound).filter({ tokens[$0].kind.isWord }).count >= 2
        else { return }
        let speaker = mention(entity: found.entity, rule: "rule:headline")
        append(.direct, (colon + 1)..<segment.upperBound, cue: nil, speaker: speaker, rule: "rule:headline", to: &state)
        remember(speaker, in: &state.history)
    }

    // MARK: - Results

    func range(of tokenRange: Range<Int>) -> Range<Int> {
        var lower = tokenRange.lowerBound, upper = tokenRange.upperBound
        // Leave surrounding marks and final punctuation out of the quoted words.
        while lower < upper, tokens[lower].kind == .punctuation || tokens[lower].kind == .symbol { lower += 1 }
        while upper > lower, tokens[upper - 1].kind == .punctuation || tokens[upper - 1].kind == .symbol { upper -= 1 }
        guard lower < upper else {
            let offset = tokenRange.lowerBound < tokens.count ? tokens[tokenRange.lowerBound].range.lowerBound : text.utf8.count
            return offset..<offset
        }
        return tokens[lower].range.lowerBound..<tokens[upper - 1].range.upperBound
    }

    func textOf(_ tokenRange: Range<Int>) -> String { String(text.utf8Slice(range(of: tokenRange))) }

    func makeCue(at index: Int, strip: Int, entry: QuotationFinder.CueEntry) -> QuotationCue {
        var range = tokens[index].range
        if strip > 0 { range = (range.lowerBound + "و".utf8.count)..<range.upperBound }
        return QuotationCue(range: range, text: String(text.utf8Slice(range)), lemma: entry.lemma, source: entry.source)
    }

    func append(
        _ kind: QuotationKind, _ content: Range<Int>, cue: QuotationCue?, speaker: Speaker?, rule: String,
        to state: inout AttributionState
    ) {
        let quoted = range(of: content)
        guard !quoted.isEmpty, state.reported.insert(quoted) else { return }
        state.results.append(
            Quotation(
                kind: kind, range: quoted, text: String(text.utf8Slice(quoted)), cue: cue, speaker: speaker,
                source: cue == nil ? nil : state.currentSource, rule: rule))
    }

    /// Whether the first word of a speaker's text ends like a plural (ون، ين) or like a
    /// feminine name or head word (ة، ا): found and compared as bytes, without grapheme
    /// breaking for a two-letter suffix.
    static func endings(ofFirstWordOf text: String) -> (plural: Bool, feminine: Bool) {
        var text = text
        return text.withUTF8 { utf8 in
            let wordStart = utf8.firstIndex { $0 != 0x20 } ?? utf8.endIndex
            let first = utf8[wordStart..<(utf8[wordStart...].firstIndex(of: 0x20) ?? utf8.endIndex)]
            func ends(_ suffix: StaticString) -> Bool {
                let suffix = UnsafeBufferPointer(start: suffix.utf8Start, count: suffix.utf8CodeUnitCount)
                return first.count >= suffix.count && first.suffix(suffix.count).elementsEqual(suffix)
            }
            return (ends("ون") || ends("ين"), ends("ة") || ends("ا"))
        }
    }

    /// Remembers a speaker named in the text, with its gender and number guessed from its
    /// words: a feminine name or head word ends in ة or ا (وزارة، الخارجية، ماريا), plural
    /// nouns in ون/ين.
    func remember(_ speaker: Speaker?, in history: inout SpeakerHistory) {
        guard let speaker, let text = speaker.text ?? speaker.resolved else { return }
        if speaker.text == nil, let previous = history.last(withText: text) {
            history.append(previous)
            return
        }
        let (pluralEnding, feminineEnding) = Self.endings(ofFirstWordOf: text)
        let entityType = speaker.entity.map { entities[$0].type }
        let plural = pluralEnding || speaker.resolved != nil && speaker.text != nil
        let feminine = !plural && (feminineEnding || entityType == .country)
        history.append(RememberedSpeaker(text: speaker.resolved ?? text, feminine: feminine, plural: plural))
    }
}
