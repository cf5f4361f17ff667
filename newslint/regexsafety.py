"""Keeping user-supplied regexes (YAML packs) from hanging a run.

Two guards:

* `check_pattern_safety`, at load: rejects shapes known to backtrack
  catastrophically — a repeated group holding another unbounded repetition
  (`(a+)+`), or alternatives inside an unbounded repetition that can begin the
  same way (`(a|aa)+`). It is a heuristic: it cannot prove a pattern safe.
* `TimedPattern`, at match time: untrusted patterns run on the third-party
  `regex` engine with its `timeout=` argument, so a pattern that slips past the
  static check is stopped after `PATTERN_TIMEOUT` seconds per call and reported
  as a `PatternTimeout` naming the pack file and rule (see engine.py). The
  per-rule time budget in the engine (SIGALRM) is the last line of defence.
"""

from __future__ import annotations

import os
import re
from typing import Any, Iterator

try:  # Python 3.11+
    import re._parser as sre_parse  # type: ignore[import-not-found]
except ImportError:  # pragma: no cover - Python 3.10
    import sre_parse  # type: ignore[no-redef]

_REPEATS = {"MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"}
MAX_PATTERN_LENGTH = 20_000
#: Seconds one match call of an untrusted pattern may take (NEWSLINT_PATTERN_TIMEOUT overrides).
PATTERN_TIMEOUT = 2.0


#: Set from the configuration's `pattern-timeout` by the engine (the environment wins).
configured_timeout: float | None = None


def pattern_timeout() -> float:
    raw = os.environ.get("NEWSLINT_PATTERN_TIMEOUT")
    if raw:
        try:
            value = float(raw)
            if value > 0:
                return value
        except ValueError:
            pass
    return configured_timeout if configured_timeout else PATTERN_TIMEOUT


class PatternTimeout(Exception):
    """An untrusted regular expression ran longer than its time limit."""

    def __init__(self, pattern: str, seconds: float, where: str = ""):
        self.pattern = pattern
        self.seconds = seconds
        self.where = where
        shown = pattern if len(pattern) <= 80 else pattern[:77] + "..."
        super().__init__(f"regular expression {shown!r} took longer than {seconds:g} s and was stopped "
                         "(it backtracks catastrophically on this text; simplify it)")


def check_pattern_safety(pattern: str) -> str | None:
    """A reason the pattern is unsafe, or None (None does not prove it safe)."""
    if len(pattern) > MAX_PATTERN_LENGTH:
        return f"longer than {MAX_PATTERN_LENGTH} characters"
    try:
        parsed = sre_parse.parse(pattern)
    except (re.error, RecursionError, OverflowError):  # reported by the caller's compile
        return None
    try:
        if _nested_unbounded(parsed, inside_unbounded=False):
            return "a repeated group contains another unbounded repetition (like (a+)+), which can hang"
        if _overlapping_alternatives(parsed, inside_unbounded=False):
            return ("alternatives inside an unbounded repetition can match the same text (like (a|aa)+), "
                    "which can hang")
    except RecursionError:
        return "nested too deeply"
    return None


def _unbounded(high: int) -> bool:
    return high == sre_parse.MAXREPEAT or high > 1000


def _children(op_name: str, av: Any) -> list:
    """Sub-pattern lists of one parsed item (for a generic walk)."""
    if op_name in _REPEATS:
        return [av[2]]
    if op_name == "SUBPATTERN":
        return [av[-1]]
    if op_name == "BRANCH":
        return list(av[1])
    if op_name in ("ASSERT", "ASSERT_NOT"):
        return [av[1]]
    if op_name == "ATOMIC_GROUP":
        return [av]
    if op_name == "GROUPREF_EXISTS":
        return [x for x in av[1:] if x is not None]
    return []


def _nested_unbounded(items, inside_unbounded: bool) -> bool:
    for op, av in items:
        name = str(op)
        if name in _REPEATS:
            low, high, sub = av
            unbounded = _unbounded(high)
            if unbounded and inside_unbounded and _can_repeat_variably(sub):
                return True
            if _nested_unbounded(sub, inside_unbounded or unbounded):
                return True
        else:
            for child in _children(name, av):
                if _nested_unbounded(child, inside_unbounded):
                    return True
    return False


def _can_repeat_variably(sub) -> bool:
    return any(str(op) != "AT" for op, _ in sub)


_ANY = "any"


