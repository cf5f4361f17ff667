"""Inline suppression comments and the rule that reports unused ones."""

from __future__ import annotations

from conftest import codes, lint

BAD = "Talks,despite the rain."


def test_disable_next_line_by_code_and_by_name():
    text = f"<!-- newslint-disable-next-line NL201 -->\n{BAD}\n{BAD}\n"
    assert [d.line for d in lint(text, "NL201")] == [3]
    text = f"<!-- newslint-disable-next-line missing-space-after-comma -->\n{BAD}\n"
    assert lint(text, "NL201") == []


def test_disable_enable_range_and_prefix():
    text = f"{BAD}\n<!-- newslint-disable NL2 -->\n{BAD}\n{BAD}\n<!-- newslint-enable -->\n{BAD}\n"
    assert [d.line for d in lint(text, "NL201")] == [1, 6]


def test_disable_line_and_disable_file():
    assert lint(f"{BAD} <!-- newslint-disable-line NL201 -->\n", "NL201") == []
    assert lint(f"<!-- newslint-disable-file -->\n{BAD}\n{BAD}\n", "NL201") == []
    text = f"<!-- newslint-disable-file NL301 -->\n{BAD} the the\n"
    assert codes(lint(text, "NL201", "NL301")) == ["NL201"]


def test_unused_suppression_is_reported_when_selected():
    text = f"<!-- newslint-disable-next-line NL201 -->\nClean text here.\n{BAD}\n"
    found = lint(text, "NL201", "NL001")
    assert codes(found) == ["NL001", "NL201"]
    assert found[0].line == 1 and "suppresses nothing" in found[0].message
    used = f"<!-- newslint-disable-next-line NL201 -->\n{BAD}\n"
    assert lint(used, "NL201", "NL001") == []


def test_suppression_works_in_markdown_too():
    text = f"# Title\n\n<!-- newslint-disable-next-line NL201 -->\n{BAD}\n"
    assert lint(text, "NL201", markdown=True) == []
