"""The per-article quality score (0-100) a pipeline gate decides on.

    weighted = 3 x errors + 2 x warnings + 0.5 x info findings
    density  = 100 x weighted / max(words, 100)        (weighted findings per 100 words)
    score    = 100 x exp(-density / 6), rounded to one decimal

A clean article scores 100; one warning in 500 words scores about 93; the
seed article, with a defect every few sentences, scores below 40.
"""

from __future__ import annotations

import math
from typing import Iterable

from .diagnostic import Diagnostic, Severity

WEIGHTS = {Severity.ERROR: 3.0, Severity.WARNING: 2.0, Severity.INFO: 0.5}
SCALE = 6.0
MIN_WORDS = 100


def quality_score(diagnostics: Iterable[Diagnostic], words: int) -> float:
    weighted = sum(WEIGHTS[d.severity] for d in diagnostics)
    density = 100.0 * weighted / max(words, MIN_WORDS)
    return round(100.0 * math.exp(-density / SCALE), 1)


def score_result(result) -> float:
    return quality_score(result.diagnostics, result.words)
