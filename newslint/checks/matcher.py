"""Many regexes over one text, fast: literals found in one pass decide where regexes run.

Two kinds of literal are read off each pattern by parsing it:

* its *anchor*, the longest literal every match contains ("navigate" in
  `\\bas \\w+ leaders navigate\\b`): a pattern whose anchor does not occur in
  a document is not run on it (patterns without an anchor always run);
* its *leads*, literals one of which every match starts with ("as " there): a
  pattern is tried with `match()` only where a lead occurs, instead of being
  searched for at every character of the text.

One Aho-Corasick automaton (pyahocorasick, C) over the anchors and leads of
every pattern of a pack tells which of them occur in a document's lowercased
prose, once per document for all the pack's rules (LiteralIndex); `str.find`
then locates the few leads of the patterns that run. Trying a pattern at each
lead, left to right and resuming after each match, yields exactly what
`finditer` yields, as long as lowercasing keeps offsets and turns whatever a
match accepts into the lead's own characters; where a document breaks that,
patterns are searched for over the whole text as before.
"""

from __future__ import annotations

import re
import weakref
from itertools import chain
from operator import itemgetter
from typing import Any, Iterable, Iterator, Sequence

import ahocorasick

from ..document import Document

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


#: Literals this short are looked up with `in`, not through the automaton (see LiteralIndex.scan).
SHORT_LITERAL = 3
#: Most leads kept for one pattern; past that, the shorter leads found so far stand.
MAX_LEADS = 64
#: One match() attempt costs about as much as searching this many characters, so a
#: pattern with more leads than len(text) / ATTEMPT_COST is searched for instead.
ATTEMPT_COST = 16
#: Characters whose lowercase is not the ASCII letter a case-insensitive match pairs
#: them with ("ı" and "ſ" match "i" and "s"; "İ" lowercases to two characters).
_UNALIGNED = "\u0130\u0131\u017f"


def leading_literals(pattern: str, flags: int = 0) -> frozenset[str] | None:
    """Lowercased literals one of which every match of `pattern` starts with, or None.

    `\\bin (?:a|an) ` gives {"in a ", "in an "}; a pattern that can start with
    `\\w`, `\\s` or any other class gives None. Leads keep only characters whose
    lowercase is certain (ASCII, or caseless like ’), so wherever a match
    starts, one of its leads occurs in the lowercased text (see LiteralIndex).
    """
    try:
        parsed = _sre_parse.parse(pattern, flags)
    except re.error:
        return None
    leads, _ = _extend({""}, list(parsed))
    if "" in leads:
        return None
    # A lead that extends another one adds no start offsets of its own.
    shortest: list[str] = []
    for lead in sorted(leads):
        if not (shortest and lead.startswith(shortest[-1])):
            shortest.append(lead)
    return frozenset(shortest)


def _extend(prefixes: set[str], items: list) -> tuple[set[str], bool]:
    """`prefixes` extended by every way `items` can begin; False when it stopped before their end."""
    for op, av in items:
        name = str(op)
        if name in ("AT", "ASSERT", "ASSERT_NOT"):
            continue  # \b, ^ and look-arounds take no characters
        if name in ("LITERAL", "IN"):
            chars = _lead_chars(name, av)
            if chars is None or len(prefixes) * len(chars) > MAX_LEADS:
                return prefixes, False
            prefixes = {p + c for p in prefixes for c in chars}
        elif name == "SUBPATTERN":
            prefixes, complete = _extend(prefixes, list(av[-1]))
            if not complete:
                return prefixes, False
        elif name == "BRANCH":
            grown: set[str] = set()
            complete = True
            for branch in av[1]:
                extended, done = _extend(prefixes, list(branch))
                grown |= extended
                complete = complete and done
            if len(grown) > MAX_LEADS:
                return prefixes, False
            prefixes = grown
            if not complete:
                return prefixes, False
        elif name in ("MAX_REPEAT", "MIN_REPEAT"):
            low, high, body = av
            grown, complete = _extend(prefixes, list(body))
            if low == 0:
                grown |= prefixes
            if len(grown) > MAX_LEADS:
                return prefixes, False
            if not (complete and high == 1):
                return grown, False  # later repetitions vary: the first one is as far as leads go
            prefixes = grown
        else:
            return prefixes, False
    return prefixes, True


