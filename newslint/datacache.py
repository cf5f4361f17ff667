"""A small on-disk cache for parsed data files (vocabularies, dictionaries).

Parsing the shipped vocabulary and codespell's lists costs tens of
milliseconds per process; a one-article check must start fast. The parsed
value is pickled under the user's cache folder, keyed by the newslint version,
newslint's own module files and each source file's path, size and
modification time, so an edit or an upgrade rebuilds it. Any failure (read-only home, corrupt file) just builds the
value in memory. `NEWSLINT_DATA_CACHE=0` turns it off; `NEWSLINT_DATA_CACHE=DIR`
moves it.
"""

from __future__ import annotations

import hashlib
import os
import pickle
from pathlib import Path
from typing import Callable, Iterable, TypeVar

from ._version import __version__

T = TypeVar("T")


def _root() -> Path | None:
    setting = os.environ.get("NEWSLINT_DATA_CACHE", "")
    if setting == "0":
        return None
    if setting:
        return Path(setting)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "newslint"


_CODE_STAMP: str | None = None


def _code_stamp() -> str:
    """Size and mtime of newslint's own modules: pickles of its classes go stale when code changes."""
    global _CODE_STAMP
    if _CODE_STAMP is None:
        package = Path(__file__).resolve().parent
        parts = []
        for path in sorted(package.rglob("*.py")):
            try:
                st = path.stat()
            except OSError:
                continue
            parts.append(f"{path.relative_to(package)}:{st.st_size}:{st.st_mtime_ns}")
        _CODE_STAMP = hashlib.sha256("\n".join(parts).encode()).hexdigest()
    return _CODE_STAMP


def cached(name: str, sources: Iterable[Path], build: Callable[[], T]) -> T:
    """`build()`, or its pickled result from an earlier process with the same sources and code."""
    root = _root()
    if root is None:
        return build()
    h = hashlib.sha256(f"{__version__}\0{name}\0{_code_stamp()}".encode())
    for source in sorted(str(p) for p in sources):
        try:
            st = os.stat(source)
        except OSError:
            return build()  # a missing source: nothing stable to key on
        h.update(f"\0{source}\0{st.st_size}\0{st.st_mtime_ns}".encode())
    path = root / f"{name}-{h.hexdigest()[:20]}.pickle"
    try:
        with open(path, "rb") as handle:
            return pickle.load(handle)
    except Exception:  # noqa: BLE001 - missing or unreadable: rebuild
        pass
    value = build()
    try:
        import tempfile  # only when writing: it costs a few ms to import

        root.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=root, prefix=f".{name}-")
        with os.fdopen(fd, "wb") as handle:
            pickle.dump(value, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
    except OSError:
        pass
    return value
