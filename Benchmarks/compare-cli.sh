#!/usr/bin/env bash
# Times the command-line tool as whole processes on a corpus file (normalize, tokenize and,
# for a JSONL corpus, analyze with one and two jobs), beside a plain C fold
# (baseline/fold.c) and, when PyICU can be had, ICU's word iterator alone through Python.
#
#     Benchmarks/compare-cli.sh [FILE]        # default: ../shared/corpus/saudinewsnet-dev.jsonl
#     RUNS=9 Benchmarks/compare-cli.sh        # timed runs per command (default 5)
#
# Each command runs once untimed (page cache, lazy loading), then RUNS times; the table
# gives the best and the median wall time, MB/s of the file's size (1 MB = 10^6 bytes)
# and the largest peak RSS of the runs (`/usr/bin/time -f %M`). Output goes to /dev/null.
# The table is Markdown, to paste into Docs/Performance.md.
#
# Environment: RUNS; ARABIC_TEXT_CLI (time this binary instead of building the working
# tree, e.g. a build of another commit); PYICU_PYTHON (a python with PyICU, default
# /tmp/pyicu-venv/bin/python, created with `pip install PyICU` when missing); NO_PYICU=1
# skips the ICU row.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(dirname "$HERE")
CORPUS=${1:-$ROOT/../shared/corpus/saudinewsnet-dev.jsonl}
RUNS=${RUNS:-5}
PYICU_PYTHON=${PYICU_PYTHON:-/tmp/pyicu-venv/bin/python}

[[ -r $CORPUS ]] || { echo "compare-cli.sh: cannot read corpus $CORPUS" >&2; exit 2; }
CORPUS=$(cd "$(dirname "$CORPUS")" && pwd)/$(basename "$CORPUS")
BYTES=$(stat -c %s "$CORPUS")
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

NAME=compare-cli.sh
# shellcheck source=common.sh
source "$HERE/common.sh"
find_cli
echo "Building the C baseline..." >&2
mkdir -p "$HERE/.build/baseline"
FOLD="$HERE/.build/baseline/fold"
cc -O2 -o "$FOLD" "$HERE/baseline/fold.c"

# The folds fold.c applies, spelled as the CLI's folds: the like-for-like comparison.
LETTER_FOLDS=(--preset none --fold alef-forms --fold alef-maksura --fold ta-marbuta --fold tatweel
    --fold diacritics --fold persian-letters --fold digits)

# fold.c must do the same work as ours: compare its output with the letter folds'.
"$FOLD" "$CORPUS" > "$WORK/c.out"
"$CLI" normalize "${LETTER_FOLDS[@]}" "$CORPUS" > "$WORK/swift.out"
if cmp -s "$WORK/c.out" "$WORK/swift.out"; then
    SAME_OUTPUT="identical"
else
    SAME_OUTPUT="DIFFERENT ($(cmp "$WORK/c.out" "$WORK/swift.out" 2>&1 | head -1))"
fi
rm -f "$WORK/c.out" "$WORK/swift.out"

HAVE_PYICU=0
if [[ -z ${NO_PYICU:-} ]]; then
    if ! "$PYICU_PYTHON" -c 'import icu' 2>/dev/null; then
        echo "Installing PyICU into $(dirname "$(dirname "$PYICU_PYTHON")") (about 90 s)..." >&2
        venv=$(dirname "$(dirname "$PYICU_PYTHON")")
        { python3 -m venv "$venv" && "$venv/bin/pip" install --quiet PyICU; } >&2 || true
    fi
    if "$PYICU_PYTHON" -c 'import icu' 2>/dev/null; then HAVE_PYICU=1; fi
fi

# median and min of the numbers on standard input, one per line: "MIN MEDIAN"
stats() { sort -g | awk '{ v[NR] = $1 } END { m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2; print v[1], m }'; }

# calc EXPRESSION: awk arithmetic, one decimal.
calc() { awk "BEGIN { printf \"%.1f\", $1 }"; }

ROWS=()
# measure LABEL COMMAND...: whole-process wall time and peak RSS.
measure() {
    local label=$1; shift
    echo "  $label" >&2
    "$@" > /dev/null  # untimed warm-up
    : > "$WORK/times"; : > "$WORK/mems"
    for ((run = 0; run < RUNS; run++)); do
        local start end
        start=$(date +%s%N)
        /usr/bin/time -f %M -o "$WORK/mem" "$@" > /dev/null
        end=$(date +%s%N)
        awk -v s="$start" -v e="$end" 'BEGIN { printf "%.6f\n", (e - s) / 1e9 }' >> "$WORK/times"
        cat "$WORK/mem" >> "$WORK/mems"
    done
    ROWS+=("$label|$(stats < "$WORK/times")|$(sort -n "$WORK/mems" | tail -1)")
}