def _lead_chars(name: str, av: Any) -> set[str] | None:
    """The lowercased characters a literal or a plain class such as ['’] stands for, if all are certain."""
    if name == "LITERAL":
        codes = [av]
    elif all(str(op) == "LITERAL" for op, _ in av):
        codes = [code for _, code in av]
    else:
        return None  # ranges, categories, negation
    chars = [chr(code) for code in codes]
    if not all(c.isascii() or c.lower() == c.upper() == c.casefold() == c for c in chars):
        return None
    return {c.lower() for c in chars}


class LiteralIndex:
    """The anchors and leads of one pack's patterns; which of them a document has takes one pass.

    Every rule of a pack shares it (packs.py), so a document is scanned once per
    pack however many rules and patterns the pack has.
    """

    def __init__(self) -> None:
        self._literals: set[str] = set()
        self._automaton: Any = None  # built with _short_literals on first scan
        self._short_literals: list[str] = []
        self._scans: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()

    def __getstate__(self) -> dict[str, Any]:
        return {"_literals": self._literals}  # the automaton is rebuilt on first use, scans are per run

    def __setstate__(self, state: dict[str, Any]) -> None:
        self._literals = state["_literals"]
        self._automaton = None
        self._scans = weakref.WeakKeyDictionary()

    def add(self, literals: Iterable[str]) -> None:
        new = set(literals) - self._literals
        if new:
            self._literals |= new
            self._automaton = None
            self._scans.clear()

    def scan(self, doc: Document) -> Occurrences:
        """The literals that occur in doc.lowered_prose (found once per document)."""
        found = self._scans.get(doc)
        if found is None:
            if self._automaton is None:
                self._build()
            lowered = doc.lowered_prose
            # Literals of a few characters ("in", "as ") are in nearly every article: a substring
            # test says so at once, where the automaton would report each of dozens of occurrences.
            present = {literal for literal in self._short_literals if literal in lowered}
            present.update(map(itemgetter(1), self._search(lowered)))
            found = self._scans[doc] = Occurrences(doc, present)
        return found

    def _build(self) -> None:
        automaton = ahocorasick.Automaton()
        for literal in self._literals:
            if len(literal) > SHORT_LITERAL:
                automaton.add_word(literal, literal)
        if len(automaton):
            automaton.make_automaton()
        self._short_literals = sorted(literal for literal in self._literals if len(literal) <= SHORT_LITERAL)
        self._automaton = automaton  # only once complete: a rule timeout may interrupt the build

    def _search(self, lowered: str) -> Iterator[tuple[int, str]]:
        """(end offset, literal) for every occurrence of a longer literal, overlapping ones included."""
        if not len(self._automaton):
            return iter(())  # pyahocorasick cannot search with an empty automaton
        return self._automaton.iter(lowered)


class Occurrences:
    """Which indexed literals one document has, and where its patterns can start."""

    __slots__ = ("prose", "lowered", "present", "aligned", "_offsets")

    def __init__(self, doc: Document, present: set[str]):
        self.prose = doc.prose
        self.lowered = doc.lowered_prose
        self.present = present
        #: Whether leads may stand in for searches: lowercasing kept every offset (no
        #: character became two) and the prose has none of the characters a
        #: case-insensitive match pairs with an ASCII letter of another lowercase.
        self.aligned = len(self.lowered) == len(self.prose) and not any(c in self.prose for c in _UNALIGNED)
        self._offsets: dict[str, list[int]] = {}

    def leads_found(self, leads: frozenset[str] | None) -> frozenset[str] | None:
        """Those of a pattern's leads that occur, or None when the pattern must be searched for."""
        return leads & self.present if self.aligned and leads else None

    def matches(self, pattern: Any, leads: frozenset[str] | None) -> Iterator[re.Match[str]]:
        """The non-empty matches `pattern.finditer(prose)` yields, trying it only at `leads` when given."""
        text = self.prose
        if leads is not None:
            offsets = sorted(chain.from_iterable(self._starts(lead) for lead in leads))
            if len(offsets) * ATTEMPT_COST <= len(text):
                resume = 0
                for offset in offsets:
                    if offset >= resume:
                        m = pattern.match(text, offset)
                        if m:  # never empty: it starts with a lead
                            resume = m.end()
                            yield m
                return
        for m in pattern.finditer(text):
            if m.end() > m.start():
                yield m

    def _starts(self, lead: str) -> list[int]:
        """Every offset where `lead` starts in the lowercased prose (overlapping occurrences too)."""
        offsets = self._offsets.get(lead)
        if offsets is None:
            offsets = []
            at = self.lowered.find(lead)
            while at >= 0:
                offsets.append(at)
                at = self.lowered.find(lead, at + 1)
            self._offsets[lead] = offsets  # only once complete: a rule timeout may interrupt the search
        return offsets


