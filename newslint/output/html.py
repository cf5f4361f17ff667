"""Self-contained HTML report: one page per run, with every article and its findings highlighted in place.

`newslint check --format html --output-file report.html`

The page has no external resources: CSS and JS are inline, the charts are
inline SVG, and a Content-Security-Policy forbids every network fetch and
every script except the report's own (pinned by its SHA-256), so even a
mistake in escaping could not run a script smuggled in through article text.

Streaming: each article is rendered in `file()` as it arrives and written to
a temporary spool file; only small per-file aggregates (path, counts, score)
stay in memory. `finish()` writes the head and the run summary, then copies the
spool through in chunks. That keeps the summary at the top of the document in
DOM order (so it reads, prints and works with screen readers and without CSS
the way it looks) at the cost of writing the articles twice to disk, which is
cheap compared with holding 5,000 article texts in memory.

Overlapping findings are rendered as properly nested `<mark>` elements: each
finding gets exactly one `mark.nl-finding` (its first fragment, carrying the
id and data attributes); where two findings cross rather than nest, the one
that must close early is split, and its later pieces are `mark.nl-frag`
elements pointing back with `data-ref`. Zero-width findings are empty marks
with a CSS marker (`::before`), so the article's text content is unchanged.
"""

from __future__ import annotations

import base64
import hashlib
import html
import shutil
import tempfile
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime, timezone

from .._version import __version__
from ..diagnostic import Diagnostic
from ..engine import FileResult
from .base import Formatter, RunSummary

SEVERITIES = ("error", "warning", "info")
#: Files shown in the "most findings" chart; the table below it lists every file.
TOP_FILES = 15
#: The files table starts open up to this many files.
OPEN_TABLE_UNDER = 40


def _esc(s: object) -> str:
    return html.escape(str(s), quote=True)


def _plural(n: int, word: str) -> str:
    return f"{n:,} {word}{'' if n == 1 else 's'}"


def _score_class(score: float | None) -> str:
    if score is None:
        return "nl-score-na"
    if score >= 80:
        return "nl-score-good"
    if score >= 50:
        return "nl-score-fair"
    return "nl-score-poor"


def _fmt_score(score: float | None) -> str:
    if score is None:
        return "–"
    return f"{score:.0f}" if float(score).is_integer() else f"{score:.1f}"


# --------------------------------------------------------------------------------------------
# Highlighting


class _TextRenderer:
    """Renders `text` with findings as nested marks; CRLF/CR become LF as the HTML parser would."""

    def __init__(self, text: str):
        self.text = text
        self.n = len(text)

    def segment(self, a: int, b: int) -> str:
        if a >= b:
            return ""
        chunk = self.text[a:b]
        if chunk.endswith("\r") and b < self.n and self.text[b] == "\n":
            chunk = chunk[:-1]  # the LF after the boundary becomes the line break
        if "\r" in chunk:
            chunk = chunk.replace("\r\n", "\n").replace("\r", "\n")
        if "\x00" in chunk:
            chunk = chunk.replace("\x00", "\ufffd")
        return html.escape(chunk, quote=False)

    def render(self, diags: list[Diagnostic], ids: list[str], open_tag, frag_tag) -> str:
        """`open_tag(i)` is the first (counted) mark of finding i, `frag_tag(i)` a continuation."""
        n = self.n
        starts: dict[int, list[int]] = {}
        zero: dict[int, list[int]] = {}
        ends: dict[int, list[int]] = {}
        for i, d in enumerate(diags):
            s = min(max(d.start, 0), n)
            e = min(max(d.end, s), n)
            if s == e:
                zero.setdefault(s, []).append(i)
            else:
                starts.setdefault(s, []).append(i)
                ends.setdefault(e, []).append(i)
        end_of = {i: min(max(d.end, 0), n) for i, d in enumerate(diags)}
        bounds = sorted(set(starts) | set(ends) | set(zero) | {0, n})
        out: list[str] = []
        stack: list[int] = []  # open findings, outermost first
        for k, p in enumerate(bounds):
            reopen: list[int] = []
            closing = [j for j, i in enumerate(stack) if end_of[i] == p]
            if closing:
                cut = closing[0]
                for i in reversed(stack[cut:]):
                    out.append("</mark>")
                reopen = [i for i in stack[cut:] if end_of[i] != p]
                del stack[cut:]
            for i in zero.get(p, ()):
                out.append(open_tag(i, zero_width=True) + "</mark>")
            fresh = starts.get(p, [])
            # Longest first, so the outer mark is the one that lasts longest and splits stay rare.
            for i in sorted(reopen + fresh, key=lambda i: (-end_of[i], i)):
                out.append(frag_tag(i) if i in reopen else open_tag(i, zero_width=False))
                stack.append(i)
            if k + 1 < len(bounds):
                out.append(self.segment(p, bounds[k + 1]))
        for _ in stack:  # only when offsets were out of range
            out.append("</mark>")
        return "".join(out)


