"""Finding files, reading them faithfully and writing them back atomically.

A file's encoding, byte-order mark and line endings survive a fix: text is
decoded once, edited as `str`, and encoded back exactly as it came.
"""

from __future__ import annotations

import codecs
import errno
import fnmatch
import os
import signal
import stat
import tempfile
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator, Sequence

from .errors import SourceError

ALWAYS_SKIPPED_DIRS = frozenset({"node_modules", "__pycache__", ".newslint_cache", "site-packages"})
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


class BinaryFileError(SourceError):
    """The file looks binary (NUL bytes) and is not linted."""


@dataclass(frozen=True)
class SourceFile:
    path: Path
    text: str
    encoding: str
    bom: bytes

    def encode(self, text: str) -> bytes:
        return self.bom + text.encode(self.encoding)


def decode_bytes(data: bytes, name: str, encoding: str = "utf-8") -> tuple[str, str, bytes]:
    """(text, encoding, bom) for raw bytes; raises SourceError with a clear reason."""
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom):].decode(enc), enc, bom
            except UnicodeDecodeError as exc:
                raise SourceError(f"{name}: not valid {enc} despite its byte-order mark ({exc.reason} at byte {exc.start})") from None
    if b"\x00" in data[:8192]:
        raise BinaryFileError(f"{name}: binary file, not linted")
    try:
        return data.decode(encoding), encoding, b""
    except UnicodeDecodeError as exc:
        bad = data[exc.start:exc.start + 1].hex()
        line = data.count(b"\n", 0, exc.start) + 1
        raise SourceError(
            f"{name}: not valid {encoding} (byte 0x{bad} on line {line}); convert it to UTF-8 "
            f"or set encoding = \"latin-1\" (or the file's real encoding) in the newslint configuration"
        ) from None


#: Files larger than this are not linted (a guard against /dev/zero and runaway logs).
MAX_FILE_BYTES = 256 * 1024 * 1024


def read_bytes(path: Path, limit: int = MAX_FILE_BYTES) -> bytes:
    """A file's bytes, or SourceError with a one-line reason (missing, unreadable, too large...).

    Named pipes and devices are read to their end like `cat` would (only a
    folder walk skips them); anything beyond `limit` bytes is refused.
    """
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_CLOEXEC", 0))
    except IsADirectoryError:
        raise SourceError(f"{path}: is a directory") from None
    except FileNotFoundError:
        raise SourceError(f"{path}: no such file or directory") from None
    except PermissionError:
        raise SourceError(f"{path}: permission denied") from None
    except OSError as exc:
        raise SourceError(f"{path}: cannot read: {exc.strerror or exc}") from None
    try:
        st = os.fstat(fd)
        if stat.S_ISDIR(st.st_mode):
            raise SourceError(f"{path}: is a directory")
        if stat.S_ISREG(st.st_mode) and st.st_size > limit:
            raise SourceError(f"{path}: too large to lint ({st.st_size // (1024 * 1024)} MB; the limit is "
                              f"{limit // (1024 * 1024)} MB)")
        chunks: list[bytes] = []
        total = 0
        while True:
            chunk = os.read(fd, 1 << 20)
            if not chunk:
                break
            total += len(chunk)
            if total > limit:
                raise SourceError(f"{path}: too large to lint (more than {limit // (1024 * 1024)} MB)")
            chunks.append(chunk)
        return b"".join(chunks)
    except IsADirectoryError:
        raise SourceError(f"{path}: is a directory") from None
    except OSError as exc:
        raise SourceError(f"{path}: cannot read: {exc.strerror or exc}") from None
    finally:
        os.close(fd)


def read_source(path: Path, encoding: str = "utf-8", data: bytes | None = None) -> SourceFile:
    """Decode a file (or bytes already read from it) keeping what a fix needs to write it back."""
    if data is None:
        data = read_bytes(path)
    text, enc, bom = decode_bytes(data, str(path), encoding)
    return SourceFile(path, text, enc, bom)


class _DeferredSignals:
    """Hold SIGINT/SIGTERM (main thread only) while a file is replaced, then deliver them.

    The temporary file is thus always renamed or removed before an interrupt
    takes effect: no torn file, no `*.newslint-tmp` left behind.
    """

    SIGNALS = tuple(getattr(signal, n) for n in ("SIGINT", "SIGTERM", "SIGHUP") if hasattr(signal, n))

    def __init__(self) -> None:
        self.received: list[int] = []
        self.old: dict[int, object] = {}

    def __enter__(self) -> "_DeferredSignals":
        if threading.current_thread() is not threading.main_thread():
            return self
        for sig in self.SIGNALS:
            try:
                old = signal.getsignal(sig)
                if old is signal.SIG_IGN or old is None:
                    continue
                self.old[sig] = old
                signal.signal(sig, self._handler)
            except (ValueError, OSError):
                pass
        return self

    def _handler(self, signum: int, frame: object) -> None:
        self.received.append(signum)

    def __exit__(self, *exc: object) -> None:
        for sig, old in self.old.items():
            try:
                signal.signal(sig, old)  # type: ignore[arg-type]
            except (ValueError, OSError, TypeError):
                pass
        for signum in self.received[:1]:
            old = self.old.get(signum)
            if callable(old):
                old(signum, None)  # e.g. SIGINT's default handler raises KeyboardInterrupt
            else:
                os.kill(os.getpid(), signum)  # default action, now that the file is whole


