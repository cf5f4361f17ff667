"""Built-in rules and formats, registered through the same hooks as any plugin."""

from __future__ import annotations

from ..hookspecs import hookimpl
from . import artifacts, capitalisation, grammar, meta, punctuation, repetition, spacing, spelling, structure

RULES = [
    meta.UnusedSuppression,
    spacing.MissingSpaceAfterComma,
    spacing.MissingSpaceAfterColon,
    spacing.MissingSpaceAfterSentenceEnd,
    grammar.DoubledWord,
    # Each family module lists its own rules.
    *capitalisation.RULES,
    *punctuation.RULES,
    *spelling.RULES,
    *structure.RULES,
    *repetition.RULES,
    *artifacts.RULES,
]


@hookimpl
def newslint_rules():
    return RULES


@hookimpl
def newslint_rule_packs():
    from ..packs import builtin_pack_dir

    folder = builtin_pack_dir()
    return [folder] if folder.is_dir() else []


@hookimpl
def newslint_output_formats():
    from ..output import BUILTIN_FORMATS

    return BUILTIN_FORMATS
