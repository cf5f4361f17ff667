"""What every YAML check type shares: metadata keys, scope, exceptions, examples."""

from __future__ import annotations

import re
import string
from typing import Any, ClassVar, Iterable, Iterator

from ..diagnostic import Severity
from ..document import HEADING, LIST_ITEM, PARAGRAPH, Document
from ..errors import PackError, did_you_mean
from ..rule import CATEGORIES, Example, Rule
from ..yamlsource import line_of
from .matcher import LeadPattern, LiteralIndex, PatternSet

SCOPES = ("text", "heading", "paragraph", "list_item", "table_cell", "sentence")
COMMON_KEYS = {
    "code", "name", "type", "severity", "category", "message", "scope", "ignorecase", "exceptions",
    "fix", "docs", "examples", "default", "description",
}
_APOSTROPHES = "'\u2019\u2018"


_GLOBAL_FLAGS = re.compile(r"^\(\?([imsx]+)\)")


def scoped(pattern: str) -> str:
    """Turn leading global inline flags ("(?m)^...") into a scoped group so patterns can be joined."""
    m = _GLOBAL_FLAGS.match(pattern)
    return f"(?{m.group(1)}:{pattern[m.end():]})" if m else pattern


def phrase_pattern(phrase: str) -> str:
    """A literal phrase as a regex: word boundaries, flexible spaces, either apostrophe."""
    parts = []
    for ch in phrase.strip():
        if ch.isspace():
            if not parts or parts[-1] != r"\s+":
                parts.append(r"\s+")
        elif ch in _APOSTROPHES:
            parts.append("['\u2019\u2018]")
        else:
            parts.append(re.escape(ch))
    body = "".join(parts)
    left = r"\b" if phrase[:1].isalnum() or phrase[:1] == "_" else ""
    right = r"\b" if phrase[-1:].isalnum() or phrase[-1:] == "_" else ""
    return f"{left}{body}{right}"


