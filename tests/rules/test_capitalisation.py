"""Tests for the capitalisation family: NL101 lowercase-proper-noun, NL102 lowercase-sentence-start,
NL103 inconsistent-heading-case."""

from __future__ import annotations

import json

import pytest

from newslint.builtin import capitalisation as cap
from newslint.document import Document

from conftest import FIXTURES, codes, fix, lint

MY_CATEGORIES = {"proper-noun-case", "sentence-case", "heading-case"}
MY_CODES = ("NL101", "NL102", "NL103")



def spans(text, code, markdown=False, **config):
    """(line, column, flagged text) of every finding of `code`."""
    out = []
    lines = text.splitlines()
    for d in lint(text, code, markdown=markdown, **config):
        line = lines[d.line - 1]
        end = d.end_column - 1 if d.end_line == d.line else len(line)
        out.append((d.line, d.column, line[d.column - 1:end]))
    return out


# --------------------------------------------------------------------------- the seed article

def _seed():
    text = (FIXTURES / "seed-article.txt").read_text(encoding="utf-8")
    gold = json.loads((FIXTURES / "seed-article.gold.json").read_text(encoding="utf-8"))
    return text, gold["annotations"]


def _matches(d, a):
    if d.line != a["line"]:
        return False
    if abs(d.column - a["column"]) <= 3:
        return True
    end = d.end_column if d.end_line == d.line else 10**9
    return d.column < a["column"] + len(a["text"]) and a["column"] < end


def test_seed_full_recall_and_no_extra_findings():
    text, gold = _seed()
    diags = lint(text, *MY_CODES)
    mine = [a for a in gold if a["category"] in MY_CATEGORIES]
    missed = [a["id"] for a in mine if not any(_matches(d, a) and d.category == a["category"] for d in diags)]
    extra = [(d.code, d.line, d.column, d.message) for d in diags if not any(_matches(d, a) for a in gold)]
    assert missed == []
    assert extra == []


def test_seed_each_rule_reports_only_its_category():
    text, gold = _seed()
    for d in lint(text, *MY_CODES):
        matched = [a for a in gold if _matches(d, a)]
        assert any(a["category"] == d.category for a in matched), (d.code, d.line, d.column)


@pytest.mark.parametrize("line,column,code", [
    (1, 77, "NL101"), (1, 318, "NL101"), (1, 412, "NL101"), (1, 731, "NL101"), (2, 32, "NL101"),
    (3, 23, "NL101"), (9, 26, "NL101"), (42, 75, "NL101"),
    (5, 3, "NL102"), (8, 1, "NL102"), (20, 1, "NL102"), (28, 1, "NL102"), (66, 541, "NL102"),
    (2, 1, "NL103"), (9, 1, "NL103"), (34, 3, "NL103"),
])
def test_seed_exact_positions(line, column, code):
    text, _ = _seed()
    assert (line, column) in [(d.line, d.column) for d in lint(text, code)]


def test_seed_trust_building_heading_is_only_sentence_case():
    text, _ = _seed()
    on_20 = [d.code for d in lint(text, *MY_CODES) if d.line == 20]
    assert on_20 == ["NL102"]


def test_seed_fix_is_idempotent_and_clears_safe_findings():
    text, _ = _seed()
    fixed, remaining = fix(text, *MY_CODES)
    assert "conflict in Ukraine," in fixed
    assert "Ukraine\u2019s engagement" in fixed
    assert "States and Russia." in fixed
    assert "In recent statements, Vladimir Putin" in fixed
    assert "As the geopolitical landscape" in fixed
    assert "- Fostering Open Communication" in fixed
    assert "Regular Diplomatic Meetings" in fixed
    assert "progress. The interplay" in fixed
    assert not [d for d in remaining if d.fix is not None and d.fix.is_safe]
    again, _ = fix(fixed, *MY_CODES)
    assert again == fixed


# --------------------------------------------------------------------------- NL101

