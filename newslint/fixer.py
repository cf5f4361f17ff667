"""Applying fixes: non-overlapping edits, end to start, re-linted until stable."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable, Sequence

from .diagnostic import Diagnostic, Edit

MAX_PASSES = 10


def choose_fixes(diagnostics: Sequence[Diagnostic], *, unsafe: bool) -> list[Diagnostic]:
    """The applicable fixes, earliest first, dropping any that touch an already chosen edit."""
    chosen: list[Diagnostic] = []
    taken: list[tuple[int, int]] = []
    for d in sorted(diagnostics, key=lambda d: (d.start, d.end, d.code)):
        if d.fix is None or not d.fix.edits or (not d.fix.is_safe and not unsafe):
            continue
        spans = [(e.start, e.end) for e in d.fix.edits]
        if any(_touch(s, t) for s in spans for t in taken):
            continue  # the next pass re-lints and picks it up if still needed
        if any(_touch(a, b) for i, a in enumerate(spans) for b in spans[i + 1:]):
            continue  # a fix whose own edits overlap is malformed
        chosen.append(d)
        taken.extend(spans)
    return chosen


def _touch(a: tuple[int, int], b: tuple[int, int]) -> bool:
    """Overlapping or adjacent spans conflict; two insertions at one point conflict too."""
    return a[0] <= b[1] and b[0] <= a[1]


def apply_edits(text: str, edits: Sequence[Edit]) -> str:
    """Apply non-overlapping edits from the end backwards, so offsets stay valid."""
    out = text
    for e in sorted(edits, key=lambda e: (e.start, e.end), reverse=True):
        out = out[: e.start] + e.text + out[e.end:]
    return out


@dataclass
class FixOutcome:
    text: str
    fixed: int
    remaining: list[Diagnostic] = field(default_factory=list)
    passes: int = 0
    converged: bool = True


def fix_until_stable(text: str, lint: Callable[[str], list[Diagnostic]], *, unsafe: bool = False,
                     max_passes: int = MAX_PASSES) -> FixOutcome:
    """Lint, apply fixes, and repeat until nothing changes (at most `max_passes`)."""
    fixed = 0
    diagnostics = lint(text)
    for passes in range(1, max_passes + 1):
        chosen = choose_fixes(diagnostics, unsafe=unsafe)
        if not chosen:
            return FixOutcome(text, fixed, diagnostics, passes - 1, True)
        new_text = apply_edits(text, [e for d in chosen for e in d.fix.edits])  # type: ignore[union-attr]
        if new_text == text:
            return FixOutcome(text, fixed, diagnostics, passes, True)
        fixed += len(chosen)
        text = new_text
        diagnostics = lint(text)
    converged = not choose_fixes(diagnostics, unsafe=unsafe)
    return FixOutcome(text, fixed, diagnostics, max_passes, converged)
