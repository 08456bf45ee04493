#!/usr/bin/env python3
"""Compare ArabicText's `search` normalization with CAMeL Tools and PyArabic.

Prints Markdown tables to standard output (pasted into Docs/Normalization.md).

Setup (outside the repository):

    python3 -m venv /tmp/nlpvenv
    /tmp/nlpvenv/bin/pip install camel-tools pyarabic
    cd /work/main && swift build

Run (from anywhere; the default CLI is the package's .build/debug/arabic-text):

    /tmp/nlpvenv/bin/python Benchmarks/compare-normalizers.py [--cli PATH]

"Ours" is `arabic-text normalize --preset search`, fed every input on standard input,
one per line. No CAMeL Tools data package is needed: the functions used here are pure
string functions, and the `arclean` character map ships inside the camel-tools wheel.
"""

import argparse
import importlib.metadata
import os
import subprocess
import sys
import unicodedata

from camel_tools.utils.charmap import CharMapper
from camel_tools.utils.dediac import dediac_ar
from camel_tools.utils.normalize import (
    normalize_alef_ar,
    normalize_alef_maksura_ar,
    normalize_teh_marbuta_ar,
)
import pyarabic.araby as araby

# One short input per fold (and a few for what must be left alone). Written with escapes
# where the character is invisible or easily confused, so that the file shows what it holds.
INPUTS = [
    # (what it tests, input)
    ("alef-forms: hamza above", "أحمد"),
    ("alef-forms: hamza below", "إسلام"),
    ("alef-forms: madda", "آمن"),
    ("alef-forms: wasla", "ٱلله"),
    ("alef-maksura", "مستشفى"),
    ("alef-maksura: word with only ى to fold", "على"),
    ("ta-marbuta", "مدرسة"),
    ("hamza-carriers (off in search): ؤ", "مسؤول"),
    ("hamza-carriers (off in search): ئ", "رئيس"),
    ("diacritics + alef-forms: أ written decomposed, ا + U+0654", "\u0627\u0654حمد"),
    ("diacritics + alef-forms: آ written decomposed, ا + U+0653", "\u0627\u0653من"),
    ("diacritics (hamza-carriers off): ئ written decomposed, ي + U+0654", "ر\u064a\u0654يس"),
    ("diacritics (hamza-carriers off): ؤ written decomposed, و + U+0654", "مس\u0648\u0654ول"),
    ("tatweel", "جـمـيـل"),
    ("diacritics: harakat, sukun, tanwin", "جُزْءًا"),
    ("diacritics: superscript alef, Quranic stop mark U+06DB", "ذَٰلِكَ ٱلْكِتَٰبُ لَا رَيْبَ ۛ فِيهِ"),
    ("diacritics: Quranic small high waw U+06E6, end of ayah U+06DD", "عَلَيْهِۦ ۝"),
    ("diacritics: sallallahou sign U+0610", "محمد\u0610"),
    ("persian-letters: keheh", "کتاب"),
    ("persian-letters: Farsi yeh", "فارسی"),
    ("persian-letters: heh with yeh above", "خانۀ"),
    ("persian-letters + diacritics: Farsi yeh + U+0654", "هی\u0654ت"),
    ("persian-letters: must leave پ چ گ alone", "پنجره چای گل"),
    ("digits: Arabic-Indic", "٢٠٢٢"),
    ("digits: Persian", "۱۴۰۰"),
    ("digits: decimal separator", "٣٫٥"),
    ("digits: thousands separator", "١٬٠٠٠"),
    ("compatibility-forms: lam-alef ligature", "ﻻ"),
    ("compatibility-forms: Allah ligature", "ﷲ"),
    ("compatibility-forms: salla ligature", "ﷺ"),
    ("compatibility-forms: contextual letter forms", "ﺳﻼﻡ"),
    ("compatibility-forms: spacing fathatan U+FE70 between spaces", "كتاب \ufe70 جديد"),
    ("invisible-marks: RLM, LRM", "\u200fمرحبا\u200e"),
    ("invisible-marks: ALM", "\u061c١٠٪"),
    ("invisible-marks: soft hyphen", "مست\u00adشفى"),
    ("invisible-marks: BOM", "\ufeffبسم"),
    ("zero-width-joiners (off in search): ZWNJ", "می\u200cخواهم"),
    ("unicode-spaces: NBSP", "١٠\u00a0كم"),
    ("collapse-whitespace: spaces and a tab", "قال   الوزير\tأمس"),
    ("must leave alone: Arabic punctuation, Latin", "نعم، هل أنت OK؟"),
]

ARCLEAN = CharMapper.builtin_mapper("arclean")


def camel_functions(text):
    """CAMeL Tools' four normalizations, composed: dediac, alef, alef maksura, ta marbuta."""
    text = dediac_ar(text)
    text = normalize_alef_ar(text)
    text = normalize_alef_maksura_ar(text)
    return normalize_teh_marbuta_ar(text)


