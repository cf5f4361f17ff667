"""Spelling and article rules: NL302 known-typo, NL303 unknown-word, NL304 wrong-indefinite-article."""

from __future__ import annotations

import subprocess
import sys

import pytest

from newslint.builtin import spelling
from tests.conftest import codes, fix, lint

ALL = ("NL302", "NL303", "NL304")


def _found(text: str, *rules: str, markdown: bool = False, **config):
    return [(d.code, d.line, d.column, d.message) for d in lint(text, *rules, markdown=markdown, **config)]


# --- the seed article ----------------------------------------------------------------------


def test_seed_article_findings_are_exactly_the_gold(seed_text):
    found = [(d.code, d.line, d.column) for d in lint(seed_text, *ALL)]
    assert found == [("NL304", 10, 123), ("NL302", 66, 229)]


def test_seed_article_fixes(seed_text):
    fixed, _ = fix(seed_text, *ALL)
    assert "crafting an enduring peace" in fixed
    assert "Ukraine would not be excluded" in fixed


# --- NL302 known-typo ------------------------------------------------------------------------


@pytest.mark.parametrize("typo, right", [
    ("woudl", "would"), ("goverment", "government"), ("recieve", "receive"), ("seperate", "separate"),
    ("definately", "definitely"), ("occured", "occurred"), ("untill", "until"), ("publically", "publicly"),
    ("accomodate", "accommodate"),
])
def test_known_typos_are_fixed_safely(typo, right):
    text = f"Officials said the plan {typo} matter.\n"
    diags = lint(text, "NL302")
    assert codes(diags) == ["NL302"]
    assert diags[0].fix.is_safe
    fixed, remaining = fix(text, "NL302")
    assert fixed == f"Officials said the plan {right} matter.\n"
    assert not remaining


def test_case_is_preserved_at_sentence_start():
    fixed, _ = fix("Woudl they agree? Nobody knew.\n", "NL302")
    assert fixed == "Would they agree? Nobody knew.\n"


def test_sentence_initial_after_opening_quote():
    assert codes(lint('"Goverment sources said so," he said.\n', "NL302")) == ["NL302"]


def test_several_candidates_give_an_unsafe_fix_listing_all():
    diags = lint("He said alot of things.\n", "NL302")
    assert len(diags) == 1
    assert "'a lot'" in diags[0].message and "'allot'" in diags[0].message
    assert not diags[0].fix.is_safe
    assert fix("He said alot of things.\n", "NL302")[0] == "He said alot of things.\n"
    assert fix("He said alot of things.\n", "NL302", unsafe=True)[0] == "He said a lot of things.\n"


def test_possessive_of_a_typo_is_flagged_on_the_stem():
    fixed, _ = fix("The goverment's plan failed.\n", "NL302")
    assert fixed == "The government's plan failed.\n"


@pytest.mark.parametrize("text", [
    "He couldn't believe it and wouldn't say; she wasn't there.",  # "couldn" is a codespell key
    "The clubs agreed add-ons worth millions.",  # "ons" inside a compound
    "Minister Ois Tran said te nd hel ot.",  # names mid-sentence; keys shorter than 3 or real words
    "The despatch box was empty; they will instal the connexion.",  # keys that are English words
    "Suffixes such as -ine and -ane name compounds.",  # word fragments
    "The file woudl.txt was moved to /tmp/woudl and woudl2.",  # identifiers
])
def test_known_typo_look_alikes_are_not_flagged(text):
    assert _found(text + "\n", "NL302") == []


def test_known_typo_skips_code_spans_in_markdown():
    assert _found("Run `woudl` now.\n", "NL302", markdown=True) == []


def test_known_typo_respects_vocabulary():
    assert _found("The band goverment played.\n", "NL302", vocabulary=["goverment"]) == []


def test_capitalised_mid_sentence_is_a_name():
    assert _found("They met Goverment yesterday.\n", "NL302") == []


@pytest.mark.parametrize("value, expected", [
    ("would", ("would",)),
    ("a lot, allot,", ("a lot", "allot")),
    ("class, disabled because of name clash in c++", ("class",)),
])
def test_codespell_line_formats(value, expected):
    assert spelling._parse_fixes(value) == expected


# --- NL303 unknown-word ----------------------------------------------------------------------


@pytest.mark.parametrize("typo, right", [
    ("constructvie", "constructive"), ("negotiatoins", "negotiations"), ("agremeent", "agreement"),
    ("opporunity", "opportunity"), ("negelected", "neglected"), ("champiom", "champion"),
])
def test_unknown_words_near_a_frequent_word(typo, right):
    text = f"The {typo} was noted.\n"
    diags = lint(text, "NL303")
    assert codes(diags) == ["NL303"] and f"'{right}'" in diags[0].message
    assert not diags[0].fix.is_safe
    assert fix(text, "NL303")[0] == text
    assert fix(text, "NL303", unsafe=True)[0] == f"The {right} was noted.\n"