class LeadPattern:
    """One compiled pattern (re.Pattern or TimedPattern) whose `finditer(doc)` runs only where it can start."""

    def __init__(self, pattern: Any, index: LiteralIndex):
        self.pattern = pattern
        self.index = index
        self.leads = leading_literals(pattern.pattern, pattern.flags)
        index.add(self.leads or ())

    def finditer(self, doc: Document) -> Iterator[re.Match[str]]:
        """The non-empty matches of the pattern in doc.prose, as its own finditer would find them."""
        found = self.index.scan(doc)
        return found.matches(self.pattern, found.leads_found(self.leads))


class PatternSet:
    """Compiled patterns with anchors and leads; `finditer` yields (pattern index, match) in text order."""

    def __init__(self, sources: Sequence[str], flags: int, index: LiteralIndex):
        self.sources = list(sources)
        self.flags = flags
        # Compiled on first use: most patterns never run on a given article.
        self.patterns: list = [None] * len(self.sources)
        anchors = [required_literal(s, flags) if flags & re.IGNORECASE else None for s in sources]
        self.always = [i for i, a in enumerate(anchors) if a is None]
        self.by_anchor: dict[str, list[int]] = {}
        for i, alternatives in enumerate(anchors):
            for anchor in alternatives or ():
                self.by_anchor.setdefault(anchor, []).append(i)
        self.leads = [leading_literals(s, flags) for s in self.sources]
        self.unled = [i for i, leads in enumerate(self.leads) if leads is None]
        self.by_lead: dict[str, list[int]] = {}
        for i, leads in enumerate(self.leads):
            for lead in leads or ():
                self.by_lead.setdefault(lead, []).append(i)
        self.index = index
        index.add([*self.by_anchor, *self.by_lead])

    def limit_time(self, where: str = "", timeout: float | None = None) -> "PatternSet":
        """Run every pattern with a per-call time limit (for untrusted, user-supplied patterns)."""
        from ..regexsafety import TimedPattern

        self.patterns = [TimedPattern(s, self.flags, timeout=timeout, where=where) for s in self.sources]
        return self

    def pattern(self, i: int):
        compiled = self.patterns[i]
        if compiled is None:
            compiled = self.patterns[i] = re.compile(self.sources[i], self.flags)
        return compiled

    def finditer(self, doc: Document) -> Iterator[tuple[int, re.Match[str]]]:
        """Non-overlapping matches of every pattern in doc.prose, leftmost first (longest on ties)."""
        occurrences = self.index.scan(doc)
        if occurrences.aligned:  # then a pattern whose anchor or leads do not occur cannot match
            chosen = set(self.always)
            for anchor in self.by_anchor.keys() & occurrences.present:
                chosen.update(self.by_anchor[anchor])
            startable = set(self.unled)
            for lead in self.by_lead.keys() & occurrences.present:
                startable.update(self.by_lead[lead])
            chosen &= startable
        else:  # "ſ", "İ"... lowercasing hides literals from the scan: try every pattern
            chosen = set(range(len(self.sources)))
        found: list[tuple[int, int, int, re.Match[str]]] = []
        for i in chosen:
            for m in occurrences.matches(self.pattern(i), occurrences.leads_found(self.leads[i])):
                found.append((m.start(), -m.end(), i, m))
        found.sort()
        last_end = -1
        for start, neg_end, i, m in found:
            if start < last_end:
                continue
            last_end = -neg_end
            yield i, m