# --------------------------------------------------------------------------------------------
# Charts


def _bar_chart(rows: list[tuple[str, str, dict[str, int]]], *, chart_id: str, label_width: int = 190) -> str:
    """Horizontal stacked bars (one segment per severity). rows: (label, href, {severity: count})."""
    if not rows:
        return '<p class="nl-empty">No findings.</p>'
    width, bar_h, gap = 640, 20, 8
    bar_x = label_width + 10
    bar_w = width - bar_x - 50
    top = max(sum(c.values()) for _, _, c in rows) or 1
    height = len(rows) * (bar_h + gap) + gap
    parts = [f'<svg id="{_esc(chart_id)}" class="nl-chart" viewBox="0 0 {width} {height}" role="img" '
             f'aria-label="bar chart" xmlns="http://www.w3.org/2000/svg">']
    for r, (label, href, counts) in enumerate(rows):
        y = gap + r * (bar_h + gap)
        total = sum(counts.values())
        shown = label if len(label) <= 30 else "…" + label[-29:]
        text = f'<text class="nl-chart-label" x="{label_width}" y="{y + bar_h * 0.7:.1f}" text-anchor="end">' \
               f'<title>{_esc(label)}</title>{_esc(shown)}</text>'
        parts.append(f'<a href="{_esc(href)}">{text}</a>' if href else text)
        x = float(bar_x)
        for sev in SEVERITIES:
            c = counts.get(sev, 0)
            if not c:
                continue
            w = max(bar_w * c / top, 1.5)
            parts.append(f'<rect class="nl-bar nl-bar-{sev}" x="{x:.1f}" y="{y}" width="{w:.1f}" height="{bar_h}" '
                         f'rx="3"><title>{_esc(label)}: {c} {sev}</title></rect>')
            x += w
        parts.append(f'<text class="nl-chart-value" x="{x + 6:.1f}" y="{y + bar_h * 0.7:.1f}">{total}</text>')
    parts.append("</svg>")
    return "".join(parts)


# --------------------------------------------------------------------------------------------
# Page furniture

