"""The parsed form of one file that every rule reads.

A `Document` is built once per file. Rules work in `str` offsets into
`Document.text`; only the document turns offsets into 1-based line and column
(code points), so CRLF, tabs and astral characters never cause drift.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import cached_property
from itertools import accumulate, compress, filterfalse
from typing import Iterator

#: Replaces skipped text (code, URLs, ...) in `Document.prose`; not a word,
#: space or punctuation character, so no prose regex matches across it.
MASK = "\ufffc"

MARKDOWN_SUFFIXES = (".md", ".markdown", ".mdx", ".mkd", ".mdown")

# Block kinds.
HEADING = "heading"
PARAGRAPH = "paragraph"
LIST_ITEM = "list_item"
TABLE = "table"
CODE = "code"
HTML = "html"
FRONT_MATTER = "front_matter"
RULE_LINE = "hr"
PROSE_KINDS = frozenset({HEADING, PARAGRAPH, LIST_ITEM})


@dataclass(frozen=True, slots=True)
class Block:
    """A block-level element spanning whole lines.

    `start`/`end` cover the block's lines (end excludes the final newline);
    `content_start` is where prose begins after markers such as `#` or `- `.
    """

    kind: str
    line: int  # 0-based first line
    end_line: int  # 0-based, exclusive
    start: int
    end: int
    content_start: int
    level: int = 0  # heading level; 0 for a plain-text heading
    in_quote: bool = False
    marker: str = ""  # list bullet or heading markup as written

    @property
    def content(self) -> tuple[int, int]:
        return (self.content_start, self.end)


@dataclass(frozen=True, slots=True)
class Cell:
    start: int
    end: int  # stripped of surrounding spaces
    text: str


@dataclass(frozen=True, slots=True)
class TableRow:
    line: int  # 0-based
    start: int
    end: int
    cells: tuple[Cell, ...]
    is_delimiter: bool
    leading_pipe: bool
    trailing_pipe: bool


@dataclass(frozen=True, slots=True)
class Table:
    """A run of consecutive pipe rows, whether or not it renders as a table."""

    line: int
    end_line: int
    rows: tuple[TableRow, ...]

    @property
    def delimiter_index(self) -> int | None:
        for i, row in enumerate(self.rows):
            if row.is_delimiter:
                return i
        return None


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int
    block: Block


# --- skip spans -------------------------------------------------------------

# Three passes with cheap literal prefilters instead of one alternation tried at every word.
_URL_SCHEME = re.compile(r"""(?:\b(?:https?|ftp)://|\bwww\.)[^\s<>"'`\u201c\u201d]+""", re.IGNORECASE)
_EMAIL = re.compile(r"""[\w.+-]+@[\w-]+(?:\.[\w-]+)+""")
_DOMAIN_TLD = re.compile(r"\.(?:com|org|net|gov|edu|mil|int|io|co|uk|de|fr|info|news|ai|ly|me|tv|us|ca|au|eu)\b",
                         re.IGNORECASE)
_DOMAIN = re.compile(r"""(?:[a-z0-9-]+\.)+(?:com|org|net|gov|edu|mil|int|io|co|uk|de|fr|info|news|ai|ly|me|tv|us|ca|au|eu)\b(?:/[^\s<>"'`]*)?""",
                     re.IGNORECASE)
_DOMAIN_START = re.compile(r"[a-z0-9.-]+$", re.IGNORECASE)


def _url_matches(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of URLs, e-mail addresses and bare domains (example.com/path)."""
    lowered = text.lower()
    if "://" in text or "www." in lowered:
        for m in _URL_SCHEME.finditer(text):
            yield m.start(), m.end()
    if "@" in text:
        for m in _EMAIL.finditer(text):
            if m.start() == 0 or not (text[m.start() - 1].isalnum() or text[m.start() - 1] == "_"):
                yield m.start(), m.end()
    for tld in _DOMAIN_TLD.finditer(text):
        # Walk back from ".com" to the start of the host name, then match it properly.
        back = _DOMAIN_START.search(text, max(0, tld.start() - 253), tld.start())
        if back is None:
            continue
        start = back.start()
        while start < tld.start() and text[start] in ".-":
            start += 1
        if start > 0 and (text[start - 1].isalnum() or text[start - 1] == "_"):
            continue
        m = _DOMAIN.match(text, start)
        if m:
            yield m.start(), m.end()
_URL_TRAILING = ".,;:!?)]}'\"\u2019\u201d*_"
_HTML_COMMENT = re.compile(r"<!--.*?(?:-->|\Z)", re.DOTALL)
_CODE_SPAN = re.compile(r"(?<!`)(`+)(?!`)(.+?)(?<!`)\1(?!`)", re.DOTALL)
_MD_LINK_DEST = re.compile(r"\]\((?:[^()\s]|\([^()\s]*\))*(?:\s+\"[^\"]*\")?\)")
_MD_REF_DEF = re.compile(r"^ {0,3}\[[^\]]+\]:\s*\S.*$", re.MULTILINE)
_MD_AUTOLINK = re.compile(r"<(?:[a-zA-Z][a-zA-Z0-9+.-]{1,31}:[^\s<>]*|[\w.+-]+@[\w-]+(?:\.[\w-]+)+)>")
_INLINE_HTML = re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s+[^<>]*)?/?>")
_FRONT_MATTER = re.compile(r"\A(---|\+\+\+)[ \t]*\r?\n.*?\r?\n\1[ \t]*(?:\r?\n|\Z)", re.DOTALL)

# --- line shapes ------------------------------------------------------------

# MULTILINE so that pattern.match(text, pos) honours "^" at the start of any line.
_BULLET = re.compile(r"^([ \t]*)([-*+\u2022\u2013]|\d{1,3}[.)])([ \t]+)(?=\S)", re.MULTILINE)
_ATX = re.compile(r"^ {0,3}(#{1,6})(?:[ \t]+|$)", re.MULTILINE)
_QUOTE_MARKERS = re.compile(r"(?:[ \t]{0,3}>[ \t]?)*")
_BLANK = re.compile(r"^[ \t]*$")
_DELIM_CELL = re.compile(r"^\s*:?-{1,}:?\s*$")
_TERMINAL = ".!?:;,\u2026"

# --- sentences --------------------------------------------------------------

# Abbreviations after which a period does not end a sentence.
NON_TERMINAL_ABBREVIATIONS = frozenset(
    """mr mrs ms dr st mt ft gen col lt sgt capt cmdr adm gov sen rep rev prof pres supt insp det
    jan feb mar apr jun jul aug sep sept oct nov dec
    e.g i.e cf vs approx est dept univ assn bros ca esp incl viz
    """.split()
)
# "No. 10", "p. 5": a period before a number never ends a sentence (see _is_boundary).
# Abbreviations that often end a sentence too: a boundary only when the next
# word is a typical sentence opener ("... in the U.S. The ...").
TERMINAL_ABBREVIATIONS = frozenset(
    """u.s u.k u.n e.u u.s.a d.c a.m p.m inc ltd co corp jr sr etc plc llc l.a n.y""".split()
)
_SENTENCE_OPENERS = frozenset(
    """the a an it he she they we i this that these those there his her their its our but and
    in on at for as if when while after before however meanwhile yet so still then now
    some many most one two no not what who why how""".split()
)
_BOUNDARY = re.compile(
    r"(?:\.\.\.|[.!?\u2026])+[\"'\u201d\u2019)\]]*(?=\s)"
    r"|[.!?](?<=[a-z]{2}[.!?])(?=[A-Z][a-z])"  # mark first: a leading lookbehind is tried at every character
)
_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z.]*)$")
_NEXT_WORD = re.compile(r"\s*[\"'\u201c\u2018(\[]*([A-Za-z]+)?")
#: How far `Document.token_at` looks each way.
_TOKEN_LIMIT = 200


#: A word of `Document.words` (letters, inner apostrophes and hyphens); spelling rules reuse it.
WORD = re.compile(r"[^\W\d_]+(?:['\u2019-][^\W\d_]+)*")


_WORD_AT_END = re.compile(r"([^\W\d_][\w'\u2019-]*)\W{0,3}$")


def word_before(prose: str, offset: int) -> str:
    """The word just before `offset` (at most three non-word characters between), or ""."""
    m = _WORD_AT_END.search(prose, max(0, offset - 40), offset)
    return m.group(1) if m else ""


def line_starts(text: str) -> list[int]:
    """Offsets where each line begins; a final newline does not open an empty last line."""
    starts = [0]
    starts.extend(m.end() for m in re.finditer("\n", text))
    if starts[-1] == len(text) and len(starts) > 1:
        starts.pop()
    return starts


_PIPE = re.compile(r"\|")


def _pipe_positions(raw: str) -> Iterator[int]:
    """Cell-separating pipes of a row: not escaped (\\|) and not inside `code`."""
    in_code = False
    k = 0
    while k < len(raw):
        ch = raw[k]
        if ch == "\\":
            k += 2
            continue
        if ch == "`":
            in_code = not in_code
        elif ch == "|" and not in_code:
            yield k
        k += 1


def _is_delimiter_row(cells: list[str]) -> bool:
    return bool(cells) and all(_DELIM_CELL.match(c) for c in cells) and any("-" in c for c in cells)


# --- tokens -----------------------------------------------------------------

_TOKEN_SPLIT = re.compile(r"([^\W_]+)")  # letters and digits: "Group of 20" keeps its number
_ASCII_TOKEN_SPLIT = re.compile(r"([0-9A-Za-z]+)")  # the same on ASCII text, without Unicode lookups


class Tokens:
    """The prose cut into runs of letters and digits, once per document, as parallel lists.

    Several rules scan the same tokens; one C-level ``split`` and list slicing cost a
    fraction of building a match object per token, and most rules then only look up
    the few tokens that can matter (set intersections, ``compress``) instead of
    visiting every one in Python.
    """

    def __init__(self, prose: str):
        split = _ASCII_TOKEN_SPLIT.split if prose.isascii() else _TOKEN_SPLIT.split
        self._parts = split(prose)  # gap, token, gap, token, ..., gap
        self.texts: list[str] = self._parts[1::2]
        self.gaps: list[str] = self._parts[2::2]  # gaps[i]: the text after token i

    @cached_property
    def starts(self) -> list[int]:
        """Offset of each token in the prose."""
        return list(accumulate(map(len, self._parts)))[0:-1:2]

    @cached_property
    def distinct(self) -> set[str]:
        """Each token text once: most rules only need to know which words occur."""
        return set(self.texts)

    @cached_property
    def folded(self) -> dict[str, str]:
        """Lowercase forms of the distinct tokens not already in lowercase ("Kyiv" -> "kyiv").

        Most tokens are lowercase, and lowercasing (a new string each) is the costly part.
        """
        cased = list(filterfalse(str.islower, self.distinct))
        return dict(zip(cased, map(str.lower, cased)))


    def matching(self, keys: frozenset[str]) -> set[str]:
        """The token texts whose lowercase form is one of `keys` (themselves lowercase)."""
        found = self.distinct & keys  # a token equal to a lowercase key is its own lowercase form
        found.update(compress(self.folded, map(keys.__contains__, self.folded.values())))
        return found


class Document:
    """One file's text, parsed once: lines, blocks, tables, skip spans and sentences."""

    def __init__(self, text: str, path: str = "<text>", *, markdown: bool | None = None):
        self.path = path
        self.text = text
        if markdown is None:
            markdown = path.lower().endswith(MARKDOWN_SUFFIXES)
        self.is_markdown = markdown
        self.line_starts: list[int] = line_starts(text)
        self._skip: list[tuple[int, int]] = []
        self._code_lines: set[int] = set()
        self.blocks: list[Block] = []
        self.tables: list[Table] = []
        self._parse()

    # --- positions -----------------------------------------------------------

    @property
    def line_count(self) -> int:
        return len(self.line_starts) if self.text else 0

    def line_span(self, index: int) -> tuple[int, int]:
        """Offsets of 0-based line `index`, excluding its line terminator."""
        start = self.line_starts[index]
        end = self.line_starts[index + 1] if index + 1 < len(self.line_starts) else len(self.text)
        if end > start and self.text[end - 1] == "\n":
            end -= 1
        if end > start and self.text[end - 1] == "\r":
            end -= 1
        return start, end

    def line_text(self, index: int) -> str:
        start, end = self.line_span(index)
        return self.text[start:end]

    @cached_property
    def lines(self) -> list[str]:
        return [self.line_text(i) for i in range(self.line_count)]

    def line_index(self, offset: int) -> int:
        return max(0, bisect.bisect_right(self.line_starts, offset) - 1)

    def position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) of an offset, columns counted in code points."""
        offset = max(0, min(offset, len(self.text)))
        index = self.line_index(offset)
        return index + 1, offset - self.line_starts[index] + 1

    # --- skip spans ----------------------------------------------------------

    @property
    def skip_spans(self) -> list[tuple[int, int]]:
        return self._skip

    def is_skipped(self, start: int, end: int | None = None) -> bool:
        """True when [start, end) touches text no rule may see (code, URLs, ...)."""
        end = start + 1 if end is None or end <= start else end
        i = bisect.bisect_right(self._skip, (start, float("inf"))) - 1
        if i >= 0 and self._skip[i][1] > start:
            return True
        i += 1
        return i < len(self._skip) and self._skip[i][0] < end

    @cached_property
    def prose(self) -> str:
        """`text` with every skip span replaced by MASK characters (same length)."""
        if not self._skip:
            return self.text
        parts = []
        last = 0
        for start, end in self._skip:
            parts.append(self.text[last:start])
            chunk = self.text[start:end]
            # Keep line breaks so line-based logic still lines up.
            parts.append(re.sub(r"[^\r\n]", MASK, chunk))
            last = end
        parts.append(self.text[last:])
        return "".join(parts)

    @cached_property
    def lowered_prose(self) -> str:
        """`prose.lower()`, computed once for every rule's literal prefilters."""
        return self.prose.lower()

    # --- blocks ----------------------------------------------------------------

    def prose_blocks(self) -> Iterator[Block]:
        return (b for b in self.blocks if b.kind in PROSE_KINDS)

    @cached_property
    def _block_starts(self) -> list[int]:
        return [b.start for b in self.blocks]

    def block_at(self, offset: int) -> Block | None:
        """The innermost block containing `offset` (blocks do not overlap except front matter)."""
        i = bisect.bisect_right(self._block_starts, offset) - 1
        while i >= 0:
            block = self.blocks[i]
            if block.start <= offset <= block.end:
                return block
            if block.end < offset:
                return None
            i -= 1
        return None

    def kind_at(self, offset: int) -> str | None:
        block = self.block_at(offset)
        if block is None:
            return None
        if block.kind in PROSE_KINDS and self.in_table_cell(offset):
            return TABLE
        return block.kind

    @cached_property
    def _table_lines(self) -> dict[int, TableRow]:
        return {row.line: row for table in self.tables for row in table.rows}

    def in_table_cell(self, offset: int) -> bool:
        return self.line_index(offset) in self._table_lines

    @cached_property
    def unit_starts(self) -> frozenset[int]:
        """Offsets where a sentence, heading, list item or table cell begins."""
        starts = {s.start for s in self.sentences}
        for block in self.blocks:
            if block.kind in PROSE_KINDS:
                starts.add(block.content_start)
        for table in self.tables:
            for row in table.rows:
                starts.update(c.start for c in row.cells)
        return frozenset(starts)

    def starts_unit(self, offset: int) -> bool:
        return offset in self.unit_starts

    @cached_property
    def tokens(self) -> Tokens:
        """The prose as runs of letters and digits, shared by the case, spelling and grammar rules."""
        return Tokens(self.prose)

    @cached_property
    def words(self) -> list[tuple[int, int]]:
        """(start, end) of every word in the prose (letters, inner apostrophes and hyphens)."""
        return [m.span() for m in WORD.finditer(self.prose)]

    def token_at(self, start: int, end: int | None = None) -> str:
        """The whitespace-delimited token of `prose` around [start, end), edge punctuation stripped."""
        prose = self.prose
        a, b = start, start if end is None else end
        # Bounded: a "token" longer than this is not a word, and an unbounded scan
        # would make callers quadratic on long lines without spaces.
        low, high = max(0, a - _TOKEN_LIMIT), min(len(prose), b + _TOKEN_LIMIT)
        while a > low and not prose[a - 1].isspace():
            a -= 1
        while b < high and not prose[b].isspace():
            b += 1
        return prose[a:b].strip(".,;:!?\"'()[]\u201c\u201d\u2018\u2019")

    @cached_property
    def _sentence_starts(self) -> list[int]:
        return [s.start for s in self.sentences]

    def sentence_at(self, offset: int) -> Sentence | None:
        sentences = self.sentences
        i = bisect.bisect_right(self._sentence_starts, offset) - 1
        if i >= 0 and sentences[i].start <= offset <= sentences[i].end:
            return sentences[i]
        return None

    @cached_property
    def headings(self) -> list[Block]:
        return [b for b in self.blocks if b.kind == HEADING]

    @cached_property
    def sentences(self) -> list[Sentence]:
        """Sentences of paragraphs and list items (headings are not split)."""
        out: list[Sentence] = []
        for block in self.blocks:
            if block.kind in (PARAGRAPH, LIST_ITEM):
                out.extend(self._split_sentences(block))
        return out

    def _split_sentences(self, block: Block) -> Iterator[Sentence]:
        prose = self.prose
        start = block.content_start
        end = block.end
        cursor = start
        for m in _BOUNDARY.finditer(prose, start, end):
            if not self._is_boundary(prose, m, end):
                continue
            sentence = self._trimmed(cursor, m.end(), block)
            if sentence:
                yield sentence
            cursor = m.end()
        sentence = self._trimmed(cursor, end, block)
        if sentence:
            yield sentence

    def _trimmed(self, start: int, end: int, block: Block) -> Sentence | None:
        prose = self.prose
        while start < end and prose[start].isspace():
            start += 1
        while end > start and prose[end - 1].isspace():
            end -= 1
        if start >= end:
            return None
        return Sentence(start, end, block)

    @staticmethod
    def _is_boundary(prose: str, m: re.Match[str], limit: int) -> bool:
        punct = m.group()
        if m.end() >= limit:
            return True
        nxt = _NEXT_WORD.match(prose, m.end(), limit)
        next_word = nxt.group(1) if nxt else None
        next_upper = bool(next_word) and next_word[0].isupper()
        if not next_word:
            # Digits, symbols: a boundary unless it is clearly a decimal/abbrev.
            return punct[0] != "." or not _WORD_BEFORE.search(prose, max(0, m.start() - 20), m.start())
        closing_quote = punct[-1] in "\"'\u201d\u2019)]"
        if punct[0] in "!?" or punct.startswith(("...", "\u2026")):
            # '"Why?" he asked' and "wait... then" continue the sentence.
            return next_upper
        if closing_quote and not next_upper and not punct.startswith("."):
            return False  # '"Why?" he asked'; but '...the agency." the emails' starts a sentence
        before = _WORD_BEFORE.search(prose, max(0, m.start() - 20), m.start())
        if before:
            word = before.group(1).lower().rstrip(".")
            if len(word) == 1 and before.group(1)[0].isupper():
                return False  # an initial: "J. K. Rowling"
            if word in NON_TERMINAL_ABBREVIATIONS:
                return False
            if word in TERMINAL_ABBREVIATIONS or ("." in word and len(word) <= 5):
                return next_upper and next_word.lower() in _SENTENCE_OPENERS
        elif prose[m.start() - 1 : m.start()].isdigit() and not next_upper:
            return False
        return True

    # --- parsing ------------------------------------------------------------------

    def _add_skip(self, start: int, end: int) -> None:
        if end > start:
            self._skip.append((start, end))

    def _finish_skip(self) -> None:
        spans = sorted(self._skip)
        merged: list[tuple[int, int]] = []
        for start, end in spans:
            if merged and start <= merged[-1][1]:
                if end > merged[-1][1]:
                    merged[-1] = (merged[-1][0], end)
            else:
                merged.append((start, end))
        self._skip = merged

    def _skip_lines(self, first: int, last: int) -> None:
        """Skip 0-based lines first..last-1 entirely."""
        if first >= last:
            return
        self._add_skip(self.line_starts[first], self.line_span(last - 1)[1])
        self._code_lines.update(range(first, last))

    def _parse(self) -> None:
        text = self.text
        body_from = 0
        fm = _FRONT_MATTER.match(text)
        if fm:
            first_line = 0
            last_line = self.line_index(max(fm.end() - 1, 0)) + 1
            self._skip_lines(first_line, last_line)
            self.blocks.append(self._block(FRONT_MATTER, first_line, last_line))
            body_from = last_line
        if self.is_markdown:
            self._parse_markdown(body_from)
        else:
            self._parse_plain(body_from)
        self._find_inline_skips()
        self._finish_skip()
        self._find_tables()
        self.blocks.sort(key=lambda b: (b.line, b.kind != FRONT_MATTER))

    def _block(self, kind: str, line: int, end_line: int, *, content_start: int | None = None, **kw) -> Block:
        start = self.line_starts[line]
        end = self.line_span(end_line - 1)[1]
        return Block(kind, line, end_line, start, end, start if content_start is None else content_start, **kw)

    def _find_inline_skips(self) -> None:
        text = self.text
        for m in _HTML_COMMENT.finditer(text):
            self._add_skip(m.start(), m.end())
        # Code spans pair backticks within one block only, never across a fenced block.
        for block in self.blocks:
            if block.kind in (CODE, HTML, FRONT_MATTER):
                continue
            for m in _CODE_SPAN.finditer(text, block.start, block.end):
                self._add_skip(m.start(), m.end())
        for start, end in _url_matches(text):
            while end > start and text[end - 1] in _URL_TRAILING:
                closer = text[end - 1]
                opener = "(" if closer == ")" else "["
                if closer in ")]" and text.count(opener, start, end) >= text.count(closer, start, end):
                    break  # a balanced bracket belongs to the URL (Wikipedia links)
                end -= 1
            self._add_skip(start, end)
        if self.is_markdown:
            for pattern in (_MD_LINK_DEST, _MD_AUTOLINK, _INLINE_HTML, _MD_REF_DEF):
                for m in pattern.finditer(text):
                    start = m.start() + 1 if pattern is _MD_LINK_DEST else m.start()
                    self._add_skip(start, m.end())

    def _parse_markdown(self, body_from: int) -> None:
        from .markdown import markdown_tokens

        lines = self.lines
        offset_line = body_from
        source = "\n".join(lines[body_from:]) + "\n"
        quote_depth = 0
        in_list_item: list[bool] = []
        pending_item: str | None = None
        for tok in markdown_tokens(source):
            t = tok.type
            if t == "blockquote_open":
                quote_depth += 1
            elif t == "blockquote_close":
                quote_depth -= 1
            elif t == "list_item_open":
                in_list_item.append(True)
                pending_item = tok.markup or "-"
            elif t == "list_item_close":
                in_list_item.pop()
                pending_item = None
            if tok.map is None or t in ("blockquote_open", "list_item_open"):
                continue
            first, last = tok.map[0] + offset_line, tok.map[1] + offset_line
            last = min(last, self.line_count)
            if first >= last:
                continue
            if t == "heading_open":
                line0 = self.line_span(first)
                m = _ATX.match(lines[first])
                content = line0[0] + (m.end() if m else len(lines[first]) - len(lines[first].lstrip()))
                if m:
                    content = self._after_quote_markers(first, content)
                # setext headings: only the text line, not the underline.
                end_line = first + 1
                self.blocks.append(
                    self._block(HEADING, first, end_line, content_start=content, level=int(tok.tag[1:]),
                                in_quote=quote_depth > 0, marker=tok.markup)
                )
            elif t == "paragraph_open":
                content = self._after_quote_markers(first, self.line_starts[first])
                kind = PARAGRAPH
                marker = ""
                if pending_item is not None:
                    m = _BULLET.match(self.text, content, self.line_span(first)[1])
                    if m:
                        content = m.end()
                    kind = LIST_ITEM
                    marker = pending_item
                    pending_item = None
                content = self._skip_spaces(content, self.line_span(first)[1])
                self.blocks.append(
                    self._block(kind, first, last, content_start=content, in_quote=quote_depth > 0, marker=marker)
                )
            elif t in ("fence", "code_block"):
                self._skip_lines(first, last)
                self.blocks.append(self._block(CODE, first, last))
            elif t == "html_block":
                self._skip_lines(first, last)
                self.blocks.append(self._block(HTML, first, last))
            elif t == "hr":
                self.blocks.append(self._block(RULE_LINE, first, last))
            elif t == "table_open":
                self.blocks.append(self._block(TABLE, first, last))

    def _after_quote_markers(self, line: int, offset: int) -> int:
        end = self.line_span(line)[1]
        m = _QUOTE_MARKERS.match(self.text, offset, end)
        offset = m.end() if m else offset
        m = _ATX.match(self.text, offset, end)
        return m.end() if m else offset

    def _skip_spaces(self, offset: int, limit: int) -> int:
        while offset < limit and self.text[offset] in " \t":
            offset += 1
        return offset

    def _parse_plain(self, body_from: int) -> None:
        """Line-based blocks for plain-text articles.

        Two layouts are common: one paragraph per line (as language models emit
        them) and hard-wrapped paragraphs separated by blank lines. Bullets and
        pipe rows are recognised in both; short unpunctuated lines are headings.
        """
        lines = self.lines
        n = self.line_count
        content_lines = [i for i in range(body_from, n) if not _BLANK.match(lines[i])]
        blank_lines = (n - body_from) - len(content_lines)
        one_per_line = blank_lines * 4 < len(content_lines) or all(
            len(lines[i]) > 100 or self._looks_like_heading(lines[i]) or _BULLET.match(lines[i]) or "|" in lines[i]
            for i in content_lines
        )
        i = body_from
        while i < n:
            line = lines[i]
            if _BLANK.match(line):
                i += 1
                continue
            if self._is_pipe_row(line):
                j = i
                while j < n and self._is_pipe_row(lines[j]):
                    j += 1
                self.blocks.append(self._block(TABLE, i, j))
                i = j
                continue
            bullet = _BULLET.match(line)
            if bullet:
                j = i + 1
                if not one_per_line:
                    indent = len(bullet.group(1)) + 1
                    while (j < n and not _BLANK.match(lines[j]) and not _BULLET.match(lines[j])
                           and len(lines[j]) - len(lines[j].lstrip()) >= indent):
                        j += 1
                self.blocks.append(self._block(LIST_ITEM, i, j, content_start=self.line_starts[i] + bullet.end(),
                                               marker=bullet.group(2)))
                i = j
                continue
            prev_blank = i == body_from or _BLANK.match(lines[i - 1])
            next_blank = i + 1 >= n or _BLANK.match(lines[i + 1])
            if self._looks_like_heading(line) and (one_per_line or (prev_blank and next_blank)) and i + 1 < n:
                atx = _ATX.match(line)
                start = self.line_starts[i] + (atx.end() if atx else len(line) - len(line.lstrip()))
                self.blocks.append(self._block(HEADING, i, i + 1, content_start=start, level=len(atx.group(1)) if atx else 0))
                i += 1
                continue
            j = i + 1
            if not one_per_line:
                while (j < n and not _BLANK.match(lines[j]) and not _BULLET.match(lines[j])
                       and not self._is_pipe_row(lines[j])):
                    j += 1
            start = self.line_starts[i] + len(line) - len(line.lstrip())
            self.blocks.append(self._block(PARAGRAPH, i, j, content_start=start))
            i = j

    @staticmethod
    def _looks_like_heading(line: str) -> bool:
        stripped = line.strip()
        if not stripped or _ATX.match(stripped):
            return bool(stripped)
        if stripped[-1] in _TERMINAL or stripped[-1] in "\"\u201d'\u2019)":
            return False
        words = stripped.split()
        if len(words) > 16 or len(stripped) > 120:
            return False
        return stripped[0].isalnum() or stripped[0] in "\"\u201c'\u2018"

    def _is_pipe_row(self, line: str) -> bool:
        if "|" not in line:
            return False
        stripped = re.sub(r"`[^`]*`|\\\|", "", line)
        return stripped.count("|") >= 1 and not _BULLET.match(line)

    def _find_tables(self) -> None:
        """Group consecutive pipe rows outside code into tables and split their cells."""
        lines = self.lines
        i = 0
        n = self.line_count
        while i < n:
            if i in self._code_lines or not self._is_pipe_row(lines[i]):
                i += 1
                continue
            j = i
            rows: list[TableRow] = []
            while j < n and j not in self._code_lines and self._is_pipe_row(lines[j]):
                rows.append(self._split_row(j))
                j += 1
            if len(rows) >= 2 or any(r.is_delimiter for r in rows):
                self.tables.append(Table(i, j, tuple(rows)))
            i = j

    def _split_row(self, line: int) -> TableRow:
        start, end = self.line_span(line)
        raw = self.text[start:end]
        bounds: list[int] = [-1]
        if "`" not in raw and "\\" not in raw:  # no code spans or escapes: find the pipes at C speed
            bounds.extend(m.start() for m in _PIPE.finditer(raw))
        else:
            bounds.extend(_pipe_positions(raw))
        bounds.append(len(raw))
        stripped = raw.strip()
        leading = stripped.startswith("|")
        trailing = stripped.endswith("|") and len(stripped) > 1
        cells: list[Cell] = []
        for a, b in zip(bounds, bounds[1:]):
            piece_start, piece_end = a + 1, b
            if piece_start == 0 and leading and not raw[:piece_end].strip():
                continue  # text before a leading pipe
            if piece_end == len(raw) and trailing and not raw[piece_start:].strip():
                continue  # text after a trailing pipe
            seg = raw[piece_start:piece_end]
            if not seg.strip():  # an empty cell: a zero-width span where it starts
                cells.append(Cell(start + piece_start, start + piece_start, ""))
                continue
            lstrip = len(seg) - len(seg.lstrip())
            rstrip = len(seg) - len(seg.rstrip())
            cells.append(Cell(start + piece_start + lstrip, start + piece_end - rstrip, seg.strip()))
        is_delim = _is_delimiter_row([c.text for c in cells])
        return TableRow(line, start, end, tuple(cells), is_delim, leading, trailing)
