"""Markdown structure and leftovers: broken pipe tables, template placeholders, unclosed emphasis."""

from __future__ import annotations

import re
from typing import Iterable, Iterator

from ..diagnostic import Edit, Finding, Fix, Severity
from ..document import HEADING, LIST_ITEM, MASK, PARAGRAPH, TABLE, Block, Document, Table, TableRow, word_before
from ..rule import Example, Rule, RuleContext

# --------------------------------------------------------------------------- helpers


def _line_ending(doc: Document, line: int) -> str:
    """The terminator of 0-based `line` ("\r\n" or "\n"), "\n" for the last line."""
    _, end = doc.line_span(line)
    return "\r\n" if doc.text.startswith("\r\n", end) else "\n"


_COMMENT_LINE = re.compile(r"^\s*<!--.*-->\s*$")


def _is_text_line(doc: Document, line: int) -> bool:
    """A non-blank line that is not a lone HTML comment (suppression comments, markers)."""
    raw = doc.lines[line]
    return bool(raw.strip()) and not _COMMENT_LINE.match(raw)


def _header(table: Table) -> tuple[TableRow, TableRow] | None:
    """(header, delimiter) when the table's second row is a delimiter row, else None."""
    if len(table.rows) >= 2 and table.rows[1].is_delimiter and not table.rows[0].is_delimiter:
        return table.rows[0], table.rows[1]
    return None


def _row_start(row: TableRow, doc: Document) -> int:
    """Offset of the row's first non-space character (column 1 for unindented rows)."""
    text = doc.text
    i = row.start
    while i < row.end and text[i] in " \t":
        i += 1
    return i if i < row.end else row.start


def _is_quoted_or_indented(doc: Document, line: int) -> bool:
    raw = doc.lines[line]
    return raw[:1] in (" ", "\t", ">")


# --------------------------------------------------------------------------- tables


class TableWithoutBlankLines(Rule):
    """Report a pipe table with no blank line before or after it.

    What it does:
        Flags a table (a run of pipe rows) that starts straight after a line
        of text, or is followed straight away by a line of text, with no blank
        line between them. One finding per table, at its header row.

    Why is this bad?
        In GitHub-flavoured Markdown the line after a table is swallowed as
        one more row, and many renderers do not start a table that follows a
        paragraph line. Generated copy often glues "...in the table below:"
        straight onto the header row.

    Fix safety:
        Inserting a blank line (with the file's own line ending) before
        and/or after the table is safe. Tables inside block quotes or indented
        lists get no fix, because a bare blank line would end the quote or list.
    """

    code = "NL401"
    name = "table-without-blank-lines"
    severity = Severity.WARNING
    category = "table"
    fix_applicability = "sometimes"
    bad_examples = (
        Example("The figures are in the table below:\nA | B |\n---|---|\n1 | 2 |\n\nMore text follows.\n",
                fixed="The figures are in the table below:\n\nA | B |\n---|---|\n1 | 2 |\n\nMore text follows.\n"),
        Example("Results:\n\n| A | B |\n|---|---|\n| 1 | 2 |\nThe next paragraph.\n",
                fixed="Results:\n\n| A | B |\n|---|---|\n| 1 | 2 |\n\nThe next paragraph.\n"),
        Example("Intro line.\r\n| A | B |\r\n|---|---|\r\n| 1 | 2 |\r\nOutro line.\r\n",
                fixed="Intro line.\r\n\r\n| A | B |\r\n|---|---|\r\n| 1 | 2 |\r\n\r\nOutro line.\r\n"),
        Example("# Title\n\nIntro.\n| A | B |\n|---|---|\n| 1 | 2 |\n", markdown=True,
                fixed="# Title\n\nIntro.\n\n| A | B |\n|---|---|\n| 1 | 2 |\n"),
    )
    good_examples = (
        Example("Intro line.\n\n| A | B |\n|---|---|\n| 1 | 2 |\n\nOutro line.\n"),
        Example("| A | B |\n|---|---|\n| 1 | 2 |\n"),
        Example("Intro.\n\n| A | B |\n|---|---|\n| 1 | 2 |\n\nOutro.\n", markdown=True),
        Example("Use the `a | b` syntax in a sentence.\nAnother line.\n"),
    )

    def check(self, doc: Document, ctx: RuleContext) -> Iterable[Finding]:
        for table in doc.tables:
            if table.delimiter_index is None:
                continue  # not a table at all (NL404)
            before = table.line > 0 and _is_text_line(doc, table.line - 1)
            after = table.end_line < doc.line_count and _is_text_line(doc, table.end_line)
            if not (before or after):
                continue
            header = table.rows[0]
            start = _row_start(header, doc)
            if before and after:
                where = "before or after it"
            elif before:
                where = "before it"
            else:
                where = "after it (the next line is read as another row)"
            edits = []
            if before:
                edits.append(Edit(doc.line_starts[table.line], doc.line_starts[table.line],
                                  _line_ending(doc, table.line - 1)))
            if after:
                edits.append(Edit(doc.line_starts[table.end_line], doc.line_starts[table.end_line],
                                  _line_ending(doc, table.end_line - 1)))
            fix = None
            if not any(_is_quoted_or_indented(doc, r.line) for r in table.rows):
                what = "before and after" if before and after else ("before" if before else "after")
                fix = Fix(f"Insert a blank line {what} the table", tuple(edits))
            yield self.finding(start, header.end, f"Table has no blank line {where}", fix)


