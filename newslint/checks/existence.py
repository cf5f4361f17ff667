"""`type: existence` — phrases or regexes that should not appear."""

from __future__ import annotations

import re
from typing import Any, Iterable

from ..diagnostic import Finding
from ..document import Document
from ..rule import RuleContext
from .base import PackRule, phrase_pattern, scoped
from .matcher import PatternSet


class ExistenceCheck(PackRule):
    """Report every match of any token.

    Keys: `tokens`, a list whose items are a phrase string, or a mapping with
    `phrase` or `pattern` plus optional `advice` (fills `{advice}`) and
    `start: true` (only where a sentence, heading or list item begins).
    An Aho-Corasick pass over the text picks the tokens whose required literal
    occurs, and each runs only where its leading literal does (see checks/matcher.py).
    """

    type_name = "existence"
    type_keys = frozenset({"tokens"})
    placeholders = frozenset({"match", "advice"})
    default_message = "Avoid '{match}'"

    def compile(self) -> None:
        self.unknown_keys()
        tokens = self.entry.get("tokens")
        if not isinstance(tokens, list) or not tokens:
            self.error("tokens", "expected a non-empty list of phrases or {phrase|pattern: ...} mappings")
        self.tokens: list[dict[str, Any]] = []
        parts = []
        for i, token in enumerate(tokens):
            if isinstance(token, str):
                token = {"phrase": token}
            if not isinstance(token, dict):
                self.error("tokens", f"token {i + 1} must be a string or a mapping")
            unknown = set(token) - {"phrase", "pattern", "advice", "start"}
            if unknown:
                self.error("tokens", f"token {i + 1} has unknown key {sorted(unknown)[0]!r} "
                                     "(allowed: phrase, pattern, advice, start)")
            if ("phrase" in token) == ("pattern" in token):
                self.error("tokens", f"token {i + 1} needs exactly one of 'phrase' or 'pattern'")
            source = phrase_pattern(token["phrase"]) if "phrase" in token else token["pattern"]
            if isinstance(source, str):
                source = scoped(source)
            if not isinstance(source, str) or not source.strip():
                self.error("tokens", f"token {i + 1} is empty")
            self.compile_regex(source, "tokens", validate_only=True)  # vets each token on its own
            parts.append(source)
            self.tokens.append({"advice": str(token.get("advice", "")), "start": bool(token.get("start", False))})
        self.patterns = PatternSet(parts, re.IGNORECASE if self.ignorecase else 0, self.literal_index)

    def check(self, doc: Document, ctx: RuleContext) -> Iterable[Finding]:
        for index, m in self.patterns.finditer(doc):
            if not self.in_scope(doc, m.start()) or self.excepted(doc, m.start(), m.end()):
                continue
            token = self.tokens[index]
            if token["start"] and not doc.starts_unit(m.start()):
                continue
            text = m.group().strip()
            yield self.finding(m.start(), m.start() + len(m.group().rstrip()),
                               self.render(match=text, advice=token["advice"]))
