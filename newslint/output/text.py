"""Human output: `path:line:col: CODE [name] message`, the source line and a caret underline."""

from __future__ import annotations

from ..engine import FileResult
from .base import Formatter, RunSummary

_COLORS = {"error": "\033[31m", "warning": "\033[33m", "info": "\033[36m"}
_BOLD, _DIM, _RESET, _CYAN, _GREEN = "\033[1m", "\033[2m", "\033[0m", "\033[36m", "\033[32m"


class TextFormatter(Formatter):
    def _c(self, code: str, text: str) -> str:
        return f"{code}{text}{_RESET}" if self.options.color else text

    def file(self, result: FileResult) -> None:
        if self.options.fix_mode == "fix-only":
            if self.options.verbose and (result.fixed or result.diagnostics):
                self.stream.write(f"{result.path}: fixed {result.fixed}, {len(result.diagnostics)} remaining\n")
            return
        w = self.stream.write
        for d in result.diagnostics:
            sev = self._c(_COLORS.get(d.severity.value, ""), d.code)
            fix_mark = ""
            if d.fix is not None:
                fix_mark = " [*]" if d.fix.is_safe else " [-]"
            w(f"{self._c(_BOLD, d.path)}:{d.line}:{d.column}: {sev} [{d.name}] {d.message}{self._c(_DIM, fix_mark)}\n")
            if self.options.show_source and not self.options.quiet:
                line = result.source_lines.get(d.line)
                if line is not None:
                    w(self._snippet(line, d.column, d.end_column if d.end_line == d.line else len(line) + 1))
        if self.options.verbose and self.options.fix_mode == "fix" and result.fixed:
            w(f"{result.path}: fixed {result.fixed}, {len(result.diagnostics)} remaining\n")

    def _snippet(self, line: str, col: int, end_col: int) -> str:
        # Long paragraph lines are shown as a window around the finding.
        start = col - 1
        width = max(1, end_col - col)
        left = max(0, start - 60)
        right = min(len(line), start + width + 60)
        prefix = "…" if left > 0 else ""
        suffix = "…" if right < len(line) else ""
        shown = prefix + line[left:right].replace("\t", " ") + suffix
        caret_at = len(prefix) + start - left
        underline = " " * caret_at + "^" * min(width, max(1, right - start))
        return f"    {shown}\n    {self._c(_COLORS['error'], underline)}\n"

    def finish(self, summary: RunSummary) -> None:
        w = self.stream.write
        if self.options.statistics:
            for code, count in sorted(summary.by_rule.items(), key=lambda kv: (-kv[1], kv[0])):
                w(f"{count:6d}  {code}  {summary.rule_names.get(code, '')}\n")
        if self.options.quiet:
            return
        parts = []
        if self.options.fix_mode in ("fix", "fix-only"):
            parts.append(f"Fixed {summary.fixed} finding{'s' * (summary.fixed != 1)} in {summary.files_changed} "
                         f"file{'s' * (summary.files_changed != 1)}; {summary.findings} remaining.")
        if summary.findings:
            fixable = summary.fixable_safe
            hint = f" ({fixable} fixable with --fix" if fixable else ""
            if summary.fixable_unsafe:
                hint += ("; " if hint else " (") + f"{summary.fixable_unsafe} more with --unsafe-fixes"
            hint += ")" if hint else ""
            if self.options.fix_mode != "fix-only":
                parts.append(f"Found {summary.findings} finding{'s' * (summary.findings != 1)} in "
                             f"{summary.files} file{'s' * (summary.files != 1)}{hint}.")
        elif self.options.fix_mode != "fix-only" and not summary.errors:
            parts.append(self._c(_GREEN, f"All clear: {summary.files} file{'s' * (summary.files != 1)} checked."))
        for path, score in summary.scores.items() if len(summary.scores) <= 20 else ():
            parts.append(f"Quality score {score:.0f}/100: {path}")
        if len(summary.scores) > 20:
            worst = min(summary.scores.items(), key=lambda kv: kv[1])
            parts.append(f"Lowest quality score {worst[1]:.0f}/100: {worst[0]}")
        for line in parts:
            w(line + "\n")
