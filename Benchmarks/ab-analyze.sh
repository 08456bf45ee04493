#!/usr/bin/env bash
# Times two builds of the CLI against each other on `analyze --input jsonl --format jsonl`,
# taking turns, so that both see the same load on a shared machine:
#
#     Benchmarks/ab-analyze.sh OLD_CLI NEW_CLI [FILE]     # FILE: default the news corpus
#     RUNS=9 JOBS=2 Benchmarks/ab-analyze.sh OLD NEW       # runs per build (default 5), --jobs
#
# Build the old one from a commit with `git worktree add /tmp/old COMMIT && swift build -c
# release --package-path /tmp/old`. Each build runs once untimed (page cache), then RUNS
# times, alternating. The table gives each build's best and median wall time (`date
# +%s%N` around the process), MB/s of the file (1 MB = 10^6 bytes), and new/old for best
# and median. Both outputs are compared with `cmp` first: a faster build that writes other
# records is not faster.
set -euo pipefail

OLD=${1:?usage: ab-analyze.sh OLD_CLI NEW_CLI [FILE]}
NEW=${2:?usage: ab-analyze.sh OLD_CLI NEW_CLI [FILE]}
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
CORPUS=${3:-$HERE/../../shared/corpus/saudinewsnet-dev.jsonl}
RUNS=${RUNS:-5}
JOBS=${JOBS:-1}
[[ -r $CORPUS ]] || { echo "ab-analyze.sh: cannot read $CORPUS" >&2; exit 2; }
for cli in "$OLD" "$NEW"; do [[ -x $cli ]] || { echo "ab-analyze.sh: $cli is not executable" >&2; exit 2; }; done
BYTES=$(stat -c %s "$CORPUS")
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

analyze() { "$1" analyze --input jsonl --format jsonl --jobs "$JOBS" --quiet "$CORPUS"; }

analyze "$OLD" > "$WORK/old.jsonl" || true
analyze "$NEW" > "$WORK/new.jsonl" || true
if ! cmp -s "$WORK/old.jsonl" "$WORK/new.jsonl"; then
    echo "ab-analyze.sh: the two builds write different output: $(cmp "$WORK/old.jsonl" "$WORK/new.jsonl" 2>&1 | head -1)" >&2
    exit 1
fi
rm -f "$WORK/old.jsonl" "$WORK/new.jsonl"

: > "$WORK/old.times"
: > "$WORK/new.times"
for _ in $(seq "$RUNS"); do
    for which in old new; do
        cli=$OLD
        [[ $which == new ]] && cli=$NEW
        start=$(date +%s%N)
        analyze "$cli" > /dev/null || true
        end=$(date +%s%N)
        echo $(((end - start) / 1000000)) >> "$WORK/$which.times"
    done
done

python3 - "$WORK/old.times" "$WORK/new.times" "$BYTES" "$RUNS" "$JOBS" <<'PY'
import statistics, sys
old = sorted(int(x) for x in open(sys.argv[1]))
new = sorted(int(x) for x in open(sys.argv[2]))
size, runs, jobs = int(sys.argv[3]), sys.argv[4], sys.argv[5]
print(f"analyze --input jsonl --format jsonl --jobs {jobs}, {size} bytes, {runs} runs each, alternating")
print()
print("| build | best s | median s | best MB/s | median MB/s |")
print("|---|---:|---:|---:|---:|")
for name, times in (("old", old), ("new", new)):
    best, median = times[0] / 1000, statistics.median(times) / 1000
    print(f"| {name} | {best:.2f} | {median:.2f} | {size / best / 1e6:.1f} | {size / median / 1e6:.1f} |")
print()
print(f"new/old: best {new[0] / old[0]:.2f}, median {statistics.median(new) / statistics.median(old):.2f}")
PY
