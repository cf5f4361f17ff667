"""Spelling and article rules: known typos, unknown words, a/an by sound.

Data files (read at run time from installed packages, never copied into this
repository):

* ``codespell_lib/data/dictionary.txt`` from the installed ``codespell`` package:
  codespell is GPL-2.0 code, but this dictionary of common misspellings is
  derived from Wikipedia's "Lists of common misspellings" and licensed
  CC BY-SA 3.0.  We only read the file the user installed; no copy or derived
  table of it is shipped with newslint.
* ``symspellpy/frequency_dictionary_en_82_765.txt`` from the installed
  ``symspellpy`` package (MIT): 82,765 English words with corpus counts.  We
  read the file ourselves and never build a SymSpell object (too slow to start).

Both files are loaded lazily, once per process, on the first lint that needs
them (importing this module costs nothing); the files are located with
``importlib.util.find_spec`` so the packages themselves are not imported.
If either package is missing, the rules that need it report nothing.
"""

from __future__ import annotations

from bisect import bisect_right
import functools
import importlib.util
from itertools import compress, islice
import os
from pathlib import Path
import re
from typing import Iterable, Iterator, NamedTuple

from ..diagnostic import Finding, Severity
from ..document import HEADING, WORD, Document, Tokens
from ..checks.base import match_case
from ..rule import Example, Rule, RuleContext

# --- data loading -------------------------------------------------------------------


def _package_data_path(package: str, *parts: str) -> Path | None:
    """Where an installed package keeps a data file, without importing the package."""
    try:
        spec = importlib.util.find_spec(package)
    except (ImportError, ValueError):
        return None
    for location in (spec.submodule_search_locations or ()) if spec else ():
        path = os.path.join(location, *parts)
        if os.path.isfile(path):
            return Path(path)
    return None


def _read_package_data(package: str, *parts: str) -> str | None:
    """Text of a data file shipped inside an installed package, or None if unavailable."""
    path = _package_data_path(package, *parts)
    if path is not None:
        return path.read_text(encoding="utf-8")
    try:  # zipped or otherwise unusual installs
        from importlib import resources

        return resources.files(package).joinpath(*parts).read_text(encoding="utf-8")
    except Exception:  # noqa: BLE001 - any failure means "no data"
        return None


@functools.lru_cache(maxsize=None)
def _frequencies() -> dict[str, str]:
    """symspellpy's word -> count (count kept as its digit string; int() on use)."""
    text = _read_package_data("symspellpy", "frequency_dictionary_en_82_765.txt")
    if not text:
        return {}
    items = text.split()
    return dict(zip(items[::2], items[1::2]))


@functools.lru_cache(maxsize=None)
def _frequent_words() -> frozenset[str]:
    """The 10,000 most frequent words (the list is in frequency order).

    Small enough to stay in the CPU cache: testing a document's words against it first
    spares most lookups in the full list, each of which costs a cache miss.
    """
    return frozenset(islice(_frequencies(), 10000))


def _count(word: str) -> int:
    value = _frequencies().get(word)
    return int(value) if value else 0


@functools.lru_cache(maxsize=None)
def _typo_table() -> dict[str, str]:
    """codespell typo -> raw correction text, exactly as in the file (parsed on use)."""
    from ..datacache import cached

    source = _package_data_path("codespell_lib", "data", "dictionary.txt")
    return cached("typos", [source] if source else [], _build_typo_table)


def _build_typo_table() -> dict[str, str]:
    text = _read_package_data("codespell_lib", "data", "dictionary.txt")
    if not text:
        return {}
    return dict(line.split("->", 1) for line in text.splitlines() if "->" in line)


def _parse_fixes(value: str) -> tuple[str, ...]:
    """``fix`` / ``fix1, fix2,`` (a trailing comma marks a list) / ``fix, reason`` (no trailing comma)."""
    if "," not in value:
        return (value.strip(),) if value.strip() else ()
    if value.rstrip().endswith(","):
        return tuple(p.strip() for p in value.split(",") if p.strip())
    return (value.split(",", 1)[0].strip(),)


def _typo_fixes(word: str) -> tuple[str, ...]:
    """Corrections for a lowercase `word` if it is a known misspelling we report, else ().

    Keys shorter than three letters ("te", "nd") and keys that are themselves words in
    symspellpy's frequency list ("despatch", "instal", "miliary") are never reported.
    """
    value = _typo_table().get(word)
    if value is None or len(word) < 3 or word in _frequencies():
        return ()
    return _parse_fixes(value)


# --- word iteration ---------------------------------------------------------------

def _uncommon(toks: Tokens) -> set[str]:
    """The document's distinct tokens without the most frequent words: where unknown words and typos can be."""
    return toks.distinct - _frequent_words()


_OPENERS = "\"'\u201c\u2018([*_"
_APOSTROPHES = "'\u2019"


def _unit_initial(doc: Document, start: int) -> bool:
    """True when the word at `start` opens a sentence, heading, list item or cell (after quotes)."""
    starts = doc.unit_starts
    pos = start
    while True:
        if pos in starts:
            return True
        if pos > 0 and doc.prose[pos - 1] in _OPENERS:
            pos -= 1
            continue
        return False


def _clean_edges(prose: str, start: int, end: int) -> bool:
    """The word is not glued to digits, underscores, masks, '@', '/', or dotted identifiers."""
    before = prose[start - 1] if start > 0 else " "
    after = prose[end] if end < len(prose) else " "
    if before.isdigit() or before in "_@/\\#\ufffc" or after.isdigit() or after in "_@/\\\ufffc":
        return False
    if before == "." and start > 1 and prose[start - 2].isalnum():
        return False  # file.ext, example.com
    if after == "." and end + 1 < len(prose) and prose[end + 1].isalnum():
        return False
    return True


class _Word(NamedTuple):
    """A word of `Document.words` and its neighbours, found without tokenising the whole prose."""

    start: int
    end: int
    before: tuple[int, int] | None  # the previous word, if it ends within 3 characters
    after: tuple[int, int] | None  # the next word, if it starts within 3 characters


def _space_before(prose: str, pos: int) -> int:
    """Just after the last space or line break before `pos` (or 0): no word crosses it."""
    return max(prose.rfind(" ", 0, pos), prose.rfind("\n", 0, pos)) + 1


