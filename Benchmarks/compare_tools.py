#!/usr/bin/env python3
"""Time normalization and tokenization by arabic-text, CAMeL Tools, PyArabic and PyICU.

Run by compare-tools.sh, which makes the virtual environment and builds the CLI; by hand:

    VENV/bin/python Benchmarks/compare_tools.py --cli PATH/arabic-text [--corpus FILE]
        [--mb 20] [--runs 5] [--cli-repeats 3] [--chart Docs/benchmarks.png]

It takes the `text` of whole articles from the start of a JSONL corpus ({"id","text",…}
per line; any other file is taken as plain text) up to --mb MB (10^6 bytes of UTF-8),
writes them once into a plain text file (articles separated by a line feed, their own
line feeds kept), and times on that one file, in one run, three stages:

- normalize: fold the spelling variants of each line;
- tokenize: split each line into tokens;
- normalize + tokenize: tokenize each normalized line.

Ours is the `arabic-text` executable, timed as a whole process (start-up, reading the file,
writing its output to /dev/null) with `time.perf_counter` around `subprocess`. The Python
libraries are timed in this process on the file read into memory beforehand: the text is
decoded and split into lines outside the timing, and each timed run is one loop over the
lines that keeps every result (a list of normalized lines, or of tokens). ICU's word
iterator (PyICU) only walks the boundaries of each line: it makes no token strings.

The runs are interleaved: each of --runs rounds times every Python pipeline once and every
CLI command --cli-repeats times, so background load falls on all of them alike; the
tables give the best run (and the median). MB/s is the text file's size in bytes / 10^6 /
seconds. Markdown goes to standard output, progress to standard error, the chart (grouped
bars, log scale) to --chart.
"""

import argparse
import gc
import importlib.metadata
import importlib.util
import json
import os
import platform
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

import icu  # noqa: E402
import pyarabic.araby as araby  # noqa: E402
from camel_tools.tokenizers.word import simple_word_tokenize  # noqa: E402

from icu_words import word_breaks  # noqa: E402


