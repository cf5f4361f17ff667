"""Executors: run a picklable function over items, yielding results in input order.

`LocalExecutor(jobs)` uses a `concurrent.futures.ProcessPoolExecutor` (or runs
inline when jobs == 1); `DaskExecutor(scheduler)` uses dask.distributed, either
a cluster at `scheduler` ("tcp://host:8786") or a LocalCluster of two worker
processes on 127.0.0.1. Both have the same interface:

    with make_executor("dask") as ex:
        for result in ex.map(fn, items):   # items may be a lazy iterator
            ...

Items are sent in batches (`batch_size`) to amortise per-task overhead, and at
most `window` batches are in flight, so neither the items nor the results are
all held in memory: memory stays flat however many files there are. `fn` must
be importable by module path on the workers (newslint installed there).
"""

from __future__ import annotations

import itertools
from collections import deque
from typing import Any, Callable, Iterable, Iterator

from ..errors import UsageError
from . import INSTALL_DASK


def run_batch(fn: Callable[[Any], Any], batch: list[Any]) -> list[Any]:
    return [fn(item) for item in batch]


def _batches(items: Iterable[Any], size: int) -> Iterator[list[Any]]:
    it = iter(items)
    while True:
        batch = list(itertools.islice(it, size))
        if not batch:
            return
        yield batch


class _OrderedWindow:
    """Shared logic: submit batches, keep `window` in flight, yield results in order."""

    batch_size = 32
    window = 8

    def _submit(self, fn: Callable, batch: list[Any]) -> Any:  # returns a future
        raise NotImplementedError

    def _result(self, future: Any) -> list[Any]:
        raise NotImplementedError

    def map(self, fn: Callable[[Any], Any], items: Iterable[Any]) -> Iterator[Any]:
        pending: deque = deque()
        for batch in _batches(items, self.batch_size):
            pending.append(self._submit(fn, batch))
            while len(pending) >= self.window:
                yield from self._result(pending.popleft())
        while pending:
            yield from self._result(pending.popleft())

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        pass


class LocalExecutor(_OrderedWindow):
    """Worker processes on this machine (`jobs` of them; inline when 1)."""

    def __init__(self, jobs: int | None = None, *, batch_size: int = 32):
        from ..parallel import default_jobs

        self.jobs = max(1, jobs or default_jobs())  # honours CPU affinity, like `newslint check`
        self.batch_size = batch_size
        self.window = self.jobs * 4
        self._pool = None
        if self.jobs > 1:
            from concurrent.futures import ProcessPoolExecutor

            self._pool = ProcessPoolExecutor(max_workers=self.jobs)

    def map(self, fn: Callable[[Any], Any], items: Iterable[Any]) -> Iterator[Any]:
        if self._pool is None:
            return (fn(item) for item in items)
        return super().map(fn, items)

    def _submit(self, fn, batch):
        return self._pool.submit(run_batch, fn, batch)

    def _result(self, future):
        return future.result()

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None


class DaskExecutor(_OrderedWindow):
    """dask.distributed: a remote scheduler, or a two-process LocalCluster on 127.0.0.1."""

    def __init__(self, scheduler: str | None = None, *, n_workers: int = 2, batch_size: int = 64,
                 window: int | None = None):
        try:
            from distributed import Client, LocalCluster
        except ImportError:
            raise UsageError(INSTALL_DASK) from None
        self.batch_size = batch_size
        self._cluster = None
        try:
            if scheduler:
                if "://" not in scheduler:
                    scheduler = f"tcp://{scheduler}"
                self.client = Client(scheduler, timeout="20s")
            else:
                import dask

                with dask.config.set({"distributed.worker.daemon": False, "logging.distributed": "error"}):
                    self._cluster = LocalCluster(n_workers=n_workers, threads_per_worker=1, processes=True,
                                                 host="127.0.0.1", protocol="tcp://", dashboard_address=None,
                                                 worker_dashboard_address=None, silence_logs=40)
                self.client = Client(self._cluster)
        except UsageError:
            raise
        except Exception as exc:
            self.close()
            where = scheduler or "a local cluster"
            raise UsageError(f"cannot start Dask on {where}: {type(exc).__name__}: {exc}") from None
        workers = len(self.client.scheduler_info().get("workers", {})) or n_workers
        self.window = window or max(4, workers * 4)

    def _submit(self, fn, batch):
        return self.client.submit(run_batch, fn, batch, pure=False)

    def _result(self, future):
        result = future.result()
        future.release()
        return result

    def close(self) -> None:
        client = getattr(self, "client", None)
        if client is not None:
            client.close()
            self.client = None
        if self._cluster is not None:
            self._cluster.close()
            self._cluster = None


def make_executor(kind: str = "local", *, jobs: int | None = None, scheduler: str | None = None):
    """The executor `--executor KIND` names ("local" or "dask")."""
    if kind == "local":
        if scheduler:
            raise UsageError("--scheduler needs --executor dask")
        return LocalExecutor(jobs)
    if kind == "dask":
        return DaskExecutor(scheduler)
    raise UsageError(f"unknown executor {kind!r}; choose local or dask")


# --- for `newslint check --executor dask` --------------------------------------------

def lint_task(item: tuple) -> Any:
    """(path, config, run_options) -> FileResult: the per-file work of `newslint check`, picklable."""
    from pathlib import Path

    from ..runner import process_path

    path, config, options = item
    return process_path(Path(path), config, options)
