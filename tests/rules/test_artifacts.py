"""Generation-artifact rules: NL601 truncated ending, NL602 assistant preamble, NL603 assistant sign-off,
NL604 prompt leakage, NL605 wrapped in a fence, NL606 duplicated paragraph, NL607 plain-text heading in Markdown."""

from __future__ import annotations

import pytest

from newslint.registry import get_registry
from tests.conftest import codes, fix, lint

ARTIFACT_CODES = ("NL601", "NL602", "NL603", "NL604", "NL605", "NL606", "NL607")


def _where(diags, code=None):
    return [(d.line, d.column) for d in diags if code is None or d.code == code]


def _all(text, markdown=False):
    return lint(text, *ARTIFACT_CODES, markdown=markdown)


# --- the task's done-when --------------------------------------------------------------------

CUT_OFF = (
    "Leaders Agree Ceasefire in Geneva\n"
    "Leaders from both countries met in Geneva on Monday and agreed a thirty-day ceasefire, officials said.\n"
    "What Was Agreed\n"
    "The agreement covers all front-line positions and allows aid convoys to reach besieged towns.\n"
    "Reaction\n"
    "Markets rose on the news. Analysts said the deal was fragile but welcomed the progress made by the\n"
)

PREAMBLE = (
    "Certainly! Here is the article:\n"
    "\n"
    "Leaders Agree Ceasefire in Geneva\n"
    "\n"
    "Leaders from both countries met in Geneva on Monday and agreed a thirty-day ceasefire, officials said.\n"
    "\n"
    "The agreement covers all front-line positions.\n"
)


def test_cut_off_article_and_certainly_preamble_are_flagged_at_the_right_line():
    cut = _all(CUT_OFF)
    assert [(d.code, d.line, d.column) for d in cut] == [("NL601", 6, 96)]
    assert CUT_OFF.splitlines()[5][95:] == "the"
    pre = _all(PREAMBLE)
    assert [(d.code, d.line, d.column) for d in pre] == [("NL602", 1, 1)]
    assert all(d.category == "generation-artifact" and d.severity.value == "error" for d in cut + pre)


def test_seed_article_gives_no_artifact_findings(seed_text):
    assert seed_text.rstrip().endswith(".")
    assert _all(seed_text) == []


# --- professional copy: zero false alarms ----------------------------------------------------

WIRE_TXT = """KYIV, Ukraine (AP) \u2014 Russian drones struck the Ukrainian capital overnight, killing two people and damaging a power station, officials said on Tuesday.
The mayor said the attack was \u201cthe largest in weeks\u201d and urged residents to stay in shelters.
\u201cWe will rebuild, as we always do,\u201d he said. \u201cBut we need more air defence.\u201d
The ministry said it would:
- restore power to the affected districts within 48 hours
- open temporary heating points
- inspect damaged buildings
Here is what we know about the attack so far.
Of course, officials cautioned that the figures could change.
Reporting by Jane Doe; Editing by John Roe
"""

WIRE_TXT_2 = """LONDON (Reuters) - Britain's economy grew by 0.6% in the second quarter, official data showed on Friday, beating economists' expectations.
The Office for National Statistics said services output rose 0.8%, while manufacturing was flat.
Finance minister Rachel Reeves said: "These figures show that our plan is working."
Economists polled by Reuters had expected growth of 0.5%.
(Reporting by Jane Doe; Editing by John Roe)
"""

WIRE_CORRECTION = """WASHINGTON \u2014 The Senate passed the spending bill late on Thursday by a vote of 68 to 31, sending it to the president.

Note: The figures exclude emergency funding for disaster relief.

The White House said the president would sign it on Friday. "Let me know if anything changes," the chief of staff told aides, according to two people familiar with the matter.

Correction: An earlier version of this story misstated the vote count.
"""

