#!/usr/bin/env bash
# Shows that `arabic-text analyze` takes time linear in the size of a document: one document
# (`--input text`) of 1×, 10× and 100× a base size, for news text and for hostile shapes,
# each timed best of several runs, as seconds per MB. A flat column (within 2× from 1× to
# 100×) is linear time; a quadratic step would make 100× a hundred times slower per MB.
#
#     Benchmarks/linear-time.sh [BASE_KB]   # default 500: documents of 0.5, 5 and 50 MB
#
# Shapes: news (the corpus's articles one after the other, blank lines between them),
# unbalanced-marks (the same with an opening mark of one of five families before every fifth
# word, never closed), nested-quotes (« « … نحن هنا … » »), many-cues (قال المتحدث: نعم …,
# reported speech that holds the next cue, on one line). The news text is read from
# CORPUS (default ../shared/corpus/saudinewsnet-dev.jsonl beside the repository, else
# Examples/karabakh-pagers.txt, repeated) into a temporary folder; nothing is stored.
#
# Environment: ARABIC_TEXT_CLI (a built binary; default: build the working tree, release),
# RUNS (runs of each 100× document, default 3; 10× ones get 2×RUNS, 1× ones and the empty
# document 4×RUNS, since their net time is a few hundredths of a second), CORPUS, WORK
# (temporary folder; removed at the end unless given).
# Times are wall clock (date +%s%N around the process), peak RSS from /usr/bin/time.
# "s/MB" is the whole process's time per MB; "net s/MB" subtracts the best time of the same
# command on an empty document (starting the process and loading the lexicons, about
# 0.05 s), which dominates at 1× otherwise.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(dirname "$HERE")
NAME=linear-time.sh
BASE_KB=${1:-500}
RUNS=${RUNS:-3}
CORPUS=${CORPUS:-$ROOT/../shared/corpus/saudinewsnet-dev.jsonl}
[[ -r $CORPUS ]] || CORPUS=$ROOT/Examples/karabakh-pagers.txt
source "$HERE/common.sh"
find_cli
if [[ -n ${WORK:-} ]]; then mkdir -p "$WORK"; else WORK=$(mktemp -d); trap 'rm -rf "$WORK"' EXIT; fi

# The documents, made by Python from the corpus (or the example article).
python3 - "$CORPUS" "$WORK" "$BASE_KB" <<'PYTHON'
import json, sys
corpus, work, base = sys.argv[1], sys.argv[2], int(sys.argv[3]) * 1000
largest = 100 * base
articles, total = [], 0
with open(corpus, encoding="utf-8") as lines:
    if corpus.endswith(".jsonl"):
        for line in lines:
            text = json.loads(line).get("text") or ""
            if text:
                articles.append(text)
                total += len(text.encode())
            if total > largest:
                break
    else:
        articles = [lines.read()]

def news(size):
    parts, length, index = [], 0, 0
    while length < size:
        parts.append(articles[index % len(articles)])
        length += len(parts[-1].encode()) + 2
        index += 1
    data = "\n\n".join(parts).encode()
    cut = data.find(b"\n", size)  # at the first paragraph break past the size
    return data[: cut if cut >= 0 else len(data)].decode()

def unbalanced(size):
    marks, out, word = ["«", "“", '"', "„", "‹"], [], 0
    for paragraph in news(size).split("\n"):
        words = []
        for piece in paragraph.split(" "):
            if piece:
                words.append((marks[(word // 5) % 5] if word % 5 == 0 else "") + piece)
                word += 1
        out.append(" ".join(words))
    return "\n".join(out)

def nested(size):
    depth = max(1, (size - 40) // 6)
    return "قال الرئيس: " + "« " * depth + "نحن هنا" + " »" * depth + "."

def many_cues(size):
    unit = "قال المتحدث: نعم "
    return unit * max(1, size // len(unit.encode()))

for shape, make in [("news", news), ("unbalanced-marks", unbalanced), ("nested-quotes", nested), ("many-cues", many_cues)]:
    for multiple in (1, 10, 100):
        with open(f"{work}/{shape}-{multiple}x.txt", "w", encoding="utf-8") as out:
            out.write(make(multiple * base))
open(f"{work}/empty.txt", "w").close()
PYTHON

# best_of FILE RUNS: sets BEST to the fastest of RUNS runs, in seconds, and PEAK_KB to that
# run's peak RSS.
best_of() {
    local best="" run seconds kb start end
    for ((run = 0; run < $2; run++)); do
        start=$(date +%s%N)
        /usr/bin/time -f "%M" -o "$WORK/rss" "$CLI" analyze --input text --format jsonl --quiet \
            --max-document-bytes 0 "$1" > /dev/null
        end=$(date +%s%N)
        seconds=$(awk -v s="$start" -v e="$end" 'BEGIN { printf "%.3f", (e - s) / 1e9 }')
        kb=$(cat "$WORK/rss")
        if [[ -z $best ]] || awk -v a="$seconds" -v b="$best" 'BEGIN { exit !(a < b) }'; then
            best=$seconds
            PEAK_KB=$kb
        fi
    done
    BEST=$best
}

best_of "$WORK/empty.txt" $((4 * RUNS))
empty=$BEST
echo "arabic-text analyze --input text --format jsonl --quiet --max-document-bytes 0 FILE, best of $((4 * RUNS)) (1×), $((2 * RUNS)) (10×), $RUNS (100×)"
echo "CLI: $CLI ($BUILT_FROM); $(machine_summary)"
echo "An empty document takes $empty s (process start and lexicons)."
echo
echo "| shape | size | bytes | best s | s/MB | net s/MB | MB/s (net) | peak RSS (MiB) |"
echo "|---|---:|---:|---:|---:|---:|---:|---:|"
for shape in news unbalanced-marks nested-quotes many-cues; do
    for multiple in 1 10 100; do
        file="$WORK/$shape-${multiple}x.txt"
        bytes=$(stat -c %s "$file")
        best_of "$file" $((RUNS * (multiple == 1 ? 4 : multiple == 10 ? 2 : 1)))
        seconds=$BEST
        awk -v shape="$shape" -v m="$multiple" -v b="$bytes" -v s="$seconds" -v e="$empty" -v kb="$PEAK_KB" 'BEGIN {
            mb = b / 1e6; net = s - e; if (net < 0.001) net = 0.001
            printf "| %s | %d× | %d | %.3f | %.3f | %.3f | %.1f | %.0f |\n", shape, m, b, s, s / mb, net / mb, mb / net, kb / 1024
            printf "%s %.6f\n", shape, net / mb >> "'"$WORK/net"'"
        }'
    done
done
echo
echo "| shape | net s/MB at 1×, 10×, 100× | slowest / fastest |"
echo "|---|---|---:|"
awk '{ values[$1] = values[$1] (values[$1] == "" ? "" : ", ") sprintf("%.3f", $2)
       if (!($1 in low) || $2 < low[$1]) low[$1] = $2
       if (!($1 in high) || $2 > high[$1]) high[$1] = $2
       if (!($1 in seen)) { seen[$1] = 1; order[++count] = $1 } }
     END { for (i = 1; i <= count; i++) { s = order[i]; printf "| %s | %s | %.2f |\n", s, values[s], high[s] / low[s] } }' "$WORK/net"
