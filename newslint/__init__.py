"""newslint: a linter for machine-generated news copy.

Python API for pipelines that never touch the disk::

    import newslint
    diagnostics = newslint.lint_text(article)
    fixed, remaining = newslint.fix_text(article)
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterable, Mapping

from ._version import __version__
from .diagnostic import Applicability, Diagnostic, Edit, Finding, Fix, Severity
from .hookspecs import hookimpl
from .rule import Example, Option, Rule, RuleContext

if TYPE_CHECKING:
    from .config import Config

ConfigLike = "Config | Mapping[str, Any] | str | Path | None"


def _config(config: Any) -> "Config":
    from .config import Config, config_from_mapping, load_config_file

    if config is None:
        return Config()
    if isinstance(config, Config):
        return config
    if isinstance(config, Mapping):
        return config_from_mapping(config, source="<api config>")
    if isinstance(config, (str, Path)):
        return load_config_file(Path(config)) or Config()
    raise TypeError(f"config must be a Config, a mapping or a path, not {type(config).__name__}")


def lint_text(text: str, *, path: str | None = None, config: Any = None) -> list[Diagnostic]:
    """Lint a string; `path` only names it (a `.md` suffix turns on Markdown parsing).

    `config` is a `newslint.config.Config`, a mapping shaped like
    `[tool.newslint]`, a path to a configuration file, or None for defaults.
    Raises `newslint.errors.NewslintError` for a bad configuration.
    """
    from .runner import linter_for

    result = linter_for(_config(config)).lint_text(text, path or "<text>")
    if result.errors:
        from .errors import NewslintError

        raise NewslintError("; ".join(result.errors))
    return result.diagnostics


def fix_text(text: str, *, unsafe: bool = False, config: Any = None, path: str | None = None) -> tuple[str, list[Diagnostic]]:
    """Apply fixes to a string; returns (fixed text, diagnostics that remain)."""
    from .fixer import fix_until_stable
    from .runner import linter_for

    linter = linter_for(_config(config))
    outcome = fix_until_stable(text, lambda t: linter.lint_text(t, path or "<text>").diagnostics, unsafe=unsafe)
    return outcome.text, outcome.remaining


def score_text(text: str, *, config: Any = None, path: str | None = None) -> float:
    """The 0-100 quality score of a string (see README for the formula)."""
    from .score import quality_score

    return quality_score(lint_text(text, path=path, config=config), len(text.split()))


def lint_paths(paths: Iterable[str | Path], *, config: Any = None) -> list[Diagnostic]:
    """Lint files and folders like `newslint check`; configuration is discovered when `config` is None.

    Raises `newslint.errors.SourceError` when a file cannot be read.
    """
    from .config import ConfigResolver
    from .errors import SourceError
    from .files import iter_files
    from .runner import RunOptions, process_path

    explicit = _config(config) if config is not None else None
    resolver = ConfigResolver()
    out: list[Diagnostic] = []
    errors: list[str] = []
    targets = [Path(p) for p in paths]
    base = explicit or resolver.for_path(Path.cwd() / "__newslint__")
    for path, named in iter_files(targets, base.include, base.exclude, respect_gitignore=base.respect_gitignore):
        cfg = explicit or resolver.for_path(path)
        result = process_path(path, cfg, RunOptions(explicit=named))
        out.extend(result.diagnostics)
        errors.extend(result.errors)
    if errors:
        raise SourceError("; ".join(errors))
    return out


__all__ = [
    "__version__", "lint_text", "lint_paths", "fix_text", "score_text",
    "Diagnostic", "Severity", "Fix", "Edit", "Finding", "Applicability", "Rule", "RuleContext", "Example",
    "Option", "hookimpl",
]
