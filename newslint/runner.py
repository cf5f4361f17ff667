"""Linting (and fixing) files: the work the CLI and `lint_paths` share."""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from pathlib import Path

from .config import Config
from .document import Document
from .engine import FileResult, Linter
from .errors import NewslintError, SourceError
from .files import BinaryFileError, read_source, write_atomic
from .fixer import MAX_PASSES, fix_until_stable

_LINTERS: dict[Config, Linter] = {}


def linter_for(config: Config) -> Linter:
    """One Linter per distinct configuration per process (rules and packs built once)."""
    linter = _LINTERS.get(config)
    if linter is None:
        linter = _LINTERS[config] = Linter(config)
    return linter


@dataclass(frozen=True)
class RunOptions:
    fix: bool = False
    unsafe_fixes: bool = False
    diff: bool = False
    explicit: bool = True
    display_path: str | None = None
    keep_text: bool = False


def lint_source_text(text: str, path: str, config: Config, options: RunOptions) -> tuple[FileResult, str]:
    """Lint (and with fix/diff, repair) decoded text; returns the result and the final text."""
    linter = linter_for(config)
    if not (options.fix or options.diff):
        return linter.lint_text(text, path), text

    def lint(t: str):
        return linter.lint_text(t, path).diagnostics

    outcome = fix_until_stable(text, lint, unsafe=options.unsafe_fixes, max_passes=MAX_PASSES)
    result = linter.lint_text(outcome.text, path) if outcome.fixed else linter.lint_text(text, path)
    result.fixed = outcome.fixed
    result.changed = outcome.text != text
    if not outcome.converged:
        result.fix_warning = f"{path}: fixes did not settle after {MAX_PASSES} passes; review the file"
        result.notices.append(result.fix_warning)
    if options.diff and result.changed:
        result.diff = "".join(difflib.unified_diff(
            text.splitlines(keepends=True), outcome.text.splitlines(keepends=True),
            fromfile=f"a/{path}", tofile=f"b/{path}"))
    return result, outcome.text


def process_path(path: Path, config: Config, options: RunOptions, *, data: bytes | None = None) -> FileResult:
    """Read (unless `data` is given), lint, and with `fix` write back one file.

    Errors become part of the result, never exceptions.
    """
    shown = options.display_path or str(path)
    try:
        source = read_source(path, config.encoding, data)
    except BinaryFileError as exc:
        result = FileResult(shown)
        if options.explicit:
            result.errors.append(str(exc).replace(str(path), shown, 1))
        else:
            result.notices.append(str(exc).replace(str(path), shown, 1))
        return result
    except SourceError as exc:
        return FileResult(shown, errors=[str(exc).replace(str(path), shown, 1)])
    try:
        result, new_text = lint_source_text(source.text, shown, config, options)
    except NewslintError as exc:
        return FileResult(shown, errors=[str(exc)])
    except Exception as exc:  # a fault in parsing: this file only, never the run
        return FileResult(shown, errors=[f"{shown}: internal error while linting: {type(exc).__name__}: "
                                         f"{str(exc)[:200]} (nothing was written; please report this file)"])
    if options.keep_text:
        result.text = new_text
    if options.fix and not options.diff and result.changed:
        try:
            write_atomic(path, source.encode(new_text))
        except SourceError as exc:
            result.errors.append(str(exc).replace(str(path), shown, 1))
            result.changed = False
            result.fixed = 0
    return result


def install_signal_handlers() -> None:
    """Make SIGTERM (and SIGHUP) unwind like Ctrl-C so every `finally` runs (call once, from the CLI).

    SIGTERM raises SystemExit(143), SIGHUP SystemExit(129), in the main thread:
    a worker pool is shut down and no temporary file is left. Files being
    replaced at that moment finish first (files.write_atomic defers the signal).
    SIGKILL cannot be handled: files are still whole (os.replace), but a
    `.*.newslint-tmp` file may remain.
    """
    import signal
    import threading

    if threading.current_thread() is not threading.main_thread():
        return

    def _exit(signum: int, frame: object) -> None:
        raise SystemExit(128 + signum)

    for name in ("SIGTERM", "SIGHUP"):
        sig = getattr(signal, name, None)
        if sig is None:
            continue
        try:
            if signal.getsignal(sig) is signal.SIG_DFL:
                signal.signal(sig, _exit)
        except (ValueError, OSError):
            pass


__all__ = ["process_path", "lint_source_text", "linter_for", "RunOptions", "Document", "install_signal_handlers"]
