"""Punctuation: spaces before marks, doubled spaces, repeated marks, unbalanced brackets and quotes.

Spacing *after* commas, colons and sentence ends lives in spacing.py (NL201-NL203).
"""

from __future__ import annotations

import re
from typing import Iterable, Iterator

from ..diagnostic import Finding, Severity
from ..document import HEADING, LIST_ITEM, MASK, PARAGRAPH, Block, Document
from ..rule import Example, Option, Rule, RuleContext

_PROSE_BLOCKS = (PARAGRAPH, LIST_ITEM, HEADING)

# --------------------------------------------------------------------------- space before punctuation

# A word (or closing bracket/quote/percent) then spaces then a mark. The mark must be followed by
# whitespace, the end, a closing quote/bracket, or (for , and ;) a letter. Excludes " ..." ellipses,
# ":)" emoticons, " .NET", " .com", " .5".
_SPACE_BEFORE = re.compile(
    r"( (?<=[^\W_] |[)\]\u201d\u2019%] ) *)"  # the space first, so `re` scans for it at C speed
    r"(?:([,;])(?=\s|$|[^\W\d_]|[\"\u201d\u2019)\]])"
    r"|([.?!])(?![.?!:])(?=\s|$|[\"\u201d\u2019)\]*_])"
    r"|(:)(?=\s|$))",
    re.MULTILINE,
)


class SpaceBeforePunctuation(Rule):
    """Report a space before a comma, period, semicolon, colon, question or exclamation mark.

    What it does:
        Flags `word ,` `word .` `word ;` `word :` `word ?` and `word !`.

    Why is this bad?
        English puts no space before these marks; the stray space is a
        common artefact of generated or pasted copy, and a line may even
        break before the mark.

    Fix safety:
        Removing the space is safe (for `word ,word` the space moves after
        the comma). Ellipses (` ...`), emoticons (`:)`), `.NET`, `.com`,
        decimals (`.5`), table rows and code are not flagged.
    """

    code = "NL204"
    name = "space-before-punctuation"
    severity = Severity.WARNING
    category = "punctuation"
    fix_applicability = "safe"
    bad_examples = (
        Example("Talks resumed , officials said.", fixed="Talks resumed, officials said."),
        Example("He says the company is out of debt . He says more.",
                fixed="He says the company is out of debt. He says more."),
        Example("Is peace possible ? Nobody knows.", fixed="Is peace possible? Nobody knows."),
        Example("Three points stood out : trust , aid ;and talks.",
                fixed="Three points stood out: trust, aid; and talks."),
    )
    good_examples = (
        Example("He paused ... then went on."),
        Example("The firm moved to .NET and bought example .com domains? No: it bought a .22 rifle."),
        Example("Great news :) said the post."),
        Example("| A | B |\n|---|---|\n| x | . |\n"),
    )

    def check(self, doc: Document, ctx: RuleContext) -> Iterable[Finding]:
        prose = doc.prose
        for m in _SPACE_BEFORE.finditer(prose):
            start = m.start()
            if doc.in_table_cell(start):
                continue
            block = doc.block_at(start)
            if block is None or block.kind not in _PROSE_BLOCKS:
                continue
            mark = m.group(2) or m.group(3) or m.group(4)
            if mark == "." and re.match(r"\.\s+[a-z]", prose[m.end(1):m.end(1) + 3]):
                continue  # a mention of the mark itself: "paths with . and .."
            mark_at = m.end(1)
            after = prose[mark_at + 1:mark_at + 2]
            if mark in ",;" and after and (after.isalpha()):
                fix = self.fix(start, mark_at + 1, mark + " ", f"Move the space after the '{mark}'")
            else:
                fix = self.fix(start, mark_at, "", f"Remove the space before '{mark}'")
            yield self.finding(start, mark_at + 1, f"Space before '{mark}'", fix)


# --------------------------------------------------------------------------- doubled spaces

