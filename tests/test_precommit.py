"""The pre-commit hooks, end to end with the real pre-commit in a temporary git repository."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
pytestmark = [pytest.mark.slow, pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")]

ARTICLE = "# Talks resume\n\nTalks resumed,despite the rain. It was over.Without trust, nothing works.\n"
FIXED = "# Talks resume\n\nTalks resumed, despite the rain. It was over. Without trust, nothing works.\n"


def _git(repo: Path, *args: str, env: dict) -> None:
    subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True, env=env)


@pytest.fixture(scope="module")
def hook_source(tmp_path_factory) -> Path:
    """A committed snapshot of this working tree, so pre-commit installs exactly what is being tested."""
    src = tmp_path_factory.mktemp("hook-source")
    env = _env(tmp_path_factory.mktemp("home"))
    ignore = shutil.ignore_patterns(".git", ".venv", "*.egg-info", "__pycache__", ".newslint_cache", "build", "dist",
                                    ".pytest_cache", ".hypothesis", "benchmarks", "tests")
    shutil.copytree(ROOT, src / "repo", ignore=ignore)
    repo = src / "repo"
    _git(repo, "init", "-q", env=env)
    _git(repo, "add", "-A", env=env)
    _git(repo, "commit", "-q", "-m", "snapshot", env=env)
    return repo


def _env(home: Path) -> dict:
    env = dict(os.environ)
    env.update(GIT_AUTHOR_NAME="t", GIT_AUTHOR_EMAIL="t@example.invalid", GIT_COMMITTER_NAME="t",
               GIT_COMMITTER_EMAIL="t@example.invalid", PRE_COMMIT_HOME=str(home / "pre-commit"), NO_COLOR="1")
    env.pop("PYTHONPATH", None)
    return env


def _pre_commit(repo: Path, env: dict, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "pre_commit", *args], cwd=repo, capture_output=True, text=True,
                          env=env, timeout=900)


def test_check_hook_fails_and_fix_hook_rewrites_then_passes(tmp_path, hook_source):
    env = _env(tmp_path)
    repo = tmp_path / "newsroom"
    repo.mkdir()
    _git(repo, "init", "-q", env=env)
    (repo / "story.md").write_text(ARTICLE)
    (repo / "notes.py").write_text("x = 1,2\n")  # not news copy: never linted
    rev = subprocess.check_output(["git", "rev-parse", "HEAD"], cwd=hook_source, text=True, env=env).strip()
    (repo / ".pre-commit-config.yaml").write_text(
        "repos:\n"
        f"  - repo: {hook_source.as_uri()}\n"
        f"    rev: {rev}\n"
        "    hooks:\n"
        "      - id: newslint\n"
    )
    _git(repo, "add", "-A", env=env)
    proc = _pre_commit(repo, env, "run", "--all-files")
    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert "story.md:3:14: NL201 [missing-space-after-comma]" in proc.stdout
    assert "notes.py" not in proc.stdout

    (repo / ".pre-commit-config.yaml").write_text(
        "repos:\n"
        f"  - repo: {hook_source.as_uri()}\n"
        f"    rev: {rev}\n"
        "    hooks:\n"
        "      - id: newslint-fix\n"
    )
    _git(repo, "add", "-A", env=env)
    proc = _pre_commit(repo, env, "run", "--all-files")
    assert proc.returncode == 1, proc.stdout + proc.stderr  # pre-commit fails a run that modified files
    assert "files were modified by this hook" in proc.stdout
    assert (repo / "story.md").read_text() == FIXED
    _git(repo, "add", "-A", env=env)
    proc = _pre_commit(repo, env, "run", "--all-files")
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_readme_snippet_matches_the_hook_ids():
    readme = (ROOT / "README.md").read_text()
    hooks = (ROOT / ".pre-commit-hooks.yaml").read_text()
    for hook_id in ("newslint", "newslint-fix"):
        assert f"id: {hook_id}\n" in hooks
        assert f"- id: {hook_id}" in readme
