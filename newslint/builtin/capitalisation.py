"""Capitalisation: lowercase proper nouns, lowercase sentence starts, inconsistent heading case.

Three signals feed the proper-noun checks:

* the shipped vocabulary (``rules/vocabulary/*.yaml``: every term in its one
  correct case, ``ambiguous: true`` when the lowercase form is also an
  ordinary word), loaded once per process;
* document consistency: a word written capitalised mid-sentence elsewhere in
  the same article (never at a sentence, heading, list or cell start, never
  inside a run-in list label) and lowercase here;
* the user's accepted vocabulary (``ctx.vocabulary``), terms in their correct case.
"""

from __future__ import annotations

import re
import weakref
from bisect import bisect_left, bisect_right
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import compress
from operator import itemgetter
from pathlib import Path
from typing import Iterable, Iterator, NamedTuple

from ..diagnostic import Finding, Severity
from ..document import HEADING, LIST_ITEM, MASK, PARAGRAPH, Document, Tokens
from ..rule import Example, Rule, RuleContext
from .spelling import _frequent_words

# --------------------------------------------------------------------------- vocabulary

_TOKEN = re.compile(r"[^\W_]+")  # letters and digits: "Group of 20" keeps its number
_APOSTROPHES = "'\u2019\u2018`\u02bc"

# Used only when the shipped vocabulary folder is missing (a source checkout
# while the vocabulary is being rebuilt); the real lists are much larger.
_FALLBACK_TERMS: tuple[tuple[str, bool], ...] = tuple(
    (t, False) for t in (
        "Ukraine", "Russia", "Putin", "Vladimir", "Vladimir Putin", "Moscow", "Washington", "NATO", "Kyiv",
        "United States", "United Nations", "Europe", "Germany", "France", "Britain", "London", "Paris",
        "Beijing", "Zelensky", "Biden", "Reuters",
    )
) + tuple((t, True) for t in ("Turkey", "China", "Jordan", "Nice", "Theresa May", "US", "White House"))
_FALLBACK_STYLISED = ("iPhone", "iPad", "iOS", "eBay", "easyJet", "de Gaulle", "van Gogh", "al-Assad", "von der Leyen")

# Ambiguous words whose lowercase form is so common (function words, modal
# verbs, colours, everyday nouns and verbs) that document consistency alone
# never justifies capitalising them: they need strong local context.
_STRICT_AMBIGUOUS = frozenset("""
    may will us it am is as in me or oh hi ok pa la ma co id mt ga al de who un
    hope faith grace frank grant hunt price cook brown green white black young king rice banks lee joy
    mark bill rose nice reading march april june august polish sunny split bath mobile delta visa target
    shell arm swift ice fed labour greens gulf quad west east north south western eastern northern southern
    pacific arctic antarctic catholic orthodox roman latin gothic oriental commonwealth bush apple meta
    alphabet economist guardian sec pole turk french dutch danish mandarin moor moors finn scot kiwi spartan
    byzantine bohemian evangelical baptist aboriginal persian siamese gallant waltz pis doge copilot
    trump zoom slack ford vale cork derby jersey reunion charlotte buffalo phoenix aurora mesa queens
    riverside male victoria amnesty
""".split())

# Words that never count as proper nouns by document consistency: titles,
# institutions and generic nouns that news copy capitalises inside names
# ("the Government", "Prime Minister", "World War") but also uses lowercase.
_INSTITUTION_WORDS = frozenset("""
    government governments minister ministers ministry president presidents premier prime chancellor
    opposition senate senator parliament parliamentary council councils court courts party parties state
    states federal department police army navy church university school college city county bank banks
    treasury commission commissioner committee board agency union house club league cup war world north
    south east west central national international royal republic kingdom empire province region
    district mayor governor secretary general attorney chief director chairman chair officer commander
    coalition cabinet administration authority office bureau service services institute foundation
    centre center hospital station airport port bridge river lake mountain island islands street road
    avenue square park hall tower palace museum festival awards award prize games championship open
    final series tournament day week act bill law code constitution treaty accord agreement plan report
    budget summit conference forum assembly congress democrats republicans democrat republican liberal
    liberals labor conservative conservatives greens independent independents nationals shadow acting
    deputy leader leaders speaker justice judge magistrate coroner sheriff detective inspector sergeant
    constable superintendent commissioner captain colonel major lieutenant admiral marshal reverend father
    bishop archbishop pope cardinal saint king queen prince princess duke duchess lord lady sir dame
    doctor professor ombudsman auditor registrar defence defense health education finance immigration
    foreign affairs environment transport agriculture trade industry energy interior home labour
    """.split())

# Function words: never a proper noun by consistency, never a heading content word.
_FUNCTION_WORDS = frozenset("""
    a an the and but or nor for so yet of in on at to from by with as vs via into onto over per than up
    upon toward towards about above across after against along amid among around before behind below
    beneath beside besides between beyond despite down during except inside like near off out outside
    past since through throughout till under underneath unlike until within without
    i me my we us our you your he him his she her it its they them their this that these those who whom
    whose which what when where why how all any both each few more most other some such no not only own
    same too very can will just should now is are was were be been being have has had do does did
    would could may might must shall also then there here if while because although though whether
    s t
""".split())

# Minor words that may stay lowercase in a title-case heading.
_MINOR_WORDS = frozenset("""
    etc a an the and but or nor for so yet of on at to from by in with as vs v via into onto over per than
    up toward towards out off down upon amid
""".split())

_TITLES_BEFORE_NAMES = frozenset("""
    president presidents prime minister premier chancellor senator sen gov governor king queen prince
    princess mr mrs ms dr sir dame lord lady pope general gen secretary mayor judge justice
""".split())

# Generic words that style guides keep lowercase next to a name ("central
# Europe", "Palestinian territories", "Christmas island" is rare enough to miss).
_GENERIC_NAME_PARTS = frozenset("""
    central northern southern eastern western north south east west upper lower greater inner outer
    territory territories island islands region regions group state states province city county river
    lake sea ocean mountains valley basin coast strip bank republic kingdom government party
""".split())

# Calendar names: never correct in lowercase (may, march and august are also
# ordinary words and need local context).
_CALENDAR = {w: w.capitalize() for w in """
    january february april june july september october november december
    monday tuesday wednesday thursday friday saturday sunday
""".split()}

_MONTHS = frozenset({"january", "february", "march", "april", "may", "june", "july", "august", "september",
                     "october", "november", "december"})
_MONTH_BEFORE = frozenset({"in", "since", "until", "till", "early", "late", "mid", "last", "next", "by",
                           "from", "during", "through", "throughout"})


# A month after one of these prepositions and before a word that opens a clause or a noun
# phrase is a date: "In march the club ...", "since march it has ...".
_MONTH_PREPOSITIONS = frozenset({"in", "since", "until", "till", "by", "from", "during", "through", "throughout"})
_CLAUSE_OPENERS = frozenset("""
    the a an this that these those it its he she they we i you his her their our there and or of to
    when as after before last next
""".split())
_DAY = re.compile(r"(?:[1-9]|[12][0-9]|3[01])(?:st|nd|rd|th)?")
_DAY_BEFORE = frozenset({"on", "from", "to", "until", "till", "by", "since", "before", "after", "between", "and",
                         "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"})