def test_lowercase_country_is_flagged_with_safe_fix():
    diags = lint("The conflict in ukraine has lasted years.", "NL101")
    assert codes(diags) == ["NL101"]
    assert diags[0].message == "Proper noun 'ukraine' should be capitalised as 'Ukraine'"
    assert diags[0].fix.is_safe
    assert fix("The conflict in ukraine has lasted years.", "NL101")[0] == "The conflict in Ukraine has lasted years."


@pytest.mark.parametrize("text,expected", [
    ("Talks with russia stalled.", "Talks with Russia stalled."),
    ("Officials in moscow and washington spoke.", "Officials in Moscow and Washington spoke."),
    ("The summit in kyiv ended.", "The summit in Kyiv ended."),
    ("Allies at nato agreed.", "Allies at NATO agreed."),
    ("He met putin on Monday.", "He met Putin on Monday."),
    ("It hinges on ukraine\u2019s engagement.", "It hinges on Ukraine\u2019s engagement."),
    ("It hinges on ukraine's engagement.", "It hinges on Ukraine's engagement."),
    ("Talks between the united states and Russia resumed.", "Talks between the United States and Russia resumed."),
    ("Talks with vladimir putin resumed.", "Talks with Vladimir Putin resumed."),
    ("Talks with Vladimir putin resumed.", "Talks with Vladimir Putin resumed."),
])
def test_vocabulary_terms_are_fixed(text, expected):
    assert fix(text, "NL101")[0] == expected


def test_hyphenated_compound_reports_only_the_lowercase_part():
    text = "The dynamics of US-russia relations matter."
    assert spans(text, "NL101") == [(1, 20, "russia")]
    assert fix(text, "NL101")[0] == "The dynamics of US-Russia relations matter."


def test_first_name_before_surname_is_reported_at_the_first_name():
    assert spans("In recent statements, vladimir Putin spoke.", "NL101") == [(1, 23, "vladimir")]


def test_multiword_lowercase_term_is_one_finding():
    diags = lint("Officials from the united states arrived.", "NL101")
    assert len(diags) == 1
    assert "'united states'" in diags[0].message and "'United States'" in diags[0].message


@pytest.mark.parametrize("text", [
    "Families roasted a turkey and set out the best china for the holiday.",
    "Officials may meet in March. It may rain.",
    "He said it was a nice day in the park.",
    "Polish the silver before the guests arrive.",
    "The bill passed, and they may mark the date.",
])
def test_ambiguous_words_without_context_are_not_flagged(text):
    assert lint(text, "NL101") == []


def test_ambiguous_word_flagged_when_capitalised_elsewhere_and_fix_is_unsafe():
    text = "Officials in Turkey said exports rose. Trade with turkey is growing."
    diags = lint(text, "NL101")
    assert [(d.line, d.column) for d in diags] == [(1, 51)]
    assert not diags[0].fix.is_safe
    assert fix(text, "NL101")[0] == text  # unsafe: not applied by default
    assert fix(text, "NL101", unsafe=True)[0] == text.replace("with turkey", "with Turkey")


def test_ambiguous_country_in_compound_with_acronym():
    assert spans("The US-china talks resumed in Geneva.", "NL101") == [(1, 8, "china")]


def test_jordan_and_china_need_support():
    assert lint("He wore jordan sneakers.", "NL101") == []
    text = "Aid reached Jordan on Monday. Officials in jordan said more was needed."
    assert [d.column for d in lint(text, "NL101")] == [44]


def test_strict_ambiguous_words_ignore_document_consistency():
    # "May" and "Nice" capitalised elsewhere do not make every "may"/"nice" a name.
    text = "Theresa May spoke in Nice on Monday. Officials may meet again. It was a nice gesture."
    assert lint(text, "NL101") == []


def test_month_with_local_context():
    assert spans("The tax break expired in april.", "NL101") == [(1, 26, "april")]
    assert spans("The vote is due on may 5 in London.", "NL101") == [(1, 20, "may")]
    assert spans("The tax break expired in may.", "NL101") == [(1, 26, "may")]
    assert lint("The tax break may expire in time.", "NL101") == []


