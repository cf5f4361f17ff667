"""`type: capitalization` — terms that have exactly one correct case."""

from __future__ import annotations

import re
from typing import Iterable

from ..diagnostic import Finding
from ..document import Document
from ..rule import RuleContext
from .base import PackRule, phrase_pattern


class CapitalizationCheck(PackRule):
    """Report a term written in any case other than the one listed.

    Keys: `terms`, a list of terms in their correct case ("iPhone", "YouTube",
    "NATO"). Matching ignores case; a fix restores the listed form.
    """

    type_name = "capitalization"
    type_keys = frozenset({"terms"})
    placeholders = frozenset({"match", "expected"})
    default_message = "Write '{expected}', not '{match}'"

    def supports_fix(self) -> bool:
        return True

    def compile(self) -> None:
        self.unknown_keys()
        terms = self.entry.get("terms")
        if not isinstance(terms, list) or not terms or not all(isinstance(t, str) and t.strip() for t in terms):
            self.error("terms", "expected a non-empty list of terms")
        self.expected = {t.lower(): t for t in terms}
        source = "|".join(phrase_pattern(t) for t in sorted(terms, key=len, reverse=True))
        self.regex = self.lead_pattern(re.compile(source, re.IGNORECASE))
        self.compile_regex(source, "terms", validate_only=True)

    def check(self, doc: Document, ctx: RuleContext) -> Iterable[Finding]:
        for m in self.matches(doc, self.regex):
            found = m.group()
            expected = self.expected.get(re.sub(r"\s+", " ", found.lower()))
            if expected is None or found == expected:
                continue
            fix = None
            if self.fix_mode != "none":
                fix = self.fix(m.start(), m.end(), expected, f"Write '{expected}'", safe=self.fix_mode == "safe")
            yield self.finding(m.start(), m.end(), self.render(match=found, expected=expected), fix)
