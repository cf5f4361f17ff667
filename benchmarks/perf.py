#!/usr/bin/env python3
"""Throughput of newslint against proselint and codespell on one generated corpus.

Builds (once, reproducibly, under benchmarks/corpus/ which git ignores) about
10 MB of news in 5,000 files: generated-style articles from the dev set and
professional news from the Lee corpus, paragraphs reshuffled with a fixed seed.
Then, in one run, it times on the same files:

  newslint  cold (no cache), default rules, parallel (--jobs = cores)
  newslint  warm re-run (cache filled by a first run, corpus unchanged)
  newslint  one file (the seed article), including start-up
  proselint (all checks) and codespell (typos only)

and prints wall time, MB/s, peak memory (largest single process, from
getrusage) and the ratios. Each timing is the median of --repeat runs.

    python benchmarks/perf.py                 # 5,000 files, 3 repeats
    python benchmarks/perf.py --files 500 --repeat 1 --skip proselint
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
DEVSET = HERE / "devset"
CORPUS = HERE / "corpus"
_WRAPPER = (
    "import resource, subprocess, sys, time\n"
    "t = time.perf_counter()\n"
    "p = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)\n"
    "wall = time.perf_counter() - t\n"
    "print(wall, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, p.returncode)\n"
)


def _paragraph_pool() -> tuple[list[list[str]], list[list[str]]]:
    generated = []
    for path in sorted((DEVSET / "generated").glob("*")):
        if path.suffix in (".txt", ".md"):
            generated.append([p for p in path.read_text(encoding="utf-8").splitlines() if p.strip()])
    lee_dir = DEVSET / "professional" / "lee"
    if not lee_dir.is_dir() or not any(lee_dir.glob("*.txt")):
        subprocess.run([sys.executable, str(DEVSET / "extract_lee.py")], check=True)
    professional = []
    for path in sorted(lee_dir.glob("*.txt")):
        text = path.read_text(encoding="utf-8").strip()
        # Lee articles are one long line: split into paragraphs of ~3 sentences.
        sentences = text.replace(". ", ".\n").splitlines()
        professional.append([" ".join(sentences[i:i + 3]) for i in range(0, len(sentences), 3)])
    return generated, professional


def build_corpus(files: int, target_mb: float, seed: int = 7) -> Path:
    """Write `files` articles totalling about `target_mb` MB (skipped when already built)."""
    out = CORPUS / f"news-{files}-{target_mb:g}mb-s{seed}"
    marker = out / ".complete"
    if marker.exists():
        return out
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir(parents=True)
    rng = random.Random(seed)
    generated, professional = _paragraph_pool()
    per_file = int(target_mb * 1_000_000 / files)
    for i in range(files):
        source = generated if i % 2 == 0 else professional
        paragraphs: list[str] = []
        size = 0
        while size < per_file:
            article = rng.choice(source)
            paragraph = rng.choice(article)
            paragraphs.append(paragraph)
            size += len(paragraph.encode("utf-8")) + 1
        suffix = ".md" if i % 10 == 0 else ".txt"
        joiner = "\n\n" if suffix == ".md" else "\n"
        (out / f"article-{i:05d}{suffix}").write_text(joiner.join(paragraphs) + "\n", encoding="utf-8")
    marker.write_text("ok\n")
    return out


def corpus_files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.iterdir() if p.suffix in (".txt", ".md"))


#: Tools run as they do once installed: with their bytecode cached. Some sandboxes and CI
#: images set PYTHONDONTWRITEBYTECODE, which makes every Python tool recompile its
#: sources at each start (about 50 ms for newslint, similar for proselint).
_TOOL_ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def timed(cmd: list[str], cwd: Path, ok_codes: tuple[int, ...] = (0, 1, 65)) -> tuple[float, int, int]:
    """(wall seconds, peak RSS in MB of the largest process, exit code)."""
    out = subprocess.run([sys.executable, "-c", _WRAPPER, *cmd], cwd=cwd, capture_output=True, text=True, check=True,
                         env=_TOOL_ENV)
    wall, rss_kb, rc = out.stdout.split()
    if int(rc) not in ok_codes:
        raise SystemExit(f"{' '.join(cmd)} exited {rc}; run it by hand to see why")
    return float(wall), int(rss_kb) // 1024, int(rc)


def median_run(cmd: list[str], cwd: Path, repeat: int, before=None) -> tuple[float, int]:
    walls, peaks = [], []
    for _ in range(repeat):
        if before:
            before()
        wall, peak, _rc = timed(cmd, cwd)
        walls.append(wall)
        peaks.append(peak)
    return statistics.median(walls), max(peaks)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--files", type=int, default=5000)
    parser.add_argument("--mb", type=float, default=10.0)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--jobs", type=int, default=0, help="newslint --jobs (default: all cores)")
    parser.add_argument("--skip", action="append", default=[], choices=["proselint", "codespell", "warm", "one"])
    parser.add_argument("--json", action="store_true", help="print the figures as JSON too")
    args = parser.parse_args()

    corpus = build_corpus(args.files, args.mb)
    files = corpus_files(corpus)
    size_mb = sum(p.stat().st_size for p in files) / 1_000_000
    bindir = Path(sys.executable).parent
    newslint = [sys.executable, "-m", "newslint"]
    cache_dir = CORPUS / "cache"
    jobs = ["--jobs", str(args.jobs)] if args.jobs else []
    results: dict[str, dict] = {}

    def clear_cache() -> None:
        shutil.rmtree(cache_dir, ignore_errors=True)

    print(f"corpus: {len(files)} files, {size_mb:.2f} MB ({corpus.relative_to(ROOT)}); cores: {os.cpu_count()}")
    # Untimed warm-up of every tool on one file: writes bytecode, fills the OS file cache.
    sample = str(files[0])
    timed([*newslint, "check", "--no-cache", "--exit-zero", sample], ROOT)
    for tool, args_ in (("proselint", ["check", sample]), ("codespell", [sample])):
        exe = shutil.which(tool, path=str(bindir)) or shutil.which(tool)
        if exe and tool not in args.skip:
            timed([exe, *args_], ROOT, ok_codes=(0, 1, 2, 65))
    # The corpus lives in a git-ignored folder, so tell newslint to walk it anyway.
    check = [*newslint, "check", "--exit-zero", "--quiet", "--progress", "never", "--no-respect-gitignore", *jobs,
             str(corpus)]
    wall, peak = median_run([*check, "--no-cache"], ROOT, args.repeat)
    results["newslint (cold)"] = {"wall": wall, "peak_mb": peak}
    if "warm" not in args.skip:
        clear_cache()
        timed([*check, "--cache-dir", str(cache_dir)], ROOT)  # fill the cache
        wall, peak = median_run([*check, "--cache-dir", str(cache_dir)], ROOT, args.repeat)
        results["newslint (warm cache)"] = {"wall": wall, "peak_mb": peak}
        clear_cache()
    if "one" not in args.skip:
        seed = ROOT / "examples" / "seed-article.txt"
        wall, peak = median_run([*newslint, "check", "--no-cache", "--exit-zero", "-q", str(seed)], ROOT,
                                max(args.repeat, 5))
        results["newslint (one article)"] = {"wall": wall, "peak_mb": peak, "size_mb": seed.stat().st_size / 1e6}
    if "proselint" not in args.skip:
        exe = shutil.which("proselint", path=str(bindir)) or shutil.which("proselint")
        if exe:
            wall, peak = median_run([exe, "check", str(corpus)], ROOT, args.repeat)
            results["proselint"] = {"wall": wall, "peak_mb": peak}
        else:
            print("proselint not installed (pip install proselint); skipped")
    if "codespell" not in args.skip:
        exe = shutil.which("codespell", path=str(bindir)) or shutil.which("codespell")
        if exe:
            wall, peak = median_run([exe, str(corpus)], ROOT, args.repeat)
            results["codespell"] = {"wall": wall, "peak_mb": peak}
        else:
            print("codespell not installed; skipped")

    print(f"\n{'tool':<24} {'wall s':>8} {'MB/s':>8} {'peak MB':>8}")
    for name, r in results.items():
        mb = r.get("size_mb", size_mb)
        r["mb_per_s"] = mb / r["wall"] if r["wall"] else float("inf")
        print(f"{name:<24} {r['wall']:8.2f} {r['mb_per_s']:8.2f} {r['peak_mb']:8d}")
    cold = results["newslint (cold)"]
    print()
    for other in ("proselint", "codespell"):
        if other in results:
            print(f"newslint cold vs {other}: {cold['mb_per_s'] / results[other]['mb_per_s']:.1f}x throughput")
    if "newslint (warm cache)" in results:
        print(f"warm re-run vs cold: {cold['wall'] / results['newslint (warm cache)']['wall']:.1f}x faster")
    if args.json:
        print(json.dumps({"files": len(files), "mb": size_mb, "results": results}, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