# Nationality adjectives whose lowercase forms are ordinary words only in set phrases ("french
# fries", "dutch oven", "a danish"): before any other content word they are the nationality.
_DEMONYM_IDIOMS = {
    "french": frozenset("""
        fries fry toast horn horns kiss kisses kissing kissed window windows door doors press presses polish
        polished dressing bread braid braids braided cuff cuffs bean beans knot knots seam seams drain drains
        twist twists manicure manicures tip tips curve curves letter letters leave marigold marigolds mustard
        pleat pleats roast vanilla lavender stick sticks
    """.split()),
    "dutch": frozenset("""
        oven ovens courage auction auctions uncle uncles door doors barn barns treat treats elm elms cap caps
        angle angles hoe hoes baby babies braid braids
    """.split()),
    "danish": frozenset("pastry pastries".split()),
}

# Lowercase particles inside personal names ("Anthony van Dyck", "Ursula von der Leyen", "Willem de
# Kooning", "Mohammed bin Salman"): correct before a capitalised surname, never to be capitalised.
_NAME_PARTICLES = frozenset("""
    van von de da der den du le la les des del della dei di do dos das ter ten zu af av bin ibn bint al el y
""".split())


def _before_surname(texts: list[str], gaps: list[str], i: int) -> bool:
    """Token i is a name particle (or a run of them) followed by a capitalised name: "van der Linde"."""
    j = i
    while j < len(texts) and texts[j] in _NAME_PARTICLES:
        if gaps[j] not in _ADJACENT:
            return False
        j += 1
    return j > i and j < len(texts) and texts[j][:1].isupper()


@dataclass(frozen=True)
class _Term:
    form: tuple[str, ...]  # tokens as written in the vocabulary
    seps: tuple[str, ...]  # separators between tokens (normalised)
    ambiguous: bool

    @property
    def text(self) -> str:
        out = self.form[0]
        for sep, tok in zip(self.seps, self.form[1:]):
            out += sep + tok
        return out


@dataclass
class _Vocabulary:
    single: dict[str, _Term] = field(default_factory=dict)  # lowercase token -> term
    multi: dict[str, list[_Term]] = field(default_factory=dict)  # lowercase first token -> terms, longest first
    # The multi-word terms again, by their first two tokens (lowercase), longest first.
    multi_by_pair: dict[tuple[str, str], list[_Term]] = field(default_factory=dict)
    # The keys of `single` and `multi` again: sets intersect a document's words much faster than dicts.
    single_words: frozenset[str] = frozenset()
    multi_first_words: frozenset[str] = frozenset()
    stylised: dict[str, list[_Term]] = field(default_factory=dict)  # lowercase first token -> stylised terms
    stylised_first: frozenset[str] = frozenset()  # lowercase first tokens of stylised terms ("de", "ebay")
    people: frozenset[_Term] = frozenset()  # multi-word person names ("Jerome Powell")
    people_last_words: frozenset[str] = frozenset()  # their last words, lowercase: possible surnames


def _norm_sep(sep: str) -> str:
    if not sep.strip():
        return " "
    for ch in _APOSTROPHES:
        sep = sep.replace(ch, "'")
    return sep


def _split_term(text: str) -> tuple[tuple[str, ...], tuple[str, ...]] | None:
    tokens = [m for m in _TOKEN.finditer(text)]
    if not tokens:
        return None
    seps = tuple(_norm_sep(text[a.end():b.start()]) for a, b in zip(tokens, tokens[1:]))
    if any(len(s) > 2 for s in seps):
        return None
    return tuple(m.group() for m in tokens), seps


def _read_vocabulary_dir(folder: Path) -> tuple[list[tuple[str, bool]], list[str], list[str]]:
    import yaml

    from ..yamlsource import safe_load

    terms: list[tuple[str, bool]] = []
    stylised: list[str] = []
    people: list[str] = []
    if not folder.is_dir():
        return terms, stylised, people
    for path in sorted(folder.glob("*.yaml")):
        try:
            data = safe_load(path.read_text(encoding="utf-8"))
        except (OSError, yaml.YAMLError):
            continue
        if not isinstance(data, dict) or not isinstance(data.get("terms"), list):
            continue
        is_stylised = data.get("vocabulary") == "stylised" or path.stem == "stylised"
        for entry in data["terms"]:
            if isinstance(entry, str):
                term, ambiguous = entry, False
            elif isinstance(entry, dict) and isinstance(entry.get("term"), str):
                term, ambiguous = entry["term"], bool(entry.get("ambiguous", False))
            else:
                continue
            term = term.strip()
            if not term:
                continue
            if is_stylised:
                stylised.append(term)
            else:
                terms.append((term, ambiguous))
                if data.get("vocabulary") == "people":
                    people.append(term)
    return terms, stylised, people


def _build_vocabulary(terms: Iterable[tuple[str, bool]], stylised: Iterable[str],
                      people: Iterable[str] = ()) -> _Vocabulary:
    vocab = _Vocabulary()
    people = set(people)
    person_terms = set()
    for text, ambiguous in terms:
        split = _split_term(text)
        if split is None:
            continue
        form, seps = split
        if not any(ch.isupper() for ch in text):
            continue
        term = _Term(form, seps, ambiguous)
        if len(form) == 1:
            key = form[0].lower()
            old = vocab.single.get(key)
            # Two spellings of one word ("US" vs "Us"): keep the ambiguous reading.
            if old is None or (ambiguous and not old.ambiguous):
                vocab.single[key] = term
        else:
            vocab.multi.setdefault(form[0].lower(), []).append(term)
            if text in people:
                person_terms.add(term)
    vocab.people = frozenset(person_terms)
    vocab.people_last_words = frozenset(t.form[-1].lower() for t in person_terms)
    firsts = set()
    for text in stylised:
        split = _split_term(text)
        if split is None:
            continue
        form, seps = split
        term = _Term(form, seps, False)
        vocab.stylised.setdefault(form[0].lower(), []).append(term)
        firsts.add(form[0].lower())
        if len(form) == 1:
            vocab.single.setdefault(form[0].lower(), term)
        else:
            vocab.multi.setdefault(form[0].lower(), []).append(term)
    vocab.stylised_first = frozenset(firsts)
    for terms_ in vocab.multi.values():
        terms_.sort(key=lambda t: -len(t.form))
        for t in terms_:
            vocab.multi_by_pair.setdefault((t.form[0].lower(), t.form[1].lower()), []).append(t)
    vocab.single_words = frozenset(vocab.single)
    vocab.multi_first_words = frozenset(vocab.multi)
    return vocab


def _vocabulary_dir() -> Path:
    from ..packs import builtin_pack_dir

    return builtin_pack_dir() / "vocabulary"


@lru_cache(maxsize=1)
def _shipped_vocabulary() -> _Vocabulary:
    from ..datacache import cached

    folder = _vocabulary_dir()
    sources = sorted(folder.glob("*.yaml")) if folder.is_dir() else []
    return cached("vocabulary", sources, _build_shipped_vocabulary)


def _build_shipped_vocabulary() -> _Vocabulary:
    terms, stylised, people = _read_vocabulary_dir(_vocabulary_dir())
    if not terms:
        terms = list(_FALLBACK_TERMS)
        people = ["Vladimir Putin", "Theresa May"]
    if not stylised:
        stylised = list(_FALLBACK_STYLISED)
    calendar = [(form, False) for form in _CALENDAR.values()] + [("May", True), ("March", True), ("August", True)]
    return _build_vocabulary(calendar + terms, stylised, people)


