"""Repetition rules: NL501 repeated phrase, NL502 near-duplicate sentence,
NL503 repeated paragraph opener, NL504 intensifier overuse, NL505 "Though,"."""

from __future__ import annotations

from tests.conftest import codes, fix, lint


def _where(diags, code=None):
    return [(d.line, d.column) for d in diags if code is None or d.code == code]


def _opts(code, **values):
    return {"rule-options": {code: values}}


# --- NL501 repeated-phrase ---------------------------------------------------------


def test_nl501_seed_reports_exactly_the_two_gold_phrases(seed_text):
    diags = lint(seed_text, "NL501")
    assert _where(diags) == [(32, 348), (66, 178)]
    pave, peace = diags
    assert pave.message == "'pave the way for' is used 4 times (first on line 13)"
    assert pave.data["first_line"] == 13 and pave.data["lines"] == [13, 21, 32, 48]
    assert seed_text.splitlines()[31][347:347 + len("pave the way for")] == "pave the way for"
    assert peace.message == "'a lasting peace deal' is used 3 times (first on line 1)"
    assert peace.data["lines"] == [1, 21, 66]
    assert all(d.category == "repetition" and d.severity.value == "warning" for d in diags)


def test_nl501_reports_once_at_the_third_use_and_not_sub_phrases():
    text = ("Talks could pave the way for a deal.\nAid may pave the way for calm.\n"
            "Trust will pave the way for peace.\nSo can trade: pave the way for growth.\n")
    diags = lint(text, "NL501")
    assert _where(diags) == [(3, 12)]
    assert diags[0].data["count"] == 4 and diags[0].data["lines"] == [1, 2, 3, 4]


def test_nl501_longest_phrase_wins():
    text = ("Officials want a lasting peace deal soon. Voters want a lasting peace deal soon. "
            "Everyone wants a lasting peace deal soon.\n")
    diags = lint(text, "NL501")
    assert len(diags) == 1
    assert "'a lasting peace deal soon'" in diags[0].message


def test_nl501_ignores_case_and_apostrophe_style():
    text = ("The nation’s energy security plan failed. The Nation's Energy Security Plan was revised. "
            "Critics mocked the nation's energy security plan.\n")
    diags = lint(text, "NL501")
    assert len(diags) == 1 and diags[0].data["phrase"] == "the nation's energy security plan"


def test_nl501_names_and_function_words_are_not_a_phrase():
    text = ("Trust between the United States and Russia is low. Trade between the United States and Russia fell. "
            "Talks between the United States and Russia stalled. It happened in the region. Rain fell in the region. "
            "Roads closed in the region.\n")
    assert lint(text, "NL501") == []


def test_nl501_short_subject_terms_are_not_repetition():
    # Professional copy names its subject repeatedly (from the Lee corpus).
    text = ("Israel struck Nablus, close to the scene of the bus ambush. Arrests followed the bus ambush. "
            "Hamas claimed the bus ambush. Activity centred on the housing sector, the housing sector said, "
            "and on trades related to the housing sector.\n")
    assert lint(text, "NL501") == []


def test_nl501_phrase_with_a_name_needs_three_content_words():
    text = ("The debate over an Australian head of state resumed. A vote on an Australian head of state looms. "
            "Few expect an Australian head of state soon.\n")
    assert lint(text, "NL501") == []


def test_nl501_results_formula_followed_by_numbers_is_not_repetition():
    text = ("San Miguel crossed the line at 9:30am. Kontrol crossed the line at 2:15am. "
            "Tevake crossed the line at 6:15am.\n")
    assert lint(text, "NL501") == []
    text2 = ("San Miguel crossed the line at dawn. Kontrol crossed the line at night. "
             "Tevake crossed the line at noon.\n")
    assert codes(lint(text2, "NL501")) == ["NL501"]


def test_nl501_phrases_do_not_cross_sentences_or_commas():
    text = ("Prices rose. Demand fell. Prices rose. Demand fell. Prices rose. Demand fell.\n"
            "Wages climbed, rents rose. Wages climbed, rents rose. Wages climbed, rents rose.\n")
    assert lint(text, "NL501") == []