class TableDelimiterCellCount(Rule):
    """Report a table whose delimiter row has a different number of cells from its header.

    What it does:
        Compares the header row with the `---|---` row under it.

    Why is this bad?
        GitHub-flavoured Markdown only renders a table when the header and
        delimiter rows have the same number of cells; otherwise the whole
        table is shown as a paragraph of pipes.

    Fix safety:
        No fix: which column is missing is a guess.
    """

    code = "NL402"
    name = "table-delimiter-cell-count"
    severity = Severity.ERROR
    category = "table"
    bad_examples = (
        Example("| Region | Change | Price |\n|---|---|\n| London | -2% | 500 |\n"),
        Example("A | B |\n---|---|---|\n1 | 2 |\n"),
        Example("| A | B | C |\n| --- |\n| 1 | 2 | 3 |\n"),
    )
    good_examples = (
        Example("| A | B | C |\n|---|---|---|\n| 1 | 2 | 3 |\n"),
        Example("A | B |\n---|---|\n1 | 2 |\n"),
        Example("| A | B |\n|:--|--:|\n| 1 | 2 |\n"),
    )

    def check(self, doc: Document, ctx: RuleContext) -> Iterable[Finding]:
        for table in doc.tables:
            pair = _header(table)
            if pair is None:
                continue
            header, delim = pair
            if len(header.cells) != len(delim.cells):
                yield self.finding(
                    _row_start(delim, doc), delim.end,
                    f"Delimiter row has {len(delim.cells)} cells but the header has {len(header.cells)}: "
                    "the table will not render")


class TableRowCellCount(Rule):
    """Report a table row with a different number of cells from the header.

    What it does:
        Flags each body row of a valid table whose cell count differs from
        the header's.

    Why is this bad?
        Renderers pad short rows with empty cells and drop extra cells, so a
        value silently goes missing or lands in the wrong column.

    Fix safety:
        No fix: which value is missing or extra is a guess.
    """

    code = "NL403"
    name = "table-row-cell-count"
    severity = Severity.WARNING
    category = "table"
    bad_examples = (
        Example("| A | B | C |\n|---|---|---|\n| 1 | 2 |\n"),
        Example("A | B | C |\n---|---|---|\nx | 1 | 2 | 3 |\n"),
        Example("| Season | Goals |\n|---|---|\n| 2023 |\n"),
    )
    good_examples = (
        Example("| A | B | C |\n|---|---|---|\n| 1 | 2 | 3 |\n"),
        Example("| A | B |\n|---|---|\n| 1 |  |\n"),
        Example("| A | B |\n|---|---|\n| `a|b` | 2 |\n"),
    )

    def check(self, doc: Document, ctx: RuleContext) -> Iterable[Finding]:
        for table in doc.tables:
            pair = _header(table)
            if pair is None or len(pair[0].cells) != len(pair[1].cells):
                continue
            want = len(pair[0].cells)
            for row in table.rows[2:]:
                if row.is_delimiter:
                    break  # a second table glued on; its own header follows
                if len(row.cells) != want:
                    yield self.finding(_row_start(row, doc), row.end,
                                       f"Row has {len(row.cells)} cells but the header has {want}")


class TableMissingDelimiterRow(Rule):
    """Report pipe rows that have no `---|---` delimiter row under the first one.

    What it does:
        Flags a run of two or more pipe rows whose second row is not a
        delimiter row, at the first row. Every row must have two or more
        cells and a leading or trailing pipe, so prose that merely contains
        pipes ("Stream|Blob|string") is not taken for a table.

    Why is this bad?
        Without the delimiter row no renderer shows a table: readers see
        lines of text full of pipes.

    Fix safety:
        No fix: whether the first row is a header is a guess.
    """

    code = "NL404"
    name = "table-missing-delimiter-row"
    severity = Severity.WARNING
    category = "table"
    bad_examples = (
        Example("Component | Importance |\nTrust | High |\nAid | Low |\n"),
        Example("| A | B |\n| 1 | 2 |\n"),
        Example("Intro.\n\n| A | B |\n| 1 | 2 |\n| 3 | 4 |\n", markdown=True),
    )
    good_examples = (
        Example("| A | B |\n|---|---|\n| 1 | 2 |\n"),
        Example("News | Sport\n\nA single line with a pipe is not a table.\n"),
        Example("Use `a | b` and `c | d` in code.\n"),
    )

    def check(self, doc: Document, ctx: RuleContext) -> Iterable[Finding]:
        for table in doc.tables:
            if len(table.rows) >= 2 and not table.rows[0].is_delimiter and not table.rows[1].is_delimiter:
                # Every row must look tabular (two or more cells) to call it a broken table.
                if all(len(r.cells) >= 2 and (r.leading_pipe or r.trailing_pipe) for r in table.rows):
                    row = table.rows[0]
                    yield self.finding(_row_start(row, doc), row.end,
                                       "Pipe rows have no delimiter row (---|---) under the header: "
                                       "they will not render as a table")


