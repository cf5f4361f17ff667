"""Inline suppression comments, in Markdown and plain text alike.

    <!-- newslint-disable-file -->               whole file (optionally: codes)
    <!-- newslint-disable NL101,NL201 -->  ...  <!-- newslint-enable -->
    <!-- newslint-disable-next-line NL101 -->
    <!-- newslint-disable-line NL101 -->          (at the end of the flagged line)

Codes may be codes, prefixes (NL2) or rule names; no codes means every rule.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_DIRECTIVE = re.compile(
    r"<!--\s*newslint-(disable-file|disable-next-line|disable-line|disable|enable)\b([^>]*?)-->",
    re.IGNORECASE,
)


@dataclass
class Directive:
    kind: str
    selectors: tuple[str, ...]  # empty: every rule
    start: int  # offset of the comment
    end: int
    line: int  # 0-based line of the comment
    first_line: int  # 0-based lines it covers, inclusive
    last_line: int
    used: bool = False

    def matches(self, code: str, name: str) -> bool:
        if not self.selectors:
            return True
        for sel in self.selectors:
            if sel.lower() == name or code.startswith(sel.upper()):
                return True
        return False


@dataclass
class Suppressions:
    directives: list[Directive] = field(default_factory=list)

    def suppresses(self, line: int, code: str, name: str) -> bool:
        """True when a directive covers 0-based `line` for this rule (marks it used)."""
        hit = False
        for d in self.directives:
            if d.first_line <= line <= d.last_line and d.matches(code, name):
                d.used = True
                hit = True
        return hit


def parse_suppressions(text: str, line_index, line_count: int) -> Suppressions:
    """Find directives; `line_index(offset)` maps an offset to a 0-based line."""
    result = Suppressions()
    open_ranges: list[Directive] = []
    last_line = max(line_count - 1, 0)
    for m in _DIRECTIVE.finditer(text):
        kind = m.group(1).lower()
        selectors = tuple(s for s in re.split(r"[\s,]+", m.group(2).strip()) if s)
        line = line_index(m.start())
        end_line = line_index(m.end())
        if kind == "disable-file":
            result.directives.append(Directive(kind, selectors, m.start(), m.end(), line, 0, last_line))
        elif kind == "disable-next-line":
            target = end_line + 1
            result.directives.append(Directive(kind, selectors, m.start(), m.end(), line, target, target))
        elif kind == "disable-line":
            result.directives.append(Directive(kind, selectors, m.start(), m.end(), line, line, end_line))
        elif kind == "disable":
            d = Directive(kind, selectors, m.start(), m.end(), line, line, last_line)
            result.directives.append(d)
            open_ranges.append(d)
        else:  # enable: closes the matching open ranges (all when no codes given)
            for d in list(open_ranges):
                if not selectors or set(s.upper() for s in selectors) & set(s.upper() for s in d.selectors):
                    d.last_line = line
                    open_ranges.remove(d)
    return result