WIRE_MD = """# Election Results at a Glance

By Jane Doe

Voters in the U.K. elected a new parliament on Thursday. Turnout was 59.7%, down from 67.3% at the previous election.

## Seats by Party

| Party | Seats |
| --- | ---: |
| Labour | 411 |
| Conservative | 121 |

The result gives the new government a majority of 172. Its leader said the first priorities would be to:

- stabilise the public finances
- cut hospital waiting lists

## Turnout by Region

Turnout was highest in Scotland and lowest in Wales.

> "We have a mandate for change," the new prime minister said.

## Key Figures

- Seats needed for a majority: 326
- Women elected: 263, a record

*Reporting by Jane Doe in London; editing by John Roe*
"""

FEATURE_MD = """# The Town That Refused to Leave

**Here is the story of a town that refused to leave the river.**

The house was built in the style of Frank Lloyd Wright, its owner said.

```python
print("code samples are not prose")
```

Residents who need help can call the council on 0800 000 000.

\u2014 Reuters
"""


@pytest.mark.parametrize("text,markdown", [
    (WIRE_TXT, False), (WIRE_TXT_2, False), (WIRE_CORRECTION, False), (WIRE_MD, True), (FEATURE_MD, True),
], ids=["ap-dateline", "reuters-credit", "correction-notice", "markdown-results", "markdown-feature"])
def test_professional_look_alikes_are_not_flagged(text, markdown):
    found = _all(text, markdown=markdown)
    assert found == [], [(d.code, d.line, d.message) for d in found]


def test_handwritten_clean_devset_is_not_flagged():
    from pathlib import Path

    root = Path(__file__).resolve().parents[2] / "benchmarks" / "devset" / "professional"
    for name in ("handwritten-clean.txt", "handwritten-clean.md"):
        path = root / name
        if path.exists():
            assert _all(path.read_text(encoding="utf-8"), markdown=name.endswith(".md")) == []


# --- NL601 truncated-ending -----------------------------------------------------------------


def test_nl601_last_paragraph_without_punctuation():
    text = "Talks resumed on Monday.\nPrices rose 3% in May, the statistics office said, driven by energy costs\n"
    diags = lint(text, "NL601")
    assert _where(diags) == [(2, 69)]
    assert "without closing punctuation" in diags[0].message and "'costs'" in diags[0].message


def test_nl601_paragraph_before_a_heading_in_markdown():
    text = "# Summit\n\nLeaders met.\n\n## Outcome\n\nThey agreed to meet again in March, and\n\n## Next\n\nDone.\n"
    assert _where(lint(text, "NL601", markdown=True)) == [(7, 37)]


def test_nl601_plain_text_line_parsed_as_heading_but_cut_off():
    text = ("Ceasefire Agreed\nLeaders met in Geneva on Monday and agreed a ceasefire.\n"
            "Both sides will exchange prisoners within\nReaction\nMarkets rose on the news.\n")
    diags = lint(text, "NL601")
    assert _where(diags) == [(3, 36)]
    assert "'within'" in diags[0].message


def test_nl601_title_case_plain_headings_are_fine():
    text = ("Ceasefire Agreed in Geneva After Long Talks\nLeaders met on Monday.\n"
            "What Comes Next for the Region and Its People\nTalks resume in May.\n")
    assert lint(text, "NL601") == []


def test_nl601_unclosed_quote_at_the_very_end():
    text = 'Leaders met on Monday.\nThe minister said: "We will not back down, and we will fight on.\n'
    diags = lint(text, "NL601")
    assert len(diags) == 1 and diags[0].line == 2
    assert "quotation" in diags[0].message


def test_nl601_ends_on_colon_with_nothing_after():
    diags = lint("Leaders met on Monday.\nThe agreement includes the following points:\n", "NL601")
    assert len(diags) == 1 and diags[0].line == 2 and "colon" in diags[0].message