class TableMixedPipeStyle(Rule):
    """Report a table that mixes rows with and without leading or trailing pipes.

    What it does:
        Flags the first body row whose leading/trailing pipe style differs
        from the header's. A table that consistently omits either pipe is
        fine, and so is a delimiter row styled differently (`|---|---|`
        under `A | B |`): renderers read it the same way.

    Why is this bad?
        Mixed styles are a sign of hand-edited or spliced tables and make the
        source hard to read; some renderers then misplace cells.

    Fix safety:
        No fix.
    """

    code = "NL405"
    name = "table-mixed-pipe-style"
    severity = Severity.INFO
    category = "table"
    bad_examples = (
        Example("| A | B |\n|---|---|\n1 | 2\n"),
        Example("A | B |\n---|---|\n| 1 | 2 |\n"),
        Example("| A | B |\n|---|---|\n| 1 | 2\n"),
    )
    good_examples = (
        Example("A | B |\n---|---|\n1 | 2 |\n"),
        Example("| A | B |\n|---|---|\n| 1 | 2 |\n"),
        Example("A | B\n---|---\n1 | 2\n"),
        Example("Date | City |\n|---|---|\nApril 9 | Vienna |\n"),
    )

    def check(self, doc: Document, ctx: RuleContext) -> Iterable[Finding]:
        for table in doc.tables:
            if _header(table) is None:
                continue
            header = table.rows[0]
            style = (header.leading_pipe, header.trailing_pipe)
            for row in table.rows[1:]:
                if row.is_delimiter:  # "|---|---|" under "A | B |" renders the same and is common
                    continue
                if (row.leading_pipe, row.trailing_pipe) != style:
                    yield self.finding(_row_start(row, doc), row.end,
                                       "Row mixes pipe styles with the header (leading/trailing '|')")
                    break


class TableEmptyHeaderCell(Rule):
    """Report an empty header cell in a table.

    What it does:
        Flags a header cell with no text. The top-left corner cell is not
        flagged: leaving it blank above a column of row labels is a common
        convention.

    Why is this bad?
        A column without a heading leaves readers guessing what its values
        mean, and screen readers announce nothing for it.

    Fix safety:
        No fix: the heading has to be written.
    """

    code = "NL406"
    name = "table-empty-header-cell"
    severity = Severity.WARNING
    category = "table"
    bad_examples = (
        Example("| Party | | Change |\n|---|---|---|\n| Labour | 411 | +209 |\n"),
        Example("| A |  |\n|---|---|\n| 1 | 2 |\n"),
        Example("Party |  | Seats |\n---|---|---|\nLabour | x | 411 |\n"),
    )
    good_examples = (
        Example("| Party | Seats |\n|---|---|\n| Labour | 411 |\n"),
        Example("|  | 2025 | 2026 |\n|---|---|---|\n| GDP | 1.2% | 1.5% |\n"),
        Example("Party | Seats |\n---|---|\nLabour | 411 |\n"),
    )

    def check(self, doc: Document, ctx: RuleContext) -> Iterable[Finding]:
        for table in doc.tables:
            pair = _header(table)
            if pair is None:
                continue
            header = pair[0]
            for i, cell in enumerate(header.cells):
                if i and not cell.text:
                    a, b = sorted((cell.start, cell.end))
                    yield self.finding(a, b, f"Header cell {i + 1} is empty")


