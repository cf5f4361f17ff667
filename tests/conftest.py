"""Shared test helpers: lint or fix text with a chosen set of rules, run the CLI as a subprocess."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"


def lint(text: str, *rules: str, markdown: bool = False, **config):
    """Diagnostics for `text` with only `rules` selected (all defaults when none given)."""
    import newslint

    cfg = dict(config)
    if rules:
        cfg["select"] = list(rules)
    return newslint.lint_text(text, path="article.md" if markdown else "article.txt", config=cfg or None)


def fix(text: str, *rules: str, markdown: bool = False, unsafe: bool = False, **config):
    import newslint

    cfg = dict(config)
    if rules:
        cfg["select"] = list(rules)
    return newslint.fix_text(text, path="article.md" if markdown else "article.txt", unsafe=unsafe,
                             config=cfg or None)


def codes(diagnostics) -> list[str]:
    return [d.code for d in diagnostics]


def run_cli(*args: str, cwd: Path | None = None, stdin: str | bytes | None = None, env: dict | None = None,
            timeout: float = 120) -> subprocess.CompletedProcess:
    """Run `python -m newslint ARGS` in a subprocess, as users do."""
    full_env = dict(os.environ)
    full_env.pop("FORCE_COLOR", None)
    full_env["NO_COLOR"] = "1"
    if env:
        full_env.update(env)
    data = stdin.encode() if isinstance(stdin, str) else stdin
    return subprocess.run([sys.executable, "-m", "newslint", *args], cwd=cwd, input=data,
                          capture_output=True, timeout=timeout, env=full_env)


@pytest.fixture
def seed_text() -> str:
    return (FIXTURES / "seed-article.txt").read_text(encoding="utf-8")