def _space_after(prose: str, pos: int) -> int:
    """The first space or line break at or after `pos` (or the end): no word crosses it."""
    found = [i for i in (prose.find(" ", pos), prose.find("\n", pos)) if i >= 0]
    return min(found) if found else len(prose)


def _words_at(prose: str, offsets: Iterable[int]) -> list[_Word]:
    """The words containing `offsets`, each once, in order, exactly as `Document.words` has them.

    The rules check a few words per article, so this matches `Document.words`' pattern
    only around them: words hold no spaces or line breaks, so matching between two of
    them finds exactly what a scan of the whole prose finds there.
    """
    words: list[_Word] = []
    for pos in sorted(offsets):
        if words and pos < words[-1].end:
            continue  # another token of the word just found
        around = WORD.finditer(prose, _space_before(prose, pos), _space_after(prose, pos))
        word = next((m for m in around if m.end() > pos), None)
        if word is None or word.start() > pos:
            continue  # a token outside any word ("2nd")
        start, end = word.span()
        # A previous word ending within 3 characters of this one starts after the last space before those.
        before = [m.span() for m in WORD.finditer(prose, _space_before(prose, max(0, start - 3)), start)]
        after = WORD.search(prose, end, _space_after(prose, end + 3))
        words.append(_Word(start, end, before[-1] if before and before[-1][1] >= start - 3 else None,
                           after.span() if after and after.start() <= end + 3 else None))
    return words


def _parts(prose: str, word: _Word) -> Iterator[tuple[int, int, str, bool, bool]]:
    """(start, end, text, first_part, hyphenated) of each hyphen-separated part of a word.

    Possessive/contraction endings stay attached ("government's"); the caller decides.
    """
    text = prose[word.start:word.end]
    if "-" not in text:
        yield word.start, word.end, text, True, False
        return
    offset = word.start
    for i, part in enumerate(text.split("-")):
        if part:
            yield offset, offset + len(part), part, i == 0, True
        offset += len(part) + 1


def _word_edges_clean(prose: str, word: _Word) -> bool:
    """The whole word is not glued to digits, masks, identifiers, or a dangling hyphen ("-ine", "cyclo-")."""
    start, end = word.start, word.end
    if not _clean_edges(prose, start, end):
        return False
    return (start == 0 or prose[start - 1] != "-") and (end >= len(prose) or prose[end] != "-")


def _foreign_context(doc: Document, word: _Word, ctx: RuleContext, names: bool = False) -> bool:
    """A lowercase neighbour is not English either: a foreign phrase ("stricto sensu", "esse similia").

    With `names`, an unknown capitalised word right before also counts ("Orycteropus afer",
    "Confédération nationale").
    """
    prose = doc.prose
    for span, is_before in ((word.before, True), (word.after, False)):
        if span is None:
            continue  # none adjacent (sentence break, punctuation run)
        s, e = span
        w = prose[s:e]
        if len(w) >= 3 and w.isalpha() and w.islower() and not _is_known_form(w, ctx):
            return True
        if (names and is_before and w[:1].isupper() and w[1:].islower() and not _unit_initial(doc, s)
                and not _is_known_form(w.lower(), ctx)):
            return True
    return False


def _is_possessive(tail: str) -> bool:
    return tail in ("'s", "\u2019s", "'", "\u2019")


_APOSTROPHE_RE = re.compile("['\u2019]")


def _split_apostrophe(part: str) -> tuple[str, str]:
    """("government", "'s") for "government's"; (part, "") when there is no apostrophe."""
    m = _APOSTROPHE_RE.search(part)
    if m is None:
        return part, ""
    return part[: m.start()], part[m.start():]


def _match_case(template: str, replacement: str) -> str:
    if replacement != replacement.lower():
        return replacement  # proper-noun corrections ("Achilles") keep their own case
    return match_case(template, replacement)  # "Woudl" -> "Would", "WOUDL" -> "WOULD"


def _checkable_case(doc: Document, start: int, word: str, first_part: bool) -> bool:
    """All-lowercase words, or the capitalised first word of a sentence/heading/item/cell."""
    if word.islower():
        return True
    if first_part and word[:1].isupper() and word[1:].islower() and len(word) > 1:
        return _unit_initial(doc, start)
    return False


def _in_vocabulary(word: str, ctx: RuleContext) -> bool:
    vocab = ctx.vocabulary
    if not vocab:
        return False
    return word in vocab or word.lower() in vocab or word.lower() in _lower_vocab(vocab)


@functools.lru_cache(maxsize=8)
def _lower_vocab(vocab: frozenset[str]) -> frozenset[str]:
    return frozenset(v.lower() for v in vocab)


# --- NL302 ---------------------------------------------------------------------------


@functools.lru_cache(maxsize=None)
def _typo_keys() -> frozenset[str]:
    """The typo table's keys: a set intersects a document's words much faster than the dict."""
    return frozenset(_typo_table())


def _typo_offsets(doc: Document, table: dict[str, str]) -> list[int]:
    """Where the tokens are that a reported typo starts with; only their words need checking.

    Reporting needs clean word edges, so each letter run of a reported word is a token: a
    typo without an apostrophe (or the possessive base of one) is a token, and one with
    apostrophes is tokens joined by single apostrophes. Typos are no frequent words.
    """
    toks = doc.tokens
    texts, starts, folded = toks.texts, toks.starts, toks.folded
    keys = _typo_keys()
    suspects = _uncommon(toks) & keys  # as `toks.matching(keys)`, skipping the frequent words
    suspects.update(compress(folded, map(keys.__contains__, folded.values())))
    offsets = list(compress(starts, map(suspects.__contains__, texts))) if suspects else []
    prose = doc.prose
    for apostrophe in _APOSTROPHES:  # a few per article: find them in the prose, not among the gaps
        at = prose.find(apostrophe)
        while at >= 0:
            i = bisect_right(starts, at) - 1  # the token before the apostrophe
            if 0 <= i and any(key in table for key in _joined_by_apostrophes(prose, starts, texts, i)):
                offsets.append(starts[i])
            at = prose.find(apostrophe, at + 1)
    return offsets


def _joined_by_apostrophes(prose: str, starts: list[int], texts: list[str], i: int) -> Iterator[str]:
    """Token `i` joined with the next one, two, ... tokens that single apostrophes join, lowercase
    ("y'all", "y'all'd"): each is a candidate, as a word stops before a token that starts with a digit."""
    key = texts[i].lower()
    end = starts[i] + len(texts[i])
    while i + 1 < len(texts) and starts[i + 1] == end + 1 and prose[end] in _APOSTROPHES:
        i += 1
        key += "'" + texts[i].lower()
        end = starts[i] + len(texts[i])
        yield key


