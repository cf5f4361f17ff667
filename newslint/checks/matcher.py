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


def required_literal(pattern: str, flags: int = 0) -> str | None:
    """The longest literal every match of `pattern` must contain (lowercased), or None."""
    try:
        parsed = _sre_parse.parse(pattern, flags)
    except re.error:
        return None
    best = ""
    for run in _literal_runs(list(parsed)):
        if len(run) > len(best):
            best = run
    best = best.strip()
    return best.lower() if len(best) >= MIN_ANCHOR else None


def _literal_runs(items: list) -> Iterator[str]:
    current: list[str] = []
    for op, av in items:
        name = str(op)
        if name == "LITERAL":
            current.append(chr(av))
            continue
        if name == "AT":
            continue  # \b, ^ and $ take no characters
        if name == "SUBPATTERN" and not _has_branch(av[-1]):
            # A plain group: its literals are required, but only contiguous within it.
            if current:
                yield "".join(current)
                current = []
            yield from _literal_runs(list(av[-1]))
            continue
        if name == "MAX_REPEAT" or name == "MIN_REPEAT":
            low, _high, sub = av
            if low >= 1:
                if current:
                    yield "".join(current)
                    current = []
                yield from _literal_runs(list(sub))
        if current:
            yield "".join(current)
            current = []
    if current:
        yield "".join(current)


def _has_branch(items) -> bool:
    return any(str(op) == "BRANCH" for op, _ in items)


class PatternSet:
    """Compiled patterns with anchors; `finditer` yields (pattern index, match) in text order."""

    def __init__(self, sources: Sequence[str], flags: int = re.IGNORECASE):
        self.patterns = [re.compile(s, flags) for s in sources]
        anchors = [required_literal(s, flags) if flags & re.IGNORECASE else None for s in sources]
        self.always = [i for i, a in enumerate(anchors) if a is None]
        self.by_anchor: dict[str, list[int]] = {}
        for i, anchor in enumerate(anchors):
            if anchor is not None:
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
            for m in self.patterns[i].finditer(text):
                if m.end() > m.start():
                    found.append((m.start(), -m.end(), i, m))
        found.sort()
        last_end = -1
        for start, neg_end, i, m in found:
            if start < last_end:
                continue
            last_end = -neg_end
            yield i, m
