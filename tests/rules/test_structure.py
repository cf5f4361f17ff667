"""Tables, placeholders and unclosed emphasis (NL401-NL449)."""

from __future__ import annotations

import json

import pytest

from conftest import FIXTURES, codes, fix, lint

STRUCTURE = ["NL401", "NL402", "NL403", "NL404", "NL405", "NL406", "NL407", "NL408",
             "NL420", "NL421", "NL422", "NL423", "NL424", "NL425", "NL440"]

GOOD_TABLE = "Intro paragraph.\n\n| Party | Seats |\n|---|---:|\n| Labour | 411 |\n| Conservative | 121 |\n\nOutro.\n"


def _positions(diags, code):
    return [(d.line, d.column) for d in diags if d.code == code]


# --------------------------------------------------------------------------- seed article


@pytest.fixture(scope="module")
def seed():
    text = (FIXTURES / "seed-article.txt").read_text(encoding="utf-8")
    gold = json.loads((FIXTURES / "seed-article.gold.json").read_text(encoding="utf-8"))
    return text, gold


def test_seed_table_findings_are_exactly_the_gold(seed):
    text, gold = seed
    want = sorted((a["line"], a["column"]) for a in gold["annotations"] if a["category"] == "table")
    assert len(want) == 5
    diags = lint(text, *STRUCTURE)
    assert sorted(_positions(diags, "NL401")) == want
    # Nothing else from this family fires on the seed ("the table below:" IS followed by a table).
    assert codes(diags) == ["NL401"] * 5
    assert all(d.category == "table" for d in diags)


def test_seed_table_fix_inserts_blank_lines_and_is_stable(seed):
    text, _ = seed
    fixed, remaining = fix(text, "NL401")
    assert not [d for d in remaining if d.code == "NL401"]
    lines = fixed.splitlines()
    i = lines.index("Component | Importance for Trust |")
    assert lines[i - 1] == "" and lines[i + 5] == ""
    assert lines[i + 6].startswith("trust-Building Measures")
    # Only blank lines were added.
    assert [l for l in lines if l] == [l for l in text.splitlines() if l]


# --------------------------------------------------------------------------- NL401


@pytest.mark.parametrize("markdown", [False, True])
def test_correct_gfm_table_is_clean(markdown):
    assert lint(GOOD_TABLE, *STRUCTURE, markdown=markdown) == []


@pytest.mark.parametrize("markdown", [False, True])
def test_table_at_start_and_end_of_file_is_clean(markdown):
    assert lint("| A | B |\n|---|---|\n| 1 | 2 |\n", *STRUCTURE, markdown=markdown) == []
    assert lint("| A | B |\n|---|---|\n| 1 | 2 |", *STRUCTURE, markdown=markdown) == []


def test_one_finding_per_table_mentions_where():
    before = lint("Intro:\n| A | B |\n|---|---|\n| 1 | 2 |\n\nOutro.\n", "NL401")
    after = lint("Intro:\n\n| A | B |\n|---|---|\n| 1 | 2 |\nOutro.\n", "NL401")
    both = lint("Intro:\n| A | B |\n|---|---|\n| 1 | 2 |\nOutro.\n", "NL401")
    assert [(d.line, d.column) for d in before] == [(2, 1)] and "before" in before[0].message
    assert [(d.line, d.column) for d in after] == [(3, 1)] and "after" in after[0].message
    assert len(both) == 1 and "before or after" in both[0].message


def test_crlf_fix_uses_crlf():
    fixed, _ = fix("Intro.\r\n| A | B |\r\n|---|---|\r\n| 1 | 2 |\r\nOutro.\r\n", "NL401")
    assert fixed == "Intro.\r\n\r\n| A | B |\r\n|---|---|\r\n| 1 | 2 |\r\n\r\nOutro.\r\n"


def test_indented_table_is_reported_without_fix():
    diags = lint("- Item:\n  | A | B |\n  |---|---|\n  | 1 | 2 |\n", "NL401", markdown=True)
    assert len(diags) == 1 and diags[0].fix is None


def test_comment_line_next_to_table_is_not_text():
    text = "Intro.\n\n<!-- newslint-disable-next-line NL999 -->\n| A | B |\n|---|---|\n| 1 | 2 |\n"
    assert lint(text, "NL401", markdown=True) == []


def test_pipe_rows_without_delimiter_are_not_nl401():
    assert codes(lint("Intro.\nA | B |\nC | D |\n", "NL401", "NL404")) == ["NL404"]


# --------------------------------------------------------------------------- NL402-NL407


def test_delimiter_cell_count_reported_at_delimiter_row():
    text = "Intro.\n\n| Region | Change | Price |\n|---|---|\n| London | -2% | 5 |\n"
    diags = lint(text, *STRUCTURE, markdown=True)
    assert [(d.code, d.line, d.column) for d in diags] == [("NL402", 4, 1)]


@pytest.mark.parametrize("row, cells", [("Spain | 1,720 | +22% | n/a |", 4), ("2024-25 | 31 |", 2)])
def test_row_cell_count(row, cells):
    text = f"Intro.\n\nCountry | Bill | Change |\n---|---|---|\nItaly | 2,180 | +41% |\n{row}\n\nOutro.\n"
    diags = lint(text, *STRUCTURE)
    assert [(d.code, d.line, d.column) for d in diags] == [("NL403", 6, 1)]
    assert f"{cells} cells" in diags[0].message


