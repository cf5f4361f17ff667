"""The HTML report: structure, escaping and highlighting (html.parser), the CLI, and a real headless Chromium."""

from __future__ import annotations

import io
import json
import os
import shutil
import subprocess
import tracemalloc
from html.parser import HTMLParser
from pathlib import Path

import pytest

from newslint.diagnostic import Diagnostic, Severity
from newslint.engine import FileResult
from newslint.output.base import OutputOptions, RunSummary
from newslint.output.html import HtmlFormatter

from conftest import FIXTURES, ROOT, run_cli

ARTIFACTS = ROOT / "tests" / "artifacts"
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


# ---------------------------------------------------------------------------------------------
# helpers


def _position(text: str, offset: int) -> tuple[int, int]:
    """1-based line/column in code points, lines split at LF (as Document does for CRLF text too)."""
    before = text[:offset]
    line = before.count("\n") + 1
    return line, offset - (before.rfind("\n") + 1) + 1


def diag(text: str, start: int, end: int, code: str = "NL201", severity: Severity = Severity.WARNING,
         message: str = "msg", path: str = "a.txt", category: str = "style", name: str = "rule-name") -> Diagnostic:
    line, col = _position(text, start)
    end_line, end_col = _position(text, end)
    return Diagnostic(path, line, col, end_line, end_col, code, name, severity, message, category, None, start, end)


def result(path: str, text: str, diags: list[Diagnostic], score: float = 72.5) -> FileResult:
    return FileResult(path, diagnostics=sorted(diags, key=Diagnostic.sort_key), words=len(text.split()),
                      score=score, text=text)


def render(results: list[FileResult], errors: list[str] | None = None) -> str:
    buf = io.StringIO()
    fmt = HtmlFormatter(buf, None, OutputOptions())
    summary = RunSummary()
    fmt.start()
    for r in results:
        summary.add(r)
        summary.scores[r.path] = r.score
        fmt.file(r)
    summary.errors.extend(errors or [])
    fmt.finish(summary)
    return buf.getvalue()


def display(text: str) -> tuple[str, list[int]]:
    """What a browser shows for `text` (CRLF/CR -> LF) and a map from text offsets to display offsets."""
    shown: list[str] = []
    pos = [0] * (len(text) + 1)
    for i, ch in enumerate(text):
        pos[i] = len(shown)
        if ch == "\r":
            if i + 1 < len(text) and text[i + 1] == "\n":
                continue
            ch = "\n"
        shown.append(ch)
    pos[len(text)] = len(shown)
    return "".join(shown), pos


