"""Autofix never loses data: atomic writes, encodings, BOMs, line endings, idempotence."""

from __future__ import annotations

import os
import stat

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import newslint
from conftest import fix, lint, run_cli
from newslint.diagnostic import Diagnostic, Edit, Fix, Severity
from newslint.fixer import apply_edits, choose_fixes

BAD = "Talks,despite the rain. It was over.Without trust, the the end.\n"
GOOD = "Talks, despite the rain. It was over. Without trust, the end.\n"
SPACING = ("NL201", "NL203", "NL301")


def _diag(start, end, text, safe=True, code="NL201"):
    fx = Fix.replace(start, end, text, "t", safe=safe)
    return Diagnostic("p", 1, start + 1, 1, end + 1, code, "n", Severity.ERROR, "m", "", fx, start, end)


def test_overlapping_and_adjacent_edits_are_skipped_and_unsafe_needs_opt_in():
    ds = [_diag(0, 2, "X"), _diag(1, 3, "Y"), _diag(5, 5, " "), _diag(5, 5, "!"), _diag(8, 9, "Z", safe=False)]
    assert [(d.start, d.end) for d in choose_fixes(ds, unsafe=False)] == [(0, 2), (5, 5)]
    assert [(d.start, d.end) for d in choose_fixes(ds, unsafe=True)] == [(0, 2), (5, 5), (8, 9)]
    assert apply_edits("abcdefghij", [Edit(0, 2, "X"), Edit(5, 5, " "), Edit(8, 9, "Z")]) == "Xcde fghZj"


def test_fix_text_api_returns_fixed_text_and_remaining():
    fixed, remaining = fix(BAD, *SPACING)
    assert fixed == GOOD
    assert remaining == []


