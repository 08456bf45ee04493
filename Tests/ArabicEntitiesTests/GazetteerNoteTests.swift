import Testing

@testable import ArabicEntities

/// A lexicon line's note marks the line ambiguous when it holds the word `ambiguous`
/// anywhere, as Foundation's `contains` read it before.
@Suite struct GazetteerNoteTests {
    @Test(arguments: [
        ("ambiguous", true), ("ambiguous: also a common noun (أمل)", true), ("a given name, ambiguous", true),
        ("", false), ("ambiguou", false), ("not ambig uous", false), ("AMBIGUOUS", false), ("اسم علم", false),
    ])
    func notesThatMarkALineAmbiguous(_ note: String, _ ambiguous: Bool) {
        #expect(Gazetteer.contains(Gazetteer.ambiguousMark, in: note) == ambiguous)
        #expect(note.contains("ambiguous") == ambiguous)
    }
}