_DOUBLE_SPACE = re.compile(r"(?<=\S)( {2,})(?=\S)")
_SENTENCE_END_BEFORE = re.compile(r"[.!?\u2026][\"'\u201d\u2019)\]]*$")


class DoubledSpace(Rule):
    """Report two or more spaces between words inside a sentence.

    What it does:
        Flags runs of two or more spaces between words. Spaces after a
        sentence end are only checked with the `after-sentence-end` option,
        and then only when the document does not consistently use two spaces
        there (typewriter style). Indentation, tables and code are ignored.

    Why is this bad?
        A doubled space is a leftover of editing or joining text; it shows in
        plain-text feeds and can break phrase search.

    Fix safety:
        Replacing the run with one space is safe.

    Options:
        after-sentence-end: also flag two spaces after `.`, `!` or `?`
        (off by default: it is a legitimate typewriter convention and
        invisible once rendered).

    Off by default: professional wire copy is full of invisible doubled
    spaces, so this rule is opt-in (`extend-select = ["NL205"]`).
    """

    code = "NL205"
    name = "doubled-space"
    severity = Severity.INFO
    category = "punctuation"
    fix_applicability = "safe"
    default_enabled = False
    options = {"after-sentence-end": Option(False, "Also flag two spaces after a sentence end", bool)}
    bad_examples = (
        Example("The talks  resumed on Monday.", fixed="The talks resumed on Monday."),
        Example("Prices rose,   analysts said.", fixed="Prices rose, analysts said."),
        Example("One more  time.\n", fixed="One more time.\n"),
    )
    good_examples = (
        Example("The talks resumed.  Analysts were surprised.  Markets rose."),
        Example("| A   | B |\n|-----|---|\n| 1   | 2 |\n"),
        Example("    indented line\n\nNormal text with `a  b` code.\n", markdown=True),
    )

    def check(self, doc: Document, ctx: RuleContext) -> Iterable[Finding]:
        prose = doc.prose
        sentence_ends = [m for m in _DOUBLE_SPACE.finditer(prose)
                         if _SENTENCE_END_BEFORE.search(prose, max(0, m.start() - 4), m.start())]
        check_ends = bool(ctx.options.get("after-sentence-end", False))
        if check_ends:
            single = len(re.findall(r"[.!?][\"\u201d\u2019)]* (?=[A-Z\"\u201c])", prose))
            # A document that mostly uses two spaces after sentences follows a style, not a typo.
            if len(sentence_ends) >= single:
                check_ends = False
        for m in _DOUBLE_SPACE.finditer(prose):
            start, end = m.span(1)
            if doc.in_table_cell(start):
                continue
            block = doc.block_at(start)
            if block is None or block.kind not in _PROSE_BLOCKS or start < block.content_start:
                continue
            if MASK in prose[start - 1:end + 1]:
                continue
            if not check_ends and _SENTENCE_END_BEFORE.search(prose, max(0, start - 4), start):
                continue
            yield self.finding(start, end, f"{end - start} spaces between words",
                               self.fix(start, end, " ", "Replace with one space"))


# --------------------------------------------------------------------------- repeated punctuation

_REPEATED = re.compile(  # each branch opens with its mark, the lookbehind after it: `re` scans for marks
    r"(?P<comma>,(?<=[^\W_],|[)\]\"\u201d\u2019],)\s*,(?:,\s*,)*,?)"  # ,, or , ,
    r"|(?P<semi>;(?<=[^\W_];)\s*;(?:;\s*;)*)"
    r"|(?P<colon>:(?<=[^\W_]:):(?=\s|$))"
    r"|(?P<dots>\.(?<=[^\W\d_]\.|[)\]]\.)\.(?!\.)(?=\s|$|[\"\u201d\u2019)\]]))"
    r"|(?P<bang>[!?]{2,})"
    r"|(?P<mixed>(?:,(?<=[^\W\d_],)[.;:]|;(?<=[^\W\d_];)[.,:]|:(?<=[^\W\d_]:)[.,;]))(?=\s|$)",
    re.MULTILINE,
)
# Cheap first pass: two marks with at most spaces between (every _REPEATED match has one).
_TWO_MARKS = re.compile(r"[,;:.!?]\s*[,;:.!?]")


