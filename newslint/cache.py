"""The result cache: unchanged files are not re-linted.

A result is stored under a key made of the file's bytes, its path, the
configuration fingerprint, the selected rule codes and the newslint version,
so any change to one of them misses. Entries are written atomically; a
corrupt or unreadable entry is treated as a miss.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from pathlib import Path

from ._version import __version__
from .engine import FileResult

DEFAULT_CACHE_DIR = ".newslint_cache"
_FORMAT = "1"


class ResultCache:
    def __init__(self, directory: Path):
        self.root = directory
        self.dir = directory / f"v{_FORMAT}-{__version__}"
        self._dir_str = str(self.dir)
        self.hits = 0
        self.misses = 0
        self._ready = False

    def _prepare(self) -> None:
        if self._ready:
            return
        self.dir.mkdir(parents=True, exist_ok=True)
        # Keep the cache out of version control and backups, like other tools do.
        gitignore = self.root / ".gitignore"
        if not gitignore.exists():
            gitignore.write_text("# Created by newslint\n*\n")
        tag = self.root / "CACHEDIR.TAG"
        if not tag.exists():
            tag.write_text("Signature: 8a477f597d28d172789f06886806bc55\n# newslint result cache\n")
        self._ready = True

    @staticmethod
    def key(data: bytes, path: str, fingerprint: str) -> str:
        h = hashlib.blake2b(digest_size=20)
        h.update(fingerprint.encode())
        h.update(b"\0")
        h.update(path.encode("utf-8", "surrogateescape"))
        h.update(b"\0")
        h.update(data)
        return h.hexdigest()

    def _path(self, key: str) -> str:
        # os.path.join on strings: a pathlib join per file costs more than the lookup itself.
        return os.path.join(self._dir_str, key[:2], key)

    def get(self, key: str) -> FileResult | None:
        try:
            with open(self._path(key), "rb") as handle:
                result = pickle.load(handle)
        except (OSError, EOFError, pickle.UnpicklingError, AttributeError, ImportError, TypeError, ValueError):
            self.misses += 1
            return None
        if not isinstance(result, FileResult):
            self.misses += 1
            return None
        self.hits += 1
        result.from_cache = True
        return result

    def put(self, key: str, result: FileResult) -> None:
        if result.errors:
            return  # a crash or I/O error is retried next time
        try:
            self._prepare()
            target = self._path(key)
            os.makedirs(os.path.dirname(target), exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=os.path.dirname(target), prefix=".tmp-")
            with os.fdopen(fd, "wb") as handle:
                stored = FileResult(result.path, result.diagnostics, [], result.notices, result.source_lines,
                                    result.words, result.lines)
                pickle.dump(stored, handle, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, target)
        except OSError:
            pass  # a read-only checkout still lints, just without caching


def run_fingerprint(config_fingerprint: str, codes: list[str], plugins: dict[str, str], rules: str = "") -> str:
    """Everything besides the file itself that decides a file's result."""
    plugin_ids = ",".join(sorted(f"{name}={source}" for name, source in plugins.items()))
    payload = "|".join([__version__, config_fingerprint, ",".join(codes), plugin_ids, rules])
    return hashlib.sha256(payload.encode()).hexdigest()