def test_nl501_overlapping_uses_count_once():
    text = "It was very very very very very very bad indeed.\n"
    assert lint(text, "NL501") == []


def test_nl501_min_count_option(seed_text):
    diags = lint(seed_text, "NL501", **_opts("NL501", **{"min-count": 4}))
    assert _where(diags) == [(48, 95)]  # at the 4th use, the one that reaches the count
    more = lint(seed_text, "NL501", **_opts("NL501", **{"min-count": 2}))
    assert len(more) > 2


def test_nl501_min_words_option():
    text = ("Talks could pave the way for a deal.\nAid may pave the way for calm.\n"
            "Trust will pave the way for peace.\n")
    assert lint(text, "NL501", **_opts("NL501", **{"min-words": 5})) == []


def test_nl501_skips_code_spans_in_markdown():
    text = ("Use `pave the way for` here.\n\nUse `pave the way for` there.\n\n"
            "Trust will pave the way for peace.\n")
    assert lint(text, "NL501", markdown=True) == []


def test_nl501_headings_and_tables_do_not_count():
    text = ("Lasting Peace Deal Talks Resume\n"
            "Leaders met to discuss a lasting peace deal in private.\n"
            "Item | Lasting peace deal talks resume |\n---|---|\nA | Lasting peace deal talks resume |\n")
    assert lint(text, "NL501") == []


# --- NL502 near-duplicate-sentence ---------------------------------------------------


def test_nl502_reports_the_later_sentence_pointing_at_the_first():
    text = ("The minister said the talks would resume in Geneva next week.\nAid is flowing.\n"
            "The minister said the talks would resume in Geneva next month.\n")
    diags = lint(text, "NL502")
    assert _where(diags) == [(3, 1)]
    assert diags[0].data["first_line"] == 1
    assert "line 1" in diags[0].message
    assert diags[0].end - diags[0].start == len("The minister said the talks would resume in Geneva next month.")


def test_nl502_seed_is_quiet(seed_text):
    assert lint(seed_text, "NL502") == []


def test_nl502_short_sentences_are_not_compared():
    assert lint("Prices rose again today. Prices rose again today. Prices rose again today.\n", "NL502") == []
    opts = _opts("NL502", **{"min-words": 4})
    assert len(lint("Prices rose again today. Prices rose again today.\n", "NL502", **opts)) == 1


def test_nl502_threshold_option():
    text = ("The central bank held rates at five percent on Tuesday citing sticky inflation.\n"
            "The central bank held rates steady on Tuesday citing weak growth and sticky inflation.\n")
    assert lint(text, "NL502", **_opts("NL502", threshold=0.9)) == []
    assert len(lint(text, "NL502", **_opts("NL502", threshold=0.3))) == 1


def test_nl502_many_identical_sentences_are_bounded():
    sentence = "The committee will meet again next week to review the latest proposals from both sides."
    text = "\n".join([sentence] * 600) + "\n"
    diags = lint(text, "NL502")
    assert len(diags) == 599
    assert all(d.data["first_line"] < d.line for d in diags)


# --- NL503 repeated-paragraph-opener -------------------------------------------------


def test_nl503_seed_is_quiet_at_default(seed_text):
    assert lint(seed_text, "NL503") == []


def test_nl503_seed_openers_at_two(seed_text):
    diags = lint(seed_text, "NL503", **_opts("NL503", **{"min-count": 2}))
    assert _where(diags) == [(10, 1), (25, 1)]
    assert diags[0].data["opener"] == "in a" and diags[1].data["opener"] == "moreover,"


def test_nl503_reports_once_at_the_third_paragraph():
    text = ("As the talks resumed, hopes rose.\nAs the week ended, hopes faded.\n"
            "As the summit opened, protests began.\nAs the night fell, crowds left.\n")
    diags = lint(text, "NL503")
    assert _where(diags) == [(3, 1)]
    assert diags[0].data["count"] == 4 and diags[0].data["lines"] == [1, 2, 3, 4]
    assert diags[0].severity.value == "info"


