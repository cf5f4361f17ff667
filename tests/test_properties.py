"""Property tests: arbitrary Unicode and Markdown-shaped text never breaks the document
model, any registered rule, or the fixer.

Example counts are moderate so the suite stays fast; the atheris harness in
tests/fuzz/ explores further (see tests/fuzz/README.md).
"""

from __future__ import annotations

import os

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from newslint.config import Config
from newslint.document import Document
from newslint.fixer import apply_edits, choose_fixes, fix_until_stable
from newslint.registry import get_registry
from newslint.runner import linter_for

EXAMPLES = int(os.environ.get("NEWSLINT_PROPERTY_EXAMPLES", "60"))
SETTINGS = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck))

FRAGMENTS = [
    "# ", "## ", "###### ", "#", "- ", "* ", "+ ", "1. ", "10) ", "  ", "    ", "\t", "> ", ">", ">> ",
    "|", " | ", "|---|", "| --- |", ":-:", "`", "``", "```", "```python\n", "~~~", "**", "__", "*", "_",
    "[x](y)", "[link](https://example.com/a_(b))", "![img](p.png)", "[ref]: http://x.y", "<https://a.b>",
    "https://www.example.com/path?q=1,2.", "www.example.org", "user@example.com", "example.co.uk",
    "<!-- newslint-disable-next-line NL201 -->", "<!-- newslint-disable -->", "<!-- newslint-enable -->",
    "<!--", "-->", "<div>", "</div>", "<br/>", "---\n", "+++\n", "***", "\n", "\r\n", "\r", "\n\n",
    "\ufeff", "\u200b", "\u00a0", "\u2028", "\u0301", "\u0308", "e\u0301", "\U0001f600", "\U0001f468\u200d\U0001f469",
    "\u05e9\u05dc\u05d5\u05dd", "\u0645\u0631\u062d\u0628\u0627", "\u202e", "\u202c", "\u4e2d\u6587", "\ufffc", "\ufffd",
    ",", ".", "...", "\u2026", "!", "?", ";", ":", "'", "\u2019", "\"", "\u201c", "\u201d", "(", ")", "[", "]",
    "the the", "a enduring", "an policy", "ukraine,Russian", "cooperation.This", "woudl", "U.S.", "Mr. ",
    "As global leaders navigate this precarious situation", "In conclusion,", "[Insert name]", "{{placeholder}}",
    "As an AI language model", "Sure! Here is", "NATO", "an FBI", "a 8%", "18-year-old", "\\|", "\\",
]
WORDS = st.text(st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=12)
TEXT = st.lists(st.one_of(st.sampled_from(FRAGMENTS), WORDS, st.sampled_from(["word", "Talks", "it", " "])),
                max_size=60).map("".join)
PATHS = st.sampled_from(["a.txt", "a.md"])


def _check_positions(doc: Document, diagnostics) -> None:
    text = doc.text
    lines = text.split("\n")
    for d in diagnostics:
        assert 0 <= d.start <= d.end <= len(text), (d.code, d.start, d.end, len(text))
        assert 1 <= d.line <= max(1, doc.line_count) and 1 <= d.end_line <= max(1, doc.line_count), d
        assert (d.line, d.column) <= (d.end_line, d.end_column), d
        for line, col in ((d.line, d.column), (d.end_line, d.end_column)):
            assert 1 <= col <= len(lines[line - 1]) + 1, (d.code, line, col, lines[line - 1])
        assert (d.line, d.column) == doc.position(d.start)
        if d.fix is not None:
            for e in d.fix.edits:
                assert 0 <= e.start <= e.end <= len(text) and isinstance(e.text, str), (d.code, e)


@pytest.fixture(scope="module")
def all_rules_linter():
    linter = linter_for(Config(select=("ALL",)))
    registered = {r.code for r in get_registry().rules}
    assert registered <= set(linter.selected_codes)  # every registered rule is exercised
    return linter