class PackRule(Rule):
    """A rule defined by a YAML entry; subclasses implement one check type."""

    type_name: ClassVar[str] = ""
    #: Keys this check type accepts besides COMMON_KEYS.
    type_keys: ClassVar[frozenset[str]] = frozenset()
    #: Placeholders its message may use.
    placeholders: ClassVar[frozenset[str]] = frozenset({"match"})
    default_message: ClassVar[str] = "'{match}'"

    def __init__(self, entry: dict[str, Any], *, pack_file: str, pack_name: str, pack_default: bool = True,
                 pack_category: str | None = None, trusted: bool = False, index: LiteralIndex | None = None):
        self.entry = entry
        #: Finds this rule's pattern literals in a document; packs.py gives every rule of a
        #: pack the same one, so each document is scanned once per pack.
        self.literal_index = index or LiteralIndex()
        #: Packs shipped inside newslint are validated by its test suite, so their
        #: regexes skip the per-token safety analysis at load (it dominates start-up).
        self.trusted = trusted
        self.pack_file = pack_file
        self.pack_name = pack_name
        self._where_entry = entry
        self.code = self._str("code", required=True)
        self.name = self._str("name", required=True)
        self.severity = self._severity()
        self.category = self._str("category") or pack_category or "style"
        if self.category not in CATEGORIES:
            self.error("category", f"unknown category {self.category!r}{_hint(self.category, CATEGORIES)}")
        self.message_template = self._str("message") or self.default_message
        self._check_placeholders()
        self.ignorecase = self._bool("ignorecase", True)
        self.default_enabled = self._bool("default", pack_default)
        scope = entry.get("scope", "text")
        scopes = [scope] if isinstance(scope, str) else scope
        if not isinstance(scopes, list) or not all(isinstance(s, str) for s in scopes):
            self.error("scope", f"expected a scope name or a list of them ({', '.join(SCOPES)})")
        for s in scopes:
            if s not in SCOPES:
                self.error("scope", f"unknown scope {s!r}{_hint(s, SCOPES)}")
        self.scopes = frozenset(scopes)
        self.fix_mode = self._str("fix") or "none"
        if self.fix_mode not in ("safe", "unsafe", "none"):
            self.error("fix", f"expected safe, unsafe or none, got {self.fix_mode!r}")
        self.fix_applicability = self.fix_mode if self.supports_fix() else "none"
        self.exceptions = self._exceptions()
        self.docs_text = self._str("docs") or ""
        self.bad_examples, self.good_examples = self._examples()
        self.compile()
        if not self.trusted:
            self._limit_pattern_time()

    # --- hooks for subclasses ---------------------------------------------------

    def supports_fix(self) -> bool:
        return False

    def compile(self) -> None:
        """Validate type-specific keys and compile patterns once, at load."""

    # --- validation helpers ---------------------------------------------------------

    def error(self, key: str | None, message: str) -> None:
        line = line_of(self.entry, key) if key else line_of(self.entry)
        where = f"{self.pack_file}:{line}" if line else self.pack_file
        label = getattr(self, "code", None) or self.entry.get("code") or self.entry.get("name") or "rule"
        keypart = f" key {key!r}" if key else ""
        raise PackError(f"{where}: {label}{keypart}: {message}")

    def _str(self, key: str, *, required: bool = False) -> str | None:
        value = self.entry.get(key)
        if value is None:
            if required:
                self.error(None, f"missing required key {key!r}")
            return None
        if not isinstance(value, str):
            self.error(key, f"expected a string, got {type(value).__name__}")
        return value

    def _bool(self, key: str, default: bool) -> bool:
        value = self.entry.get(key, default)
        if not isinstance(value, bool):
            self.error(key, f"expected true or false, got {value!r}")
        return value

    def _int(self, key: str, default: int | None = None, *, minimum: int = 0) -> int:
        value = self.entry.get(key, default)
        if not isinstance(value, int) or isinstance(value, bool) or value < minimum:
            self.error(key, f"expected a whole number >= {minimum}, got {value!r}")
        return value

    def _severity(self) -> Severity:
        value = self.entry.get("severity", "warning")
        try:
            return Severity.parse(str(value))
        except ValueError as exc:
            self.error("severity", str(exc))
            raise  # unreachable

    def _check_placeholders(self) -> None:
        try:
            names = {f for _, f, _, _ in string.Formatter().parse(self.message_template) if f}
        except ValueError as exc:
            self.error("message", f"invalid message template: {exc}")
            return
        unknown = names - self.placeholders
        if unknown:
            name = sorted(unknown)[0]
            self.error("message", f"unknown placeholder {{{name}}}; {self.type_name} messages may use "
                                  + ", ".join("{" + p + "}" for p in sorted(self.placeholders)))

    def compile_regex(self, pattern: str, key: str, *, flags: int = 0, validate_only: bool = False) -> re.Pattern[str] | None:
        """Compile (or with validate_only, just vet) a user regex; errors name the pack, line and key."""
        if validate_only and self.trusted:
            return None
        if self.trusted:
            return re.compile(pattern, flags | (re.IGNORECASE if self.ignorecase else 0))
        from ..regexsafety import TimedPattern, check_pattern_safety

        problem = check_pattern_safety(pattern)
        try:
            compiled = re.compile(pattern, flags | (re.IGNORECASE if self.ignorecase else 0))
        except (re.error, RecursionError, OverflowError, ValueError) as exc:
            self.error(key, f"invalid regular expression {pattern!r}: {exc}")
            raise  # unreachable
        if problem:
            self.error(key, f"unsafe regular expression {pattern!r}: {problem}")
        if compiled.match(""):
            self.error(key, f"regular expression {pattern!r} matches empty text")
        if validate_only:
            return compiled
        # Untrusted patterns match under a per-call time limit (the `regex` engine's timeout=).
        return TimedPattern(pattern, compiled.flags & ~re.UNICODE, where=self.pack_file)  # type: ignore[return-value]

    def _limit_pattern_time(self) -> None:
        """After compile(): give pattern sets built by check types a time limit too (untrusted packs)."""
        for value in vars(self).values():
            if isinstance(value, PatternSet):
                value.limit_time(self.pack_file)

    def _exceptions(self) -> re.Pattern[str] | None:
        raw = self.entry.get("exceptions", [])
        if not isinstance(raw, list) or not all(isinstance(x, str) for x in raw):
            self.error("exceptions", "expected a list of phrases")
        if not raw:
            return None
        return re.compile("|".join(phrase_pattern(x) for x in raw), re.IGNORECASE)

    def _examples(self) -> tuple[tuple[Example, ...], tuple[Example, ...]]:
        raw = self.entry.get("examples", {}) or {}
        if not isinstance(raw, dict):
            self.error("examples", "expected a mapping with 'bad' and 'good' lists")
        extra = set(raw) - {"bad", "good"}
        if extra:
            key = sorted(extra)[0]
            self.error("examples", f"unknown key {key!r}{_hint(key, ['bad', 'good'])}")
        out: list[tuple[Example, ...]] = []
        for kind in ("bad", "good"):
            items = raw.get(kind, []) or []
            if not isinstance(items, list):
                self.error("examples", f"'{kind}' must be a list")
            examples = []
            for item in items:
                if isinstance(item, str):
                    examples.append(Example(item))
                elif isinstance(item, dict) and isinstance(item.get("text"), str):
                    fixed = item.get("fixed")
                    examples.append(Example(item["text"], fixed if isinstance(fixed, str) else None,
                                            bool(item.get("markdown", False))))
                else:
                    self.error("examples", f"each {kind} example is a string or {{text: ..., fixed: ...}}")
            out.append(tuple(examples))
        return out[0], out[1]

    def unknown_keys(self) -> None:
        allowed = COMMON_KEYS | self.type_keys
        for key in self.entry:
            if key not in allowed:
                self.error(str(key), f"unknown key for type {self.type_name}{_hint(str(key), allowed)}")

    # --- documentation ----------------------------------------------------------------

    @property
    def documentation(self) -> str:
        text = self.docs_text.strip() or self.entry.get("description") or f"{self.type_name} check from pack {self.pack_name}."
        return f"{text}\n\nDefined in {self.pack_file} (pack {self.pack_name!r}, type {self.type_name})."

    # --- matching helpers --------------------------------------------------------------

    def in_scope(self, doc: Document, start: int) -> bool:
        if "text" in self.scopes:
            return True
        kind = doc.kind_at(start)
        if kind == HEADING and "heading" in self.scopes:
            return True
        if kind == PARAGRAPH and ("paragraph" in self.scopes or "sentence" in self.scopes):
            return True
        if kind == LIST_ITEM and ("list_item" in self.scopes or "sentence" in self.scopes):
            return True
        if "table_cell" in self.scopes and doc.in_table_cell(start):
            return True
        return False

    def excepted(self, doc: Document, start: int, end: int) -> bool:
        if self.exceptions is None:
            return False
        line = doc.line_index(start)
        ls, le = doc.line_span(line)
        for m in self.exceptions.finditer(doc.prose, ls, max(le, end)):
            if m.start() <= start and end <= m.end():
                return True
        return False

    def render(self, **values: Any) -> str:
        return self.message_template.format_map(_Defaults(values))

    def lead_pattern(self, compiled: Any) -> LeadPattern:
        """A compiled regex for `matches`, which tries it only where one of its leading literals occurs."""
        return LeadPattern(compiled, self.literal_index)

    def matches(self, doc: Document, pattern: LeadPattern) -> Iterator[re.Match[str]]:
        for m in pattern.finditer(doc):
            if self.in_scope(doc, m.start()) and not self.excepted(doc, m.start(), m.end()):
                yield m


class _Defaults(dict):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def _hint(value: str, options: Iterable[str]) -> str:
    return did_you_mean(value, options, cutoff=0.5)


def match_case(source: str, replacement: str) -> str:
    """Carry the capitalisation of `source` over to `replacement` (for ignorecase swaps)."""
    if source.isupper() and len(source) > 1:
        return replacement.upper()
    if source[:1].isupper() and replacement[:1].islower():
        return replacement[:1].upper() + replacement[1:]
    return replacement


__all__ = ["PackRule", "phrase_pattern", "match_case", "SCOPES"]
