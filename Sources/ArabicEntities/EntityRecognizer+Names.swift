import ArabicCore

extension EntityScan {
    /// Lexicon names: countries (from ICU and CountryVariants.tsv), places, organizations,
    /// media and well-known people. Ambiguous names (الرياض the paper or the city) are left
    /// to the rules that have context.
    mutating func findNames() {
        for index in tokens.indices {
            for (hit, entry) in hits(at: index, where: { $0.entityType != nil && !$0.isAmbiguous }) {
                guard let type = entry.entityType else { continue }
                candidates.append(
                    Candidate(
                        start: index, end: index + hit.length, strip: hit.strip, type: type, subtype: entry.subtype,
                        id: entry.id, source: entry.source, priority: type == .country ? 3 : 2))
            }
        }
    }
}