@pytest.mark.parametrize("text", [
    "Zelenskyy met Stoltenberg in Kyiv.",  # capitalised: names
    "The peacebuilding drew reinvigorated, non-aligned and labor-intensive support.",  # forms of known words
    "The skeptic wore a woolen coat near the smoldering ruins.",  # American spellings
    "He had to be snuck in.",  # short words
    "The talks, described as xqzvbnm, ended.",  # no suggestion: nothing reported
    "The species Orycteropus afer and Myorycteropus africanus.",  # Latin names
    "The logical theory stricto sensu was dropped.",  # a foreign phrase
    "The end (telos) is the principle.",  # a gloss
    "It had 3constructvie parts and constructvie_2 ones.",  # glued to digits or identifiers
])
def test_unknown_word_look_alikes_are_not_flagged(text):
    assert _found(text + "\n", "NL303") == []


def test_unknown_word_does_not_double_report_known_typos():
    diags = lint("The goverment will recieve it.\n", "NL302", "NL303")
    assert codes(diags) == ["NL302", "NL302"]


def test_unknown_word_respects_vocabulary():
    assert _found("The constructvie was noted.\n", "NL303", vocabulary=["constructvie"]) == []


def test_unknown_word_skips_table_delimiters_and_code():
    text = "| Item | Note |\n|---|---|\n| Plan | constructvie |\n\nRun `constructvie` now.\n"
    assert [d[1] for d in _found(text, "NL303", markdown=True)] == [3]


# --- NL304 wrong-indefinite-article ------------------------------------------------------------

WRONG_ARTICLES = [
    ("It could lead to a enduring peace.", "It could lead to an enduring peace."),
    ("They agreed on an policy.", "They agreed on a policy."),
    ("It took a hour.", "It took an hour."),
    ("She went to an university.", "She went to a university."),
    ("He met a FBI agent.", "He met an FBI agent."),
    ("It was an U.S. plan.", "It was a U.S. plan."),
    ("It was an one-time deal.", "It was a one-time deal."),
    ("He is an European diplomat.", "He is a European diplomat."),
    ("Police charged a 18-year-old.", "Police charged an 18-year-old."),
    ("Prices saw a 8% rise.", "Prices saw an 8% rise."),
    ("An NATO summit opened.", "A NATO summit opened."),
    ("It was an UN deal.", "It was a UN deal."),
    ("A SUV crashed.", "An SUV crashed."),
    ("It was a 11,000-strong force.", "It was an 11,000-strong force."),
    ("It was an unanimous vote.", "It was a unanimous vote."),
    ("He used a iPhone.", "He used an iPhone."),
    ("It was an euro coin.", "It was a euro coin."),
    ("It was an once-in-a-lifetime event.", "It was a once-in-a-lifetime event."),
    ("A LGBT group met.", "An LGBT group met."),
    ('It was a "enduring" peace.', 'It was an "enduring" peace.'),
    ("A Overview of the Talks", "An Overview of the Talks"),
]


@pytest.mark.parametrize("bad, good", WRONG_ARTICLES)
def test_wrong_article_is_fixed_safely(bad, good):
    diags = lint(bad + "\n", "NL304")
    assert codes(diags) == ["NL304"]
    assert diags[0].fix.is_safe
    assert fix(bad + "\n", "NL304")[0] == good + "\n"


@pytest.mark.parametrize("text", [
    "It was a one-time payment by a European bank, an honest mistake.",
    "She has an MBA and a unique view of a NATO summit at a UNESCO site.",
    "An 18-year-old was charged after an 8% rise and a 1% fall; he scored a 1.",
    "Take vitamin A daily; Grade A beef costs more; he chose type a.",
    "A Look at the Talks",
    "Options A and B were discussed, a la carte.",
    "Nguyen Van An arrived. It was an historic day, a historic day, a herb garden.",
    "An Uber driver, a Ukrainian, an unidentified man and an utter failure.",
    "The U.S. is a U.N. member and an FBI partner; it was an 11,000-strong force and an 80-page report.",
    "In the 1800s an 1800 figure was a $8 billion deal at 10 a.m. on Monday.",
    "Xi'an is a city with a McDonald's outlet; an X-ray and the A-League.",
    "He is a HR manager and an HR director.",  # 'haitch' or 'aitch': not reported
    "Kant called it the Ding an sich.",
    "An sp orbital.",
])
def test_article_look_alikes_are_not_flagged(text):
    assert _found(text + "\n", "NL304") == []


def test_article_column_points_at_the_article():
    diags = lint("Leaders agreed on a enduring peace.\n", "NL304")
    assert (diags[0].line, diags[0].column, diags[0].end_column) == (1, 19, 20)


def test_article_across_blocks_is_ignored():
    assert _found("He chose a\n\nenduring peace.\n", "NL304", markdown=True) == []


# --- loading -----------------------------------------------------------------------------------


def test_importing_the_module_loads_no_data():
    code = ("import newslint.builtin.spelling as s; "
            "assert s._frequencies.cache_info().currsize == 0; "
            "assert s._typo_table.cache_info().currsize == 0")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_dictionaries_are_loaded_once_and_sane():
    typos = spelling._typo_table()
    words = spelling._frequencies()
    assert len(typos) > 30_000 and len(words) > 80_000
    assert spelling._typo_table() is typos
    assert spelling._typo_fixes("woudl") == ("would",)
    assert spelling._typo_fixes("te") == ()  # too short
    assert spelling._typo_fixes("despatch") == ()  # an English word


