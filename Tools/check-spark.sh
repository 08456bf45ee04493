#!/usr/bin/env bash
# The JSONL mode as a streaming mapper: runs `arabic-text analyze --input jsonl --format jsonl`
# under Spark's RDD.pipe (Examples/spark/analyze_pipe.py, local[2]) and under GNU parallel
# (--pipe and --pipepart) on a sample of the news corpus with bad records added, and compares
# each output with the CLI's own output on the same input. See Docs/Scaling.md.
#
#   bash Tools/check-spark.sh
#   ARABIC_TEXT_CLI=/path/to/arabic-text bash Tools/check-spark.sh   # skip the release build
#
# Needs: python3 (3.9+, with venv and pip), Java 17 or later (`java` on PATH, or JAVA_HOME),
# the corpus, and GNU parallel (installed with apt-get when missing and possible; its check is
# skipped, loudly, when it cannot be had). Environment:
#   ARABIC_TEXT_CLI     the CLI to test (default: `swift build -c release` of this tree)
#   ARABIC_TEXT_CORPUS  the JSONL corpus (default: ../shared/corpus/saudinewsnet-dev.jsonl
#                       beside the repository)
#   CHECK_RECORDS       corpus records in the sample (default 300)
#   SPARK_VENV          the virtualenv for pyspark (default /tmp/arabic-text-spark-venv; reused)
#   PYSPARK_VERSION     default 4.0.1
#   KEEP_WORK=1         keep the work directory (the inputs and outputs) and print its path
# Exit code 0 when every output equals the CLI's, 1 when one differs or a step fails.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
CORPUS=${ARABIC_TEXT_CORPUS:-$ROOT/../shared/corpus/saudinewsnet-dev.jsonl}
RECORDS=${CHECK_RECORDS:-300}
VENV=${SPARK_VENV:-/tmp/arabic-text-spark-venv}
PYSPARK_VERSION=${PYSPARK_VERSION:-4.0.1}
PYTHON=${PYTHON:-python3}
EXAMPLE=$ROOT/Examples/spark/analyze_pipe.py
START=$SECONDS

say() { echo "check-spark: $*" >&2; }
fail() { echo "check-spark: FAILED: $*" >&2; exit 1; }

# --- what the check needs -------------------------------------------------------------------
[ -f "$CORPUS" ] || fail "no corpus at $CORPUS (set ARABIC_TEXT_CORPUS)"
command -v "$PYTHON" > /dev/null || fail "$PYTHON not found: the Spark example needs Python 3.9 or later"

JAVA=java
if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ]; then JAVA=$JAVA_HOME/bin/java; fi
command -v "$JAVA" > /dev/null ||
    fail "java not found: Spark needs Java 17 or later on PATH or in JAVA_HOME (Debian: apt-get install -y openjdk-17-jre-headless)"
JAVA_VERSION=$("$JAVA" -version 2>&1 | sed -n 's/.* version "\([^"]*\)".*/\1/p' | head -n 1)
JAVA_MAJOR=${JAVA_VERSION%%[.+-]*}
[ "$JAVA_MAJOR" = 1 ] && JAVA_MAJOR=$(echo "$JAVA_VERSION" | cut -d. -f2)   # 1.8 -> 8
[[ "$JAVA_MAJOR" =~ ^[0-9]+$ ]] && [ "$JAVA_MAJOR" -ge 17 ] ||
    fail "pyspark $PYSPARK_VERSION needs Java 17 or later; $JAVA is '${JAVA_VERSION:-unknown}'"

if [ -z "${ARABIC_TEXT_CLI:-}" ]; then
    [ -d /opt/swift/usr/bin ] && export PATH="/opt/swift/usr/bin:$PATH"
    say "building the CLI (swift build -c release --product arabic-text in $ROOT)"
    (cd "$ROOT" && swift build -c release --product arabic-text >&2) || fail "the release build failed"
    ARABIC_TEXT_CLI="$(cd "$ROOT" && swift build -c release --show-bin-path)/arabic-text"
fi
CLI=$(cd "$(dirname "$ARABIC_TEXT_CLI")" && pwd)/$(basename "$ARABIC_TEXT_CLI")
[ -x "$CLI" ] || fail "no executable CLI at $CLI"

