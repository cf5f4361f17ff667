"""Per-file work: read one article, cut it into units, MinHash each unit.

`signature_task` is what executors ship to worker processes (local pool or
Dask workers): it takes a small picklable tuple and returns a `FileSignatures`
holding only numbers (signatures and metadata), never the article text.
"""

from __future__ import annotations

import bisect
import hashlib
import os
import re
import unicodedata
import zlib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

from ..document import LIST_ITEM, MASK, PARAGRAPH, Document
from .settings import DATELINE, Allowlist, CorpusSettings, fold

SENTENCE, PARAGRAPH_UNIT = 0, 1
KIND_NAMES = {SENTENCE: "sentence", PARAGRAPH_UNIT: "paragraph"}

#: Per-unit metadata stored next to each signature row (offsets and positions in code points).
UNIT_DTYPE = np.dtype([
    ("kind", "u1"), ("start", "<u4"), ("end", "<u4"), ("line", "<u4"), ("column", "<u4"),
    ("end_line", "<u4"), ("end_column", "<u4"), ("words", "<u4"), ("hash", "<u8"),
])

_NUMBER = re.compile(r"\d(?:[\d,.:/]*\d)?")
_APOSTROPHE = re.compile(r"(?<=\w)'(?=\w)")
_TOKEN = re.compile(r"[^\W_]+")
NUM = "0"


def normalize_words(text: str) -> list[str]:
    """Lowercase words with punctuation stripped, numbers as a placeholder and quotes folded."""
    text = unicodedata.normalize("NFKC", fold(text)).replace(MASK, " ").casefold()
    text = _NUMBER.sub(f" {NUM} ", text)
    text = _APOSTROPHE.sub("", text)
    return _TOKEN.findall(text)


@dataclass
class Unit:
    kind: int
    start: int
    end: int
    words: list[str]


def extract_units(doc: Document, settings: CorpusSettings, allow: Allowlist) -> list[Unit]:
    """Sentences (>= min_words) and multi-sentence paragraphs of a document, allowlisted text left out."""
    prose = doc.prose
    allowed = allow.spans(prose)
    allowed_starts = [a for a, _ in allowed]
    by_block: dict[int, list[Any]] = {}
    for s in doc.sentences:
        by_block.setdefault(id(s.block), []).append(s)
    units: list[Unit] = []
    for block in doc.blocks:
        if block.kind not in (PARAGRAPH, LIST_ITEM):
            continue
        kept: list[tuple[int, int, list[str]]] = []
        for i, s in enumerate(by_block.get(id(block), ())):
            raw = prose[s.start:s.end]
            j = bisect.bisect_left(allowed_starts, s.end) - 1
            if (j >= 0 and allowed[j][1] > s.start) or allow.starts(raw):
                continue
            start = s.start
            if i == 0:
                m = DATELINE.match(raw)
                if m and m.end() < len(raw):
                    start += m.end()
                    raw = raw[m.end():]
            words = normalize_words(raw)
            if not words:
                continue
            kept.append((start, s.end, words))
            if len(words) >= settings.min_words:
                units.append(Unit(SENTENCE, start, s.end, words))
        if settings.paragraphs and len(kept) >= 2:
            words = [w for _, _, ws in kept for w in ws]
            if len(words) >= settings.min_words:
                units.append(Unit(PARAGRAPH_UNIT, kept[0][0], kept[-1][1], words))
    return units


@lru_cache(maxsize=8)
def _permutations(num_perm: int, seed: int) -> tuple[np.ndarray, np.ndarray]:
    from datasketch import MinHash

    a, b = MinHash(num_perm=num_perm, seed=seed, scheme="affine32").permutations
    return a.astype(np.uint32), b.astype(np.uint32)


_WORD_HASHES: dict[str, int] = {}
_M = (np.uint64(0x9E3779B97F4A7C15), np.uint64(0xC2B2AE3D27D4EB4F), np.uint64(0x165667B19E3779F9),
      np.uint64(0x27D4EB2F165667C5), np.uint64(0xFF51AFD7ED558CCD))


def _word_hash(word: str) -> int:
    h = _WORD_HASHES.get(word)
    if h is None:
        if len(_WORD_HASHES) > 1_000_000:
            _WORD_HASHES.clear()
        h = _WORD_HASHES[word] = zlib.crc32(word.encode())
    return h


def shingle_hashes(units: list[Unit], k: int) -> tuple[np.ndarray, np.ndarray]:
    """32-bit hashes of every word k-shingle of every unit, and each unit's first index.

    A shingle's hash mixes the crc32 of its k words, position by position; a unit
    shorter than k words is one shingle of all its words.
    """
    words = np.fromiter((_word_hash(w) for u in units for w in u.words), dtype=np.uint64)
    lengths = np.fromiter((len(u.words) for u in units), dtype=np.int64, count=len(units))
    word_starts = np.concatenate(([0], np.cumsum(lengths)[:-1]))
    counts = np.maximum(lengths - k + 1, 1)
    first = np.concatenate(([0], np.cumsum(counts)[:-1]))
    # Index of each shingle's first word in `words`.
    pos = np.repeat(word_starts - first, counts) + np.arange(int(counts.sum()))
    unit_end = np.repeat(word_starts + lengths, counts)
    h = np.zeros(len(pos), dtype=np.uint64)
    with np.errstate(over="ignore"):
        for j in range(k):
            idx = pos + j
            valid = idx < unit_end
            h ^= np.where(valid, words[np.minimum(idx, len(words) - 1)], np.uint64(0)) * _M[j]
    return (h >> np.uint64(32)).astype(np.uint32), first


