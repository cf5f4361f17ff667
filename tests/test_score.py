"""The quality score and the pipeline gate."""

from __future__ import annotations

import json
import math

import newslint
from conftest import FIXTURES, run_cli
from newslint.diagnostic import Diagnostic, Severity
from newslint.score import quality_score


def _diag(severity: Severity) -> Diagnostic:
    return Diagnostic("p", 1, 1, 1, 2, "NL201", "n", severity, "m")


def test_formula_matches_the_readme():
    assert quality_score([], 500) == 100.0
    one_warning = quality_score([_diag(Severity.WARNING)], 500)
    assert one_warning == round(100 * math.exp(-(100 * 2 / 500) / 6), 1)
    assert 90 < one_warning < 95
    # Short texts are normalised as if they had 100 words.
    assert quality_score([_diag(Severity.ERROR)], 10) == quality_score([_diag(Severity.ERROR)], 100)


def test_fail_under_fails_the_seed_and_names_the_score(tmp_path):
    seed = tmp_path / "seed.txt"
    seed.write_bytes((FIXTURES / "seed-article.txt").read_bytes())
    proc = run_cli("check", "--fail-under", "80", "--exit-zero", str(seed), cwd=tmp_path)
    assert proc.returncode == 1
    assert "quality score" in proc.stderr.decode() and "is below 80" in proc.stderr.decode()


def test_fail_under_passes_clean_professional_news(tmp_path):
    clean = tmp_path / "clean.txt"
    clean.write_bytes((FIXTURES / "professional-clean.txt").read_bytes())
    proc = run_cli("check", "--fail-under", "80", str(clean), cwd=tmp_path)
    assert proc.returncode == 0, proc.stdout.decode() + proc.stderr.decode()


def test_score_command_table_and_json_worst_first(tmp_path):
    (tmp_path / "seed.txt").write_bytes((FIXTURES / "seed-article.txt").read_bytes())
    (tmp_path / "clean.txt").write_bytes((FIXTURES / "professional-clean.txt").read_bytes())
    rows = json.loads(run_cli("score", "--format", "json", str(tmp_path), cwd=tmp_path).stdout)
    assert [r["path"].rsplit("/", 1)[-1] for r in rows] == ["seed.txt", "clean.txt"]
    assert rows[0]["score"] < 50 <= 80 <= rows[1]["score"]
    assert rows[0]["categories"]["boilerplate"] >= 10 and rows[0]["words"] > 1000
    table = run_cli("score", str(tmp_path), cwd=tmp_path).stdout.decode()
    assert table.splitlines()[0].split()[:3] == ["score", "words", "findings"]


def test_score_in_json_sarif_and_api(tmp_path):
    seed = tmp_path / "seed.txt"
    seed.write_bytes((FIXTURES / "seed-article.txt").read_bytes())
    report = json.loads(run_cli("check", "--format", "json", str(seed), cwd=tmp_path).stdout)
    score = report["files"][0]["score"]
    sarif = json.loads(run_cli("check", "--format", "sarif", str(seed), cwd=tmp_path).stdout)
    assert sarif["runs"][0]["artifacts"][0]["properties"]["qualityScore"] == score
    assert newslint.score_text(seed.read_text(), path="seed.txt") == score
