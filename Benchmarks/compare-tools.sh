#!/usr/bin/env bash
# Times normalization and tokenization by arabic-text beside CAMeL Tools, PyArabic and ICU's
# word iterator through PyICU, on the same text, in one run (the timing is compare_tools.py).
#
#     Benchmarks/compare-tools.sh [CORPUS]     # default: ../shared/corpus/saudinewsnet-dev.jsonl
#     MB=40 RUNS=7 Benchmarks/compare-tools.sh # more text, more rounds
#
# It makes (or reuses) a virtual environment with camel-tools, PyArabic, PyICU and
# matplotlib, builds arabic-text (release) from this tree unless ARABIC_TEXT_CLI is given,
# takes the text of the first whole articles of CORPUS up to MB MB into a plain text file
# (in a temporary directory, deleted at the end), times every pipeline, and prints Markdown
# (the machine, the versions, the tables) to standard output and writes the chart.
#
# Environment:
#   MB           MB (10^6 bytes) of article text to time on (default 20: about 3 minutes)
#   RUNS         rounds, each timing every Python pipeline once (default 5)
#   CLI_REPEATS  runs of each arabic-text command per round (default 3)
#   CHART        the PNG to write (default Docs/benchmarks.png of this tree; CHART= for none)
#   VENV         the virtual environment (default /tmp/arabic-text-tools-venv)
#   PYTHON       the Python to make it with (default python3; camel-tools 1.6.0 wants >= 3.11)
#   CAMEL_FULL=1 install camel-tools with all its dependencies (torch, transformers, kenlm,
#                scikit-learn, …: gigabytes). By default it is installed without them, plus
#                the three that the modules timed here import (regex, emoji, six).
#   ARABIC_TEXT_CLI  time this binary instead of building the working tree
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(dirname "$HERE")
NAME=compare-tools.sh
CORPUS=${1:-$ROOT/../shared/corpus/saudinewsnet-dev.jsonl}
MB=${MB:-20}
RUNS=${RUNS:-5}
CLI_REPEATS=${CLI_REPEATS:-3}
CHART=${CHART-$ROOT/Docs/benchmarks.png}
VENV=${VENV:-/tmp/arabic-text-tools-venv}
PYTHON=${PYTHON:-python3}
# shellcheck source=common.sh
source "$HERE/common.sh"

[[ -r $CORPUS ]] || { echo "$NAME: cannot read corpus $CORPUS" >&2; exit 2; }
CORPUS=$(cd "$(dirname "$CORPUS")" && pwd)/$(basename "$CORPUS")
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

# The libraries. Pinned to the versions Docs/Benchmarks.md was measured with; pip does
# nothing (and needs no network) when they are installed already. PyICU is built from
# source against the system's ICU (libicu-dev, pkg-config and a C++ compiler; ~90 s).
if [[ ! -x $VENV/bin/python ]]; then
    echo "Making the virtual environment $VENV..." >&2
    "$PYTHON" -m venv "$VENV" >&2
fi
PIP=("$VENV/bin/python" -m pip install --quiet --disable-pip-version-check)
echo "Installing camel-tools, PyArabic, PyICU and matplotlib into $VENV (when missing)..." >&2
if [[ -n ${CAMEL_FULL:-} ]]; then
    "${PIP[@]}" camel-tools==1.6.0 >&2
    CAMEL_INSTALL="camel-tools with all its dependencies"
else
    "${PIP[@]}" --no-deps camel-tools==1.6.0 >&2
    "${PIP[@]}" regex emoji six >&2
    CAMEL_INSTALL="camel-tools --no-deps, plus regex, emoji and six"
fi
"${PIP[@]}" pyarabic==0.6.15 PyICU==2.17 matplotlib >&2
"$VENV/bin/python" -c 'import camel_tools.tokenizers.word, camel_tools.utils.normalize, pyarabic.araby, icu, matplotlib' ||
    { echo "$NAME: the libraries do not import from $VENV" >&2; exit 1; }

find_cli

lscpu_field() { lscpu | sed -n "s/^$1: *//p" | head -1; }
OS=$( (. /etc/os-release && echo "$PRETTY_NAME") 2>/dev/null || uname -s)
HYPERVISOR=$(lscpu_field 'Hypervisor vendor')
echo "- Machine: $(machine_summary)"
echo "- lscpu: $(lscpu_field 'Model name'); $(lscpu_field 'CPU(s)') CPUs, $(lscpu_field 'Thread(s) per core') thread(s) per core; L2 $(lscpu_field 'L2 cache'), L3 $(lscpu_field 'L3 cache')${HYPERVISOR:+; virtual machine ($HYPERVISOR)}. nproc: $(nproc). $OS, Linux $(uname -r)."
echo "- arabic-text: $CLI ($BUILT_FROM)."
echo "- Libraries: $VENV ($CAMEL_INSTALL)."
CHART_ARGS=()
[[ -n $CHART ]] && CHART_ARGS=(--chart "$CHART")
"$VENV/bin/python" "$HERE/compare_tools.py" --cli "$CLI" --corpus "$CORPUS" --mb "$MB" \
    --runs "$RUNS" --cli-repeats "$CLI_REPEATS" --work "$WORK" ${CHART_ARGS[@]+"${CHART_ARGS[@]}"}