@lru_cache(maxsize=32)
def _user_vocabulary(terms: frozenset[str]) -> _Vocabulary:
    common = _common_words()
    entries = []
    for term in sorted(terms):
        if not any(ch.isupper() for ch in term):
            continue
        split = _split_term(term)
        ambiguous = bool(split and len(split[0]) == 1 and split[0][0].lower() in common)
        entries.append((term, ambiguous))
    return _build_vocabulary(entries, ())


@lru_cache(maxsize=1)
def _common_words() -> frozenset[str]:
    """The ~10,000 most frequent lowercase English words (shared with the spelling rules)."""
    return _frequent_words() or frozenset(_FUNCTION_WORDS)


# --------------------------------------------------------------------------- document analysis

class _Tok(NamedTuple):
    start: int
    end: int
    text: str


_CONNECTORS = frozenset({"of", "for", "and", "de", "the", "on", "du", "la", "del", "von", "van"})
_ADJACENT = (" ", "-")  # token separators that join two words into one name: "White House", "US-Russia"


class _CapStats(NamedTuple):
    """How one word is written capitalised mid-sentence in body text (not headings, labels or tables)."""

    count: int
    standalone: int  # occurrences not adjacent to another capitalised word
    form: str  # the first capitalised form seen ("" when count is 0)
    followers: frozenset[str]  # lowercase words continuing a capitalised name after it ("white" -> "house")


_NO_CAPS = _CapStats(0, 0, "", frozenset())


class _Analysis:
    """Per-document facts shared by the proper-noun rules.

    Only a few words per article are ever asked about, so capitalised tokens are
    indexed up front and their sentence context is judged per word, on demand.
    Holds no reference to the Document: the cache is keyed weakly on it.
    """

    def __init__(self, doc: Document):
        self.tokens = doc.tokens
        self.memo: dict = {}  # results shared between the rules
        self._prose = doc.prose
        self._unit_starts = doc.unit_starts
        self._line_starts = doc.line_starts
        self._body: list[tuple[int, int]] = []
        for block in doc.blocks:
            if block.kind not in (PARAGRAPH, LIST_ITEM):
                continue
            start = _content_start(doc, block)
            if block.kind == LIST_ITEM:
                label = _run_in_label(doc, block)  # run-in list labels do not count
                if label:
                    start = label[1]
            self._body.append((start, block.end))
        self._body_ends = [end for _, end in self._body]
        self._table_lines = {row.line for table in doc.tables for row in table.rows}
        texts, folded = self.tokens.texts, self.tokens.folded
        capitalised = set(compress(folded, map(str.isupper, map(itemgetter(0), folded))))
        self._capitalised = list(compress(range(len(texts)), map(capitalised.__contains__, texts)))  # indices
        self._capitalised_lowered = list(map(folded.__getitem__, map(texts.__getitem__, self._capitalised)))
        self.capitalised_words = set(self._capitalised_lowered)  # lowercase; a superset of those with caps()
        self._caps: dict[str, _CapStats] = {}
        self._token_counts: Counter[str] | None = None

    def occurrences(self, word: str) -> int:
        """How often the token `word` occurs as written (counted once per document, not per query:
        a query per candidate made huge files quadratic)."""
        counts = self._token_counts
        if counts is None:
            counts = self._token_counts = Counter(self.tokens.texts)
        return counts[word]

    def caps(self, word: str) -> _CapStats:
        """Mid-sentence capitalised uses of the lowercase `word`."""
        if word not in self.capitalised_words:
            return _NO_CAPS
        stats = self._caps.get(word)
        if stats is None:
            stats = self._caps[word] = self._count_caps(
                compress(self._capitalised, map(word.__eq__, self._capitalised_lowered)))
        return stats

    def _count_caps(self, indices: Iterable[int]) -> _CapStats:
        texts, gaps, starts = self.tokens.texts, self.tokens.gaps, self.tokens.starts
        n = len(texts)
        count = standalone = 0
        form = ""
        followers = set()
        for i in indices:
            start = starts[i]
            if not _is_mid_sentence(self._prose, start, self._unit_starts):
                continue  # the most common reason, so tested first
            b = bisect_left(self._body_ends, start)  # blocks are in order: the first one not ending before it
            if b == len(self._body) or not self._body[b][0] <= start < self._body[b][1]:
                continue
            line = max(0, bisect_right(self._line_starts, start) - 1)  # doc.line_index(start)
            if line in self._table_lines:
                continue
            count += 1
            form = form or texts[i]
            joined_before = i > 0 and gaps[i - 1] in _ADJACENT
            joined_after = i + 1 < n and gaps[i] in _ADJACENT
            prev_cap = joined_before and texts[i - 1][0].isupper()
            next_cap = joined_after and texts[i + 1][0].isupper()
            if not next_cap and i + 2 < n and texts[i + 1] in _CONNECTORS:
                next_cap = joined_after and gaps[i + 1] in _ADJACENT and texts[i + 2][0].isupper()
            if not prev_cap and i >= 2 and texts[i - 1] in _CONNECTORS:
                prev_cap = gaps[i - 2] in _ADJACENT and joined_before and texts[i - 2][0].isupper()
            if not next_cap and joined_after and texts[i + 1][0].isdigit():
                next_cap = True  # "Force-17", "Apollo 11"
            if not prev_cap and not next_cap:
                standalone += 1
            if next_cap:
                followers.add(texts[i + 1].lower())
        return _CapStats(count, standalone, form, frozenset(followers)) if count else _NO_CAPS


_ANALYSES: "weakref.WeakKeyDictionary[Document, _Analysis]" = weakref.WeakKeyDictionary()

_MD_BULLET = re.compile(r"[ \t]*(?:>[ \t]?)*[ \t]*(?:[-*+\u2022\u2013]|\d{1,3}[.)])[ \t]+(?=\S)")


def _content_start(doc: Document, block) -> int:
    """Where a block's prose starts; skips a list marker the parser left in place."""
    start = block.content_start
    if block.kind == LIST_ITEM and doc.is_markdown:
        m = _MD_BULLET.match(doc.text, start, block.end)
        if m:
            return m.end()
    return start


_RUN_IN_LABEL = re.compile(r"([^:.!?\n]{2,80}?):(?=\s)")


def _run_in_label(doc: Document, block) -> tuple[int, int] | None:
    """(start, end) of a run-in label such as "Open Communication" in "- Open Communication: ..."."""
    prose = doc.prose
    m = _RUN_IN_LABEL.match(prose, _content_start(doc, block), block.end)
    if not m:
        return None
    label = m.group(1)
    words = label.split()
    if not 1 <= len(words) <= 8 or MASK in label:
        return None
    return m.start(1), m.end(1)


def _is_mid_sentence(prose: str, start: int, unit_starts: frozenset[int]) -> bool:
    if start in unit_starts:
        return False
    i = start - 1
    if i >= 0 and prose[i] == "-" and i > 0 and prose[i - 1].isalpha():
        return True  # second part of a compound: "US-Russia"
    while i >= 0 and prose[i] in " \t":
        i -= 1
    if i < 0 or prose[i] in "\r\n":
        return False
    ch = prose[i]
    return ch.isalnum() or ch in ",%)]"


