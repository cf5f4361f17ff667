"""Running many files: cache lookups, a process pool, and results in input order.

Files are streamed: the main process reads one file's bytes, answers from the
cache when it can, and otherwise hands the bytes to a worker. At most a small
window of files is in flight, so memory does not grow with the corpus, and
results come back in the order the files were given (deterministic output).
"""

from __future__ import annotations

import os
from collections import deque
from typing import TYPE_CHECKING
from dataclasses import replace
from pathlib import Path
from typing import Callable, Iterable, Iterator

from .cache import ResultCache, run_fingerprint

if TYPE_CHECKING:  # the pool is imported only when a run needs one
    from concurrent.futures import Future, ProcessPoolExecutor
from .config import Config
from .engine import FileResult
from .errors import SourceError
from .files import read_bytes
from .runner import RunOptions, linter_for, process_path

#: Fewer files than this are linted in-process: a pool costs more than it saves.
MIN_FILES_FOR_POOL = 4
#: Most files handed to a worker at once: one task per file costs more in pickling and
#: wake-ups than linting a short article does, yet big batches leave a core idle at the end.
MAX_BATCH = 16


def default_jobs() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not on Linux
        return max(1, os.cpu_count() or 1)


def _work(path: Path, config: Config, options: RunOptions, data: bytes | None) -> FileResult:
    return process_path(path, config, options, data=data)


def _work_batch(batch: list[tuple[Path, Config, RunOptions, bytes | None]]) -> list[FileResult]:
    return [_work(*job) for job in batch]


def batch_size(total: int | None, jobs: int) -> int:
    """Files per worker task: about four tasks per worker, at most MAX_BATCH files each."""
    if total is None:
        return MAX_BATCH // 2
    return max(1, min(MAX_BATCH, total // (jobs * 4)))


class FileRunner:
    """Lints a stream of (path, explicit) items with per-file configuration."""

    def __init__(self, config_for: Callable[[Path], Config], options: RunOptions, *, jobs: int = 0,
                 cache: ResultCache | None = None, display: Callable[[Path], str] | None = None):
        self.config_for = config_for
        self.options = options
        self.jobs = jobs or default_jobs()
        self.cache = cache if not (options.fix or options.diff or options.keep_text) else None
        self.display = display or str
        self._fingerprints: dict[int, str] = {}
        self._pool: "ProcessPoolExecutor | None" = None

    def _fingerprint(self, config: Config) -> str:
        fp = self._fingerprints.get(id(config))
        if fp is None:
            linter = linter_for(config)
            fp = self._fingerprints[id(config)] = run_fingerprint(
                config.fingerprint(), linter.selected_codes, linter.registry.plugins, linter.registry.fingerprint)
        return fp

    def run(self, items: Iterable[tuple[Path, bool]], total: int | None = None) -> Iterator[FileResult]:
        use_pool = self.jobs > 1 and (total is None or total >= MIN_FILES_FOR_POOL)
        size = batch_size(total, self.jobs) if use_pool else 1
        # Files in flight: a running and a queued batch per worker (at least 8 files each),
        # so memory stays bounded by the batch size, not the corpus.
        window = self.jobs * max(8, 2 * size)
        # Entries: (future of a batch, index in it, ready result, cache key, shown path).
        pending: deque[tuple["Future | None", int, FileResult | None, str | None, str]] = deque()
        batch: list[tuple[Path, Config, RunOptions, bytes | None]] = []
        batch_slots: list[tuple[str | None, str]] = []

        def submit() -> None:
            try:
                future = self._executor().submit(_work_batch, list(batch))
            except RuntimeError:  # BrokenProcessPool: a worker was killed; start a fresh pool
                self._pool = None
                future = self._executor().submit(_work_batch, list(batch))
            pending.extend((future, i, None, key, shown) for i, (key, shown) in enumerate(batch_slots))
            batch.clear()
            batch_slots.clear()

        try:
            for path, explicit in items:
                config = self.config_for(path)
                options = replace(self.options, explicit=explicit, display_path=self.display(path))
                data: bytes | None = None
                key: str | None = None
                if self.cache is not None:
                    try:
                        data = read_bytes(path)
                    except SourceError:
                        data = None  # process_path reports the error
                    if data is not None:
                        key = self.cache.key(data, options.display_path or str(path), self._fingerprint(config))
                        hit = self.cache.get(key)
                        if hit is not None:
                            if batch:  # keep input order: what is queued goes first
                                submit()
                            pending.append((None, 0, hit, None, ""))
                            yield from self._drain(pending, window, block=False)
                            continue
                if use_pool:
                    batch.append((path, config, options, data))
                    batch_slots.append((key, options.display_path or str(path)))
                    if len(batch) >= size:
                        submit()
                else:
                    pending.append((None, 0, self._store(key, _work(path, config, options, data)), None, ""))
                yield from self._drain(pending, window, block=False)
            if batch:
                submit()
            yield from self._drain(pending, 0, block=True)
        finally:
            if self._pool is not None:
                self._pool.shutdown(wait=True, cancel_futures=True)
                self._pool = None

    def _executor(self) -> "ProcessPoolExecutor":
        if self._pool is None:
            from concurrent.futures import ProcessPoolExecutor

            self._pool = ProcessPoolExecutor(max_workers=self.jobs)
        return self._pool

    def _store(self, key: str | None, result: FileResult) -> FileResult:
        if key is not None and self.cache is not None:
            self.cache.put(key, result)
        return result

    def _drain(self, pending: deque, keep: int, *, block: bool) -> Iterator[FileResult]:
        """Yield finished results from the front, waiting while more than `keep` are in flight."""
        while pending:
            future, index, ready, key, shown = pending[0]
            if future is not None:
                if not future.done() and not block and len(pending) <= keep:
                    return
                try:
                    ready = future.result()[index]
                except Exception as exc:  # a worker died (e.g. killed): report, keep going
                    ready = FileResult(shown, errors=[f"{shown}: a worker process failed: {type(exc).__name__}: {exc}"])
                ready = self._store(key, ready)
            pending.popleft()
            yield ready