def test_title_before_ambiguous_name():
    assert spans("He met President trump on Monday.", "NL101") == [(1, 18, "trump")]
    assert lint("They had a trump card to play.", "NL101") == []


def test_document_consistency_catches_unlisted_names():
    text = ("The striker scored twice for Zorvath Rovers. Zorvath won 3-1, and fans of Zorvath celebrated. "
            "Later, zorvath announced a new coach.")
    diags = lint(text, "NL101")
    assert [d.message for d in diags] == ["Proper noun 'zorvath' should be capitalised as 'Zorvath'"]
    assert not diags[0].fix.is_safe


def test_surname_of_person_named_in_full():
    text = ("Fed chair Jerome Powell said rates would stay on hold. "
            "Asked about tariffs, powell said the outlook was uncertain.")
    assert spans(text, "NL101") == [(1, 77, "powell")]


def test_consistency_ignores_title_case_labels_headings_and_tables():
    text = ("Inclusive Participation Matters\n"
            "Officials listed their steps:\n"
            "- Open Communication: talks will resume.\n"
            "- Inclusive Participation: everyone joins.\n"
            "Item | Status |\n---|---|\nCommunication | Open |\nParticipation | Closed |\n"
            "The participation of all sides and open communication matter.\n")
    assert lint(text, "NL101") == []


def test_consistency_ignores_words_capitalised_inside_names():
    text = ("The Prime Minister met the Defence Minister. Shadow Defence Minister Jane Doe spoke. "
            "The Defence budget rose. Defence projects were delayed. The Government said defence spending "
            "would rise, and the minister agreed.")
    assert lint(text, "NL101") == []


def test_generic_words_next_to_names_are_not_flagged():
    text = "Floods hit central Europe, and violence flared in the Palestinian territories."
    assert lint(text, "NL101") == []


@pytest.mark.parametrize("text", [
    "Read more at https://example.com/ukraine or at www.ukraine.example.org today.",
    "Run `ukraine_report --russia` to rebuild the data.",
    "Write to press@russia.example.com for details.",
    "He posted with the hashtag #ukraine and tagged @putin on the site.",
    "The file russia_sanctions.csv was updated.",
    "The data lives in ukraine2024 and the script russia.py reads it.",
    "The word \"ukraine\" was misspelled in the draft.",
])
def test_urls_code_identifiers_and_mentions_are_skipped(text):
    assert lint(text, "NL101") == []


def test_markdown_code_and_link_targets_are_skipped():
    text = "# Talks\n\nSee [the report](https://example.com/russia) and `ukraine`.\n\n```\nputin = 1\n```\n"
    assert lint(text, "NL101", markdown=True) == []


def test_markdown_heading_with_lowercase_proper_noun():
    assert spans("# War in ukraine\n\nThe war continues.\n", "NL101", markdown=True) == [(1, 10, "ukraine")]


def test_crlf_input_positions():
    text = "Heading Here\r\nTalks with russia stalled.\r\nThe ukraine talks resumed.\r\n"
    assert spans(text, "NL101") == [(2, 12, "russia"), (3, 5, "ukraine")]
    assert fix(text, "NL101")[0] == text.replace("russia", "Russia").replace("ukraine", "Ukraine")


def test_correct_text_is_not_flagged():
    text = ("Apple unveiled a new iPhone while eBay reported results. The biography of Charles de Gaulle "
            "sold well. J. K. Rowling donated money. The U.S. and the U.K. agreed.")
    assert lint(text, "NL101") == []


def test_user_vocabulary_adds_terms_and_lowercase_allowlist():
    text = "The hotel chain zorblax expanded, and the bitcoin price rose."
    assert lint(text, "NL101") == []
    diags = lint(text, "NL101", vocabulary=["Zorblax"])
    assert [d.message for d in diags] == ["Proper noun 'zorblax' should be capitalised as 'Zorblax'"]
    assert diags[0].fix.is_safe


