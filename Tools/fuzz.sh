#!/usr/bin/env bash
# Builds the libFuzzer harnesses of Fuzz/ (with AddressSanitizer) and runs each for a fixed
# time, one after the other, with leak detection on; prints executions and coverage.
#
#   Tools/fuzz.sh                      # every target, 60 s each
#   Tools/fuzz.sh 600 tokenizer        # one target, 10 minutes
#   Tools/fuzz.sh 0                    # build only
#
# Targets: normalizer tokenizer quotations analyze (FuzzNormalizer … in Fuzz/Sources).
# Seeds: Fuzz/Seeds/ and, when the news corpus is there (ARABIC_TEXT_CORPUS, else
# ../shared/corpus/saudinewsnet-dev.jsonl), paragraphs of its first articles, written to a
# temporary folder (corpus text is never committed). The corpus libFuzzer grows is kept in
# FUZZ_WORK (default /tmp/arabic-text-fuzz), so later runs start from it; crashes are
# written there too, as <target>-crash-… (the script exits 1 when any target crashed).
# FUZZ_STRICT=1 adds the claims that hold on real text only (see Fuzz/Sources/FuzzChecks).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
export PATH="/opt/swift/usr/bin:$PATH"

SECONDS_EACH=${1:-60}
shift || true
TARGETS=("$@")
[[ ${#TARGETS[@]} -gt 0 ]] || TARGETS=(normalizer tokenizer quotations analyze)
WORK=${FUZZ_WORK:-/tmp/arabic-text-fuzz}
RSS_LIMIT_MB=${FUZZ_RSS_LIMIT_MB:-2048}
MAX_LEN=${FUZZ_MAX_LEN:-4096}

product() {
    case $1 in
        normalizer) echo FuzzNormalizer ;;
        tokenizer) echo FuzzTokenizer ;;
        quotations) echo FuzzQuotations ;;
        analyze) echo FuzzAnalyze ;;
        *) echo "fuzz.sh: unknown target '$1' (known: normalizer tokenizer quotations analyze)" >&2; exit 2 ;;
    esac
}
for target in "${TARGETS[@]}"; do product "$target" > /dev/null; done

echo "== building Fuzz/ (release, -sanitize=fuzzer,address)"
build_start=$(date +%s)
(cd Fuzz && swift build -c release \
    -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library \
    -Xcc -fsanitize=fuzzer-no-link,address 2>&1 | grep -v "Cannot export local symbol '__asan_extra_spill_area'")
BIN="$(cd Fuzz && swift build -c release --show-bin-path)"
echo "built in $(($(date +%s) - build_start)) s"
[[ $SECONDS_EACH -gt 0 ]] || exit 0

SEEDS=$(mktemp -d)
trap 'rm -rf "$SEEDS"' EXIT
cp Fuzz/Seeds/* "$SEEDS/"
CORPUS_FILE=${ARABIC_TEXT_CORPUS:-$ROOT/../shared/corpus/saudinewsnet-dev.jsonl}
if [[ -f $CORPUS_FILE ]] && command -v python3 > /dev/null; then
    python3 - "$CORPUS_FILE" "$SEEDS" << 'EOF'
import json, sys
# Three paragraphs of each of the first 80 articles, each cut to 1,500 bytes on a character.
source, folder = sys.argv[1], sys.argv[2]
count = 0
with open(source, encoding="utf-8") as lines:
    for number, line in enumerate(lines):
        if number >= 80:
            break
        try:
            text = json.loads(line).get("text", "")
        except ValueError:
            text = line
        for paragraph in [p for p in text.split("\n") if p.strip()][:3]:
            data = paragraph.encode()[:1500].decode("utf-8", "ignore").encode()
            with open(f"{folder}/news-{count:04d}", "wb") as out:
                out.write(data)
            count += 1
print(f"seeds: {count} paragraphs of {source}")
EOF
else
    echo "seeds: Fuzz/Seeds only (no corpus at $CORPUS_FILE)"
fi

export SWIFT_BACKTRACE=enable=no   # Swift's crash handler and ASan do not mix; libFuzzer reports crashes
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1}
failed=0
summary=()
for target in "${TARGETS[@]}"; do
    name=$(product "$target")
    corpus="$WORK/$target"
    mkdir -p "$corpus" "$WORK/logs"
    log="$WORK/logs/$target.log"
    echo "== $target: $SECONDS_EACH s (log: $log)"
    status=0
    "$BIN/$name" -max_total_time="$SECONDS_EACH" -rss_limit_mb="$RSS_LIMIT_MB" -max_len="$MAX_LEN" \
        -detect_leaks=1 -print_final_stats=1 -dict=Fuzz/news.dict -artifact_prefix="$WORK/$target-" \
        "$corpus" "$SEEDS" > "$log" 2>&1 || status=$?
    done_line=$(grep -E '^#[0-9]+[[:space:]]+DONE' "$log" | tail -1 || true)
    execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
    rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)
    cov=$(echo "$done_line" | sed -n 's/.*cov: \([0-9]*\).*/\1/p')
    ft=$(echo "$done_line" | sed -n 's/.*ft: \([0-9]*\).*/\1/p')
    units=$(echo "$done_line" | sed -n 's/.*corp: \([0-9]*\/[0-9a-zA-Z]*\).*/\1/p')
    if [[ $status -ne 0 ]]; then
        failed=1
        result="FAILED (exit $status)"
        grep -E 'invariant broken|ERROR: |SUMMARY: |Test unit written' "$log" | head -5 | sed 's/^/    /'
    else
        result=ok
    fi
    summary+=("$(printf '%-11s %5s s  %10s execs  %6s exec/s  cov %5s  ft %6s  corpus %-12s %s' \
        "$target" "$SECONDS_EACH" "${execs:-?}" "${rate:-?}" "${cov:-?}" "${ft:-?}" "${units:-?}" "$result")")
done
echo "== summary"
printf '%s\n' "${summary[@]}"
exit $failed
