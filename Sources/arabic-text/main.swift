import ArabicText
let n = Normalizer(.search)
for s in ["أكّدت الخارجيـــة", "مستشفى ﻻ ﷲ ٢٠٢٢ ٣٫٥", "ی\u{0654}ک", "a\u{200F}b  \u{00A0}c", "ﷺ"] {
    let r = n.normalize(s)
    print(r.text, r.offsets.editCount)
}
let t = try Tokenizer()
for tok in try t.tokens(in: "وأكدت الخارجيـة، بحزب الله11101 AR924 في 2020م.") { print(tok.kind, "[\(tok.text)]", "[\(tok.normalized)]", tok.range) }
let ss = try SentenceSplitter()
for s in try ss.sentences(in: "قال: \"وصلنا. بدأنا\". ثم غادر؟ نعم… حسنا.. تمام؛ ولكن د. محمد حضر.\nفقرة") { print("S:", s.text) }
let ca = try CliticAnalyzer()
for w in ["وبالخارجيه", "وزاره", "ووزاره", "ولد", "للخارجيه", "سيقول", "وسيقولون", "كتابهم"] {
    print(w, ca.analyses(of: n.normalizedString(w)).map { "\($0.proclitics.map(\.rawValue))+\($0.stem)+\($0.enclitic?.rawValue ?? "")" })
}