class RepeatedPunctuation(Rule):
    """Report doubled or clashing punctuation: `,,` `;;` `..` `!!` `??` `?!` `,.`.

    What it does:
        Flags a punctuation mark typed twice, chains of `!` and `?`, and a
        comma, semicolon or colon clashing with another mark.

    Why is this bad?
        Doubled marks are typos; chains of `!!`/`?!` are informal and
        out of place in news copy.

    Fix safety:
        `,,` → `,`, `;;` → `;`, `::` → `:` and `..` → `.` are safe fixes.
        `!!`, `?!` and mixed marks (`,.`) get no fix: which mark was meant is
        a judgement. Ellipses (`...`, `....`), `e.g.,` and code are not
        flagged.
    """

    code = "NL206"
    name = "repeated-punctuation"
    severity = Severity.WARNING
    category = "punctuation"
    fix_applicability = "sometimes"
    bad_examples = (
        Example("Talks resumed,, officials said.", fixed="Talks resumed, officials said."),
        Example("It was over.. Nobody moved.", fixed="It was over. Nobody moved."),
        Example("Can you believe it?!"),
        Example("They agreed,. Then they left."),
    )
    good_examples = (
        Example("He paused... then went on. She waited...."),
        Example("Leaders, e.g., the prime minister, spoke. The U.S., Canada and Mexico agreed."),
        Example("Use `a,,b` or ../path in code. The range is 1..10."),
    )

    def check(self, doc: Document, ctx: RuleContext) -> Iterable[Finding]:
        prose = doc.prose
        if not _TWO_MARKS.search(prose):
            return
        for m in _REPEATED.finditer(prose):
            start, end = m.span()
            block = doc.block_at(start)
            if block is None or block.kind not in _PROSE_BLOCKS or doc.in_table_cell(start):
                continue
            kind = m.lastgroup
            text = m.group()
            fix = None
            if kind in ("comma", "semi", "colon", "dots"):
                mark = text[0]
                fix = self.fix(start, end, mark, f"Replace {text!r} with {mark!r}")
                msg = f"Repeated punctuation {text!r}"
            elif kind == "bang":
                msg = f"Repeated punctuation {text!r}: use one mark"
            else:
                msg = f"Clashing punctuation {text!r}"
            yield self.finding(start, end, msg, fix)


# --------------------------------------------------------------------------- unbalanced brackets

_OPEN = {"(": ")", "[": "]", "{": "}"}
_CLOSE = {v: k for k, v in _OPEN.items()}
# "a)" / "1)" / "iv)" enumerations and ":)" ";)" ":-)" ":(" emoticons.
_ENUM_CLOSE = re.compile(r"(?:^|(?<=\s))(?:[a-zA-Z]|\d{1,2}|[ivxIVX]{1,4})\)")
_EMOTICON = re.compile(r"(?<!\S)[:;=]-?[()\[\]](?!\S)")
_BRACKET = re.compile(r"[()\[\]{}]")


def _ignored_brackets(prose: str, start: int, end: int) -> tuple[set[int], set[int]]:
    """Enumeration closers ("a)", "2)") and emoticon brackets in prose[start:end]."""
    enum_like = {m.end() - 1 for m in _ENUM_CLOSE.finditer(prose, start, end)}
    emoticons: set[int] = set()
    for m in _EMOTICON.finditer(prose, start, end):
        emoticons.update(i for i in range(m.start(), m.end()) if prose[i] in "()[]")
    return enum_like, emoticons