class KnownTypo(Rule):
    """Report a common misspelling from codespell's dictionary ("woudl", "goverment").

    What it does:
        Looks every lowercase word (and the capitalised first word of a
        sentence, heading, list item or table cell) up in codespell's list of
        common misspellings, read at run time from the installed ``codespell``
        package (the list is derived from Wikipedia, CC BY-SA 3.0; it is not
        copied into newslint).  Entries that are real English words (present in
        symspellpy's 82,765-word frequency list, e.g. "despatch", "instal"),
        entries shorter than three letters, and capitalised words in mid-sentence
        (names such as "Ois") are never reported.

    Why is this bad?
        A misspelling such as "woudl" or "recieve" is the clearest sign of
        unedited copy, and readers notice it at once.

    Fix safety:
        Safe when the dictionary gives exactly one correction (case preserved:
        "Woudl" becomes "Would").  When it lists several candidates the fix
        uses the first one and is unsafe; the message lists all of them.
    """

    code = "NL302"
    name = "known-typo"
    severity = Severity.ERROR
    category = "spelling"
    fix_applicability = "sometimes"
    bad_examples = (
        Example("He said Ukraine woudl not be excluded.", "He said Ukraine would not be excluded."),
        Example("The goverment will recieve the report.", "The government will receive the report."),
        Example("Woudl the talks resume? Officials were unsure.", "Would the talks resume? Officials were unsure."),
        Example("Officials said it was definately over.", "Officials said it was definitely over."),
    )
    good_examples = (
        Example("The government will receive the report."),
        Example("Minister Ois Tran spoke to reporters."),
        Example("The despatch box was empty as ministers were asked to instal new systems."),
        Example("See `woudl` in the code sample."),
    )

    def check(self, doc: Document, ctx: RuleContext) -> Iterable[Finding]:
        table = _typo_table()
        if not table:
            return
        prose = doc.prose
        for prose_word in _words_at(prose, _typo_offsets(doc, table)):
            yield from self._check_word(doc, ctx, table, prose_word)

    def _check_word(self, doc: Document, ctx: RuleContext, table: dict[str, str],
                    prose_word: _Word) -> Iterator[Finding]:
        for start, end, part, first, hyphenated in _parts(doc.prose, prose_word):
            lower = part.lower()
            if lower not in table and not ("'" in lower or "\u2019" in lower):
                continue  # fast path: almost every word
            if hyphenated and len(part) < 4:
                continue  # "add-ons": short pieces of compounds are not words on their own
            base, tail = _split_apostrophe(part)
            candidates = [(part, end)]
            if _is_possessive(tail):  # "goverment's"; never "couldn" from "couldn't"
                candidates.append((base, start + len(base)))
            for word, stop in candidates:
                fixes = _typo_fixes(word.lower().replace("\u2019", "'"))
                if not fixes or _british_doubling(word.lower(), fixes):
                    continue
                if (not _checkable_case(doc, start, word, first) or _in_vocabulary(word, ctx)
                        or not _word_edges_clean(doc.prose, prose_word) or _foreign_context(doc, prose_word, ctx)):
                    break
                curly = "\u2019" in word
                shown = [_match_case(word, f).replace("'", "\u2019") if curly else _match_case(word, f) for f in fixes]
                if len(shown) == 1:
                    yield self.finding(start, stop, f"Misspelling '{word}': did you mean '{shown[0]}'?",
                                       self.fix(start, stop, shown[0], f"Replace with '{shown[0]}'"))
                else:
                    listed = ", ".join(f"'{s}'" for s in shown)
                    yield self.finding(start, stop, f"Misspelling '{word}': did you mean one of {listed}?",
                                       self.fix(start, stop, shown[0], f"Replace with '{shown[0]}'", safe=False))
                break


_DOUBLING = re.compile(r"([bcdfgklmnprstvz])\1(ing|ed|er|ers)$")


def _british_doubling(word: str, fixes: list[str]) -> bool:
    """'targetting', 'focussed': a doubled final consonant before a suffix is British usage, not a typo."""
    m = _DOUBLING.search(word)
    return bool(m) and len(fixes) == 1 and fixes[0] == word[: m.start()] + m.group(1) + m.group(2)


# --- NL303 ---------------------------------------------------------------------------

_MIN_UNKNOWN_LEN = 6
_MIN_CAPITALISED_LEN = 8
#: Endings of ordinary English words that names rarely have: a capitalised sentence-initial
#: word with one of them is checked like a lowercase word ("Prelimenary", "Corportation").
_ORDINARY_ENDINGS = ("ary", "tion", "tions", "sion", "sions", "ment", "ments", "ness", "ity", "ities", "ive",
                     "ives", "ous", "ful", "less", "able", "ible", "ical", "ence", "ance", "ency", "ancy", "ally",
                     "ated", "ating", "ism", "ist", "ists", "ize", "ise", "ized", "ised", "izing", "ising", "ology")
_ORDINARY_TAILS = frozenset(ending[-3:] for ending in _ORDINARY_ENDINGS)
#: Longer "words" are never checked (the longest English words have about 45 letters).
_MAX_UNKNOWN_LEN = 50
_CAPITALISED_LENGTHS = frozenset(range(_MIN_CAPITALISED_LEN, _MAX_UNKNOWN_LEN + 1))
_MIN_SUGGESTION_COUNT = 1_000_000
_LONG_WORD = 10  # letters
_MIN_LONG_SUGGESTION_COUNT = 500_000
_DOMINANCE = 10
_COMPOUND_PART_COUNT = 100_000
_ALPHABET = "abcdefghijklmnopqrstuvwxyz"
_PREFIXES = ("counter", "under", "inter", "multi", "super", "cross", "over", "anti", "post", "semi",
             "self", "non", "pre", "mis", "dis", "sub", "mid", "out", "un", "re", "co", "de", "up", "en")
_SUFFIXES = ("isation", "ization", "ations", "ation", "ness", "ment", "ments", "less", "ful", "ism", "isms",
             "ist", "ists", "ity", "ise", "ize", "ised", "ized", "ising", "izing", "able", "ably", "ship", "ward",
             "wards", "wise", "like", "hood", "dom")