def test_nl601_lead_in_colon_and_credit_lines_are_fine():
    text = ("The ceasefire took effect at 6 a.m. Under its terms, both sides agreed to:\n"
            "- withdraw heavy weapons\n- exchange prisoners\n"
            "Photo: Jane Doe/Reuters\n")
    assert lint(text, "NL601") == []
    for ending in ("\u2014 Reuters", "(Reporting by Jane Doe; Editing by John Roe)", "By Jane Doe and John Roe",
                   "ENDS", "###", "Copyright 2024 Example News Group", "Follow Jane Doe on Twitter @janedoe",
                   "More at https://example.com/story"):
        assert lint(f"Leaders met in Geneva on Monday.\n\n{ending}\n", "NL601") == [], ending


def test_nl601_quote_ending_paragraphs_and_multi_paragraph_quotes():
    text = ('"We will win," she said.\n\n"First part of a long statement.\n\n'
            '"Second part, which ends the quote," she said.\n\nHe called it \u201cdead on arrival.\u201d\n')
    assert lint(text, "NL601") == []


def test_nl601_mid_article_paragraph_ending_on_fragment_word():
    text = "Leaders met on Monday and agreed that the\nThey will meet again in May.\n"
    assert _where(lint(text, "NL601")) == [(1, 39)]


# --- NL602 assistant-preamble-opening -------------------------------------------------------


@pytest.mark.parametrize("opening", [
    "Certainly! Here is the article you requested:",
    "Sure, here's a 600-word article about the summit:",
    "Here is the article you requested.",
    "Of course! Below is a news story on the vote.",
    "Absolutely! I'd be glad to write that.",
    "**Certainly!** Here's your article:",
])
def test_nl602_openings(opening):
    text = f"{opening}\n\nLeaders met in Geneva on Monday.\n"
    diags = lint(text, "NL602")
    assert _where(diags) == [(1, 1)]
    fixed, _ = fix(text, "NL602", unsafe=True)
    assert fixed == "Leaders met in Geneva on Monday.\n"


def test_nl602_fix_is_unsafe_only():
    fixed, remaining = fix(PREAMBLE, "NL602")
    assert fixed == PREAMBLE and codes(remaining) == ["NL602"]


def test_nl602_only_at_the_start_and_distinct_from_the_pack_rule():
    text = "Leaders met on Monday.\n\nCertainly! Here is a quote the minister gave.\n"
    assert lint(text, "NL602") == []
    names = [r.name for r in get_registry().rules]
    assert len(names) == len(set(names))
    rule = get_registry().by_code["NL602"]
    assert rule.name == "assistant-preamble-opening" and rule.category == "generation-artifact"


def test_nl602_preamble_spread_over_two_lines():
    text = "Sure!\n\nHere is your article:\n\nThe bill passed on Tuesday.\n"
    assert _where(lint(text, "NL602")) == [(1, 1)]
    assert fix(text, "NL602", unsafe=True)[0] == "The bill passed on Tuesday.\n"


# --- NL603 assistant-sign-off-closing -------------------------------------------------------


def test_nl603_sign_off_paragraph_is_deleted():
    text = ("Leaders met on Monday.\n\nThey agreed a ceasefire.\n\n"
            "I hope this helps! Let me know if you'd like any changes.\n")
    diags = lint(text, "NL603")
    assert _where(diags) == [(5, 1)]
    assert fix(text, "NL603", unsafe=True)[0] == "Leaders met on Monday.\n\nThey agreed a ceasefire.\n"


def test_nl603_sign_off_sentence_inside_a_paragraph():
    text = "They agreed a ceasefire. Feel free to ask for revisions.\n"
    diags = lint(text, "NL603")
    assert _where(diags) == [(1, 26)]
    assert fix(text, "NL603", unsafe=True)[0] == "They agreed a ceasefire.\n"


def test_nl603_ai_note_anywhere_but_plain_notes_and_quotes_are_fine():
    text = ("Note: As an AI, I cannot verify events after my training data.\n\nLeaders met.\n\nThey agreed.\n\n"
            "They left.\n\nThe end came in May.\n")
    assert _where(lint(text, "NL603")) == [(1, 1)]
    assert lint("Leaders met.\n\nNote: The figures exclude Scotland.\n", "NL603") == []
    assert lint('Leaders met.\n\n"I hope this helps the town," the mayor said.\n', "NL603") == []
    early = "I hope this helps.\n\nA.\n\nB.\n\nC.\n\nD.\n"
    assert lint(early, "NL603") == []  # not at the end, not a note


