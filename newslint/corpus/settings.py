"""Corpus settings: defaults, `[tool.newslint.corpus]`, command-line overrides, the allowlist."""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import asdict, dataclass, replace
from typing import Any, Mapping

from ..errors import ConfigError, UsageError, did_you_mean

#: Built-in allowlist: shared text newsrooms legitimately repeat. Matching is
#: case-insensitive `re.search` over a unit's text; a matching sentence is
#: ignored (and left out of its paragraph's shingles).
BUILTIN_ALLOWLIST: tuple[str, ...] = (
    # bylines and credits
    r"re:^\W*by\s+(?-i:[A-Z])[\w.'’-]+(?:\s+(?-i:[A-Z])[\w.'’-]+){0,3}\s*(?:[,;|]|$)",
    r"re:\b(?:additional\s+)?(?:reporting|writing|editing|compiled|produced|written|photos?|graphics?|video)\s+by\b",
    r"re:\bcontributed\s+(?:to\s+)?this\s+(?:report|story|article)\b",
    r"re:^\W*(?:\(?(?:AP|Reuters|AFP|UPI|dpa|Bloomberg)\)?\s*)?(?:reporter|correspondent|editor|staff\s+writer)\b",
    # legal notices
    r"re:\bcopyright\b|©|\(c\)\s*\d{4}",
    r"re:\ball\s+rights\s+reserved\b",
    r"re:\bmay\s+not\s+be\s+(?:published|reproduced|broadcast|rewritten|redistributed|copied)\b",
    r"re:\b(?:terms\s+of\s+(?:use|service)|privacy\s+policy)\b",
    # standard corrections and editor's notes
    r"re:\bthis\s+(?:article|story|report|version|post)\s+(?:has\s+been|was)\s+(?:corrected|updated|amended|changed)\b",
    r"re:\ban\s+earlier\s+version\s+of\s+this\s+(?:article|story|report)\b",
    r"re:^\W*(?:correction|clarification|editor['’]s\s+note|update)\s*[:—–-]",
    # subscription and follow prompts
    r"re:\b(?:sign\s+up|subscribe)\s+(?:for|to)\b",
    r"re:\bfollow\s+(?:us|\w+(?:\s+\w+){0,3})\s+on\s+(?:twitter|x|facebook|instagram|threads|bluesky)\b",
)

#: A dateline at the start of a paragraph ("WASHINGTON (AP) —", "LONDON, March 3 (Reuters) -")
#: is cut off before shingling, so it neither makes ledes alike nor hides a shared lede.
DATELINE = re.compile(
    r"^\W*(?:[A-Z][A-Z.'’-]+(?:[ ,]+[A-Z][A-Za-z.'’-]*){0,4}(?:,?\s+[A-Z][a-z]{2,8}\.?\s+\d{1,2})?\s*"
    r"(?:\([^()\n]{1,30}\))?|[^()\n]{0,60}\((?:AP|Reuters|AFP|UPI|dpa|Bloomberg|CNN)\))\s*[—–-]{1,2}\s+"
)


@dataclass(frozen=True)
class CorpusSettings:
    min_articles: int = 5
    similarity: float = 0.7
    min_words: int = 8
    shingle_size: int = 3
    num_perm: int = 64
    seed: int = 1
    paragraphs: bool = True
    builtin_allowlist: bool = True
    allowlist: tuple[str, ...] = ()

    def validate(self) -> "CorpusSettings":
        if self.min_articles < 2:
            raise UsageError("min-articles must be at least 2")
        if not 0.0 < self.similarity <= 1.0:
            raise UsageError("similarity must be a number in (0, 1]")
        if self.min_words < 1:
            raise UsageError("min-words must be at least 1")
        if self.shingle_size not in (1, 2, 3, 4, 5):
            raise UsageError("shingle-size must be 1 to 5 (3 or 4 recommended)")
        if not 16 <= self.num_perm <= 512:
            raise UsageError("num-perm must be 16 to 512")
        for entry in self.allowlist:
            compile_entry(entry)
        return self

    @property
    def allow_entries(self) -> tuple[str, ...]:
        return (BUILTIN_ALLOWLIST if self.builtin_allowlist else ()) + self.allowlist

    def signature_params(self) -> dict[str, Any]:
        """Everything that changes stored signatures; an index built otherwise is rebuilt."""
        return {"version": 1, "min_words": self.min_words, "shingle_size": self.shingle_size,
                "num_perm": self.num_perm, "seed": self.seed, "paragraphs": self.paragraphs,
                "allow": list(self.allow_entries)}

    def fingerprint(self) -> str:
        payload = json.dumps(self.signature_params(), sort_keys=True)
        return hashlib.sha256(payload.encode()).hexdigest()[:16]

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> "CorpusSettings":
        d = dict(data)
        d["allowlist"] = tuple(d.get("allowlist", ()))
        return cls(**d)


_KEYS = {
    "min-articles": ("min_articles", int),
    "similarity": ("similarity", float),
    "min-words": ("min_words", int),
    "shingle-size": ("shingle_size", int),
    "num-perm": ("num_perm", int),
    "seed": ("seed", int),
    "paragraphs": ("paragraphs", bool),
    "builtin-allowlist": ("builtin_allowlist", bool),
    "allowlist": ("allowlist", list),
    # Not signature settings; read by the command.
    "index": (None, str),
    "executor": (None, str),
    "scheduler": (None, str),
    "jobs": (None, int),
}


