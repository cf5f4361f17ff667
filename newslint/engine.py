"""The engine: runs the selected rules over a Document and filters what they report.

Rules only yield findings. Skip spans, suppressions, selection, per-file
ignores and fix-safety overrides are applied here, so every rule stays pure.
"""

from __future__ import annotations

import bisect
import fnmatch
import hashlib
import os
import re
import signal
import threading
import time
from dataclasses import dataclass, field, replace
from pathlib import PurePath
from typing import Any, Iterable, Iterator

from .config import Config
from .diagnostic import Applicability, Diagnostic, Edit, Finding, Fix
from .document import MARKDOWN_SUFFIXES, Document, line_starts
from .errors import ConfigError, did_you_mean
from .regexsafety import PatternTimeout
from .registry import Registry, get_registry
from .rule import Rule, RuleContext
from .suppression import parse_suppressions

UNUSED_SUPPRESSION_CODE = "NL001"


@dataclass
class FileResult:
    """Everything one file produced: diagnostics, errors, and what output formats need."""

    path: str
    diagnostics: list[Diagnostic] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)
    #: 1-based line -> text, only for lines that carry a diagnostic (text output).
    source_lines: dict[int, str] = field(default_factory=dict)
    words: int = 0
    lines: int = 0
    fixed: int = 0
    changed: bool = False
    from_cache: bool = False
    diff: str = ""
    score: float | None = None
    fix_warning: str = ""
    #: The (fixed) text itself, kept only when an output format asks for it (html).
    text: str | None = None
    rule_seconds: dict[str, float] = field(default_factory=dict)


def _word_count(text: str) -> int:
    return len(text.split())


