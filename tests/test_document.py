"""The document model: positions, blocks, skip spans, tables and sentences."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from newslint.document import CODE, HEADING, LIST_ITEM, PARAGRAPH, TABLE, Document


def test_positions_are_code_points_with_crlf_tabs_and_emoji():
    text = "Caf\u00e9 \U0001F600\tok\r\nSecond \u201cline\u201d \u2014 here\r\n"
    doc = Document(text, "a.txt")
    assert doc.line_count == 2
    assert doc.lines == ["Caf\u00e9 \U0001F600\tok", "Second \u201cline\u201d \u2014 here"]
    assert doc.position(text.index("ok")) == (1, 8)
    assert doc.position(text.index("here")) == (2, 17)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab ,.\t\r\n\u201c\u201d\u2014\U0001F600\ufeff|#-*")), max_size=200))
def test_position_round_trips_for_any_text(text):
    doc = Document(text, "x.md" if "#" in text else "x.txt")
    for offset in range(len(text) + 1):
        line, col = doc.position(offset)
        assert 1 <= line <= max(doc.line_count, 1)
        assert doc.line_starts[line - 1] + col - 1 == offset
        assert col >= 1
    for sentence in doc.sentences:
        assert 0 <= sentence.start < sentence.end <= len(text)
    assert len(doc.prose) == len(text)


def test_plain_text_article_blocks(seed_text):
    doc = Document(seed_text, "seed.txt")
    kinds = {b.line + 1: b.kind for b in doc.blocks}
    assert kinds[1] == PARAGRAPH
    assert kinds[2] == HEADING
    assert kinds[5] == LIST_ITEM
    assert kinds[15] == TABLE
    assert kinds[65] == HEADING
    assert [(t.line + 1, len(t.rows)) for t in doc.tables] == [(15, 5), (26, 5), (37, 5), (49, 5), (60, 5)]
    assert doc.tables[0].rows[0].cells[1].text == "Importance for Trust"
    assert doc.tables[0].rows[1].is_delimiter


def test_markdown_blocks_and_skip_spans():
    text = (
        "---\ntitle: x,y\n---\n# Heading here\n\nSome `a,b` code and https://example.com/a,b link.\n\n"
        "```\nx,y\n```\n\n- item one\n- item two\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n<!-- hidden,comment -->\n"
    )
    doc = Document(text, "a.md")
    kinds = [b.kind for b in doc.blocks]
    assert kinds[0] == "front_matter"
    assert HEADING in kinds and CODE in kinds and LIST_ITEM in kinds and TABLE in kinds
    for needle in ("title: x,y", "a,b` code", "https://example.com/a,b", "x,y\n", "hidden,comment"):
        assert doc.is_skipped(text.index(needle)), needle
    assert not doc.is_skipped(text.index("Some"))
    heading = doc.headings[0]
    assert text[heading.content_start:heading.end] == "Heading here"


SENTENCE_CASES = [
    ("Officials in the U.S. said no. Talks resume.", ["Officials in the U.S. said no.", "Talks resume."]),
    ("Dr. Smith met J. K. Rowling on Jan. 5 at 3 p.m. today. It rained.",
     ["Dr. Smith met J. K. Rowling on Jan. 5 at 3 p.m. today.", "It rained."]),
    ("Growth was 3.5 percent, e.g. in farming. Prices fell.", ["Growth was 3.5 percent, e.g. in farming.", "Prices fell."]),
    ("\u201cWhy?\u201d he asked. Nobody knew.", ["\u201cWhy?\u201d he asked.", "Nobody knew."]),
    ("It went on... and on. Then it stopped.", ["It went on... and on.", "Then it stopped."]),
    ("He spoke (briefly.) Then he left.", ["He spoke (briefly.)", "Then he left."]),
    ("It moved to the U.S. The talks ended.", ["It moved to the U.S.", "The talks ended."]),
    ("It was over.Without trust, nothing. the end came.", ["It was over.", "Without trust, nothing.", "the end came."]),
]


def test_sentences_survive_abbreviations_initials_decimals_quotes():
    for text, expected in SENTENCE_CASES:
        doc = Document(text, "a.txt")
        assert [text[s.start:s.end] for s in doc.sentences] == expected, text


def test_front_matter_and_bom_free_text_have_no_drift():
    text = "---\na: 1\n---\nBody,text here.\n"
    doc = Document(text, "a.md")
    assert doc.position(text.index(",")) == (4, 5)
