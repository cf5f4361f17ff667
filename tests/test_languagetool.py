"""The LanguageTool plugin (plugins/newslint-languagetool) against a fake LanguageTool server.

No LanguageTool can be installed here, so a small HTTP server on 127.0.0.1
speaks LanguageTool's v2 API (`/v2/languages`, `/v2/check`) and finds a real
pattern in what it receives. The plugin need not be installed: its module is
imported from the source tree and its rule put into a Registry; one test also
loads it through its `newslint` entry point in a subprocess.
"""

from __future__ import annotations

import json
import os
import re
import socket
import subprocess
import sys
import threading
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10
    import tomli as tomllib

ROOT = Path(__file__).resolve().parent.parent
PLUGIN_DIR = ROOT / "plugins" / "newslint-languagetool"

pytest.importorskip("language_tool_python")
if str(PLUGIN_DIR) not in sys.path:
    sys.path.insert(0, str(PLUGIN_DIR))

import newslint_languagetool  # noqa: E402
from newslint_languagetool import client as lt_client  # noqa: E402
from newslint_languagetool.masking import mask_document  # noqa: E402

from newslint.builtin.spacing import MissingSpaceAfterComma  # noqa: E402
from newslint.config import config_from_mapping  # noqa: E402
from newslint.document import Document  # noqa: E402
from newslint.engine import Linter  # noqa: E402
from newslint.registry import Registry  # noqa: E402

# --- a fake LanguageTool server ----------------------------------------------------------

_LANGUAGES = [
    {"name": "English (US)", "code": "en", "longCode": "en-US"},
    {"name": "English (GB)", "code": "en", "longCode": "en-GB"},
    {"name": "German (Germany)", "code": "de", "longCode": "de-DE"},
]
_GRAMMAR = re.compile(r"\bhe go\b")
_TYPO = re.compile(r"\bteh\b")


def _utf16(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def _match(text: str, start: int, end: int, message: str, replacement: str, rule_id: str, category: str,
           issue: str) -> dict:
    """A match shaped like LanguageTool's, offsets in UTF-16 code units as Java counts them."""
    ctx_start = max(0, start - 20)
    return {
        "message": message,
        "shortMessage": "",
        "replacements": [{"value": replacement}, {"value": replacement + "?"}],
        "offset": _utf16(text[:start]),
        "length": _utf16(text[start:end]),
        "context": {"text": text[ctx_start:end + 20], "offset": _utf16(text[ctx_start:start]),
                    "length": _utf16(text[start:end])},
        "sentence": text[max(0, text.rfind("\n", 0, start)):end],
        "type": {"typeName": "Other"},
        "rule": {"id": rule_id, "description": message, "issueType": issue,
                 "category": {"id": category, "name": category.title()}},
        "ignoreForIncompleteSentence": False,
        "contextForSureMatch": 0,
    }


class FakeLanguageTool:
    """LanguageTool's HTTP API in miniature; records every /v2/check request."""

    def __init__(self, *, honour_disabled: bool = False):
        self.checks: list[dict[str, str]] = []
        self.honour_disabled = honour_disabled
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):  # keep test output clean
                pass

            def _form(self) -> dict[str, str]:
                query = urllib.parse.urlsplit(self.path).query
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length).decode("utf-8") if length else ""
                form = dict(urllib.parse.parse_qsl(query, keep_blank_values=True))
                form.update(urllib.parse.parse_qsl(body, keep_blank_values=True))
                return form

            def _send(self, status: int, payload) -> None:
                data = json.dumps(payload).encode("utf-8")
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def do_GET(self):
                self._route(self._form())

            def do_POST(self):
                self._route(self._form())

            def _route(self, form: dict[str, str]) -> None:
                path = urllib.parse.urlsplit(self.path).path
                if path == "/v2/languages":
                    self._send(200, _LANGUAGES)
                elif path == "/v2/check":
                    self._send(200, fake.check(form))
                else:
                    self._send(404, {"error": f"no such endpoint {path}"})

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def check(self, form: dict[str, str]) -> dict:
        self.checks.append(form)
        if "text" in form:
            text = form["text"]
        else:  # the `data` form: {"annotation": [{"text": ...}, {"markup": ...}]}
            text = "".join(part.get("text", "") for part in json.loads(form["data"])["annotation"])
        disabled = set(filter(None, form.get("disabledCategories", "").split(",")))
        matches = [_match(text, m.start(), m.end(), "The verb does not agree with 'he'.", "he goes",
                          "HE_VERB_AGR", "GRAMMAR", "grammar") for m in _GRAMMAR.finditer(text)]
        if not (self.honour_disabled and "TYPOS" in disabled):
            matches += [_match(text, m.start(), m.end(), "Possible spelling mistake found.", "the",
                               "MORFOLOGIK_RULE_EN_US", "TYPOS", "misspelling") for m in _TYPO.finditer(text)]
        matches.sort(key=lambda m: m["offset"])
        return {
            "software": {"name": "LanguageTool", "version": "6.4", "buildDate": "2024-03-28 10:00:00 +0000",
                         "apiVersion": 1, "premium": False, "status": ""},
            "warnings": {"incompleteResults": False},
            "language": {"name": "English (US)", "code": form.get("language", "en-US"),
                         "detectedLanguage": {"name": "English (US)", "code": "en-US", "confidence": 0.9}},
            "matches": matches,
        }

    @property
    def sent(self) -> list[str]:
        return [form["text"] for form in self.checks]

    def __enter__(self) -> "FakeLanguageTool":
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.server.shutdown()
        self.server.server_close()
        self.thread.join(timeout=5)


