"""Many regexes over one text, fast: an Aho-Corasick pass picks which ones can match.

Each pattern's longest required literal (its *anchor*, e.g. "navigate" in
`\\bas \\w+ leaders navigate\\b`) is found by parsing the regex. One pass of an
Aho-Corasick automaton (pyahocorasick, C) over the lowercased text tells which
anchors occur; only those patterns run. Patterns without an anchor always run.
A document with no stock phrase thus costs one automaton pass, not one regex
search per phrase.
"""

from __future__ import annotations

import re
from typing import Iterator, Sequence

try:  # Python 3.11+
    import re._parser as _sre_parse  # type: ignore[import-not-found]
except ImportError:  # pragma: no cover
    import sre_parse as _sre_parse  # type: ignore[no-redef]

MIN_ANCHOR = 3


def required_literal(pattern: str, flags: int = 0) -> frozenset[str] | None:
    """Literals (lowercased) one of which every match of `pattern` must contain, or None.

    A plain literal gives one anchor ("navigate"); an alternation whose every
    branch has a literal gives several ("navigating" | "to navigate").
    """
    try:
        parsed = _sre_parse.parse(pattern, flags)
    except re.error:
        return None
    best = _best(_requirements(list(parsed)))
    return best


#: Words too common to tell whether a phrase can occur: useless as anchors.
_COMMON = frozenset(
    """the and that with from this have for are was were will has had not but its their they which what
    when where while into than then them there these those been more most also about over after such some
    other only can could would should may might must our your his her she him who whom any all each""".split()
)


def _score(alternatives: frozenset[str]) -> int:
    """An anchor set is as good as its shortest member; a common word scores nothing."""
    if not alternatives:
        return 0
    return min(_anchor_strength(a) for a in alternatives)


def _anchor_strength(anchor: str) -> int:
    """Length of the anchor's longest distinctive word ("in a" has none; "leaders navigate" has 8)."""
    words = [w for w in anchor.split() if len(w) >= MIN_ANCHOR and w not in _COMMON]
    return max((len(w) for w in words), default=0)


def _best(options: list[frozenset[str]]) -> frozenset[str] | None:
    options = [o for o in options if _score(o) >= MIN_ANCHOR]
    if not options:
        return None
    # Prefer long anchors, then few alternatives.
    return max(options, key=lambda o: (_score(o), -len(o)))


def _requirements(items: list) -> list[frozenset[str]]:
    """Candidate anchor sets for a sequence: each set means "one of these occurs"."""
    out: list[frozenset[str]] = []
    current: list[str] = []

    def flush() -> None:
        run = "".join(current).strip().lower()
        if run:
            out.append(frozenset({run}))
        current.clear()

    for op, av in items:
        name = str(op)
        if name == "LITERAL":
            current.append(chr(av))
            continue
        if name == "AT":
            continue  # \b, ^ and $ take no characters
        flush()
        if name == "SUBPATTERN":
            out.extend(_requirements(list(av[-1])))
        elif name == "BRANCH":
            branches = [_best(_requirements(list(b))) for b in av[1]]
            if branches and all(b is not None for b in branches):
                out.append(frozenset().union(*branches))  # type: ignore[arg-type]
        elif name in ("MAX_REPEAT", "MIN_REPEAT") and av[0] >= 1:
            out.extend(_requirements(list(av[2])))
    flush()
    return out


class PatternSet:
    """Compiled patterns with anchors; `finditer` yields (pattern index, match) in text order."""

    def __init__(self, sources: Sequence[str], flags: int = re.IGNORECASE):
        self.sources = list(sources)
        self.flags = flags
        # Compiled on first use: most patterns never run on a given article.
        self.patterns: list = [None] * len(self.sources)
        self._timed: tuple[str, float | None] | None = None
        anchors = [required_literal(s, flags) if flags & re.IGNORECASE else None for s in sources]
        self.always = [i for i, a in enumerate(anchors) if a is None]
        self.by_anchor: dict[str, list[int]] = {}
        for i, alternatives in enumerate(anchors):
            for anchor in alternatives or ():
                self.by_anchor.setdefault(anchor, []).append(i)
        self._automaton = None
        if self.by_anchor:
            try:
                import ahocorasick

                automaton = ahocorasick.Automaton()
                for anchor in self.by_anchor:
                    automaton.add_word(anchor, anchor)
                automaton.make_automaton()
                self._automaton = automaton
            except ImportError:  # pragma: no cover - pyahocorasick is a dependency
                self._automaton = None

    def limit_time(self, where: str = "", timeout: float | None = None) -> "PatternSet":
        """Run every pattern with a per-call time limit (for untrusted, user-supplied patterns)."""
        from ..regexsafety import TimedPattern

        self._timed = (where, timeout)
        self.patterns = [TimedPattern(s, self.flags, timeout=timeout, where=where) for s in self.sources]
        return self

    def pattern(self, i: int):
        compiled = self.patterns[i]
        if compiled is None:
            compiled = self.patterns[i] = re.compile(self.sources[i], self.flags)
        return compiled

    def candidates(self, lowered: str) -> list[int]:
        present: set[str] = set()
        if self._automaton is not None:
            for _end, anchor in self._automaton.iter(lowered):
                present.add(anchor)
        else:
            present = {a for a in self.by_anchor if a in lowered}
        chosen = set(self.always)
        for anchor in present:
            chosen.update(self.by_anchor[anchor])
        return sorted(chosen)

    def finditer(self, text: str, lowered: str | None = None) -> Iterator[tuple[int, re.Match[str]]]:
        """Non-overlapping matches of every pattern, leftmost first (longest on ties)."""
        lowered = text.lower() if lowered is None else lowered
        found: list[tuple[int, int, int, re.Match[str]]] = []
        for i in self.candidates(lowered):
            for m in self.pattern(i).finditer(text):
                if m.end() > m.start():
                    found.append((m.start(), -m.end(), i, m))
        found.sort()
        last_end = -1
        for start, neg_end, i, m in found:
            if start < last_end:
                continue
            last_end = -neg_end
            yield i, m