def test_missing_delimiter_row():
    diags = lint("Intro.\n\nComponent | Importance |\nTrust | High |\n\nOutro.\n", *STRUCTURE)
    assert [(d.code, d.line) for d in diags] == [("NL404", 3)]


def test_prose_with_pipes_is_not_a_table():
    text = "The type is {Stream|Blob|string|\n  Iterable|Object} in the docs.\n"
    assert lint(text, *STRUCTURE, markdown=True) == []


def test_mixed_pipe_style_only_when_mixed():
    assert codes(lint("| A | B |\n|---|---|\n1 | 2 |\n", "NL405")) == ["NL405"]
    assert lint("A | B |\n---|---|\n1 | 2 |\n", "NL405") == []  # the seed's consistent style


def test_empty_header_cell_but_not_corner():
    assert codes(lint("| A | | C |\n|---|---|---|\n| 1 | 2 | 3 |\n", "NL406")) == ["NL406"]
    assert lint("| | 2025 | 2026 |\n|---|---|---|\n| GDP | 1 | 2 |\n", "NL406") == []


def test_header_only_table():
    assert codes(lint("Intro.\n\n| A | B |\n|---|---|\n\nOutro.\n", *STRUCTURE)) == ["NL407"]


# --------------------------------------------------------------------------- NL408


def test_table_reference_with_table_below_is_fine():
    text = "The results can be seen in the table below:\n\n| A | B |\n|---|---|\n| 1 | 2 |\n"
    assert lint(text, "NL408") == []
    assert lint(text, "NL408", markdown=True) == []


def test_table_reference_without_table():
    text = "The results can be seen in the table below:\n\nPrices rose.\n\nThey fell.\n"
    diags = lint(text, "NL408")
    assert len(diags) == 1 and diags[0].line == 1 and "table below" in diags[0].message


def test_table_above_reference():
    ok = "| A | B |\n|---|---|\n| 1 | 2 |\n\nAs the table above shows, B wins.\n"
    bad = "Some text.\n\nAs the table above shows, B wins.\n"
    assert lint(ok, "NL408") == []
    assert codes(lint(bad, "NL408")) == ["NL408"]


def test_html_table_counts_as_a_table():
    text = "Use the following table to find it.\n\n<table>\n<tr><td>1</td></tr>\n</table>\n"
    assert lint(text, "NL408", markdown=True) == []


# --------------------------------------------------------------------------- placeholders


@pytest.mark.parametrize("text, code", [
    ("\"[Insert quote]\", said the minister.", "NL420"),
    ("Contact [Your Name] at [Company Name].", "NL420"),
    ("It rose [citation needed].", "NL420"),
    ("Dear {{ name }}, welcome.", "NL421"),
    ("Shares of {company} rose.", "NL421"),
    ("Lorem ipsum dolor sit amet.", "NL422"),
    ("Sales rose XX% to $XX million.", "NL423"),
    ("It hired XX,XXX people.", "NL423"),
    ("The deal is worth TK.", "NL424"),
    ("The firm was founded in TKTK.", "NL424"),
    ("TODO: check this figure.", "NL425"),
])
def test_placeholders_flagged(text, code):
    diags = lint(text, *STRUCTURE)
    assert code in codes(diags)
    assert all(d.category == "placeholder" for d in diags)


@pytest.mark.parametrize("text, markdown", [
    ("Read [the report](https://example.com/r) today.", True),
    ("Read [the report][r] today.\n\n[r]: https://example.com/r\n", True),
    ("A claim[^1].\n\n[^1]: A source.\n", True),
    ("- [ ] open task\n- [x] done task\n", True),
    ('"I told [the minister] that," she said.', False),
    ("He told [Smith] the news, [sic].", False),
    ("Super Bowl XX and sizes XL to XXL.", False),
    ("She shops at TK Maxx, and the TK-based firm grew.", False),
    ("The set {a, b} and section {1} apply.", False),
    ("Kick-off time is TBD, organisers said.", False),
    ("Use `{{name}}` and `TODO` in the template.", True),
])
def test_placeholder_look_alikes_not_flagged(text, markdown):
    assert lint(text, *STRUCTURE, markdown=markdown) == []


# --------------------------------------------------------------------------- NL440


@pytest.mark.parametrize("text", [
    "The **key point is clear.\n",
    "Officials said the _final offer was rejected.\n",
    "- __Trust: both sides must rebuild it.\n",
    "Talks resumed** on Monday.\n",
])
def test_unclosed_emphasis(text):
    assert codes(lint(text, "NL440", markdown=True)) == ["NL440"]


@pytest.mark.parametrize("text", [
    "The **key point** is *clear* and _plain_.\n",
    "* bullet one\n* bullet two\n",
    "Two times three is 2 * 3, and 4*5 is twenty.\n",
    "The snake_case_name and my_var_ and __dunder__ are code-like.\n",
    "See https://example.com/a_b_c and **[a link](https://example.com/x_y)** now.\n",
    "Prices exclude VAT*.\n\n*Figures are provisional.\n",
    "Bold across **two\nlines** is fine.\n",
    "An escaped \\*asterisk and `**code**`.\n",
    "| a | **b |\n|---|---|\n| 1 | 2 |\n",
])
def test_emphasis_look_alikes(text):
    assert lint(text, "NL440", markdown=True) == []


def test_emphasis_only_in_markdown():
    assert lint("The **key point is clear.\n", "NL440") == []
