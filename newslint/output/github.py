"""GitHub Actions workflow commands (`::error file=...::message`)."""

from __future__ import annotations

from ..engine import FileResult
from .base import Formatter, RunSummary

_LEVEL = {"error": "error", "warning": "warning", "info": "notice"}


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


class GithubFormatter(Formatter):
    def file(self, result: FileResult) -> None:
        for d in result.diagnostics:
            props = ",".join(
                f"{k}={_escape_property(str(v))}"
                for k, v in (("file", d.path), ("line", d.line), ("col", d.column), ("endLine", d.end_line),
                             ("endColumn", d.end_column), ("title", f"{d.code} [{d.name}]"))
            )
            self.stream.write(f"::{_LEVEL[d.severity.value]} {props}::{_escape_data(d.message)}\n")
        for e in result.errors:
            self.stream.write(f"::error file={_escape_property(result.path)}::{_escape_data(e)}\n")

    def finish(self, summary: RunSummary) -> None:
        pass
