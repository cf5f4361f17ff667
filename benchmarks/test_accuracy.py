"""Self-test of benchmarks/accuracy.py against SARIF built from the gold files.

Run:  python -m pytest benchmarks/test_accuracy.py -q   (or: python benchmarks/test_accuracy.py)
No newslint needed: a perfect SARIF (one result per gold annotation) must score
recall 1.0 / precision 1.0, and a SARIF with known mistakes must score exactly
as predicted.
"""
from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import accuracy  # noqa: E402


def gold_results():
    out = []
    for art in accuracy.article_files(accuracy.GENERATED):
        for g in accuracy.load_gold(art):
            out.append((art, g))
    return out


def sarif(results, column_kind="unicodeCodePoints"):
    return {
        "version": "2.1.0",
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "runs": [{
            "tool": {"driver": {"name": "newslint", "rules": []}},
            "columnKind": column_kind,
            "results": [{
                "ruleId": rule, "level": "warning", "message": {"text": msg},
                "locations": [{"physicalLocation": {
                    "artifactLocation": {"uri": uri},
                    "region": {"startLine": line, "startColumn": col, "endLine": line, "endColumn": end}}}],
                "properties": {"category": cat, "name": rule.lower()},
            } for (uri, line, col, end, cat, rule, msg) in results],
        }],
    }


def run(doc, *extra):
    with tempfile.NamedTemporaryFile("w", suffix=".sarif", delete=False, encoding="utf-8") as fh:
        json.dump(doc, fh)
    p = subprocess.run([sys.executable, str(HERE / "accuracy.py"), "--sarif", fh.name, "--json", *extra],
                       capture_output=True, text=True, cwd=HERE.parent)
    Path(fh.name).unlink()
    return p.returncode, json.loads(p.stdout) if p.stdout.strip() else None, p.stderr


def perfect():
    return [(str(a.relative_to(HERE.parent)), g.line, g.column, g.column + len(g.text), g.category,
             "GOLD" + g.category.upper()[:3], g.text) for a, g in gold_results()]


def test_perfect_score():
    rc, rep, err = run(sarif(perfect()), "--check")
    assert rc == 0, (err, rep and rep.get("check"))
    gen = rep["generated"]
    assert gen["all"]["recall"] == 1.0 and gen["precision"] == 1.0
    assert gen["missed"] == [] and gen["false_positive_candidates"] == []
    assert rep["professional"]["findings"] == 0
    assert gen["seed"]["gold"] == 47


def test_absolute_and_file_uris_map_to_articles():
    res = []
    for i, r in enumerate(perfect()):
        p = Path(HERE.parent, r[0]).resolve()
        res.append((p.as_uri() if i % 2 else str(p),) + r[1:])
    rc, rep, err = run(sarif(res))
    assert rep["generated"]["all"]["recall"] == 1.0, err


def test_deliberate_errors():
    res = perfect()
    n = len(res)
    seed_idx = [i for i, r in enumerate(res) if r[0].endswith("seed.txt")]
    # 1) drop the first 5 seed results -> 5 misses
    dropped = set(seed_idx[:5])
    # 2) give 3 other results a wrong category -> still matched for precision, missed for recall
    wrongcat = set(seed_idx[5:8])
    # 3) shift 4 results by +2 columns with a 1-char span -> still match (within 3 columns)
    near = set(seed_idx[8:12])
    out = []
    for i, r in enumerate(res):
        uri, line, col, end, cat, rule, msg = r
        if i in dropped:
            continue
        if i in wrongcat:
            cat = "style" if cat != "style" else "spelling"
        if i in near:
            col, end = col + 2, col + 3
        out.append((uri, line, col, end, cat, rule, msg))
    # 4) add 6 false positives: 4 in generated (off by 200 columns or on a line with no gold), 2 professional
    fp = [("benchmarks/devset/generated/seed.txt", 66, 700, 705, "spelling", "FAKE001", "fp"),
          ("benchmarks/devset/generated/seed.txt", 47, 3, 9, "spelling", "FAKE001", "fp"),
          ("benchmarks/devset/generated/election.txt", 4, 1, 4, "sentence-case", "FAKE002", "fp"),
          ("benchmarks/devset/generated/trade-talks.md", 2, 1, 1, "markdown", "FAKE003", "fp"),
          ("benchmarks/devset/professional/handwritten-clean.txt", 1, 15, 19, "sentence-spacing", "FAKE004", "fp"),
          ("benchmarks/devset/professional/lee/lee-001.txt", 1, 1, 4, "style", "FAKE005", "fp")]
    rc, rep, err = run(sarif(out + fp), "--check")
    gen = rep["generated"]
    assert rc == 1, "thresholds must fail"
    assert gen["all"]["found"] == n - 5 - 3, gen["all"]
    assert len(gen["missed"]) == 8
    assert sum(1 for m in gen["missed"] if m["located_as"]) == 3
    assert gen["results"] == n - 5 + 4
    assert gen["matched_results"] == n - 5
    assert len(gen["false_positive_candidates"]) == 4
    assert rep["professional"]["findings"] == 2
    assert any("seed recall" in c for c in rep["check"])
    # text mode runs and exits 0 without --check
    with tempfile.NamedTemporaryFile("w", suffix=".sarif", delete=False, encoding="utf-8") as fh:
        json.dump(sarif(out + fp), fh)
    p = subprocess.run([sys.executable, str(HERE / "accuracy.py"), "--sarif", fh.name],
                       capture_output=True, text=True, cwd=HERE.parent)
    Path(fh.name).unlink()
    assert p.returncode == 0 and "Missed gold annotations: 8" in p.stdout, p.stdout + p.stderr


def test_gold_files_are_consistent():
    p = subprocess.run([sys.executable, str(HERE / "devset" / "check_gold.py")], capture_output=True, text=True)
    assert p.returncode == 0, p.stderr


if __name__ == "__main__":
    for name, fn in list(globals().items()):
        if name.startswith("test_"):
            fn()
            print("ok", name)