def _analyse(doc: Document) -> _Analysis:
    analysis = _ANALYSES.get(doc)
    if analysis is None:
        analysis = _ANALYSES[doc] = _Analysis(doc)
    return analysis


def _is_identifier_context(prose: str, start: int, end: int) -> bool:
    """Part of a handle, hashtag, file name, identifier or number-word mix."""
    before = prose[start - 1] if start > 0 else ""
    after = prose[end] if end < len(prose) else ""
    if before in "@#_/\\" or before.isdigit() or before == MASK:
        return True
    if after in "_@\\" or after.isdigit() or after == MASK:
        return True
    if after == "/" and end + 1 < len(prose) and prose[end + 1].isalpha() and before == "/":
        return True
    if before in "\"'\u201c\u2018" and after in "\"'\u201d\u2019":
        return True  # a quoted word: the "goner" virus
    if after == "." and end + 1 < len(prose) and prose[end + 1].isalnum():
        return True
    if before == "." and start > 1 and prose[start - 2].isalnum():
        return True
    return False


# --------------------------------------------------------------------------- NL101

@dataclass(frozen=True)
class _ProperHit:
    start: int  # first wrongly cased token
    end: int  # end of the last wrongly cased token
    replacement: str
    wrong: str
    correct: str
    safe: bool
    reason: str


def _match_term(toks: Tokens, i: int, term: _Term) -> bool:
    n = len(term.form)
    if i + n > len(toks.texts):
        return False
    texts, gaps = toks.texts, toks.gaps
    for k in range(n):
        if texts[i + k].lower() != term.form[k].lower():
            return False
        if k and _norm_sep(gaps[i + k - 1]) != term.seps[k - 1]:
            return False
    return True


def _is_strict(word: str) -> bool:
    return word in _STRICT_AMBIGUOUS or len(word) <= 3 or word in _FUNCTION_WORDS


def _local_context(doc: Document, analysis: _Analysis, i: int) -> bool:
    """Strong local evidence that the lowercase token at i is a name."""
    toks = analysis.tokens
    texts, gaps = toks.texts, toks.gaps
    prose = doc.prose
    word = texts[i]
    end = toks.starts[i] + len(word)
    prev = i - 1 if i > 0 and gaps[i - 1] in _ADJACENT else None
    nxt = i + 1 if i + 1 < len(texts) and gaps[i] in _ADJACENT else None
    if word in _MONTHS:
        after = prose[end:end + 2]
        if after[:1] == " " and after[1:2].isdigit():
            return True  # "may 5", "march 2024"
        if prev is None:
            return False
        before = texts[prev].lower()
        if before in _MONTH_BEFORE and prose[end:end + 1] in ("", ".", ",", ";", ")"):
            return True  # "in may.", "since march,"
        if (before in _MONTH_PREPOSITIONS and gaps[prev] == " " and nxt is not None and gaps[i] == " "
                and texts[nxt].lower() in _CLAUSE_OPENERS):
            return True  # "In march the club ...", "since march it has ..."
        if (_DAY.fullmatch(texts[prev]) and gaps[prev] == " " and prev > 0 and gaps[prev - 1] == " "
                and texts[prev - 1].lower() in _DAY_BEFORE):
            return True  # "on 3 march", "from 1st august"
        return False
    if word in _FUNCTION_WORDS:
        return False
    if word in _DEMONYM_IDIOMS and nxt is not None and gaps[i] == " ":
        follower = texts[nxt].lower()
        if (texts[nxt].isalpha() and len(follower) > 2 and follower not in _FUNCTION_WORDS
                and follower not in _DEMONYM_IDIOMS[word]
                and (prev is None or texts[prev].lower() not in ("go", "goes", "going", "went", "gone", "double"))):
            return True  # "the dutch company", "modern french history"; not "french fries", "go dutch"
    if prev is not None and texts[prev].lower() in _TITLES_BEFORE_NAMES and texts[prev][0].isupper() \
            and gaps[prev] == " ":
        return True  # "President bush"
    if prev is not None and gaps[prev] == "-" and len(texts[prev]) > 1 and texts[prev].isupper():
        return True  # "US-china"
    if nxt is not None and texts[nxt][:1].isupper() and texts[nxt].lower() in analysis.caps(word).followers:
        return True  # "white House" where "White House" appears elsewhere
    return False


def _proper_noun_hits(doc: Document, ctx: RuleContext) -> list[_ProperHit]:
    """Every lowercase proper noun in the document (shared by NL101 and NL103).

    Most tokens cannot be one: only tokens that start a vocabulary term, are a
    vocabulary word, or are written capitalised elsewhere are examined.
    """
    analysis = _analyse(doc)
    key = ("hits", ctx.vocabulary)
    cached = analysis.memo.get(key)
    if cached is not None:
        return cached
    toks = analysis.tokens
    texts = toks.texts
    n = len(texts)
    prose = doc.prose
    vocabs = [_shipped_vocabulary()]
    allow_lower: set[str] = set()
    if ctx.vocabulary:
        vocabs.insert(0, _user_vocabulary(frozenset(ctx.vocabulary)))
        allow_lower = {t for t in ctx.vocabulary if not any(c.isupper() for c in t)}
    common = _common_words()
    distinct, folded = toks.distinct, toks.folded
    people_last_words = set().union(*(v.people_last_words & distinct for v in vocabs))
    first_words = set().union(*(toks.matching(v.multi_first_words) for v in vocabs))  # as written
    # Lowercase words that may be flagged alone: miscased vocabulary words, possible surnames of
    # people named in full, words written capitalised mid-sentence elsewhere.
    flaggable = set()
    for word in set().union(*(v.single_words & distinct for v in vocabs), people_last_words,
                            analysis.capitalised_words & distinct):
        if not word.islower() or not word.isalpha() or word in allow_lower:
            continue
        single = _single_term(vocabs, word)
        if single is not None:
            if single.form[0] != word:
                flaggable.add(word)
        elif (len(word) >= 3 and word not in _FUNCTION_WORDS and word not in _INSTITUTION_WORDS
              and (word in people_last_words or analysis.caps(word).count)):
            flaggable.add(word)
    interesting = list(compress(range(n), map((first_words | flaggable).__contains__, texts)))

    # Pass 1: multi-word terms (longest match), and surnames of people named in full.
    multi: dict[int, _Term] = {}
    surnames: dict[str, str] = {}
    matched_until = 0
    for i in interesting:
        if i < matched_until or i + 1 == n or texts[i] not in first_words:
            continue
        pair = (folded.get(texts[i], texts[i]), folded.get(texts[i + 1], texts[i + 1]))  # lowercase
        matched = None
        for vocab in vocabs:
            for term in vocab.multi_by_pair.get(pair, ()):
                if _match_term(toks, i, term):
                    matched = term
                    break
            if matched:
                break
        if matched is None:
            continue
        multi[i] = matched
        matched_until = i + len(matched.form)
        if any(matched in v.people for v in vocabs) and tuple(texts[i:matched_until]) == matched.form:
            surnames[matched.form[-1].lower()] = matched.form[-1]

    # Pass 2: lowercase words the vocabulary or the document's own capitals can flag.
    starts = toks.starts
    hits: list[_ProperHit] = []
    covered = 0
    for i in interesting:
        if i < covered:
            continue
        term = multi.get(i)
        if term is not None:
            covered = i + len(term.form)
            hit = _multi_hit(doc, analysis, range(i, covered), term)
            if hit:
                hits.append(hit)
            continue
        word = texts[i]
        if word not in flaggable:
            continue
        start = starts[i]
        end = start + len(word)
        if _is_identifier_context(prose, start, end):
            continue
        if word in _NAME_PARTICLES and _before_surname(texts, toks.gaps, i):
            continue  # "Anthony van Dyck" (even where "Van Dyck" stands alone elsewhere)
        single = _single_term(vocabs, word)
        if single is not None:
            form = single.form[0]
            if not single.ambiguous:
                hits.append(_ProperHit(start, end, form, word, form, True, "vocabulary"))
            elif _ambiguous_supported(doc, analysis, i, word):
                hits.append(_ProperHit(start, end, form, word, form, False, "context"))
            continue
        # The surname of a person named in full elsewhere: "Jerome Powell ... powell said".
        if word in surnames and word not in _STRICT_AMBIGUOUS:
            form = surnames[word]
            hits.append(_ProperHit(start, end, form, word, form, False, "consistency"))
            continue
        # Document consistency: written capitalised mid-sentence elsewhere.
        caps = analysis.caps(word)
        if not caps.count:
            continue
        form = caps.form
        if form[1:] != word[1:]:
            continue  # "McDonald" vs "mcdonald": leave to the vocabulary
        lowers = analysis.occurrences(word)
        if word in common:
            # Ordinary words are capitalised inside names ("Defence Minister",
            # "World War"): demand repeated stand-alone capitals and a single slip.
            supported = caps.standalone >= 3 and lowers == 1 and word not in _STRICT_AMBIGUOUS
        else:
            supported = caps.standalone >= 1 and caps.count >= lowers
        if supported or (_local_context(doc, analysis, i) and word not in common):
            hits.append(_ProperHit(start, end, form, word, form, False, "consistency"))
    analysis.memo[key] = hits
    return hits


