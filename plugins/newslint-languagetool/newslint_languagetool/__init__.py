"""newslint-languagetool: LanguageTool grammar checking as a newslint plugin.

Registered through the `newslint` entry-point group; contributes one rule,
NL901 languagetool-match. Licensed GPL-3.0-or-later (it uses
language-tool-python), so it is kept out of newslint itself.
"""

from __future__ import annotations

import newslint

from .rule import DEFAULT_DISABLED_CATEGORIES, DEFAULT_DISABLED_RULES, LanguageToolMatch

__version__ = "0.1.0"


@newslint.hookimpl
def newslint_rules():
    return [LanguageToolMatch]


__all__ = ["LanguageToolMatch", "DEFAULT_DISABLED_CATEGORIES", "DEFAULT_DISABLED_RULES", "newslint_rules"]