def test_stylised_vocabulary_is_respected():
    assert lint("Sales of the iPhone and iPad rose, while easyJet and eBay fell.", "NL101") == []
    assert spans("Sales of the iphone rose.", "NL101") == [(1, 14, "iphone")]


def test_fallback_vocabulary_when_folder_missing(monkeypatch, tmp_path):
    monkeypatch.setattr(cap, "_vocabulary_dir", lambda: tmp_path / "missing")
    cap._shipped_vocabulary.cache_clear()
    try:
        vocab = cap._shipped_vocabulary()
        assert vocab.single["ukraine"].form == ("Ukraine",)
        assert vocab.single["turkey"].ambiguous
        assert "de" in vocab.stylised_first
    finally:
        cap._shipped_vocabulary.cache_clear()


def test_shipped_vocabulary_loads_real_terms():
    vocab = cap._shipped_vocabulary()
    for word in ("ukraine", "russia", "putin", "vladimir", "moscow", "washington", "nato", "kyiv"):
        assert word in vocab.single, word
        assert not vocab.single[word].ambiguous, word
    for word in ("turkey", "china", "jordan"):
        assert vocab.single[word].ambiguous, word
    assert "april" in vocab.single and "may" in vocab.single and vocab.single["may"].ambiguous


def test_build_vocabulary_from_entries():
    vocab = cap._build_vocabulary([("Foo Bar", False), ("Baz", True), ("lowercase", False)], ["eQux"])
    assert vocab.multi["foo"][0].form == ("Foo", "Bar")
    assert vocab.single["baz"].ambiguous
    assert "lowercase" not in vocab.single
    assert "equx" in vocab.stylised_first


# --------------------------------------------------------------------------- NL102

def test_paragraph_start():
    text = "as the landscape continues to evolve, the remarks matter."
    diags = lint(text, "NL102")
    assert [(d.line, d.column) for d in diags] == [(1, 1)]
    assert diags[0].message == "Paragraph starts with lowercase 'as'"
    assert fix(text, "NL102")[0] == "As the landscape continues to evolve, the remarks matter."


def test_sentence_start_mid_paragraph():
    text = "Watchers wait for progress. the interplay of interests matters."
    assert spans(text, "NL102") == [(1, 29, "the")]
    assert lint(text, "NL102")[0].message == "Sentence starts with lowercase 'the'"


def test_list_item_start_among_capitalised_items():
    text = ("He listed points:\n- fostering Open Communication: Engaging in talks.\n"
            "- Inclusive Participation: Ensuring a voice.\n- Addressing Core Concerns: Resolving issues.\n")
    assert spans(text, "NL102") == [(2, 3, "fostering")]


def test_markdown_list_item_start():
    text = ("Negotiators will focus on:\n\n- Tariff Reductions: both sides agree.\n"
            "- rare Earths: Washington wants guarantees.\n- Fentanyl: officials want action.\n")
    assert spans(text, "NL102", markdown=True) == [(4, 3, "rare")]


def test_heading_start_is_sentence_case():
    text = "trust-Building Measures: Essential Steps toward Stabilizing Tensions\nIn light of tensions, trust matters.\n"
    diags = lint(text, "NL102")
    assert [(d.line, d.column) for d in diags] == [(1, 1)]
    assert "trust-Building" in diags[0].message
    assert fix(text, "NL102")[0].startswith("Trust-Building Measures")


def test_markdown_heading_start():
    text = "## the future of talks\n\nTalks resumed on Monday.\n"
    assert spans(text, "NL102", markdown=True) == [(1, 4, "the")]


def test_table_cell_in_capitalised_column():
    text = ("Step | Description |\n---|---|\nregular Diplomatic Meetings | Create platforms. |\n"
            "Confidence-Building Agreements | Establish treaties. |\nInvolvement of Organizations | Engage parties. |\n")
    diags = lint(text, "NL102")
    assert [(d.line, d.column) for d in diags] == [(3, 1)]
    assert "Table cell" in diags[0].message


