"""The Markdown parser, built once per process (CommonMark plus GFM tables)."""

from __future__ import annotations

from functools import lru_cache
from typing import Any


@lru_cache(maxsize=1)
def _parser() -> Any:
    from markdown_it import MarkdownIt

    # Only block tokens are used (kinds and line maps), so inline parsing, the
    # costlier half of markdown-it's work, is switched off.
    parser = MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"])
    return parser.disable(["inline", "text_join"])


def markdown_tokens(source: str) -> list[Any]:
    """Block tokens of `source` (inline tokens have no children); `token.map` holds 0-based line ranges."""
    return _parser().parse(source)
