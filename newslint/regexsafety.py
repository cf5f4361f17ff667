"""Static checks that reject regexes prone to catastrophic backtracking."""

from __future__ import annotations

import re

try:  # Python 3.11+
    import re._parser as sre_parse  # type: ignore[import-not-found]
except ImportError:  # pragma: no cover - Python 3.10
    import sre_parse  # type: ignore[no-redef]

_REPEATS = {"MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"}
MAX_PATTERN_LENGTH = 20_000


def check_pattern_safety(pattern: str) -> str | None:
    """A reason the pattern is unsafe (nested unbounded repetition), or None."""
    if len(pattern) > MAX_PATTERN_LENGTH:
        return f"longer than {MAX_PATTERN_LENGTH} characters"
    try:
        parsed = sre_parse.parse(pattern)
    except re.error as exc:  # reported by the caller's compile
        return None
    if _nested_unbounded(parsed, inside_unbounded=False):
        return "a repeated group contains another unbounded repetition (like (a+)+), which can hang"
    return None


def _nested_unbounded(items, inside_unbounded: bool) -> bool:
    for op, av in items:
        name = str(op)
        if name in _REPEATS:
            low, high, sub = av
            unbounded = high == sre_parse.MAXREPEAT or high > 1000
            if unbounded and inside_unbounded and _can_repeat_variably(sub):
                return True
            if _nested_unbounded(sub, inside_unbounded or unbounded):
                return True
        elif name == "SUBPATTERN":
            if _nested_unbounded(av[-1], inside_unbounded):
                return True
        elif name == "BRANCH":
            for branch in av[1]:
                if _nested_unbounded(branch, inside_unbounded):
                    return True
        elif name in ("ASSERT", "ASSERT_NOT"):
            if _nested_unbounded(av[1], inside_unbounded):
                return True
    return False


def _can_repeat_variably(sub) -> bool:
    return any(str(op) != "AT" for op, _ in sub)