if ! "$VENV/bin/python" -c "import pyspark, sys; sys.exit(pyspark.__version__ != '$PYSPARK_VERSION')" 2> /dev/null; then
    say "installing pyspark $PYSPARK_VERSION into $VENV"
    "$PYTHON" -m venv "$VENV" ||
        fail "could not make a virtualenv at $VENV (Debian: apt-get install -y python3-venv)"
    "$VENV/bin/python" -m pip install -q "pyspark==$PYSPARK_VERSION" || fail "pip install pyspark==$PYSPARK_VERSION failed"
fi

PARALLEL=yes
gnu_parallel() { command -v parallel > /dev/null && parallel --version 2> /dev/null | grep -q "GNU parallel"; }
if ! gnu_parallel && [ "$(id -u)" = 0 ] && command -v apt-get > /dev/null; then
    say "installing GNU parallel (apt-get install -y parallel)"
    export DEBIAN_FRONTEND=noninteractive
    apt-get install -y -qq parallel > /dev/null 2>&1 ||
        { apt-get update -qq > /dev/null 2>&1 && apt-get install -y -qq parallel > /dev/null 2>&1; } || true
fi
if ! gnu_parallel; then
    PARALLEL=no
    echo "check-spark: ################################################################" >&2
    echo "check-spark: ## GNU parallel is not available (and could not be installed):  ##" >&2
    echo "check-spark: ## its check is SKIPPED. Only the Spark example is checked.       ##" >&2
    echo "check-spark: ################################################################" >&2
fi

WORK=$(mktemp -d "${TMPDIR:-/tmp}/check-spark.XXXXXX")
if [ "${KEEP_WORK:-}" = 1 ]; then say "work directory: $WORK"; else trap 'rm -rf "$WORK"' EXIT; fi

# --- the input: corpus records; bad records at the start, in the middle and at the end; two
# blank lines (no record, no output); a raw carriage return inside a line and a CR LF line end
# (lines end at LF only, for the CLI as for the Spark example)
HALF=$((RECORDS / 2))
{
    printf '{"id":"bad-json","text":"an unterminated string\n'
    head -n "$HALF" "$CORPUS"
    printf '{"id":"no-text","title":"a record without text"}\n'
    printf '\n'
    printf ' \t\r\n'
    printf '{"id":"raw-cr","text":"a carriage return\r inside a string: invalid JSON, one record"}\n'
    printf '{"id":"crlf","text":"a line that ends in CR LF"}\r\n'
    head -n "$RECORDS" "$CORPUS" | tail -n +"$((HALF + 1))"
    printf '{"text":"قال وزير الخارجية إن المحادثات ستستأنف غدا.","note":"no id: the CLI names it by its line"}\n'
    printf '{"title":"neither id nor text"}\n'
} > "$WORK/in.jsonl"
LINES=$(wc -l < "$WORK/in.jsonl")
[ "$LINES" -eq $((RECORDS + 8)) ] || fail "the corpus has fewer than $RECORDS records"

# --- the CLI itself, reading standard input ---------------------------------------------------
status=0
"$CLI" analyze --input jsonl --format jsonl --jobs 2 < "$WORK/in.jsonl" > "$WORK/direct.jsonl" 2> "$WORK/direct.err" || status=$?
[ "$status" -eq 1 ] || { cat "$WORK/direct.err" >&2; fail "the CLI exited $status, not 1, on input with bad records"; }
# A blank line (spaces, tabs, CR) holds no record and gives no output line.
RECORDS_IN=$(grep -cv $'^[ \t\r]*$' "$WORK/in.jsonl" || true)
WRITTEN=$(wc -l < "$WORK/direct.jsonl")
[ "$WRITTEN" -eq "$RECORDS_IN" ] || fail "the CLI wrote $WRITTEN lines for $RECORDS_IN records (non-blank lines)"
ERRORS=$(grep -c '"error":' "$WORK/direct.jsonl" || true)

# --- Spark: RDD.pipe in local[2], 4 partitions --------------------------------------------------
say "Spark: $EXAMPLE (local[2], 4 partitions)"
status=0
"$VENV/bin/python" "$EXAMPLE" --partitions 4 "$CLI" "$WORK/in.jsonl" "$WORK/spark-out" > "$WORK/spark.log" 2>&1 || status=$?
if [ "$status" -ne 1 ]; then
    tail -n 40 "$WORK/spark.log" >&2
    fail "the Spark example exited $status, not 1 (bad records), on this input"
