"""`newslint check` with an archive index and on Dask: the editorial-CI uses of the corpus work."""

from __future__ import annotations

import json

import pytest

from conftest import FIXTURES, run_cli

pytest.importorskip("datasketch")

TEMPLATE = ("Analysts say the decision reflects a broader shift in how regulators balance growth, "
            "stability and public trust in the months ahead.")


_WORDS = ("harbour bridge orchard museum tramway library stadium ferry quarry vineyard lighthouse market "
          "observatory aqueduct monastery canal brewery foundry granary pier").split()


def _article(i: int, shared: bool) -> str:
    """Articles whose own sentences share no wording (numbers alone would not differ once normalised)."""
    a, b, c = (_WORDS[(i * 3 + k) % len(_WORDS)] for k in range(3))
    body = [f"The {a} reopened after the {b} works, and visitors from the {c} quarter queued early.",
            f"Engineers restored the {b} while volunteers painted the {c} and the old {a} gates."]
    if shared:
        body.append(TEMPLATE)
    return "\n\n".join(body) + "\n"


def test_check_flags_sentences_that_recur_across_the_indexed_archive(tmp_path):
    archive = tmp_path / "archive"
    archive.mkdir()
    for i in range(8):
        (archive / f"a{i}.md").write_text(_article(i, shared=i < 6))
    index = tmp_path / "index"
    proc = run_cli("corpus", "--index", str(index), str(archive), cwd=tmp_path, timeout=300)
    assert proc.returncode in (0, 1), proc.stderr
    new = tmp_path / "new.md"
    new.write_text(_article(99, shared=True))
    proc = run_cli("check", "--select", "NL201", "--corpus-index", str(index), "--format", "json", str(new),
                   cwd=tmp_path, timeout=300)
    assert proc.returncode == 1, proc.stderr
    found = json.loads(proc.stdout)["files"][0]["diagnostics"]
    assert [d["code"] for d in found] == ["NL701"]
    assert found[0]["line"] == 5 and "6 archive articles" in found[0]["message"], found
    clean = tmp_path / "clean.md"
    clean.write_text(_article(98, shared=False))
    proc = run_cli("check", "--select", "NL201", "--corpus-index", str(index), str(clean), cwd=tmp_path)
    assert proc.returncode == 0, proc.stdout


def test_missing_index_is_a_clear_error(tmp_path):
    (tmp_path / "a.md").write_text("Fine.\n")
    proc = run_cli("check", "--corpus-index", str(tmp_path / "nope"), "a.md", cwd=tmp_path)
    assert proc.returncode == 2 and "no corpus index here" in proc.stderr.decode()


@pytest.mark.slow
def test_check_on_dask_gives_the_same_findings_as_the_local_run(tmp_path):
    pytest.importorskip("distributed")
    seed = tmp_path / "seed.txt"
    seed.write_bytes((FIXTURES / "seed-article.txt").read_bytes())
    local = run_cli("check", "--no-cache", "--format", "json", str(seed), cwd=tmp_path)
    dask = run_cli("check", "--no-cache", "--executor", "dask", "--format", "json", str(seed), cwd=tmp_path,
                   timeout=300)
    assert dask.returncode == local.returncode == 1, dask.stderr
    assert json.loads(dask.stdout)["files"] == json.loads(local.stdout)["files"]