# --- helpers -------------------------------------------------------------------------------


@pytest.fixture(autouse=True)
def _fresh_plugin_state(monkeypatch):
    # The fake server is local: never route it through a proxy from the environment.
    monkeypatch.setenv("NO_PROXY", "127.0.0.1,localhost")
    monkeypatch.setenv("no_proxy", "127.0.0.1,localhost")
    lt_client.reset_state()
    yield
    lt_client.reset_state()


@pytest.fixture
def fake_lt():
    with FakeLanguageTool() as server:
        yield server


def _linter(options: dict | None = None, *, others: bool = False) -> Linter:
    registry = Registry()
    rule = newslint_languagetool.LanguageToolMatch()
    rule.source = "plugin newslint-languagetool"
    registry.add(rule)
    if others:
        registry.add(MissingSpaceAfterComma())
    registry.finish()
    mapping = {"rule-options": {"languagetool-match": options}} if options else {}
    return Linter(config_from_mapping(mapping, source="<test>"), registry=registry)


def _closed_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _position(text: str, needle: str, nth: int = 0) -> tuple[int, int]:
    offset = -1
    for _ in range(nth + 1):
        offset = text.index(needle, offset + 1)
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


ARTICLE = (
    "---\n"
    "title: he go draft\n"
    "---\n"
    "# Talks \U0001F91D resume in `Geneva` ##\n"
    "\n"
    "Officials met at [the summit](https://example.com/he-go/summit) and teh mood was **calm**.\n"
    "\n"
    "- Delegates run `he go build` before www.example.org/he-go opens\n"
    "- A *second* item with no error\n"
    "\n"
    "```\n"
    "he go inside a fence\n"
    "```\n"
    "\n"
    "| Name | Note |\n"
    "|------|------|\n"
    "| Ana  | he go fine |\n"
    "\n"
    "Sources \U0001F642 said he go to the talks on Monday, and he go home later.\n"
    "> A quote where\n"
    "> he go again.\n"
)


# --- tests -----------------------------------------------------------------------------------


