"""`type: substitution` — a wrong form and the preferred form, with a fix."""

from __future__ import annotations

from typing import Iterable

from ..diagnostic import Finding
from ..document import Document
from ..rule import RuleContext
from .base import PackRule, match_case, phrase_pattern


class SubstitutionCheck(PackRule):
    """Report each wrong form and offer the preferred one.

    Keys: `swap`, a mapping `wrong: preferred`; keys are phrases unless
    `regex: true`. `fix: safe|unsafe|none` says how the replacement applies.
    """

    type_name = "substitution"
    type_keys = frozenset({"swap", "regex"})
    placeholders = frozenset({"match", "replacement"})
    default_message = "Use '{replacement}' instead of '{match}'"

    def supports_fix(self) -> bool:
        return True

    def compile(self) -> None:
        self.unknown_keys()
        swap = self.entry.get("swap")
        if not isinstance(swap, dict) or not swap:
            self.error("swap", "expected a mapping of wrong form: preferred form")
        as_regex = self._bool("regex", False)
        parts = []
        self.replacements: list[str] = []
        for i, (wrong, right) in enumerate(swap.items()):
            if not isinstance(wrong, str) or not isinstance(right, str):
                self.error("swap", f"entry {wrong!r}: both sides must be strings")
            source = wrong if as_regex else phrase_pattern(wrong)
            self.compile_regex(source, "swap", validate_only=True)
            parts.append(f"(?P<s{i}>{source})")
            self.replacements.append(right)
        self.regex = self.lead_pattern(self.compile_regex("|".join(parts), "swap"))

    def check(self, doc: Document, ctx: RuleContext) -> Iterable[Finding]:
        for m in self.matches(doc, self.regex):
            right = self.replacements[int((m.lastgroup or "s0")[1:])]
            found = m.group()
            replacement = match_case(found, right) if self.ignorecase else right
            if found == replacement:
                continue
            fix = None
            if self.fix_mode != "none":
                fix = self.fix(m.start(), m.end(), replacement, f"Replace with '{replacement}'",
                               safe=self.fix_mode == "safe")
            yield self.finding(m.start(), m.end(), self.render(match=found, replacement=replacement), fix)