def write_atomic(path: Path, data: bytes) -> None:
    """Replace `path` with `data` via a temporary file in the same folder.

    The file is either wholly old or wholly new, whatever interrupts us; its
    permission bits are kept. A read-only file is refused, untouched.
    """
    try:
        st = path.stat()
    except OSError as exc:
        raise SourceError(f"{path}: cannot write: {exc.strerror or exc}") from None
    if not st.st_mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH) or not os.access(path, os.W_OK):
        raise SourceError(f"{path}: file is read-only; not fixed")
    target = path.resolve()
    with _DeferredSignals():
        _replace(path, target, data, st)


def _replace(path: Path, target: Path, data: bytes, st: os.stat_result) -> None:
    fd, tmp = -1, ""
    try:
        fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".newslint-tmp")
        with os.fdopen(fd, "wb") as handle:
            fd = -1
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, stat.S_IMODE(st.st_mode))
        try:
            os.chown(tmp, st.st_uid, st.st_gid)
        except (PermissionError, AttributeError):
            pass
        os.replace(tmp, target)
        tmp = ""
    except OSError as exc:
        raise SourceError(f"{path}: cannot write: {exc.strerror or exc}; the original is unchanged") from None
    finally:
        if fd >= 0:
            os.close(fd)
        if tmp:
            try:
                os.unlink(tmp)
            except OSError:
                pass


def _matches(rel: str, patterns: Sequence[str]) -> bool:
    name = rel.rsplit("/", 1)[-1]
    for pattern in patterns:
        p = pattern.rstrip("/")
        if fnmatch.fnmatch(rel, p) or fnmatch.fnmatch(name, p) or rel.startswith(p + "/"):
            return True
    return False


class _GitIgnore:
    """`.gitignore` files met while walking, each applying below its folder."""

    def __init__(self) -> None:
        self._specs: list[tuple[Path, object]] = []

    def load(self, folder: Path) -> None:
        path = folder / ".gitignore"
        if not path.is_file():
            return
        try:
            import pathspec

            lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
            self._specs.append((folder, pathspec.GitIgnoreSpec.from_lines(lines)))
        except (OSError, ValueError):
            pass

    def ignored(self, path: Path, is_dir: bool) -> bool:
        for folder, spec in self._specs:
            try:
                rel = path.relative_to(folder).as_posix()
            except ValueError:
                continue
            if spec.match_file(rel + ("/" if is_dir else "")):  # type: ignore[attr-defined]
                return True
        return False


def _git_root(start: Path) -> Path | None:
    for folder in (start, *start.parents):
        if (folder / ".git").exists():
            return folder
    return None


def iter_files(
    paths: Sequence[Path],
    include: Sequence[str],
    exclude: Sequence[str],
    *,
    respect_gitignore: bool = True,
    notices: list[str] | None = None,
) -> Iterator[tuple[Path, bool]]:
    """Yield (file, named_explicitly) in a deterministic order.

    Folders are walked recursively, skipping hidden folders, `.gitignore`d
    paths and `exclude` globs; only `include` globs are taken from folders.
    Files named explicitly are always yielded (a missing one raises later).
    """
    seen: set[object] = set()
    for given in paths:
        if not given.is_dir():
            try:
                st = given.stat()
                key: object = (st.st_dev, st.st_ino)
            except OSError:
                key = given
            if key not in seen:
                seen.add(key)
                yield given, True
            continue
        root = given
        ignore = _GitIgnore()
        if respect_gitignore:
            git_root = _git_root(root.resolve())
            if git_root is not None and git_root != root.resolve():
                ignore.load(git_root)
        visited: set[tuple[int, int]] = set()

        def onerror(exc: OSError) -> None:
            if notices is not None:
                notices.append(f"{exc.filename}: cannot read folder: {exc.strerror}")

        for dirpath, dirnames, filenames in os.walk(root, onerror=onerror, followlinks=False):
            folder = Path(dirpath)
            try:
                st = folder.stat()
                ident = (st.st_dev, st.st_ino)
                if ident in visited:
                    dirnames[:] = []
                    continue
                visited.add(ident)
            except OSError:
                dirnames[:] = []
                continue
            if respect_gitignore:
                ignore.load(folder)
            rel_folder = folder.relative_to(root).as_posix() if folder != root else ""
            keep = []
            for d in sorted(dirnames):
                rel = f"{rel_folder}/{d}" if rel_folder else d
                if d.startswith(".") or d in ALWAYS_SKIPPED_DIRS or _matches(rel, exclude):
                    continue
                if respect_gitignore and ignore.ignored(folder / d, True):
                    continue
                keep.append(d)
            dirnames[:] = keep
            for f in sorted(filenames):
                rel = f"{rel_folder}/{f}" if rel_folder else f
                if f.startswith(".") or not _matches(rel, include) or _matches(rel, exclude):
                    continue
                path = folder / f
                if respect_gitignore and ignore.ignored(path, False):
                    continue
                try:
                    st = path.stat()
                    mode = st.st_mode
                except OSError as exc:
                    if notices is not None:
                        if path.is_symlink():
                            what = "symbolic link loop" if exc.errno == errno.ELOOP else "broken symbolic link"
                            notices.append(f"{path}: {what}, skipped")
                        else:
                            notices.append(f"{path}: cannot read: {exc.strerror or exc}, skipped")
                    continue
                if not stat.S_ISREG(mode):
                    if notices is not None and not stat.S_ISDIR(mode):
                        notices.append(f"{path}: not a regular file (a pipe, socket or device), skipped")
                    continue
                # The same file reached twice (through a symlink) is linted once; an
                # inode is one stat call, where resolve() would lstat every component.
                ident = (st.st_dev, st.st_ino)
                if ident in seen:
                    continue
                seen.add(ident)
                yield path, False