class TableWithoutBody(Rule):
    """Report a table that has a header and delimiter row but no data rows.

    What it does:
        Flags a table made only of the header and `---` rows.

    Why is this bad?
        An empty table is usually a generation or template leftover: the
        rows the text promises never arrived.

    Fix safety:
        No fix.
    """

    code = "NL407"
    name = "table-without-body"
    severity = Severity.WARNING
    category = "table"
    bad_examples = (
        Example("| A | B |\n|---|---|\n"),
        Example("Intro.\n\nA | B |\n---|---|\n\nOutro.\n"),
        Example("| Party | Seats |\n| --- | --- |\n", markdown=True),
    )
    good_examples = (
        Example("| A | B |\n|---|---|\n| 1 | 2 |\n"),
        Example("A | B |\n---|---|\n1 | 2 |\n"),
        Example("Text with a | pipe.\n"),
    )

    def check(self, doc: Document, ctx: RuleContext) -> Iterable[Finding]:
        for table in doc.tables:
            if _header(table) is not None and len(table.rows) == 2:
                row = table.rows[0]
                yield self.finding(_row_start(row, doc), row.end, "Table has a header but no rows")


_TABLE_REF = re.compile(
    r"\b(?:(?P<dir1>below|above|following)\s+table"
    r"|table\s+(?P<dir2>below|above)"
    r"|table\s+that\s+(?P<dir3>follows)"
    r"|(?:the|this)\s+(?:following\s+)?table\s+(?:shows|lists|sets\s+out|summari[sz]es)\s+(?:below)?)",
    re.IGNORECASE,
)
_NEARBY_BLOCKS = 5


class DanglingTableReference(Rule):
    """Report "the table below" (or above) when there is no table nearby.

    What it does:
        Flags "the table below", "the following table", "the table above"
        and similar phrases when no table (rendering or not) is found within
        five blocks in that direction.

    Why is this bad?
        Generated copy announces tables that were dropped on the way to
        publication, leaving readers looking for something that is not there.

    Fix safety:
        No fix.
    """

    code = "NL408"
    name = "dangling-table-reference"
    severity = Severity.WARNING
    category = "table"
    bad_examples = (
        Example("The figures can be seen in the table below:\nPrices rose sharply in May.\n"),
        Example("As the table above shows, prices rose.\nMore text here.\n"),
        Example("The following table lists the winners.\n\nNo table ever arrives.\n"),
    )
    good_examples = (
        Example("The figures can be seen in the table below:\nA | B |\n---|---|\n1 | 2 |\n"),
        Example("A | B |\n---|---|\n1 | 2 |\n\nAs the table above shows, B is bigger.\n"),
        Example("The committee met around the table to talk.\n"),
    )

    def check(self, doc: Document, ctx: RuleContext) -> Iterable[Finding]:
        table_lines = {line for t in doc.tables for line in range(t.line, t.end_line)}
        blocks = doc.blocks
        position = {id(b): i for i, b in enumerate(blocks)}  # not blocks.index(): linear in big files

        def is_table(block: Block) -> bool:
            if block.kind == TABLE or any(line in table_lines for line in range(block.line, block.end_line)):
                return True
            return block.kind == "html" and "<table" in doc.text[block.start:block.end].lower()

        def nearby(index: int, step: int) -> Iterator[Block]:
            """Blocks within _NEARBY_BLOCKS steps; a run of list items counts as one step."""
            seen = 0
            i = index + step
            prev: Block | None = None
            while 0 <= i < len(blocks):
                b = blocks[i]
                if not (prev is not None and prev.kind == LIST_ITEM and b.kind == LIST_ITEM):
                    seen += 1
                if seen > _NEARBY_BLOCKS:
                    return
                yield b
                prev = b
                i += step

        if "table" not in doc.lowered_prose:  # cheap pre-check: most articles never mention one
            return
        for m in _TABLE_REF.finditer(doc.prose):
            block = doc.block_at(m.start())
            if block is None or block.kind not in (PARAGRAPH, LIST_ITEM, HEADING) or doc.in_table_cell(m.start()):
                continue
            direction = (m.group("dir1") or m.group("dir2") or m.group("dir3") or "below").lower()
            above = direction == "above"
            if any(is_table(b) for b in nearby(position[id(block)], -1 if above else 1)):
                continue
            yield self.finding(m.start(), m.end(),
                               f"'{m.group()}' refers to a table, but there is no table {'above' if above else 'below'}")


# --------------------------------------------------------------------------- placeholders