def _single_term(vocabs: list[_Vocabulary], word: str) -> _Term | None:
    """The single-word term for a lowercase word, from the first vocabulary that has one."""
    for vocab in vocabs:
        term = vocab.single.get(word)
        if term is not None:
            return term
    return None


def _ambiguous_supported(doc: Document, analysis: _Analysis, i: int, word: str) -> bool:
    if _local_context(doc, analysis, i):
        return True
    if _is_strict(word):
        return False
    return analysis.caps(word).count >= 1


def _multi_hit(doc: Document, analysis: _Analysis, span: range, term: _Term) -> _ProperHit | None:
    toks = analysis.tokens
    texts = toks.texts[span.start:span.stop]
    wrong = [k for k, (text, form) in enumerate(zip(texts, term.form))
             if text != form and text.islower() and any(c.isupper() for c in form)]
    if not wrong:
        return None  # almost every match: the term written correctly
    prose = doc.prose
    vocab = _shipped_vocabulary()
    starts = toks.starts[span.start:span.stop]
    right = [k for k, (text, form) in enumerate(zip(texts, term.form))
             if text == form and any(c.isupper() for c in form)]
    if starts[0] in doc.unit_starts:
        right = [k for k in right if k != 0]
    # "central Europe", "Palestinian territories": generic words next to a name
    # that style guides keep lowercase.
    named = any(k in right or term.form[k].lower() in vocab.single for k in range(len(span)))
    # A leading direction of an unambiguous name is part of it ("north Carolina",
    # "south Korea"); "eastern Europe" style terms are marked ambiguous.
    wrong = [k for k in wrong if not (texts[k] in _GENERIC_NAME_PARTS and named
                                      and (k > 0 or term.ambiguous))]
    if not wrong:
        return None
    if any(_is_identifier_context(prose, starts[k], starts[k] + len(texts[k])) for k in wrong):
        return None
    if term.ambiguous:
        # Evidence: a part that is not a name by itself is capitalised ("white
        # House"), or the whole phrase is capitalised mid-sentence elsewhere.
        own = [k for k in right if term.form[k].lower() not in vocab.single]
        lowered = [text.lower() for text in texts]
        elsewhere = all(b in analysis.caps(a).followers for a, b in zip(lowered, lowered[1:]))
        if not own and not elsewhere:
            return None
    a, b = wrong[0], wrong[-1]
    start, end = starts[a], starts[b] + len(texts[b])
    replacement = list(doc.text[start:end])
    for k in wrong:
        off = starts[k] - start
        replacement[off:off + len(term.form[k])] = list(term.form[k])
    wrong_text = doc.text[start:end]
    correct_text = "".join(replacement)
    return _ProperHit(start, end, correct_text, wrong_text, correct_text, not term.ambiguous,
                      "vocabulary" if not term.ambiguous else "context")


class LowercaseProperNoun(Rule):
    """Report proper nouns written in lowercase.

    What it does:
        Flags names of countries, places, people, organisations and companies
        written in lowercase ("ukraine", "vladimir Putin", "US-russia",
        "ukraine's"). Three signals are combined: the shipped vocabulary
        (`rules/vocabulary/*.yaml`), the article itself (a word written
        capitalised mid-sentence elsewhere in the same article, which
        catches names no list holds) and your accepted `vocabulary`.
        Words that are also ordinary English words ("turkey", "china",
        "may", "bill") are flagged only when the article or the local
        context shows they are names ("Turkey" capitalised elsewhere,
        "theresa May", "President bush"): a month in a date ("in march
        the", "on 3 march", "march 2024"), a nationality adjective before
        a noun outside its set phrases ("the dutch company", but not
        "french fries" or "go dutch"). Name particles before a surname
        ("Anthony van Dyck", "von der Leyen", "bin Salman") are never
        capitalised, even where "Van Dyck" stands alone elsewhere.

    Why is this bad?
        A lowercase name is an unmistakable sign of careless copy and can
        change meaning (turkey/Turkey, polish/Polish).

    Fix safety:
        Capitalising an unambiguous vocabulary term is safe. The fix is
        unsafe when the evidence is the article's own usage or local
        context, or when the lowercase form is also an ordinary word.
    """

    code = "NL101"
    name = "lowercase-proper-noun"
    severity = Severity.ERROR
    category = "proper-noun-case"
    fix_applicability = "sometimes"
    bad_examples = (
        Example("The conflict in ukraine has lasted for years.", "The conflict in Ukraine has lasted for years."),
        Example("Talks between the United States and russia stalled.",
                "Talks between the United States and Russia stalled."),
        Example("In recent statements, vladimir Putin spoke about ukraine\u2019s future.",
                "In recent statements, Vladimir Putin spoke about Ukraine\u2019s future."),
        Example("The role of US-russia relations is pivotal.", "The role of US-Russia relations is pivotal."),
        Example("Officials in Turkey said exports rose. Trade with turkey is growing.",
                "Officials in Turkey said exports rose. Trade with Turkey is growing."),
        Example("In march the dutch company hired a dutchman from trondheim.",
                "In March the Dutch company hired a Dutchman from Trondheim."),
    )
    good_examples = (
        Example("Families roasted a turkey and set out the best china for the holiday."),
        Example("He ate french fries before the march; the dutch oven was still warm."),
        Example("The museum bought a portrait by Anthony van Dyck, its first Van Dyck; SK hynix paid."),
        Example("Officials may meet in Moscow. It may rain."),
        Example("The U.S. Treasury and the Pentagon briefed reporters."),
        Example("Read more at https://example.com/ukraine or in `russia_report.csv`."),
        Example("He posted with the hashtag #ukraine and tagged @putin_news."),
        Example("Apple unveiled a new iPhone while eBay reported results."),
    )

    def check(self, doc: Document, ctx: RuleContext) -> Iterable[Finding]:
        for hit in _proper_noun_hits(doc, ctx):
            title = f"Capitalise as '{hit.correct}'"
            yield self.finding(hit.start, hit.end,
                               f"Proper noun '{hit.wrong}' should be capitalised as '{hit.correct}'",
                               self.fix(hit.start, hit.end, hit.replacement, title, safe=hit.safe),
                               evidence=hit.reason)


