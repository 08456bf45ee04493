#!/usr/bin/env python3
"""Run `arabic-text analyze --input jsonl --format jsonl` as a streaming mapper under Spark.

    python3 Examples/spark/analyze_pipe.py /abs/path/to/arabic-text corpus.jsonl out/
    cat out/part-* > analyzed.jsonl     # the same bytes as: arabic-text analyze --input jsonl --format jsonl < corpus.jsonl

The input is read as an RDD of lines (one JSON record a line), and each partition is
piped through one `arabic-text` process with `RDD.pipe`. The output is a Spark text
directory (part-00000, part-00001, ...): concatenated in name order, it is one line per
input record, in input order. Local mode (`local[2]`) by default; `--master` takes any
Spark master, and the CLI's path must then exist on every executor.

Why the order holds without a sort or zipWithIndex: textFile's partitions are
consecutive byte ranges of the input, in order; `pipe` writes a partition's lines to
the process's standard input in order and yields its output lines in order; and the CLI
writes exactly one line per record, in input order (an error record for a line it
cannot read; nothing for a blank line, which holds no record). saveAsTextFile writes
partition i to part-i. The script checks that contract: a partition whose output does
not have one line per non-blank input line (the CLI crashed, or could not start) fails
the job.

Exit code: the CLI exits 1 after writing everything when some records were bad (their
output lines are error records {"id","line","error"}). PySpark's `pipe` ignores the
exit code by default (checkCode=False); with checkCode=True a partition holding one bad
record would fail its task, and with it the job. So the exit code is not checked; the
line count above catches a CLI that died, and this script exits 1 (like the CLI) when
the output holds error records, 0 when it holds none, and 2 when the job failed.

Line numbers: each CLI process numbers the lines of its own partition from 1, so the
"line" of an error record, and the id "<stdin>:N" given to a record without an "id",
count from the partition's start. The script knows where each partition starts (one
cheap counting pass over the input) and rewrites them to the line's number in the whole
input, which makes the output equal, byte for byte, to the CLI reading the same input
from standard input.

Lines end at "\\n" only, as the CLI reads them (the script sets Hadoop's
textinputformat.record.delimiter: by default Hadoop also ends a line at a lone "\\r").
One difference remains: Spark decodes text as UTF-8 and replaces invalid bytes with
U+FFFD before the CLI sees them, so a line with invalid UTF-8 is analyzed as repaired
text instead of becoming an "invalid UTF-8" error record.
"""

import argparse
import os
import re
import shlex
import shutil
import sys

# An error record as the CLI writes it: {"id":null|"…","line":N,"error":"…"}, or without
# "line" when the analysis itself failed. A document record never matches: after its id
# come passed-through fields (never one named "error") and then "entities".
JSON_STRING = r'"(?:[^"\\]|\\.)*"'
ERROR_RECORD = re.compile(r'\{"id":(?:null|' + JSON_STRING + r')(,"line":(\d+))?,"error":' + JSON_STRING + r"\}")
# The id the CLI gives a record without one: its line, in standard input.
DEFAULT_ID = re.compile(r'\{"id":"<stdin>:(\d+)"')


def is_blank(line):
    """A line the CLI takes for no record: only spaces, tabs and carriage returns."""
    return line.strip(" \t\r") == ""


def renumber(line, first, count):
    """Rewrites the line number N (1 ≤ N ≤ count) of an error record, or of an id
    "<stdin>:N", in one output line of a piece of `count` input lines to `first + N`: its
    line in the whole input, when `first` input lines came before the piece."""
    if line.startswith('{"id":"<stdin>:'):
        match = DEFAULT_ID.match(line)
        if match and 1 <= int(match.group(1)) <= count:
            line = '{"id":"<stdin>:%d"' % (first + int(match.group(1))) + line[match.end() :]
    if line.endswith("}") and '"error":' in line:
        match = ERROR_RECORD.fullmatch(line)
        if match and match.group(2) is not None and 1 <= int(match.group(2)) <= count:
            line = line[: match.start(2)] + str(first + int(match.group(2))) + line[match.end(2) :]
    return line