_PLACEHOLDER_NOUNS = (
    r"(?:(?:Company|Organi[sz]ation|Client|Brand|Product|Author|Reporter|Person|Spokesperson|Expert|First|Last|"
    r"Full|Job|Event|Team|Candidate|Business|Agency|Publication|Contact|Person's)\s+(?:Name|Title|Role))"
    r"|Name|Date|City|Location|Source|Link|URL|Quote|Headline|Title|Image|Photo|Caption|Number|Amount|"
    r"Figure|Percentage|Year|Month|Day|Time|Country|State|Website|Email|E-mail|Phone(?:\s+Number)?|"
    r"Citation|Statistic|Stat|TBD|TBC|TK|X+|Placeholder"
)
_BRACKET_PLACEHOLDER = re.compile(
    r"\[(?:"
    r"(?i:insert|your|placeholder|add\s+\w|enter\s+\w|include\s+(?:a|an|the|quote|link|name|date)\b)[^\[\]\n]{0,60}"
    r"|(?:" + _PLACEHOLDER_NOUNS + r")(?:\s+(?:here|\d{1,2}))?"
    r"|(?i:citation needed|source needed|link needed|quote needed|name needed|needs? citation)"
    r"|(?:" + _PLACEHOLDER_NOUNS.upper() + r")(?:\s+HERE)?"
    r")\](?![(\[:\ufffc])"
)
_TEMPLATE_VAR = re.compile(
    r"\{\{\s*[A-Za-z_][\w.]*\s*\}\}"  # {{name}}
    r"|\{%[^%\n]{1,60}%\}"  # {% tag %}
    r"|\$\{[A-Za-z_][\w.]*\}"  # ${name}
    r"|(?<![{\w$])\{(?:[a-z]+(?:_[a-z0-9]+)+|[a-z]+(?:[A-Z][a-z0-9]+)+"  # {first_name} {firstName}
    r"|name|company|date|city|country|title|author|location|source|quote|product|brand|amount|number|"
    r"year|month|day|time|percent|percentage|value|topic|keyword|link|url|headline|person|organi[sz]ation)\}(?!\})"
)
_LOREM = re.compile(r"\blorem\s+ipsum\b|\bdolor\s+sit\s+amet\b", re.IGNORECASE)
_PLACEHOLDER_FIGURE = re.compile(
    r"(?:[$£€]\s?X{1,3}(?:[.,]X+)*\b(?:\s?(?:m|bn|k|million|billion|trillion)\b)?"
    r"|\bX{1,3}(?:\.X+)?\s?%"
    r"|\bX{1,3}(?:\.X+)?\s(?:per\s?cent|percent)\b"
    r"|\bXX+(?:,XXX)*(?:\.X+)?\s(?:million|billion|trillion|people|years|months|days|weeks|hours|minutes|points)\b"
    r"|\b(?:19|20)XX\b)"
)
_TK = re.compile(r"\b(?:TK)+\b")
_EDITOR_NOTE_WORD = re.compile(r"TODO|FIXME|TB[DC]|INSERT|NOTE TO|EDITOR|ADD ")
_EDITOR_NOTE = re.compile(
    r"\b(?:TODO|FIXME|TBD|TBC)\s*:|\b(?:TODO|FIXME)\b"
    r"|\bINSERT\s+(?:[A-Z]{2,}|HERE\b)"
    r"|\b(?:NOTE TO (?:EDITOR|SELF)|EDITOR'?S NOTE: TODO|ADD (?:QUOTE|LINK|SOURCE)(?: HERE)?)\b"
)


class BracketPlaceholder(Rule):
    """Report a bracketed template placeholder left in the copy.

    What it does:
        Flags "[Insert quote]", "[Your Name]", "[Company Name]", "[Date]",
        "[citation needed]" and similar bracketed fill-in slots.

    Why is this bad?
        A template slot that was never filled is published verbatim and
        shows at a glance that the story was machine-made and unedited.

    Fix safety:
        No fix: the missing text has to be written. Markdown links
        (`[text](url)`, `[text][ref]`), footnotes (`[^1]`), check boxes and
        editorial insertions in quotes ("[the minister] said") are not flagged.
    """

    code = "NL420"
    name = "bracket-placeholder"
    severity = Severity.ERROR
    category = "placeholder"
    bad_examples = (
        Example('"[Insert quote from the minister]," a spokesperson said.'),
        Example("For more information, contact [Your Name] at [Company Name]."),
        Example("The deal closed on [Date] in [City]."),
        Example("Unemployment fell to a record low [citation needed]."),
    )
    good_examples = (
        Example("See [the report](https://example.com/report) for details.", markdown=True),
        Example('"I told [the minister] that we would not back down," she said.'),
        Example("- [x] Done\n- [ ] Not done\n\nA footnote[^1].\n\n[^1]: The note.\n", markdown=True),
        Example("Read [Name][ref] for more.\n\n[ref]: https://example.com\n", markdown=True),
    )

    def check(self, doc: Document, ctx: RuleContext) -> Iterable[Finding]:
        for m in _BRACKET_PLACEHOLDER.finditer(doc.prose):
            yield self.finding(m.start(), m.end(), f"Unfilled template placeholder {m.group()!r}")


