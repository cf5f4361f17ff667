"""Parallel runs: batches of files per worker, output identical to a serial run, cache hits in between."""

from __future__ import annotations

from newslint.parallel import MAX_BATCH, batch_size

from conftest import run_cli

ARTICLES = [
    "Talks resumed,despite the rain in ukraine.\n",
    "The minister said talks woudl resume on Monday.\n",
    "A clean sentence about the budget vote.\n",
    "officials met in kyiv.The talks ended.\n",
    "Prices rose 3.5% in the U.S. last year, analysts said.\n",
]


def _corpus(folder, count):
    folder.mkdir()
    for i in range(count):
        (folder / f"a{i:03d}.txt").write_text(f"Article {i}.\n\n" + ARTICLES[i % len(ARTICLES)], encoding="utf-8")


def test_batch_size_spreads_work_and_stays_bounded():
    assert batch_size(5, 2) == 1  # a handful of files: one per task so both workers start at once
    assert batch_size(80, 2) == 10
    assert batch_size(100_000, 2) == MAX_BATCH
    assert 1 <= batch_size(None, 2) <= MAX_BATCH


def test_parallel_batched_output_matches_serial_in_order(tmp_path):
    _corpus(tmp_path / "docs", 75)
    serial = run_cli("check", "--no-cache", "--jobs", "1", "--format", "json", "docs", cwd=tmp_path)
    parallel = run_cli("check", "--no-cache", "--jobs", "2", "--format", "json", "docs", cwd=tmp_path)
    assert serial.returncode == parallel.returncode == 1
    assert parallel.stdout == serial.stdout


def test_cache_hits_between_batched_misses_keep_input_order(tmp_path):
    _corpus(tmp_path / "docs", 60)
    first = run_cli("check", "--jobs", "2", "--format", "json", "docs", cwd=tmp_path)
    # Every third file changes: cached and fresh results interleave in one run.
    for i in range(0, 60, 3):
        path = tmp_path / "docs" / f"a{i:03d}.txt"
        path.write_text(path.read_text(encoding="utf-8") + "An extra line,with a defect.\n", encoding="utf-8")
    mixed = run_cli("check", "--jobs", "2", "--format", "json", "docs", cwd=tmp_path)
    fresh = run_cli("check", "--no-cache", "--jobs", "1", "--format", "json", "docs", cwd=tmp_path)
    assert first.returncode == mixed.returncode == 1
    assert mixed.stdout == fresh.stdout
    assert mixed.stdout != first.stdout


def test_output_does_not_depend_on_the_hash_seed():
    """Set and dict order must never leak into findings (PYTHONHASHSEED changes per process)."""
    from conftest import ROOT

    args = ("check", "--no-cache", "--format", "jsonl", "--extend-select", "ALL", "examples", "tests/fixtures")
    outputs = {run_cli(*args, cwd=ROOT, env={"PYTHONHASHSEED": seed}).stdout for seed in ("0", "1", "2")}
    assert len(outputs) == 1
    assert b'"type": "diagnostic"' in outputs.pop()


COUNTING_PLUGIN = '''
import os
import newslint
from newslint import Rule


class Counter(Rule):
    """Records every file it is asked to lint."""
    code = "XC001"
    name = "counting-rule"

    def check(self, doc, ctx):
        with open(os.environ["NL_COUNT_LOG"], "a", encoding="utf-8") as log:
            log.write(os.path.basename(doc.path) + "\\n")
        return []


@newslint.hookimpl
def newslint_rules():
    return [Counter]
'''


def test_cache_relints_only_the_edited_file_and_misses_on_a_config_change(tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    (site / "nl_counting_plugin.py").write_text(COUNTING_PLUGIN)
    info = site / "nl_counting_plugin-1.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: nl-counting-plugin\nVersion: 1.0\n")
    (info / "entry_points.txt").write_text("[newslint]\ncounting = nl_counting_plugin\n")
    log = tmp_path / "linted.log"
    env = {"PYTHONPATH": str(site), "NL_COUNT_LOG": str(log)}
    _corpus(tmp_path / "docs", 6)

    def linted(*extra):
        log.write_text("")
        proc = run_cli("check", "--exit-zero", *extra, "docs", cwd=tmp_path, env=env)
        assert proc.returncode == 0, proc.stderr
        return sorted(log.read_text().split())

    assert len(linted()) == 6  # cold: every file
    assert linted() == []  # warm: nothing re-linted
    edited = tmp_path / "docs" / "a003.txt"
    edited.write_text(edited.read_text(encoding="utf-8") + "One more line.\n", encoding="utf-8")
    assert linted() == ["a003.txt"]  # only the edited file
    assert len(linted("--ignore", "NL201")) == 6  # another rule selection is another cache key
    assert len(linted("--no-cache")) == 6