fi
cat "$WORK"/spark-out/part-* > "$WORK/spark.jsonl"
PARTS=$(find "$WORK/spark-out" -name 'part-*' | wc -l)
cmp "$WORK/direct.jsonl" "$WORK/spark.jsonl" >&2 || fail "Spark's output differs from the CLI's (KEEP_WORK=1 keeps both)"

# --- GNU parallel: --pipe (from standard input) and --pipepart (from the file) ---------------
# Each chunk is one CLI process, which numbers its lines from 1: an error record's "line" and
# the id "<stdin>:N" of a record without an id count from the chunk's start. The chunks are
# found by running the same split with a line count (parallel splits an input the same way),
# those two fields are renumbered from each chunk's start as analyze_pipe.py does, and then
# every byte must equal the CLI's output.
compare_chunked() { # OUTPUT COUNTS
    "$VENV/bin/python" - "$WORK/direct.jsonl" "$1" "$2" "$EXAMPLE" << 'EOF'
import os, sys
sys.dont_write_bytecode = True  # no __pycache__ in Examples/spark
sys.path.insert(0, os.path.dirname(sys.argv[4]))
from analyze_pipe import renumber

direct = open(sys.argv[1], "rb").read()
chunked = open(sys.argv[2], encoding="utf-8").read().split("\n")[:-1]
counts = [tuple(map(int, line.split())) for line in open(sys.argv[3])]  # (lines, records) a chunk
if len(counts) < 2:
    sys.exit("the input was not split: one chunk")
if sum(records for _, records in counts) != len(chunked):
    sys.exit(f"{len(chunked)} output lines for {sum(records for _, records in counts)} input records")
restored, first, written = [], 0, 0
for lines, records in counts:
    for line in chunked[written : written + records]:
        restored.append(renumber(line, first, lines))
    first += lines
    written += records
if "\n".join(restored).encode() + b"\n" != direct:
    number = next(i for i, (a, b) in enumerate(zip(direct.decode().split("\n"), restored), 1) if a != b)
    sys.exit(f"line {number} differs from the CLI's")
print(len(counts))
EOF
}
PARALLEL_NOTE="GNU parallel SKIPPED (not installed)"
if [ "$PARALLEL" = yes ]; then
    CHUNKS=""
    BLOCK=$(($(wc -c < "$WORK/in.jsonl") / 4 + 1))   # about 4 chunks of the sample; 4M or more on a real corpus
    for mode in pipe pipepart; do
        if [ $mode = pipe ]; then split=(--pipe); else split=(--pipepart -a "$WORK/in.jsonl"); fi
        say "GNU parallel: ${split[0]} --keep-order --block $BLOCK -j2"
        status=0
        parallel "${split[@]}" --keep-order --block "$BLOCK" -j2 -q "$CLI" analyze --input jsonl --format jsonl --jobs 1 \
            < "$WORK/in.jsonl" > "$WORK/$mode.jsonl" 2> "$WORK/$mode.err" || status=$?
        # parallel exits with the number of jobs that failed: here the chunks holding a bad record.
        { [ "$status" -ge 1 ] && [ "$status" -le 100 ]; } || { cat "$WORK/$mode.err" >&2; fail "parallel --$mode exited $status"; }
        parallel "${split[@]}" --keep-order --block "$BLOCK" -j2 -q \
            awk '{ lines++ } !/^[ \t\r]*$/ { records++ } END { print lines + 0, records + 0 }' \
            < "$WORK/in.jsonl" > "$WORK/$mode.counts"
        chunks=$(compare_chunked "$WORK/$mode.jsonl" "$WORK/$mode.counts") ||
            fail "parallel --$mode: its output differs from the CLI's (KEEP_WORK=1 keeps both)"
        CHUNKS="${CHUNKS:+$CHUNKS, }--$mode $chunks chunks"
    done
    PARALLEL_NOTE="GNU parallel ($CHUNKS) equals it byte for byte once chunk-relative line numbers are renumbered"
fi

echo "check-spark: OK: $LINES lines, $RECORDS_IN records ($ERRORS error records): Spark RDD.pipe output ($PARTS partitions) equals the CLI's byte for byte; $PARALLEL_NOTE; $((SECONDS - START)) s"