def _unknown_offsets(doc: Document, words: dict[str, str], table: dict[str, str]) -> list[int]:
    """Where the tokens are that can start a reported unknown word; only their words need checking.

    A reported word is unhyphenated and, before any apostrophe, a lowercase ASCII word of
    6-50 letters in neither list (or such a word of 8 or more letters capitalised at the start
    of a sentence, heading, item or cell); reporting needs clean word edges, so that is a token.
    """
    toks = doc.tokens
    suspects = {w for w in _uncommon(toks)
                if _MIN_UNKNOWN_LEN <= len(w) <= _MAX_UNKNOWN_LEN and w.islower() and w not in words
                and w.isascii() and w not in table}
    # Capitalised words are names unless they open a sentence (or heading, item, cell) and end
    # like an ordinary English word ("Prelimenary", "Corportation"): checked only there. Most
    # capitalised words are short: the length filter runs without bytecode, then the cheap tests.
    folded = toks.folded
    long_words = compress(folded, map(_CAPITALISED_LENGTHS.__contains__, map(len, folded)))
    initial = {w for w in long_words
               if w[-3:] in _ORDINARY_TAILS and w.endswith(_ORDINARY_ENDINGS) and w[1:].islower()
               and w.isascii() and folded[w] not in words and folded[w] not in table}
    offsets = list(compress(toks.starts, map(suspects.__contains__, toks.texts))) if suspects else []
    if initial:
        offsets.extend(start for start in compress(toks.starts, map(initial.__contains__, toks.texts))
                       if _unit_initial(doc, start))
    return offsets


def _known(word: str, ctx: RuleContext) -> bool:
    return word in _frequencies() or word in _correct_words() or _in_vocabulary(word, ctx)


@functools.lru_cache(maxsize=None)
def _correct_words() -> frozenset[str]:
    """Every correction codespell proposes is a real word, and so are both sides of its
    British/American and Oxford spelling lists ("labor" is missing from symspellpy's list)."""
    from ..datacache import cached

    names = ("dictionary.txt", "dictionary_en-GB_to_en-US.txt", "dictionary_en_to_en-OX_AUTOGENERATED.txt")
    sources = [p for p in (_package_data_path("codespell_lib", "data", n) for n in names) if p]
    return cached("correct-words", sources, _build_correct_words)


def _build_correct_words() -> frozenset[str]:
    words = {f.lower() for value in _typo_table().values() for f in _parse_fixes(value) if " " not in f}
    for name in ("dictionary_en-GB_to_en-US.txt", "dictionary_en_to_en-OX_AUTOGENERATED.txt"):
        for line in (_read_package_data("codespell_lib", "data", name) or "").splitlines():
            key, sep, value = line.partition("->")
            if sep:
                words.add(key.strip().lower())
                words.update(v.strip().lower() for v in value.split(",") if v.strip())
    return frozenset(words)


_VARIANTS = (("our", "or"), ("tre", "ter"), ("ise", "ize"), ("yse", "yze"), ("ll", "l"), ("ogue", "og"),
             ("ence", "ense"), ("ae", "e"), ("oe", "e"))


def _spelling_variant(word: str, other: str) -> bool:
    """True when the two differ only by a British/American pattern (labor/labour, centre/center)."""
    a, b = word, other
    for gb, us in _VARIANTS:
        a, b = a.replace(gb, us), b.replace(gb, us)
    return a == b


def _stems(word: str) -> Iterator[str]:
    """Candidate base forms of an inflected or derived word."""
    n = len(word)

    def undouble(stem: str) -> Iterator[str]:
        yield stem
        yield stem + "e"
        if len(stem) > 2 and stem[-1] == stem[-2]:
            yield stem[:-1]
    if word.endswith("ies") or word.endswith("ied"):
        yield word[:-3] + "y"
    if word.endswith("iest"):
        yield word[:-4] + "y"
    if word.endswith("ier"):
        yield word[:-3] + "y"
    if word.endswith("ily"):
        yield word[:-3] + "y"
    if word.endswith("s"):
        yield word[:-1]
    if word.endswith("es"):
        yield word[:-2]
    if word.endswith("ed"):
        yield from undouble(word[:-2])
    if word.endswith("ing"):
        yield from undouble(word[:-3])
    if word.endswith("ly"):
        yield word[:-2]
        yield word[:-1] + "e"  # gently -> gentle
        if word.endswith("ally"):
            yield word[:-4]
    if word.endswith("est"):
        yield from undouble(word[:-3])
    if word.endswith("er"):
        yield from undouble(word[:-2])
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and n - len(suffix) >= 3:
            stem = word[: -len(suffix)]
            yield stem
            if suffix[0] in "aeiou":  # "nation" -> "nate"; "-ment", "-ness" keep a stem's e ("statement")
                yield stem + "e"
            if stem.endswith("i"):
                yield stem[:-1] + "y"


def _is_known_form(word: str, ctx: RuleContext, depth: int = 0, compound: bool = True) -> bool:
    """An inflected, derived, prefixed or closed-compound form of known words (or one itself)."""
    if depth == 0 and compound:
        return _is_known_form_memo(word, ctx.vocabulary)  # the same words recur across articles
    return _known_form(word, ctx, depth, compound)


@functools.lru_cache(maxsize=8192)
def _is_known_form_memo(word: str, vocabulary: frozenset[str]) -> bool:
    return _known_form(word, RuleContext(vocabulary=vocabulary), 0, True)


def _known_form(word: str, ctx: RuleContext, depth: int = 0, compound: bool = True) -> bool:
    if _known(word, ctx):
        return True
    if depth > 1:
        return False
    for stem in _stems(word):
        if len(stem) >= 3 and (_known(stem, ctx) or (depth == 0 and _known_form(stem, ctx, depth + 1))):
            return True
    for prefix in _PREFIXES:
        if word.startswith(prefix) and len(word) - len(prefix) >= 3:
            # A prefix plus a closed compound is three guesses in a row: "pre" + "lime" + "nary"
            # would make any misspelling of "preliminary" a word.
            if _known_form(word[len(prefix):], ctx, depth + 1, compound=False):
                return True
    if not compound:
        return False
    # closed compounds: "peacebuilding", "frontline"
    for i in range(3, len(word) - 3):
        head = _count(word[:i])
        if head >= (_COMPOUND_PART_COUNT if i > 3 else 100 * _COMPOUND_PART_COUNT) and \
                _count(word[i:]) >= _COMPOUND_PART_COUNT:
            return True  # "gasfield", "peacebuilding"; not "neg" + "elected"
    return False


