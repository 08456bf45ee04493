#!/usr/bin/env bash
# Shows that `arabic-text analyze` keeps its memory bounded by the batch, not the corpus: the
# peak RSS on the news corpus and on a file of about 1 GB made by repeating it.
#
#     Benchmarks/analyze-memory.sh [FILE] [COPIES]   # default: ../shared/corpus/saudinewsnet-dev.jsonl, 12 copies
#
# Environment: ARABIC_TEXT_CLI (a built binary; default: build the working tree, release),
# JOBS (default 2), WORK (where the big file is made; default a temporary directory, removed
# at the end). Prints a Markdown table: input, bytes, records out, seconds, MB/s, peak RSS.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(dirname "$HERE")
CORPUS=${1:-$ROOT/../shared/corpus/saudinewsnet-dev.jsonl}
COPIES=${2:-12}
JOBS=${JOBS:-2}
[[ -r $CORPUS ]] || { echo "analyze-memory.sh: cannot read corpus $CORPUS" >&2; exit 2; }
if [[ -z ${ARABIC_TEXT_CLI:-} ]]; then
    (cd "$ROOT" && swift build -c release --product arabic-text >&2)
    ARABIC_TEXT_CLI="$(cd "$ROOT" && swift build -c release --show-bin-path)/arabic-text"
fi
WORK=${WORK:-$(mktemp -d)}
trap 'rm -f "$WORK/big.jsonl"' EXIT
for ((copy = 0; copy < COPIES; copy++)); do cat "$CORPUS"; done > "$WORK/big.jsonl"

echo "| input | bytes | records out | seconds | MB/s | peak RSS (MiB) |"
echo "|---|---:|---:|---:|---:|---:|"
for input in "$CORPUS" "$WORK/big.jsonl"; do
    bytes=$(stat -c %s "$input")
    start=$(date +%s%N)
    records=$(/usr/bin/time -f %M -o "$WORK/mem" "$ARABIC_TEXT_CLI" analyze --input jsonl --format jsonl --jobs "$JOBS" --quiet "$input" | wc -l)
    end=$(date +%s%N)
    seconds=$(awk -v s="$start" -v e="$end" 'BEGIN { printf "%.2f", (e - s) / 1e9 }')
    label=$([[ $input == "$CORPUS" ]] && echo "corpus" || echo "corpus × $COPIES")
    awk -v l="$label" -v b="$bytes" -v r="$records" -v s="$seconds" -v m="$(cat "$WORK/mem")" \
        'BEGIN { printf "| %s | %d | %d | %s | %.1f | %.1f |\n", l, b, r, s, b / 1e6 / s, m / 1024 }'
done
