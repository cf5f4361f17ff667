"""`check_against_index`: does a new article reuse text that recurs across the archive?

For `newslint check --corpus-index DIR new-article.md` (editorial CI): the
article's units are signed with the index's own settings and compared with
every stored unit through the same LSH banding; a unit similar to units of at
least `min_articles` archive articles is reported.
"""

from __future__ import annotations

import os
from pathlib import Path

import numpy as np

from ..diagnostic import Diagnostic, Finding, Severity
from ..document import Document
from . import RULE_CATEGORY, RULE_CODE, RULE_NAME, require_datasketch
from .detect import band_keys, lsh_params, similarity as sim_of
from .settings import CorpusSettings
from .signatures import KIND_NAMES, PARAGRAPH_UNIT, doc_signatures, file_key


def boilerplate_message(kind: int, count: int, examples: list[str], *, archive: bool = False) -> str:
    where = "archive articles" if archive else "articles"
    shown = " and ".join(examples[:2])
    eg = f", e.g. {shown}" if shown else ""
    return f"{KIND_NAMES[kind].capitalize()} recurs (near-)verbatim in {count} {where}{eg}"


def display_path(key: str, display: str | None = None) -> str:
    """How to show an archive article: relative to the working folder when inside it."""
    try:
        rel = os.path.relpath(key)
    except ValueError:
        return display or key
    return rel if not rel.startswith("..") else key


def check_against_index(index_dir: Path, doc: Document, *, min_articles: int = 5,
                        similarity: float = 0.7) -> list[Finding]:
    """Findings (start, end, message, data) for units of `doc` that recur across the index.

    The document's own entry (same resolved path) is ignored, so checking an
    article already in the archive only counts the other articles.
    """
    require_datasketch()
    from .index import SignatureStore

    store = SignatureStore(Path(index_dir), CorpusSettings(), create=False)
    try:
        settings = store.settings
        units, sigs = doc_signatures(doc, settings)
        if not units:
            return []
        bands, rows = lsh_params(similarity, settings.num_perm)
        qkeys = band_keys(sigs, bands, rows)
        own = file_key(Path(doc.path)) if doc.path and Path(doc.path).exists() else None
        articles = store.articles()
        skip = next((i for i, a in enumerate(articles) if a[0] == own), -1)
        hits: list[set[int]] = [set() for _ in units]
        matched: list[set[tuple[int, int]]] = [set() for _ in units]  # (article id, unit index)
        threshold = similarity - 1e-9

        buf: list[np.ndarray] = []
        owners: list[np.ndarray] = []
        unit_idx: list[np.ndarray] = []
        size = 0

        def scan() -> None:
            nonlocal buf, owners, size
            if not buf:
                return
            chunk = np.concatenate(buf)
            who = np.concatenate(owners)
            where = np.concatenate(unit_idx)
            keys = band_keys(chunk, bands, rows)
            mask = np.zeros(len(chunk), dtype=bool)
            for i in range(bands):
                mask |= np.isin(keys[i], qkeys[i])
            for row in np.flatnonzero(mask):
                close = np.flatnonzero(sim_of(sigs, chunk[row]) >= threshold)
                for q in close:
                    hits[q].add(int(who[row]))
                    matched[q].add((int(who[row]), int(where[row])))
            buf, owners, size = [], [], 0
            unit_idx.clear()

        for aid, asigs in store.iter_signatures():
            if aid == skip or not len(asigs):
                continue
            buf.append(asigs)
            owners.append(np.full(len(asigs), aid, dtype=np.int32))
            unit_idx.append(np.arange(len(asigs), dtype=np.int32))
            size += len(asigs)
            if size >= 1 << 16:
                scan()
        scan()
        # A match joins the stored cluster of the unit it matched (near-duplicates of
        # near-duplicates): count every article of those clusters.
        index_of = {a[0]: i for i, a in enumerate(articles)}
        for q, pairs in enumerate(matched):
            seen_clusters: set[tuple[str, ...]] = set()
            for aid, idx in sorted(pairs):
                paths = tuple(store.cluster_of(articles[aid][0], idx))
                if paths and paths not in seen_clusters:
                    seen_clusters.add(paths)
                    hits[q].update(index_of[p] for p in paths if p in index_of and index_of[p] != skip)
    finally:
        store.close()

    flagged = [(u, sorted(h)) for u, h in zip(units, hits) if len(h) >= min_articles]
    paragraphs = [(u.start, u.end) for u, _ in flagged if u.kind == PARAGRAPH_UNIT]
    out: list[Finding] = []
    for u, arts in flagged:
        if u.kind != PARAGRAPH_UNIT and any(s <= u.start and u.end <= e for s, e in paragraphs):
            continue  # the paragraph around it is reported
        examples = [display_path(articles[a][0], articles[a][1]) for a in arts[:2]]
        out.append(Finding(u.start, u.end, boilerplate_message(u.kind, len(arts), examples, archive=True),
                           data={"articles": len(arts), "examples": examples, "unit": KIND_NAMES[u.kind]}))
    out.sort(key=lambda f: (f.start, f.end))
    return out


def findings_to_diagnostics(doc: Document, findings: list[Finding]) -> list[Diagnostic]:
    """NL701 diagnostics for `check_against_index` findings (line-anchored, as `newslint check` prints them)."""
    out = []
    for f in findings:
        line, col = doc.position(f.start)
        end_line, end_col = doc.position(f.end)
        out.append(Diagnostic(doc.path, line, col, end_line, end_col, RULE_CODE, RULE_NAME, Severity.WARNING,
                              f.message, category=RULE_CATEGORY, start=f.start, end=f.end, data=f.data))
    return out
