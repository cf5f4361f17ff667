"""SARIF 2.1.0, validated in the tests against the official schema."""

from __future__ import annotations

import json
from pathlib import PurePath
from urllib.parse import quote

from .._version import __version__
from ..engine import FileResult
from .base import Formatter, RunSummary

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
_LEVEL = {"error": "error", "warning": "warning", "info": "note"}


def _uri(path: str) -> str:
    return quote(PurePath(path).as_posix(), safe="/:")


class SarifFormatter(Formatter):
    def start(self) -> None:
        self._results: list[dict] = []
        self._artifacts: dict[str, dict] = {}
        self._rule_index: dict[str, int] = {}
        self._rules: list[dict] = []
        for rule in getattr(self.registry, "rules", []):
            self._rule_index[rule.code] = len(self._rules)
            self._rules.append(self._rule_descriptor(rule))

    @staticmethod
    def _rule_descriptor(rule) -> dict:
        doc = rule.documentation or rule.summary
        return {
            "id": rule.code,
            "name": rule.name,
            "shortDescription": {"text": rule.summary},
            "fullDescription": {"text": doc},
            "help": {"text": doc, "markdown": doc},
            "defaultConfiguration": {"level": _LEVEL[rule.severity.value]},
            "properties": {"category": rule.category, "fix": rule.fix_applicability, "source": rule.source,
                           "tags": [rule.category]},
        }

    def file(self, result: FileResult) -> None:
        uri = _uri(result.path)
        artifact = self._artifacts.setdefault(uri, {"location": {"uri": uri}, "properties": {}})
        score = getattr(result, "score", None)
        if score is not None:
            artifact["properties"]["qualityScore"] = score
        artifact["properties"]["words"] = result.words
        for d in result.diagnostics:
            res = {
                "ruleId": d.code,
                "level": _LEVEL[d.severity.value],
                "message": {"text": d.message},
                "locations": [{
                    "physicalLocation": {
                        "artifactLocation": {"uri": uri},
                        "region": {"startLine": d.line, "startColumn": d.column,
                                   "endLine": d.end_line, "endColumn": d.end_column},
                    }
                }],
                "properties": {"category": d.category, "name": d.name},
            }
            if d.fingerprint:
                res["partialFingerprints"] = {"newslint/v1": d.fingerprint}
            if d.code in self._rule_index:
                res["ruleIndex"] = self._rule_index[d.code]
            if d.fix is not None and d.edit_regions:
                res["properties"]["fixApplicability"] = d.fix.applicability.value
                res["fixes"] = [{
                    "description": {"text": d.fix.title},
                    "artifactChanges": [{
                        "artifactLocation": {"uri": uri},
                        "replacements": [
                            {"deletedRegion": {"startLine": r[0], "startColumn": r[1], "endLine": r[2], "endColumn": r[3]},
                             "insertedContent": {"text": e.text}}
                            for r, e in zip(d.edit_regions, d.fix.edits)
                        ],
                    }],
                }]
            self._results.append(res)

    def finish(self, summary: RunSummary) -> None:
        notifications = [{"level": "error", "message": {"text": e}} for e in summary.errors]
        run = {
            "tool": {"driver": {"name": "newslint", "version": __version__, "semanticVersion": __version__,
                                "informationUri": "https://pypi.org/project/newslint/", "rules": self._rules}},
            "columnKind": "unicodeCodePoints",
            "artifacts": list(self._artifacts.values()),
            "results": self._results,
            "invocations": [{"executionSuccessful": not summary.errors,
                             "toolExecutionNotifications": notifications}],
            "properties": {"findings": summary.findings,
                           "qualityScores": dict(summary.scores)} if summary.scores else {"findings": summary.findings},
        }
        json.dump({"$schema": SARIF_SCHEMA, "version": "2.1.0", "runs": [run]}, self.stream, indent=2,
                  ensure_ascii=False)
        self.stream.write("\n")