_CSS = """
:root{--bg:#f6f7f9;--panel:#fff;--ink:#1f2328;--muted:#59636e;--line:#d8dee4;--accent:#1f4e8c;
--err:#cf222e;--err-bg:rgba(207,34,46,.14);--warn:#b07c00;--warn-bg:rgba(234,170,0,.24);
--info:#0969da;--info-bg:rgba(9,105,218,.13);--good:#1a7f37;--fair:#b07c00;--poor:#cf222e;
--sans:system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,"Noto Sans",sans-serif;
--serif:Charter,"Bitstream Charter","Sitka Text",Cambria,Georgia,"Noto Serif","DejaVu Serif",serif;
--mono:ui-monospace,SFMono-Regular,"SF Mono",Menlo,Consolas,"DejaVu Sans Mono",monospace}
*{box-sizing:border-box}
html{scroll-padding-top:64px}
body{margin:0;background:var(--bg);color:var(--ink);font:15px/1.5 var(--sans)}
a{color:var(--accent)}
code,.nl-code{font-family:var(--mono);font-size:.86em}
.nl-masthead{background:#172033;color:#e8edf5;padding:20px 32px 18px}
.nl-masthead h1{margin:0;font-size:22px;font-weight:650;letter-spacing:.2px}
.nl-masthead h1 span{color:#8fb3e8;font-weight:500}
.nl-masthead p{margin:4px 0 0;color:#aab6c8;font-size:13px}
main{max-width:1400px;margin:0 auto;padding:20px 32px 48px}
.nl-cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(140px,1fr));gap:12px;margin-bottom:18px}
.nl-card{background:var(--panel);border:1px solid var(--line);border-radius:10px;padding:12px 16px}
.nl-card .nl-num{display:block;font-size:28px;font-weight:650;line-height:1.15;font-variant-numeric:tabular-nums}
.nl-card .nl-lbl{color:var(--muted);font-size:12px;text-transform:uppercase;letter-spacing:.06em}
.nl-card.nl-sev-error .nl-num{color:var(--err)}.nl-card.nl-sev-warning .nl-num{color:var(--warn)}
.nl-card.nl-sev-info .nl-num{color:var(--info)}
.nl-card.nl-zero-count .nl-num{color:#8c959f}
.nl-card.nl-sev-error{border-top:3px solid var(--err)}.nl-card.nl-sev-warning{border-top:3px solid var(--warn)}
.nl-card.nl-sev-info{border-top:3px solid var(--info)}
.nl-panels{display:grid;grid-template-columns:repeat(auto-fit,minmax(420px,1fr));gap:16px;margin-bottom:16px}
.nl-panel{background:var(--panel);border:1px solid var(--line);border-radius:10px;padding:14px 18px}
.nl-panel h2{font-size:13px;text-transform:uppercase;letter-spacing:.07em;color:var(--muted);margin:0 0 8px;font-weight:600}
.nl-chart{width:100%;height:auto;display:block}
.nl-chart-label{font:12.5px var(--sans);fill:var(--ink)}
.nl-chart a .nl-chart-label{fill:var(--accent)}
.nl-chart-value{font:600 12px var(--sans);fill:var(--muted)}
.nl-bar-error{fill:var(--err)}.nl-bar-warning{fill:#e0a800}.nl-bar-info{fill:var(--info)}
.nl-legend{display:flex;gap:14px;font-size:12px;color:var(--muted);margin-top:6px}
.nl-legend i{display:inline-block;width:10px;height:10px;border-radius:2px;margin-right:5px;vertical-align:-1px}
.nl-sw-error{background:var(--err)}.nl-sw-warning{background:#e0a800}.nl-sw-info{background:var(--info)}
.nl-empty{color:var(--muted);margin:4px 0}
table.nl-files{width:100%;border-collapse:collapse;font-size:13.5px;font-variant-numeric:tabular-nums}
table.nl-files th,table.nl-files td{padding:5px 8px;border-bottom:1px solid #eaeef2;text-align:right}
table.nl-files th{color:var(--muted);font-weight:600;font-size:12px;text-transform:uppercase;letter-spacing:.05em}
table.nl-files th:first-child,table.nl-files td:first-child{text-align:left;word-break:break-all}
details>summary{cursor:pointer}
.nl-run-errors{background:#fff5f5;border:1px solid #f5c2c7;border-radius:10px;padding:10px 16px;margin-bottom:16px}
.nl-run-errors h2{color:var(--err)}
.nl-toolbar{position:sticky;top:0;z-index:10;background:rgba(246,247,249,.96);backdrop-filter:blur(4px);
border-bottom:1px solid var(--line);margin:0 -32px 16px;padding:8px 32px;display:flex;flex-wrap:wrap;
gap:8px 18px;align-items:center;font-size:13.5px}
.nl-toolbar b{font-weight:600;color:var(--muted);text-transform:uppercase;font-size:11.5px;letter-spacing:.06em}
.nl-toolbar label{cursor:pointer;user-select:none;white-space:nowrap}
.nl-toolbar details{position:relative}
.nl-toolbar details>summary{list-style:none;border:1px solid var(--line);background:#fff;border-radius:6px;padding:3px 10px}
.nl-toolbar details>summary::-webkit-details-marker{display:none}
.nl-rule-menu{position:absolute;top:calc(100% + 6px);left:0;background:#fff;border:1px solid var(--line);border-radius:10px;
box-shadow:0 8px 24px rgba(0,0,0,.12);padding:10px 12px;width:min(760px,90vw);max-height:60vh;overflow:auto}
.nl-rule-menu .nl-rule-grid{display:grid;grid-template-columns:repeat(auto-fill,minmax(230px,1fr));gap:4px 14px}
.nl-rule-menu label{display:flex;gap:6px;align-items:baseline;overflow:hidden;text-overflow:ellipsis}
.nl-rule-menu .nl-count{margin-left:auto;color:var(--muted)}
.nl-rule-menu .nl-actions{display:flex;gap:8px;margin-bottom:8px}
button{font:inherit;font-size:12.5px;border:1px solid var(--line);background:#fff;border-radius:6px;padding:2px 10px;cursor:pointer}
#nl-shown{margin-left:auto;color:var(--muted)}
.nl-dot{display:inline-block;width:8px;height:8px;border-radius:50%;vertical-align:1px}
.nl-dot-error{background:var(--err)}.nl-dot-warning{background:#e0a800}.nl-dot-info{background:var(--info)}
.nl-article{background:var(--panel);border:1px solid var(--line);border-radius:12px;margin:0 0 20px;
content-visibility:auto;contain-intrinsic-size:auto 900px}
.nl-article>header{display:flex;flex-wrap:wrap;align-items:center;gap:8px 16px;padding:12px 20px;border-bottom:1px solid var(--line)}
.nl-article h2{font-size:16px;margin:0;font-weight:600;word-break:break-all;flex:1 1 300px}
.nl-meta{display:flex;gap:10px;align-items:center;color:var(--muted);font-size:13px;font-variant-numeric:tabular-nums}
.nl-pill{border-radius:999px;padding:1px 9px;font-size:12px;font-weight:600}
.nl-pill-error{background:var(--err-bg);color:var(--err)}.nl-pill-warning{background:var(--warn-bg);color:#7a5600}
.nl-pill-info{background:var(--info-bg);color:var(--info)}
.nl-score{display:inline-flex;align-items:baseline;gap:2px;border-radius:8px;padding:2px 10px;font-weight:700;font-size:15px;color:#fff}
.nl-score small{font-weight:500;font-size:11px;opacity:.85}
.nl-score-good{background:var(--good)}.nl-score-fair{background:var(--fair)}.nl-score-poor{background:var(--poor)}
.nl-score-na{background:#8c959f}
.nl-body{display:grid;grid-template-columns:minmax(0,1fr) minmax(280px,400px)}
@media (max-width:900px){.nl-body{grid-template-columns:1fr}}
.nl-text{font:16.5px/1.7 var(--serif);white-space:pre-wrap;overflow-wrap:anywhere;padding:18px 24px 22px;margin:0;max-width:78ch}
.nl-side{border-left:1px solid var(--line);background:#fbfcfd;border-radius:0 0 12px 0;padding:10px 0;font-size:13px}
.nl-side h3{font-size:11.5px;text-transform:uppercase;letter-spacing:.07em;color:var(--muted);margin:4px 16px 6px}
.nl-side-inner{position:sticky;top:52px;max-height:calc(100vh - 64px);overflow:auto}
ol.nl-list{list-style:none;margin:0;padding:0}
.nl-item{padding:6px 16px 6px 14px;border-left:3px solid transparent;line-height:1.4}
.nl-item:hover{background:#f0f3f6}
.nl-item.nl-sev-error{border-left-color:var(--err)}.nl-item.nl-sev-warning{border-left-color:#e0a800}
.nl-item.nl-sev-info{border-left-color:var(--info)}
.nl-item a.nl-loc{font-family:var(--mono);font-size:12px;text-decoration:none;color:var(--muted)}
.nl-item .nl-code{font-weight:600}
.nl-item .nl-name{color:var(--muted)}
.nl-item .nl-msg{display:block;color:var(--ink)}
.nl-item .nl-fix{font-size:11px;color:var(--good);font-weight:600}
mark.nl-finding,mark.nl-frag{color:inherit;border-radius:2px;padding:1px 0;cursor:help}
mark.nl-sev-error{background:var(--err-bg);box-shadow:inset 0 -2px 0 var(--err)}
mark.nl-sev-warning{background:var(--warn-bg);box-shadow:inset 0 -2px 0 #d19b00}
mark.nl-sev-info{background:var(--info-bg);box-shadow:inset 0 -2px 0 var(--info)}
mark.nl-zero{background:none;box-shadow:none;padding:0}
mark.nl-zero::before{content:"\\2038";font:700 15px var(--sans);position:relative;top:.45em;margin:0 -.15em;color:var(--err)}
mark.nl-zero.nl-sev-warning::before{color:#d19b00}mark.nl-zero.nl-sev-info::before{color:var(--info)}
mark.nl-blank::after{content:"\\21B5";font:12px var(--sans);opacity:.7}
mark:target{outline:2px solid var(--accent);outline-offset:1px;animation:nl-flash 1.4s ease-out}
@keyframes nl-flash{0%{outline-color:#ff7b00;outline-width:4px}100%{outline-color:var(--accent)}}
.nl-clean{padding:10px 16px;color:var(--good);font-weight:600}
.nl-file-errors{margin:0;padding:10px 20px;color:var(--err);list-style:none;border-bottom:1px solid var(--line);font-size:13px}
footer{color:var(--muted);font-size:12px;text-align:center;padding:8px 0 24px}
@media print{.nl-toolbar{display:none}.nl-article{break-inside:avoid-page;content-visibility:visible}}
"""