# --------------------------------------------------------------------------- NL102

_LIST_CONTINUES = re.compile(r"(?:[;,]|\b(?:and|or|and/or))\s*$")
_SENTENCE_BREAK = re.compile(r"[.!?]\s+[A-Z]")


def _first_word(prose: str, start: int, end: int) -> _Tok | None:
    m = _TOKEN.match(prose, start, end)
    if not m:
        return None
    return _Tok(m.start(), m.end(), m.group())


def _word_with_joiners(prose: str, tok: _Tok, end: int) -> str:
    """The token plus attached hyphen/apostrophe parts ("trust-Building", "iPhone's")."""
    j = tok.end
    while j < end and (prose[j].isalnum() or (prose[j] in "-'\u2019" and j + 1 < end and prose[j + 1].isalnum())):
        j += 1
    return prose[tok.start:j]


_ABBREV_BEFORE = re.compile(r"\b([A-Za-z]{1,6})\.\s+$")
_ABBREVIATIONS = frozenset("""
    esp incl approx viz cf vs etc ca resp ie eg al fig figs vol vols ed eds rev ch sec dept est min max avg
    approx nr tel ext pt pts
""".split())


class _StartChecker:
    """Decides whether a lowercase unit start is a defect, and how to fix it."""

    def __init__(self, doc: Document, ctx: RuleContext):
        self.doc = doc
        self.prose = doc.prose
        self.vocab = _shipped_vocabulary()
        self.allow = {t for t in ctx.vocabulary if t[:1].islower()}

    def check(self, start: int, end: int) -> tuple[_Tok, bool] | None:
        """(first token, fix is safe) when the unit at `start` starts in lowercase."""
        prose = self.prose
        if start >= end or not prose[start].isalpha() or not prose[start].islower():
            return None
        tok = _first_word(prose, start, end)
        if tok is None:
            return None
        word = tok.text
        full = _word_with_joiners(prose, tok, end)
        # Stylised names and deliberate lowercase brands: iPhone, eBay, mRNA.
        if any(c.isupper() for c in word[1:]):
            return None
        if self._stylised(tok, end):
            return None
        if full in self.allow or word in self.allow:
            return None
        if any(c.isdigit() for c in word):
            return None  # "v2", "python3"
        after = prose[tok.end:tok.end + 1]
        if after == "." and (len(word) <= 4 or prose[tok.end + 1:tok.end + 2].isalnum()):
            return None  # "e.g.", "i.e.", "cf.", "vs.", "package.json"
        before = _ABBREV_BEFORE.search(prose, max(0, start - 12), start)
        if before and before.group(1).lower() in _ABBREVIATIONS:
            return None  # "(esp. for OSX users)": the period ended an abbreviation
        if after and (after.isdigit() or after == "_" or after == MASK):
            return None
        if len(word) == 1 and word not in ("a", "i"):
            return None  # a variable or list letter: "x = 3", "b) ..."
        safe = word not in self.vocab.stylised_first
        return tok, safe

    def _stylised(self, tok: _Tok, end: int) -> bool:
        tokens = tuple(m.group() for m in _TOKEN.finditer(self.prose, tok.start, min(end, tok.start + 80)))
        return any(tokens[:len(term.form)] == term.form for term in self.vocab.stylised.get(tok.text.lower(), ()))


def _ends_open(text: str) -> bool:
    """A block whose text does not end a sentence (a hard-wrapped continuation)."""
    text = text.rstrip()
    return bool(text) and text[-1] not in ".!?:;\"\u201d\u2019')\u2026|" and not text.endswith("*")


