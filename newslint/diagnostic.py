"""The values rules produce and every output format consumes."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from typing import Any


class Severity(str, enum.Enum):
    """How serious a finding is; ordered so that `>=` compares seriousness."""

    INFO = "info"
    WARNING = "warning"
    ERROR = "error"

    @property
    def rank(self) -> int:
        return _SEVERITY_RANK[self]

    def __ge__(self, other: object) -> bool:  # type: ignore[override]
        if not isinstance(other, Severity):
            return NotImplemented
        return self.rank >= other.rank

    def __lt__(self, other: object) -> bool:  # type: ignore[override]
        if not isinstance(other, Severity):
            return NotImplemented
        return self.rank < other.rank

    @classmethod
    def parse(cls, value: str) -> "Severity":
        try:
            return cls(value.lower())
        except ValueError:
            raise ValueError(f"unknown severity {value!r} (expected error, warning or info)") from None


_SEVERITY_RANK = {Severity.INFO: 0, Severity.WARNING: 1, Severity.ERROR: 2}


class Applicability(str, enum.Enum):
    """Whether `--fix` may apply a fix unattended (safe) or only with `--unsafe-fixes`."""

    SAFE = "safe"
    UNSAFE = "unsafe"


@dataclass(frozen=True, slots=True)
class Edit:
    """Replace text[start:end] with `text` (offsets in code points of the decoded text)."""

    start: int
    end: int
    text: str

    def __reduce__(self):  # rebuilt by the constructor: much faster to unpickle from the cache
        return (Edit, (self.start, self.end, self.text))


@dataclass(frozen=True, slots=True)
class Fix:
    """One or more non-overlapping edits that repair a finding."""

    title: str
    edits: tuple[Edit, ...]
    applicability: Applicability = Applicability.SAFE

    def __reduce__(self):
        return (Fix, (self.title, self.edits, self.applicability))

    @classmethod
    def replace(cls, start: int, end: int, text: str, title: str, *, safe: bool = True) -> "Fix":
        return cls(title, (Edit(start, end, text),), Applicability.SAFE if safe else Applicability.UNSAFE)

    @property
    def is_safe(self) -> bool:
        return self.applicability is Applicability.SAFE

    def with_applicability(self, applicability: Applicability) -> "Fix":
        return Fix(self.title, self.edits, applicability)


@dataclass(frozen=True, slots=True)
class Finding:
    """What a rule reports: a span of the document, a message and an optional fix."""

    start: int
    end: int
    message: str
    fix: Fix | None = None
    #: Extra structured data (e.g. the first occurrence of a repeated phrase).
    data: dict[str, Any] | None = None


@dataclass(frozen=True, slots=True)
class Diagnostic:
    """A finding anchored to a file, with 1-based line/column in code points."""

    path: str
    line: int
    column: int
    end_line: int
    end_column: int
    code: str
    name: str
    severity: Severity
    message: str
    category: str = ""
    fix: Fix | None = None
    start: int = 0
    end: int = 0
    data: dict[str, Any] | None = field(default=None, compare=False)
    #: 1-based (line, column, end_line, end_column) of each fix edit, for SARIF.
    edit_regions: tuple[tuple[int, int, int, int], ...] = field(default=(), compare=False)
    #: Hash of the rule, the flagged text and its neighbourhood: stable when lines move
    #: (used by baselines and SARIF partialFingerprints).
    fingerprint: str = field(default="", compare=False)

    def __reduce__(self):
        return (Diagnostic, (self.path, self.line, self.column, self.end_line, self.end_column, self.code, self.name,
                             self.severity, self.message, self.category, self.fix, self.start, self.end, self.data,
                             self.edit_regions, self.fingerprint))

    @property
    def fixable(self) -> bool:
        return self.fix is not None

    def sort_key(self) -> tuple[Any, ...]:
        return (self.path, self.line, self.column, self.code, self.end_line, self.end_column, self.message)

    def to_dict(self) -> dict[str, Any]:
        """The JSON shape documented in README (schema `newslint-diagnostic/1`)."""
        out: dict[str, Any] = {
            "path": self.path,
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
            "code": self.code,
            "name": self.name,
            "severity": self.severity.value,
            "category": self.category,
            "message": self.message,
            "fix": None,
        }
        if self.fix is not None:
            out["fix"] = {
                "title": self.fix.title,
                "applicability": self.fix.applicability.value,
                "edits": [{"start": e.start, "end": e.end, "text": e.text} for e in self.fix.edits],
            }
        if self.data:
            out["data"] = self.data
        return out