class Linter:
    """Lints documents with the rules a Config selects."""

    def __init__(self, config: Config | None = None, *, registry: Registry | None = None,
                 profile: bool = False, rule_timeout: float | None = None):
        self.config = config or Config()
        self.registry = registry or get_registry(
            frozenset(self.config.blocked_plugins), tuple(self.config.packs)
        )
        self.rules: list[Rule] = select_rules(self.registry, self.config)
        self.profile = profile
        self.rule_timeout = _rule_timeout(self.config) if rule_timeout is None else float(rule_timeout)
        if self.config.pattern_timeout is not None:
            from . import regexsafety

            regexsafety.configured_timeout = self.config.pattern_timeout
        vocabulary = frozenset(self.config.vocabulary)
        self._contexts: dict[str, RuleContext] = {}
        for rule in self.rules:
            options = rule.default_options()
            configured = self.config.options_for(rule.code, rule.name)
            if rule.name == "languagetool-match" and self.config.languagetool:
                # [tool.newslint.languagetool] is the documented home of the backend's settings.
                configured = {**{str(k).replace("_", "-"): v for k, v in self.config.languagetool}, **configured}
            for key, value in configured.items():
                if key not in rule.options:
                    hint = did_you_mean(key, rule.options, otherwise=(
                        f"; it takes {', '.join(rule.options)}" if rule.options else "; it takes no options"))
                    raise ConfigError(f"{self.config.source}: rule-options.{rule.name}: unknown option {key!r}{hint}")
                try:
                    options[key] = rule.options[key].validate(value)
                except ValueError as exc:
                    raise ConfigError(f"{self.config.source}: rule-options.{rule.name}.{key}: {exc}") from None
            self._contexts[rule.code] = RuleContext(options=options, vocabulary=vocabulary)
        for key, _ in self.config.rule_options:
            if self.registry.get(key) is None:
                self.registry.resolve(key, where=f"{self.config.source} rule-options")
        self._safe_overrides = {r.code for s in self.config.extend_safe_fixes for r in self.registry.resolve(s)}
        self._unsafe_overrides = {r.code for s in self.config.extend_unsafe_fixes for r in self.registry.resolve(s)}
        self._per_file = [(glob, tuple(self.registry.resolve(s, where="per-file-ignores") for s in sels))
                          for glob, sels in self.config.per_file_ignores]

    @property
    def selected_codes(self) -> list[str]:
        return [r.code for r in self.rules]

    def lint_text(self, text: str, path: str = "<text>", *, markdown: bool | None = None) -> FileResult:
        if len(text) > CHUNK_THRESHOLD:
            return self._lint_in_parts(text, path, markdown)
        return self.lint_document(Document(text, path, markdown=markdown))

    def _lint_in_parts(self, text: str, path: str, markdown: bool | None) -> FileResult:
        """Lint a huge file part by part so time and memory stay proportional to one part.

        Parts end at a blank line outside code fences (any line break in plain
        text), so blocks stay whole; findings are moved back to whole-file
        offsets, lines and columns. Rules about the whole article (repetition,
        consistency) then see one part at a time, which the notice says.
        """
        if markdown is None:
            markdown = path.lower().endswith(MARKDOWN_SUFFIXES)
        starts = _LineStarts(text)
        result = FileResult(path, words=_word_count(text), lines=starts.count)
        parts = 0
        for base, part in _parts(text, markdown):
            parts += 1
            sub = self.lint_document(Document(part, path, markdown=markdown))
            result.errors.extend(sub.errors)
            result.diagnostics.extend(_moved(d, base, starts) for d in sub.diagnostics)
        result.diagnostics.sort(key=Diagnostic.sort_key)
        for d in result.diagnostics:
            if d.line not in result.source_lines:
                result.source_lines[d.line] = starts.line_text(d.line - 1)
        result.notices.append(f"{path}: {len(text) / 1e6:.0f} MB was linted in {parts} parts; rules about the "
                              f"whole article (repetition, consistency) saw one part at a time")
        return result

    def _ignored_for(self, path: str) -> set[str]:
        if not self._per_file:
            return set()
        rel = _relative(path, self.config.root)
        ignored: set[str] = set()
        for glob, groups in self._per_file:
            if fnmatch.fnmatch(rel, glob) or fnmatch.fnmatch(PurePath(rel).name, glob):
                ignored.update(r.code for group in groups for r in group)
        return ignored

    def lint_document(self, doc: Document) -> FileResult:
        result = FileResult(doc.path, words=_word_count(doc.text), lines=doc.line_count)
        ignored = self._ignored_for(doc.path)
        raw: list[tuple[Rule, Finding]] = []
        # The budget grows with the text (per started megabyte), so only runaway rules hit it on big files.
        budget = self.rule_timeout * max(1, -(-len(doc.text) // 1_000_000))
        with _RuleTimer(budget) as timer:
            for rule in self.rules:
                if rule.code in ignored:
                    continue
                started = time.perf_counter() if self.profile else 0.0
                try:
                    timer.start()
                    try:
                        checked = _collected(rule.check(doc, self._contexts[rule.code]))
                    finally:
                        timer.stop(trusted=rule.source == "built-in")
                    if checked:
                        self._validate(doc, checked)
                except RuleTimeout:
                    result.errors.append(
                        f"{doc.path}: rule {rule.code} [{rule.name}] from {rule.source} took longer than "
                        f"{budget:g} s and was stopped; its findings for this file are missing"
                    )
                    continue
                except PatternTimeout as exc:
                    where = f"pack {exc.where}" if exc.where else rule.source
                    result.errors.append(f"{doc.path}: rule {rule.code} [{rule.name}] from {where}: {exc}")
                    continue
                except Exception as exc:  # a broken rule must not stop the others
                    result.errors.append(
                        f"{doc.path}: rule {rule.code} [{rule.name}] from {rule.source} crashed: "
                        f"{type(exc).__name__}: {_one_line(exc)}"
                    )
                    continue
                except BaseException as exc:
                    if isinstance(exc, (KeyboardInterrupt, SystemExit, GeneratorExit)):
                        raise
                    result.errors.append(f"{doc.path}: rule {rule.code} [{rule.name}] from {rule.source} aborted: "
                                         f"{type(exc).__name__}")
                    continue
                finally:
                    if self.profile:
                        result.rule_seconds[rule.code] = (result.rule_seconds.get(rule.code, 0.0)
                                                          + time.perf_counter() - started)
                raw.extend((rule, f) for f in checked)
        result.diagnostics = self._filter(doc, raw)
        for d in result.diagnostics:
            if d.line not in result.source_lines and d.line <= doc.line_count:
                result.source_lines[d.line] = doc.line_text(d.line - 1)
        return result

    @staticmethod
    def _validate(doc: Document, findings: list[Any]) -> None:
        """Raise if a rule (a plugin's, say) returned something the engine cannot report."""
        size = len(doc.text)
        for f in findings:
            if not isinstance(f, Finding):
                raise TypeError(f"returned {type(f).__name__} instead of a Finding")
            if not (_is_int(f.start) and _is_int(f.end) and 0 <= f.start <= f.end <= size):
                raise ValueError(f"returned a finding outside the text ({f.start!r}..{f.end!r} of {size})")
            if not isinstance(f.message, str):
                raise TypeError("returned a finding whose message is not a string")
            if f.data is not None and not isinstance(f.data, dict):
                raise TypeError(f"returned finding data of type {type(f.data).__name__}, not a dict")
            if f.fix is not None:
                if not isinstance(f.fix, Fix) or not isinstance(f.fix.edits, tuple) or not isinstance(f.fix.title, str):
                    raise TypeError(f"returned a fix of type {type(f.fix).__name__} that is not a Fix with a tuple of edits")
                if not isinstance(f.fix.applicability, Applicability):
                    raise TypeError(f"returned a fix whose applicability is {f.fix.applicability!r}")
                for e in f.fix.edits:
                    if not isinstance(e, Edit) or not isinstance(e.text, str):
                        raise TypeError(f"returned a fix edit of type {type(e).__name__} (an Edit with text expected)")
                    if not (_is_int(e.start) and _is_int(e.end) and 0 <= e.start <= e.end <= size):
                        raise ValueError(f"returned a fix edit outside the text ({e.start!r}..{e.end!r} of {size})")

    def _filter(self, doc: Document, raw: list[tuple[Rule, Finding]]) -> list[Diagnostic]:
        suppressions = parse_suppressions(doc.text, doc.line_index, doc.line_count)
        out: list[Diagnostic] = []
        seen: set[tuple[str, int, int]] = set()
        for rule, f in raw:
            if not rule.reports_in_skipped and doc.is_skipped(f.start, f.end if f.end > f.start else f.start + 1):
                continue
            key = (rule.code, f.start, f.end)
            if key in seen:
                continue
            seen.add(key)
            line0 = doc.line_index(f.start)
            if suppressions.directives and suppressions.suppresses(line0, rule.code, rule.name):
                continue
            out.append(self._diagnostic(doc, rule, f))
        unused_rule = self.registry.by_code.get(UNUSED_SUPPRESSION_CODE)
        if unused_rule is not None and unused_rule in self.rules:
            for d in suppressions.directives:
                if not d.used:
                    what = ", ".join(d.selectors) if d.selectors else "all rules"
                    msg = f"Suppression of {what} suppresses nothing"
                    fix = Fix.replace(d.start, d.end, "", "Remove the unused suppression comment", safe=False)
                    out.append(self._diagnostic(doc, unused_rule, Finding(d.start, d.end, msg, fix)))
        out.sort(key=Diagnostic.sort_key)
        return out

    def _diagnostic(self, doc: Document, rule: Rule, f: Finding) -> Diagnostic:
        line, col = doc.position(f.start)
        end_line, end_col = doc.position(f.end)
        fix = f.fix
        if fix is not None:
            if rule.code in self._unsafe_overrides and fix.is_safe:
                fix = fix.with_applicability(Applicability.UNSAFE)
            elif rule.code in self._safe_overrides and not fix.is_safe:
                fix = fix.with_applicability(Applicability.SAFE)
        regions: tuple[tuple[int, int, int, int], ...] = ()
        if fix is not None:
            regions = tuple((*doc.position(e.start), *doc.position(e.end)) for e in fix.edits)
        return Diagnostic(doc.path, line, col, end_line, end_col, rule.code, rule.name, rule.severity,
                          f.message, rule.category, fix, f.start, f.end, f.data, regions,
                          _fingerprint(doc.text, rule.code, f.start, f.end))


#: Files larger than this (in characters) are linted in parts of about PART_SIZE.
CHUNK_THRESHOLD = 4_000_000
PART_SIZE = 1_000_000
_FENCE_LINE = re.compile(r"^[ \t]{0,3}(```|~~~)", re.MULTILINE)


class _LineStarts:
    """Line starts of a whole (huge) text, for moving part findings back to file positions."""

    def __init__(self, text: str):
        self.text = text
        self.starts = line_starts(text)  # the same rule as Document, without parsing the whole file
        self.count = len(self.starts)

    def position(self, offset: int) -> tuple[int, int]:
        line = bisect.bisect_right(self.starts, offset) - 1
        return line + 1, offset - self.starts[line] + 1

    def line_text(self, index: int) -> str:
        start = self.starts[index]
        end = self.starts[index + 1] if index + 1 < len(self.starts) else len(self.text)
        return self.text[start:end].rstrip("\r\n")


def _parts(text: str, markdown: bool) -> Iterator[tuple[int, str]]:
    """(offset, text) parts of about PART_SIZE, cut after a blank line outside fences (Markdown)."""
    start = 0
    n = len(text)
    while start < n:
        cut = min(n, start + PART_SIZE)
        if cut < n:
            if markdown:
                # An odd number of fence lines so far means we are inside a code block: move past it.
                inside = len(_FENCE_LINE.findall(text, start, cut)) % 2 == 1
                if inside:
                    closing = _FENCE_LINE.search(text, cut)
                    cut = closing.end() if closing else n
                blank = text.find("\n\n", cut)
                cut = blank + 2 if blank != -1 else n
            else:
                newline = text.find("\n", cut)
                cut = newline + 1 if newline != -1 else n
        yield start, text[start:cut]
        start = cut


def _moved(d: Diagnostic, base: int, starts: _LineStarts) -> Diagnostic:
    """A part's diagnostic at whole-file offsets, lines and columns."""
    line, column = starts.position(d.start + base)
    end_line, end_column = starts.position(d.end + base)
    fix = d.fix
    regions = d.edit_regions
    if fix is not None:
        edits = tuple(Edit(e.start + base, e.end + base, e.text) for e in fix.edits)
        fix = Fix(fix.title, edits, fix.applicability)
        regions = tuple((*starts.position(e.start), *starts.position(e.end)) for e in edits)
    return replace(d, line=line, column=column, end_line=end_line, end_column=end_column,
                   start=d.start + base, end=d.end + base, fix=fix, edit_regions=regions)


_CONTEXT = 24


def _fingerprint(text: str, code: str, start: int, end: int) -> str:
    """Rule + flagged text + whitespace-normalised neighbourhood; independent of line numbers."""
    # The neighbourhood stops at line breaks, so adding lines around a finding keeps its hash.
    around = " ".join(text[max(0, start - _CONTEXT):start].rsplit("\n", 1)[-1].split()[-3:])
    after = " ".join(text[end:end + _CONTEXT].split("\n", 1)[0].split()[:3])
    payload = f"{code}\0{around}\0{text[start:end]}\0{after}"
    return hashlib.blake2b(payload.encode("utf-8", "surrogatepass"), digest_size=12).hexdigest()


class RuleTimeout(BaseException):
    """Raised inside a rule that exceeded its time budget.

    A BaseException so a rule's own `except Exception` cannot swallow it.
    """


#: Seconds one rule may spend on one file, per started megabyte of text
#: (config `rule-timeout`, env NEWSLINT_RULE_TIMEOUT; 0 turns it off).
DEFAULT_RULE_TIMEOUT = 30.0


def _rule_timeout(config: Config) -> float:
    value = getattr(config, "rule_timeout", None)
    if value is None:
        raw = os.environ.get("NEWSLINT_RULE_TIMEOUT", "")
        try:
            value = float(raw) if raw else DEFAULT_RULE_TIMEOUT
        except ValueError:
            value = DEFAULT_RULE_TIMEOUT
    return max(0.0, float(value))


def _collected(findings: Any) -> list[Any]:
    """A rule's findings as a list (None means none); collecting runs the rule's generator."""
    if findings is None:
        return []
    if isinstance(findings, (str, bytes)) or not hasattr(findings, "__iter__"):
        raise TypeError(f"returned {type(findings).__name__} instead of an iterable of Findings")
    return list(findings)


class _RuleTimer:
    """A per-rule time budget enforced with SIGALRM (ITIMER_REAL).

    The alarm is armed once and re-armed from its handler rather than around
    every rule: two system calls per rule cost more than many rules do. The
    handler stops the rule that is running only when that rule has used its
    whole budget; otherwise it sets the alarm again for what remains.

    Limitations: it only works on POSIX, in the main thread of a process whose
    SIGALRM is not in use by someone else (it then silently stays off), and it
    interrupts Python code and C code that checks for signals (`re` does, and
    `time.sleep`); a C extension that never does is not stopped.
    """

    def __init__(self, seconds: float):
        self.seconds = seconds
        self.active = False
        self._old: Any = None
        self._armed = False
        self._deadline: float | None = None  # when the running rule's budget ends

    def __enter__(self) -> "_RuleTimer":
        if self.seconds <= 0 or not hasattr(signal, "setitimer") or threading.current_thread() is not threading.main_thread():
            return self
        try:
            old = signal.getsignal(signal.SIGALRM)
            # None: a handler installed outside Python (e.g. libFuzzer's); anything else is someone's alarm.
            if old not in (signal.SIG_DFL, signal.SIG_IGN) or signal.getitimer(signal.ITIMER_REAL)[0] > 0:
                return self  # leave it alone
            self._old = old
            signal.signal(signal.SIGALRM, self._alarm)
            self.active = True
        except (ValueError, OSError):  # not the main thread of the main interpreter
            self.active = False
        return self

    def start(self) -> None:
        if self.active:
            self._deadline = time.monotonic() + self.seconds
            if not self._armed:
                self._armed = True
                signal.setitimer(signal.ITIMER_REAL, self.seconds)

    def stop(self, trusted: bool = True) -> None:
        self._deadline = None
        if not trusted and self._armed and signal.getitimer(signal.ITIMER_REAL)[0] == 0:
            # A plugin rule cancelled the alarm (e.g. its own timeout helper called alarm(0)):
            # arm it again at the next rule instead of leaving the rest of the file unbounded.
            self._armed = False

    def _alarm(self, signum: int, frame: Any) -> None:
        deadline = self._deadline
        if deadline is None:  # between rules: the next start() arms it again
            self._armed = False
            return
        left = deadline - time.monotonic()
        if left > 0:
            signal.setitimer(signal.ITIMER_REAL, left)
            return
        self._armed = False
        self._deadline = None
        raise RuleTimeout()

    def __exit__(self, *exc: object) -> None:
        if self.active:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, self._old)
            self._armed = False
            self.active = False


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _one_line(exc: BaseException) -> str:
    text = str(exc).strip().replace("\r", " ").replace("\n", " ")
    return text if len(text) <= 300 else text[:297] + "..."


def _relative(path: str, root: str) -> str:
    try:
        return str(PurePath(path).relative_to(root))
    except ValueError:
        import os

        try:
            return os.path.relpath(path, root)
        except ValueError:
            return path


def select_rules(registry: Registry, config: Config) -> list[Rule]:
    """The rules a configuration turns on, in code order."""
    if config.select is None:
        chosen = {r.code for r in registry.rules if r.default_enabled}
    else:
        chosen = {r.code for s in config.select for r in registry.resolve(s, where="select")}
    for pack in config.enable_packs:
        if pack not in registry.packs:
            hint = did_you_mean(pack, registry.packs, otherwise=f"; known packs: {', '.join(sorted(registry.packs))}")
            raise ConfigError(f"{config.source}: enable-packs: unknown pack {pack!r}{hint}")
        chosen.update(registry.packs[pack])
    for s in config.extend_select:
        chosen.update(r.code for r in registry.resolve(s, where="extend-select"))
    for s in config.ignore:
        chosen.difference_update(r.code for r in registry.resolve(s, where="ignore"))
    return [r for r in registry.rules if r.code in chosen]


__all__ = ["Linter", "FileResult", "select_rules", "RuleTimeout", "DEFAULT_RULE_TIMEOUT"]
