"""Registry: rule metadata validation, duplicate detection, selection."""

from __future__ import annotations

import pytest

from newslint.errors import PluginError, UsageError
from newslint.registry import Registry, get_registry
from newslint.rule import Rule


def _rule(code: str, name: str, source: str) -> Rule:
    cls = type("R", (Rule,), {"code": code, "name": name, "__doc__": "Doc."})
    rule = cls()
    rule.source = source
    return rule


def test_duplicate_codes_and_names_name_both_sources():
    registry = Registry()
    registry.add(_rule("NL900", "first-rule", "built-in"))
    with pytest.raises(PluginError, match=r"duplicate rule 'NL900': NL900 \[first-rule\] from built-in and NL900 \[other\] from plugin acme"):
        registry.add(_rule("NL900", "other", "plugin acme"))
    with pytest.raises(PluginError, match="duplicate rule 'first-rule'.*plugin acme"):
        registry.add(_rule("NL901", "first-rule", "plugin acme"))


def test_invalid_metadata_is_rejected():
    with pytest.raises(PluginError, match="is not like NL123"):
        Registry().add(_rule("bad", "ok-name", "plugin x"))
    with pytest.raises(PluginError, match="not kebab-case"):
        Registry().add(_rule("NL902", "Bad_Name", "plugin x"))


def test_every_builtin_rule_has_valid_unique_metadata():
    registry = get_registry()
    assert len({r.code for r in registry.rules}) == len(registry.rules)
    for rule in registry.rules:
        assert rule.summary and rule.category


def test_resolve_by_code_prefix_name_and_did_you_mean():
    registry = get_registry()
    assert [r.code for r in registry.resolve("NL201")] == ["NL201"]
    assert {r.code for r in registry.resolve("NL20")} >= {"NL201", "NL202", "NL203"}
    assert [r.code for r in registry.resolve("doubled-word")] == ["NL301"]
    with pytest.raises(UsageError, match="did you mean 'doubled-word'"):
        registry.resolve("doubled-wrod")


def test_shipped_packs_pass_full_validation_as_user_packs_would():
    """Built-in packs skip the per-token regex vetting at run time; vet them here instead."""
    from newslint.packs import builtin_pack_dir, load_pack

    packs = sorted(builtin_pack_dir().glob("*.yaml"))
    assert packs
    for path in packs:
        pack = load_pack(path, origin="test")
        assert pack.rules, path
