"""JSON (schema `newslint-report/1`) and JSON Lines output."""

from __future__ import annotations

import json

from .._version import __version__
from ..engine import FileResult
from .base import Formatter, RunSummary

REPORT_SCHEMA = "newslint-report/1"


class JsonFormatter(Formatter):
    """One JSON document: `{schema, version, files: [...], summary}` (see README)."""

    def start(self) -> None:
        self._files: list[dict] = []

    def file(self, result: FileResult) -> None:
        entry = {
            "path": result.path,
            "diagnostics": [d.to_dict() for d in result.diagnostics],
            "errors": list(result.errors),
            "words": result.words,
        }
        score = getattr(result, "score", None)
        if score is not None:
            entry["score"] = score
        if self.options.fix_mode:
            entry["fixed"] = result.fixed
        self._files.append(entry)

    def finish(self, summary: RunSummary) -> None:
        report = {
            "schema": REPORT_SCHEMA,
            "version": __version__,
            "files": self._files,
            "summary": {
                "files": summary.files,
                "findings": summary.findings,
                "by_severity": dict(summary.by_severity),
                "by_rule": dict(sorted(summary.by_rule.items())),
                "fixable": summary.fixable_safe,
                "fixable_unsafe": summary.fixable_unsafe,
                "fixed": summary.fixed,
                "errors": list(summary.errors),
            },
        }
        json.dump(report, self.stream, indent=2, ensure_ascii=False)
        self.stream.write("\n")


class JsonLinesFormatter(Formatter):
    """One JSON object per line: `{"type": "diagnostic", ...}`, errors, then a summary."""

    def file(self, result: FileResult) -> None:
        for d in result.diagnostics:
            self.stream.write(json.dumps({"type": "diagnostic", **d.to_dict()}, ensure_ascii=False) + "\n")
        for e in result.errors:
            self.stream.write(json.dumps({"type": "error", "path": result.path, "message": e}, ensure_ascii=False) + "\n")
        score = getattr(result, "score", None)
        if score is not None:
            self.stream.write(json.dumps({"type": "score", "path": result.path, "score": score,
                                          "words": result.words}) + "\n")

    def finish(self, summary: RunSummary) -> None:
        self.stream.write(json.dumps({"type": "summary", "files": summary.files, "findings": summary.findings,
                                      "fixed": summary.fixed, "errors": len(summary.errors)}) + "\n")
