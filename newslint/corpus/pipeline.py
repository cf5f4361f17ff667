"""The corpus run: stream files through an executor into the store, then cluster and report."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Iterator

from ..diagnostic import Diagnostic, Severity
from ..engine import FileResult
from . import RULE_CATEGORY, RULE_CODE, RULE_NAME
from .check import boilerplate_message, display_path
from .detect import Clusters
from .index import SignatureStore
from .settings import CorpusSettings
from .signatures import PARAGRAPH_UNIT, FileSignatures, file_key, signature_task


@dataclass
class IndexStats:
    new: int = 0
    changed: int = 0
    unchanged: int = 0
    removed: int = 0
    files: list[tuple[str, str]] = field(default_factory=list)  # (key, display) in walk order
    errors: dict[str, list[str]] = field(default_factory=dict)  # key -> errors
    notices: list[str] = field(default_factory=list)

    def line(self) -> str:
        return (f"indexed {self.new} new, {self.changed} changed, {self.unchanged} unchanged, "
                f"{self.removed} removed")


def _under(key: str, roots: list[str]) -> bool:
    return any(key == r or key.startswith(r.rstrip("/") + "/") for r in roots)


def update_store(store: SignatureStore, files: Iterable[tuple[Path, bool]], executor, settings: CorpusSettings,
                 *, encoding: str = "utf-8", roots: Iterable[Path] = (), commit_every: int = 500) -> IndexStats:
    """Add new and changed files to the store, drop stale ones; texts only ever live in one task."""
    stats = IndexStats()
    known = store.known_hashes()
    settings_dict = settings.to_dict()
    seen: set[str] = set()

    def items() -> Iterator[tuple]:
        for path, explicit in files:
            key = file_key(path)
            if key in seen:
                continue
            seen.add(key)
            display = str(path)
            stats.files.append((key, display))
            yield (key, display, encoding, explicit, known.get(key), settings_dict)

    pending = 0
    for fs in executor.map(signature_task, items()):
        fs: FileSignatures
        if fs.error:
            stats.errors.setdefault(fs.key, []).append(fs.error)
            continue
        if fs.notice:
            stats.notices.append(fs.notice)
            if fs.key in known:
                store.delete([fs.key])
            continue
        if fs.unchanged:
            stats.unchanged += 1
            store.set_display(fs.key, fs.display)
            continue
        if fs.key in known:
            stats.changed += 1
        else:
            stats.new += 1
        store.put(fs)
        pending += 1
        if pending >= commit_every:
            store.commit()
            pending = 0
    # Stale entries: under a folder (or the file) given this run but not seen, or gone from disk.
    root_keys = [file_key(r) for r in roots]
    stale = [k for k in known if k not in seen and (_under(k, root_keys) or not os.path.exists(k))]
    if stale:
        store.delete(stale)
        stats.removed = len(stale)
    store.commit()
    return stats


def corpus_results(store: SignatureStore, stats: IndexStats, clusters: Clusters) -> Iterator[FileResult]:
    """One FileResult per file of this run, in walk order, with NL701 diagnostics."""
    from ..files import read_source

    articles = store.articles()
    aid_of = {a[0]: i for i, a in enumerate(articles)}
    shown = {key: display for key, display in stats.files}

    def name(aid: int) -> str:
        key, display = articles[aid][0], articles[aid][1]
        return shown.get(key) or display_path(key, display)

    for key, display in stats.files:
        result = FileResult(display)
        if key in stats.errors:
            result.errors.extend(stats.errors[key])
            yield result
            continue
        aid = aid_of.get(key)
        if aid is None:
            yield result
            continue
        result.words = articles[aid][2]
        flagged = clusters.flagged.get(aid)
        if flagged:
            units = store.units_of(key)
            rows = [(units[i], cid) for i, cid in flagged]
            paragraphs = [(int(u["start"]), int(u["end"])) for u, _ in rows if u["kind"] == PARAGRAPH_UNIT]
            for u, cid in rows:
                start, end = int(u["start"]), int(u["end"])
                if u["kind"] != PARAGRAPH_UNIT and any(s <= start and end <= e for s, e in paragraphs):
                    continue  # reported as part of its paragraph
                arts = clusters.articles[cid]
                examples = [name(int(a)) for a in arts if int(a) != aid][:2]
                msg = boilerplate_message(int(u["kind"]), len(arts), examples)
                result.diagnostics.append(Diagnostic(
                    display, int(u["line"]), int(u["column"]), int(u["end_line"]), int(u["end_column"]),
                    RULE_CODE, RULE_NAME, Severity.WARNING, msg, category=RULE_CATEGORY, start=start, end=end,
                    data={"articles": int(len(arts)), "examples": examples, "cluster": cid,
                          "unit": "paragraph" if u["kind"] == PARAGRAPH_UNIT else "sentence"}))
            result.diagnostics.sort(key=Diagnostic.sort_key)
            try:
                lines = read_source(Path(key)).text.splitlines()
                for d in result.diagnostics:
                    if d.line <= len(lines):
                        result.source_lines[d.line] = lines[d.line - 1]
            except Exception:
                pass
        yield result