class Page(HTMLParser):
    """Checks nesting as it parses and collects what the tests look at."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, dict]] = []
        self.errors: list[str] = []
        self.scripts = 0
        self.external: list[str] = []
        self.articles: list[dict] = []
        self.marks: dict[str, dict] = {}  # id -> attrs + collected text (fragments included)
        self.frags: list[dict] = []
        self.ids: list[str] = []
        self.hrefs: list[str] = []
        self.by_id_text: dict[str, str] = {}
        self._capture: list[str] = []  # ids whose text we collect
        self.article_text: dict[str, list[str]] = {}
        self.items: list[dict] = []
        self.tags_in_text: set[str] = set()

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if "id" in a:
            self.ids.append(a["id"])
        if tag == "script":
            self.scripts += 1
            if "src" in a:
                self.external.append(a["src"])
        if tag in ("link", "img", "iframe", "object", "embed") and (a.get("href") or a.get("src")):
            self.external.append(a.get("href") or a.get("src"))
        if tag == "a" and "href" in a:
            self.hrefs.append(a["href"])
        classes = (a.get("class") or "").split()
        if any(t == "div" and "nl-text" in (x.get("class") or "").split() for t, x in self.stack):
            self.tags_in_text.add(tag)
        if tag == "section" and "nl-article" in classes:
            self.articles.append(a)
        if tag == "li" and "nl-item" in classes:
            self.items.append(a)
        if tag == "div" and "nl-text" in classes:
            self.article_text[self.articles[-1]["data-path"]] = []
        if tag == "mark" and "nl-finding" in classes:
            self.marks[a["id"]] = {**a, "text": "", "article": self.articles[-1]["data-path"]}
        if tag == "mark" and "nl-frag" in classes:
            self.frags.append(a)
        if tag in VOID:
            return
        self.stack.append((tag, a))

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in VOID:
            self.stack.pop()

    def handle_endtag(self, tag):
        if tag in VOID:
            return
        if not self.stack:
            self.errors.append(f"stray </{tag}>")
            return
        top, _ = self.stack.pop()
        if top != tag:
            self.errors.append(f"</{tag}> closes <{top}>")

    def handle_data(self, data):
        in_text = None
        for tag, a in self.stack:
            if tag == "div" and "nl-text" in (a.get("class") or "").split():
                in_text = True
            if tag == "mark":
                ref = a.get("id") or a.get("data-ref")
                if ref in self.marks:
                    self.marks[ref]["text"] += data
        if in_text and self.articles:
            self.article_text[self.articles[-1]["data-path"]].append(data)


def parse(page: str) -> Page:
    p = Page()
    p.feed(page)
    p.close()
    assert not p.errors, p.errors[:5]
    assert [t for t, _ in p.stack] == [], "unclosed elements"
    return p


TRICKY = (
    "Headline <script>alert(1)</script> & \"quotes\"\r\n"
    "Second line with emoji 🎉🇺🇦 and ukraine,russia.\r\n"
    "\r\n"
    "Last paragraph ends here"
)


def tricky_result() -> tuple[FileResult, list[tuple[int, int]]]:
    t = TRICKY
    s_script = t.index("<script>")
    s_emoji = t.index("🎉")
    s_ukr = t.index("ukraine")
    spans = [
        (s_script, t.index("</script>") + len("</script>")),  # contains markup
        (s_script + 3, s_script + 20),  # crosses the first one's end? no: nested inside
        (t.index("alert"), t.index("&") + 1),  # crosses out of the script span
        (s_emoji, s_emoji + 3),  # astral characters and a flag sequence
        (s_ukr, s_ukr + len("ukraine,")),
        (s_ukr + len("ukraine"), s_ukr + len("ukraine,russia")),  # crosses the previous one
        (s_ukr + len("ukraine,"), s_ukr + len("ukraine,")),  # zero-width inside both
        (t.index("\r\n"), t.index("\r\n") + 2),  # just the line break
        (t.index("\r\n") - 1, t.index("\r\n") + 1),  # ends between CR and LF
        (len(t) - 4, len(t)),  # at the end of the text
        (len(t), len(t)),  # zero-width at the very end
    ]
    sevs = [Severity.ERROR, Severity.WARNING, Severity.INFO]
    diags = [diag(t, s, e, code=f"NL{100 + k}", severity=sevs[k % 3], message=f"<b>m{k}</b> & 'x'",
                  path="dir/<odd> & \"name\".txt", category=["style", "case", "<cat>"][k % 3])
             for k, (s, e) in enumerate(spans)]
    return result("dir/<odd> & \"name\".txt", t, diags, score=41.3), spans


# ---------------------------------------------------------------------------------------------
# unit level


def test_structure_escaping_and_counts():
    tricky, spans = tricky_result()
    clean = result("clean.txt", "Nothing to see here.\n", [], score=100.0)
    page = render([tricky, clean])
    p = parse(page)

    # Escaping: the only script is the report's own, no raw markup from the article or messages.
    assert p.scripts == 1
    assert "<script>alert(1)" not in page and "<b>m0</b>" not in page and "<odd>" not in page
    assert p.tags_in_text <= {"mark"}, p.tags_in_text
    assert p.external == []
    assert "Content-Security-Policy" in page

    # Articles and counts.
    assert [a["data-path"] for a in p.articles] == ['dir/<odd> & "name".txt', "clean.txt"]
    assert [int(a["data-findings"]) for a in p.articles] == [len(spans), 0]
    assert len(p.marks) == len(spans)
    assert len(p.items) == len(spans)
    assert len(set(p.ids)) == len(p.ids), "ids must be unique"
    for mark_id in p.marks:
        assert f"#{mark_id}" in p.hrefs
    for frag in p.frags:
        assert frag["data-ref"] in p.marks

    # Data attributes match the diagnostics.
    by_id = {m["id"]: m for m in p.marks.values()}
    for k, d in enumerate(tricky.diagnostics):
        m = by_id[f"nl-f1-{k + 1}"]
        assert (m["data-code"], int(m["data-line"]), int(m["data-column"])) == (d.code, d.line, d.column)
        assert d.message in m["title"]
        assert m["data-severity"] == d.severity.value

    # The article's text survives intact (CRLF -> LF as a browser would show it) ...
    shown, pos = display(TRICKY)
    assert "".join(p.article_text[tricky.path]) == shown
    assert "".join(p.article_text["clean.txt"]) == "Nothing to see here.\n"
    # ... and every highlight (with its split fragments) covers exactly its finding's span.
    for k, d in enumerate(tricky.diagnostics):
        assert by_id[f"nl-f1-{k + 1}"]["text"] == shown[pos[d.start]:pos[d.end]], d
    zero = [m for m in p.marks.values() if "nl-zero" in m["class"].split()]
    assert len(zero) == 2 and all(m["text"] == "" for m in zero)
    assert any(frag for frag in p.frags), "crossing findings should produce split fragments"

    # Summary counts.
    def text_of(ident: str) -> str:
        start = page.index(f'id="{ident}"')
        return page[page.index(">", start) + 1:page.index("<", start)]

    assert text_of("nl-total-findings") == str(len(spans))
    assert text_of("nl-total-files") == "2"
    assert text_of("nl-total-error") == str(sum(1 for d in tricky.diagnostics if d.severity is Severity.ERROR))
    assert text_of("nl-total-info") == str(sum(1 for d in tricky.diagnostics if d.severity is Severity.INFO))
    assert 'id="nl-chart-category"' in page and 'id="nl-chart-file"' in page
    assert "&lt;cat&gt;" in page  # category labels in the chart are escaped too
    assert "41.3" in page and "100" in page  # scores
    rule_toggles = page.count('class="nl-rule-toggle"')
    assert rule_toggles == len({d.code for d in tricky.diagnostics})


def test_summary_comes_first_and_run_errors_are_shown():
    r, _ = tricky_result()
    page = render([r], errors=["missing.txt: no such file or directory <x>"])
    assert page.index('id="nl-total-findings"') < page.index('class="nl-article"')
    assert page.index('class="nl-toolbar"') < page.index('class="nl-article"')
    assert "missing.txt: no such file or directory &lt;x&gt;" in page
    parse(page)


def test_file_without_text_or_with_errors():
    t = "abc def"
    r = FileResult("bin.dat", errors=["bin.dat: looks like a binary file"])
    r2 = FileResult("x.txt", diagnostics=[diag(t, 0, 3, path="x.txt")], words=2, score=90.0, text=None)
    page = render([r, r2])
    p = parse(page)
    assert "looks like a binary file" in page
    assert [int(a["data-findings"]) for a in p.articles] == [0, 1]
    assert len(p.items) == 1


def test_empty_run():
    page = render([])
    p = parse(page)
    assert p.articles == []
    assert 'id="nl-total-findings">0<' in page


def test_streams_without_holding_texts():
    """5,000-file runs: the formatter keeps no article text; memory stays flat while articles stream out."""
    body = ("The minister said the plan, which critics call vague, would start soon. " * 400) + "\n"
    out = open(os.devnull, "w", encoding="utf-8")
    fmt = HtmlFormatter(out, None, OutputOptions())
    summary = RunSummary()
    fmt.start()
    n = 400
    tracemalloc.start()
    try:
        for i in range(n):
            text = f"{i} " + body  # ~29 kB each, ~12 MB in all
            at = text.index("plan,")
            r = result(f"batch/{i:05d}.txt", text, [diag(text, at + 4, at + 5, path=f"batch/{i:05d}.txt")])
            summary.add(r)
            fmt.file(r)
            del r, text
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    fmt.finish(summary)
    out.close()
    assert peak < 4_000_000, f"peak {peak:,} bytes: article texts are being kept"
    assert not any(isinstance(v, str) and len(v) > 10_000 for v in vars(fmt).values())


# ---------------------------------------------------------------------------------------------
# end to end: CLI, then a real headless Chromium


def _chromium() -> str | None:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    return "/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else None


CHROMIUM = _chromium()
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync",
                  "--disable-dev-shm-usage", "--hide-scrollbars"]


@pytest.fixture(scope="module")
def seed_report(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("html")
    seed = FIXTURES / "seed-article.txt"
    out = tmp / "report.html"
    proc = run_cli("check", "--format", "html", "--output-file", str(out), str(seed), timeout=120)
    assert proc.returncode in (0, 1), proc.stderr.decode()
    assert out.exists() and out.stat().st_size > 10_000
    js = run_cli("check", "--format", "json", str(seed), timeout=120)
    assert js.returncode in (0, 1), js.stderr.decode()
    return tmp, out, json.loads(js.stdout)


def test_cli_html_matches_json(seed_report):
    _, out, report = seed_report
    page = out.read_text(encoding="utf-8")
    p = parse(page)
    findings = report["summary"]["findings"]
    assert findings > 0
    assert len(p.marks) == findings == len(report["files"][0]["diagnostics"])
    assert [int(a["data-findings"]) for a in p.articles] == [findings]
    want = sorted((d["code"], d["line"], d["column"]) for d in report["files"][0]["diagnostics"])
    got = sorted((m["data-code"], int(m["data-line"]), int(m["data-column"])) for m in p.marks.values())
    assert got == want
    seed_text = (FIXTURES / "seed-article.txt").read_text(encoding="utf-8")
    assert "".join(p.article_text[p.articles[0]["data-path"]]) == display(seed_text)[0]


def _run_chromium(tmp: Path, *args: str) -> subprocess.CompletedProcess:
    profile = tmp / f"chromium-profile-{len(list(tmp.glob('chromium-profile-*')))}"
    env = dict(os.environ, HOME=str(tmp))
    return subprocess.run([CHROMIUM, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", *args],
                          capture_output=True, timeout=120, env=env, cwd=tmp)


@pytest.mark.skipif(CHROMIUM is None, reason="Chromium not installed (apt-get install chromium); "
                                                "the headless-browser check of the HTML report is skipped")
def test_report_in_headless_chromium(seed_report):
    tmp, out, report = seed_report
    findings = report["summary"]["findings"]

    proc = _run_chromium(tmp, "--dump-dom", out.resolve().as_uri())
    assert proc.returncode == 0, proc.stderr.decode(errors="replace")[-2000:]
    dom = proc.stdout.decode("utf-8")
    p = Page()
    p.feed(dom)
    html_at = dom.index("<html")
    root = dom[html_at:dom.index(">", html_at) + 1]
    assert 'data-nl-ready="1"' in root, "the report's script did not run (CSP hash or JS error?)"
    assert len(p.marks) == findings
    assert len(p.items) == findings
    i = dom.index('id="nl-total-findings"')
    assert dom[dom.index(">", i) + 1:dom.index("<", i)] == str(findings)
    i = dom.index('id="nl-shown"')
    assert dom[dom.index(">", i) + 1:dom.index("<", i)] == f"Showing {findings} of {findings} findings"

    # The filter script: a #hide= link hides a rule and a severity, and the counter follows.
    nl201 = report["summary"]["by_rule"]["NL201"]
    errors = report["summary"]["by_severity"].get("error", 0)
    assert nl201 and errors
    proc = _run_chromium(tmp, "--dump-dom", out.resolve().as_uri() + "#hide=NL201,error")
    assert proc.returncode == 0, proc.stderr.decode(errors="replace")[-2000:]
    dom = proc.stdout.decode("utf-8")
    i = dom.index('id="nl-filter-style"')
    style = dom[dom.index(">", i) + 1:dom.index("</style>", i)]
    assert '[data-code="NL201"]' in style and '[data-severity="error"]' in style
    severity_of = {d["code"]: d["severity"] for d in report["files"][0]["diagnostics"]}
    hidden = errors + (nl201 if severity_of["NL201"] != "error" else 0)
    i = dom.index('id="nl-shown"')
    assert dom[dom.index(">", i) + 1:dom.index("<", i)] == f"Showing {findings - hidden} of {findings} findings"

    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    shot = ARTIFACTS / "html-report.png"
    if shot.exists():
        shot.unlink()
    proc = _run_chromium(tmp, f"--screenshot={shot}", "--window-size=1280,2000", out.resolve().as_uri())
    assert proc.returncode == 0, proc.stderr.decode(errors="replace")[-2000:]
    assert shot.exists()
    data = shot.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    assert len(data) > 50_000, "screenshot is suspiciously small (blank page?)"
    shutil.copy(out, ARTIFACTS / "html-report.html")