def camel_arclean(text):
    """`arclean` first (it cleans presentation forms, digits, spaces), then the four above."""
    return camel_functions(ARCLEAN(text))


def pyarabic_composed(text):
    """PyArabic's four functions in the order strip_tashkeel, strip_tatweel, normalize_alef,
    normalize_hamza (default method "uniform")."""
    text = araby.strip_tashkeel(text)
    text = araby.strip_tatweel(text)
    text = araby.normalize_alef(text)
    return araby.normalize_hamza(text)


def ours(texts, cli):
    """Our CLI on all inputs at once, one per line."""
    if not os.access(cli, os.X_OK):
        sys.exit(f"{cli} not found; run `swift build` in the package root first")
    for text in texts:
        if any(c in text for c in "\n\r\u2028\u2029"):
            sys.exit(f"input {text!r} holds a line break; inputs must be single lines")
    result = subprocess.run(
        [cli, "normalize", "--preset", "search"],
        input=("\n".join(texts) + "\n").encode("utf-8"),
        capture_output=True,
        check=True,
    )
    lines = result.stdout.decode("utf-8").split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    if len(lines) != len(texts):
        sys.exit(f"expected {len(texts)} lines from {cli}, got {len(lines)}")
    return lines


def show(text):
    """A table cell: invisible characters, non-ASCII spaces, runs of spaces and spaces at
    the edges written as U+XXXX, and so are the combining madda and hamzas U+0653–U+0655
    (they look exactly like the precomposed letters آ أ إ ؤ ئ); `|` escaped; an empty
    result written as (empty)."""
    if text == "":
        return "(empty)"
    out = []
    for index, char in enumerate(text):
        category = unicodedata.category(char)
        if char == " ":
            edge = index == 0 or index == len(text) - 1
            run = (index > 0 and text[index - 1] == " ") or (
                index + 1 < len(text) and text[index + 1] == " ")
            out.append("U+0020" if edge or run else " ")
        elif category in ("Cc", "Cf", "Zs", "Zl", "Zp") or "\u0653" <= char <= "\u0655":
            out.append(f"U+{ord(char):04X}")
        elif char == "|":
            out.append("\\|")
        else:
            out.append(char)
    return "".join(_separate_escapes(out))


def _separate_escapes(pieces):
    """Puts ⟨ ⟩ around each U+XXXX escape so that it reads apart from the letters."""
    for piece in pieces:
        yield f"⟨{piece}⟩" if piece.startswith("U+") else piece


def table(header, rows):
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    package = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    parser.add_argument("--cli", default=os.path.join(package, ".build", "debug", "arabic-text"),
                        help="path to the arabic-text executable (default: %(default)s)")
    arguments = parser.parse_args()

    texts = [text for _, text in INPUTS]
    our_lines = ours(texts, arguments.cli)

    versions = {name: importlib.metadata.version(name) for name in ("camel-tools", "pyarabic")}
    print(f"camel-tools {versions['camel-tools']}, pyarabic {versions['pyarabic']}, "
          f"Python {sys.version.split()[0]}")
    print()
    print("CAMeL (4 functions) = dediac_ar, normalize_alef_ar, normalize_alef_maksura_ar, "
          "normalize_teh_marbuta_ar.  ")
    print("CAMeL + arclean = CharMapper.builtin_mapper('arclean') first, then the same four.  ")
    print("PyArabic = strip_tashkeel, strip_tatweel, normalize_alef, normalize_hamza (uniform).")
    print()

    rows = []
    for (what, text), our in zip(INPUTS, our_lines):
        rows.append([what, show(text), show(our), show(camel_functions(text)),
                     show(camel_arclean(text)), show(pyarabic_composed(text))])
    print(table(["fold tested", "input", "ours (search)", "CAMeL (4 functions)",
                 "CAMeL + arclean", "PyArabic"], rows))
    print()

    # Each PyArabic function alone, on the words with alef maksura, to show which one
    # turns ى into ا.
    print("Each PyArabic function alone, on words with ى:")
    print()
    functions = [
        ("strip_tashkeel", araby.strip_tashkeel),
        ("strip_tatweel", araby.strip_tatweel),
        ("normalize_hamza", araby.normalize_hamza),
        ('normalize_hamza(method="tasheel")', lambda s: araby.normalize_hamza(s, method="tasheel")),
        ("normalize_alef", araby.normalize_alef),
    ]
    words = ["مستشفى", "على", "مُوسَىٰ"]
    our_words = ours(words, arguments.cli)
    rows = [["ours (search)"] + [show(word) for word in our_words]]
    rows += [["CAMeL normalize_alef_ar"] + [show(normalize_alef_ar(word)) for word in words]]
    rows += [[f"PyArabic {name}"] + [show(function(word)) for word in words]
             for name, function in functions]
    print(table(["function"] + [show(word) for word in words], rows))


if __name__ == "__main__":
    main()
