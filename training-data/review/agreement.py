#!/usr/bin/env python3
"""Agreement between the first and the second labelling of the reviewed documents.

usage: python3 training-data/review/agreement.py [--after]

Reads writer/NAME.labels (the first labeller's labels, before adjudication) and reviewer/NAME.labels
(the second, independent labeller's), one line per segment ("S12 FACTUAL") and per risk item
("R3 REGULATION LITIGATION"), numbered in document order, and the text of NAME.cav for word counts.
Prints type agreement over words (with Cohen's kappa), category agreement over items (identical sets,
mean Jaccard, micro-F1), the type confusions and the per-category agreement. With --after it compares
the reviewer's labels with the corpus as it now is (after adjudication, see adjudicated/decisions.tsv).
"""
import collections, glob, os, re, sys

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.dirname(HERE)
TAG = re.compile(r"<(/?)([A-Z_]+)((?: [A-Z_]+)*)>")


def read_cav(path):
    lines = open(path, encoding="utf-8").read().split("\n")
    i = 0
    while i < len(lines) and lines[i].startswith("%% "):
        i += 1
    body = "\n".join(lines[i:])
    text, n, pos, segs, items, seg, risk = [], 0, 0, [], [], None, None
    for m in TAG.finditer(body):
        t = body[pos:m.start()]
        text.append(t)
        n += len(t)
        pos = m.end()
        close, name, args = m.group(1), m.group(2), m.group(3).split()
        if name == "RISK":
            if close:
                items.append((risk[0], n, risk[1]))
            else:
                risk = (n, args)
        elif close:
            segs.append((seg[0], n, seg[1]))
        else:
            seg = (n, name)
    text.append(body[pos:])
    return "".join(text), segs, items


def read_labels(path):
    out = {}
    for line in open(path, encoding="utf-8"):
        f = line.split()
        if f and re.match(r"^[SR]\d+$", f[0]):
            out[f[0]] = f[1:]
    return out


def main():
    after = "--after" in sys.argv
    words_same = words_all = segs_same = segs_all = 0
    conf = collections.Counter()
    items_all = items_same = 0
    jaccard = 0.0
    tp = fp = fn = 0
    per = collections.defaultdict(lambda: [0, 0, 0])
    docs = 0
    for rpath in sorted(glob.glob(os.path.join(HERE, "reviewer", "*.labels"))):
        name = os.path.basename(rpath)[:-7]
        cav = glob.glob(os.path.join(DATA, "*", name + ".cav"))
        if not cav:
            sys.exit("no training document " + name + ".cav for " + rpath)
        text, segs, items = read_cav(cav[0])
        r = read_labels(rpath)
        if after:
            w = {"S%d" % i: [t] for i, (_, _, t) in enumerate(segs, 1)}
            w.update({"R%d" % i: c for i, (_, _, c) in enumerate(items, 1)})
        else:
            w = read_labels(os.path.join(HERE, "writer", name + ".labels"))
        docs += 1
        for i, (s, e, _) in enumerate(segs, 1):
            a, b = w["S%d" % i][0], r["S%d" % i][0]
            n = len(text[s:e].split())
            words_all += n
            segs_all += 1
            conf[(a, b)] += n
            if a == b:
                words_same += n
                segs_same += 1
        for i in range(1, len(items) + 1):
            a, b = set(w["R%d" % i]), set(r["R%d" % i])
            items_all += 1
            items_same += a == b
            jaccard += len(a & b) / len(a | b)
            tp += len(a & b)
            fp += len(b - a)
            fn += len(a - b)
            for c in a | b:
                per[c][0] += c in a and c in b
                per[c][1] += c in b and c not in a
                per[c][2] += c in a and c not in b
    po = words_same / words_all
    types = {t for pair in conf for t in pair}
    pe = sum(sum(v for (a, _), v in conf.items() if a == t) * sum(v for (_, b), v in conf.items() if b == t)
             for t in types) / words_all ** 2
    print("documents: %d (%s)" % (docs, "reviewer against the corpus after adjudication" if after
                                  else "first labeller against second, before adjudication"))
    print("type agreement over words: %.3f (%d of %d), Cohen's kappa %.3f; over segments %.3f (%d of %d)"
          % (po, words_same, words_all, (po - pe) / (1 - pe), segs_same / segs_all, segs_same, segs_all))
    print("category agreement over items: identical sets %.3f (%d of %d), mean Jaccard %.3f, micro-F1 %.3f"
          % (items_same / items_all, items_same, items_all, jaccard / items_all, 2 * tp / (2 * tp + fp + fn)))
    print("type confusions (first -> second labeller, words):")
    for (a, b), v in sorted(conf.items(), key=lambda x: -x[1]):
        if a != b:
            print("  %s -> %s: %d" % (a, b, v))
    print("per category: agreement F1 (both / second only / first only)")
    for c, (both, second, first) in sorted(per.items()):
        print("  %-24s %.2f (%d/%d/%d)" % (c, 2 * both / (2 * both + second + first), both, second, first))


if __name__ == "__main__":
    main()