class UnbalancedBrackets(Rule):
    """Report a bracket with no partner in the same paragraph.

    What it does:
        Matches `(` `[` `{` with `)` `]` `}` inside each paragraph, list item
        and heading, and flags the unmatched one.

    Why is this bad?
        A lost bracket leaves readers unsure where an aside ends and often
        means text was cut during generation.

    Fix safety:
        No fix: where the partner belongs is a guess. Enumerations ("a)",
        "1)"), emoticons, code, URLs and tables are not checked.
    """

    code = "NL207"
    name = "unbalanced-brackets"
    severity = Severity.WARNING
    category = "punctuation"
    bad_examples = (
        Example("The agency (which was founded in 1990 said it would appeal."),
        Example("The minister] said talks would resume."),
        Example("Officials (and observers] disagreed."),
    )
    good_examples = (
        Example("The agency (founded in 1990) said it would [soon] appeal."),
        Example("Options were: a) talks, b) sanctions and c) war. Great :)"),
        Example("See the list (https://example.com/a_(b)) and the `f(` call."),
    )

    def check(self, doc: Document, ctx: RuleContext) -> Iterable[Finding]:
        prose = _bracket_view(doc)
        for block in doc.blocks:
            if block.kind not in _PROSE_BLOCKS:
                continue
            yield from self._check_block(doc, prose, block)

    def _check_block(self, doc: Document, prose: str, block: Block) -> Iterator[Finding]:
        start, end = block.content_start, block.end
        brackets = [m.start() for m in _BRACKET.finditer(prose, start, end)]
        if not brackets:  # most paragraphs: skip the per-character work
            return
        enum_like, emoticons = _ignored_brackets(prose, start, end)
        stack: list[int] = []
        for i in brackets:
            ch = prose[i]
            if i in emoticons or doc.in_table_cell(i):
                continue
            if ch in _OPEN:
                stack.append(i)
                continue
            opener = _CLOSE[ch]
            depth = next((k for k in range(len(stack) - 1, -1, -1) if prose[stack[k]] == opener), None)
            if depth is None:
                if i not in enum_like:  # "a) talks, b) sanctions"
                    yield self.finding(i, i + 1, f"'{ch}' has no matching '{opener}' in this paragraph")
                continue
            for k in stack[depth + 1:]:
                yield self.finding(k, k + 1, f"'{prose[k]}' is not closed before '{ch}'")
            del stack[depth:]
        for k in stack:
            yield self.finding(k, k + 1, f"'{prose[k]}' is not closed in this paragraph")


def _bracket_view(doc: Document) -> str:
    """The prose with brackets inside URLs and link targets restored.

    The URL pattern may swallow the `)` or `]` that closes the text around
    it ("[![badge](https://x/y.svg)](https://x)"); brackets inside a URL
    are balanced or matter to the text around it, so they are counted.
    """
    text, prose = doc.text, doc.prose
    chars = None
    for s, e in doc.skip_spans:
        seg = text[s:e]
        if "`" in seg or seg.startswith("<") or not ("://" in seg or seg.startswith("(") or seg[:4].lower() == "www."):
            continue
        for i in range(s, e):
            if text[i] in "()[]":
                chars = chars if chars is not None else list(prose)
                chars[i] = text[i]
    return "".join(chars) if chars is not None else prose


# --------------------------------------------------------------------------- unbalanced quotes

_SENT_END = re.compile(r"[.!?\u2026:,][\"'\u201d\u2019)\]]*\s*$")


def _straight_kind(prose: str, i: int, start: int, end: int) -> str:
    """'open', 'close' or 'toggle' (undecidable) for a straight double quote, from its neighbours."""
    before = prose[i - 1] if i > start else " "
    after = prose[i + 1] if i + 1 < end else " "
    open_ok = (before.isspace() or before in "([{\u2014\u2013-/*_'\u2018") and not after.isspace()
    close_ok = not before.isspace() and (after.isspace() or after in ".,;:!?)]}\u2014\u2013-/*_'\u2019")
    if open_ok and not close_ok:
        return "open"
    if close_ok and not open_ok:
        return "close"
    return "toggle"


_DOUBLE_QUOTE = re.compile('["\u201c\u201d]')


