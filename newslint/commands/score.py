"""`newslint score PATH ...`: one row per article, worst first."""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path


def add_parser(sub) -> None:
    p = sub.add_parser("score", help="quality score (0-100) per article, worst first")
    p.add_argument("paths", nargs="+", metavar="PATH")
    p.add_argument("--format", choices=["table", "json"], default="table")
    p.add_argument("--config", metavar="FILE")
    p.add_argument("--fail-under", type=float, metavar="SCORE", help="exit 1 when any article scores below SCORE")


def run(args: argparse.Namespace) -> int:
    from ..config import ConfigResolver
    from ..files import iter_files
    from ..runner import RunOptions, process_path
    from ..score import score_result

    if args.fail_under is not None and not 0 <= args.fail_under <= 100:  # also refuses nan
        from ..errors import UsageError

        raise UsageError("--fail-under takes a score from 0 to 100")
    resolver = ConfigResolver(Path(args.config) if args.config else None)
    base = resolver.for_path(Path.cwd() / "__newslint__")
    rows = []
    errors = []
    for path, explicit in iter_files([Path(p) for p in args.paths], base.include, base.exclude,
                                     respect_gitignore=base.respect_gitignore):
        result = process_path(path, resolver.for_path(path), RunOptions(explicit=explicit))
        errors.extend(result.errors)
        if result.errors:
            continue
        categories = Counter(d.category or "other" for d in result.diagnostics)
        rows.append({"path": result.path, "score": score_result(result), "words": result.words,
                     "findings": len(result.diagnostics), "categories": dict(sorted(categories.items()))})
    rows.sort(key=lambda r: (r["score"], r["path"]))
    if args.format == "json":
        json.dump(rows, sys.stdout, indent=2)
        sys.stdout.write("\n")
    else:
        width = max([len(r["path"]) for r in rows] + [4])
        print(f"{'score':>5}  {'words':>6}  {'findings':>8}  {'path':<{width}}  categories")
        for r in rows:
            cats = ", ".join(f"{k} {v}" for k, v in sorted(r["categories"].items(), key=lambda kv: -kv[1]))
            print(f"{r['score']:5.1f}  {r['words']:6d}  {r['findings']:8d}  {r['path']:<{width}}  {cats}")
    for e in errors:
        print(f"newslint: error: {e}", file=sys.stderr)
    if errors:
        return 2
    if args.fail_under is not None and any(r["score"] < args.fail_under for r in rows):
        return 1
    return 0
