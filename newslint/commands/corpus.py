"""`newslint corpus PATH ...`: sentences and paragraphs shared across many articles (NL701).

MinHash + LSH (datasketch) over normalised word shingles; see newslint/corpus/.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path
from types import SimpleNamespace
from typing import IO

NL701_DOC = (
    "A sentence or paragraph recurs verbatim or near-verbatim (light rewording allowed) across many "
    "articles of a corpus: template text a generator keeps reusing. Found by `newslint corpus` with MinHash "
    "and locality-sensitive hashing over normalised word shingles; datelines, bylines, legal notices, "
    "standard corrections and the configured allowlist are exempt."
)


def add_parser(sub) -> None:
    p = sub.add_parser("corpus", help="find sentences and paragraphs shared across many articles")
    p.add_argument("paths", nargs="+", metavar="PATH", help="files or folders of articles")
    t = p.add_argument_group("detection")
    t.add_argument("--min-articles", type=int, metavar="N", help="report text shared by at least N articles (default 5)")
    t.add_argument("--similarity", type=float, metavar="S", help="near-duplicate threshold, 0-1 (default 0.7)")
    t.add_argument("--min-words", type=int, metavar="N", help="ignore sentences shorter than N words (default 8)")
    t.add_argument("--shingle-size", type=int, choices=[3, 4], help="words per shingle (default 3)")
    t.add_argument("--allow", action="append", metavar="TEXT", help="allowlist a phrase (or re:REGEX); repeatable")
    t.add_argument("--no-builtin-allowlist", action="store_true", help="do not exempt bylines, datelines, legal notices")
    i = p.add_argument_group("index and execution")
    i.add_argument("--index", metavar="DIR", help="keep signatures in DIR and update it incrementally")
    i.add_argument("--executor", choices=["local", "dask"], help="where signatures are computed (default local)")
    i.add_argument("--jobs", "-j", type=int, metavar="N", help="local worker processes (default: CPU count)")
    i.add_argument("--scheduler", metavar="ADDR", help="Dask scheduler (tcp://host:8786); default a local cluster")
    o = p.add_argument_group("output")
    o.add_argument("--format", default=None, help="text (default), json, jsonl, sarif, github")
    o.add_argument("--output-file", "-o", metavar="FILE")
    o.add_argument("--no-color", action="store_true")
    o.add_argument("--quiet", "-q", action="store_true", help="findings only")
    o.add_argument("--verbose", "-v", action="store_true", help="index counts and timings on standard error")
    o.add_argument("--debug", action="store_true")
    f = p.add_argument_group("files")
    f.add_argument("--config", metavar="FILE")
    f.add_argument("--include", action="append", metavar="GLOBS")
    f.add_argument("--exclude", action="append", metavar="GLOBS")
    f.add_argument("--no-respect-gitignore", action="store_true")


def _split(values) -> tuple[str, ...]:
    out: list[str] = []
    for v in values or ():
        out.extend(x.strip() for x in v.split(",") if x.strip())
    return tuple(out)


class _RegistryView:
    """The registry plus an NL701 descriptor, so SARIF lists the rule and results carry ruleIndex."""

    def __init__(self, registry):
        from ..corpus import RULE_CATEGORY, RULE_CODE, RULE_NAME
        from ..diagnostic import Severity

        self._registry = registry
        self.formats = registry.formats
        rules = list(getattr(registry, "rules", []))
        if not any(r.code == RULE_CODE for r in rules):
            rules.append(SimpleNamespace(
                code=RULE_CODE, name=RULE_NAME, summary="Text recurs near-verbatim across many articles",
                documentation=NL701_DOC, severity=Severity.WARNING, category=RULE_CATEGORY,
                fix_applicability="none", source="newslint corpus"))
            rules.sort(key=lambda r: r.code)
        self.rules = rules

    def __getattr__(self, name):
        return getattr(self._registry, name)


def resolve_settings(args: argparse.Namespace, section: dict, source: str):
    from ..corpus.settings import settings_from_config

    settings, extra = settings_from_config(section, source)
    changes = {}
    for flag, attr in (("min_articles", "min_articles"), ("similarity", "similarity"),
                       ("min_words", "min_words"), ("shingle_size", "shingle_size")):
        value = getattr(args, flag, None)
        if value is not None:
            changes[attr] = value
    if getattr(args, "allow", None):
        changes["allowlist"] = settings.allowlist + tuple(args.allow)
    if getattr(args, "no_builtin_allowlist", False):
        changes["builtin_allowlist"] = False
    return replace(settings, **changes).validate(), extra


def run(args: argparse.Namespace) -> int:
    from ..config import ConfigResolver
    from ..corpus import require_datasketch
    from ..errors import UsageError, did_you_mean
    from ..files import iter_files
    from ..output.base import OutputOptions, RunSummary
    from ..registry import get_registry

    require_datasketch()
    from ..corpus.detect import find_clusters
    from ..corpus.executors import make_executor
    from ..corpus.index import SignatureStore
    from ..corpus.pipeline import corpus_results, update_store

    started = time.perf_counter()
    resolver = ConfigResolver(Path(args.config) if args.config else None)
    base = resolver.for_path(Path.cwd() / "__newslint__")
    settings, extra = resolve_settings(args, base.section("corpus"), base.source)
    index_dir = args.index or extra.get("index")
    executor_kind = args.executor or extra.get("executor") or "local"
    scheduler = args.scheduler or extra.get("scheduler")
    jobs = args.jobs if args.jobs is not None else extra.get("jobs")
    if jobs is not None and jobs < 1:
        raise UsageError("--jobs takes a number of processes >= 1")

    registry = _RegistryView(get_registry(frozenset(base.blocked_plugins), tuple(base.packs)))
    fmt = args.format or "text"
    formats = dict(registry.formats)
    if fmt not in formats or getattr(formats[fmt], "needs_text", False):
        usable = sorted(n for n, c in formats.items() if not getattr(c, "needs_text", False))
        hint = did_you_mean(fmt, usable, otherwise=f"; choose from {', '.join(usable)}")
        raise UsageError(f"unknown output format {fmt!r} for newslint corpus{hint}")

    targets, missing = [], []
    for p in args.paths:
        path = Path(p)
        (targets if path.exists() else missing).append(path)
    if missing:
        raise UsageError(f"{missing[0]}: no such file or directory")
    include = _split(args.include) or base.include
    exclude = tuple(base.exclude) + _split(args.exclude)
    respect = base.respect_gitignore and not args.no_respect_gitignore
    notices: list[str] = []
    files = iter_files(targets, include, exclude, respect_gitignore=respect, notices=notices)

    tmp = None
    if index_dir:
        folder = Path(index_dir)
    else:
        tmp = tempfile.TemporaryDirectory(prefix="newslint-corpus-")
        folder = Path(tmp.name)
    out_stream: IO[str] = sys.stdout
    try:
        store = SignatureStore(folder, settings)
        try:
            with make_executor(executor_kind, jobs=jobs, scheduler=scheduler) as executor:
                stats = update_store(store, files, executor, settings, encoding=base.encoding, roots=targets)
            indexed = time.perf_counter()
            clusters = find_clusters(store, settings)
            if index_dir:
                store.save_clusters(clusters.members, settings.similarity)
            clustered = time.perf_counter()
            if args.output_file:
                try:
                    out_stream = open(args.output_file, "w", encoding="utf-8", newline="\n")
                except OSError as exc:
                    raise UsageError(f"cannot write {args.output_file}: {exc.strerror}") from None
            color = fmt == "text" and not args.no_color and not os.environ.get("NO_COLOR") and (
                bool(os.environ.get("FORCE_COLOR")) or out_stream.isatty())
            options = OutputOptions(color=color, quiet=args.quiet, verbose=args.verbose)
            formatter = formats[fmt](out_stream, registry, options)
            summary = RunSummary()
            formatter.start()
            for result in corpus_results(store, stats, clusters):
                summary.add(result)
                formatter.file(result)
            summary.notices.extend(notices + stats.notices)
            formatter.finish(summary)
            if args.verbose:
                n = len(stats.files)
                print(f"newslint: corpus: {stats.line()}; {'rebuilt index (settings changed); ' if store.rebuilt else ''}"
                      f"{clusters.units} units, {clusters.candidates} LSH candidates, {clusters.clusters} clusters "
                      f"in >= {settings.min_articles} articles; {n} files in {indexed - started:.1f}s "
                      f"+ {clustered - indexed:.1f}s clustering"
                      + (f"; index {store.size_bytes() / 1e6:.1f} MB at {store.path}" if index_dir else ""),
                      file=sys.stderr)
        finally:
            store.close()
    finally:
        if args.output_file and out_stream is not sys.stdout:
            out_stream.close()
        else:
            out_stream.flush()
        if tmp is not None:
            tmp.cleanup()
    for notice in summary.notices:
        print(f"newslint: {notice}", file=sys.stderr)
    for error in summary.errors:
        print(f"newslint: error: {error}", file=sys.stderr)
    if summary.errors:
        return 2
    return 1 if summary.findings else 0