# measure_icu LABEL: the seconds icu_words.py reports spending in ICU calls.
measure_icu() {
    local label=$1
    echo "  $label" >&2
    "$PYICU_PYTHON" "$HERE/icu_words.py" --seconds "$CORPUS" > /dev/null
    : > "$WORK/times"; : > "$WORK/mems"
    for ((run = 0; run < RUNS; run++)); do
        /usr/bin/time -f %M -o "$WORK/mem" "$PYICU_PYTHON" "$HERE/icu_words.py" --seconds "$CORPUS" >> "$WORK/times"
        cat "$WORK/mem" >> "$WORK/mems"
    done
    ROWS+=("$label|$(stats < "$WORK/times")|$(sort -n "$WORK/mems" | tail -1)")
}

cat "$CORPUS" > /dev/null  # into the page cache
echo "Timing, $RUNS runs each after one warm-up:" >&2
measure "arabic-text normalize --preset search" "$CLI" normalize --preset search "$CORPUS"
measure "arabic-text normalize (fold.c's letter folds only)" "$CLI" normalize "${LETTER_FOLDS[@]}" "$CORPUS"
measure "fold (C, cc -O2)" "$FOLD" "$CORPUS"
measure "arabic-text tokenize" "$CLI" tokenize "$CORPUS"
if [[ $CORPUS == *.jsonl ]]; then
    measure "arabic-text analyze --input jsonl --jobs 1" "$CLI" analyze --input jsonl --format jsonl --jobs 1 --quiet "$CORPUS"
    measure "arabic-text analyze --input jsonl --jobs 2" "$CLI" analyze --input jsonl --format jsonl --jobs 2 --quiet "$CORPUS"
fi
if ((HAVE_PYICU)); then
    measure_icu "ICU word iterator via PyICU (time in ICU calls only)"
fi

echo
echo "- Corpus: $CORPUS ($BYTES bytes; MB = 10^6 bytes). Runs: $RUNS per command after one warm-up."
echo "- Machine: $(machine_summary)"
echo "- arabic-text: $CLI ($BUILT_FROM)."
echo "- fold.c output vs arabic-text normalize with the same folds: $SAME_OUTPUT."
echo
echo "| command | best s | median s | MB/s (best) | MB/s (median) | peak RSS (MiB) |"
echo "|---|---:|---:|---:|---:|---:|"
declare -A BEST_MBS
for row in "${ROWS[@]}"; do
    IFS='|' read -r label timing kb <<< "$row"
    read -r best median <<< "$timing"
    best_mbs=$(calc "$BYTES / 1e6 / $best")
    median_mbs=$(calc "$BYTES / 1e6 / $median")
    BEST_MBS[$label]=$best_mbs
    printf '| %s | %.3f | %.3f | %s | %s | %.1f |\n' "$label" "$best" "$median" "$best_mbs" "$median_mbs" \
        "$(calc "$kb / 1024")"
done
echo
ratio() { awk -v a="${BEST_MBS[$1]}" -v b="${BEST_MBS[$2]}" 'BEGIN { printf "%.2f", a / b }'; }
echo "Ratios of best MB/s:"
echo
echo "- normalize --preset search / C fold: $(ratio "arabic-text normalize --preset search" "fold (C, cc -O2)")"
echo "- normalize, letter folds only / C fold: $(ratio "arabic-text normalize (fold.c's letter folds only)" "fold (C, cc -O2)")"
if [[ $CORPUS == *.jsonl ]]; then
    echo "- analyze, 2 jobs / 1 job: $(ratio "arabic-text analyze --input jsonl --jobs 2" "arabic-text analyze --input jsonl --jobs 1")"
fi
if ((HAVE_PYICU)); then
    echo "- tokenize / ICU word iterator via PyICU: $(ratio "arabic-text tokenize" "ICU word iterator via PyICU (time in ICU calls only)")"
else
    echo "- ICU via PyICU: skipped (PyICU not importable from $PYICU_PYTHON${NO_PYICU:+; NO_PYICU set})"
fi
