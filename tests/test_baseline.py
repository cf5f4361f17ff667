"""Baselines: record today's findings, report only new ones, survive moved lines."""

from __future__ import annotations

import json

from conftest import run_cli

OLD = "Talks,despite the rain.\nIt was over.Without trust.\n"


def test_write_baseline_then_only_new_findings_are_reported(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text(OLD)
    baseline = tmp_path / "newslint-baseline.json"
    proc = run_cli("check", "--select", "NL201,NL203", "--write-baseline", str(baseline), str(article), cwd=tmp_path)
    assert proc.returncode == 0 and "recorded 2 findings" in proc.stderr.decode()
    data = json.loads(baseline.read_text())
    assert data["schema"] == "newslint-baseline/1" and {e["code"] for e in data["entries"]} == {"NL201", "NL203"}
    assert all(e["path"] == "a.txt" for e in data["entries"])

    proc = run_cli("check", "--select", "NL201,NL203", "--baseline", str(baseline), str(article), cwd=tmp_path)
    assert proc.returncode == 0, proc.stdout
    assert "2 findings hidden by the baseline" in proc.stderr.decode()

    # Lines move, and a new defect appears: only the new one is reported.
    article.write_text("A new opening paragraph.\n\n" + OLD + "New text,here.\n")
    proc = run_cli("check", "--select", "NL201,NL203", "--baseline", str(baseline), "--format", "json", str(article),
                   cwd=tmp_path)
    found = json.loads(proc.stdout)["files"][0]["diagnostics"]
    assert proc.returncode == 1
    assert [(d["code"], d["line"]) for d in found] == [("NL201", 5)]


def test_a_second_copy_of_an_old_defect_is_new(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("Talks,despite the rain.\n")
    baseline = tmp_path / "b.json"
    run_cli("check", "--select", "NL201", "--write-baseline", str(baseline), str(article), cwd=tmp_path)
    article.write_text("Talks,despite the rain.\nTalks,despite the rain.\n")
    proc = run_cli("check", "--select", "NL201", "--baseline", str(baseline), str(article), cwd=tmp_path)
    assert proc.returncode == 1 and proc.stdout.decode().count("NL201") == 1


def test_bad_baseline_is_a_clear_error(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("Fine.\n")
    (tmp_path / "bad.json").write_text("{not json")
    for name, expected in (("missing.json", "baseline not found"), ("bad.json", "not a readable newslint baseline")):
        proc = run_cli("check", "--baseline", str(tmp_path / name), str(article), cwd=tmp_path)
        assert proc.returncode == 2 and expected in proc.stderr.decode()
        assert "Traceback" not in proc.stderr.decode()
