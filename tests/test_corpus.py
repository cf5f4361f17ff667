"""`newslint corpus`: cross-article boilerplate (NL701), the persistent index, executors."""

from __future__ import annotations

import json
import random
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from conftest import run_cli

pytest.importorskip("datasketch")

from newslint.corpus.synthetic import Corpus, path_of  # noqa: E402

SCHEMA = json.loads((Path(__file__).parent / "schemas" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
LONG_BYLINE = ("Reporting by Jane Doe in Washington and Omar Haddad in London; additional reporting by "
               "Li Chen; editing by Maria Silva and Tom Brown.")
HOUSE_LINE = "Our newsroom standards guide how we cover elections, courts and public safety in the region every day."


def _make_archive(folder: Path, n: int = 200, planted: int = 50, seed: int = 2024):
    """n articles, `planted` of them with the (reworded) template; 80 share a long byline; 30 a house line."""
    gen = Corpus.create(seed=seed, n_templates=1)
    rng = random.Random(seed)
    plan = {a: [0] for a in rng.sample(range(n), planted)}
    bylined = set(rng.sample(range(n), 80))
    housed = set(rng.sample(range(n), 30))
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        text = gen.article(i, plan.get(i, []))
        if i in bylined:
            text += "\n" + LONG_BYLINE + "\n"
        if i in housed:
            text += "\n" + HOUSE_LINE + "\n"
        path = path_of(folder, i)
        path.parent.mkdir(exist_ok=True)
        path.write_text(text, encoding="utf-8")
    truth = {str(path_of(folder, i)): [line for _, line in gen.truth[i]] for i in range(n)}
    return gen, truth


@pytest.fixture(scope="module")
def archive(tmp_path_factory):
    root = tmp_path_factory.mktemp("corpus")
    gen, truth = _make_archive(root / "articles")
    return root, gen, truth


def _json_report(root: Path, *extra: str, folder: str = "articles"):
    proc = run_cli("corpus", folder, "--format", "json", *extra, cwd=root)
    assert proc.returncode in (0, 1), proc.stderr.decode()
    return proc, json.loads(proc.stdout)


def _flagged(report, root: Path) -> dict[str, list[dict]]:
    return {str(root / f["path"]): f["diagnostics"] for f in report["files"] if f["diagnostics"]}


def test_planted_paragraph_found_in_48_of_50_and_nowhere_else(archive):
    root, _, truth = archive
    proc, report = _json_report(root)
    assert proc.returncode == 1
    flagged = _flagged(report, root)
    planted = {p: lines for p, lines in truth.items() if lines}
    assert len(planted) == 50
    hits = [p for p, lines in planted.items() if any(d["line"] in lines for d in flagged.get(p, []))]
    assert len(hits) >= 48
    # The other 150 carry no finding (except the deliberately shared house line, tested below).
    others = [(p, d["line"]) for p, ds in flagged.items() if p not in planted for d in ds
              if HOUSE_LINE not in Path(p).read_text(encoding="utf-8").splitlines()[d["line"] - 1]]
    assert others == [], others[:3]
    d = flagged[hits[0]][0]
    assert d["code"] == "NL701" and d["name"] == "cross-article-boilerplate" and d["severity"] == "warning"
    assert d["category"] == "boilerplate"
    assert "recurs (near-)verbatim in" in d["message"] and d["data"]["articles"] >= 48
    # two example paths, neither of them the file itself
    examples = d["data"]["examples"]
    assert len(examples) == 2 and all(e in d["message"] for e in examples)
    assert not any(str(root / e) == hits[0] for e in examples)


def test_text_output_is_line_anchored(archive):
    root, _, truth = archive
    proc = run_cli("corpus", "articles", cwd=root)
    out = proc.stdout.decode()
    assert proc.returncode == 1
    first = next(p for p, lines in sorted(truth.items()) if lines)
    rel = str(Path(first).relative_to(root))
    assert f"{rel}:{truth[first][0]}:1: NL701 [cross-article-boilerplate] Paragraph recurs" in out


def test_allowlist_builtin_and_config(archive, tmp_path):
    root, _, _ = archive
    # Built-in byline pattern keeps the long shared byline quiet; without it, it is reported.
    _, report = _json_report(root)
    messages = [d for f in report["files"] for d in f["diagnostics"]]
    assert all(d["line"] != 1 for d in messages)
    bylines = [d for f in report["files"] for d in f["diagnostics"] if "Reporting by" in _line(root, f["path"], d)]
    assert bylines == []
    _, loud = _json_report(root, "--no-builtin-allowlist")
    assert any("Reporting by" in _line(root, f["path"], d) for f in loud["files"] for d in f["diagnostics"])
    # The house line (30 articles) is reported until the config allowlist names it.
    house = [d for f in report["files"] for d in f["diagnostics"] if "newsroom standards" in _line(root, f["path"], d)]
    assert len(house) == 30
    cfg = tmp_path / "newslint.toml"
    cfg.write_text('[corpus]\nallowlist = ["newsroom standards", "Reporting by", "(AP) \u2014"]\nmin-articles = 5\n',
                   encoding="utf-8")
    _, quiet = _json_report(root, "--config", str(cfg))
    assert not any("newsroom standards" in _line(root, f["path"], d) for f in quiet["files"] for d in f["diagnostics"])
    assert sum(len(f["diagnostics"]) for f in quiet["files"]) >= 48


def _line(root: Path, path: str, d: dict) -> str:
    return (root / path).read_text(encoding="utf-8").splitlines()[d["line"] - 1]


def test_thresholds_from_flags(archive):
    root, _, _ = archive
    proc, report = _json_report(root, "--min-articles", "60")
    assert proc.returncode == 0 and report["summary"]["findings"] == 0
    proc = run_cli("corpus", "articles", "--similarity", "1.5", cwd=root)
    assert proc.returncode == 2 and b"similarity" in proc.stderr and b"Traceback" not in proc.stderr


def test_sarif_validates_and_lists_nl701(archive):
    jsonschema = pytest.importorskip("jsonschema")
    root, _, _ = archive
    proc = run_cli("corpus", "articles", "--format", "sarif", cwd=root)
    assert proc.returncode == 1
    sarif = json.loads(proc.stdout)
    jsonschema.validate(sarif, SCHEMA)
    run = sarif["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    assert run["results"]
    for res in run["results"]:
        assert res["ruleId"] == "NL701"
        assert rules[res["ruleIndex"]]["id"] == "NL701"


@pytest.mark.parametrize("fmt", ["jsonl", "github"])
def test_other_formats(archive, fmt):
    root, _, _ = archive
    proc = run_cli("corpus", "articles", "--format", fmt, cwd=root)
    assert proc.returncode == 1
    out = proc.stdout.decode()
    assert "NL701" in out


def test_index_is_incremental(tmp_path):
    root = tmp_path
    gen, truth = _make_archive(root / "articles", n=200, planted=50, seed=99)
    index = root / "index"
    first = run_cli("corpus", "articles", "--index", str(index), "-v", "--format", "json", cwd=root)
    assert first.returncode == 1, first.stderr
    assert "indexed 200 new, 0 changed, 0 unchanged, 0 removed" in first.stderr.decode()
    # One new article that reuses the template.
    new = root / "articles" / "new-article.txt"
    new.write_text(gen.article(1000, [0]), encoding="utf-8")
    second = run_cli("corpus", "articles", "--index", str(index), "-v", "--format", "json", cwd=root)
    assert "indexed 1 new, 0 changed, 200 unchanged, 0 removed" in second.stderr.decode()
    report = json.loads(second.stdout)
    flagged = {f["path"] for f in report["files"] if f["diagnostics"]}
    assert str(new.relative_to(root)) in flagged
    # The same findings as a fresh run without an index.
    _, fresh = _json_report(root)
    assert _diags(fresh) == _diags(report)
    # One changed, one deleted.
    victim = path_of(root / "articles", 3)
    victim.write_text(victim.read_text(encoding="utf-8") + "\nA late update adds one more sentence to this story today.\n",
                      encoding="utf-8")
    path_of(root / "articles", 4).unlink()
    third = run_cli("corpus", "articles", "--index", str(index), "-v", cwd=root)
    assert "indexed 0 new, 1 changed, 199 unchanged, 1 removed" in third.stderr.decode()


def _diags(report) -> list[tuple]:
    return [(f["path"], d["line"], d["column"], d["end_line"], d["end_column"], d["message"])
            for f in report["files"] for d in f["diagnostics"]]


def test_check_against_index_flags_a_new_article(tmp_path):
    from newslint.corpus import check_against_index
    from newslint.corpus.check import findings_to_diagnostics
    from newslint.document import Document

    gen, truth = _make_archive(tmp_path / "articles", n=120, planted=30, seed=5)
    index = tmp_path / "index"
    proc = run_cli("corpus", "articles", "--index", str(index), cwd=tmp_path)
    assert proc.returncode == 1, proc.stderr
    text = gen.article(5000, [0])
    line = gen.truth[5000][0][1]
    doc = Document(text, "new-article.md")
    findings = check_against_index(index, doc, min_articles=5, similarity=0.7)
    assert findings, "the reused template is flagged"
    diags = findings_to_diagnostics(doc, findings)
    assert {d.line for d in diags} == {line}
    assert all(d.code == "NL701" for d in diags)
    assert "archive articles" in findings[0].message and findings[0].data["articles"] >= 25
    clean = Document(gen.article(5001, []), "clean.md")
    assert check_against_index(index, clean, min_articles=5, similarity=0.7) == []
    # min_articles above the archive count: nothing
    assert check_against_index(index, doc, min_articles=31, similarity=0.7) == []


def test_missing_index_is_a_usage_error(tmp_path):
    from newslint.corpus import check_against_index
    from newslint.document import Document
    from newslint.errors import UsageError

    with pytest.raises(UsageError, match="no newslint corpus index"):
        check_against_index(tmp_path / "nope", Document("Text.", "a.md"))


def test_minhash_matches_datasketch():
    from datasketch import MinHash

    from newslint.corpus.settings import CorpusSettings
    from newslint.corpus.signatures import Unit, minhash_matrix, normalize_words, shingle_hashes

    settings = CorpusSettings()
    texts = ["The council voted on Tuesday to approve the new budget for 2025, officials said.",
             "\u201cIt\u2019s done,\u201d she said.", "one two"]
    units = [Unit(0, 0, 0, normalize_words(t)) for t in texts]
    assert units[0].words[:3] == ["the", "council", "voted"] and "0" in units[0].words
    assert units[1].words == ["its", "done", "she", "said"]
    matrix = minhash_matrix(units, settings)
    hv, first = shingle_hashes(units, settings.shingle_size)
    bounds = list(first[1:]) + [len(hv)]
    for i, (lo, hi) in enumerate(zip(first, bounds)):
        m = MinHash(num_perm=settings.num_perm, seed=settings.seed, scheme="affine32", hashfunc=int)
        m.update_batch(hv[lo:hi].tolist())
        assert np.array_equal(m.hashvalues, matrix[i])


def test_banding_finds_what_datasketch_lsh_finds():
    from datasketch import MinHash, MinHashLSH

    from newslint.corpus.detect import band_keys, lsh_params

    rng = np.random.default_rng(0)
    base = rng.integers(0, 2**32, size=(40, 64), dtype=np.uint64).astype(np.uint32)
    sigs = base.copy()
    sigs[20:] = base[:20]
    sigs[20:, ::3] = rng.integers(0, 2**32, size=(20, 22), dtype=np.uint64).astype(np.uint32)
    b, r = lsh_params(0.7, 64)
    lsh = MinHashLSH(threshold=0.7, num_perm=64, params=(b, r))
    for i, s in enumerate(sigs):
        lsh.insert(i, MinHash(num_perm=64, hashvalues=s, scheme="affine32"))
    keys = band_keys(sigs, b, r)
    for i, s in enumerate(sigs):
        ours = {j for j in range(len(sigs)) if (keys[:, j] == keys[:, i]).any()}
        theirs = set(lsh.query(MinHash(num_perm=64, hashvalues=s, scheme="affine32")))
        assert ours == theirs


def test_local_executor_keeps_input_order():
    from newslint.corpus.executors import LocalExecutor

    with LocalExecutor(2, batch_size=3) as ex:
        assert list(ex.map(abs, range(-50, 0))) == [abs(x) for x in range(-50, 0)]
    with LocalExecutor(1) as ex:
        assert list(ex.map(abs, [-1, -2])) == [1, 2]


@pytest.mark.parametrize("module, flag, expected", [
    ("datasketch", (), 'pip install "newslint[corpus]"'),
    ("distributed", ("--executor", "dask"), 'pip install "newslint[dask]"'),
])
def test_missing_optional_dependency_is_one_line(tmp_path, module, flag, expected):
    (tmp_path / "a.txt").write_text("Some text here for the test of the corpus command.\n")
    code = (f"import sys; sys.modules[{module!r}] = None; from newslint.cli import main; "
            f"sys.exit(main(['corpus', 'a.txt', *{list(flag)!r}]))")
    proc = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, capture_output=True, timeout=60)
    err = proc.stderr.decode()
    assert proc.returncode == 2, err
    assert expected in err and len(err.strip().splitlines()) == 1


@pytest.mark.slow
def test_dask_local_cluster_matches_local_run(archive):
    pytest.importorskip("distributed")
    root, _, _ = archive
    local = run_cli("corpus", "articles", "--format", "json", "--jobs", "1", cwd=root)
    dask = run_cli("corpus", "articles", "--format", "json", "--executor", "dask", cwd=root, timeout=120)
    assert dask.returncode == local.returncode == 1, dask.stderr.decode()[-2000:]
    assert dask.stdout == local.stdout
    text_local = run_cli("corpus", "articles", "--jobs", "2", cwd=root)
    assert text_local.stdout == run_cli("corpus", "articles", "--jobs", "1", cwd=root).stdout
