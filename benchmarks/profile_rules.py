#!/usr/bin/env python3
"""Time per rule (and for parsing) over a folder of articles, serially: where the time goes.

    python benchmarks/profile_rules.py benchmarks/corpus/news-5000-10mb-s7 --limit 500
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from newslint.config import Config
from newslint.document import Document
from newslint.engine import Linter


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("folder", type=Path)
    parser.add_argument("--limit", type=int, default=300)
    parser.add_argument("--top", type=int, default=15)
    args = parser.parse_args()
    files = sorted(p for p in args.folder.rglob("*") if p.suffix in (".txt", ".md"))[: args.limit]
    texts = [(str(p), p.read_text(encoding="utf-8")) for p in files]
    size = sum(len(t.encode()) for _, t in texts) / 1e6
    linter = Linter(Config(), profile=True)
    linter.lint_text("Warm up,the caches.", "warm.txt")
    totals: dict[str, float] = {}
    parse = 0.0
    started = time.perf_counter()
    for path, text in texts:
        t = time.perf_counter()
        doc = Document(text, path)
        _ = doc.sentences
        parse += time.perf_counter() - t
        result = linter.lint_document(doc)
        for code, seconds in result.rule_seconds.items():
            totals[code] = totals.get(code, 0.0) + seconds
    wall = time.perf_counter() - started
    print(f"{len(texts)} files, {size:.2f} MB in {wall:.2f} s serial: {size / wall:.2f} MB/s per core")
    print(f"{'parse + sentences':<28} {parse * 1000 / len(texts):8.3f} ms/file")
    names = {r.code: r.name for r in linter.rules}
    for code, seconds in sorted(totals.items(), key=lambda kv: -kv[1])[: args.top]:
        print(f"{code} {names.get(code, ''):<22} {seconds * 1000 / len(texts):8.3f} ms/file")
    return 0


if __name__ == "__main__":
    sys.exit(main())
