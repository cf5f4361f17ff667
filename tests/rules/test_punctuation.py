"""Punctuation rules NL204-NL208 (NL201-NL203 live in spacing.py)."""

from __future__ import annotations

import pytest

from conftest import FIXTURES, codes, fix, lint

PUNCT = ["NL204", "NL205", "NL206", "NL207", "NL208"]


def test_seed_gives_nothing():
    text = (FIXTURES / "seed-article.txt").read_text(encoding="utf-8")
    assert lint(text, *PUNCT) == []


def test_clean_news_gives_nothing():
    text = (
        'Mr Ruddock said: "Australia has a very fine record." He added: "We are a generous '
        'contributor to the UN (and always have been)."\n'
        "Sales rose 3.5% to $1.2 billion... then fell. The U.S. and the U.K. agreed, e.g., on tariffs.\n"
        "\u201cWe will fight on,\u201d she said. \u201cUkraine\u2019s future is at stake.\u201d\n"
        "Options were: a) talks, b) sanctions. The firm uses .NET and sells .com domains.\n"
        "He is 6'2\" tall, the team said.  Training starts at 9:30.\n"
    )
    assert lint(text, *PUNCT) == []


# --------------------------------------------------------------------------- NL204


@pytest.mark.parametrize("text, fixed", [
    ("Talks resumed , officials said.", "Talks resumed, officials said."),
    ("It is out of debt . He says so.", "It is out of debt. He says so."),
    ("Is it over ?", "Is it over?"),
    ("Wow !", "Wow!"),
    ("Three points : trust and aid.", "Three points: trust and aid."),
    ("Trust ;aid and talks.", "Trust; aid and talks."),
    ("Trust  ,  aid.", "Trust,  aid."),
])
def test_space_before_punctuation(text, fixed):
    assert codes(lint(text, "NL204")) == ["NL204"]
    assert fix(text, "NL204")[0] == fixed


@pytest.mark.parametrize("text", [
    "He paused ... then spoke.",
    "Nice :) he wrote, and :-( later.",
    "- . is a list item? No.\n",
    "It moved to .NET, bought site .com names and a .22 rifle.",
    "| a | . |\n|---|---|\n| b | , |\n",
    "Paths with . and .. are relative.",
    "Run `a , b` in code.",
])
def test_space_before_punctuation_look_alikes(text):
    assert lint(text, "NL204") == []


def test_space_before_punctuation_reports_at_space():
    (d,) = lint("Talks resumed , officials said.", "NL204")
    assert (d.line, d.column) == (1, 14)


# --------------------------------------------------------------------------- NL205


def test_doubled_space_is_opt_in():
    assert lint("The talks  resumed.") == [] or "NL205" not in codes(lint("The talks  resumed."))
    assert codes(lint("The talks  resumed.", "NL205")) == ["NL205"]
    assert fix("The talks  resumed.", "NL205")[0] == "The talks resumed."


@pytest.mark.parametrize("text", [
    "First sentence.  Second sentence.",
    "    Indented code line\n",
    "| A   | B |\n|-----|---|\n| 1   | 2 |\n",
    "Quote ends here.\"  Next one.",
])
def test_doubled_space_look_alikes(text):
    assert lint(text, "NL205") == []


def test_doubled_space_after_sentence_option():
    mixed = "One. Two. Three. Four.  Five."
    consistent = "One.  Two.  Three."
    opts = {"rule-options": {"doubled-space": {"after-sentence-end": True}}}
    try:
        found_mixed = lint(mixed, "NL205", **opts)
        found_consistent = lint(consistent, "NL205", **opts)
    except Exception:  # pragma: no cover - option plumbing differs
        pytest.skip("rule options are configured differently")
    assert codes(found_mixed) == ["NL205"]
    assert found_consistent == []


# --------------------------------------------------------------------------- NL206


@pytest.mark.parametrize("text, fixed", [
    ("Talks resumed,, officials said.", "Talks resumed, officials said."),
    ("Talks resumed;; then stopped.", "Talks resumed; then stopped."),
    ("It was over.. Nobody moved.", "It was over. Nobody moved."),
    ("Can you believe it?!", None),
    ("Incredible!!", None),
    ("They agreed,. Then left.", None),
])
def test_repeated_punctuation(text, fixed):
    diags = lint(text, "NL206")
    assert codes(diags) == ["NL206"]
    assert (diags[0].fix is not None) == (fixed is not None)
    if fixed:
        assert fix(text, "NL206")[0] == fixed


@pytest.mark.parametrize("text", [
    "He paused... then went on....",
    "Leaders, e.g., the prime minister, spoke. The U.S., Canada agreed.",
    "The range 1..10 and `a,,b` in code.",
    'She wrote ".." in the margin.',
])
def test_repeated_punctuation_look_alikes(text):
    assert lint(text, "NL206") == []


# --------------------------------------------------------------------------- NL207


def test_unclosed_bracket_reported_at_bracket():
    (d,) = lint("The agency (founded in 1990 said it would appeal.", "NL207")
    assert d.column == 12 and "not closed" in d.message


def test_stray_closing_bracket():
    (d,) = lint("The minister] said talks would resume.", "NL207")
    assert d.column == 13 and "no matching" in d.message


def test_brackets_are_per_paragraph():
    assert codes(lint("It (was said\n\nthat) it rained.\n", "NL207")) == ["NL207", "NL207"]


@pytest.mark.parametrize("text, markdown", [
    ("The agency (founded in 1990) said [sic] it would appeal.", False),
    ("Options: a) talks, b) sanctions and c) war.", False),
    ("Steve Waugh (c), Adam Gilchrist (vc) and section 6B (4) of the act.", False),
    ("Great news :) and sad news :(", False),
    ("[![badge](https://img.example.com/a.svg)](https://example.com/x)", True),
    ("See https://en.wikipedia.org/wiki/Foo_(bar) for more.", False),
    ("Call `f(` in code.", True),
])
def test_bracket_look_alikes(text, markdown):
    assert lint(text, "NL207", markdown=markdown) == []


# --------------------------------------------------------------------------- NL208


def test_unclosed_straight_quote():
    (d,) = lint('The minister said "talks will resume.\n\nOfficials agreed.\n', "NL208")
    assert (d.line, d.column) == (1, 19)


def test_stray_closing_quote():
    (d,) = lint("Australia has a fine record,\u201d he said.", "NL208")
    assert d.column == 29 and "no opening" in d.message


def test_misplaced_closing_quote_in_joined_paragraphs():
    text = '"This is why you play," she said. "But I want to peak late. "Seles, slow into her stride, lost.'
    (d,) = lint(text, "NL208")
    assert text[d.column - 1:].startswith('"Seles')


@pytest.mark.parametrize("text", [
    # A quotation running over several paragraphs: open at each, close only at the end.
    "\u201cWe will fight on.\n\n\u201cWe will not give up.\n\n\u201cNever,\u201d he said.\n",
    '"We will fight on.\n\n"We will win," he said.\n',
    # The same, with the paragraphs joined on one line (as in wire copy).
    '"We will fight on.  "We will win," he said.',
    "Ukraine\u2019s leaders and the \u2018best\u2019 players met in the \u201990s.",
    'He is 6\'2" tall and the screen is 55" wide.',
    'Version "4.2" became "10.0" overnight.',
    '"Yes," he said. "No," she said.',
])
def test_quote_look_alikes(text):
    assert lint(text, "NL208") == []


def test_quotes_in_code_and_tables_ignored():
    assert lint('Run `echo "hi` now.\n\n| a | "b |\n|---|---|\n| 1 | 2 |\n', "NL208", markdown=True) == []