_QWERTY_ROWS = ("qwertyuiop", "asdfghjkl", "zxcvbnm")


def _keyboard_neighbours() -> dict[str, str]:
    """Keys next to each key on a QWERTY keyboard (rows staggered by a quarter and half a key)."""
    offsets = (0.0, 0.25, 0.75)
    pos = {c: (r, i + offsets[r]) for r, row in enumerate(_QWERTY_ROWS) for i, c in enumerate(row)}
    return {c: "".join(d for d, (r2, x2) in pos.items()
                       if d != c and ((r2 == r and abs(x2 - x) == 1) or (abs(r2 - r) == 1 and abs(x2 - x) < 1)))
            for c, (r, x) in pos.items()}


_NEIGHBOURS = _keyboard_neighbours()


def _typo_edits(word: str) -> set[str]:
    """Words one typing slip away, never touching the first or last letter (inflections, Latin or
    French endings and initial-letter changes are where real words differ): a doubled or stray
    letter, a dropped letter, two swapped letters, or a letter replaced by a neighbouring key."""
    n = len(word)
    out = set()
    for i in range(1, n - 1):
        out.add(word[:i] + word[i + 1:])  # stray letter
        for c in _NEIGHBOURS.get(word[i], ""):
            out.add(word[:i] + c + word[i + 1:])  # neighbouring key
        if i + 1 < n - 1:
            out.add(word[:i] + word[i + 1] + word[i] + word[i + 2:])  # swapped letters
    for i in range(1, n):
        for c in _ALPHABET:
            out.add(word[:i] + c + word[i:])  # dropped letter
    for c in _NEIGHBOURS.get(word[-1], ""):
        out.add(word[:-1] + c)  # last letter: a neighbouring key only ("champiom")
    out.discard(word)
    return out


def _vowel_edits(word: str) -> set[str]:
    """Words one vowel away, never at the first or last letter: the spelling (not typing) slip of an
    unstressed vowel written as another ("seperate", "prelimenary", "detoriorated")."""
    out = set()
    for i in range(1, len(word) - 1):
        if word[i] in _VOWELS:
            for v in _VOWELS:
                if v != word[i]:
                    out.add(word[:i] + v + word[i + 1:])
    return out


_VOWELS = "aeiou"


_VARIANT_PAIRS = (("or", "our"), ("er", "re"), ("l", "ll"), ("ll", "l"), ("k", "c"), ("iz", "is"), ("yz", "ys"),
                  ("og", "ogue"), ("ense", "ence"), ("e", "ae"), ("e", "oe"), ("o", "ou"))


#: What may follow a British/American -er/-re ending: centre, centres, centred, centring.
_STEM_END_TAILS = frozenset({"", "s", "d", "ed", "ing"})


def _has_variant(word: str) -> bool:
    """A British/American twin of the word is listed (woolen/woollen, skeptic/sceptic, smolder/smoulder)."""
    words = _frequencies()
    for a, b in _VARIANT_PAIRS:
        k = word.find(a)
        while k != -1:
            # center/centre differ at the end of the stem only: "perscriptions" is no twin of "prescriptions"
            if (a, b) != ("er", "re") or word[k + 2:] in _STEM_END_TAILS:
                if word[:k] + b + word[k + len(a):] in words:
                    return True
            k = word.find(a, k + 1)
    return False



def _min_suggestion_count(word: str) -> int:
    """How frequent a suggestion must be: long words have few neighbours one slip away, so a rarer
    (but still common) word there is as telling as a very frequent one next to a short word."""
    return _MIN_SUGGESTION_COUNT if len(word) < _LONG_WORD else _MIN_LONG_SUGGESTION_COUNT


@functools.lru_cache(maxsize=4096)
def _suggest(word: str) -> str | None:
    """The frequent word one typing slip away, when exactly one clearly dominates; else None."""
    words = _frequencies()
    edits = _typo_edits(word) | _vowel_edits(word)
    scored = sorted(((int(words[c]), c) for c in edits if c in words), reverse=True)
    if not scored:
        return None
    best_count, best = scored[0]
    if best_count < _min_suggestion_count(word) or _spelling_variant(word, best):
        return None
    if len(scored) > 1 and scored[1][0] * _DOMINANCE > best_count:
        return None  # ambiguous: no good suggestion
    return best


#: Endings that inflect or derive a word from a stem ("acommodat|ive" from "acommodate"); the
#: correction of a misspelt stem takes the same ending. Longest first.
_DERIVED_ENDINGS = tuple(sorted(("ively", "ive", "ives", "ions", "ion", "ional", "ings", "ing", "ed", "es", "s",
                                 "ers", "er", "ly", "ments", "ment", "ally", "al", "ity", "ities", "ness",
                                 "able", "ably", "ations", "ation", "ators", "ator", "ory", "ism", "ist", "ists"),
                                key=len, reverse=True))


@functools.lru_cache(maxsize=4096)
def _derived_typo(word: str) -> str | None:
    """The correction of a lowercase word that is a known typo's stem plus an ending, else None.

    codespell lists "acommodate" but not "acommodative": a word in no list whose stem (with its
    final "e" or "y" restored) is a reported typo, and whose stem correction plus the same ending
    is a listed word ("accommodative"), is that typo too. Exactly one such correction is needed;
    the caller makes sure the word is no known form (`_is_known_form`).
    """
    words = _frequencies()
    if len(word) < 6 or word in words or not word.isalpha():
        return None
    found = set()
    for ending in _DERIVED_ENDINGS:
        if not word.endswith(ending):
            continue
        stem = word[:-len(ending)]
        if len(stem) < 6:
            continue
        keys = [(stem, "", "")]
        if ending[0] in "aeiouy":
            keys.append((stem + "e", "e", ""))  # acommodat|ive: "acommodate" -> "accommodat" + "ive"
        if stem.endswith("i"):
            keys.append((stem[:-1] + "y", "y", "i"))  # "-ies", "-ied" forms of a typo ending in "-y"
        for key, drop, add in keys:
            for fix in _typo_fixes(key):
                if " " in fix or (drop and not fix.endswith(drop)):
                    continue
                candidate = fix[:len(fix) - len(drop)] + add + ending
                if candidate in words:
                    found.add(candidate)
    return found.pop() if len(found) == 1 else None


