"""The wheel carries the packs, and a third-party plugin works through its entry point.

Both tests install the built wheel into one fresh virtual environment with pip,
exactly as a user would (dependencies come from the package index or pip's cache).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import venv
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
pytestmark = pytest.mark.slow


def _make_venv(path: Path) -> Path:
    venv.EnvBuilder(with_pip=True).create(path)
    return path / ("Scripts/python.exe" if os.name == "nt" else "bin/python")


def _pip(py: Path, *args: str) -> None:
    proc = subprocess.run([str(py), "-m", "pip", "--disable-pip-version-check", *args], capture_output=True,
                          text=True, timeout=900)
    assert proc.returncode == 0, proc.stdout[-2000:] + proc.stderr[-2000:]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    subprocess.run([sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(out), str(ROOT)],
                   check=True, capture_output=True, timeout=600)
    (found,) = out.glob("newslint-*.whl")
    return found


@pytest.fixture(scope="module")
def fresh_env(tmp_path_factory, wheel) -> Path:
    env = tmp_path_factory.mktemp("venv")
    py = _make_venv(env)
    _pip(py, "install", "--quiet", str(wheel))
    return py


def _run(py: Path, *args: str, cwd: Path) -> subprocess.CompletedProcess:
    env = dict(os.environ, NO_COLOR="1", PYTHONNOUSERSITE="1")
    env.pop("PYTHONPATH", None)
    return subprocess.run([str(py), "-m", "newslint", *args], cwd=cwd, capture_output=True, text=True, env=env,
                          timeout=120)


def test_wheel_ships_every_pack_and_loads_them(fresh_env, tmp_path):
    shipped = sorted(p.name for p in (ROOT / "rules").glob("*.yaml"))
    assert shipped, "the repository has no packs to ship"
    probe = subprocess.run(
        [str(fresh_env), "-c",
         "import json, newslint, newslint.packs as p; from newslint.registry import get_registry;"
         "r = get_registry(); print(json.dumps({'file': newslint.__file__, 'dir': str(p.builtin_pack_dir()),"
         "'packs': sorted(r.packs)}))"],
        cwd=tmp_path, capture_output=True, text=True, env=dict(os.environ, PYTHONNOUSERSITE="1"), timeout=120)
    assert probe.returncode == 0, probe.stderr
    info = json.loads(probe.stdout)
    assert str(ROOT) not in info["file"], "newslint was imported from the source tree, not the wheel"
    assert info["dir"].endswith("_rules")
    pack_files = sorted(p.name for p in Path(info["dir"]).glob("*.yaml"))
    assert pack_files == shipped
    assert len(info["packs"]) == len(shipped)
    vocabulary = ROOT / "rules" / "vocabulary"
    if vocabulary.is_dir():
        assert sorted(p.name for p in (Path(info["dir"]) / "vocabulary").glob("*.yaml")) == \
            sorted(p.name for p in vocabulary.glob("*.yaml"))
    article = tmp_path / "a.txt"
    article.write_text("Talks,despite the rain.\n")
    proc = _run(fresh_env, "check", str(article), cwd=tmp_path)
    assert proc.returncode == 1 and "NL201" in proc.stdout


def test_example_plugin_installs_and_its_rules_run(fresh_env, tmp_path):
    plugin_out = tmp_path / "plugin-dist"
    subprocess.run([sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(plugin_out),
                    str(ROOT / "examples" / "newslint-example-plugin")], check=True, capture_output=True, timeout=600)
    (plugin_wheel,) = plugin_out.glob("*.whl")
    _pip(fresh_env, "install", "--quiet", "--no-deps", str(plugin_wheel))
    rules = json.loads(_run(fresh_env, "rules", "--format", "json", cwd=tmp_path).stdout)
    sources = {r["code"]: r["source"] for r in rules}
    assert sources["EX101"] == "plugin newslint-example-plugin"
    assert sources["EX201"].startswith("pack ")
    article = tmp_path / "story.txt"
    article.write_text("KYIV, Ukraine - Prices rose 3 percent.\n")
    proc = _run(fresh_env, "check", "--select", "EX", str(article), cwd=tmp_path)
    assert proc.returncode == 1
    assert "EX101 [dateline-missing-dash]" in proc.stdout and "EX201 [prefer-per-cent]" in proc.stdout
    proc = _run(fresh_env, "check", "--select", "EX", "--fix", str(article), cwd=tmp_path)
    assert article.read_text() == "KYIV, Ukraine \u2014 Prices rose 3 per cent.\n"
    # Blocking the plugin by name removes its Python rule.
    (tmp_path / "newslint.toml").write_text('blocked-plugins = ["example"]\n')
    rules = json.loads(_run(fresh_env, "rules", "--format", "json", cwd=tmp_path).stdout)
    assert "EX101" not in {r["code"] for r in rules}
