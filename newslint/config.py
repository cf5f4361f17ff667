"""Configuration: `[tool.newslint]` in pyproject.toml, `newslint.toml` or `.newslint.yaml`.

The nearest configuration file above each linted file wins (like ruff), or one
given with `--config`. Every key is validated; mistakes name the file, the line
and the key, with a "did you mean".
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, Mapping

from .diagnostic import Severity
from .errors import ConfigError, did_you_mean

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

CONFIG_FILES = ("newslint.toml", ".newslint.toml", ".newslint.yaml", ".newslint.yml", "pyproject.toml")

DEFAULT_INCLUDE = ("*.md", "*.markdown", "*.mdx", "*.txt")

# key -> (attribute, expected type description, validator)
_LIST_KEYS = {
    "select", "ignore", "extend-select", "include", "exclude", "extend-exclude", "packs",
    "enable-packs", "vocabulary", "blocked-plugins", "extend-safe-fixes", "extend-unsafe-fixes",
}
_KNOWN_KEYS = _LIST_KEYS | {
    "per-file-ignores", "rule-options", "fail-on", "encoding", "respect-gitignore", "cache-dir",
    "languagetool", "fail-under", "corpus", "rule-timeout", "pattern-timeout",
}


@dataclass(frozen=True)
class Config:
    """Resolved settings for one folder of files."""

    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] = ()
    extend_select: tuple[str, ...] = ()
    include: tuple[str, ...] = DEFAULT_INCLUDE
    #: Exclude globs; `extend-exclude` in a file adds to them instead of replacing them.
    exclude: tuple[str, ...] = ()
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()
    rule_options: tuple[tuple[str, tuple[tuple[str, Any], ...]], ...] = ()
    packs: tuple[str, ...] = ()
    enable_packs: tuple[str, ...] = ()
    vocabulary: tuple[str, ...] = ()
    blocked_plugins: tuple[str, ...] = ()
    extend_safe_fixes: tuple[str, ...] = ()
    extend_unsafe_fixes: tuple[str, ...] = ()
    fail_on: Severity = Severity.INFO
    fail_under: float | None = None
    encoding: str = "utf-8"
    respect_gitignore: bool = True
    cache_dir: str | None = None
    #: Seconds a rule may run per started megabyte of a file (0: no limit); None: default.
    rule_timeout: float | None = None
    #: Seconds one user-supplied pack regex may run per call; None: default.
    pattern_timeout: float | None = None
    languagetool: tuple[tuple[str, Any], ...] = ()
    corpus: tuple[tuple[str, Any], ...] = ()
    #: Where this configuration came from (for messages), and its folder.
    source: str = "<defaults>"
    root: str = "."

    def options_for(self, rule_code: str, rule_name: str) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for key, values in self.rule_options:
            if key in (rule_code, rule_name):
                out.update(dict(values))
        return out

    def section(self, name: str) -> dict[str, Any]:
        return dict(getattr(self, name))

    def fingerprint(self) -> str:
        """A stable digest of everything that changes lint results (for the cache)."""
        import hashlib

        payload = repr((self.select, self.ignore, self.extend_select, self.per_file_ignores, self.rule_options,
                        self.packs, self.enable_packs, self.vocabulary, self.blocked_plugins,
                        self.extend_safe_fixes, self.extend_unsafe_fixes, self.encoding, self.languagetool,
                        self.pattern_timeout))
        return hashlib.sha256(payload.encode()).hexdigest()[:16]


def _line_of_key(text: str, key: str) -> int | None:
    pattern = re.compile(r"^\s*[\"']?" + re.escape(key) + r"[\"']?\s*[=:]", re.MULTILINE)
    m = pattern.search(text)
    return text.count("\n", 0, m.start()) + 1 if m else None


def _did_you_mean(key: str, options: Any) -> str:
    return did_you_mean(key, options, cutoff=0.5)


def _as_str_list(value: Any, where: str) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, (list, tuple)) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{where}: expected a list of strings, got {value!r}")
    return tuple(value)


def config_from_mapping(data: Mapping[str, Any], *, source: str = "<config>", root: str = ".",
                        raw_text: str = "", base: Config | None = None) -> Config:
    """Validate a `[tool.newslint]`-shaped mapping into a Config."""
    if not isinstance(data, Mapping):
        raise ConfigError(f"{source}: the newslint configuration must be a table/mapping, got {type(data).__name__}")
    cfg = base or Config()
    changes: dict[str, Any] = {"source": source, "root": root}

    def where(key: str) -> str:
        line = _line_of_key(raw_text, key) if raw_text else None
        return f"{source}:{line}: key {key!r}" if line else f"{source}: key {key!r}"

    for raw_key, value in data.items():
        key = str(raw_key).replace("_", "-")
        if key not in _KNOWN_KEYS:
            raise ConfigError(f"{where(str(raw_key))} is not a newslint setting{_did_you_mean(key, _KNOWN_KEYS)}")
        attr = key.replace("-", "_")
        if key in _LIST_KEYS:
            items = _as_str_list(value, where(raw_key))
            if key in ("packs",):
                items = tuple(str((Path(root) / p).resolve()) if not Path(p).is_absolute() else p for p in items)
            changes[attr] = items
        elif key == "per-file-ignores":
            if not isinstance(value, Mapping):
                raise ConfigError(f"{where(raw_key)}: expected a table of glob = [codes]")
            changes[attr] = tuple((str(g), _as_str_list(v, where(raw_key))) for g, v in value.items())
        elif key == "rule-options":
            if not isinstance(value, Mapping) or not all(isinstance(v, Mapping) for v in value.values()):
                raise ConfigError(f"{where(raw_key)}: expected a table of rule-name = {{option = value}}")
            changes[attr] = tuple((str(r), tuple((str(k).replace("_", "-"), v) for k, v in opts.items()))
                                  for r, opts in value.items())
        elif key in ("languagetool", "corpus"):
            if not isinstance(value, Mapping):
                raise ConfigError(f"{where(raw_key)}: expected a table")
            changes[attr] = tuple(value.items())
        elif key == "fail-on":
            try:
                changes[attr] = Severity.parse(str(value))
            except ValueError as exc:
                raise ConfigError(f"{where(raw_key)}: {exc}") from None
        elif key == "fail-under":
            if not isinstance(value, (int, float)) or isinstance(value, bool) or not 0 <= value <= 100:
                raise ConfigError(f"{where(raw_key)}: expected a number from 0 to 100, got {value!r}")
            changes[attr] = float(value)
        elif key == "encoding":
            import codecs

            try:
                codecs.lookup(str(value))
            except LookupError:
                raise ConfigError(f"{where(raw_key)}: unknown encoding {value!r}") from None
            changes[attr] = str(value)
        elif key == "respect-gitignore":
            if not isinstance(value, bool):
                raise ConfigError(f"{where(raw_key)}: expected true or false, got {value!r}")
            changes[attr] = value
        elif key == "cache-dir":
            changes[attr] = str(value)
        elif key in ("rule-timeout", "pattern-timeout"):
            if not isinstance(value, (int, float)) or isinstance(value, bool) or value < 0:
                raise ConfigError(f"{where(raw_key)}: expected a number of seconds (0 for no limit), got {value!r}")
            changes[attr] = float(value)
    if "extend_exclude" in changes:
        changes["exclude"] = tuple(changes.get("exclude", cfg.exclude)) + changes.pop("extend_exclude")
    return replace(cfg, **changes)


def load_config_file(path: Path) -> Config | None:
    """Parse one configuration file; None when it is a pyproject.toml without [tool.newslint]."""
    try:
        raw = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read configuration: {exc}") from None
    root = str(path.parent.resolve())
    if path.suffix in (".yaml", ".yml"):
        import yaml

        try:
            from .yamlsource import safe_load

            data = safe_load(raw)
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            line = f":{mark.line + 1}" if mark is not None else ""
            problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
            raise ConfigError(f"{path}{line}: invalid YAML: {problem}") from None
        if data is None:
            data = {}
        return config_from_mapping(data, source=str(path), root=root, raw_text=raw)
    try:
        data = tomllib.loads(raw)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML: {exc}") from None
    if path.name == "pyproject.toml":
        tool = data.get("tool", {})
        if not isinstance(tool, Mapping) or "newslint" not in tool:
            return None
        data = tool["newslint"]
    return config_from_mapping(data, source=str(path), root=root, raw_text=raw)


class ConfigResolver:
    """Finds the nearest configuration for each file, caching per folder."""

    def __init__(self, explicit: Path | None = None, overrides: Mapping[str, Any] | None = None):
        self._explicit: Config | None = None
        if explicit is not None:
            if not explicit.is_file():
                raise ConfigError(f"{explicit}: configuration file not found")
            self._explicit = load_config_file(explicit) or Config(source=str(explicit), root=str(explicit.parent))
        self._overrides = dict(overrides or {})
        self._by_dir: dict[Path, Config] = {}
        self._by_raw: dict[str, Config] = {}
        self._explicit_applied: Config | None = None

    def _apply(self, cfg: Config) -> Config:
        return replace(cfg, **self._overrides) if self._overrides else cfg

    def for_path(self, path: Path) -> Config:
        if self._explicit is not None:
            if self._explicit_applied is None:
                self._explicit_applied = self._apply(self._explicit)
            return self._explicit_applied
        folder = path if path.is_dir() else path.parent
        # Files of one folder share one answer: skip resolve()'s lstat of every component.
        key = str(folder)
        found = self._by_raw.get(key)
        if found is None:
            found = self._by_raw[key] = self._for_dir(folder.resolve())
        return found

    def _for_dir(self, folder: Path) -> Config:
        cached = self._by_dir.get(folder)
        if cached is not None:
            return cached
        found: Config | None = None
        for name in CONFIG_FILES:
            candidate = folder / name
            if candidate.is_file():
                found = load_config_file(candidate)
                if found is not None:
                    break
        if found is None:
            parent = folder.parent
            if parent != folder and not (folder / ".git").exists():
                cfg = self._for_dir(parent)
            else:
                cfg = self._apply(Config(root=str(folder)))
        else:
            cfg = self._apply(found)
        self._by_dir[folder] = cfg
        return cfg