def test_grammar_match_is_reported_at_the_right_line_and_column(fake_lt):
    result = _linter({"server": fake_lt.url}).lint_text(ARTICLE, "article.md")
    assert result.errors == []
    found = [(d.line, d.column, d.end_line, d.end_column, d.message) for d in result.diagnostics]
    message = "The verb does not agree with 'he'. (HE_VERB_AGR)"
    expected = []
    for needle, nth in (("| he go", 0), ("said he go", 0), ("and he go", 0), ("> he go", 0)):
        line, col = _position(ARTICLE, needle, nth)
        col += needle.index("he go")
        expected.append((line, col, line, col + 5, message))
    assert found == sorted(expected)
    # Line 19 is the paragraph with the emoji: LanguageTool counts it as two UTF-16 units.
    assert found[1][:2] == (19, 16)
    # Every finding carries LanguageTool's first suggestion as an unsafe fix.
    for d in result.diagnostics:
        assert d.code == "NL901" and d.name == "languagetool-match" and d.category == "grammar"
        assert d.severity.value == "warning"
        assert d.fix is not None and not d.fix.is_safe
        assert d.fix.edits[0].text == "he goes"
        assert d.data == {"languagetool": {"rule": "HE_VERB_AGR", "category": "GRAMMAR"}}
        assert ARTICLE[d.start:d.end] == "he go"


def test_only_masked_prose_is_sent_in_few_requests(fake_lt):
    _linter({"server": fake_lt.url}).lint_text(ARTICLE, "article.md")
    assert len(fake_lt.checks) == 1, "all paragraphs fit in one batched request"
    form = fake_lt.checks[0]
    sent = form["text"]
    assert form["language"] == "en-US"
    assert {"TYPOS", "CASING", "TYPOGRAPHY"} <= set(form["disabledCategories"].split(","))
    assert {"UPPERCASE_SENTENCE_START", "WHITESPACE_RULE", "EN_A_VS_AN", "ENGLISH_WORD_REPEAT_RULE",
            "MORFOLOGIK_RULE_EN_US", "COMMA_PARENTHESIS_WHITESPACE"} <= set(form["disabledRules"].split(","))
    # Code spans, fences, URLs, link destinations, front matter and markup never leave the machine.
    for secret in ("Geneva", "he go build", "inside a fence", "example", "https", "title:", "draft"):
        assert secret not in sent
    for markup in ("`", "#", "**", "*", "[", "](", "|", "---", ">", "- "):
        assert markup not in sent, f"{markup!r} was sent"
    assert sent.count("he go") == 4  # the table cell, two in the paragraph, one in the quote
    assert "Officials met at  the summit" in sent and "mood was   calm" in sent
    assert "Talks \U0001F91D resume in" in sent and "Delegates run" in sent and "Ana" in sent
    # Paragraphs are separated as LanguageTool expects, never glued into one sentence.
    assert "\n\n" in sent


def test_masked_copy_keeps_every_offset():
    doc = Document(ARTICLE, "article.md")
    masked = mask_document(doc)
    assert len(masked.masked) == len(ARTICLE)
    assert [i for i, c in enumerate(ARTICLE) if c == "\n"] == [i for i, c in enumerate(masked.masked) if c == "\n"]
    for unit in masked.units:
        assert masked.masked[unit.start:unit.end] == unit.text
        for i, ch in enumerate(unit.text):
            assert ch == " " or ch == ARTICLE[unit.start + i]


def test_typos_are_filtered_even_when_the_server_ignores_disabled_categories(fake_lt):
    result = _linter({"server": fake_lt.url}).lint_text("Officials said teh talks went well.\n", "a.txt")
    assert result.diagnostics == []
    # ...but the user may turn spelling on again by replacing the defaults.
    lt_client.reset_state()
    result = _linter({"server": fake_lt.url, "disabled-categories": [], "disabled-rules": []}).lint_text(
        "Officials said teh talks went well.\n", "a.txt")
    assert [d.message for d in result.diagnostics] == ["Possible spelling mistake found. (MORFOLOGIK_RULE_EN_US)"]


