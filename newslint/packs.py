"""YAML rule packs: one pack per file, validated on load.

Schema (see README "Writing a rule pack")::

    pack: house-style            # kebab-case name, enable with enable-packs
    description: ...
    default: false               # false: opt-in
    category: style              # default category of its rules
    rules:
      - code: HS101
        name: prefer-percent
        type: substitution       # existence | substitution | occurrence | consistency | capitalization
        ...
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from .errors import PackError
from .rule import NAME_PATTERN, Rule
from .yamlsource import LineDict, line_of, load_yaml_with_lines

PACK_KEYS = {"pack", "description", "default", "category", "rules"}


@dataclass
class Pack:
    name: str
    path: str
    description: str
    default: bool
    rules: list[Rule] = field(default_factory=list)


def builtin_pack_dir() -> Path:
    """The shipped packs: inside the installed package, or the source tree's `rules/`."""
    here = Path(__file__).resolve().parent
    packaged = here / "_rules"
    if packaged.is_dir():
        return packaged
    return here.parent / "rules"


def load_pack_paths(path: Path, *, origin: str = "config") -> list[Pack]:
    """Packs from a file, or every `*.yaml`/`*.yml` directly inside a folder."""
    if path.is_dir():
        files = sorted(p for p in path.iterdir() if p.suffix in (".yaml", ".yml") and p.is_file())
        return [_load_cached(str(p), origin) for p in files]
    if not path.exists():
        raise PackError(f"{path}: rule pack not found")
    return [_load_cached(str(path), origin)]


@lru_cache(maxsize=256)
def _load_cached(path: str, origin: str) -> Pack:
    if origin != "built-in":
        return load_pack(Path(path), origin=origin)
    # Shipped packs are trusted and unchanged between runs: reuse the parsed,
    # compiled pack from the data cache (a pickle loads 40x faster than YAML).
    from .datacache import cached

    pack = cached(f"pack-{Path(path).stem}", [Path(path)], lambda: load_pack(Path(path), origin=origin))
    display = _display_path(Path(path))
    for rule in pack.rules:
        rule.source = f"pack {display}"
    return pack


def load_pack(path: Path, *, origin: str = "config") -> Pack:
    from .checks import CHECK_TYPES
    from .checks.base import _hint
    from .checks.matcher import LiteralIndex

    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise PackError(f"{path}: cannot read rule pack: {exc}") from None
    try:
        data = load_yaml_with_lines(text)
    except Exception as exc:  # yaml.YAMLError; PyYAML is imported lazily
        import yaml

        if not isinstance(exc, yaml.YAMLError):
            raise
        mark = getattr(exc, "problem_mark", None)
        line = f":{mark.line + 1}" if mark is not None else ""
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise PackError(f"{path}{line}: invalid YAML: {problem}") from None
    if not isinstance(data, LineDict):
        raise PackError(f"{path}: a rule pack is a mapping with 'pack' and 'rules'")
    for key in data:
        if key not in PACK_KEYS:
            raise PackError(f"{path}:{line_of(data, key)}: unknown pack key {key!r}{_hint(str(key), PACK_KEYS)}")
    name = data.get("pack")
    if not isinstance(name, str) or not NAME_PATTERN.match(name):
        raise PackError(f"{path}:{line_of(data, 'pack')}: 'pack' must be a kebab-case name, got {name!r}")
    default = data.get("default", True)
    if not isinstance(default, bool):
        raise PackError(f"{path}:{line_of(data, 'default')}: 'default' must be true or false")
    entries = data.get("rules")
    if not isinstance(entries, list) or not entries:
        raise PackError(f"{path}:{line_of(data, 'rules')}: 'rules' must be a non-empty list")
    pack = Pack(name, str(path), str(data.get("description", "")), default)
    display = _display_path(path)
    index = LiteralIndex()  # one scan per document serves every rule of the pack
    for entry in entries:
        if not isinstance(entry, LineDict):
            raise PackError(f"{path}:{line_of(data, 'rules')}: each rule is a mapping")
        type_name = entry.get("type")
        cls = CHECK_TYPES.get(type_name) if isinstance(type_name, str) else None
        if cls is None:
            hint = _hint(str(type_name), CHECK_TYPES) or f" (one of {', '.join(CHECK_TYPES)})"
            raise PackError(f"{path}:{line_of(entry, 'type') or entry.line}: {entry.get('code', 'rule')} key 'type': "
                            f"unknown check type {type_name!r}{hint}")
        rule = cls(entry, pack_file=str(path), pack_name=name, pack_default=default,
                   pack_category=data.get("category"), trusted=origin == "built-in", index=index)
        rule.source = f"pack {display}" if origin in ("built-in", "config") else f"pack {display} ({origin})"
        pack.rules.append(rule)
    return pack


def _display_path(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(Path.cwd()))
    except ValueError:
        return path.name if "site-packages" in str(path) or "_rules" in str(path) else str(path)


__all__ = ["Pack", "load_pack", "load_pack_paths", "builtin_pack_dir"]
