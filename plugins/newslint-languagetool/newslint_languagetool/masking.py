"""Build the prose-only copy of a document that is sent to LanguageTool.

The copy has exactly the length of `Document.text`: everything that is not
prose (code, URLs and other skip spans, HTML, front matter, heading `#`
markers, list markers, quote markers, table pipes and delimiter rows, Markdown
emphasis and link brackets) is replaced by spaces, and line breaks are kept.
Offsets in the copy are therefore offsets in the source, and a LanguageTool
match maps back with no arithmetic beyond adding the unit's start.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from newslint.document import MASK, PROSE_KINDS, Document

# --- Markdown inline markup (replaced by spaces; never part of a match's fix) --

#: A backslash escaping ASCII punctuation: `\*` -> ` *`.
_ESCAPE = re.compile(r"\\(?=[!-/:-@\[-`{-~])")
#: Link or image text brackets followed by a destination or a reference.
_LINK_TEXT = re.compile(r"(!?\[)(?:[^\[\]\n]|\[[^\[\]\n]*\])*(\])(?=[(\[])")
#: The `[ref]` of a full reference link, right after the link text.
_LINK_REF = re.compile(r"(?<=\])\[[^\[\]\n]*\]")
#: Footnote references `[^1]`.
_FOOTNOTE = re.compile(r"\[\^[^\]\s]+\]")
#: Opening and closing emphasis/strikethrough delimiter runs.
_EMPH_OPEN = re.compile(r"(?<![\\\w*_~])(?:\*{1,3}|_{1,3}|~~)(?=[^\s*_~])")
_EMPH_CLOSE = re.compile(r"(?<=[^\s*_~\\])(?:\*{1,3}|_{1,3}|~~)(?![\w*_~])")
#: Blockquote markers at the start of a continuation line.
_QUOTE_PREFIX = re.compile(r"[ \t]{0,3}(?:>[ \t]?)+")
#: Closing sequence of an ATX heading: `## Title ##`.
_ATX_CLOSE = re.compile(r"[ \t]+#+[ \t]*$")
_HAS_LETTER = re.compile(r"[^\W\d_]")
#: A list bullet at a list item's content start (some parsers leave it inside the content).
_BULLET = re.compile(r"[ \t]*(?:[-*+\u2022\u2013]|\d{1,3}[.)])[ \t]+(?=\S)")


@dataclass(frozen=True)
class Unit:
    """One paragraph-sized piece of prose: `text` is `masked[start:end]`."""

    start: int
    end: int
    text: str


@dataclass(frozen=True)
class MaskedDocument:
    masked: str
    units: tuple[Unit, ...]
    #: Offsets of markup characters that were blanked (not skip spans, not
    #: whitespace): a fix must not touch them.
    markup: frozenset[int]


def mask_document(doc: Document) -> MaskedDocument:
    text = doc.text
    prose = doc.prose
    out = [c if c in "\r\n" else " " for c in text]
    markup: set[int] = set()

    table_rows = {row.line: row for table in doc.tables for row in table.rows}
    spans: list[tuple[int, int]] = []

    def blank(start: int, end: int) -> None:
        for i in range(start, end):
            if text[i] not in "\r\n":
                if out[i] != " " or not text[i].isspace():
                    markup.add(i)
                out[i] = " "

    def copy(start: int, end: int) -> None:
        for i in range(start, end):
            ch = prose[i]
            if ch in "\r\n":
                continue
            out[i] = " " if ch == MASK else ch

    # Headings, paragraphs and list items, split around any table rows inside them.
    for block in doc.blocks:
        if block.kind not in PROSE_KINDS:
            continue
        run_start: int | None = None
        for line in range(block.line, block.end_line):
            line_start, line_end = doc.line_span(line)
            if line in table_rows:
                if run_start is not None:
                    spans.append((run_start, doc.line_span(line - 1)[1]))
                    run_start = None
                continue
            seg_start = max(block.content_start, line_start)
            seg_end = min(block.end, line_end)
            if seg_start > seg_end:
                continue
            copy(seg_start, seg_end)
            if line > block.line and block.in_quote:
                m = _QUOTE_PREFIX.match(text, line_start, line_end)
                if m:
                    blank(m.start(), m.end())
            if line == block.line and block.kind == "list_item":
                m = _BULLET.match(text, seg_start, seg_end)
                if m:
                    blank(m.start(), m.end())
            if block.kind == "heading" and block.marker.startswith("#"):
                m = _ATX_CLOSE.search(text, seg_start, seg_end)
                if m:
                    blank(m.start(), m.end())
            if run_start is None:
                run_start = seg_start
        if run_start is not None:
            spans.append((run_start, block.end))

    # Table cells: each cell of a body or header row is its own unit; pipes and
    # delimiter rows stay blank.
    for line, row in table_rows.items():
        if row.is_delimiter:
            continue
        for cell in row.cells:
            if cell.end > cell.start:
                copy(cell.start, cell.end)
                spans.append((cell.start, cell.end))

    if doc.is_markdown:
        for start, end in spans:
            _blank_inline_markup(text, start, end, blank)

    masked = "".join(out)
    units = []
    for start, end in sorted(set(spans)):
        # Trim the blanks masking left at either end; offsets stay source offsets.
        while start < end and masked[start].isspace():
            start += 1
        while end > start and masked[end - 1].isspace():
            end -= 1
        piece = masked[start:end]
        if _HAS_LETTER.search(piece):
            units.append(Unit(start, end, piece))
    return MaskedDocument(masked, tuple(units), frozenset(markup))


def _blank_inline_markup(text: str, start: int, end: int, blank) -> None:
    for m in _ESCAPE.finditer(text, start, end):
        blank(m.start(), m.end())
    for m in _LINK_TEXT.finditer(text, start, end):
        blank(m.start(1), m.end(1))
        blank(m.start(2), m.end(2))
        ref = _LINK_REF.match(text, m.end(2), end)
        if ref:
            blank(ref.start(), ref.end())
    for m in _FOOTNOTE.finditer(text, start, end):
        blank(m.start(), m.end())
    for pattern in (_EMPH_OPEN, _EMPH_CLOSE):
        for m in pattern.finditer(text, start, end):
            blank(m.start(), m.end())
