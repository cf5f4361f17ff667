"""Output formats: one module each, all streaming files in order."""

from __future__ import annotations

from .base import Formatter, RunSummary
from .github import GithubFormatter
from .html import HtmlFormatter
from .json import JsonFormatter, JsonLinesFormatter
from .sarif import SarifFormatter
from .text import TextFormatter

BUILTIN_FORMATS: dict[str, type[Formatter]] = {
    "text": TextFormatter,
    "json": JsonFormatter,
    "jsonl": JsonLinesFormatter,
    "sarif": SarifFormatter,
    "github": GithubFormatter,
    "html": HtmlFormatter,
}

__all__ = ["BUILTIN_FORMATS", "Formatter", "RunSummary"]