class LowercaseSentenceStart(Rule):
    """Report sentences, headings, list items and table cells that start in lowercase.

    What it does:
        Flags a lowercase first letter at the start of a sentence ("the
        interplay ..." after "progress. "), a paragraph, a heading, a list
        item (also behind emphasis: "- **better data:** ..."), or a table
        cell whose column is otherwise capitalised.

    Why is this bad?
        A lowercase start looks like a fragment or a generation glitch.

        Not flagged: stylised names (iPhone, eBay, de Gaulle), lowercase
        brands you accepted in `vocabulary`, abbreviations (e.g., U.S.,
        Dr., initials), bullets that continue a lead-in sentence ("The
        plan would:" followed by lowercase bullets, or bullets ending with
        ";" or ", and"), text after a colon, code and URLs.

    Fix safety:
        Uppercasing the first letter is safe; it is unsafe when the first
        word is a name particle ("de", "van", "al") that some names keep
        lowercase.
    """

    code = "NL102"
    name = "lowercase-sentence-start"
    severity = Severity.ERROR
    category = "sentence-case"
    fix_applicability = "sometimes"
    bad_examples = (
        Example("as the landscape continues to evolve, the remarks matter.",
                "As the landscape continues to evolve, the remarks matter."),
        Example("Talks made progress. the interplay of interests will matter.",
                "Talks made progress. The interplay of interests will matter."),
        Example("Key steps include:\n- fostering Open Communication: talking.\n- Inclusive Participation: all.\n",
                "Key steps include:\n- Fostering Open Communication: talking.\n- Inclusive Participation: all.\n"),
        Example("Step | Description |\n---|---|\nregular Diplomatic Meetings | Talks |\n"
                "Confidence-Building Agreements | Treaties |\nJoint Committees | Panels |\n",
                "Step | Description |\n---|---|\nRegular Diplomatic Meetings | Talks |\n"
                "Confidence-Building Agreements | Treaties |\nJoint Committees | Panels |\n"),
        Example("# the future of talks\n\nTalks resumed on Monday.\n", "# The future of talks\n\nTalks resumed on Monday.\n",
                markdown=True),
        Example("Proposals include:\n\n- **Active Removal:** missions.\n- **better Data Sharing:** one catalog.\n",
                "Proposals include:\n\n- **Active Removal:** missions.\n- **Better Data Sharing:** one catalog.\n",
                markdown=True),
    )
    good_examples = (
        Example("iPhone sales rose 9% in the quarter. eBay reported results."),
        Example("de Gaulle returned to power in 1958, historians say."),
        Example("The plan would:\n- cut taxes\n- raise wages\n- extend childcare\n"),
        Example("Officials in the U.S. said so. Measures, e.g. the levy, start soon. J. K. Rowling agreed."),
        Example("- Historical Precedents: past negotiations show that respect matters.\n"
                "- Reducing Pressures: de-escalation helps.\n"),
        Example("He called it \"a mess,\" then left the room."),
        Example("Run `git status` first. `ls` lists files. See https://example.com."),
        Example("The plan would:\n\n- **cut** taxes\n- **raise** wages\n", markdown=True),
    )

    def check(self, doc: Document, ctx: RuleContext) -> Iterable[Finding]:
        checker = _StartChecker(doc, ctx)
        reported: set[int] = set()
        list_skip = _continuing_list_items(doc)
        blocks = doc.blocks
        prev_block = {}
        for k, block in enumerate(blocks):
            prev_block[block.start] = blocks[k - 1] if k else None

        prose = doc.prose

        def emit(start: int, end: int, what: str) -> Iterator[Finding]:
            start = _skip_emphasis(prose, start, end)  # "- **better data:** ..."
            res = checker.check(start, end)
            if res is None or start in reported:
                return
            tok, safe = res
            reported.add(start)
            full = _word_with_joiners(doc.prose, tok, end)
            fixed = tok.text[0].upper() + tok.text[1:]
            yield self.finding(tok.start, tok.end, f"{what} starts with lowercase '{full}'",
                               self.fix(tok.start, tok.start + 1, fixed[0], "Capitalise the first letter", safe=safe))

        for block in blocks:
            prev = prev_block.get(block.start)
            continuation = (prev is not None and prev.kind == PARAGRAPH and prev.end_line == block.line
                            and _ends_open(doc.text[prev.start:prev.end]))
            if block.kind == HEADING:
                if not continuation:
                    yield from emit(block.content_start, block.end, "Heading")
            elif block.kind == PARAGRAPH:
                if continuation:
                    reported.add(_skip_emphasis(prose, block.content_start, block.end))
            elif block.kind == LIST_ITEM:
                start = _content_start(doc, block)
                if block.start in list_skip:
                    reported.add(_skip_emphasis(prose, start, block.end))
                else:
                    yield from emit(start, block.end, "List item")
        for sentence in doc.sentences:
            first = prose[sentence.start:sentence.start + 1]
            if first in _EMPHASIS:
                first = prose[_skip_emphasis(prose, sentence.start, sentence.end)]
            if not first.islower() or not first.isalpha():
                continue  # almost every sentence: `checker.check` would find nothing
            what = "Paragraph" if sentence.start == sentence.block.content_start else "Sentence"
            yield from emit(sentence.start, sentence.end, what)
        for table in doc.tables:
            yield from self._check_table(doc, table, checker, reported)

    def _check_table(self, doc, table, checker, reported) -> Iterator[Finding]:
        rows = [r for r in table.rows if not r.is_delimiter]
        width = max((len(r.cells) for r in rows), default=0)
        for col in range(width):
            cells = [r.cells[col] for r in rows if col < len(r.cells) and r.cells[col].text]
            lower = [c for c in cells if checker.check(c.start, c.end) is not None]
            upper = [c for c in cells if c.text[:1].isupper()]
            if not lower or len(upper) < 2 or len(upper) < 2 * len(lower):
                continue
            for cell in lower:
                if cell.start in reported:
                    continue
                tok, safe = checker.check(cell.start, cell.end)
                reported.add(cell.start)
                full = _word_with_joiners(doc.prose, tok, cell.end)
                yield self.finding(tok.start, tok.end,
                                   f"Table cell starts with lowercase '{full}' while the rest of its column is capitalised",
                                   self.fix(tok.start, tok.start + 1, tok.text[0].upper(),
                                            "Capitalise the first letter", safe=safe))


_EMPHASIS = "*_"


def _skip_emphasis(prose: str, start: int, end: int) -> int:
    """Past the emphasis markers that open a unit ("**better data**"), when a letter follows them."""
    i = start
    while i < end and prose[i] in _EMPHASIS:
        i += 1
    return i if i > start and i < end and prose[i].isalpha() else start


def _continuing_list_items(doc: Document) -> set[int]:
    """Starts of list items that continue a lead-in sentence and may start lowercase."""
    skip: set[int] = set()
    blocks = doc.blocks
    runs: list[tuple[object, list]] = []
    k = 0
    while k < len(blocks):
        if blocks[k].kind != LIST_ITEM:
            k += 1
            continue
        lead = blocks[k - 1] if k else None
        indent = _content_start(doc, blocks[k]) - doc.line_starts[blocks[k].line]
        run = [blocks[k]]
        k += 1
        nested = []
        while k < len(blocks) and blocks[k].kind == LIST_ITEM:
            ind = _content_start(doc, blocks[k]) - doc.line_starts[blocks[k].line]
            if ind == indent:
                run.append(blocks[k])
            else:
                nested.append(blocks[k])
            k += 1
        runs.append((lead, run))
        if nested:
            runs.append((run[0], nested))
    prose = doc.prose
    for lead, run in runs:
        texts = [prose[_content_start(doc, b):b.end].strip().lstrip(_EMPHASIS) for b in run]
        starts_lower = [t[:1].islower() for t in texts]
        lead_text = prose[lead.start:lead.end].rstrip() if lead is not None else ""
        lead_colon = lead_text.endswith((":", "\u2014", "\u2013"))
        all_lower = all(starts_lower)
        short = all(len(t.split()) <= 12 and not _SENTENCE_BREAK.search(t) for t in texts)
        for idx, (block, text) in enumerate(zip(run, texts)):
            joined = _LIST_CONTINUES.search(text) or (idx and _LIST_CONTINUES.search(texts[idx - 1]))
            if joined or (all_lower and (lead_colon or short)):
                skip.add(block.start)
    return skip


# --------------------------------------------------------------------------- NL103

@dataclass
class _HeadingWord:
    start: int
    end: int
    text: str  # the whole word as written, punctuation stripped
    first: bool  # first word of the heading or of a segment after ":"


_HEADING_WORD = re.compile(r"[^\s]+")
_STRIP = "\"'\u201c\u201d\u2018\u2019()[]{}*_,;!?.\u2026"


def _heading_words(prose: str, start: int, end: int) -> list[_HeadingWord]:
    words = []
    first = True
    for m in _HEADING_WORD.finditer(prose, start, end):
        raw = m.group()
        a, b = m.start(), m.end()
        while a < b and prose[a] in _STRIP:
            a += 1
        trail_colon = raw.rstrip(_STRIP).endswith(":")
        while b > a and (prose[b - 1] in _STRIP or prose[b - 1] == ":"):
            b -= 1
        text = prose[a:b]
        if text and text not in ("-", "\u2013", "\u2014", "|"):
            words.append(_HeadingWord(a, b, text, first))
            first = False
        elif text in ("-", "\u2013", "\u2014", "|"):
            first = True
        if trail_colon:
            first = True
    return words


_TITLE_RATIO = 0.5  # capitalised ordinary words >= half the lowercase ones: a title-case heading