# --- NL604 prompt-leakage -------------------------------------------------------------------


def test_nl604_title_label_at_top_keeps_the_headline():
    text = "Title: Leaders Agree Ceasefire\n\nLeaders agreed a ceasefire on Monday.\n"
    assert _where(lint(text, "NL604")) == [(1, 1)]
    assert fix(text, "NL604", unsafe=True)[0] == "Leaders Agree Ceasefire\n\nLeaders agreed a ceasefire on Monday.\n"
    late = "Leaders met.\n\nThey talked.\n\nThey left.\n\nTitle: of the report was not disclosed.\n"
    assert lint(late, "NL604") == []


@pytest.mark.parametrize("line", [
    "Word count: 612", "(Word count: 612)", "612 words", "Meta description: Leaders agree a ceasefire.",
    "SEO title: Ceasefire agreed", "Keywords: ceasefire, Geneva", "Target audience: general readers",
    "Tone: neutral, informative", "Write a 600-word article about the summit in Geneva.",
    "Rewrite the following in the style of Reuters.", "Use a neutral tone throughout.",
])
def test_nl604_leaks(line):
    text = f"Leaders met in Geneva on Monday.\n\n{line}\n\nThey agreed a ceasefire.\n"
    diags = lint(text, "NL604")
    assert _where(diags) == [(3, 1)], line


def test_nl604_does_not_duplicate_bracket_placeholders():
    text = "Leaders met on Monday, said [Your Name].\n\nContact [Insert email] for details.\n"
    assert lint(text, "NL604") == []


# --- NL605 wrapped-in-fence -----------------------------------------------------------------


def test_nl605_fenced_markdown_article():
    text = "```markdown\n# Leaders Agree Ceasefire\n\nLeaders met on Monday.\n```\n"
    diags = lint(text, "NL605", markdown=True)
    assert len(diags) == 1 and "code fence" in diags[0].message
    assert fix(text, "NL605", markdown=True, unsafe=True)[0] == "# Leaders Agree Ceasefire\n\nLeaders met on Monday.\n"


def test_nl605_fenced_plain_text_article_reported_at_line_1():
    text = "```\nLeaders met on Monday.\n\nThey agreed a ceasefire.\n```\n"
    assert _where(lint(text, "NL605")) == [(1, 1)]


def test_nl605_quoted_article():
    text = '"Leaders met on Monday.\n\nThey agreed a ceasefire, officials said."\n'
    assert _where(lint(text, "NL605")) == [(1, 1)]
    assert fix(text, "NL605", unsafe=True)[0] == "Leaders met on Monday.\n\nThey agreed a ceasefire, officials said.\n"


def test_nl605_article_that_starts_and_ends_with_quotes_is_fine():
    text = '"We will not back down," she said.\n\nHer deputy added: "Talks go on."\n'
    assert lint(text, "NL605") == []


# --- NL606 duplicated-paragraph -------------------------------------------------------------


def test_nl606_reports_the_later_copy_pointing_at_the_first():
    para = "Leaders met in Geneva on Monday to discuss the ceasefire plan."
    text = f"{para}\n\nThey agreed to meet again.\n\n{para}\n\nMarkets rose.\n\n{para}\n"
    diags = lint(text, "NL606")
    assert _where(diags) == [(5, 1), (9, 1)]
    assert all(d.data["first_line"] == 1 and "line 1" in d.message for d in diags)


def test_nl606_short_paragraphs_and_near_copies_are_fine():
    text = ("No one was injured.\n\nNo one was injured.\n\n"
            "Leaders met in Geneva on Monday to discuss the plan.\n\nLeaders met in Geneva on Tuesday to discuss the plan.\n")
    assert lint(text, "NL606") == []