def _first_chars(items) -> set | str | None:
    """Characters a sequence can start with: a set of ints, _ANY (unknown/class), or None when it can be empty."""
    for op, av in items:
        name = str(op)
        if name == "AT":
            continue
        if name == "LITERAL":
            return {av, ord(chr(av).lower()), ord(chr(av).upper())} if av < 0x110000 else {av}
        if name == "NOT_LITERAL" or name == "IN" or name == "ANY" or name == "CATEGORY":
            return _ANY
        if name == "SUBPATTERN":
            first = _first_chars(av[-1])
            if first is None:
                continue
            return first
        if name in _REPEATS:
            low, _high, sub = av
            first = _first_chars(sub)
            if low == 0 or first is None:
                return _ANY  # may be skipped: anything after could start
            return first
        if name == "BRANCH":
            out: set = set()
            for branch in av[1]:
                first = _first_chars(branch)
                if first is None or first == _ANY:
                    return _ANY
                out |= first
            return out
        return _ANY
    return None


def _overlapping_alternatives(items, inside_unbounded: bool) -> bool:
    for op, av in items:
        name = str(op)
        if name in _REPEATS:
            low, high, sub = av
            if _overlapping_alternatives(sub, inside_unbounded or _unbounded(high)):
                return True
            continue
        if name == "BRANCH" and inside_unbounded:
            firsts = [_first_chars(branch) for branch in av[1]]
            literal_sets = [f for f in firsts if isinstance(f, set)]
            if any(f is None for f in firsts) and len(firsts) > 1:
                return True  # an empty alternative next to a non-empty one: (a|aa) parses as a(|a)
            seen: set = set()
            for f in literal_sets:
                if seen & f:
                    return True
                seen |= f
        for child in _children(name, av):
            if _overlapping_alternatives(child, inside_unbounded):
                return True
    return False


# --- matching with a time limit ----------------------------------------------------

_FLAG_NAMES = ("IGNORECASE", "MULTILINE", "DOTALL", "VERBOSE", "ASCII", "UNICODE")


def _regex_flags(flags: int, regex_module: Any) -> int:
    out = 0
    for name in _FLAG_NAMES:
        if flags & getattr(re, name):
            out |= getattr(regex_module, name)
    return out


class TimedPattern:
    """A compiled untrusted pattern whose every match call has a time limit.

    Quacks like `re.Pattern` for what the pack checks use (finditer, search,
    match, fullmatch, findall, sub); a runaway match raises PatternTimeout.
    """

    def __init__(self, pattern: str, flags: int = 0, *, timeout: float | None = None, where: str = ""):
        self.pattern = pattern
        self.flags = flags
        self._fixed_timeout = timeout
        self.where = where
        self._re = re.compile(pattern, flags)  # raises re.error with the familiar messages
        self.groups = self._re.groups
        self.groupindex = self._re.groupindex
        try:
            import regex

            self._engine: Any = regex.compile(pattern, _regex_flags(flags, regex))
            self.timed = True
        except Exception:  # no `regex`, or a construct it rejects: the engine's SIGALRM budget still applies
            self._engine = self._re
            self.timed = False

    def _kw(self) -> dict[str, Any]:
        return {"timeout": self.timeout} if self.timed else {}

    @property
    def timeout(self) -> float:
        """The limit per call: fixed at construction, or the configured/default one at call time."""
        return pattern_timeout() if self._fixed_timeout is None else self._fixed_timeout

    def _timeout(self) -> PatternTimeout:
        return PatternTimeout(self.pattern, self.timeout, self.where)

    def finditer(self, string: str, pos: int = 0, endpos: int | None = None) -> Iterator[Any]:
        endpos = len(string) if endpos is None else endpos
        try:
            yield from self._engine.finditer(string, pos, endpos, **self._kw())
        except TimeoutError:
            raise self._timeout() from None

    def _call(self, method: str, *args: Any) -> Any:
        try:
            return getattr(self._engine, method)(*args, **self._kw())
        except TimeoutError:
            raise self._timeout() from None

    def search(self, string: str, pos: int = 0, endpos: int | None = None) -> Any:
        return self._call("search", string, pos, len(string) if endpos is None else endpos)

    def match(self, string: str, pos: int = 0, endpos: int | None = None) -> Any:
        return self._call("match", string, pos, len(string) if endpos is None else endpos)

    def fullmatch(self, string: str, pos: int = 0, endpos: int | None = None) -> Any:
        return self._call("fullmatch", string, pos, len(string) if endpos is None else endpos)

    def findall(self, string: str, pos: int = 0, endpos: int | None = None) -> list[Any]:
        return self._call("findall", string, pos, len(string) if endpos is None else endpos)

    def sub(self, repl: Any, string: str, count: int = 0) -> str:
        return self._call("sub", repl, string, count)

    def __repr__(self) -> str:
        return f"TimedPattern({self.pattern!r}, timeout={self.timeout:g})"
