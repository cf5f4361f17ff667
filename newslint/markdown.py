"""The Markdown parser, built once per process (CommonMark plus GFM tables)."""

from __future__ import annotations

from functools import lru_cache
from typing import Any


@lru_cache(maxsize=1)
def _parser() -> Any:
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"])


def markdown_tokens(source: str) -> list[Any]:
    """Block and inline tokens of `source`; `token.map` holds 0-based line ranges."""
    return _parser().parse(source)
