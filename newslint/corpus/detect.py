"""Locality-sensitive hashing over stored signatures, and clusters of near-duplicate units.

The banding is datasketch's MinHashLSH scheme: `b` bands of `r` hash values,
with (b, r) chosen by datasketch's own optimiser for the similarity threshold
(weighted towards recall); two units are candidates when they agree on every
value of at least one band. Instead of datasketch's in-memory `MinHashLSH`
(Python dicts holding a bytes key and a set per unit and band: several GB for
two million units), each band is reduced to one 64-bit key per unit in a numpy
array and candidates are the runs of equal keys after sorting. Candidates are
then verified with the MinHash Jaccard estimate (the share of equal hash
values, as `datasketch.MinHash.jaccard` computes it) and joined with
union-find. Memory: about 8*b + 4 bytes per unit, plus the signatures of
candidate units only.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from .settings import CorpusSettings

_MULT = np.uint64(0x9E3779B97F4A7C15)
_CHUNK_UNITS = 1 << 16


def lsh_params(similarity: float, num_perm: int) -> tuple[int, int]:
    """(bands, rows) for a threshold: datasketch's optimiser, weighted 0.1/0.9 towards recall."""
    try:
        from datasketch.lsh import _optimal_param

        return tuple(_optimal_param(similarity, num_perm, 0.1, 0.9))  # type: ignore[return-value]
    except ImportError:  # pragma: no cover - private helper moved
        best = (1, num_perm)
        for r in range(1, num_perm + 1):
            b = num_perm // r
            if (1 / b) ** (1 / r) <= similarity * 0.9:
                best = (b, r)
        return best


def band_keys(sigs: np.ndarray, bands: int, rows: int) -> np.ndarray:
    """(bands, n) uint64: one key per band per signature row (equal bands give equal keys)."""
    n = sigs.shape[0]
    out = np.empty((bands, n), dtype=np.uint64)
    with np.errstate(over="ignore"):
        for i in range(bands):
            h = np.full(n, np.uint64(i + 1) * np.uint64(0xA24BAED4963EE407), dtype=np.uint64)
            for j in range(i * rows, (i + 1) * rows):
                h = (h ^ sigs[:, j].astype(np.uint64)) * _MULT
                h ^= h >> np.uint64(29)
            out[i] = h
    return out


def similarity(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """MinHash Jaccard estimate of each row of `a` against the single signature `b`."""
    return np.count_nonzero(a == b, axis=-1) / a.shape[-1]


@dataclass
class Clusters:
    """Clusters of near-duplicate units that span at least `min_articles` articles."""

    #: article id -> [(unit index within the article, cluster id)]
    flagged: dict[int, list[tuple[int, int]]] = field(default_factory=dict)
    #: cluster id -> sorted article ids
    articles: dict[int, np.ndarray] = field(default_factory=dict)
    units: int = 0
    candidates: int = 0
    clusters: int = 0
    #: every cluster spanning two or more articles: cluster id -> [(article id, unit index)]
    #: (saved in the index for `check_against_index`)
    members: dict[int, list[tuple[int, int]]] = field(default_factory=dict)


class _UnionFind:
    def __init__(self, n: int):
        self.parent = np.arange(n, dtype=np.int64)

    def find(self, x: int) -> int:
        parent = self.parent
        root = x
        while parent[root] != root:
            root = int(parent[root])
        while parent[x] != root:
            parent[x], x = root, int(parent[x])
        return root

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            if ra < rb:
                self.parent[rb] = ra
            else:
                self.parent[ra] = rb


def find_clusters(store, settings: CorpusSettings) -> Clusters:
    bands, rows = lsh_params(settings.similarity, store.num_perm)
    key_chunks: list[np.ndarray] = []
    article_of: list[np.ndarray] = []
    pending: list[np.ndarray] = []
    pending_n = 0

    def flush() -> None:
        nonlocal pending, pending_n
        if pending:
            key_chunks.append(band_keys(np.concatenate(pending), bands, rows))
        pending, pending_n = [], 0

    for aid, sigs in store.iter_signatures():
        if len(sigs):
            pending.append(sigs)
            pending_n += len(sigs)
            article_of.append(np.full(len(sigs), aid, dtype=np.int32))
        if pending_n >= _CHUNK_UNITS:
            flush()
    flush()
    result = Clusters()
    if not key_chunks:
        return result
    unit_article = np.concatenate(article_of)
    del article_of
    keys = np.concatenate(key_chunks, axis=1)
    del key_chunks
    n = keys.shape[1]
    result.units = n

    # Runs of equal band keys (buckets with two or more units).
    runs: list[np.ndarray] = []
    for i in range(bands):
        order = np.argsort(keys[i], kind="stable")
        sk = keys[i][order]
        starts = np.flatnonzero(np.concatenate(([True], sk[1:] != sk[:-1])))
        ends = np.append(starts[1:], n)
        big = ends - starts >= 2
        for s, e in zip(starts[big], ends[big]):
            members = np.sort(order[s:e])
            if unit_article[members[0]] != unit_article[members[-1]]:  # ids are contiguous per article
                runs.append(members)
        del order, sk
    del keys
    if not runs:
        return result
    candidates = np.unique(np.concatenate(runs))
    result.candidates = len(candidates)

    # Signatures of candidate units only (a second pass over the store).
    cand_sigs = np.empty((len(candidates), store.num_perm), dtype=np.uint32)
    offset = 0
    for _, sigs in store.iter_signatures():
        m = len(sigs)
        if m:
            lo, hi = np.searchsorted(candidates, [offset, offset + m])
            if hi > lo:
                cand_sigs[lo:hi] = sigs[candidates[lo:hi] - offset]
        offset += m

    # Verify candidate pairs and join them: each bucket against a pivot, then the rest.
    uf = _UnionFind(len(candidates))
    threshold = settings.similarity - 1e-9
    seen: set[bytes] = set()
    for members in runs:
        local = np.searchsorted(candidates, members)
        key = local.tobytes()
        if key in seen:
            continue
        seen.add(key)
        roots = {uf.find(int(x)) for x in local}
        if len(roots) == 1:
            continue
        remaining = local
        while len(remaining) > 1:
            pivot = int(remaining[0])
            hit = similarity(cand_sigs[remaining], cand_sigs[pivot]) >= threshold
            for x in remaining[hit][1:]:
                uf.union(pivot, int(x))
            remaining = remaining[~hit]

    roots = np.fromiter((uf.find(i) for i in range(len(candidates))), dtype=np.int64, count=len(candidates))
    order = np.argsort(roots, kind="stable")
    sr = roots[order]
    starts = np.flatnonzero(np.concatenate(([True], sr[1:] != sr[:-1])))
    ends = np.append(starts[1:], len(sr))
    offsets = np.concatenate(([0], np.cumsum(np.bincount(unit_article, minlength=int(unit_article[-1]) + 1))))
    for s, e in zip(starts, ends):
        if e - s < 2:
            continue
        units = candidates[order[s:e]]
        arts = np.unique(unit_article[units])
        if len(arts) < 2:
            continue
        cid = int(units.min())
        result.members[cid] = [(int(unit_article[u]), int(u - offsets[unit_article[u]])) for u in units]
        if len(arts) < settings.min_articles:
            continue
        result.articles[cid] = arts
        result.clusters += 1
        for aid, idx in result.members[cid]:
            result.flagged.setdefault(aid, []).append((idx, cid))
    return result