class UnknownWord(Rule):
    """Report an unknown lowercase word that is one slip away from a frequent word ("goverments").

    What it does:
        Checks lowercase words of six letters or more against symspellpy's
        English frequency list (82,765 words, read from the installed package).
        A word that is not in the list -- nor an inflected, prefixed or
        closed-compound form of listed words, a British/American twin of one,
        a word in the project vocabulary, or a word `known-typo` handles -- is
        reported when it is a known typo's stem plus an ending ("acommodative"
        from codespell's "acommodate"), or when exactly one frequent word (a
        million corpus hits or more, half a million for words of ten letters
        or more; ten times more than any rival) lies one slip away: a stray or
        dropped letter, two swapped letters, a neighbouring key, or a vowel
        written as another vowel ("prelimenary"), never at the first letter
        (and at the last letter only a neighbouring key). A prefix is not
        followed by a closed compound ("pre" + "lime" + "nary").
        Capitalised words (names) are checked only where they open a sentence,
        heading, list item or cell, have eight letters or more and end like an
        ordinary word ("-ary", "-tion", "-ment", "-ity", ...: "Prelimenary").
        Words with digits, pieces of hyphenated compounds, one-word glosses in
        parentheses, foreign phrases (an unknown neighbour) and skipped spans
        are never checked; without a clear suggestion nothing is reported.

    Why is this bad?
        Generated copy sometimes contains garbled words that no typo list
        knows; a near miss of a common word is almost always a slip.

    Fix safety:
        Unsafe: replacing a word with the closest frequent word may change the
        meaning, so the fix needs review even for a simple letter swap.
    """

    code = "NL303"
    name = "unknown-word"
    severity = Severity.WARNING
    category = "spelling"
    fix_applicability = "unsafe"
    bad_examples = (
        Example("The talks were described as constructvie by both sides.",
                "The talks were described as constructive by both sides."),
        Example("Officials said the negotiatoins would resume.", "Officials said the negotiations would resume."),
        Example("Both nations signed the agremeent on Monday.", "Both nations signed the agreement on Monday."),
        Example("The club's finances had detoriorated badly.", "The club's finances had deteriorated badly."),
        Example("Monetary conditions remained acommodative.", "Monetary conditions remained accommodative."),
        Example("Prelimenary tracking found 1,400 fragments.", "Preliminary tracking found 1,400 fragments."),
    )
    good_examples = (
        Example("Both nations signed the agreement on Monday."),
        Example("Zelenskyy met Stoltenberg in Kyiv."),
        Example("The peacebuilding effort drew reinvigorated support from non-aligned states."),
        Example("The goverment said so."),  # reported by known-typo, not here
        Example("Mohammed Salman spoke. Sebastien Grenier agreed. Predictably, markets rose."),
    )

    def check(self, doc: Document, ctx: RuleContext) -> Iterable[Finding]:
        words = _frequencies()
        if not words:
            return
        table = _typo_table()
        prose = doc.prose
        for prose_word in _words_at(prose, _unknown_offsets(doc, words, table)):
            yield from self._check_word(doc, ctx, words, table, prose_word)

    def _check_word(self, doc: Document, ctx: RuleContext, words: dict[str, str], table: dict[str, str],
                    prose_word: _Word) -> Iterator[Finding]:
        prose = doc.prose
        for start, end, part, first, hyphenated in _parts(prose, prose_word):
            if part in words or len(part) < _MIN_UNKNOWN_LEN or hyphenated:
                continue  # fast path; pieces of compounds are often combining forms ("anarcho-", "co-")
            written, tail = _split_apostrophe(part)
            if tail and not _is_possessive(tail):
                continue  # contractions: "wouldn't"
            word = written
            if not written.islower():
                if not (first and written[:1].isupper() and written[1:].islower()
                        and len(written) >= _MIN_CAPITALISED_LEN and written.lower().endswith(_ORDINARY_ENDINGS)
                        and _unit_initial(doc, start)):
                    continue  # a name, or an acronym
                word = written.lower()
            if len(word) < _MIN_UNKNOWN_LEN or not word.isascii() or word in words:
                continue
            if len(word) > _MAX_UNKNOWN_LEN:
                continue  # not a word (a hash, a run of letters): its edits would take O(n^2) memory
            if word in table or part.lower().replace("\u2019", "'") in table:
                continue  # known-typo's business (reported there, or excluded there on purpose)
            if not _word_edges_clean(prose, prose_word) or _is_known_form(word, ctx) or _has_variant(word):
                continue
            if _in_vocabulary(written, ctx):
                continue
            gloss = start > 0 and prose[start - 1] == "(" and prose[end:end + 1] == ")"
            if gloss or _foreign_context(doc, prose_word, ctx, names=True):
                continue  # a gloss "(telos)" or a foreign phrase
            best = _derived_typo(word) or _suggest(word)  # a form of a known typo: "acommodative"
            if best is None:
                continue
            best = _match_case(written, best)
            stop = start + len(word)
            yield self.finding(start, stop, f"Unknown word '{written}': did you mean '{best}'?",
                               self.fix(start, stop, best, f"Replace with '{best}'", safe=False))


# --- NL304 ---------------------------------------------------------------------------

VOWEL, CONSONANT = "an", "a"

