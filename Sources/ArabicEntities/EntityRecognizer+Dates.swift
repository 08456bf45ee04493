import ArabicCore

extension EntityScan {
    /// Dates: اليوم/أمس/غدا + weekday; day + month + year (Gregorian months in both series,
    /// Hijri months), with an optional era marker (م، هـ); month + year; year + era marker.
    func dates(into candidates: inout [Candidate]) {
        let starts = LexiconFlags.relativeDay.union(.month).rawValue
        for index in tokens.indices {
            // Each form starts with a number or a hit that can be a relative day (اليوم, with a
            // clitic too) or a month (أكتوبر): one load of the token's flags rules out the rest.
            // A form added below adds the flag of its first hit to `starts`.
            guard hitFlags[2 &* index &+ 1] & starts != 0 || tokens[index].kind == .number else { continue }
            if let end = relativeDay(at: index) ?? dayMonthYear(at: index) ?? monthYear(at: index) ?? yearWithEra(at: index) {
                candidates.append(
                    Candidate(
                        start: index, end: end, strip: 0, type: .date, subtype: nil, id: nil, source: "rule:date", priority: 1))
            }
        }
    }

    func number(at index: Int, in range: ClosedRange<Int>) -> Bool {
        guard index < tokens.count, tokens[index].kind == .number, let value = integer(index) else { return false }
        return range.contains(value)
    }

    func month(at index: Int) -> Int? { longestHit(at: index, .month).map { index + $0.length } }

    func era(after index: Int) -> Int { longestHit(at: index, .era).map { index + $0.length } ?? index }

    /// اليوم الأربعاء, أمس الثلاثاء.
    func relativeDay(at index: Int) -> Int? {
        guard let day = longestHit(at: index, strip: true, .relativeDay),
            let weekday = longestHit(at: index + day.length, .weekday)
        else { return nil }
        return index + day.length + weekday.length
    }

    /// 9 نوفمبر 2020, 26 شوال 1436 هـ, 9 نوفمبر.
    func dayMonthYear(at index: Int) -> Int? {
        guard number(at: index, in: 1...31), let afterMonth = month(at: index + 1) else { return nil }
        if number(at: afterMonth, in: 1000...2200) { return era(after: afterMonth + 1) }
        return afterMonth
    }

    /// أكتوبر 2022, رمضان 1436 هـ.
    func monthYear(at index: Int) -> Int? {
        guard let afterMonth = month(at: index), number(at: afterMonth, in: 1000...2200) else { return nil }
        return era(after: afterMonth + 1)
    }

    /// 2015 م, 1436 هـ.
    func yearWithEra(at index: Int) -> Int? {
        guard number(at: index, in: 1000...2200) else { return nil }
        let end = era(after: index + 1)
        return end > index + 1 ? end : nil
    }
}