class InconsistentHeadingCase(Rule):
    """Report title-case headings with lowercase content words.

    What it does:
        Flags a heading written in title case (its content words
        capitalised) in which one or more content words are lowercase:
        "Putin's Stance on Inclusion of ukraine in Peace Talks", "Examining
        the Role of US-russia Relations in Negotiating peace". Run-in list
        labels ("- Joint peace Efforts: ...") are checked the same way.
        Minor words (a, an, the, and, of, in, on, to, ...) may stay
        lowercase, and sentence-case headings ("The future of Ukraine's
        peace talks") are fine. A heading that starts in lowercase is left
        to `lowercase-sentence-start`.

    Why is this bad?
        A heading that mixes styles looks unedited; the odd lowercase word
        is usually a generation glitch or a lowercase proper noun.

    Fix safety:
        Capitalising the lowercase content words is unsafe: the heading may
        have been meant as sentence case with stray capitals.
    """

    code = "NL103"
    name = "inconsistent-heading-case"
    severity = Severity.WARNING
    category = "heading-case"
    fix_applicability = "unsafe"
    bad_examples = (
        Example("Putin\u2019s Stance on Inclusion of ukraine in Peace Talks\nThe talks resumed on Monday.\n",
                "Putin\u2019s Stance on Inclusion of Ukraine in Peace Talks\nThe talks resumed on Monday.\n"),
        Example("Examining the Role of US-russia Relations in Negotiating peace\nThe talks resumed on Monday.\n",
                "Examining the Role of US-Russia Relations in Negotiating Peace\nThe talks resumed on Monday.\n"),
        Example("Key efforts:\n- Joint peace Efforts: collaborative initiatives can help.\n",
                "Key efforts:\n- Joint Peace Efforts: collaborative initiatives can help.\n"),
        Example("## What the Decision means for Patients\n\nThe agency approved the drug.\n",
                "## What the Decision Means for Patients\n\nThe agency approved the drug.\n", markdown=True),
    )
    good_examples = (
        Example("The future of Ukraine\u2019s peace talks\nThe talks resumed on Monday in Geneva.\n"),
        Example("Impact of International Diplomacy on the Ukraine Conflict Resolution\nThe talks resumed.\n"),
        Example("## Markets react to Fed decision\n\nThe Fed raised rates, and the Fed chair spoke.\n",
                markdown=True),
        Example("- Long-term Stability: engagement may help.\n- Historical Precedents: past talks show it.\n"),
        Example("trust-Building Measures: Essential Steps toward Stabilizing Tensions\nThe talks resumed.\n"),
        Example("## A Portrait by Anthony van Dyck Returns to View\n\nThe museum said so.\n", markdown=True),
    )

    def check(self, doc: Document, ctx: RuleContext) -> Iterable[Finding]:
        analysis = _analyse(doc)
        proper_spans = [(h.start, h.end) for h in _proper_noun_hits(doc, ctx)]
        vocab = _shipped_vocabulary()
        user = _user_vocabulary(frozenset(ctx.vocabulary)) if ctx.vocabulary else None
        for block in doc.headings:
            result = self._check_span(doc, analysis, vocab, user, proper_spans, block.content_start, block.end)
            if result:
                yield self._report(doc, block.content_start, block.end, result, "Heading")
        for block in doc.blocks:
            if block.kind != LIST_ITEM:
                continue
            label = _run_in_label(doc, block)
            if not label or len(doc.prose[label[0]:label[1]].split()) < 2:
                continue
            result = self._check_span(doc, analysis, vocab, user, proper_spans, label[0], label[1])
            if result:
                yield self._report(doc, label[0], label[1], result, "List label")

    def _report(self, doc: Document, start: int, end: int, offenders: list[tuple[int, int, str]], what: str):
        names = ", ".join(f"'{doc.text[a:b]}'" for a, b, _ in offenders)
        text = list(doc.text[start:end])
        for a, b, fixed in offenders:
            text[a - start:b - start] = list(fixed)
        plural = "words" if len(offenders) > 1 else "word"
        return self.finding(start, end, f"{what} in title case has lowercase {plural} {names}",
                            self.fix(start, end, "".join(text), "Capitalise the lowercase words", safe=False))

    def _check_span(self, doc, analysis, vocab, user, proper_spans, start, end):
        prose = doc.prose
        words = _heading_words(prose, start, end)
        if len(words) < 3 or not words[0].text[:1].isalpha():
            return None
        if words[0].text[:1].islower():
            return None  # NL102 reports a heading that starts lowercase.
        capitalised: list[str] = []
        lower_common: list[tuple[int, int, str]] = []
        lower_proper: list[tuple[int, int, str]] = []
        for k, w in enumerate(words):
            parts = [m for m in _TOKEN.finditer(prose, w.start, w.end)]
            if not parts:
                continue
            head = parts[0]
            # Extra parts of a compound that are lowercase proper nouns: "US-russia".
            for p in parts[1:]:
                if p.group().islower() and _overlaps(proper_spans, p.start(), p.end()):
                    lower_proper.append((p.start(), p.end(), _proper_form(doc, p.start(), p.end(), proper_spans)))
            word = head.group()
            low = word.lower()
            if w.first:
                continue
            if any(c.isdigit() for c in w.text) or "." in w.text.strip(".") or "/" in w.text:
                continue  # versions, file names, paths: "v2.0", "package.json"
            if low in _MINOR_WORDS or (len(parts) > 1 and _sep_is_apostrophe(prose, head.end())
                                        and low in _FUNCTION_WORDS):
                continue
            if word in _NAME_PARTICLES and _particle_before_name(words, k):
                continue  # "Anthony van Dyck", "Ursula von der Leyen"
            if word.islower():
                if _overlaps(proper_spans, head.start(), head.end()):
                    lower_proper.append((head.start(), head.end(),
                                         _proper_form(doc, head.start(), head.end(), proper_spans)))
                elif low in _FUNCTION_WORDS and low not in ("is", "are", "was", "be", "can", "will", "may",
                                                            "should", "would", "could", "must", "do",
                                                            "does", "has", "have", "had", "not", "no",
                                                            "what", "why", "how", "when", "where", "who"):
                    continue
                else:
                    lower_common.append((head.start(), head.end(), word[0].upper() + word[1:]))
            elif word[0].isupper():
                capitalised.append(word)
        offenders = sorted(set(lower_common + lower_proper))
        if not offenders:
            return None  # most headings: no need to tell names from title-cased words
        cap_proper = sum(self._is_proper(word, analysis, vocab, user) for word in capitalised)
        cap_common = len(capitalised) - cap_proper
        if cap_common >= 1 and cap_common >= len(lower_common) * _TITLE_RATIO:
            return offenders
        if not lower_common and lower_proper and cap_common + cap_proper >= 1:
            return offenders
        return None

    @staticmethod
    def _is_proper(word: str, analysis: _Analysis, vocab: _Vocabulary, user) -> bool:
        if len(word) > 1 and (word.isupper() or any(c.isupper() for c in word[1:])):
            return True  # acronyms and camel-case names: US, NATO, McDonald
        low = word.lower()
        for v in (vocab, user):
            if v is None:
                continue
            term = v.single.get(low)
            if term is not None and not term.ambiguous:
                return True
            if low in v.multi:
                return True
        return analysis.caps(low).count > 0


def _particle_before_name(words: list[_HeadingWord], k: int) -> bool:
    """Heading word k is a name particle (or starts a run of them) before a capitalised name."""
    j = k
    while j < len(words) and words[j].text in _NAME_PARTICLES:
        j += 1
    return j > k and j < len(words) and words[j].text[:1].isupper() and not words[j].first


def _sep_is_apostrophe(prose: str, offset: int) -> bool:
    return offset < len(prose) and prose[offset] in _APOSTROPHES


def _overlaps(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(a < end and start < b for a, b in spans)


def _proper_form(doc: Document, start: int, end: int, spans) -> str:
    word = doc.text[start:end]
    return word[0].upper() + word[1:]


RULES: list = [LowercaseProperNoun, LowercaseSentenceStart, InconsistentHeadingCase]