def test_unchanged_paragraphs_are_not_sent_again(fake_lt):
    linter = _linter({"server": fake_lt.url})
    text = "First he go out.\n\nSecond paragraph is fine.\n\nThird one too.\n"
    first = linter.lint_text(text, "a.md")
    assert len(fake_lt.checks) == 1
    again = linter.lint_text(text, "b.md")
    assert len(fake_lt.checks) == 1, "a cached document is not re-sent"
    assert [(d.line, d.column) for d in again.diagnostics] == [(d.line, d.column) for d in first.diagnostics] == [(1, 7)]
    edited = "# New heading\n\n" + text.replace("Third one too.", "Third he go too.")
    result = linter.lint_text(edited, "c.md")
    assert len(fake_lt.checks) == 2
    assert fake_lt.checks[1]["text"] == "New heading\n\nThird he go too."
    assert [(d.line, d.column) for d in result.diagnostics] == [(3, 7), (7, 7)]


def test_no_server_configured_reports_one_line_and_nothing_else(capsys):
    linter = _linter()
    for _ in range(3):
        result = linter.lint_text("Sources said he go home.\n", "a.txt")
        assert result.diagnostics == [] and result.errors == []
    err = capsys.readouterr().err
    assert err == ("newslint-languagetool: no LanguageTool server configured; set "
                   "rule-options.languagetool-match.server (or local-path) to enable NL901\n")


def test_unreachable_server_reports_one_line_and_other_rules_still_run(capsys):
    linter = _linter({"server": f"http://127.0.0.1:{_closed_port()}", "timeout": 2}, others=True)
    for name in ("a.txt", "b.txt"):
        result = linter.lint_text("Talks,despite the rain, he go home.\n", name)
        assert result.errors == []
        assert [d.code for d in result.diagnostics] == ["NL201"]
    lines = capsys.readouterr().err.splitlines()
    assert len(lines) == 1, lines
    assert lines[0].startswith("newslint-languagetool: LanguageTool server http://127.0.0.1:")
    assert "unreachable" in lines[0] and "other rules still run" in lines[0]


def test_server_dying_mid_run_reports_one_line(capsys):
    server = FakeLanguageTool()
    server.__enter__()
    linter = _linter({"server": server.url, "timeout": 2}, others=True)
    assert [d.code for d in linter.lint_text("One,two he go.\n", "a.txt").diagnostics] == ["NL201", "NL901"]
    server.__exit__(None, None, None)
    for name in ("b.txt", "c.txt"):
        result = linter.lint_text("Three,four he go there.\n", name)
        assert result.errors == [] and [d.code for d in result.diagnostics] == ["NL201"]
    lines = capsys.readouterr().err.splitlines()
    assert len(lines) == 1 and "failed" in lines[0], lines


def test_local_path_without_languagetool_does_not_download(tmp_path, capsys, monkeypatch):
    import language_tool_python.download_lt as download_lt

    def refuse(*args, **kwargs):  # pragma: no cover - must never run
        raise AssertionError("tried to download LanguageTool")

    monkeypatch.setattr(download_lt.LocalLanguageTool, "_get_remote_zip", refuse)
    result = _linter({"local-path": str(tmp_path)}).lint_text("Sources said he go home.\n", "a.txt")
    assert result.diagnostics == [] and result.errors == []
    lines = capsys.readouterr().err.splitlines()
    assert len(lines) == 1 and "no languagetool-server.jar" in lines[0] and "not downloading" in lines[0]


@pytest.mark.skipif(os.name == "nt", reason="the stand-in java is a shebang script")
def test_local_path_starts_the_folders_server(tmp_path, monkeypatch):
    """`local-path` runs `java -cp languagetool-server.jar ... -p PORT`; a stand-in `java` serves the fake API."""
    folder = tmp_path / "LanguageTool-6.4"
    folder.mkdir()
    (folder / "languagetool-server.jar").write_bytes(b"not really a jar")
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    java = bin_dir / "java"
    java.write_text(
        f"#!{sys.executable}\n"
        "import sys, runpy\n"
        "args = sys.argv[1:]\n"
        "assert args[0] == '-cp' and args[1].endswith('languagetool-server.jar'), args\n"
        "assert args[2] == 'org.languagetool.server.HTTPServer' and args[3] == '-p', args\n"
        f"sys.argv = [{str(Path(__file__))!r}, args[4]]\n"
        f"runpy.run_path({str(Path(__file__))!r}, run_name='__fake_languagetool__')\n"
    )
    java.chmod(0o755)
    monkeypatch.setenv("PATH", f"{bin_dir}{os.pathsep}{os.environ.get('PATH', '')}")
    try:
        result = _linter({"local-path": str(tmp_path)}).lint_text("Sources said he go home.\n", "a.txt")
        assert [(d.line, d.column, d.code) for d in result.diagnostics] == [(1, 14, "NL901")]
    finally:
        lt_client._stop_local_servers()


