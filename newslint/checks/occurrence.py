"""`type: occurrence` — a phrase used more than `max` times in one article."""

from __future__ import annotations

from typing import Iterable

from ..diagnostic import Finding
from ..document import Document
from ..rule import RuleContext
from .base import PackRule, phrase_pattern


class OccurrenceCheck(PackRule):
    """Count the tokens' matches per article and report each one past `max`.

    Keys: `tokens` (phrases, or mappings with `pattern`), `max` (allowed count).
    """

    type_name = "occurrence"
    type_keys = frozenset({"tokens", "max"})
    placeholders = frozenset({"match", "count", "max"})
    default_message = "'{match}' is used {count} times; at most {max} reads well"

    def compile(self) -> None:
        self.unknown_keys()
        self.max = self._int("max", None, minimum=0)
        tokens = self.entry.get("tokens")
        if not isinstance(tokens, list) or not tokens:
            self.error("tokens", "expected a non-empty list")
        parts = []
        for token in tokens:
            if isinstance(token, dict) and isinstance(token.get("pattern"), str):
                parts.append(token["pattern"])
            elif isinstance(token, str):
                parts.append(phrase_pattern(token))
            else:
                self.error("tokens", "each token is a phrase or {pattern: ...}")
        self.regex = self.lead_pattern(self.compile_regex("|".join(f"(?:{p})" for p in parts), "tokens"))

    def check(self, doc: Document, ctx: RuleContext) -> Iterable[Finding]:
        found = list(self.matches(doc, self.regex))
        if len(found) <= self.max:
            return
        for m in found[self.max:]:
            yield self.finding(m.start(), m.end(), self.render(match=m.group(), count=len(found), max=self.max))