_JS = """
(function(){
  "use strict";
  var doc = document, root = doc.documentElement;
  var style = doc.getElementById("nl-filter-style");
  var boxes = Array.prototype.slice.call(doc.querySelectorAll("input.nl-rule-toggle"));
  var sevs = Array.prototype.slice.call(doc.querySelectorAll("input.nl-sev-toggle"));
  var shown = doc.getElementById("nl-shown");
  var ruleSummary = doc.getElementById("nl-rule-summary");
  var total = parseInt(root.getAttribute("data-nl-findings") || "0", 10);
  function q(s){ return String(s).replace(/["\\\\]/g, "\\\\$&"); }
  function update(){
    var hiddenSev = {}, css = [], visible = 0, on = 0;
    sevs.forEach(function(b){ if(!b.checked){ hiddenSev[b.value] = true;
      var a = '[data-severity="' + q(b.value) + '"]';
      css.push("mark.nl-finding" + a + ",mark.nl-frag" + a + "{background:none;box-shadow:none}");
      css.push("mark.nl-zero" + a + "::before{content:none}");
      css.push(".nl-item" + a + "{display:none}"); } });
    boxes.forEach(function(b){
      var code = b.getAttribute("data-code"), sev = b.getAttribute("data-severity");
      if(b.checked){ on++; if(!hiddenSev[sev]) visible += parseInt(b.getAttribute("data-count"), 10) || 0; return; }
      var a = '[data-code="' + q(code) + '"]';
      css.push("mark.nl-finding" + a + ",mark.nl-frag" + a + "{background:none;box-shadow:none}");
      css.push("mark.nl-zero" + a + "::before{content:none}");
      css.push(".nl-item" + a + "{display:none}");
    });
    style.textContent = css.join("\\n");
    if(shown) shown.textContent = "Showing " + visible.toLocaleString() + " of " + total.toLocaleString() + " findings";
    if(ruleSummary) ruleSummary.textContent = "Rules (" + on + "/" + boxes.length + ")";
  }
  boxes.concat(sevs).forEach(function(b){ b.addEventListener("change", update); });
  function setAll(v){ boxes.forEach(function(b){ b.checked = v; }); update(); }
  var all = doc.getElementById("nl-rules-all"), none = doc.getElementById("nl-rules-none");
  if(all) all.addEventListener("click", function(){ setAll(true); });
  if(none) none.addEventListener("click", function(){ setAll(false); });
  // A link such as report.html#hide=NL201,info opens with those rules or severities filtered out.
  var m = /(?:^#|[#&])hide=([^&]*)/.exec(location.hash || "");
  if(m){ decodeURIComponent(m[1]).split(",").forEach(function(h){
    h = h.trim(); if(!h) return;
    boxes.concat(sevs).forEach(function(b){
      if(b.getAttribute("data-code") === h || (b.classList.contains("nl-sev-toggle") && b.value === h)) b.checked = false;
    }); }); }
  update();
  root.setAttribute("data-nl-ready", "1");
})();
"""

