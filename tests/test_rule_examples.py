"""The meta-test every rule must pass: its documented examples are true.

Each bad example is flagged by its rule, each good look-alike is not, and where
a bad example documents its fix, fixing yields exactly that text and re-linting
the result reports nothing fixable.
"""

from __future__ import annotations

import pytest

import newslint
from newslint.registry import get_registry

REGISTRY = get_registry()
RULES = REGISTRY.rules
_EXEMPT_FROM_EXAMPLES = {"NL001"}  # reported by the engine itself; tested in test_suppression


def _lint(rule, example):
    path = "example.md" if example.markdown else "example.txt"
    return [d for d in newslint.lint_text(example.text, path=path, config={"select": [rule.code]})
            if d.code == rule.code]


@pytest.mark.parametrize("rule", RULES, ids=lambda r: f"{r.code}-{r.name}")
def test_rule_has_documentation_and_examples(rule):
    assert rule.documentation.strip(), f"{rule.code} has no documentation"
    if rule.code in _EXEMPT_FROM_EXAMPLES:
        return
    assert len(rule.bad_examples) >= 3, f"{rule.code} needs at least three bad examples"
    assert len(rule.good_examples) >= 3, f"{rule.code} needs at least three good look-alikes"
    if rule.fix_applicability in ("safe", "unsafe"):
        assert any(ex.fixed is not None for ex in rule.bad_examples), f"{rule.code} documents no fix result"


@pytest.mark.parametrize("rule", RULES, ids=lambda r: f"{r.code}-{r.name}")
def test_bad_examples_are_flagged(rule):
    for example in rule.bad_examples:
        if rule.code in _EXEMPT_FROM_EXAMPLES:
            continue
        assert _lint(rule, example), f"{rule.code} does not flag its bad example: {example.text!r}"


@pytest.mark.parametrize("rule", RULES, ids=lambda r: f"{r.code}-{r.name}")
def test_good_examples_are_not_flagged(rule):
    for example in rule.good_examples:
        if rule.code in _EXEMPT_FROM_EXAMPLES:
            continue
        found = _lint(rule, example)
        assert not found, f"{rule.code} flags its good example {example.text!r}: {[d.message for d in found]}"


@pytest.mark.parametrize("rule", RULES, ids=lambda r: f"{r.code}-{r.name}")
def test_fix_of_bad_example_gives_documented_text(rule):
    for example in rule.bad_examples:
        if example.fixed is None:
            continue
        path = "example.md" if example.markdown else "example.txt"
        fixed, remaining = newslint.fix_text(example.text, path=path, unsafe=True, config={"select": [rule.code]})
        assert fixed == example.fixed, f"{rule.code}: fix({example.text!r}) gave {fixed!r}"
        again = newslint.lint_text(fixed, path=path, config={"select": [rule.code]})
        assert not [d for d in again if d.fix is not None], f"{rule.code}: fixed text still has fixable findings"