def _quote_tokens(prose: str, start: int, end: int) -> list[tuple[int, str]]:
    out = []
    for m in _DOUBLE_QUOTE.finditer(prose, start, end):
        i = m.start()
        ch = prose[i]
        if ch == "\u201c":
            out.append((i, "open"))
        elif ch == "\u201d":
            out.append((i, "close"))
        elif ch == '"':
            if i > start and prose[i - 1].isdigit() and not (i + 1 < end and prose[i + 1].isalnum()):
                out.append((i, "inch"))  # 5'10" unless it closes an open quotation ("4.2")
            else:
                out.append((i, _straight_kind(prose, i, start, end)))
    return out


class UnbalancedQuotes(Rule):
    """Report a double quotation mark with no partner in the same paragraph.

    What it does:
        Pairs opening and closing double quotes (“ ” and ") in each
        paragraph, list item and heading, and flags an opening quote that is
        never closed or a closing quote that was never opened. Single quotes
        and ’ are not checked (they double as apostrophes).

    Why is this bad?
        Readers cannot tell where a quotation ends, and misattributed words
        are a legal risk in news.

    Fix safety:
        No fix. A quotation that runs over several paragraphs (each
        continued paragraph opens with a quote mark and only the last one
        closes) is correct style and is not flagged.
    """

    code = "NL208"
    name = "unbalanced-quotes"
    severity = Severity.WARNING
    category = "punctuation"
    bad_examples = (
        Example('The minister said "talks will resume on Monday.\n\nOfficials agreed.\n'),
        Example("\u201cWe will fight on, he said.\n\nThe vote is on Friday.\n"),
        Example("Officials said the plan was \u201cdead. Others disagreed\u201d and \u201cthen\n"),
        Example("The plan was dead,\u201d officials said.\n"),
    )
    good_examples = (
        Example('"We will fight on," he said. "We will win."\n'),
        Example("\u201cWe will fight on.\n\n\u201cWe will not give up,\u201d he said.\n"),
        Example("He is 6'2\" tall and Ukraine\u2019s \u2018best\u2019 player.\n"),
        Example("\u201cWe will fight on.  \u201cWe will not give up,\u201d he said.\n"),
    )

    def check(self, doc: Document, ctx: RuleContext) -> Iterable[Finding]:
        prose = doc.prose
        blocks = [b for b in doc.blocks if b.kind in _PROSE_BLOCKS]
        for n, block in enumerate(blocks):
            nxt = blocks[n + 1] if n + 1 < len(blocks) else None
            continues = False
            if nxt is not None:
                first = prose[nxt.content_start:nxt.content_start + 1]
                continues = first == "\u201c" or (first == '"' and _straight_kind(
                    prose, nxt.content_start, nxt.content_start, nxt.end) == "open")
            yield from self._check_block(doc, prose, block, continues)

    def _check_block(self, doc: Document, prose: str, block: Block, continues: bool) -> Iterator[Finding]:
        start, end = block.content_start, block.end
        tokens = [(i, k) for i, k in _quote_tokens(prose, start, end) if not doc.in_table_cell(i)]
        open_at: int | None = None
        for i, kind in tokens:
            if kind == "inch":
                if open_at is None:
                    continue
                kind = "close"
            if kind == "toggle":
                kind = "close" if open_at is not None else "open"
            if kind == "open":
                if open_at is not None and not _SENT_END.search(prose, max(start, i - 6), i):
                    # A new quotation starts mid-sentence while one is open: the first is unclosed.
                    yield self.finding(open_at, open_at + 1, "Opening quotation mark is never closed")
                # After a sentence end it continues the same quotation (joined paragraphs).
                open_at = i
            else:
                if open_at is None:
                    yield self.finding(i, i + 1, "Closing quotation mark has no opening mark")
                open_at = None
        if open_at is not None and not continues:
            yield self.finding(open_at, open_at + 1, "Opening quotation mark is never closed in this paragraph")


RULES: list = [
    SpaceBeforePunctuation,
    DoubledSpace,
    RepeatedPunctuation,
    UnbalancedBrackets,
    UnbalancedQuotes,
]