@SETTINGS
@given(text=TEXT, path=PATHS)
@example(text="\ufeff# Title\r\n\r\n> - a,b\r\n", path="a.md")
@example(text="|a|b|\n|-|-|\n|c,d|e|", path="a.txt")
@example(text="```\nunclosed code,here", path="a.md")
def test_document_model_is_consistent(text, path):
    doc = Document(text, path)
    assert len(doc.prose) == len(text)
    assert doc.line_starts[0] == 0 and doc.line_starts == sorted(set(doc.line_starts))
    for start, end in doc.skip_spans:
        assert 0 <= start < end <= len(text)
    for block in doc.blocks:
        assert 0 <= block.start <= block.content_start <= max(block.end, block.content_start) <= len(text) + 1
        assert 0 <= block.line < block.end_line <= doc.line_count
    for s in doc.sentences:
        assert 0 <= s.start < s.end <= len(text)
    for offset in range(0, len(text) + 1, max(1, len(text) // 7)):
        line, col = doc.position(offset)
        assert 1 <= line <= max(1, doc.line_count) and col >= 1
        assert doc.line_starts[line - 1] + col - 1 == offset
    for t in doc.tables:
        for row in t.rows:
            for c in row.cells:
                assert 0 <= c.start <= c.end <= len(text)
                assert c.start <= c.end and text[c.start:c.end] == c.text


@SETTINGS
@given(text=TEXT, path=PATHS)
@example(text="a enduring,peace.\r\nthe the", path="a.txt")
def test_every_rule_runs_without_error_and_anchors_inside_the_text(all_rules_linter, text, path):
    result = all_rules_linter.lint_text(text, path)
    assert result.errors == []
    _check_positions(Document(text, path), result.diagnostics)


@SETTINGS
@given(text=TEXT, path=PATHS, unsafe=st.booleans())
@example(text="Talks,despite the the rain.It was over.\r\n", path="a.txt", unsafe=True)
def test_fix_is_idempotent_and_leaves_text_outside_edits_unchanged(all_rules_linter, text, path, unsafe):
    def lint(t: str):
        result = all_rules_linter.lint_text(t, path)
        assert result.errors == []
        return result.diagnostics

    diagnostics = lint(text)
    chosen = choose_fixes(diagnostics, unsafe=unsafe)
    edits = sorted((e for d in chosen for e in d.fix.edits), key=lambda e: (e.start, e.end))
    once = apply_edits(text, edits)
    # Outside the edits nothing moves: rebuild the result from untouched slices and edit texts.
    rebuilt, last = [], 0
    for e in edits:
        assert e.start >= last, "chosen edits overlap"
        rebuilt.append(text[last:e.start])
        rebuilt.append(e.text)
        last = e.end
    rebuilt.append(text[last:])
    assert "".join(rebuilt) == once

    first = fix_until_stable(text, lint, unsafe=unsafe)
    if not first.converged:
        return  # reported to the user as "fixes did not settle"; idempotence is not promised then
    second = fix_until_stable(first.text, lint, unsafe=unsafe)
    assert second.text == first.text, "fixing a fixed text changed it again"
    assert second.fixed == 0


@SETTINGS
@given(data=st.binary(max_size=300))
def test_decoding_arbitrary_bytes_either_works_or_raises_a_clear_error(data):
    from newslint.errors import SourceError
    from newslint.files import decode_bytes

    try:
        text, encoding, bom = decode_bytes(data, "x.txt")
    except SourceError as exc:
        assert str(exc).startswith("x.txt: ") and "\n" not in str(exc)
        return
    assert bom + text.encode(encoding) == data  # a round trip is lossless


def test_each_rule_alone_on_hostile_samples():
    """Every registered rule on its own (no other rule's skips or suppressions interfering)."""
    samples = ["", "\n", "\r\n", "\ufeff", "a", "#", "|", "`", ">", "- ", "\u0301", "\U0001f600" * 3,
               "x" * 5000, "a " * 3000, "|" * 2000, "#" * 300, ">" * 600 + "x", "- " * 600 + "x",
               "a,b." * 500, "\r" * 100, "\u202e\u05e9,a.b" * 50, "`" * 999, "[" * 500 + "](" * 500]
    registry = get_registry()
    for rule in registry.rules:
        linter = linter_for(Config(select=(rule.code,)))
        for text in samples:
            for path in ("a.txt", "a.md"):
                result = linter.lint_text(text, path)
                assert result.errors == [], (rule.code, text[:40], result.errors)
                _check_positions(Document(text, path), result.diagnostics)


def test_blank_table_cell_span_is_not_inverted():
    """Found by hypothesis (' | \\n|'): a whitespace-only cell was stripped from both sides."""
    doc = Document(" | \n|", "a.txt")
    for t in doc.tables:
        for row in t.rows:
            for c in row.cells:
                assert c.start <= c.end, c


def test_unknown_word_rule_does_not_explode_on_a_giant_word():
    """NL303 built every one-slip edit of a word: a 50,000-letter 'word' needed tens of GB (found by the
    1 MB single-line stress input)."""
    import resource
    import time

    linter = linter_for(Config(select=("NL303",)))
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    started = time.perf_counter()
    result = linter.lint_text("x" * 50_000 + "\n", "a.txt")
    assert result.errors == [] and result.diagnostics == []
    assert time.perf_counter() - started < 10
    assert resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before < 200 * 1024  # KB


def test_glued_sentences_on_one_long_line_stay_linear():
    """NL203's token scan was unbounded: 100 KB of 'abc.Def' without spaces took 53 s."""
    import time

    linter = linter_for(Config(select=("NL203",)))
    text = "abc.Def" * 3000  # 21 KB, no whitespace
    started = time.perf_counter()
    linter.lint_text(text, "a.txt")
    assert time.perf_counter() - started < 0.5


def test_atheris_harness_runs_briefly(tmp_path):
    """Run tests/fuzz/fuzz_lint.py for a bounded time on the seed corpus (new inputs go to tmp_path)."""
    import importlib.util
    import subprocess
    import sys
    from pathlib import Path

    if importlib.util.find_spec("atheris") is None:
        pytest.skip("atheris is not installed (pip install atheris) — the fuzz harness needs it")
    fuzz = Path(__file__).parent / "fuzz"
    seconds = os.environ.get("NEWSLINT_FUZZ_SECONDS", "15")
    proc = subprocess.run(
        [sys.executable, str(fuzz / "fuzz_lint.py"), str(tmp_path), str(fuzz / "corpus"), "-max_len=3000",
         f"-max_total_time={seconds}", "-runs=400", f"-artifact_prefix={tmp_path}/"],
        capture_output=True, timeout=int(seconds) + 240)
    log = proc.stderr.decode("utf-8", "replace")
    assert proc.returncode == 0, log[-3000:]
    assert "Done" in log and not list(tmp_path.glob("crash-*")), log[-3000:]
