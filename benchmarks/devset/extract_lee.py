#!/usr/bin/env python3
"""Extract the Lee corpus of ABC news articles from the gensim wheel.

The Lee corpus (Lee, Pincombe & Welsh, 2005: 50 + 300 short news articles from
the Australian Broadcasting Corporation) ships as gensim test data:
``gensim/test/test_data/lee.cor`` and ``lee_background.cor``, one article per
line.  This script writes every article to its own file under
``benchmarks/devset/professional/lee/`` (``lee-001.txt`` ... ``lee-050.txt``,
``lee_background-001.txt`` ... ``lee_background-300.txt``), text unchanged
except that it is stored as UTF-8 (``lee.cor`` is ISO-8859-1: one "£") and each
file ends with a single newline.

Usage:
    python benchmarks/devset/extract_lee.py                 # pip download gensim==4.4.0 into a temp dir
    python benchmarks/devset/extract_lee.py --wheel PATH    # use a wheel you already have

The pin keeps the output reproducible; the files are identical in gensim 3.x/4.x.
Licence: see benchmarks/devset/README.md.
"""
from __future__ import annotations

import argparse
import glob
import hashlib
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE / "professional" / "lee"
GENSIM = "gensim==4.4.0"
MEMBERS = {"lee": "gensim/test/test_data/lee.cor",
           "lee_background": "gensim/test/test_data/lee_background.cor"}
EXPECTED = {"lee": 50, "lee_background": 300}


def decode(raw: bytes) -> str:
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("latin-1")


def find_wheel(tmp: str) -> Path:
    cmd = [sys.executable, "-m", "pip", "download", GENSIM, "--no-deps", "--only-binary=:all:", "-d", tmp, "-q"]
    subprocess.run(cmd, check=True)
    wheels = glob.glob(str(Path(tmp) / "gensim-*.whl"))
    if not wheels:
        raise SystemExit("pip download produced no gensim wheel")
    return Path(wheels[0])


def extract(wheel: Path, out: Path = OUT) -> dict[str, int]:
    out.mkdir(parents=True, exist_ok=True)
    for old in out.glob("*.txt"):
        old.unlink()
    counts = {}
    with zipfile.ZipFile(wheel) as zf:
        for name, member in MEMBERS.items():
            text = decode(zf.read(member))
            articles = [a for a in text.replace("\r\n", "\n").split("\n") if a.strip()]
            if len(articles) != EXPECTED[name]:
                raise SystemExit(f"{member}: expected {EXPECTED[name]} articles, found {len(articles)}")
            for i, art in enumerate(articles, 1):
                (out / f"{name}-{i:03d}.txt").write_text(art + "\n", encoding="utf-8")
            counts[name] = len(articles)
    return counts


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Extract the Lee corpus from the gensim wheel.")
    ap.add_argument("--wheel", type=Path, help="an already downloaded gensim wheel")
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        wheel = args.wheel or find_wheel(tmp)
        counts = extract(wheel, args.out)
    digest = hashlib.sha256()
    for p in sorted(args.out.glob("*.txt")):
        digest.update(p.read_bytes())
    print(f"wrote {sum(counts.values())} articles ({counts}) to {args.out}; sha256 {digest.hexdigest()[:16]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