def test_nl606_duplicated_section_reported_once_at_its_heading():
    text = ("# Summit\n\n## Outcome\n\nThe two sides agreed to extend the ceasefire by thirty days.\n\n"
            "Aid convoys will be allowed through the front line every morning.\n\n"
            "## Outcome\n\nThe two sides agreed to extend the ceasefire by thirty days.\n\n"
            "Aid convoys will be allowed through the front line every morning.\n\n## Reaction\n\nMarkets rose.\n")
    diags = lint(text, "NL606", markdown=True)
    assert _where(diags) == [(9, 4)] and "Section 'Outcome'" in diags[0].message
    fixed, _ = fix(text, "NL606", markdown=True, unsafe=True)
    assert fixed.count("## Outcome") == 1 and fixed.endswith("every morning.\n\n## Reaction\n\nMarkets rose.\n")


# --- NL607 plain-text-heading-in-markdown ---------------------------------------------------


def test_nl607_heading_without_marker():
    text = ("# Summit Ends\n\nLeaders met on Monday.\n\n## What Was Agreed\n\nA ceasefire.\n\n"
            "Reaction From Markets\n\nShares rose.\n\n## Next Steps\n\nTalks resume in May.\n")
    diags = lint(text, "NL607", markdown=True)
    assert _where(diags) == [(9, 1)] and "'##'" in diags[0].message
    assert "## Reaction From Markets\n" in fix(text, "NL607", markdown=True, unsafe=True)[0]


def test_nl607_needs_markdown_and_other_headings():
    plain = "Reaction From Markets\n\nShares rose.\n\nNext Steps\n\nTalks resume.\n"
    assert lint(plain, "NL607") == []
    one_heading = "# Summit\n\nLeaders met.\n\nReaction From Markets\n\nShares rose.\n"
    assert lint(one_heading, "NL607", markdown=True) == []


# --- recall on an artifact-laden article ----------------------------------------------------

LADEN_MD = """Sure, here's a 600-word article about the ceasefire:

Title: Leaders Agree Ceasefire in Geneva

Meta description: Leaders agree a thirty-day ceasefire after talks in Geneva.

# Leaders Agree Ceasefire in Geneva

Leaders from both countries met in Geneva on Monday and agreed a thirty-day ceasefire, officials said.

## What Was Agreed

The agreement covers all front-line positions and allows aid convoys to reach besieged towns.

Reaction From Markets

Markets rose on the news, with the main index closing 1.2% higher.

## What Was Agreed

The agreement covers all front-line positions and allows aid convoys to reach besieged towns.

## Next Steps

Talks resume in May, when both delegations are expected to discuss the

Keywords: ceasefire, Geneva, talks

I hope this helps! Let me know if you'd like any changes.
"""


def test_recall_on_artifact_laden_article():
    found = {(d.code, d.line) for d in _all(LADEN_MD, markdown=True)}
    expected = {("NL602", 1), ("NL604", 3), ("NL604", 5), ("NL607", 15), ("NL606", 19), ("NL601", 25),
                ("NL604", 27), ("NL603", 29)}
    assert expected <= found, sorted(expected - found)
    assert found - expected == set(), sorted(found - expected)


def test_fixing_the_laden_article_removes_every_fixable_artifact():
    fixed, remaining = fix(LADEN_MD, *ARTIFACT_CODES, markdown=True, unsafe=True)
    assert not fixed.startswith("Sure") and "Meta description" not in fixed and "I hope this helps" not in fixed
    assert fixed.count("## What Was Agreed") == 1 and "## Reaction From Markets" in fixed
    assert codes(remaining) == ["NL601"]  # the cut-off sentence needs a writer


def test_nl601_data_lines_at_the_end_are_not_prose():
    for ending in ("Final score: Arsenal 2 Chelsea 1 after extra time", "Arsenal 2 Chelsea 1",
                   "Pictured: the minister arriving in Geneva on Monday"):
        assert lint(f"Leaders met in Geneva on Monday.\n\n{ending}\n", "NL601") == [], ending
