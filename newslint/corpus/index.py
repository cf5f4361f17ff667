"""The signature store: one SQLite file holding MinHash signatures and unit metadata.

Why SQLite (stdlib `sqlite3`): a single file, transactional updates (a changed
article's row is replaced atomically, a crash mid-run leaves the previous index
intact), cheap look-ups by path for incremental runs, and no new dependency.
One row per *article* (not per unit) keeps the row count at archive size and
makes "replace everything this file contributed" a single statement; the
signatures are one `uint32` matrix blob (units x num_perm) and the unit
metadata one numpy structured-array blob (see `UNIT_DTYPE`).

Texts are never stored: an index of 100,000 articles is signatures (~256 bytes
per unit with 64 permutations) plus ~40 bytes of metadata per unit.
"""

from __future__ import annotations

import json
import os
import sqlite3
from pathlib import Path
from typing import Iterator

import numpy as np

from ..errors import UsageError
from .settings import CorpusSettings
from .signatures import UNIT_DTYPE, FileSignatures

INDEX_FILE = "corpus.sqlite"
SCHEMA_VERSION = "1"

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS articles (
    id INTEGER PRIMARY KEY,
    path TEXT UNIQUE NOT NULL,      -- absolute, resolved POSIX path (the key)
    display TEXT NOT NULL,          -- the path as last given on the command line
    content_hash TEXT NOT NULL,     -- blake2b-128 of the file's bytes
    words INTEGER NOT NULL,
    n_units INTEGER NOT NULL,
    sigs BLOB NOT NULL,             -- uint32 little-endian, n_units x num_perm
    units BLOB NOT NULL             -- numpy UNIT_DTYPE records
);
-- Clusters of the last run (near-duplicate units in >= 2 articles), for check_against_index.
CREATE TABLE IF NOT EXISTS clusters (
    id INTEGER PRIMARY KEY,
    similarity REAL NOT NULL,
    articles TEXT NOT NULL          -- JSON list of article paths (keys), sorted
);
CREATE TABLE IF NOT EXISTS cluster_units (
    path TEXT NOT NULL,
    unit INTEGER NOT NULL,
    cluster INTEGER NOT NULL,
    PRIMARY KEY (path, unit)
) WITHOUT ROWID;
"""


class SignatureStore:
    def __init__(self, folder: Path, settings: CorpusSettings, *, create: bool = True):
        self.folder = folder
        self.path = folder / INDEX_FILE
        if not create and not self.path.is_file():
            raise UsageError(f"{folder}: no newslint corpus index here (build one with `newslint corpus --index {folder} PATH`)")
        try:
            folder.mkdir(parents=True, exist_ok=True)
            self.db = sqlite3.connect(str(self.path))
            self.db.executescript(_SCHEMA)
        except (OSError, sqlite3.Error) as exc:
            raise UsageError(f"{self.path}: cannot open the corpus index: {exc}") from None
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute("PRAGMA synchronous=NORMAL")
        self.settings = settings
        self.rebuilt = False
        stored = self.get_meta("fingerprint")
        if stored is None:
            self._write_settings()
        elif stored != settings.fingerprint() or self.get_meta("schema") != SCHEMA_VERSION:
            if not create:
                # Read-only users (check_against_index) adopt the index's own settings.
                self.settings = CorpusSettings.from_dict(json.loads(self.get_meta("settings") or "{}"))
            else:
                self.db.execute("DELETE FROM articles")
                self.db.execute("DELETE FROM clusters")
                self.db.execute("DELETE FROM cluster_units")
                self._write_settings()
                self.rebuilt = True
        self.num_perm = self.settings.num_perm

    def _write_settings(self) -> None:
        with self.db:
            for k, v in (("schema", SCHEMA_VERSION), ("fingerprint", self.settings.fingerprint()),
                         ("settings", json.dumps(self.settings.to_dict()))):
                self.db.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", (k, v))

    def get_meta(self, key: str) -> str | None:
        row = self.db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return row[0] if row else None

    def known_hashes(self) -> dict[str, str]:
        return dict(self.db.execute("SELECT path, content_hash FROM articles"))

    def put(self, fs: FileSignatures) -> None:
        sigs = fs.sigs if fs.sigs is not None else np.zeros((0, self.num_perm), np.uint32)
        units = fs.units if fs.units is not None else np.zeros(0, UNIT_DTYPE)
        self.db.execute(
            "INSERT INTO articles (path, display, content_hash, words, n_units, sigs, units) VALUES (?,?,?,?,?,?,?) "
            "ON CONFLICT(path) DO UPDATE SET display=excluded.display, content_hash=excluded.content_hash, "
            "words=excluded.words, n_units=excluded.n_units, sigs=excluded.sigs, units=excluded.units",
            (fs.key, fs.display, fs.content_hash, fs.words, len(units),
             np.ascontiguousarray(sigs, dtype="<u4").tobytes(), units.tobytes()))

    def save_clusters(self, members: dict[int, list[tuple[int, int]]], similarity: float) -> None:
        """Replace the stored clusters with `members` (cluster id -> [(article id, unit index)])."""
        keys = [a[0] for a in self.articles()]
        with self.db:
            self.db.execute("DELETE FROM clusters")
            self.db.execute("DELETE FROM cluster_units")
            for cid, rows in members.items():
                paths = sorted({keys[a] for a, _ in rows})
                self.db.execute("INSERT INTO clusters VALUES (?, ?, ?)", (cid, similarity, json.dumps(paths)))
                self.db.executemany("INSERT OR REPLACE INTO cluster_units VALUES (?, ?, ?)",
                                    [(keys[a], u, cid) for a, u in rows])

    def cluster_of(self, path: str, unit: int) -> list[str]:
        """Article paths of the stored cluster holding (path, unit); [] when none."""
        row = self.db.execute("SELECT c.articles FROM cluster_units u JOIN clusters c ON c.id = u.cluster "
                              "WHERE u.path = ? AND u.unit = ?", (path, unit)).fetchone()
        return json.loads(row[0]) if row else []

    def set_display(self, key: str, display: str) -> None:
        self.db.execute("UPDATE articles SET display = ? WHERE path = ? AND display != ?", (display, key, display))

    def delete(self, keys: list[str]) -> None:
        self.db.executemany("DELETE FROM articles WHERE path = ?", [(k,) for k in keys])

    def commit(self) -> None:
        self.db.commit()

    def close(self) -> None:
        self.db.commit()
        self.db.close()

    # --- reading ----------------------------------------------------------------

    def articles(self) -> list[tuple[str, str, int, int]]:
        """(key, display, words, n_units) of every article, in key order (the article id is the position)."""
        return list(self.db.execute("SELECT path, display, words, n_units FROM articles ORDER BY path"))

    def iter_signatures(self, batch: int = 2000) -> Iterator[tuple[int, np.ndarray]]:
        """(article id, sigs matrix) in key order, read in batches."""
        cur = self.db.execute("SELECT n_units, sigs FROM articles ORDER BY path")
        aid = 0
        while True:
            rows = cur.fetchmany(batch)
            if not rows:
                return
            for n, blob in rows:
                yield aid, np.frombuffer(blob, dtype="<u4").reshape(n, self.num_perm)
                aid += 1

    def units_of(self, key: str) -> np.ndarray:
        row = self.db.execute("SELECT units FROM articles WHERE path = ?", (key,)).fetchone()
        return np.frombuffer(row[0], dtype=UNIT_DTYPE) if row else np.zeros(0, UNIT_DTYPE)

    def size_bytes(self) -> int:
        total = 0
        for suffix in ("", "-wal"):
            try:
                total += os.path.getsize(str(self.path) + suffix)
            except OSError:
                pass
        return total
