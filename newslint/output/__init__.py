"""Output formats: one module each, all streaming files in order."""

from __future__ import annotations

from .base import Formatter, RunSummary
from .github import GithubFormatter
from .json import JsonFormatter, JsonLinesFormatter
from .sarif import SarifFormatter
from .text import TextFormatter

class _LazyFormatter:
    """A formatter class imported on first use (the HTML report is large and rarely chosen)."""

    def __init__(self, module: str, name: str, *, needs_text: bool = False):
        self.module, self.name, self.needs_text = module, name, needs_text

    def __call__(self, *args, **kwargs) -> Formatter:
        import importlib

        cls = getattr(importlib.import_module(self.module, __name__), self.name)
        return cls(*args, **kwargs)


BUILTIN_FORMATS: dict[str, type[Formatter]] = {
    "text": TextFormatter,
    "json": JsonFormatter,
    "jsonl": JsonLinesFormatter,
    "sarif": SarifFormatter,
    "github": GithubFormatter,
    "html": _LazyFormatter(".html", "HtmlFormatter", needs_text=True),  # type: ignore[dict-item]
}

__all__ = ["BUILTIN_FORMATS", "Formatter", "RunSummary"]
