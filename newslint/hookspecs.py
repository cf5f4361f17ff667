"""Hook specifications: the whole API a newslint plugin implements.

A plugin is a module (or object) with functions decorated by
`newslint.hookimpl`, registered through the `newslint` entry-point group::

    [project.entry-points.newslint]
    my_plugin = "my_package.plugin"

Built-in rules arrive through these same hooks.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Sequence

import pluggy

if TYPE_CHECKING:
    from pathlib import Path

    from .rule import Rule

hookspec = pluggy.HookspecMarker("newslint")
hookimpl = pluggy.HookimplMarker("newslint")


@hookspec
def newslint_rules() -> "Sequence[type[Rule] | Rule]":
    """Return the Python rules this plugin contributes.

    Each item is a `newslint.Rule` subclass (instantiated with no arguments)
    or an instance. Codes (`NL` + 3 digits, or another 2-4 letter prefix) and
    kebab-case names must be unique across every plugin; a clash is an error
    naming both sources.
    """


@hookspec
def newslint_rule_packs() -> "Sequence[str | Path]":
    """Return paths of YAML rule packs (files, or folders of `*.yaml` files).

    Packs use the declarative check types documented in the README; they are
    validated when loaded and their rules join the registry like Python rules.
    """


@hookspec
def newslint_output_formats() -> "dict[str, Any]":
    """Return `{name: formatter_class}` for extra `--format` choices.

    A formatter class is built as `cls(stream, registry, options)` and gets
    `start()`, `file(result)` for each file in order, and `finish(summary)`.
    """