class TemplateVariable(Rule):
    """Report an unrendered template variable such as `{{name}}` or `{first_name}`.

    What it does:
        Flags `{{ ... }}`, `{% ... %}`, `${...}` and single-brace tokens that
        look like template variables (`{name}`, `{company}`, `{first_name}`,
        `{firstName}`).

    Why is this bad?
        The template was never filled in: readers see the variable instead
        of the value.

    Fix safety:
        No fix. Code spans and code blocks are never checked; other brace
        text (`{a, b}`, `{1}`) is not flagged.
    """

    code = "NL421"
    name = "unrendered-template-variable"
    severity = Severity.ERROR
    category = "placeholder"
    bad_examples = (
        Example("Dear {{name}}, thank you for reading."),
        Example("Shares of {company} rose 5% on Tuesday."),
        Example("The report was written by {author_name} in {city}."),
    )
    good_examples = (
        Example("The set {a, b} has two elements."),
        Example("Use `{name}` in the template to insert the name."),
        Example("Section {1} of the act applies."),
    )

    def check(self, doc: Document, ctx: RuleContext) -> Iterable[Finding]:
        if "{" not in doc.prose:  # every template syntax has a brace
            return
        for m in _TEMPLATE_VAR.finditer(doc.prose):
            yield self.finding(m.start(), m.end(), f"Unrendered template variable {m.group()!r}")


class LoremIpsum(Rule):
    """Report "Lorem ipsum" filler text.

    What it does:
        Flags "lorem ipsum" and "dolor sit amet".

    Why is this bad?
        Dummy text means a section was never written.

    Fix safety:
        No fix.
    """

    code = "NL422"
    name = "lorem-ipsum-filler"
    severity = Severity.ERROR
    category = "placeholder"
    bad_examples = (
        Example("Lorem ipsum dolor sit amet, consectetur adipiscing elit."),
        Example("The minister said lorem ipsum."),
        Example("## Background\n\nLOREM IPSUM\n", markdown=True),
    )
    good_examples = (
        Example("The designer explained what placeholder text is."),
        Example("Use `lorem ipsum` in mock-ups, the guide says."),
        Example("Lorena Ipsen spoke at the event."),
    )

    def check(self, doc: Document, ctx: RuleContext) -> Iterable[Finding]:
        lowered = doc.lowered_prose
        if "lorem" not in lowered and "dolor" not in lowered:
            return
        for m in _LOREM.finditer(doc.prose):
            yield self.finding(m.start(), m.end(), f"Placeholder filler text {m.group()!r}")


class PlaceholderFigure(Rule):
    """Report a placeholder figure such as "XX%", "$XX" or "XX million".

    What it does:
        Flags X's standing in for a number: with a currency sign, a percent
        sign or "per cent", a magnitude ("XX million"), or a year ("20XX").

    Why is this bad?
        The number was never filled in.

    Fix safety:
        No fix. Roman numerals ("Super Bowl XX") and sizes ("XXL") are not
        flagged.
    """

    code = "NL423"
    name = "placeholder-figure"
    severity = Severity.ERROR
    category = "placeholder"
    bad_examples = (
        Example("Revenue rose XX% to $XX million."),
        Example("The company will hire XX,XXX people by 20XX."),
        Example("Prices fell X.X per cent in May."),
    )
    good_examples = (
        Example("Super Bowl XX was played in 1986."),
        Example("The shirt comes in sizes S to XXL."),
        Example("Revenue rose 12% to $40 million."),
    )

    def check(self, doc: Document, ctx: RuleContext) -> Iterable[Finding]:
        if "X" not in doc.prose:  # every placeholder figure has one
            return
        for m in _PLACEHOLDER_FIGURE.finditer(doc.prose):
            yield self.finding(m.start(), m.end(), f"Placeholder figure {m.group()!r}")


_WORD_AT_START = re.compile(r"\W{0,3}?([^\W\d_][\w'\u2019-]*)")
_DASH_AHEAD = re.compile(r"\s*[-\u2013]")


def _word_after(prose: str, end: int) -> str:
    m = _WORD_AT_START.match(prose, end, end + 40)
    return m.group(1) if m and not _DASH_AHEAD.match(prose, end, end + 2) else ""


class ToComeMarker(Rule):
    """Report the journalists' "TK" (to come) marker left in the copy.

    What it does:
        Flags "TKTK" anywhere it stands alone, and "TK" when it is not part of
        a name: a standalone uppercase token not next to a capitalised word
        ("TK Maxx", "Thyssenkrupp TK") or a hyphen.

    Why is this bad?
        "TK" marks a fact still to be added. Published, it shows the story
        was not finished.

    Fix safety:
        No fix.
    """

    code = "NL424"
    name = "to-come-marker"
    severity = Severity.ERROR
    category = "placeholder"
    bad_examples = (
        Example("The deal is worth TK million, sources said."),
        Example("The company was founded in TKTK by two brothers."),
        Example("Its chief executive, TK, declined to comment."),
    )
    good_examples = (
        Example("She bought a coat at TK Maxx on Saturday."),
        Example("Shares in Thyssenkrupp TK Elevator rose."),
        Example("The stock market was closed, the TK-based firm said."),
    )

    def check(self, doc: Document, ctx: RuleContext) -> Iterable[Finding]:
        prose = doc.prose
        if "TK" not in prose:
            return
        for m in _TK.finditer(prose):
            if m.group() == "TK":
                before, after = word_before(prose, m.start()), _word_after(prose, m.end())
                if prose[m.end():m.end() + 1] in ("-", "\u2013") or prose[m.start() - 1:m.start()] == "-":
                    continue
                if (before[:1].isupper() and not doc.starts_unit(m.start())
                        and not re.search(r"[.,;:!?]\s*$", prose[max(0, m.start() - 4):m.start()])):
                    continue
                if after[:1].isupper():
                    continue
            yield self.finding(m.start(), m.end(), f"'To come' marker {m.group()!r} left in the copy")


