#!/usr/bin/env python3
"""Writes blind copies of training documents for a second, independent labelling.

usage: python3 training-data/review/blind.py OUTDIR FILE.cav...

OUTDIR/NAME.blind.txt holds the document's text with each segment wrapped in <S1>...</S1>, <S2>... and
each risk item in <R1>...</R1>, ..., numbered in document order, without types or categories. The second
labeller writes NAME.labels with one line per segment ("S1 FACTUAL") and per item ("R1 REGULATION").
"""
import os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from agreement import read_cav

ORDER = {"</S": 0, "</R": 1, "<R": 2, "<S": 3}


def main():
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    for path in sys.argv[2:]:
        text, segs, items = read_cav(path)
        kind = next(l for l in open(path, encoding="utf-8") if l.startswith("%% kind:")).split(":", 1)[1].strip()
        marks = []
        for i, (s, e, _) in enumerate(segs, 1):
            marks += [(s, "<S%d>" % i), (e, "</S%d>" % i)]
        for i, (s, e, _) in enumerate(items, 1):
            marks += [(s, "<R%d>" % i), (e, "</R%d>" % i)]
        marks.sort(key=lambda m: (m[0], ORDER[m[1][:3] if m[1][1] == "/" else m[1][:2]]))
        parts, pos = [], 0
        for off, tag in marks:
            parts += [text[pos:off], tag]
            pos = off
        parts.append(text[pos:])
        name = os.path.basename(path)[:-4]
        with open(os.path.join(out, name + ".blind.txt"), "w", encoding="utf-8") as f:
            f.write("%%%% kind: %s\n%%%% segments: %d\n%%%% items: %d\n" % (kind, len(segs), len(items)))
            f.write("".join(parts))


if __name__ == "__main__":
    main()