def _load_compare_normalizers():
    """compare-normalizers.py (a hyphen in its name, so not importable by name): its
    compositions of CAMeL Tools' and PyArabic's normalizers are the ones timed here."""
    spec = importlib.util.spec_from_file_location(
        "compare_normalizers", os.path.join(HERE, "compare-normalizers.py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


NORMALIZERS = _load_compare_normalizers()
camel_normalize = NORMALIZERS.camel_functions       # dediac_ar, alef, alef maksura, teh marbuta
camel_arclean_normalize = NORMALIZERS.camel_arclean  # arclean, then the same four
pyarabic_normalize = NORMALIZERS.pyarabic_composed  # strip_tashkeel, strip_tatweel, normalize_alef, normalize_hamza

STAGES = ["normalize", "tokenize", "normalize + tokenize"]

OURS = "arabic-text"
OURS_PIPE = "arabic-text, 2 processes piped"
CAMEL = "CAMeL Tools"
CAMEL_ARCLEAN = "CAMeL Tools, arclean + the 4"
PYARABIC = "PyArabic"
PYICU = "ICU word iterator (PyICU)"
TOOLS = [OURS, OURS_PIPE, CAMEL, CAMEL_ARCLEAN, PYARABIC, PYICU]


# ---------------------------------------------------------------------------------------
# The corpus

def extract(corpus, limit, out_path):
    """Writes the text of whole articles, up to `limit` bytes of UTF-8, to `out_path`;
    returns (articles, bytes written)."""
    articles = 0
    size = 0
    with open(corpus, encoding="utf-8") as source, open(out_path, "w", encoding="utf-8", newline="") as out:
        if corpus.endswith(".jsonl"):
            for line in source:
                if not line.strip():
                    continue
                text = json.loads(line).get("text")
                if not isinstance(text, str) or not text:
                    continue
                piece = text + "\n"
                piece_size = len(piece.encode("utf-8"))
                if articles and size + piece_size > limit:
                    break
                out.write(piece)
                articles += 1
                size += piece_size
        else:
            for line in source:
                line_size = len(line.encode("utf-8"))
                if articles and size + line_size > limit:
                    break
                out.write(line)
                articles += 1
                size += line_size
    return articles, size


# ---------------------------------------------------------------------------------------
# The Python pipelines: each takes the lines and returns (seconds, tokens or None).

def _timed(body):
    gc.collect()  # no garbage of an earlier run is collected during this one
    start = time.perf_counter()
    result = body()
    seconds = time.perf_counter() - start
    count = len(result) if isinstance(result, list) else result
    del result
    return seconds, count


def normalizing(normalize):
    def run(lines):
        return _timed(lambda: [normalize(line) for line in lines])
    return run


def tokenizing(tokenize, normalize=None):
    def run(lines):
        def body():
            tokens = []
            extend = tokens.extend
            if normalize is None:
                for line in lines:
                    extend(tokenize(line))
            else:
                for line in lines:
                    extend(tokenize(normalize(line)))
            return tokens
        return _timed(body)
    return run


def icu_walking():
    iterator = icu.BreakIterator.createWordInstance(icu.Locale("ar"))

    def run(lines):
        return _timed(lambda: word_breaks(iterator, lines)[0])
    return run


# ---------------------------------------------------------------------------------------
# The CLI: whole processes, output to /dev/null.

def cli_command(argv):
    def run(capture=False):
        start = time.perf_counter()
        result = subprocess.run(argv, stdout=subprocess.PIPE if capture else subprocess.DEVNULL, check=True)
        return time.perf_counter() - start, result.stdout
    return run


def cli_pipe(first, second):
    def run(capture=False):
        start = time.perf_counter()
        producer = subprocess.Popen(first, stdout=subprocess.PIPE)
        consumer = subprocess.Popen(second, stdin=producer.stdout,
                                    stdout=subprocess.PIPE if capture else subprocess.DEVNULL)
        producer.stdout.close()
        output = consumer.communicate()[0]
        if producer.wait() != 0 or consumer.returncode != 0:
            sys.exit(f"failed: {' '.join(first)} | {' '.join(second)}")
        return time.perf_counter() - start, output
    return run


def count_token_lines(output):
    """Tokens in `arabic-text tokenize`'s text output: one per line, and an empty line
    after each input line that had tokens."""
    return sum(1 for line in output.split(b"\n") if line)


# ---------------------------------------------------------------------------------------

def versions():
    names = ["camel-tools", "pyarabic", "PyICU", "regex", "emoji", "matplotlib"]
    found = {}
    for name in names:
        try:
            found[name] = importlib.metadata.version(name)
        except importlib.metadata.PackageNotFoundError:
            found[name] = "not installed"
    return found


def mbs(size, seconds):
    return size / 1e6 / seconds


def chart(path, results, size, title_note):
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from matplotlib.ticker import FuncFormatter

    colors = {OURS: "#1f77b4", OURS_PIPE: "#6baed6", CAMEL: "#d62728", CAMEL_ARCLEAN: "#ff9896",
              PYARABIC: "#2ca02c", PYICU: "#9467bd"}
    figure, axes = plt.subplots(figsize=(10, 5.6), dpi=110)
    width = 0.14
    seen = set()
    for index, stage in enumerate(STAGES):
        present = [tool for tool in TOOLS if (tool, stage) in results]
        for slot, tool in enumerate(present):
            x = index + (slot - (len(present) - 1) / 2) * width
            value = mbs(size, min(results[(tool, stage)]))
            axes.bar(x, value, width * 0.92, color=colors[tool],
                     label=None if tool in seen else tool, edgecolor="black", linewidth=0.4)
            seen.add(tool)
            axes.annotate(f"{value:.3g}", (x, value), xytext=(0, 2), textcoords="offset points",
                          ha="center", va="bottom", fontsize=7.5)
    axes.set_yscale("log")
    axes.yaxis.set_major_formatter(FuncFormatter(lambda value, _: f"{value:g}"))
    axes.set_xticks(range(len(STAGES)), STAGES)
    axes.set_ylabel("MB/s of UTF-8 input (log scale, best run)")
    axes.set_title(f"Throughput per tool and stage: {title_note}", fontsize=10)
    axes.grid(axis="y", which="major", linestyle=":", linewidth=0.6)
    axes.set_ylim(1, axes.get_ylim()[1] * 2.5)
    figure.text(0.01, 0.01, "arabic-text: whole processes (start-up, reading the file, writing to /dev/null). "
                "Python libraries: in one process, on the text already in memory; PyICU only walks the boundaries.",
                fontsize=7.5, color="#444444")
    handles, labels = axes.get_legend_handles_labels()
    order = [labels.index(tool) for tool in TOOLS if tool in labels]
    axes.legend([handles[i] for i in order], [labels[i] for i in order], fontsize=8, ncol=3,
                loc="upper right", frameon=False)
    figure.tight_layout(rect=(0, 0.03, 1, 1))
    figure.savefig(path)
    plt.close(figure)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    default_corpus = os.path.normpath(os.path.join(HERE, "..", "..", "shared", "corpus", "saudinewsnet-dev.jsonl"))
    parser.add_argument("--cli", required=True, help="the arabic-text executable")
    parser.add_argument("--corpus", default=default_corpus, help="JSONL of articles or a text file (default: %(default)s)")
    parser.add_argument("--mb", type=float, default=20, help="MB (10^6 bytes) of article text to take (default: %(default)s)")
    parser.add_argument("--text", help="where to write the extracted text (default: a file in --work)")
    parser.add_argument("--work", default="/tmp", help="directory for the extracted text (default: %(default)s)")
    parser.add_argument("--runs", type=int, default=5, help="rounds; each times every Python pipeline once (default: %(default)s)")
    parser.add_argument("--cli-repeats", type=int, default=3, help="runs of each CLI command per round (default: %(default)s)")
    parser.add_argument("--chart", help="write the chart (PNG) here")
    parser.add_argument("--chart-note", default="", help="added to the chart's title")
    parser.add_argument("--json", help="also write the raw timings here")
    arguments = parser.parse_args()

    cli = arguments.cli
    if not os.access(cli, os.X_OK):
        sys.exit(f"compare_tools.py: {cli} is not executable")
    text_path = arguments.text or os.path.join(arguments.work, "compare-tools-corpus.txt")
    limit = int(arguments.mb * 1e6)
    articles, size = extract(arguments.corpus, limit, text_path)
    print(f"Extracted {articles} articles, {size} bytes, into {text_path}", file=sys.stderr)
    empty_path = text_path + ".empty"
    open(empty_path, "w").close()

    with open(text_path, "rb") as handle:
        data = handle.read()
    assert len(data) == size
    text = data.decode("utf-8")
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    del text

    python_runs = {
        (CAMEL, "normalize"): normalizing(camel_normalize),
        (CAMEL, "tokenize"): tokenizing(simple_word_tokenize),
        (CAMEL, "normalize + tokenize"): tokenizing(simple_word_tokenize, camel_normalize),
        (CAMEL_ARCLEAN, "normalize"): normalizing(camel_arclean_normalize),
        (PYARABIC, "normalize"): normalizing(pyarabic_normalize),
        (PYARABIC, "tokenize"): tokenizing(araby.tokenize),
        (PYARABIC, "normalize + tokenize"): tokenizing(araby.tokenize, pyarabic_normalize),
        (PYICU, "tokenize"): icu_walking(),
    }
    commands = {
        (OURS, "normalize"): [cli, "normalize", "--preset", "search", text_path],
        (OURS, "tokenize"): [cli, "tokenize", "--preset", "none", text_path],
        (OURS, "normalize + tokenize"): [cli, "tokenize", "--normalized", text_path],
    }
    pipe = ([cli, "normalize", "--preset", "search", text_path], [cli, "tokenize", "--preset", "none"])
    cli_runs = {key: cli_command(argv) for key, argv in commands.items()}
    cli_runs[(OURS_PIPE, "normalize + tokenize")] = cli_pipe(*pipe)
    startup_argv = [cli, "normalize", "--preset", "search", empty_path]
    startup = cli_command(startup_argv)

    # Untimed: one run of each CLI command (page cache, and the token counts), one of startup.
    counts = {}
    for key, run in cli_runs.items():
        _, output = run(capture=True)
        if key[1] != "normalize":
            counts[key] = count_token_lines(output)
    startup()

    results = {key: [] for key in list(cli_runs) + list(python_runs)}
    startup_times = []
    load_before = os.getloadavg()
    began = time.perf_counter()
    for round_number in range(arguments.runs):
        print(f"Round {round_number + 1} of {arguments.runs}", file=sys.stderr)
        for key, run in cli_runs.items():
            for _ in range(arguments.cli_repeats):
                results[key].append(run()[0])
        for _ in range(arguments.cli_repeats):
            startup_times.append(startup()[0])
        for key, run in python_runs.items():
            seconds, count = run(lines)
            results[key].append(seconds)
            if key[1] != "normalize":
                counts[key] = count
            print(f"  {key[0]}, {key[1]}: {seconds:.3f} s", file=sys.stderr)
    elapsed = time.perf_counter() - began
    load_after = os.getloadavg()

    # The report.
    found = versions()
    print(f"- Text: {articles} articles, the `text` fields of the first ones in {arguments.corpus}: "
          f"{size:,} bytes of UTF-8 ({size / 1e6:.2f} MB, MB = 10^6 bytes), {len(lines):,} lines.")
    print(f"- Runs: {arguments.runs} rounds, interleaved; best of {arguments.runs} for the Python "
          f"pipelines, of {arguments.runs * arguments.cli_repeats} for each arabic-text command; "
          f"{elapsed:.0f} s of timing; load average {load_before[0]:.2f} before, {load_after[0]:.2f} after.")
    print(f"- Python {platform.python_version()}; camel-tools {found['camel-tools']}, "
          f"pyarabic {found['pyarabic']}, PyICU {found['PyICU']} (ICU {icu.ICU_VERSION}), "
          f"regex {found['regex']}, emoji {found['emoji']}, matplotlib {found['matplotlib']}.")
    print(f"- arabic-text start-up (`normalize` of an empty file, whole process): "
          f"best {min(startup_times) * 1000:.1f} ms, median {statistics.median(startup_times) * 1000:.1f} ms.")
    print()

    def cell(tool, stage):
        if (tool, stage) not in results:
            return "—"
        return f"{mbs(size, min(results[(tool, stage)])):.3g}"

    print("MB/s (best run):")
    print()
    print("| tool | " + " | ".join(STAGES) + " | tokens (normalize + tokenize) |")
    print("|---|" + "---:|" * (len(STAGES) + 1))
    for tool in TOOLS:
        stage_for_count = "tokenize" if tool == PYICU else "normalize + tokenize"
        count = counts.get((tool, stage_for_count))
        count_text = "—" if count is None else f"{count:,}" + (" boundaries" if tool == PYICU else "")
        print(f"| {tool} | " + " | ".join(cell(tool, stage) for stage in STAGES) + f" | {count_text} |")
    print()

    print("How many times faster arabic-text is (its best MB/s / theirs; for the piped row, the "
          "one-process `tokenize --normalized` is the reference):")
    print()
    print("| arabic-text vs | " + " | ".join(STAGES) + " |")
    print("|---|" + "---:|" * len(STAGES))
    for tool in TOOLS:
        if tool == OURS:
            continue
        cells = []
        for stage in STAGES:
            if (tool, stage) in results:
                # ours / theirs in MB/s is their seconds / ours
                ratio = min(results[(tool, stage)]) / min(results[(OURS, stage)])
                cells.append(f"{ratio:.3g}×" if ratio < 10 else f"{ratio:,.0f}×")
            else:
                cells.append("—")
        print(f"| {tool} | " + " | ".join(cells) + " |")
    print()

    print("Every run, in seconds (best first), and the median MB/s:")
    print()
    print("| tool | stage | runs (s) | median MB/s |")
    print("|---|---|---|---:|")
    for (tool, stage), times in results.items():
        ordered = ", ".join(f"{t:.3f}" for t in sorted(times))
        print(f"| {tool} | {stage} | {ordered} | {mbs(size, statistics.median(times)):.3g} |")
    print()
    print("Commands (whole processes, output to /dev/null):")
    print()
    def shown(argv):
        return " ".join({cli: "arabic-text", text_path: "FILE", empty_path: "EMPTY"}.get(a, a) for a in argv)

    for key, argv in commands.items():
        print(f"- {key[1]}: `{shown(argv)}`")
    print(f"- normalize + tokenize, piped: `{shown(pipe[0])} | {shown(pipe[1])}`")
    print(f"- start-up: `{shown(startup_argv)}` (EMPTY: an empty file)")

    if arguments.json:
        with open(arguments.json, "w") as out:
            json.dump({"bytes": size, "articles": articles, "lines": len(lines),
                       "startup": startup_times, "counts": {f"{k[0]}|{k[1]}": v for k, v in counts.items()},
                       "runs": {f"{k[0]}|{k[1]}": v for k, v in results.items()}, "versions": found}, out, indent=1)
    if arguments.chart:
        note = f"{size / 1e6:.1f} MB of news text, best of {arguments.runs} (Python) / " \
               f"{arguments.runs * arguments.cli_repeats} (arabic-text)"
        if arguments.chart_note:
            note += f", {arguments.chart_note}"
        chart(arguments.chart, results, size, note)
        print(f"Chart written to {arguments.chart}", file=sys.stderr)


if __name__ == "__main__":
    main()
