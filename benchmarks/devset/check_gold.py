#!/usr/bin/env python3
"""Verify the dev-set gold files: every annotation's text must occur at its (line, column).

Usage:
    python benchmarks/devset/check_gold.py            # verify all generated/*.gold.json
    python benchmarks/devset/check_gold.py --audit    # also list suspicious spots NOT annotated

Columns are 1-based and count code points (not bytes, not UTF-16 units).  Exit
status 1 if any annotation is misplaced or a gold file is malformed.

--audit runs a few crude heuristics (missing space after , or ., doubled
words, a/an before a vowel letter, lowercase line starts, 4+-word phrases used
3+ times) over each article and prints hits that no gold annotation covers, so
a gold author can confirm each one is intentional (a correct look-alike) rather
than a forgotten defect.  It is advisory and never changes the exit status.
"""
from __future__ import annotations

import argparse
import collections
import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
SCHEMA = "newslint-eval-gold/1"
CATEGORIES = {
    "boilerplate", "proper-noun-case", "comma-spacing", "sentence-spacing", "heading-case",
    "sentence-case", "article", "table", "repetition", "spelling", "doubled-word",
}


def article_lines(path: Path) -> list[str]:
    text = path.read_text(encoding="utf-8")
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    return lines


def check_file(gold_path: Path) -> tuple[int, list[str]]:
    errors: list[str] = []
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    if gold.get("schema") != SCHEMA:
        errors.append(f"{gold_path.name}: schema is {gold.get('schema')!r}, expected {SCHEMA!r}")
    article = gold_path.parent / gold.get("path", gold.get("file", ""))
    if not article.is_file():
        return 0, errors + [f"{gold_path.name}: article {article.name} not found"]
    if gold.get("file") != article.name:
        errors.append(f"{gold_path.name}: file field {gold.get('file')!r} != {article.name!r}")
    lines = article_lines(article)
    if gold.get("line_count") != len(lines):
        errors.append(f"{gold_path.name}: line_count {gold.get('line_count')} but article has {len(lines)} lines")
    ids = set()
    anns = gold.get("annotations", [])
    for a in anns:
        where = f"{article.name}:{a.get('line')}:{a.get('column')} [{a.get('id')}]"
        for key in ("id", "line", "column", "category", "text"):
            if key not in a:
                errors.append(f"{where}: missing field {key!r}")
        if a.get("id") in ids:
            errors.append(f"{where}: duplicate id")
        ids.add(a.get("id"))
        if a.get("category") not in CATEGORIES:
            errors.append(f"{where}: unknown category {a.get('category')!r}")
        line, col, text = a.get("line", 0), a.get("column", 0), a.get("text", "")
        if not (1 <= line <= len(lines)):
            errors.append(f"{where}: line out of range")
            continue
        got = lines[line - 1][col - 1 : col - 1 + len(text)]
        if col < 1 or got != text:
            errors.append(f"{where}: expected {text!r}, found {got!r}")
        if a.get("category") in ("table", "heading-case") and col != 1 and not lines[line - 1][: col - 1].strip() in ("-", "*"):
            errors.append(f"{where}: {a['category']} annotations sit at column 1 (or just after a list bullet)")
    return len(anns), errors


# ---------------------------------------------------------------- audit heuristics
AUDIT_PATTERNS = [
    ("comma-spacing", re.compile(r",(?=[A-Za-z])")),
    ("sentence-spacing", re.compile(r"(?<=[a-z])\.(?=[A-Z][a-z])")),
    ("doubled-word", re.compile(r"\b(\w+) \1\b", re.I)),
    ("article", re.compile(r"\b[Aa] (?=[aeiouAEIOU])")),
    ("article", re.compile(r"\b[Aa]n (?=[b-df-hj-np-tv-zB-DF-HJ-NP-TV-Z])")),
    ("sentence-case", re.compile(r"^(?:[-*] |#+ )?(?=[a-z])")),
    ("sentence-case", re.compile(r"(?<=[.!?] )(?=[a-z])")),
]
STOP = set("the a an of to in on and or for with by at as is are was were be that this it its from".split())


def audit(gold_path: Path) -> list[str]:
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    article = gold_path.parent / gold.get("path", gold["file"])
    lines = article_lines(article)
    covered = {(a["line"], c) for a in gold["annotations"]
               for c in range(a["column"] - 1, a["column"] + len(a["text"]) + 1)}
    out = []
    for i, line in enumerate(lines, 1):
        for cat, pat in AUDIT_PATTERNS:
            for m in pat.finditer(line):
                if (i, m.start() + 1) not in covered:
                    out.append(f"  {article.name}:{i}:{m.start() + 1}: {cat}? {line[m.start():m.start() + 25]!r}")
    # repeated phrases of 4+ words, used 3+ times, not already annotated
    seen = collections.defaultdict(list)
    for i, line in enumerate(lines, 1):
        toks = re.findall(r"[\w’'.-]+", line.lower())
        for j in range(len(toks) - 3):
            gram = toks[j : j + 4]
            if gram[0] in STOP and gram[-1] in STOP:
                continue
            seen[" ".join(gram)].append(i)
    rep = {a["text"].lower() for a in gold["annotations"] if a["category"] == "repetition"}
    for gram, where in seen.items():
        if len(where) >= 3 and not any(gram in r or r in gram for r in rep):
            out.append(f"  {article.name}: repetition? {gram!r} on lines {where}")
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("dirs", nargs="*", type=Path, default=[HERE / "generated"])
    ap.add_argument("--audit", action="store_true", help="list unannotated suspicious spots")
    args = ap.parse_args(argv)
    total, bad = 0, []
    for d in args.dirs:
        for gp in sorted(d.glob("*.gold.json")):
            n, errs = check_file(gp)
            total += n
            bad += errs
            status = "ok" if not errs else f"{len(errs)} error(s)"
            print(f"{gp.name:32} {n:3d} annotations  {status}")
            if args.audit and not errs:
                for line in audit(gp):
                    print(line)
    for e in bad:
        print("ERROR", e, file=sys.stderr)
    print(f"{total} annotations checked, {len(bad)} error(s)")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