def test_table_cells_consistently_lowercase_are_fine():
    text = ("Unit | Meaning |\n---|---|\nkm | kilometre |\nkg | kilogram |\nmm | millimetre |\n")
    assert lint(text, "NL102") == []


@pytest.mark.parametrize("text", [
    "iPhone sales rose 9% in the quarter.",
    "eBay reported results on Thursday.",
    "de Gaulle returned to power in 1958.",
    "von der Leyen spoke in Brussels.",
    "Officials in the U.S. said so. The U.S. economy grew.",
    "Some measures, e.g. the new levy, start soon.",
    "J. K. Rowling donated money to a charity.",
    "He met Dr. Smith and Prof. Patel at noon.",
    "He called it \"a mess,\" then left the room.",
    "\"Why?\" he asked. \"Nobody explained anything to us.\"",
    "The minister paused. \"We will see... the process is not finished,\" she said.",
    "`ls` lists the files. Run it first.",
    "https://example.com has the data.",
    "3 people were hurt in the blast.",
    "Many build fixes landed (esp. for Windows users).",
    "The file package.json holds the settings.",
])
def test_sentence_start_look_alikes(text):
    assert lint(text, "NL102") == []


@pytest.mark.parametrize("text", [
    "The plan would:\n- cut taxes\n- raise wages\n- extend childcare to all two-year-olds\n",
    "The ceasefire took effect at 6 a.m. Under its terms, both sides agreed to:\n"
    "- withdraw heavy weapons from the front line\n- allow aid convoys to reach towns\n",
    "The measures include\n- higher taxes on fuel;\n- lower rates for savers; and\n- a review of pensions.\n",
    "- Historical Precedents: past negotiations show that respect matters.\n"
    "- Reducing Pressures: de-escalation helps.\n",
])
def test_continuing_bullets_and_run_in_labels(text):
    assert lint(text, "NL102") == []


def test_all_lowercase_long_bullets_without_lead_in_are_flagged():
    text = ("Analysts said several things.\n"
            "- the economy grew faster than expected in the second quarter of the year. It surprised many.\n"
            "- the central bank kept rates on hold for another month despite the pressure from markets.\n")
    assert [d.line for d in lint(text, "NL102")] == [2, 3]


def test_hard_wrapped_paragraph_continuation_is_not_a_start():
    text = ("The committee said on Tuesday that the review of the\n"
            "agency would be finished by the end of the year, and that\n"
            "officials would publish it.\n\n"
            "A second paragraph follows here.\n")
    assert lint(text, "NL102") == []


def test_name_particle_fix_is_unsafe():
    diags = lint("de Villepin spoke to reporters on Monday.", "NL102")
    assert len(diags) == 1 and not diags[0].fix.is_safe


def test_user_vocabulary_lowercase_brand_at_start():
    assert lint("adidas shares rose on Monday.", "NL102", vocabulary=["adidas"]) == []
    assert codes(lint("adidas shares rose on Monday.", "NL102")) == ["NL102"]


def test_nl102_crlf():
    text = "Talks resumed.\r\nas the landscape evolves, things change. the end came.\r\n"
    assert spans(text, "NL102") == [(2, 1, "as"), (2, 42, "the")]
    assert fix(text, "NL102")[0] == "Talks resumed.\r\nAs the landscape evolves, things change. The end came.\r\n"


# --------------------------------------------------------------------------- NL103

def test_title_case_heading_with_lowercase_proper_noun():
    text = "Putin\u2019s Stance on Inclusion of ukraine in Peace Talks\nThe talks resumed on Monday.\n"
    diags = lint(text, "NL103")
    assert [(d.line, d.column) for d in diags] == [(1, 1)]
    assert "'ukraine'" in diags[0].message
    assert not diags[0].fix.is_safe


def test_heading_with_several_offenders_names_them_all():
    text = "Examining the Role of US-russia Relations in Negotiating peace\nThe talks resumed.\n"
    diags = lint(text, "NL103")
    assert len(diags) == 1
    assert "'russia'" in diags[0].message and "'peace'" in diags[0].message
    fixed = fix(text, "NL103", unsafe=True)[0]
    assert fixed.startswith("Examining the Role of US-Russia Relations in Negotiating Peace\n")


