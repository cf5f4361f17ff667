"""Errors that end as one clear line and exit code 2, never a traceback."""

from __future__ import annotations

from typing import Iterable


def did_you_mean(value: str, options: Iterable[str], *, otherwise: str = "", cutoff: float = 0.6) -> str:
    """"; did you mean 'x'?" for the closest option, or `otherwise` (every message shares this wording)."""
    import difflib

    close = difflib.get_close_matches(value, list(options), n=1, cutoff=cutoff)
    return f"; did you mean {close[0]!r}?" if close else otherwise


class NewslintError(Exception):
    """Base for every error the CLI reports as one line and exit 2."""


class ConfigError(NewslintError):
    """A configuration file or option is invalid."""


class UsageError(NewslintError):
    """The command line asks for something impossible (unknown rule, bad flag value)."""


class PluginError(NewslintError):
    """A plugin failed to load or contributed something invalid."""


class PackError(NewslintError):
    """A YAML rule pack is malformed."""


class SourceError(NewslintError):
    """A file could not be read or written."""
