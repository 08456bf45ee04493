#!/usr/bin/env python3
"""Score `arabic-text analyze` on an entity-annotated corpus in BIO format.

usage: Tools/ner-eval.py [NER.tsv] [--cli PATH] [-v]

NER.tsv has one `token<TAB>BIO-label` per line and a blank line between sentences
(default: ../shared/ner/newsfane-dev.tsv). Each sentence is given to the CLI as one line
(tokens joined by spaces, `--input lines --format jsonl`); predicted character spans are
mapped back to token spans. Labels are mapped to PERS/LOC/ORG the way the corpus README
maps them to our types (Nation and places -> LOC, people -> PERS, organizations -> ORG);
Group, facilities, works and products are not scored, and a prediction that overlaps such
an unscored gold span counts neither way. Score: exact token-span match, per class and
micro-averaged.
"""
import json, os, subprocess, sys, tempfile
from collections import Counter

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
LOC = {'Nation', 'Population-Center', 'State-or-Province', 'County-or-District', 'Continent', 'GPE-Cluster',
       'Water-Body', 'Land-Region-Natural'}
PERS = {'Politician', 'Athlete', 'Artist', 'Other_PER', 'Religious_PER', 'Scientist', 'Businessperson', 'Lawyer',
        'Engineer'}
ORG = {'Government', 'Media', 'Non-Governmental', 'Sports', 'Commercial', 'Educational', 'Police', 'Religious_ORG',
       'Medical-Science', 'Entertainment'}
OURS = {'PERSON': 'PERS', 'COUNTRY': 'LOC', 'LOCATION': 'LOC', 'ORGANIZATION': 'ORG'}


def gold_class(label):
    return 'LOC' if label in LOC else 'PERS' if label in PERS else 'ORG' if label in ORG else None


def read(path):
    sentences, tokens, labels = [], [], []
    for line in open(path, encoding='utf-8'):
        line = line.rstrip('\n')
        if not line.strip():
            if tokens: sentences.append((tokens, labels))
            tokens, labels = [], []
            continue
        token, _, label = line.partition('\t')
        tokens.append(token); labels.append(label or 'O')
    if tokens: sentences.append((tokens, labels))
    return sentences


def spans(labels):
    """(start, end, fine label) of the BIO spans."""
    result, start, kind = [], None, None
    for i, label in enumerate(labels + ['O']):
        tag, _, fine = label.partition('-')
        if start is not None and (tag != 'I' or fine != kind):
            result.append((start, i, kind)); start = None
        if tag == 'B' or (tag == 'I' and start is None):
            start, kind = i, fine
    return result


def main():
    args = [a for a in sys.argv[1:] if not a.startswith('-')]
    path = args[0] if args else os.path.join(ROOT, '..', 'shared', 'ner', 'newsfane-dev.tsv')
    cli = sys.argv[sys.argv.index('--cli') + 1] if '--cli' in sys.argv else os.path.join(ROOT, '.build', 'release', 'arabic-text')
    sentences = read(path)
    with tempfile.NamedTemporaryFile('w', encoding='utf-8', suffix='.txt', delete=False) as f:
        for tokens, _ in sentences: f.write(' '.join(tokens) + '\n')
        name = f.name
    out = subprocess.run([cli, 'analyze', '--input', 'lines', '--format', 'jsonl', name], capture_output=True, text=True)
    os.unlink(name)
    if out.returncode != 0: sys.exit(out.stderr)
    records = [json.loads(l) for l in out.stdout.splitlines()]
    assert len(records) == len(sentences), (len(records), len(sentences))
    tp, fp, fn = Counter(), Counter(), Counter()
    examples = []
    for (tokens, labels), record in zip(sentences, records):
        starts, ends, pos = {}, {}, 0
        for i, t in enumerate(tokens):
            starts[pos] = i; ends[pos + len(t)] = i + 1; pos += len(t) + 1
        gold, unscored = set(), []
        for s, e, fine in spans(labels):
            c = gold_class(fine)
            if c: gold.add((s, e, c))
            else: unscored.append((s, e))
        predicted, sources = set(), {}
        for entity in record['entities']:
            c = OURS.get(entity['type'])
            if not c: continue
            # A mention that does not start and end on corpus tokens (a clitic inside a token)
            # is widened to the tokens it touches.
            s = max((i for p, i in starts.items() if p <= entity['start']), default=0)
            e = min((i for p, i in ends.items() if p >= entity['end']), default=len(tokens))
            if any(s < ue and us < e for us, ue in unscored) and not any(s < ge and gs < e for gs, ge, _ in gold): continue
            predicted.add((s, e, c)); sources[(s, e, c)] = entity.get('source', '')
        for item in gold & predicted: tp[item[2]] += 1
        for item in predicted - gold:
            fp[item[2]] += 1
            if '-v' in sys.argv and len(examples) < 400: examples.append(('FP', item[2], ' '.join(tokens[item[0]:item[1]]), sources.get(item, ''), '|', ' '.join(tokens[max(0, item[0] - 3):item[1] + 2])))
        for item in gold - predicted:
            fn[item[2]] += 1
            if '-v' in sys.argv and len(examples) < 800: examples.append(('FN', item[2], ' '.join(tokens[item[0]:item[1]])))
    def prf(t, p, n):
        P = t / (t + p) if t + p else 0; R = t / (t + n) if t + n else 0
        return P, R, (2 * P * R / (P + R) if P + R else 0)
    rows = {}
    for c in ['PERS', 'LOC', 'ORG']:
        rows[c] = prf(tp[c], fp[c], fn[c])
        print(f"{c:5} P {rows[c][0]:.3f} R {rows[c][1]:.3f} F1 {rows[c][2]:.3f}  (tp {tp[c]}, fp {fp[c]}, fn {fn[c]})")
    P, R, F = prf(sum(tp.values()), sum(fp.values()), sum(fn.values()))
    print(f"micro P {P:.3f} R {R:.3f} F1 {F:.3f}  on {len(sentences)} sentences, {sum(len(t) for t, _ in sentences)} tokens")
    for e in examples: print(*e, file=sys.stderr)


main()