def test_rule_metadata_and_documentation():
    rule = newslint_languagetool.LanguageToolMatch()
    assert (rule.code, rule.name, rule.category, rule.severity.value) == ("NL901", "languagetool-match", "grammar",
                                                                         "warning")
    assert rule.default_enabled and rule.fix_applicability == "unsafe"
    for section in ("What it does:", "Why is this bad?", "Fix safety:", "Options:"):
        assert section in rule.documentation
    assert set(rule.options) == {"server", "local-path", "language", "disabled-categories", "disabled-rules",
                                 "timeout"}


def test_unknown_option_is_rejected():
    from newslint.errors import ConfigError

    with pytest.raises(ConfigError, match="unknown option 'sever'; did you mean 'server'"):
        _linter({"sever": "http://127.0.0.1:1"})


def test_entry_point_and_cli_in_a_subprocess(tmp_path, fake_lt):
    """The plugin's entry point (as declared in its pyproject) makes NL901 appear in `newslint check`."""
    project = tomllib.loads((PLUGIN_DIR / "pyproject.toml").read_text())
    entry_points = project["project"]["entry-points"]["newslint"]
    assert entry_points == {"languagetool": "newslint_languagetool"}
    site = tmp_path / "site"
    dist_info = site / "newslint_languagetool-0.1.0.dist-info"
    dist_info.mkdir(parents=True)
    (dist_info / "METADATA").write_text("Metadata-Version: 2.1\nName: newslint-languagetool\nVersion: 0.1.0\n")
    (dist_info / "entry_points.txt").write_text(
        "[newslint]\n" + "".join(f"{k} = {v}\n" for k, v in entry_points.items()))
    (tmp_path / "newslint.toml").write_text(f'[rule-options.languagetool-match]\nserver = "{fake_lt.url}"\n')
    (tmp_path / "a.md").write_text("# Title\n\nSources said he go home.\n")
    env = dict(os.environ, NO_COLOR="1", NO_PROXY="127.0.0.1,localhost",
               PYTHONPATH=os.pathsep.join([str(site), str(PLUGIN_DIR), os.environ.get("PYTHONPATH", "")]))
    rules = subprocess.run([sys.executable, "-m", "newslint", "rules", "--format", "json"], cwd=tmp_path, env=env,
                           capture_output=True, text=True, timeout=120)
    assert rules.returncode == 0, rules.stderr
    row = next(r for r in json.loads(rules.stdout) if r["code"] == "NL901")
    assert row["name"] == "languagetool-match" and row["source"] == "plugin newslint-languagetool"
    check = subprocess.run([sys.executable, "-m", "newslint", "check", "--no-cache", "--format", "json", "a.md"],
                           cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120)
    assert check.stderr == ""
    diagnostics = [d for f in json.loads(check.stdout)["files"] for d in f["diagnostics"]]
    hits = [(d["line"], d["column"]) for d in diagnostics if d["code"] == "NL901"]
    assert hits == [(3, 14)]


if __name__ == "__fake_languagetool__":  # run by the stand-in `java` above
    _server = FakeLanguageTool()
    _server.server.server_close()
    _server.server = ThreadingHTTPServer(("127.0.0.1", int(sys.argv[1])), _server.server.RequestHandlerClass)
    _server.server.serve_forever()
