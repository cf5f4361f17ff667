"""The base class every rule derives from, and the context the engine hands it."""

from __future__ import annotations

import inspect
import re
from dataclasses import dataclass, field
from typing import Any, ClassVar, Iterable, Mapping

from .diagnostic import Applicability, Finding, Fix, Severity
from .document import Document

CODE_PATTERN = re.compile(r"^[A-Z]{2,4}\d{3}$")
NAME_PATTERN = re.compile(r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$")

#: Categories used by the accuracy evaluation and the quality score.
CATEGORIES = (
    "proper-noun-case", "sentence-case", "heading-case", "comma-spacing", "sentence-spacing",
    "punctuation", "spelling", "article", "doubled-word", "table", "markdown", "placeholder",
    "boilerplate", "repetition", "generation-artifact", "style", "grammar", "meta",
)


@dataclass(frozen=True)
class Example:
    """A documentation example; a bad one may carry the text its fix produces."""

    text: str
    fixed: str | None = None
    markdown: bool = False


@dataclass(frozen=True)
class Option:
    """A per-rule option settable under `[tool.newslint.rule-options.<rule>]`."""

    default: Any
    help: str
    type: type | tuple[type, ...] = object

    def validate(self, value: Any) -> Any:
        if self.type is not object and not isinstance(value, self.type):
            expected = self.type.__name__ if isinstance(self.type, type) else "/".join(t.__name__ for t in self.type)
            raise ValueError(f"expected {expected}, got {type(value).__name__} {value!r}")
        return value


@dataclass
class RuleContext:
    """What the engine gives a rule besides the document: its options and shared vocabulary."""

    options: Mapping[str, Any] = field(default_factory=dict)
    vocabulary: frozenset[str] = frozenset()

    def option(self, name: str) -> Any:
        return self.options[name]


class Rule:
    """Base class: subclasses set the metadata and implement `check`.

    The class docstring is the rule's documentation, in the sections
    "What it does", "Why is this bad?", "Fix safety" and (optionally) "Options".
    """

    code: ClassVar[str] = ""
    name: ClassVar[str] = ""
    severity: ClassVar[Severity] = Severity.WARNING
    category: ClassVar[str] = "style"
    #: "safe", "unsafe" (fix exists but needs --unsafe-fixes), "sometimes" or "none".
    fix_applicability: ClassVar[str] = "none"
    default_enabled: ClassVar[bool] = True
    bad_examples: ClassVar[tuple[Example, ...]] = ()
    good_examples: ClassVar[tuple[Example, ...]] = ()
    options: ClassVar[dict[str, Option]] = {}
    #: True for rules about the file as a whole (e.g. an article wrapped in a code
    #: fence) whose findings may start inside a skipped span.
    reports_in_skipped: ClassVar[bool] = False
    #: Filled in by the registry: "built-in", "plugin <dist>", or "pack <file>".
    source: str = "built-in"

    def check(self, doc: Document, ctx: RuleContext) -> Iterable[Finding]:  # pragma: no cover - abstract
        raise NotImplementedError

    # --- helpers for subclasses -------------------------------------------------

    def finding(self, start: int, end: int, message: str, fix: Fix | None = None, **data: Any) -> Finding:
        return Finding(start, end, message, fix, data or None)

    @staticmethod
    def fix(start: int, end: int, text: str, title: str, *, safe: bool = True) -> Fix:
        return Fix.replace(start, end, text, title, safe=safe)

    # --- documentation ----------------------------------------------------------

    @property
    def summary(self) -> str:
        doc = self.documentation
        for line in doc.splitlines():
            line = line.strip()
            if line and not line.endswith(":") and not line.startswith("#"):
                return line
        return self.name

    @property
    def documentation(self) -> str:
        return inspect.cleandoc(type(self).__doc__ or "")

    @property
    def fixable(self) -> bool:
        return self.fix_applicability != "none"

    def default_options(self) -> dict[str, Any]:
        return {name: opt.default for name, opt in self.options.items()}

    def metadata(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "name": self.name,
            "severity": self.severity.value,
            "category": self.category,
            "fix": self.fix_applicability,
            "default": self.default_enabled,
            "source": self.source,
            "summary": self.summary,
        }


def validate_rule(rule: Rule) -> list[str]:
    """Problems with a rule's metadata, as readable sentences."""
    problems = []
    if not CODE_PATTERN.match(rule.code or ""):
        problems.append(f"code {rule.code!r} is not like NL123")
    if not NAME_PATTERN.match(rule.name or ""):
        problems.append(f"name {rule.name!r} is not kebab-case")
    if not isinstance(rule.severity, Severity):
        problems.append(f"severity {rule.severity!r} is not a Severity")
    if rule.fix_applicability not in ("safe", "unsafe", "sometimes", "none"):
        problems.append(f"fix_applicability {rule.fix_applicability!r} is unknown")
    return problems


__all__ = ["Rule", "RuleContext", "Example", "Option", "Applicability", "CATEGORIES", "validate_rule"]