def test_cli_fix_rewrites_and_second_run_changes_nothing(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text(BAD)
    proc = run_cli("check", "--fix", "--select", ",".join(SPACING), str(f))
    assert f.read_text() == GOOD
    assert proc.returncode == 0, proc.stdout
    assert "Fixed 3 findings in 1 file" in proc.stdout.decode()
    mtime = f.stat().st_mtime_ns
    proc = run_cli("check", "--fix", "--select", ",".join(SPACING), str(f))
    assert f.read_text() == GOOD and f.stat().st_mtime_ns == mtime  # untouched when nothing changed


@pytest.mark.parametrize(
    "encoding, bom, newline",
    [("utf-8", b"", "\n"), ("utf-8", b"\xef\xbb\xbf", "\r\n"), ("utf-16-le", b"\xff\xfe", "\r\n"),
     ("utf-16-be", b"\xfe\xff", "\n")],
)
def test_fix_keeps_encoding_bom_line_endings_and_permissions(tmp_path, encoding, bom, newline):
    f = tmp_path / "a.txt"
    body = BAD.replace("\n", newline) + "Caf\u00e9 \u201cquote\u201d." + newline
    f.write_bytes(bom + body.encode(encoding))
    os.chmod(f, 0o640)
    run_cli("check", "--fix", "--select", ",".join(SPACING), str(f))
    data = f.read_bytes()
    assert data.startswith(bom)
    assert data[len(bom):].decode(encoding) == GOOD.replace("\n", newline) + "Caf\u00e9 \u201cquote\u201d." + newline
    assert stat.S_IMODE(f.stat().st_mode) == 0o640
    assert not [p for p in tmp_path.iterdir() if p.name != "a.txt"], "temporary files left behind"


def test_mixed_line_endings_and_no_final_newline_survive(tmp_path):
    f = tmp_path / "a.txt"
    f.write_bytes(b"One,two.\r\nThree,four.\nFive,six.")
    run_cli("check", "--fix", "--select", "NL201", str(f))
    assert f.read_bytes() == b"One, two.\r\nThree, four.\nFive, six."


def test_latin1_file_with_configured_encoding_is_fixed_in_latin1(tmp_path):
    f = tmp_path / "a.txt"
    f.write_bytes("Caf\u00e9,ouvert.\n".encode("latin-1"))
    proc = run_cli("check", "--select", "NL201", str(f))
    assert proc.returncode == 2 and "not valid utf-8" in proc.stderr.decode()
    run_cli("check", "--fix", "--encoding", "latin-1", "--select", "NL201", str(f))
    assert f.read_bytes() == "Caf\u00e9, ouvert.\n".encode("latin-1")


@pytest.mark.skipif(os.geteuid() == 0 and False, reason="")
def test_read_only_file_is_a_clear_error_and_stays_intact(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text(BAD)
    os.chmod(f, 0o444)
    proc = run_cli("check", "--fix", "--select", "NL201", str(f))
    assert proc.returncode == 2
    assert "file is read-only; not fixed" in proc.stderr.decode() and "Traceback" not in proc.stderr.decode()
    assert f.read_text() == BAD


def test_diff_prints_and_writes_nothing(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text(BAD)
    before = f.read_bytes()
    proc = run_cli("check", "--diff", "--select", ",".join(SPACING), str(f))
    out = proc.stdout.decode()
    assert proc.returncode == 1
    assert "-Talks,despite the rain." in out and "+Talks, despite the rain." in out
    assert f.read_bytes() == before
    clean = tmp_path / "b.txt"
    clean.write_text(GOOD)
    assert run_cli("check", "--diff", "--select", ",".join(SPACING), str(clean)).returncode == 0


def test_fix_only_and_exit_non_zero_on_fix_and_verbose(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text(BAD + "Some words,here  and there.\n")
    proc = run_cli("check", "--fix-only", "--verbose", "--select", "NL201", str(f))
    out = proc.stdout.decode()
    assert proc.returncode == 0 and "NL201 [" not in out
    assert f"{f}: fixed 2, 0 remaining" in out and "Fixed 2 findings in 1 file" in out
    f.write_text(BAD)
    assert run_cli("check", "--fix", "--exit-non-zero-on-fix", "--select", "NL201", str(f)).returncode == 1


def test_unsafe_fixes_need_the_flag(tmp_path):
    f = tmp_path / "a.md"
    f.write_text("<!-- newslint-disable-next-line NL201 -->\nClean text.\n")
    run_cli("check", "--fix", "--select", "NL001,NL201", str(f))
    assert "newslint-disable" in f.read_text()
    run_cli("check", "--fix", "--unsafe-fixes", "--select", "NL001,NL201", str(f))
    assert f.read_text() == "\nClean text.\n"


def test_config_moves_rules_between_safe_and_unsafe():
    fixed, _ = fix(BAD, "NL201", **{"extend-unsafe-fixes": ["NL201"]})
    assert fixed == BAD
    fixed, _ = fix(BAD, "NL201", unsafe=True, **{"extend-unsafe-fixes": ["NL201"]})
    assert fixed.startswith("Talks, despite")


_TEXT = st.text(alphabet=st.sampled_from(list("ab.,;: \n\r\tTAI\u2019\u201c\u201d|-#`")), max_size=120)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_TEXT)
def test_fixing_twice_equals_fixing_once_and_edits_stay_local(text):
    once, _ = newslint.fix_text(text, unsafe=True)
    twice, _ = newslint.fix_text(once, unsafe=True)
    assert twice == once
    # Fixes only insert or delete a few characters: CR and BOM-free line structure survives.
    assert once.count("\r\n") == text.count("\r\n")


@settings(max_examples=100, deadline=None)
@given(st.lists(st.sampled_from(["Talks,despite rain.", "It ended.Then more.", "Fine words here.", "the the cat."]),
                min_size=1, max_size=6), st.sampled_from(["\n", "\r\n"]))
def test_text_outside_fixed_spans_is_byte_identical(parts, newline):
    text = newline.join(parts) + newline
    fixed, _ = newslint.fix_text(text, config={"select": list(SPACING)})
    fixed_lines = fixed.split(newline)
    for original, new in zip(text.split(newline), fixed_lines):
        if original in ("Fine words here.",):
            assert new == original
    assert len(fixed_lines) == len(text.split(newline))


def test_fixing_the_seed_gives_the_reviewed_golden_article(seed_text):
    """tests/fixtures/seed-article.fixed.txt was reviewed by hand: every change is a seed defect."""
    from conftest import FIXTURES

    golden = (FIXTURES / "seed-article.fixed.txt").read_text(encoding="utf-8")
    fixed, remaining = newslint.fix_text(seed_text, path="seed-article.txt")
    assert fixed == golden
    again, _ = newslint.fix_text(fixed, path="seed-article.txt")
    assert again == fixed
    assert not [d for d in remaining if d.fix is not None and d.fix.is_safe]


def test_cli_fix_on_a_copy_of_the_seed_then_check_reports_nothing_safe_fixable(tmp_path):
    from conftest import FIXTURES

    article = tmp_path / "seed-article.txt"
    article.write_bytes((FIXTURES / "seed-article.txt").read_bytes())
    run_cli("check", "--fix", "--no-cache", str(article), cwd=tmp_path)
    assert article.read_bytes() == (FIXTURES / "seed-article.fixed.txt").read_bytes()
    run_cli("check", "--fix", "--no-cache", str(article), cwd=tmp_path)
    assert article.read_bytes() == (FIXTURES / "seed-article.fixed.txt").read_bytes()
    proc = run_cli("check", "--no-cache", "--format", "json", str(article), cwd=tmp_path)
    diags = [d for f in __import__("json").loads(proc.stdout)["files"] for d in f["diagnostics"]]
    assert diags and not [d for d in diags if d["fix"] and d["fix"]["applicability"] == "safe"]
    proc = run_cli("check", "--diff", "--no-cache", str(FIXTURES / "seed-article.txt"), cwd=tmp_path)
    assert proc.returncode == 1 and "+In a statement that underscores the complexities of the ongoing conflict in " \
        "Ukraine, Russian" in proc.stdout.decode()
