"""All known rules, output formats and packs, gathered once per process from plugins."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable

from .errors import PluginError, UsageError, did_you_mean
from .plugins import call_each, create_plugin_manager
from .rule import Rule, validate_rule


@dataclass
class Registry:
    """Rules by code and name, plus output formats; built by `get_registry`."""

    rules: list[Rule] = field(default_factory=list)
    formats: dict[str, Any] = field(default_factory=dict)
    #: Pack name -> rule codes, for `enable-packs` and `newslint rules`.
    packs: dict[str, list[str]] = field(default_factory=dict)
    plugins: dict[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.by_code: dict[str, Rule] = {}
        self.by_name: dict[str, Rule] = {}

    def add(self, rule: Rule) -> None:
        problems = validate_rule(rule)
        if problems:
            raise PluginError(f"rule {rule.code or rule.name!r} from {rule.source} is invalid: {'; '.join(problems)}")
        for key, table in ((rule.code, self.by_code), (rule.name, self.by_name)):
            other = table.get(key)
            if other is not None:
                raise PluginError(
                    f"duplicate rule {key!r}: {other.code} [{other.name}] from {other.source} "
                    f"and {rule.code} [{rule.name}] from {rule.source}"
                )
        self.by_code[rule.code] = rule
        self.by_name[rule.name] = rule
        self.rules.append(rule)

    def finish(self) -> None:
        self.rules.sort(key=lambda r: r.code)

    @property
    def fingerprint(self) -> str:
        """Identifies the rule implementations (their module files and pack files, by size and mtime)."""
        cached = getattr(self, "_fingerprint", None)
        if cached is None:
            import hashlib
            import inspect
            import os

            parts = []
            for rule in self.rules:
                source = getattr(rule, "pack_file", None) or inspect.getsourcefile(type(rule)) or ""
                try:
                    st = os.stat(source)
                    parts.append(f"{rule.code}:{source}:{st.st_size}:{st.st_mtime_ns}")
                except OSError:
                    parts.append(f"{rule.code}:{source}")
            cached = self._fingerprint = hashlib.sha256("\n".join(parts).encode()).hexdigest()[:16]
        return cached

    def get(self, key: str) -> Rule | None:
        return self.by_code.get(key.upper()) or self.by_name.get(key.lower())

    def resolve(self, selector: str, *, where: str = "") -> list[Rule]:
        """Rules matched by a code, a code prefix (`NL2`), a name, a pack name or ALL."""
        key = selector.strip()
        if not key:
            return []
        if key.upper() == "ALL":
            return list(self.rules)
        rule = self.get(key)
        if rule is not None:
            return [rule]
        upper = key.upper()
        prefixed = [r for r in self.rules if r.code.startswith(upper)]
        if prefixed and upper[:1].isalpha():
            return prefixed
        if key in self.packs:
            return [self.by_code[c] for c in self.packs[key]]
        candidates = list(self.by_code) + list(self.by_name) + list(self.packs)
        hint = did_you_mean(key, candidates, otherwise="; `newslint rules` lists them")
        raise UsageError(f"unknown rule {key!r}{' in ' + where if where else ''}{hint}")


def _load_rules(registry: Registry, source: str, items: Iterable[Any]) -> None:
    for item in items:
        if isinstance(item, type) and issubclass(item, Rule):
            try:
                rule = item()
            except Exception as exc:
                raise PluginError(f"rule class {item.__name__} from {source} failed to build: {exc}") from exc
        elif isinstance(item, Rule):
            rule = item
        else:
            raise PluginError(f"{source} returned {item!r} from newslint_rules(), which is not a Rule")
        rule.source = source
        registry.add(rule)


@lru_cache(maxsize=8)
def get_registry(blocked: frozenset[str] = frozenset(), extra_packs: tuple[str, ...] = ()) -> Registry:
    """The registry for a set of blocked plugins and extra pack paths (cached per process)."""
    from .packs import load_pack_paths

    pm, info = create_plugin_manager(blocked)
    registry = Registry()
    for plugin_name, items in call_each(pm, "newslint_rules"):
        _load_rules(registry, info[plugin_name].source, items)
    pack_sources: list[tuple[str, Path]] = []
    for plugin_name, paths in call_each(pm, "newslint_rule_packs"):
        for p in paths:
            pack_sources.append((info[plugin_name].source, Path(p)))
    for p in extra_packs:
        pack_sources.append(("config", Path(p)))
    for origin, path in pack_sources:
        for pack in load_pack_paths(path, origin=origin):
            registry.packs[pack.name] = [r.code for r in pack.rules]
            for rule in pack.rules:
                registry.add(rule)
    for plugin_name, formats in call_each(pm, "newslint_output_formats"):
        for name, cls in dict(formats).items():
            if name in registry.formats:
                raise PluginError(f"duplicate output format {name!r} from {info[plugin_name].source}")
            registry.formats[name] = cls
    registry.plugins = {name: pi.source for name, pi in info.items()}
    registry.finish()
    return registry