def is_error_record(line):
    return line.endswith("}") and '"error":' in line and ERROR_RECORD.fullmatch(line) is not None


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("cli", help="the arabic-text executable (an absolute path: pipe runs it without PATH)")
    parser.add_argument("input", help="JSONL input: a file, a directory or a glob, anything textFile reads")
    parser.add_argument("output", help="output directory (Spark text files part-00000 ...); must not exist")
    parser.add_argument("--master", default="local[2]", help="Spark master (default: local[2])")
    parser.add_argument("--partitions", type=int, default=None, help="minimum number of input partitions")
    parser.add_argument("--jobs", type=int, default=1, help="--jobs of each CLI process (default 1: Spark runs one per core)")
    parser.add_argument("--overwrite", action="store_true", help="remove a local output directory first")
    args = parser.parse_args()

    cli = os.path.abspath(args.cli) if os.path.exists(args.cli) else args.cli
    if args.overwrite and os.path.isdir(args.output):
        shutil.rmtree(args.output)
    if os.path.exists(args.output):
        sys.exit(f"analyze_pipe.py: {args.output} exists (remove it, or pass --overwrite)")

    # The Python workers must be this interpreter (the one that has pyspark).
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    if args.master.startswith("local"):
        os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
    from pyspark import SparkConf, SparkContext

    conf = (
        SparkConf()
        .setMaster(args.master)
        .setAppName("arabic-text analyze")
        .set("spark.ui.enabled", "false")
        .set("spark.ui.showConsoleProgress", "false")
        # Lines end at "\n" only, as the CLI reads them (Hadoop's default also ends one at "\r").
        .set("spark.hadoop.textinputformat.record.delimiter", "\n")
    )
    if args.master.startswith("local"):
        conf = conf.set("spark.driver.host", "127.0.0.1").set("spark.driver.bindAddress", "127.0.0.1")
    sc = SparkContext(conf=conf)
    sc.setLogLevel("ERROR")
    try:
        if args.partitions:
            lines = sc.textFile(args.input, minPartitions=args.partitions)
        else:
            lines = sc.textFile(args.input)

        # Lines and records (non-blank lines) per partition, and so the input line each
        # partition starts after.
        def count(lines):
            total = records = 0
            for line in lines:
                total += 1
                records += not is_blank(line)
            return [(total, records)]

        counts = lines.mapPartitions(count).collect()
        firsts = [sum(total for total, _ in counts[:index]) for index in range(len(counts))]

        command = shlex.join([cli, "analyze", "--input", "jsonl", "--format", "jsonl", "--jobs", str(args.jobs)])
        # pipe runs the command with an empty environment (env={}), split by shlex; one process
        # a partition. checkCode=False: exit code 1 means "some records were bad", see above.
        analyzed = lines.pipe(command, checkCode=False)

        failures = sc.accumulator(0)

        def restore(index, outputs):
            total, records = counts[index]
            written = bad = 0
            for line in outputs:
                written += 1
                line = renumber(line, firsts[index], total)
                if is_error_record(line):
                    bad += 1
                yield line
            failures.add(bad)
            if written != records:
                raise RuntimeError(
                    f"partition {index}: {records} input records but {written} output lines from {command!r} "
                    "(did it crash or fail to start? see the executor's standard error)"
                )

        analyzed.mapPartitionsWithIndex(restore).saveAsTextFile(args.output)
        records, bad = sum(records for _, records in counts), failures.value
    except Exception as error:  # a failed job: Py4J and Spark errors alike
        text = str(error)
        reason = re.search(r"RuntimeError: (partition \d+: [^\n]*)", text)
        print(f"analyze_pipe.py: the Spark job failed: {reason.group(1) if reason else text[:2000]}", file=sys.stderr)
        sys.exit(2)
    finally:
        sc.stop()

    print(f"analyze_pipe.py: {records} records in {len(counts)} partitions -> {args.output}", file=sys.stderr)
    if bad:
        print(f'analyze_pipe.py: {bad} of {records} records could not be analyzed (see their "error" fields)', file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    main()