def test_missing_data_package_reports_nothing(monkeypatch):
    monkeypatch.setattr(spelling, "_read_package_data", lambda *a: None)
    spelling._frequencies.cache_clear()
    spelling._typo_table.cache_clear()
    spelling._correct_words.cache_clear()
    spelling._suggest.cache_clear()
    spelling._is_known_form_memo.cache_clear()
    spelling._derived_typo.cache_clear()
    try:
        assert _found("The goverment said a enduring constructvie thing.\n", "NL302", "NL303") == []
    finally:
        monkeypatch.undo()
        spelling._frequencies.cache_clear()
        spelling._typo_table.cache_clear()
        spelling._correct_words.cache_clear()
        spelling._suggest.cache_clear()
        spelling._is_known_form_memo.cache_clear()
        spelling._derived_typo.cache_clear()


# --- vowel slips, long words, forms of known typos, capitalised sentence starts ---------------


@pytest.mark.parametrize("text, right", [
    ("The club's finances had detoriorated badly.", "deteriorated"),  # a vowel for a vowel, long word
    ("Monetary conditions remained acommodative.", "accommodative"),  # "acommodate" + "-ive"
    ("The data showed a sharp prelimenary rise.", "preliminary"),  # not "pre" + "lime" + "nary"
    ("Prelimenary tracking found 1,400 fragments.", "Preliminary"),  # capitalised sentence start
    ("Rates rose again. Corportation tax fell.", "Corporation"),
    ("It was a discritionary payment.", "discretionary"),
])
def test_unknown_word_classes(text, right):
    diags = lint(text + "\n", "NL303")
    assert codes(diags) == ["NL303"] and f"'{right}'" in diags[0].message
    assert not diags[0].fix.is_safe


@pytest.mark.parametrize("text", [
    "Mohammed Salman spoke. Michal Novak agreed. Sebastien Grenier left.",  # names open sentences
    "Predictably, markets rose. Peacebuilding resumed.",  # capitalised known words and forms
    "Officials praised the accommodative stance and the deteriorated roads.",
    "The implementers met the preliminary deadline.",
    "Grigory Yavlinsky spoke. Mallory agreed.",  # names ending like "-ory"/"-ery" are not checked
])
def test_unknown_word_class_look_alikes(text):
    assert _found(text + "\n", "NL303") == []


def test_vowel_slips_keep_first_and_last_letters():
    edits = spelling._vowel_edits("seperate")
    assert "separate" in edits and "aeperate" not in edits and "seperata" not in edits


def test_derived_typo_needs_one_listed_correction():
    assert spelling._derived_typo("acommodative") == "accommodative"
    assert spelling._derived_typo("accommodative") is None  # a listed word
    assert spelling._derived_typo("xqzvbnmative") is None


def test_compound_is_not_accepted_after_a_prefix():
    from newslint.rule import RuleContext
    assert not spelling._is_known_form("prelimenary", RuleContext())
    assert spelling._is_known_form("peacebuilding", RuleContext())
    assert spelling._is_known_form("unpeaceful", RuleContext())


@pytest.mark.parametrize("bad, good", [
    ("It uses a mRNA platform.", "It uses an mRNA platform."),
    ("He sold it on a eBay store.", "He sold it on an eBay store."),
    ("Doctors measured a eGFR decline.", "Doctors measured an eGFR decline."),
    ("Cells carry an tRNA molecule.", "Cells carry a tRNA molecule."),
])
def test_article_before_lowercase_initialisms(bad, good):
    assert fix(bad + "\n", "NL304")[0] == good + "\n"


@pytest.mark.parametrize("text", [
    "It uses an mRNA platform and an sgRNA guide, a tRNA probe and a kWh meter.",
    "He bought an iPhone, an iPad and a macOS licence from a deGrom fan.",
])
def test_article_before_lowercase_initialism_look_alikes(text):
    assert _found(text + "\n", "NL304") == []


def test_nl303_consonant_suffix_keeps_the_stem_e():
    """'-ment'/'-ness' never drop a stem's e, so 'employe+ment' is no form of 'employee'."""
    diags = lint("The unemployement rate fell to 4.1%.", "NL303")
    assert [d.message for d in diags] == ["Unknown word 'unemployement': did you mean 'unemployment'?"]
    clean = ("Observers noted the bafflement, abasement and effacement of rivals, the remoteness and "
             "tameness of the debate, its shapeless drift and the vagueness of the plan.")
    assert lint(clean, "NL303") == []


def test_nl303_er_re_twins_only_at_the_stem_end():
    """center/centre are twins; 'perscriptions' is a slip for 'prescriptions', not a variant."""
    diags = lint("Costs of perscriptions rose.", "NL303")
    assert [d.message for d in diags] == ["Unknown word 'perscriptions': did you mean 'prescriptions'?"]
    assert lint("The theater and the center, metres, fibers, centred and somber.", "NL303") == []