def test_nl503_list_items_and_reporting_openers_are_ignored():
    assert lint("- In a word: yes.\n- In a word: no.\n- In a word: maybe.\n", "NL503") == []
    assert lint("He said the talks failed.\nHe said aid would come.\nHe said more was needed.\n", "NL503") == []


def test_nl503_markdown_paragraphs():
    text = "Moreover, prices rose.\n\nMoreover, wages fell.\n\n- Moreover, a list item.\n\nMoreover, rents climbed.\n"
    diags = lint(text, "NL503", markdown=True)
    assert _where(diags) == [(7, 1)]


# --- NL504 intensifier-overuse --------------------------------------------------------


def test_nl504_is_off_by_default(seed_text):
    assert "NL504" not in codes(lint(seed_text))


def test_nl504_when_selected_reports_once_per_word(seed_text):
    diags = lint(seed_text, "NL504")
    words = sorted(d.data["word"] for d in diags)
    assert words == ["crucial", "essential", "key", "pivotal"]
    pivotal = next(d for d in diags if d.data["word"] == "pivotal")
    assert pivotal.data["count"] == 4 and pivotal.line == 66


def test_nl504_options():
    text = "Trust is crucial. Aid is crucial. Time is crucial.\n"
    assert lint(text, "NL504") == []
    assert len(lint(text, "NL504", **_opts("NL504", **{"min-count": 3}))) == 1
    text2 = "It was huge. Huge crowds. A huge win. Huge.\n"
    assert len(lint(text2, "NL504", **_opts("NL504", words="huge"))) == 1


# --- NL505 sentence-initial-though ---------------------------------------------------


def test_nl505_seed_hits(seed_text):
    diags = lint(seed_text, "NL505")
    assert _where(diags) == [(42, 153), (55, 325)]
    assert all(d.category == "style" for d in diags)


def test_nl505_fix_is_unsafe():
    text = "Talks resumed. Though, the path remains fraught.\n"
    fixed, _ = fix(text, "NL505")
    assert fixed == text
    fixed, remaining = fix(text, "NL505", unsafe=True)
    assert fixed == "Talks resumed. However, the path remains fraught.\n"
    assert remaining == []


def test_nl505_lowercase_sentence_start_keeps_case():
    fixed, _ = fix("Aid came. though, fighting went on.\n", "NL505", unsafe=True)
    assert fixed == "Aid came. however, fighting went on.\n"


def test_nl505_look_alikes():
    for text in ("Though the talks failed, both sides met again.\n",
                 "Even though, as expected, the talks failed, aid arrived.\n",
                 "It was, though, too late.\n",
                 "The deal held, though, for a week.\n",
                 "He said: \"Though, frankly, I doubt it.\"\n"):
        assert lint(text, "NL505") == [], text


def test_nl505_heading_and_list_item_start():
    assert len(lint("- Though, aid arrived late.\n", "NL505")) == 1


def test_near_duplicate_result_does_not_depend_on_the_hash_seed(tmp_path):
    """A sentence as close to two earlier ones reports the earlier one, whatever PYTHONHASHSEED is."""
    from conftest import run_cli

    words = "officials said the long delayed talks on trade would resume in geneva".split()
    near_start = words[:2] + ["short"] + words[3:]  # shares the last pairs with the third sentence
    near_end = words[:9] + ["vienna"] + words[10:]  # shares the first pairs, equally many
    lines = [" ".join(w).capitalize() + "." for w in (near_end, near_start, words)]
    (tmp_path / "a.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    outputs = {run_cli("check", "--no-cache", "--select", "NL502", "--format", "json", "a.txt", cwd=tmp_path,
                       env={"PYTHONHASHSEED": str(seed)}).stdout for seed in range(8)}
    assert len(outputs) == 1
    assert b"repeats the one on line 1" in outputs.pop()