class EditorNote(Rule):
    """Report a note to the editor left in the copy ("TODO:", "INSERT QUOTE").

    What it does:
        Flags "TODO", "FIXME", "TBD:"/"TBC:" with a colon, "INSERT QUOTE"
        style capitalised instructions and "NOTE TO EDITOR".

    Why is this bad?
        Working notes are not meant for readers.

    Fix safety:
        No fix.
    """

    code = "NL425"
    name = "editor-note-left-in"
    severity = Severity.ERROR
    category = "placeholder"
    bad_examples = (
        Example("TODO: add the minister's reaction."),
        Example("The minister said INSERT QUOTE HERE."),
        Example("Turnout was high. NOTE TO EDITOR: check the figure."),
    )
    good_examples = (
        Example("The to-do list was long, the mayor said."),
        Example("The date of the final is TBD, organisers said."),
        Example("Engineers ran `INSERT INTO users` in the query."),
    )

    def check(self, doc: Document, ctx: RuleContext) -> Iterable[Finding]:
        if not _EDITOR_NOTE_WORD.search(doc.prose):  # a literal scan, far cheaper than the full pattern
            return
        for m in _EDITOR_NOTE.finditer(doc.prose):
            yield self.finding(m.start(), m.end(), f"Editor's note {m.group().rstrip(': ')!r} left in the copy")


# --------------------------------------------------------------------------- emphasis

_DELIM_RUN = re.compile(r"\*+|_+")
_PUNCT = re.compile(r"[!-/:-@\[-`{-~\u2010-\u2027\u2030-\u205e\u00a1-\u00bf]")


def _flanking(text: str, start: int, end: int) -> tuple[bool, bool]:
    """CommonMark left- and right-flanking tests for the delimiter run text[start:end]."""
    before = text[start - 1] if start > 0 else "\n"
    after = text[end] if end < len(text) else "\n"
    ws_before, ws_after = before.isspace(), after.isspace()
    p_before, p_after = bool(_PUNCT.match(before)), bool(_PUNCT.match(after))
    left = not ws_after and (not p_after or ws_before or p_before)
    right = not ws_before and (not p_before or ws_after or p_after)
    return left, right


