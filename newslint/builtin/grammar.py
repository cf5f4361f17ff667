"""Grammar slips: doubled words."""

from __future__ import annotations

import re
from itertools import compress, islice
from operator import eq
from typing import Iterable, Iterator

from ..diagnostic import Finding, Severity
from ..document import Document, word_before
from ..rule import Example, Rule, RuleContext

_DOUBLED = re.compile(r"\b([^\W\d_]+)([ \t]+|[ \t]*\r?\n[ \t]*)(\1)\b", re.IGNORECASE)
#: Doubles that are correct English ("he had had enough", "that that is").
_LEGIT_DOUBLES = frozenset(
    "had that do bye no so very many ha yeah knock tut pooh chop hush wait please aye happens".split()
)


class DoubledWord(Rule):
    """Report a word repeated twice in a row ("the the").

    What it does:
        Flags a word immediately followed by the same word, ignoring case.

    Why is this bad?
        Doubled words slip through generation and editing alike and make
        copy look unedited.

    Fix safety:
        Removing the second word is safe. Correct doubles ("had had",
        "that that", "is is") and names written twice in capitals
        ("Walla Walla", "Baden Baden") are never flagged.
    """

    code = "NL301"
    name = "doubled-word"
    severity = Severity.ERROR
    category = "doubled-word"
    fix_applicability = "safe"
    bad_examples = (
        Example("The minister said the the talks would resume.", "The minister said the talks would resume."),
        Example("They met in in Geneva on Monday.", "They met in Geneva on Monday."),
        Example("Hiring is is quite soft.", "Hiring is quite soft."),
        Example("The The agreement was signed.", "The agreement was signed."),
    )
    good_examples = (
        Example("By then he had had enough of the talks."),
        Example("He said that that was the end of it. What it is is a loss."),
        Example("The festival in Walla Walla drew crowds."),
        Example("Whatever happens happens, she said, after the line-up up to May."),
    )

    def check(self, doc: Document, ctx: RuleContext) -> Iterable[Finding]:
        for m in _doubled_matches(doc):
            first, second = m.group(1), m.group(3)
            if first.lower() in _LEGIT_DOUBLES:
                continue
            if first.lower() == "is" and word_before(doc.prose, m.start()).lower() in ("it", "this", "that", "thing", "is"):
                continue  # "what it is is", "the thing is is" are spoken English, not typos
            if m.start() > 0 and doc.prose[m.start() - 1] in "-\u2010\u2011":
                continue  # "line-up up to": the first word ends a hyphenated compound
            if doc.block_at(m.start(1)) is not doc.block_at(m.start(3)):
                continue  # a heading followed by a table header is not a doubled word
            if first[0].isupper() and second[0].isupper() and first.lower() not in _FUNCTION_WORDS:
                continue  # "Walla Walla", "Sirhan Sirhan"
            yield self.finding(m.start(3), m.end(3), f"Doubled word '{second}'",
                               self.fix(m.end(1), m.end(3), "", f"Remove the repeated '{second}'"))


def _doubled_matches(doc: Document) -> Iterator[re.Match]:
    """What `_DOUBLED.finditer(doc.prose)` finds, trying the pattern only where it can match.

    A doubled word is two consecutive tokens of the same length (the back-reference matches
    character by character), and for ASCII tokens the same in lowercase: comparing lengths
    of the shared tokens rules out almost every position at C speed.
    """
    toks = doc.tokens
    texts = toks.texts
    lengths = list(map(len, texts))
    prose = doc.prose
    searched_to = 0  # finditer never reports overlapping matches
    for i in compress(range(len(texts) - 1), map(eq, lengths, islice(lengths, 1, None))):
        first, second = texts[i], texts[i + 1]
        if first.lower() != second.lower() and first.isascii() and second.isascii():
            continue
        start = toks.starts[i]
        if start < searched_to:
            continue
        m = _DOUBLED.match(prose, start)
        if m:
            searched_to = m.end()
            yield m


_FUNCTION_WORDS = frozenset(
    """a an the and or but of in on at to for with by from as is are was were be it this that these those
    he she they we i you his her their our its not no""".split()
)

