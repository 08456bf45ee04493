#!/usr/bin/env bash
# How `arabic-text analyze --input jsonl --format jsonl` scales from one job to two, and how
# far two cores of this machine scale at all:
#
#     Benchmarks/scaling.sh CLI [FILE]      # FILE: default the news corpus
#     RUNS=9 Benchmarks/scaling.sh CLI       # rounds (default 7)
#
# Each round runs, one after the other:
#   - `--jobs 1` on the whole file;
#   - `--jobs 2` on the whole file;
#   - two `--jobs 1` processes at once, one on each half of the file (cut at a line). No
#     thread of ours is shared between them, so their time is what the two cores give to
#     two independent copies of the work: the ceiling for `--jobs 2`.
# The three runs of a round are seconds apart and see about the same load, so the ratios
# are taken within each round, and the table gives their median over the rounds (and each
# kind's best and median wall time).
#
# First it checks that `--jobs 2` writes the same bytes as `--jobs 1`, and that the two
# halves' outputs, one after the other, are the whole file's: the ratios compare the same
# work.
set -euo pipefail

CLI=${1:?usage: scaling.sh CLI [FILE]}
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
CORPUS=${2:-$HERE/../../shared/corpus/saudinewsnet-dev.jsonl}
RUNS=${RUNS:-7}
[[ -r $CORPUS ]] || { echo "scaling.sh: cannot read $CORPUS" >&2; exit 2; }
[[ -x $CLI ]] || { echo "scaling.sh: $CLI is not executable" >&2; exit 2; }
BYTES=$(stat -c %s "$CORPUS")
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

LINES=$(wc -l < "$CORPUS")
head -n $((LINES / 2)) "$CORPUS" > "$WORK/first.jsonl"
tail -n +$((LINES / 2 + 1)) "$CORPUS" > "$WORK/second.jsonl"

analyze() { "$CLI" analyze --input jsonl --format jsonl --quiet --jobs "$1" "$2"; }
both_halves() {
    analyze 1 "$WORK/first.jsonl" > "$1" &
    local first=$!
    analyze 1 "$WORK/second.jsonl" > "$2" || true
    wait "$first" || true
}

analyze 1 "$CORPUS" > "$WORK/one.jsonl" || true
analyze 2 "$CORPUS" > "$WORK/two.jsonl" || true
both_halves "$WORK/first.out" "$WORK/second.out"
cat "$WORK/first.out" "$WORK/second.out" > "$WORK/halves.jsonl"
for other in two halves; do
    if ! cmp -s "$WORK/one.jsonl" "$WORK/$other.jsonl"; then
        echo "scaling.sh: --jobs 1 and the '$other' run write different output" >&2
        exit 1
    fi
done
rm -f "$WORK"/*.out "$WORK/one.jsonl" "$WORK/two.jsonl" "$WORK/halves.jsonl"

milliseconds() {
    local start end
    start=$(date +%s%N)
    "$@" > /dev/null || true
    end=$(date +%s%N)
    echo $(((end - start) / 1000000))
}

: > "$WORK/times"
for _ in $(seq "$RUNS"); do
    one=$(milliseconds analyze 1 "$CORPUS")
    two=$(milliseconds analyze 2 "$CORPUS")
    halves=$(milliseconds both_halves /dev/null /dev/null)
    echo "$one $two $halves" >> "$WORK/times"
done

python3 - "$WORK/times" "$BYTES" "$RUNS" "$(nproc)" <<'PY'
import statistics, sys
rounds = [tuple(int(x) for x in line.split()) for line in open(sys.argv[1])]
size, runs, cores = int(sys.argv[2]), sys.argv[3], sys.argv[4]
print(f"analyze --input jsonl --format jsonl, {size} bytes, {runs} rounds, {cores} cores")
print()
print("| run | best s | median s | best MB/s | median MB/s |")
print("|---|---:|---:|---:|---:|")
names = ("`--jobs 1`", "`--jobs 2`", "two `--jobs 1` processes, a half each")
for column, name in enumerate(names):
    times = sorted(r[column] for r in rounds)
    best, median = times[0] / 1000, statistics.median(times) / 1000
    print(f"| {name} | {best:.2f} | {median:.2f} | {size / best / 1e6:.1f} | {size / median / 1e6:.1f} |")
print()
jobs = [r[0] / r[1] for r in rounds]
ceiling = [r[0] / r[2] for r in rounds]
share = [r[2] / r[1] for r in rounds]
print("Within each round (median over rounds, then lowest–highest):")
print(f"- `--jobs 2` over `--jobs 1`: {statistics.median(jobs):.2f}× ({min(jobs):.2f}–{max(jobs):.2f})")
print(f"- two processes over `--jobs 1` (the machine's ceiling): {statistics.median(ceiling):.2f}× "
      f"({min(ceiling):.2f}–{max(ceiling):.2f})")
print(f"- `--jobs 2` as a share of that ceiling: {statistics.median(share):.2f} "
      f"({min(share):.2f}–{max(share):.2f})")
PY
