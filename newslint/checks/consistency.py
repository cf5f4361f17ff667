"""`type: consistency` — two accepted spellings, but only one per article."""

from __future__ import annotations

from typing import Iterable

from ..diagnostic import Finding
from ..document import Document
from ..rule import RuleContext
from .base import PackRule, phrase_pattern


class ConsistencyCheck(PackRule):
    """For each pair in `either`, when both forms appear, report the rarer form.

    Keys: `either`, a list of two-item lists (`[US, U.S.]`); items are phrases,
    or regexes when `regex: true`. Ties go to the form used first.
    """

    type_name = "consistency"
    type_keys = frozenset({"either", "regex"})
    placeholders = frozenset({"match", "preferred", "count"})
    default_message = "Use '{preferred}' consistently; this article uses it {count} times, and '{match}' here"

    def supports_fix(self) -> bool:
        # With regex forms there is no literal form to write back.
        return not self.entry.get("regex", False)

    def compile(self) -> None:
        self.unknown_keys()
        pairs = self.entry.get("either")
        if not isinstance(pairs, list) or not pairs:
            self.error("either", "expected a list of [form, form] pairs")
        as_regex = self._bool("regex", False)
        self.pairs = []
        for pair in pairs:
            if not (isinstance(pair, list) and len(pair) == 2 and all(isinstance(x, str) for x in pair)):
                self.error("either", f"each item must be a list of two forms, got {pair!r}")
            compiled = tuple(self.lead_pattern(self.compile_regex(x if as_regex else phrase_pattern(x), "either"))
                             for x in pair)
            self.pairs.append((tuple(pair), compiled))

    def check(self, doc: Document, ctx: RuleContext) -> Iterable[Finding]:
        for forms, regexes in self.pairs:
            hits = [list(self.matches(doc, r)) for r in regexes]
            if not hits[0] or not hits[1]:
                continue
            a, b = len(hits[0]), len(hits[1])
            if a != b:
                keep = 0 if a > b else 1
            else:
                keep = 0 if hits[0][0].start() < hits[1][0].start() else 1
            preferred = forms[keep] if not self.entry.get("regex", False) else hits[keep][0].group().strip()
            for m in hits[1 - keep]:
                fix = None
                if self.fix_applicability != "none":
                    fix = self.fix(m.start(), m.end(), preferred, f"Replace with '{preferred}'",
                                   safe=self.fix_mode == "safe")
                yield self.finding(m.start(), m.end(),
                                   self.render(match=m.group(), preferred=preferred, count=len(hits[keep])), fix)
