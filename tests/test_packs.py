"""YAML rule packs: a newsroom's own house style without Python."""

from __future__ import annotations

import json
import textwrap

import pytest

from conftest import lint, run_cli
from newslint.errors import PackError
from newslint.packs import load_pack

MY_STYLE = textwrap.dedent("""\
    pack: my-style
    description: The Daily Example's house style
    rules:
      - code: MS101
        name: avoid-stock-phrases
        type: existence
        severity: warning
        category: boilerplate
        message: "Avoid '{match}': {advice}"
        tokens:
          - {phrase: "only time will tell", advice: "say what happens next"}
          - {pattern: "\\\\bat the end of the day\\\\b", advice: "cut it"}
        examples:
          bad: ["Only time will tell."]
          good: ["Time will tell us nothing."]
      - code: MS102
        name: prefer-kyiv-house
        type: substitution
        fix: safe
        ignorecase: false
        swap: {Kiev: Kyiv}
    """)


def _project(tmp_path, pack_text: str = MY_STYLE):
    (tmp_path / "style").mkdir()
    (tmp_path / "style" / "my-style.yaml").write_text(pack_text)
    (tmp_path / "pyproject.toml").write_text('[tool.newslint]\npacks = ["style/my-style.yaml"]\n')
    article = tmp_path / "story.md"
    article.write_text("# Talks\n\nTalks in Kiev resumed. Only time will tell.\n")
    return article


def test_user_pack_named_in_pyproject_reports_and_fixes(tmp_path):
    article = _project(tmp_path)
    proc = run_cli("check", "--select", "MS1", "story.md", cwd=tmp_path)
    out = proc.stdout.decode()
    assert proc.returncode == 1, proc.stderr
    assert "story.md:3:10: MS102 [prefer-kyiv-house]" in out
    assert "story.md:3:24: MS101 [avoid-stock-phrases] Avoid 'Only time will tell': say what happens next" in out
    run_cli("check", "--select", "MS1", "--fix", "story.md", cwd=tmp_path)
    assert article.read_text() == "# Talks\n\nTalks in Kyiv resumed. Only time will tell.\n"
    rules = json.loads(run_cli("rules", "--format", "json", cwd=tmp_path).stdout)
    sources = {r["code"]: r["source"] for r in rules}
    assert sources["MS101"] == "pack style/my-style.yaml"
    text = run_cli("explain", "avoid-stock-phrases", cwd=tmp_path).stdout.decode()
    assert "Defined in" in text and "Only time will tell." in text


def test_typo_in_a_pack_key_is_exit_2_with_file_line_and_did_you_mean(tmp_path):
    _project(tmp_path, MY_STYLE.replace("    severity: warning", "    severity: warning\n    messge: x"))
    proc = run_cli("check", "story.md", cwd=tmp_path)
    err = proc.stderr.decode()
    assert proc.returncode == 2
    assert "my-style.yaml:8: MS101 key 'messge': unknown key for type existence; did you mean 'message'?" in err
    assert "Traceback" not in err


@pytest.mark.parametrize(
    "change, expected",
    [
        (("type: existence", "type: existance"), "unknown check type 'existance'; did you mean 'existence'?"),
        (("at the end of the day", "(unclosed"), "invalid regular expression"),
        (("at the end of the day", "(a+)+b"), "unsafe regular expression"),
        (("severity: warning", "severity: fatal"), "unknown severity 'fatal'"),
        (("Avoid '{match}': {advice}", "Avoid {matc}"), "unknown placeholder {matc}"),
    ],
)
def test_pack_mistakes_are_clear_errors(tmp_path, change, expected):
    path = tmp_path / "p.yaml"
    path.write_text(MY_STYLE.replace(*change))
    with pytest.raises(PackError) as info:
        load_pack(path)
    assert str(path) in str(info.value) and expected in str(info.value)


def test_house_style_pack_is_opt_in_and_enabled_by_name(tmp_path):
    text = "Talks were held in Kiev with 3 ministers, said president Macron.\n"
    assert not [d for d in lint(text) if d.code.startswith("NL8")]
    found = [d.code for d in lint(text, **{"enable-packs": ["house-style"]}) if d.code.startswith("NL8")]
    assert found == ["NL803", "NL805", "NL804"]
    f = tmp_path / "a.txt"
    f.write_text(text)
    proc = run_cli("check", "--extend-select", "house-style", "--select", "NL8", str(f))
    assert "NL803 [prefer-kyiv]" in proc.stdout.decode()


def test_check_types_occurrence_consistency_capitalization_scope_and_exceptions():
    cfg = {"enable-packs": ["house-style"]}
    very = lint("It was very cold, very windy and very dark and very late.\n", "NL807", **cfg)
    assert [d.column for d in very] == [34, 48]
    us = lint("U.S. aid rose. U.S. troops stayed. US envoys left.\n", "NL801", **cfg)
    assert [(d.column, d.fix.edits[0].text) for d in us] == [(36, "U.S.")]
    brand = lint("Sales of the Iphone rose on Youtube.\n", "NL806", **cfg)
    assert [d.message for d in brand] == ["Write 'iPhone', not 'Iphone'", "Write 'YouTube', not 'Youtube'"]
    assert lint("He ate Chicken Kiev in Odessa, Texas.\n", "NL803", **cfg) == []
    # scope: numerals only in paragraphs and list items, not headings
    assert lint("# 3 Things\n\nThe 3 men left.\n", "NL805", markdown=True, **cfg)[0].line == 3


def test_pattern_set_finds_matches_hidden_from_the_literal_scan_by_long_s():
    """'ſ' matches 's' under IGNORECASE but lowercases to itself: the anchor scan cannot see 'massive'."""
    import re

    from newslint.checks.matcher import LiteralIndex, PatternSet
    from newslint.document import Document

    patterns = PatternSet([r"\bmassive\b"], re.IGNORECASE, LiteralIndex())
    for text, expected in (("A maſſive crowd.", ["maſſive"]), ("A massive crowd.", ["massive"]), ("A crowd.", [])):
        assert [m.group() for _, m in patterns.finditer(Document(text, "a.txt"))] == expected