#: Acronyms read as words, with the article they take.
_WORD_ACRONYMS = {
    "NATO": "a", "NASA": "a", "NASDAQ": "a", "NAFTA": "a", "FIFA": "a", "FEMA": "a", "SWAT": "a", "SARS": "a",
    "MERS": "a", "COVID": "a", "UNESCO": "a", "UNICEF": "a", "UNAIDS": "a", "UEFA": "a", "OPEC": "an",
    "ASEAN": "an", "APEC": "an", "AIDS": "an", "ISIS": "an", "ISIL": "an", "IKEA": "an", "ANZAC": "an",
    "ANZUS": "an", "ASIO": "an", "AWOL": "an", "OSHA": "an", "ECOWAS": "an", "EFTA": "an", "ICE": "an",
    "NIMBY": "a", "GIF": "a", "JPEG": "a", "PIN": "a", "SIM": "a", "RAM": "a", "ROM": "a", "LAN": "a",
    "LASER": "a", "RADAR": "a", "SONAR": "a", "SCUBA": "a", "SEAL": "a", "FOX": "a", "MASH": "a",
    "NORAD": "a", "CAPTCHA": "a", "HAMAS": "a", "HUD": "a", "MENA": "a", "SAARC": "a", "CARICOM": "a",
    "MERCOSUR": "a", "UNIFIL": "a", "UNITA": "a", "UNHCR": "a", "UNRWA": "a", "UFO": "a", "URL": "a",
    "USB": "a", "USA": "a", "UK": "a", "UN": "a", "US": "a", "EU": "an",
}
#: Consonant-vowel-consonant acronyms that are nevertheless spelled out.
_SPELLED_ACRONYMS = frozenset({"SUV", "MEP", "SEC", "MOD", "NIH", "MIT", "RAF", "SAS", "NEC", "FIR", "LOL", "MOT"})
#: Letters whose spoken name begins with a vowel sound (an FBI, an MBA, an SUV, an X-ray).
_VOWEL_LETTERS = frozenset("AEFILMNORSX")
_SILENT_H = ("hour", "honest", "honour", "honor", "heir")
_UNCERTAIN_H = ("historic", "hotel", "herb", "homage", "hypothes", "heroic", "habitual", "hereditar", "hilarious",
                "horrific", "humble")
_YOU_PREFIXES = ("uni", "use", "usa", "usu", "usur", "uti", "ute", "uto", "ura", "ure", "uri", "uro", "uru",
                 "ubiq", "ukr", "ukul", "uga", "unanim", "uvu", "eu", "ewe", "ufo")
_UN_PREFIXES = ("unim", "unin", "unid", "unib")
_NOT_ARTICLE_NEXT = frozenset({"and", "or", "nor", "to", "through", "la", "b", "c", "posteriori", "priori",
                               "propos", "cappella", "capella", "fortiori"})
_LETTER_CONTEXT = frozenset({"vitamin", "grade", "type", "class", "plan", "option", "point", "part", "section",
                             "category", "item", "letter", "model", "series", "group", "exhibit", "appendix",
                             "schedule", "article", "figure", "table", "tier", "division", "level", "route",
                             "size", "cup", "league", "annex", "paragraph", "line", "row", "column"})
_ARTICLE = re.compile(r"(?<![\w'\u2019.\-&\ufffc])(a|an|A|An|AN)([ \t]+)([\"'\u201c\u2018*_(]*)"
                      r"([A-Za-z0-9][A-Za-z0-9.\-%\u2019']*)")
_NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?")


def _number_sound(token: str) -> tuple[str | None, bool]:
    """Spoken first sound of a number: eight/eleven/eighteen... are vowel sounds."""
    m = _NUMBER.match(token)
    if not m:
        return None, False
    number = m.group(0).split(".")[0]
    if "," in number:
        group = number.split(",")[0]
    else:
        group = number
        if len(number) in (4,) and number[:2] in ("11", "18"):
            return None, False  # 1800: "eighteen hundred" or "one thousand eight hundred"
        if len(number) > 3 and len(number) % 3 == 2:
            group = number[:2]  # 11000 -> "eleven thousand"
        elif len(number) > 3:
            group = number[: len(number) % 3 or 3]
    if group.startswith("8") or group in ("11", "18"):
        return VOWEL, True
    return CONSONANT, True


def _letters_sound(letters: str) -> tuple[str | None, bool]:
    first = letters[0].upper()
    if first == "H":
        return None, False  # "an HR", or "a HR" where "haitch" is said: not reported
    return (VOWEL if first in _VOWEL_LETTERS else CONSONANT), True


@functools.lru_cache(maxsize=4096)
def _sound(token: str) -> tuple[str | None, bool]:
    """(article the token takes, certain?) or (None, False) when unknown."""
    token = token.rstrip(".'\u2019-%")
    if not token:
        return None, False
    if token[0].isdigit():
        return _number_sound(token)
    head = re.split(r"[-'\u2019]", token, maxsplit=1)[0]
    if not head:
        return None, False
    if "." in head:  # U.S., F.B.I.
        letters = head.replace(".", "")
        if letters.isalpha() and letters.isupper() and len(letters) <= 5:
            return _letters_sound(letters)
        return None, False
    if len(head) == 1:
        if head.isupper() or "-" in token:
            return _letters_sound(head)  # "an X-ray", "an F", "a B-52"
        return None, False
    caps = head[:-1] if head.endswith("s") and len(head) > 2 else head  # "MPs", "CEOs"
    if caps.isupper():
        letters = re.sub(r"[^A-Za-z]", "", caps)
        if not letters:
            return None, False
        word_form = _WORD_ACRONYMS.get(letters.upper())
        if word_form:
            return (VOWEL if word_form == "an" else CONSONANT), True
        if len(letters) >= 3 and letters.upper() not in _SPELLED_ACRONYMS and _pronounceable(letters):
            return None, False  # may be read as a word (unknown acronym)
        return _letters_sound(letters)
    lower = head.lower()
    if not lower.isalpha():
        return None, False
    lead = _LOWER_LEAD.match(head)
    if lead and (len(lead.group()) == 1 or not any(c in "aeiouy" for c in lead.group())):
        # A lowercase letter or two before capitals is read letter by letter: "an mRNA" (em-RNA),
        # "an sgRNA", "a tRNA", "an iPhone", "an eGFR", "a kWh"; "deGrom" is a syllable.
        return _letters_sound(lead.group())
    if head.islower() and len(head) <= 3 and not any(c in "aeiouy" for c in head):
        return None, False  # "an sp orbital", "an mp3": probably read letter by letter
    if head.islower() and len(head) >= 3 and _frequencies() and not _is_known_form(lower, RuleContext()):
        return None, False  # not an English word ("Ding an sich"): its sound is anyone's guess
    if lower[0] in "aeiou":
        if lower in ("one", "once") or lower.startswith(("onetime", "oneoff")):
            return CONSONANT, True
        if lower.startswith(_UN_PREFIXES):
            return VOWEL, lower.startswith(("unim", "unin"))
        if lower.startswith(_YOU_PREFIXES):
            return CONSONANT, True
        if lower[0] == "u" and len(lower) > 2 and lower[1] not in "nmpstlgrdbcfkhz":
            return None, False  # "uber", "uighur": uncertain
        if lower.startswith("ou") and lower.startswith("ouija"):
            return CONSONANT, True
        return VOWEL, True
    if lower[0] == "h":
        if lower.startswith(_SILENT_H):
            return VOWEL, True
        if lower.startswith(_UNCERTAIN_H):
            return None, False
        return CONSONANT, True
    if lower[0] == "x" and len(lower) > 1:
        return CONSONANT, True  # xenophobic
    return CONSONANT, True


