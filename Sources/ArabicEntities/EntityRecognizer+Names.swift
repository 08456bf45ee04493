import ArabicCore

extension EntityScan {
    /// Lexicon names: countries (from ICU and CountryVariants.tsv), places, organizations,
    /// media and well-known people. Ambiguous names (الرياض the paper or the city) are left
    /// to the rules that have context.
    func names(into candidates: inout [Candidate]) {
        for index in tokens.indices where hitFlags[2 * index + 1] & LexiconFlags.names.rawValue != 0 {
            for position in hitStarts[index]..<hitStarts[index + 1] {
                let hit = hitStore[position]
                guard !hit.flags.isDisjoint(with: .names) else { continue }
                for entry in table.values(of: hit.phrase) where !entry.isAmbiguous {
                    guard let type = entry.entityType else { continue }
                    candidates.append(
                        Candidate(
                            start: index, end: index + hit.length, strip: hit.strip, type: type, subtype: entry.subtype,
                            id: entry.id, source: entry.source, priority: type == .country ? 3 : 2))
                }
            }
        }
    }
}
