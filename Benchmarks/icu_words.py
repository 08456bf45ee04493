#!/usr/bin/env python3
"""Time ICU's word break iterator alone, through PyICU, on a file read line by line.

A reference point for `arabic-text tokenize`: the same file, the same lines (a JSONL file
is not parsed, exactly as the CLI does not parse it), ICU's `ar` word rules, and nothing
else (no normalization, no token kinds, no output). Only the ICU calls are timed
(`setText` and walking every boundary); reading and decoding the file are not. PyICU
hands ICU a UTF-16 copy of each line, so this is the UTF-16 door, plus Python's cost
of one call per boundary.

Setup (outside the repository; PyICU builds against Debian's libicu-dev):

    python3 -m venv /tmp/pyicu-venv && /tmp/pyicu-venv/bin/pip install PyICU

Run:

    /tmp/pyicu-venv/bin/python Benchmarks/icu_words.py [FILE] [--seconds]

FILE defaults to ../shared/corpus/saudinewsnet-dev.jsonl beside the repository. MB/s is
10^6 bytes of the file's UTF-8 per second of ICU calls. With --seconds, only the number
of seconds is printed (for compare-cli.sh).
"""

import argparse
import os
import sys
import time

import icu

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_CORPUS = os.path.normpath(os.path.join(HERE, "..", "..", "shared", "corpus", "saudinewsnet-dev.jsonl"))


def word_breaks(iterator, lines, clock=time.perf_counter):
    """Walks every word boundary of each line (a `str`; empty ones are skipped) with
    `iterator`, a PyICU word BreakIterator. Returns the number of boundaries and the seconds
    spent in `setText` and the walk, summed over the lines: nothing else is timed.
    Also used by compare_tools.py."""
    boundaries = 0
    in_icu = 0.0
    for line in lines:
        if not line:
            continue
        start = clock()
        iterator.setText(line)
        for _ in iterator:
            boundaries += 1
        in_icu += clock() - start
    return boundaries, in_icu


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("file", nargs="?", default=DEFAULT_CORPUS)
    parser.add_argument("--seconds", action="store_true", help="print only the seconds spent in ICU")
    arguments = parser.parse_args()

    iterator = icu.BreakIterator.createWordInstance(icu.Locale("ar"))
    size = 0

    def lines(corpus):
        nonlocal size
        for raw in corpus:
            size += len(raw)
            yield raw.rstrip(b"\n").decode("utf-8")

    with open(arguments.file, "rb") as corpus:
        boundaries, in_icu = word_breaks(iterator, lines(corpus))

    if arguments.seconds:
        print(f"{in_icu:.4f}")
    else:
        print(
            f"ICU {icu.ICU_VERSION} word iterator through PyICU {icu.VERSION}: {arguments.file}\n"
            f"  {size} bytes, {boundaries} boundaries, {in_icu:.3f} s in ICU calls, "
            f"{size / 1e6 / in_icu:.1f} MB/s"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
