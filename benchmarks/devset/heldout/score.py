#!/usr/bin/env python3
"""Score newslint on a held-out set, reusing benchmarks/accuracy.py unchanged.

A held-out set is a folder with generated/ and professional/ article folders (heldout/,
heldout2/, ...). Both have gold files, so both are scored with accuracy.score_generated
(recall per category, precision, missed annotations, unmatched findings).  newslint is run
once over all held-out articles.  Professional false-alarm rate per 1,000 non-blank lines
is also reported (unmatched findings only).

Run from the repository root:
    python benchmarks/devset/heldout/score.py [--json]                             # this set
    python benchmarks/devset/heldout/score.py --set benchmarks/devset/heldout2     # another one
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1]))  # benchmarks/
import accuracy  # noqa: E402


def show(title: str, rep: dict) -> None:
    a = rep["all"]
    print(f"\n=== {title}: {rep['articles']} articles, {a['gold']} gold annotations, {rep['results']} results")
    print(f"{'category':18} {'gold':>5} {'found':>6} {'recall':>7} {'wrongcat':>9}")
    for cat, c in a["categories"].items():
        print(f"{cat:18} {c['gold']:5d} {c['found']:6d} {c['recall']:7.2f} {c['located_other_category']:9d}")
    print(f"{'TOTAL':18} {a['gold']:5d} {a['found']:6d} {(a['recall'] or 0):7.2f}")
    prec = rep["precision"]
    print(f"precision: {prec if prec is None else format(prec, '.3f')} "
          f"({rep['matched_results']}/{rep['results']} results match a gold annotation of any category)")
    # per-category precision: results of category C that match a gold annotation of category C
    print(f"\n{'rule':10} {'name':30} {'category':18} {'results':>7} {'matched':>7}")
    for rule, pr in rep["per_rule"].items():
        print(f"{rule:10} {pr.get('name', '')[:30]:30} {pr['category'][:18]:18} {pr['results']:7d} {pr['matched']:7d}")
    fps = rep["false_positive_candidates"]
    print(f"\nUnmatched results (false-positive candidates): {len(fps)}")
    for f in fps:
        print(f"  {f['where']}: {f['rule']} [{f['category']}] {f['message'][:110]}")
    missed = rep["missed"]
    print(f"\nMissed gold annotations: {len(missed)}")
    for m in missed:
        extra = f" (located as {', '.join(m['located_as'])})" if m["located_as"] else ""
        print(f"  {m['where']}: [{m['category']}] {m['text'][:80]!r}{extra}")


def cat_precision(results: list, title: str) -> None:
    import collections
    tot, ok = collections.Counter(), collections.Counter()
    for r in results:
        tot[r.category] += 1
        if any(g.category == r.category for g in r.matched):
            ok[r.category] += 1
    print(f"\nper-category precision ({title}; result matches a gold annotation of the SAME category):")
    for c in sorted(tot):
        print(f"  {c:18} {ok[c]:3d}/{tot[c]:<3d} = {ok[c] / tot[c]:.2f}")


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--newslint", default="newslint")
    ap.add_argument("--flags", default="--exit-zero --no-cache")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--set", type=Path, default=HERE, help="the held-out set's folder (default: this one)")
    args = ap.parse_args()
    name = args.set.resolve().name
    gen = [a for a in accuracy.article_files(args.set / "generated") if a.with_name(a.stem + ".gold.json").is_file()]
    pro = [a for a in accuracy.article_files(args.set / "professional") if a.with_name(a.stem + ".gold.json").is_file()]
    runner = accuracy.Runner(args.newslint, args.flags, per_file=False, timeout=600)
    err = runner.available()
    if err:
        print(err, file=sys.stderr)
        return 1
    results = runner.run(gen + pro)
    gset = {a.resolve() for a in gen}
    gres = [r for r in results if r.path.resolve() in gset]
    pres = [r for r in results if r.path.resolve() not in gset]
    rg = accuracy.score_generated(gen, gres)
    rp = accuracy.score_generated(pro, pres)
    lines = sum(accuracy.nonblank_lines(a) for a in pro)
    fp_pro = len(rp["false_positive_candidates"])
    if args.json:
        print(json.dumps({"newslint": runner.version, "generated": rg, "professional": rp,
                          "professional_nonblank_lines": lines, "errors": runner.errors}, indent=1, ensure_ascii=False))
        return 0
    print(f"newslint {name} accuracy — {runner.version}  (flags dropped: {runner.dropped}, errors: {runner.errors})")
    show(f"{name.upper()} GENERATED", rg)
    cat_precision(gres, "generated")
    show(f"{name.upper()} PROFESSIONAL (every finding without gold is a false alarm)", rp)
    cat_precision(pres, "professional")
    print(f"\nprofessional: {fp_pro} unmatched findings over {lines} non-blank lines = "
          f"{fp_pro / (lines / 1000):.1f} per 1,000 lines")
    return 0


if __name__ == "__main__":
    sys.exit(main())
