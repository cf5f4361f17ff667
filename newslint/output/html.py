"""Self-contained HTML report (being written)."""

from __future__ import annotations

from .base import Formatter


class HtmlFormatter(Formatter):
    needs_text = True
