"""Benchmark for `newslint corpus`: throughput, peak memory, recall and precision.

Generates N synthetic articles (default 100,000) with 20 planted templates,
each lightly reworded into 50-500 articles, among filler drawn from a
20,000-word made-up vocabulary, then runs the corpus pipeline exactly as
`newslint corpus` does (stream files -> signatures in an executor -> SQLite
store -> LSH clusters -> NL701 diagnostics) and scores the diagnostics
against the planted truth.

Usage:
    python benchmarks/corpus_bench.py [--articles 100000] [--executor local|dask] [--jobs N]
        [--workers N] [--scheduler tcp://host:8786] [--corpus DIR] [--index DIR] [--json]

Recall: planted (article, template) pairs with an NL701 diagnostic on the
planted paragraph's line. Precision: diagnostics on a planted paragraph /
all diagnostics. Peak memory: ru_maxrss of this process (the parent holds the
index and LSH state) and of the largest worker process.
"""

from __future__ import annotations

import argparse
import json
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=100_000)
    ap.add_argument("--templates", type=int, default=20)
    ap.add_argument("--min-copies", type=int, default=50)
    ap.add_argument("--max-copies", type=int, default=500)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--executor", choices=["local", "dask"], default="local")
    ap.add_argument("--jobs", type=int, default=None, help="local worker processes (default CPU count)")
    ap.add_argument("--workers", type=int, default=2, help="Dask LocalCluster workers (without --scheduler)")
    ap.add_argument("--scheduler", default=None)
    ap.add_argument("--corpus", type=Path, default=None, help="generate into / reuse this folder")
    ap.add_argument("--index", type=Path, default=None, help="signature store folder (default: temporary)")
    ap.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = ap.parse_args(argv)

    from newslint.corpus.detect import find_clusters
    from newslint.corpus.executors import DaskExecutor, LocalExecutor
    from newslint.corpus.index import SignatureStore
    from newslint.corpus.pipeline import corpus_results, update_store
    from newslint.corpus.settings import CorpusSettings
    from newslint.corpus.synthetic import Corpus
    from newslint.files import iter_files

    work = Path(tempfile.mkdtemp(prefix="newslint-corpus-bench-"))
    corpus_dir = args.corpus or work / "articles"
    truth_file = corpus_dir / "truth.json"
    t0 = time.perf_counter()
    if truth_file.is_file():
        truth = {int(k): v for k, v in json.loads(truth_file.read_text()).items()}
        nbytes = sum(p.stat().st_size for p in corpus_dir.rglob("*.txt"))
        generated = False
    else:
        gen = Corpus.create(seed=args.seed, n_templates=args.templates)
        plan = gen.plan(args.articles, args.min_copies, args.max_copies)
        nbytes = gen.write(corpus_dir, args.articles, plan)
        truth = gen.truth
        truth_file.write_text(json.dumps(truth))
        generated = True
    t_gen = time.perf_counter() - t0
    n_articles = len(truth)

    settings = CorpusSettings()
    index_dir = args.index or work / "index"
    store = SignatureStore(index_dir, settings)
    if args.executor == "dask":
        executor = DaskExecutor(args.scheduler, n_workers=args.workers)
    else:
        executor = LocalExecutor(args.jobs)
    t1 = time.perf_counter()
    with executor:
        files = iter_files([corpus_dir], ("*.txt",), ("truth.json",), respect_gitignore=False)
        stats = update_store(store, files, executor, settings, roots=[corpus_dir])
    t2 = time.perf_counter()
    clusters = find_clusters(store, settings)
    t3 = time.perf_counter()
    planted_lines = {}
    for i, pairs in truth.items():
        for tid, line in pairs:
            planted_lines[(f"article-{i:06d}.txt", line)] = tid
    found_pairs = set()
    true_pos = false_pos = 0
    for result in corpus_results(store, stats, clusters):
        name = Path(result.path).name
        for d in result.diagnostics:
            tid = planted_lines.get((name, d.line))
            if tid is None:
                false_pos += 1
            else:
                true_pos += 1
                found_pairs.add((name, tid))
    t4 = time.perf_counter()
    index_mb = store.size_bytes() / 1e6
    store.close()

    planted = len(planted_lines)
    elapsed = t4 - t1
    mb = nbytes / 1e6
    self_rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    child_rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    figures = {
        "articles": n_articles, "corpus_mb": round(mb, 1), "generated": generated, "generate_s": round(t_gen, 1),
        "executor": args.executor, "jobs": executor.jobs if hasattr(executor, "jobs") else args.workers,
        "index_s": round(t2 - t1, 1), "cluster_s": round(t3 - t2, 1), "report_s": round(t4 - t3, 1),
        "total_s": round(elapsed, 1), "articles_per_s": round(n_articles / elapsed, 1),
        "mb_per_s": round(mb / elapsed, 2), "units": clusters.units, "candidates": clusters.candidates,
        "clusters": clusters.clusters, "index_mb": round(index_mb, 1),
        "peak_rss_parent_mb": round(self_rss, 1), "peak_rss_worker_mb": round(child_rss, 1),
        "planted_pairs": planted, "recall": round(len(found_pairs) / planted, 4) if planted else None,
        "diagnostics": true_pos + false_pos,
        "precision": round(true_pos / (true_pos + false_pos), 4) if true_pos + false_pos else None,
        "false_positives": false_pos,
    }
    if args.json:
        print(json.dumps(figures, indent=2))
    else:
        for k, v in figures.items():
            print(f"{k:>20}: {v}")
    shutil.rmtree(work, ignore_errors=True)  # the generated corpus (unless --corpus) and the temporary index
    return 0


if __name__ == "__main__":
    sys.exit(main())
