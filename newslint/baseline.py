"""Baselines: adopt newslint on an archive without fixing the past first.

`--write-baseline FILE` records today's findings; `--baseline FILE` then reports
only findings that are not in it. Entries match on rule, file and a hash of the
flagged text with its neighbourhood (`Diagnostic.fingerprint`), so they survive
edits that move lines. Identical findings in one file are counted, so a new copy
of an old defect is still reported.
"""

from __future__ import annotations

import json
import os
from collections import Counter
from pathlib import Path
from typing import Iterable

from ._version import __version__
from .diagnostic import Diagnostic
from .errors import UsageError

SCHEMA = "newslint-baseline/1"


def _key_path(path: str, base: Path) -> str:
    """A file's path relative to the baseline's folder, with forward slashes."""
    absolute = Path(path).resolve()
    try:
        return absolute.relative_to(base).as_posix()
    except ValueError:
        return Path(os.path.relpath(absolute, base)).as_posix()


class Baseline:
    def __init__(self, path: Path, counts: Counter | None = None):
        self.path = path
        self.base = path.resolve().parent
        self.counts: Counter = counts or Counter()
        self.suppressed = 0

    @classmethod
    def load(cls, path: Path) -> "Baseline":
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise UsageError(f"{path}: baseline not found (create it with --write-baseline {path})") from None
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise UsageError(f"{path}: not a readable newslint baseline: {exc}") from None
        if not isinstance(data, dict) or data.get("schema") != SCHEMA or not isinstance(data.get("entries"), list):
            raise UsageError(f"{path}: not a newslint baseline (expected schema {SCHEMA!r})")
        baseline = cls(path)
        for entry in data["entries"]:
            try:
                baseline.counts[(entry["path"], entry["code"], entry["fingerprint"])] += int(entry.get("count", 1))
            except (KeyError, TypeError, ValueError):
                raise UsageError(f"{path}: malformed baseline entry {entry!r}") from None
        return baseline

    def filter(self, diagnostics: Iterable[Diagnostic]) -> list[Diagnostic]:
        """The diagnostics not covered by the baseline (consuming one count per match)."""
        kept = []
        for d in diagnostics:
            key = (_key_path(d.path, self.base), d.code, d.fingerprint)
            if self.counts.get(key, 0) > 0:
                self.counts[key] -= 1
                self.suppressed += 1
            else:
                kept.append(d)
        return kept


def write_baseline(path: Path, diagnostics: Iterable[Diagnostic]) -> int:
    base = path.resolve().parent
    counts: Counter = Counter()
    first: dict[tuple[str, str, str], Diagnostic] = {}
    for d in diagnostics:
        key = (_key_path(d.path, base), d.code, d.fingerprint)
        counts[key] += 1
        first.setdefault(key, d)
    entries = [
        {"path": p, "code": c, "fingerprint": f, "count": n, "line": first[(p, c, f)].line,
         "message": first[(p, c, f)].message}
        for (p, c, f), n in sorted(counts.items())
    ]
    payload = {"schema": SCHEMA, "version": __version__, "entries": entries}
    tmp = path.with_name(path.name + ".tmp")
    try:
        tmp.write_text(json.dumps(payload, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
        os.replace(tmp, path)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise UsageError(f"cannot write baseline {path}: {exc.strerror or exc}") from None
    return sum(counts.values())


def check_baseline_target(path: Path) -> None:
    """Refuse an unwritable --write-baseline target before a long run, not after it."""
    if path.is_dir():
        raise UsageError(f"cannot write baseline {path}: it is a folder")
    if not path.resolve().parent.is_dir():
        raise UsageError(f"cannot write baseline {path}: folder {path.parent} does not exist")