def settings_from_config(section: Mapping[str, Any], source: str = "<config>") -> tuple[CorpusSettings, dict[str, Any]]:
    """(settings, other keys) from a `[tool.newslint.corpus]` table, validated."""
    changes: dict[str, Any] = {}
    extra: dict[str, Any] = {}
    for raw_key, value in section.items():
        key = str(raw_key).replace("_", "-")
        if key not in _KEYS:
            hint = did_you_mean(key, _KEYS, otherwise=f"; known keys: {', '.join(sorted(_KEYS))}", cutoff=0.5)
            raise ConfigError(f"{source}: corpus.{raw_key} is not a corpus setting{hint}")
        attr, kind = _KEYS[key]
        ok = (isinstance(value, bool) if kind is bool else
              isinstance(value, (int, float)) and not isinstance(value, bool) if kind is float else
              isinstance(value, int) and not isinstance(value, bool) if kind is int else
              isinstance(value, str) if kind is str else
              isinstance(value, (list, tuple)) and all(isinstance(v, str) for v in value))
        if not ok:
            raise ConfigError(f"{source}: corpus.{raw_key}: expected {kind.__name__}, got {value!r}")
        if attr is None:
            extra[key] = value
        else:
            changes[attr] = tuple(value) if kind is list else kind(value)
    settings = replace(CorpusSettings(), **changes)
    try:
        settings.validate()
    except UsageError as exc:
        raise ConfigError(f"{source}: corpus: {exc}") from None
    return settings, extra


def compile_entry(entry: str) -> re.Pattern[str]:
    """An allowlist entry: `re:PATTERN` is a regular expression, anything else a literal phrase."""
    if entry.startswith("re:"):
        try:
            return re.compile(entry[3:], re.IGNORECASE)
        except re.error as exc:
            raise UsageError(f"allowlist entry {entry!r} is not a valid regular expression: {exc}") from None
    words = [re.escape(w) for w in fold(entry).split()]
    if not words:
        raise UsageError("allowlist entries must not be empty")
    return re.compile(r"\s+".join(words), re.IGNORECASE)


#: Cheap substring pre-checks for the floating built-in entries (a pattern only runs on
#: documents whose lowercased text contains one of its keywords).
_KEYWORDS = {
    BUILTIN_ALLOWLIST[1]: ("reporting", "writing", "editing", "compiled", "produced", "written", "photo",
                           "graphic", "video"),
    BUILTIN_ALLOWLIST[2]: ("contributed",),
    BUILTIN_ALLOWLIST[4]: ("copyright", "\u00a9", "(c)"),
    BUILTIN_ALLOWLIST[5]: ("reserved",),
    BUILTIN_ALLOWLIST[6]: ("published", "reproduced", "broadcast", "rewritten", "redistributed", "copied"),
    BUILTIN_ALLOWLIST[7]: ("terms", "privacy"),
    BUILTIN_ALLOWLIST[8]: ("corrected", "updated", "amended", "changed"),
    BUILTIN_ALLOWLIST[9]: ("earlier",),
    BUILTIN_ALLOWLIST[11]: ("sign", "subscribe"),
    BUILTIN_ALLOWLIST[12]: ("follow",),
}


class Allowlist:
    """Compiled allowlist. Entries starting with `^` are tried at the start of each unit;
    the rest are searched once over the whole document (`spans`)."""

    def __init__(self, entries: tuple[str, ...]):
        anchored: list[str] = []
        self._floating: list[tuple[re.Pattern[str], tuple[str, ...] | None]] = []
        for entry in entries:
            pattern = compile_entry(entry)
            if pattern.pattern.startswith("^"):
                anchored.append(pattern.pattern[1:])
                continue
            keywords = _KEYWORDS.get(entry)
            if keywords is None and not entry.startswith("re:"):
                keywords = (fold(entry).split()[0].lower(),)
            self._floating.append((pattern, keywords))
        self._anchored = re.compile("|".join(f"(?:{p})" for p in anchored), re.IGNORECASE) if anchored else None

    def spans(self, text: str) -> list[tuple[int, int]]:
        """Sorted spans of `text` (offsets preserved) that floating entries match."""
        if not self._floating:
            return []
        folded = fold(text)
        low = folded.lower()
        out: list[tuple[int, int]] = []
        for pattern, keywords in self._floating:
            if keywords is None or any(k in low for k in keywords):
                out.extend(m.span() for m in pattern.finditer(folded))
        out.sort()
        return out

    def starts(self, text: str) -> bool:
        return self._anchored is not None and self._anchored.match(fold(text)) is not None

    def matches(self, text: str) -> bool:
        return self.starts(text) or bool(self.spans(text))


_FOLD = str.maketrans({
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"', "\u00ab": '"', "\u00bb": '"',
    "\u00a0": " ", "\u2009": " ", "\u202f": " ",
})


def fold(text: str) -> str:
    """Curly quotes and odd spaces folded to ASCII (same length is not promised)."""
    return text.translate(_FOLD)