class UnclosedEmphasis(Rule):
    """Report Markdown emphasis markers (`**`, `__`, `_`, `*`) that are never closed.

    What it does:
        In Markdown files, runs the CommonMark emphasis matching over each
        paragraph, list item and heading, and flags a run that can only open
        (or only close) emphasis but has no partner in the same block.

    Why is this bad?
        The stray asterisks or underscores are printed literally ("**Key
        point: ...") and the intended bold or italic is lost.

    Fix safety:
        No fix: where the emphasis should end is a guess. Bullets, `2 * 3`,
        snake_case words, URLs and code are never flagged; a lone `*` that
        starts a paragraph or follows a word (footnote markers) is left alone.
    """

    code = "NL440"
    name = "unclosed-emphasis"
    severity = Severity.WARNING
    category = "markdown"
    bad_examples = (
        Example("The **key point is that talks resumed.\n", markdown=True),
        Example("- __Trust: both sides must rebuild it.\n", markdown=True),
        Example("Officials said the _final offer was rejected.\n", markdown=True),
        Example("Talks resumed** on Monday.\n", markdown=True),
    )
    good_examples = (
        Example("The **key point** is that *talks* resumed, said _officials_.\n", markdown=True),
        Example("* item one\n* item two\n\nTwo times three is 2 * 3 and my_var_name is code-ish.\n", markdown=True),
        Example("Prices exclude VAT*.\n\n*Figures are provisional.\n", markdown=True),
        Example("See https://example.com/a_b_c and **bold\ntext across lines**.\n", markdown=True),
        Example("The **key point is plain text here.\n"),
    )

    def check(self, doc: Document, ctx: RuleContext) -> Iterable[Finding]:
        if not doc.is_markdown:
            return
        prose = _emphasis_view(doc)
        for block in doc.blocks:
            if block.kind not in (PARAGRAPH, LIST_ITEM, HEADING):
                continue
            yield from self._check_block(prose, block, doc)

    def _check_block(self, prose: str, block: Block, doc: Document) -> Iterator[Finding]:
        start, end = block.content_start, block.end
        runs = []
        for m in _DELIM_RUN.finditer(prose, start, end):
            if m.start() > 0 and prose[m.start() - 1] == "\\":
                continue  # escaped: literal
            if doc.in_table_cell(m.start()):
                continue
            left, right = _flanking(prose, m.start(), m.end())
            ch = m.group()[0]
            if ch == "_":
                before = prose[m.start() - 1] if m.start() > 0 else " "
                after = prose[m.end()] if m.end() < len(prose) else " "
                can_open = left and (not right or _PUNCT.match(before) is not None)
                can_close = right and (not left or _PUNCT.match(after) is not None)
            else:
                can_open, can_close = left, right
            if can_open or can_close:
                runs.append((m.start(), m.end(), ch, can_open, can_close, len(m.group())))
        # Simplified CommonMark "process emphasis": match each closer with the nearest opener.
        openers: list[tuple] = []
        unmatched: list[tuple] = []
        for run in runs:
            s, e, ch, can_open, can_close, count = run
            matched = False
            if can_close:
                for i in range(len(openers) - 1, -1, -1):
                    o = openers[i]
                    if o[2] != ch:
                        continue
                    if (o[4] or can_open) and (o[5] + count) % 3 == 0 and not (o[5] % 3 == 0 and count % 3 == 0):
                        continue  # CommonMark "rule of 3"
                    unmatched.extend(openers[i + 1:])
                    del openers[i:]
                    matched = True
                    break
            if not matched:
                if can_open:
                    openers.append(run)
                else:
                    unmatched.append(run)
        unmatched.extend(openers)
        for s, e, ch, can_open, can_close, count in sorted(unmatched):
            if can_open and can_close:
                continue  # intraword, ambiguous: "a*b"
            if _in_identifier(doc, prose, s, e):
                continue  # snake_case, __dunder, npm_config_
            before = prose[s - 1] if s > start else " "
            after = prose[e] if e < len(prose) else " "
            if count == 1:
                if can_open and not ((before.isspace() or before in "([\"'\u201c\u2018") and after.isalnum()):
                    continue  # "~/.*rc", "*/"
                if can_close and not (before.isalnum() and (after.isspace() or after in ".,;:!?)]\"'\u2019\u201d")):
                    continue
                if ch == "*" and (can_close or s == start):
                    continue  # footnote markers: "VAT*", "*Figures are provisional."
            marker = prose[s:e]
            if can_open:
                msg = f"Emphasis marker '{marker}' is never closed in this paragraph"
            else:
                msg = f"Emphasis marker '{marker}' closes emphasis that was never opened"
            yield self.finding(s, e, msg)


_REF_LABEL = re.compile(r"\]\[[^\[\]\n]*\]")


def _emphasis_view(doc: Document) -> str:
    """The prose, with `*`/`_` that end a skip span restored and reference labels masked.

    URLs swallow a closing `**` glued to them ("(https://x.org)**"); the
    marker still closes emphasis, so it must be visible. `[text][label]`
    labels are never rendered, so their underscores do not count.
    """
    text, prose = doc.text, doc.prose
    chars = None
    for s, e in doc.skip_spans:
        k = e
        while k > s and text[k - 1] in "*_":
            k -= 1
        if k < e:
            chars = chars if chars is not None else list(prose)
            chars[k:e] = text[k:e]
    for m in _REF_LABEL.finditer(prose):
        chars = chars if chars is not None else list(prose)
        chars[m.start() + 2:m.end() - 1] = MASK * (m.end() - m.start() - 3)
    return "".join(chars) if chars is not None else prose


def _in_identifier(doc: Document, prose: str, s: int, e: int) -> bool:
    """True when an underscore run belongs to an identifier: snake_case, digits or camelCase inside."""
    token = doc.token_at(s, e)
    if prose[s] != "_" or not token:
        return False
    inner = token.strip("_*")
    return "_" in inner or any(c.isdigit() for c in inner) or re.search(r"[a-z][A-Z]", inner) is not None


RULES: list = [
    TableWithoutBlankLines,
    TableDelimiterCellCount,
    TableRowCellCount,
    TableMissingDelimiterRow,
    TableMixedPipeStyle,
    TableEmptyHeaderCell,
    TableWithoutBody,
    DanglingTableReference,
    BracketPlaceholder,
    TemplateVariable,
    LoremIpsum,
    PlaceholderFigure,
    ToComeMarker,
    EditorNote,
    UnclosedEmphasis,
]
