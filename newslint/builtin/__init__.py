"""Built-in rules and formats, registered through the same hooks as any plugin."""

from __future__ import annotations

from ..hookspecs import hookimpl
from . import grammar, meta, spacing

RULES = [
    meta.UnusedSuppression,
    spacing.MissingSpaceAfterComma,
    spacing.MissingSpaceAfterColon,
    spacing.MissingSpaceAfterSentenceEnd,
    grammar.DoubledWord,
]


@hookimpl
def newslint_rules():
    return RULES


@hookimpl
def newslint_rule_packs():
    from ..packs import builtin_pack_dir

    return [builtin_pack_dir()] if builtin_pack_dir().is_dir() else []


@hookimpl
def newslint_output_formats():
    from ..output import BUILTIN_FORMATS

    return BUILTIN_FORMATS