def test_run_in_list_label():
    text = ("It can pave the way for:\n- Strategic Negotiations: Open channels foster trust.\n"
            "- Joint peace Efforts: collaborative initiatives can help.\n- Long-term Stability: engagement helps.\n")
    diags = lint(text, "NL103")
    assert [(d.line, d.column) for d in diags] == [(3, 3)]
    assert "'peace'" in diags[0].message


def test_markdown_heading_case():
    text = "# Intro\n\nText here.\n\n## What the Decision means for Patients\n\nThe agency approved it.\n"
    diags = lint(text, "NL103", markdown=True)
    assert [(d.line, d.column) for d in diags] == [(5, 4)]
    assert "'means'" in diags[0].message


def test_mostly_sentence_case_heading_with_stray_capital():
    text = "Fed Projections for the years ahead\nThe Fed said rates would fall. The Fed chair agreed.\n"
    assert [(d.line, d.column) for d in lint(text, "NL103")] == [(1, 1)]


@pytest.mark.parametrize("text,markdown", [
    ("The future of Ukraine\u2019s peace talks\nThe talks resumed on Monday in Geneva.\n", False),
    ("Impact of International Diplomacy on the Ukraine Conflict Resolution\nThe talks resumed.\n", False),
    ("The Future of Ukraine: Navigating Sovereignty and Security in Peace Efforts\nTalks resumed.\n", False),
    ("To Conclude\nTalks resumed.\n", False),
    ("## Markets react to Fed decision\n\nThe Fed raised rates, and the Fed chair spoke.\n", True),
    ("## Why Moscow and Washington still talk\n\nThe talks resumed.\n", True),
    ("- Long-term Stability: engagement may help.\n- Historical Precedents: past talks show it.\n", False),
    ("trust-Building Measures: Essential Steps toward Stabilizing Tensions\nThe talks resumed.\n", False),
    ("## Apache License v2.0 and the package.json File\n\nText.\n", True),
    ("Recommendations for Enhancing US-Russia Dialogue\nTalks resumed.\n", False),
])
def test_heading_look_alikes(text, markdown):
    assert lint(text, "NL103", markdown=markdown) == []


def test_heading_starting_lowercase_is_left_to_nl102():
    text = "trust-Building Measures: Essential steps\nTalks resumed.\n"
    assert codes(lint(text, "NL102", "NL103")) == ["NL102"]


def test_nl103_crlf():
    text = "Putin\u2019s Stance on Inclusion of ukraine in Peace Talks\r\nThe talks resumed.\r\n"
    assert [(d.line, d.column) for d in lint(text, "NL103")] == [(1, 1)]


# --------------------------------------------------------------------------- plumbing

def test_rules_are_registered():
    assert [r.code for r in cap.RULES] == ["NL101", "NL102", "NL103"]


def test_analysis_is_cached_per_document():
    doc = Document("Talks with russia stalled.", "a.txt")
    assert cap._analyse(doc) is cap._analyse(doc)


def test_lowercase_sentence_after_a_closed_quote_is_flagged():
    # A period inside the closing quote ends the sentence; what follows must be capitalised.
    found = lint('The agency said it was "under review." the emails showed otherwise.\n', "NL102")
    assert [(d.line, d.column) for d in found] == [(1, 40)]


# --------------------------------------------------------------------------- nationality adjectives,
# months in dates, name particles, stylised company names, emphasised list items