_JS_HASH = base64.b64encode(hashlib.sha256(_JS.encode("utf-8")).digest()).decode("ascii")
_CSP = (f"default-src 'none'; style-src 'unsafe-inline'; img-src data:; script-src 'sha256-{_JS_HASH}'; "
        "base-uri 'none'; form-action 'none'")


@dataclass
class _FileRow:
    index: int
    path: str
    findings: int
    by_severity: Counter
    words: int
    score: float | None
    errors: int


@dataclass
class _RuleInfo:
    code: str
    name: str
    severity: str
    category: str
    count: int = 0


@dataclass
class _Totals:
    files: list[_FileRow] = field(default_factory=list)
    rules: dict[str, _RuleInfo] = field(default_factory=dict)
    categories: dict[str, Counter] = field(default_factory=dict)


class HtmlFormatter(Formatter):
    """`--format html`: a single self-contained page, articles streamed through a spool file."""

    needs_text = True

    def start(self) -> None:
        self._totals = _Totals()
        self._index = 0
        # Articles go to a spool file as they arrive; finish() puts the summary above them.
        self._spool = tempfile.TemporaryFile("w+", encoding="utf-8", newline="\n", prefix="newslint-html-")
        self._summaries: dict[str, str] = {}
        for rule in getattr(self.registry, "rules", []) or []:
            try:
                self._summaries[rule.code] = rule.summary
            except Exception:  # documentation is optional; never fail a report over it
                pass

    # ---- per file ----------------------------------------------------------------------

    def file(self, result: FileResult) -> None:
        if not hasattr(self, "_spool"):
            self.start()
        self._index += 1
        idx = self._index
        diags = list(result.diagnostics)
        sev_counts: Counter = Counter(d.severity.value for d in diags)
        t = self._totals
        for d in diags:
            info = t.rules.get(d.code)
            if info is None:
                info = t.rules[d.code] = _RuleInfo(d.code, d.name, d.severity.value, d.category)
            info.count += 1
            t.categories.setdefault(d.category or "uncategorised", Counter())[d.severity.value] += 1
        score = getattr(result, "score", None)
        t.files.append(_FileRow(idx, result.path, len(diags), sev_counts, result.words, score, len(result.errors)))
        self._spool.write(self._article(idx, result, diags, sev_counts, score))

    def _article(self, idx: int, result: FileResult, diags: list[Diagnostic], sev: Counter,
                 score: float | None) -> str:
        aid = f"nl-a{idx}"
        ids = [f"nl-f{idx}-{k + 1}" for k in range(len(diags))]
        out: list[str] = [
            f'<section class="nl-article" id="{aid}" data-path="{_esc(result.path)}" data-findings="{len(diags)}" '
            f'data-score="{_esc(_fmt_score(score))}" data-words="{result.words}" aria-labelledby="{aid}-h">',
            f'<header><h2 id="{aid}-h">{_esc(result.path)}</h2><div class="nl-meta">',
        ]
        for s in SEVERITIES:
            if sev.get(s):
                out.append(f'<span class="nl-pill nl-pill-{s}" title="{_esc(s)}">{sev[s]} {_esc(s)}</span>')
        out.append(f'<span class="nl-words">{result.words:,} words</span>')
        out.append(f'<span class="nl-score {_score_class(score)}" title="quality score (0-100)">'
                   f'{_esc(_fmt_score(score))}<small>/100</small></span></div></header>')
        if result.errors:
            out.append('<ul class="nl-file-errors">')
            out.extend(f"<li>{_esc(e)}</li>" for e in result.errors)
            out.append("</ul>")
        text = result.text
        if text is not None:
            try:
                text.encode("utf-8")
            except UnicodeEncodeError:  # lone surrogates from an API caller; same length, so offsets hold
                text = text.encode("utf-8", "replace").decode("utf-8")
        out.append('<div class="nl-body">')
        if text is None:
            out.append('<div class="nl-text nl-no-text">(text not available)</div>')
        else:
            renderer = _TextRenderer(text)

            def title(d: Diagnostic) -> str:
                return _esc(f"{d.code} {d.name} ({d.severity.value}) {d.line}:{d.column}: {d.message}")

            def open_tag(i: int, zero_width: bool) -> str:
                d = diags[i]
                cls = f"nl-finding nl-sev-{d.severity.value}"
                if zero_width:
                    cls += " nl-zero"
                elif not text[d.start:d.end].strip():
                    cls += " nl-blank"
                return (f'<mark class="{cls}" id="{ids[i]}" data-code="{_esc(d.code)}" '
                        f'data-severity="{_esc(d.severity.value)}" data-line="{d.line}" data-column="{d.column}" '
                        f'data-end-line="{d.end_line}" data-end-column="{d.end_column}" title="{title(d)}">')

            def frag_tag(i: int) -> str:
                d = diags[i]
                return (f'<mark class="nl-frag nl-sev-{d.severity.value}" data-ref="{ids[i]}" '
                        f'data-code="{_esc(d.code)}" data-severity="{_esc(d.severity.value)}" title="{title(d)}">')

            out.append(f'<div class="nl-text" lang="en">{renderer.render(diags, ids, open_tag, frag_tag)}</div>')
        out.append('<aside class="nl-side"><div class="nl-side-inner">')
        if diags:
            out.append(f'<h3>{_plural(len(diags), "finding")}</h3><ol class="nl-list">')
            for i, d in enumerate(diags):
                fix = ""
                if d.fix is not None:
                    fix = ' <span class="nl-fix">fixable</span>' if d.fix.is_safe else \
                        ' <span class="nl-fix">unsafe fix</span>'
                loc = f"{d.line}:{d.column}"
                link = f'<a class="nl-loc" href="#{ids[i]}">{loc}</a>' if text is not None else \
                    f'<span class="nl-loc">{loc}</span>'
                out.append(
                    f'<li class="nl-item nl-sev-{_esc(d.severity.value)}" data-code="{_esc(d.code)}" '
                    f'data-severity="{_esc(d.severity.value)}" data-target="{ids[i]}">{link} '
                    f'<span class="nl-code">{_esc(d.code)}</span> <span class="nl-name">{_esc(d.name)}</span>{fix}'
                    f'<span class="nl-msg">{_esc(d.message)}</span></li>')
            out.append("</ol>")
        elif not result.errors:
            out.append('<p class="nl-clean">No findings.</p>')
        out.append("</div></aside></div></section>\n")
        return "".join(out)

    # ---- end of run --------------------------------------------------------------------

    def finish(self, summary: RunSummary) -> None:
        if not hasattr(self, "_spool"):
            self.start()
        try:
            w = self.stream.write
            w(self._head(summary))
            w(self._summary(summary))
            self._spool.flush()
            self._spool.seek(0)
            shutil.copyfileobj(self._spool, self.stream, 1 << 20)
            w(self._tail(summary))
        finally:
            self._spool.close()

    def _head(self, summary: RunSummary) -> str:
        generated = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
        return (
            "<!DOCTYPE html>\n"
            f'<html lang="en" data-nl-findings="{summary.findings}">\n<head>\n<meta charset="utf-8">\n'
            f'<meta http-equiv="Content-Security-Policy" content="{_esc(_CSP)}">\n'
            '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f'<meta name="generator" content="newslint {_esc(__version__)}">\n'
            f"<title>newslint report — {_plural(summary.files, 'file')}, "
            f"{_plural(summary.findings, 'finding')}</title>\n"
            f"<style>{_CSS}</style>\n<style id=\"nl-filter-style\"></style>\n</head>\n<body>\n"
            f'<header class="nl-masthead"><h1>newslint <span>report</span></h1>'
            f"<p>newslint {_esc(__version__)} · generated {_esc(generated)} · "
            f"{_plural(summary.files, 'file')} checked</p></header>\n<main>\n"
        )

    def _summary(self, summary: RunSummary) -> str:
        t = self._totals
        out: list[str] = ['<section class="nl-summary" aria-label="Run summary">', '<div class="nl-cards">']

        def card(ident: str, value: str, label: str, cls: str = "") -> None:
            out.append(f'<div class="nl-card {cls}"><span class="nl-num" id="{ident}">{value}</span>'
                       f'<span class="nl-lbl">{_esc(label)}</span></div>')

        card("nl-total-files", f"{summary.files:,}", "files")
        card("nl-total-findings", f"{summary.findings:,}", "findings")
        for s in SEVERITIES:
            n = summary.by_severity.get(s, 0)
            card(f"nl-total-{s}", f"{n:,}", "errors" if s == "error" else ("warnings" if s == "warning" else "info"),
                 f"nl-sev-{s}" + ("" if n else " nl-zero-count"))
        card("nl-total-fixable", f"{summary.fixable_safe:,}", "fixable")
        scores = [f.score for f in t.files if f.score is not None]
        if scores:
            if len(scores) == 1:
                card("nl-score-mean", _fmt_score(scores[0]), "quality score")
            else:
                card("nl-score-mean", _fmt_score(round(sum(scores) / len(scores), 1)), "mean score")
                card("nl-score-min", _fmt_score(min(scores)), "lowest score")
        out.append("</div>")

        errors = list(summary.errors)
        if errors:
            out.append(f'<div class="nl-run-errors"><h2 id="nl-total-errors" data-count="{len(errors)}">'
                       f'{_plural(len(errors), "error")}</h2><ul>')
            out.extend(f"<li>{_esc(e)}</li>" for e in errors[:200])
            if len(errors) > 200:
                out.append(f"<li>… and {len(errors) - 200:,} more</li>")
            out.append("</ul></div>")

        cats = sorted(t.categories.items(), key=lambda kv: (-sum(kv[1].values()), kv[0]))
        worst = sorted((f for f in t.files if f.findings), key=lambda f: (-f.findings, f.index))[:TOP_FILES]
        legend = ('<div class="nl-legend">' + "".join(f'<span><i class="nl-sw-{s}"></i>{s}</span>' for s in SEVERITIES)
                  + "</div>")
        out.append('<div class="nl-panels">')
        out.append('<div class="nl-panel" id="nl-by-category"><h2>Findings by category</h2>'
                   + _bar_chart([(c, "", dict(v)) for c, v in cats], chart_id="nl-chart-category") + legend + "</div>")
        title = "Findings per file" if len(t.files) <= TOP_FILES else f"Files with most findings (top {TOP_FILES})"
        out.append(f'<div class="nl-panel" id="nl-by-file"><h2>{_esc(title)}</h2>'
                   + _bar_chart([(f.path, f"#nl-a{f.index}", dict(f.by_severity)) for f in worst],
                                chart_id="nl-chart-file") + legend + "</div>")
        out.append("</div>")

        # Every file, in run order, with links to its article.
        open_attr = " open" if len(t.files) <= OPEN_TABLE_UNDER else ""
        out.append(f'<details class="nl-panel nl-files-panel" id="nl-files"{open_attr}><summary>'
                   f'<b>All files ({len(t.files):,})</b></summary>')
        out.append('<table class="nl-files"><thead><tr><th>File</th><th>Words</th><th>Findings</th>'
                   '<th>Errors</th><th>Warnings</th><th>Info</th><th>Score</th></tr></thead><tbody>')
        for f in t.files:
            out.append(f'<tr><td><a href="#nl-a{f.index}">{_esc(f.path)}</a></td><td>{f.words:,}</td>'
                       f"<td>{f.findings:,}</td>"
                       + "".join(f"<td>{f.by_severity.get(s, 0):,}</td>" for s in SEVERITIES)
                       + f'<td><span class="nl-score {_score_class(f.score)}">{_esc(_fmt_score(f.score))}</span>'
                       "</td></tr>")
        out.append("</tbody></table></details>")
        out.append("</section>\n")
        out.append(self._toolbar(summary))
        return "".join(out)

    def _toolbar(self, summary: RunSummary) -> str:
        rules = sorted(self._totals.rules.values(), key=lambda r: r.code)
        out = ['<nav class="nl-toolbar" aria-label="Filters"><b>Filter</b>']
        for s in SEVERITIES:
            n = summary.by_severity.get(s, 0)
            out.append(f'<label><input type="checkbox" class="nl-sev-toggle" value="{s}" checked> '
                       f'<span class="nl-dot nl-dot-{s}"></span> {s} ({n:,})</label>')
        out.append('<details class="nl-rules"><summary id="nl-rule-summary">'
                   f"Rules ({len(rules)}/{len(rules)})</summary><div class=\"nl-rule-menu\">"
                   '<div class="nl-actions"><button type="button" id="nl-rules-all">Select all</button>'
                   '<button type="button" id="nl-rules-none">Select none</button></div><div class="nl-rule-grid">')
        for r in rules:
            tip = self._summaries.get(r.code) or r.name
            out.append(f'<label title="{_esc(tip)}"><input type="checkbox" class="nl-rule-toggle" checked '
                       f'data-code="{_esc(r.code)}" data-severity="{_esc(r.severity)}" data-count="{r.count}">'
                       f'<span class="nl-dot nl-dot-{_esc(r.severity)}"></span><code>{_esc(r.code)}</code> '
                       f'{_esc(r.name)}<span class="nl-count">{r.count:,}</span></label>')
        out.append("</div></div></details>")
        out.append(f'<span id="nl-shown">{_plural(summary.findings, "finding")}</span></nav>\n')
        return "".join(out)

    def _tail(self, summary: RunSummary) -> str:
        notices = "".join(f"<div>{_esc(n)}</div>" for n in summary.notices[:50])
        return (f"</main>\n<footer>{notices}Generated by newslint {_esc(__version__)}. "
                "Hover a highlight for its message; click a location to jump to it.</footer>\n"
                f"<script>{_JS}</script>\n</body>\n</html>\n")
