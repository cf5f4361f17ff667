"""The interface every output format implements."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import IO, Any

from ..engine import FileResult


@dataclass
class OutputOptions:
    color: bool = False
    show_source: bool = True
    statistics: bool = False
    quiet: bool = False
    verbose: bool = False
    fix_mode: str = ""  # "", "fix", "diff", "fix-only"
    unsafe_fixes: bool = False


@dataclass
class RunSummary:
    files: int = 0
    findings: int = 0
    fixable_safe: int = 0
    fixable_unsafe: int = 0
    fixed: int = 0
    files_changed: int = 0
    errors: list[str] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)
    by_rule: Counter = field(default_factory=Counter)
    by_severity: Counter = field(default_factory=Counter)
    rule_names: dict[str, str] = field(default_factory=dict)
    scores: dict[str, float] = field(default_factory=dict)

    def add(self, result: FileResult) -> None:
        self.files += 1
        self.findings += len(result.diagnostics)
        self.fixed += result.fixed
        self.files_changed += int(result.changed)
        self.errors.extend(result.errors)
        self.notices.extend(result.notices)
        for d in result.diagnostics:
            self.by_rule[d.code] += 1
            self.by_severity[d.severity.value] += 1
            self.rule_names[d.code] = d.name
            if d.fix is not None:
                if d.fix.is_safe:
                    self.fixable_safe += 1
                else:
                    self.fixable_unsafe += 1


class Formatter:
    """Streams results: `start()`, then `file(result)` per file in order, then `finish(summary)`."""

    def __init__(self, stream: IO[str], registry: Any, options: OutputOptions):
        self.stream = stream
        self.registry = registry
        self.options = options

    def start(self) -> None:
        pass

    def file(self, result: FileResult) -> None:
        pass

    def finish(self, summary: RunSummary) -> None:
        pass