@pytest.mark.parametrize("text,wrong", [
    ("Shares fell.The dutch company said it was assessing the impact.", "dutch"),
    ("It was the longest strike in modern french history.", "french"),
    ("Analysts praised the danish drugmaker on Monday.", "danish"),
    ("Kessner said he had full confidence in the dutchman.", "dutchman"),
    ("Two frenchmen were hurt.", "frenchmen"),
    ("An englishwoman was hurt.", "englishwoman"),
    ("Thousands of americans voted early.", "americans"),
    ("The talks stalled. In march the league questioned the funds.", "march"),
    ("Since march it has lost ten games.", "march"),
    ("The rules take effect on 3 march.", "march"),
    ("Flights resume from 1st august, officials said.", "august"),
    ("Bergen and trondheim closed; Oslo stayed open.", "trondheim"),
    ("He was a former feyenoord midfielder.", "feyenoord"),
    ("He moved to the bundesliga last summer.", "bundesliga"),
])
def test_generic_names_are_flagged(text, wrong):
    found = [t for _, _, t in spans(text, "NL101")]
    assert found == [wrong]


@pytest.mark.parametrize("text", [
    "He ate french fries and french toast by the french windows.",
    "They went dutch on dinner and cooked in a dutch oven with dutch courage.",
    "She had a danish and coffee, then a danish pastry.",
    "Thousands joined the march on Friday. The last march the union held was peaceful.",
    "Protesters march in Paris; they march again in the spring.",  # verb
    "Soldiers in march order kept pace.",  # noun, no date
    "Officials may meet in March. It may rain.",
    "The museum bought a portrait by Anthony van Dyck. It is its first Van Dyck.",
    "Head coach Tomás van der Linde praised Ursula von der Leyen and Willem de Kooning.",
    "Mohammed bin Salman met Luiz Inácio Lula da Silva and Charles de Gaulle's heirs.",
    "SK hynix operates a memory plant in Wuxi; SK Hynix shares rose.",
    "A guide to life in west Jerusalem and east London, and a new Cairo office.",
    "Reading the report on a mobile phone, he felt a little rock underfoot.",
    "A glass of bordeaux with dijon mustard and parma ham.",
])
def test_generic_name_look_alikes_are_not_flagged(text):
    assert spans(text, "NL101") == []


def test_particle_is_not_capitalised_even_when_written_capitalised_alone_elsewhere():
    text = "It is the museum's first Van Dyck. The portrait by Anthony van Dyck was sold. A second Van Dyck may follow."
    assert lint(text, "NL101") == []


def test_month_in_date_context_fix_is_unsafe():
    diags = lint("In march the club changed hands.", "NL101")
    assert codes(diags) == ["NL101"] and not diags[0].fix.is_safe
    assert fix("In march the club changed hands.", "NL101", unsafe=True)[0] == "In March the club changed hands."


def test_nationality_adjective_fix():
    text = "The dutch company declined to comment."
    assert fix(text, "NL101", unsafe=True)[0] == "The Dutch company declined to comment."


def test_emphasised_list_item_starting_lowercase_is_flagged():
    text = ("Proposals include:\n\n- **Active Removal:** missions to capture debris.\n"
            "- **Shorter Rules:** the guideline was cut.\n- **better Data Sharing:** one public catalog.\n")
    assert spans(text, "NL102", markdown=True) == [(5, 5, "better")]
    fixed = fix(text, "NL102", markdown=True)[0]
    assert "- **Better Data Sharing:**" in fixed


@pytest.mark.parametrize("text", [
    "The plan would:\n\n- **cut** taxes\n- **raise** wages\n",  # bullets continuing the lead-in
    "- **Active Removal:** missions to capture debris.\n- **Shorter Rules:** the guideline was cut.\n",
    "Run `__init__` first.\n\n__init__.py holds the package.\n",
    "- **iPhone** sales rose.\n- **eBay** results fell.\n",
])
def test_emphasised_list_item_look_alikes(text):
    assert spans(text, "NL102", markdown=True) == []


def test_name_particle_in_title_case_heading_is_not_a_lowercase_word():
    text = "# A Portrait by Anthony van Dyck Returns to View\n\nThe museum said so.\n"
    assert lint(text, "NL103", markdown=True) == []
    text = "# A Portrait by Anthony van Dyck returns to View\n\nThe museum said so.\n"
    [diag] = lint(text, "NL103", markdown=True)
    assert "'returns'" in diag.message and "'van'" not in diag.message