_LOWER_LEAD = re.compile(r"[a-z]{1,3}(?=[A-Z])")


def _pronounceable(letters: str) -> bool:
    """Acronyms that could be read as a word ("FEMA", "SWAT"), as opposed to spelled ("FBI", "OECD")."""
    pattern = "".join("v" if c in "AEIOU" else "c" for c in letters.upper())
    if "v" not in pattern or "c" not in pattern:
        return False
    if len(pattern) <= 3:
        return pattern == "cvc"
    return "ccc" not in pattern and "vvv" not in pattern


_PREV_WORD = re.compile(r"([A-Za-z]+)[ \t]*$")
_ARTICLE_TOKENS = frozenset(("a", "an", "A", "An", "AN"))


def _article_matches(doc: Document) -> Iterator[re.Match]:
    """What `_ARTICLE.finditer(doc.prose)` finds, trying the pattern only at article tokens.

    The article is preceded by a non-word character and followed by a space, so it is a
    whole token of the shared tokenisation.
    """
    toks = doc.tokens
    prose = doc.prose
    searched_to = 0  # finditer never reports overlapping matches
    for start in compress(toks.starts, map(_ARTICLE_TOKENS.__contains__, toks.texts)):
        if start < searched_to:
            continue
        m = _ARTICLE.match(prose, start)
        if m:
            searched_to = m.end()
            yield m


class WrongIndefiniteArticle(Rule):
    """Report "a" before a vowel sound or "an" before a consonant sound ("a enduring", "an policy").

    What it does:
        Chooses between "a" and "an" by the sound of the next word, not its
        letter: "an hour", "an honest", "a university", "a European",
        "a one-time", "an FBI", "an MBA", "a U.S.", "a NATO" (acronyms read as
        words), "an 18-year-old", "an 8% rise", "an 11,000-strong", and a
        lowercase letter or two read as letters before capitals ("an mRNA",
        "a tRNA", "an eGFR", "an iPhone").  The
        letter "A" ("vitamin A", "Grade A", "A and B"), "a la", headings
        opening with "A", and a capitalised "An" in names are not articles.

    Why is this bad?
        The wrong article is a grammar error every reader hears.

    Fix safety:
        Safe when the next word's sound is certain (ordinary vowel or consonant
        starts, the known exceptions, numbers, acronyms spelled letter by letter
        or in the list of acronyms read as words).  Unsafe for words starting
        with a spelled "H" ("an HR" or "a HR"); words whose sound is unclear
        ("historic", "herb", "Uber", unknown pronounceable acronyms) are not
        reported.
    """

    code = "NL304"
    name = "wrong-indefinite-article"
    severity = Severity.ERROR
    category = "article"
    fix_applicability = "sometimes"
    bad_examples = (
        Example("It could lead to a enduring peace.", "It could lead to an enduring peace."),
        Example("They agreed on an policy.", "They agreed on a policy."),
        Example("The meeting lasted a hour.", "The meeting lasted an hour."),
        Example("She studied at an university.", "She studied at a university."),
        Example("He was questioned by a FBI agent.", "He was questioned by an FBI agent."),
        Example("It was an U.S. proposal.", "It was a U.S. proposal."),
        Example("It was an one-time payment.", "It was a one-time payment."),
        Example("He is an European diplomat.", "He is a European diplomat."),
        Example("Police charged a 18-year-old man.", "Police charged an 18-year-old man."),
        Example("Prices saw a 8% rise.", "Prices saw an 8% rise."),
        Example("An NATO summit opened.", "A NATO summit opened."),
        Example("The vaccine uses a mRNA platform.", "The vaccine uses an mRNA platform."),
    )
    good_examples = (
        Example("It was a one-time payment by a European bank, an honest mistake."),
        Example("She has an MBA and a unique view of a NATO summit."),
        Example("An 18-year-old was charged after an 8% rise and a 1% fall."),
        Example("Take vitamin A daily; Grade A beef costs more."),
        Example("A Look at the Talks"),
        Example("Options A and B were discussed, a la carte."),
        Example("The U.S. is a U.N. member and an FBI partner; it was an 11,000-strong force."),
        Example("Nguyen Van An arrived. It was an historic day."),
        Example("It uses an mRNA platform, a tRNA probe and an iPhone app."),
    )

    def check(self, doc: Document, ctx: RuleContext) -> Iterable[Finding]:
        prose = doc.prose
        for m in _article_matches(doc):
            article, token = m.group(1), m.group(4)
            # Almost every article fits its word: test that first (cached per word), then the context.
            wanted, certain = _sound(token)
            if wanted is None or wanted == article.lower():
                continue
            start = m.start(1)
            next_start = m.start(4)
            block = doc.block_at(start)
            if block is None or block is not doc.block_at(next_start):
                continue
            if not _clean_edges(prose, start, m.end(1)):
                continue
            initial = _unit_initial(doc, start)
            if article[0] == "A" and not initial:
                continue  # "vitamin A", "Nguyen Van An", Title Case headings
            if article == "AN":
                continue
            if block.kind == HEADING and article == "A" and not initial:
                continue
            word = re.split(r"[-.'\u2019%]", token, maxsplit=1)[0]
            if word.lower() in _NOT_ARTICLE_NEXT:
                continue
            before = _PREV_WORD.search(prose, max(0, start - 40), start)
            if article.lower() == "a" and before and before.group(1).lower() in _LETTER_CONTEXT:
                continue
            if (article == "a" and before and before.group(1)[0].isupper() and word[:1].isupper()
                    and not token[:1].isdigit() and not word.isupper()):
                continue  # "Puerta a Europa": a foreign preposition between names
            replacement = wanted if article.islower() else wanted.capitalize()
            display = token.rstrip(".,;:")
            yield self.finding(
                start, m.end(1),
                f"Use '{replacement}' before '{display}', not '{article}'",
                self.fix(start, m.end(1), replacement, f"Replace '{article}' with '{replacement}'", safe=certain),
            )


RULES = [KnownTypo, UnknownWord, WrongIndefiniteArticle]