def minhash_matrix(units: list[Unit], settings: CorpusSettings) -> np.ndarray:
    """(len(units), num_perm) uint32 MinHash values of the units' shingles.

    Exactly what `datasketch.MinHash(num_perm, seed, scheme="affine32")` gives
    after `update_batch(shingle hashes)` (a test checks it), computed for all
    units of a document in one vectorised step with datasketch's permutations
    and pre-mix, instead of one MinHash object per unit.
    """
    if not units:
        return np.zeros((0, settings.num_perm), dtype=np.uint32)
    hv, first = shingle_hashes(units, settings.shingle_size)
    a, b = _permutations(settings.num_perm, settings.seed)
    try:
        from datasketch.minhash import _fmix

        mixed = _fmix(hv, 32)
    except ImportError:  # pragma: no cover - datasketch internals moved: use the public API
        from datasketch import MinHash

        out = [MinHash(num_perm=settings.num_perm, seed=settings.seed, scheme="affine32", hashfunc=int)
               for _ in units]
        bounds = list(first[1:]) + [len(hv)]
        for m, lo, hi in zip(out, first, bounds):
            m.update_batch(hv[lo:hi].tolist())
        return np.stack([m.hashvalues for m in out]).astype(np.uint32)
    with np.errstate(over="ignore"):
        phv = mixed.reshape(-1, 1) * a + b
    return np.minimum.reduceat(phv, first, axis=0).astype(np.uint32, copy=False)


def unit_table(doc: Document, units: list[Unit]) -> np.ndarray:
    table = np.zeros(len(units), dtype=UNIT_DTYPE)
    for i, u in enumerate(units):
        line, col = doc.position(u.start)
        end_line, end_col = doc.position(u.end)
        digest = hashlib.blake2b(" ".join(u.words).encode(), digest_size=8).digest()
        table[i] = (u.kind, u.start, u.end, line, col, end_line, end_col, len(u.words),
                    int.from_bytes(digest, "little"))
    return table


@dataclass
class FileSignatures:
    """What one file contributes to the store (numbers only), or why it could not."""

    key: str
    display: str
    content_hash: str = ""
    unchanged: bool = False
    words: int = 0
    sigs: np.ndarray | None = None
    units: np.ndarray | None = None
    error: str = ""
    notice: str = ""


def content_hash(data: bytes) -> str:
    return hashlib.blake2b(data, digest_size=16).hexdigest()


def signature_task(item: tuple[str, str, str, bool, str | None, dict[str, Any]]) -> FileSignatures:
    """(key, display, encoding, explicit, known content hash, settings dict) -> FileSignatures.

    Runs in worker processes; when the file's content hash equals the known
    one, only the hash is returned (the index already has its signatures).
    """
    from ..errors import SourceError
    from ..files import BinaryFileError, decode_bytes

    key, display, encoding, explicit, known, settings_dict = item
    settings = _settings(tuple(sorted((k, tuple(v) if isinstance(v, list) else v) for k, v in settings_dict.items())))
    path = Path(key)
    try:
        data = path.read_bytes()
    except OSError as exc:
        return FileSignatures(key, display, error=f"{display}: cannot read: {exc.strerror or exc}")
    digest = content_hash(data)
    if known is not None and digest == known:
        return FileSignatures(key, display, content_hash=digest, unchanged=True)
    try:
        text, _, _ = decode_bytes(data, display, encoding)
    except BinaryFileError as exc:
        if explicit:
            return FileSignatures(key, display, content_hash=digest, error=str(exc))
        return FileSignatures(key, display, content_hash=digest, notice=str(exc))
    except SourceError as exc:
        return FileSignatures(key, display, content_hash=digest, error=str(exc))
    del data
    doc = Document(text, display)
    units = extract_units(doc, settings, _allowlist(settings.allow_entries))
    return FileSignatures(key, display, content_hash=digest, words=len(text.split()),
                          sigs=minhash_matrix(units, settings), units=unit_table(doc, units))


@lru_cache(maxsize=8)
def _settings(items: tuple) -> CorpusSettings:
    return CorpusSettings.from_dict(dict(items))


@lru_cache(maxsize=8)
def _allowlist(entries: tuple[str, ...]) -> Allowlist:
    return Allowlist(entries)


def doc_signatures(doc: Document, settings: CorpusSettings) -> tuple[list[Unit], np.ndarray]:
    """Units and signatures of an in-memory document (for `check_against_index`)."""
    units = extract_units(doc, settings, _allowlist(settings.allow_entries))
    return units, minhash_matrix(units, settings)


def file_key(path: Path) -> str:
    """The index key of a file: its absolute, symlink-resolved POSIX path."""
    return Path(os.path.realpath(path)).as_posix()
