"""atheris harness: lint and fix arbitrary bytes; any exception is a bug.

    python tests/fuzz/fuzz_lint.py tests/fuzz/corpus -max_total_time=300

The first input byte picks plain text or Markdown and safe or unsafe fixes;
the rest is decoded like a file (newslint.files.decode_bytes, falling back to
UTF-8 with replacement characters so every input reaches the rules). Checked:
no rule crashes (FileResult.errors stays empty), every diagnostic lies inside
the text with a valid 1-based line/column, and fixing is idempotent.
"""

from __future__ import annotations

import sys

import atheris

with atheris.instrument_imports(include=["newslint"]):
    from newslint.config import Config
    from newslint.document import Document
    from newslint.errors import SourceError
    from newslint.files import decode_bytes
    from newslint.fixer import fix_until_stable
    from newslint.runner import linter_for

    # Built inside the block: rule modules are imported when the registry is built.
    LINTER = linter_for(Config(select=("ALL",)))
MAX_BYTES = 20_000


def _decode(data: bytes) -> str:
    try:
        return decode_bytes(data, "fuzz.txt")[0]
    except SourceError:
        return data.decode("utf-8", errors="replace")


def check(data: bytes) -> None:
    if not data or len(data) > MAX_BYTES:
        return
    flags, data = data[0], data[1:]
    path = "fuzz.md" if flags & 1 else "fuzz.txt"
    unsafe = bool(flags & 2)
    text = _decode(data)
    result = LINTER.lint_text(text, path)
    if result.errors:
        raise AssertionError(f"rule crashed: {result.errors}")
    doc = Document(text, path)
    lines = text.split("\n")
    for d in result.diagnostics:
        if not (0 <= d.start <= d.end <= len(text)):
            raise AssertionError(f"{d.code}: offsets {d.start}..{d.end} outside text of {len(text)}")
        if (d.line, d.column) != doc.position(d.start):
            raise AssertionError(f"{d.code}: line/column {d.line}:{d.column} != {doc.position(d.start)}")
        if not 1 <= d.column <= len(lines[d.line - 1]) + 1:
            raise AssertionError(f"{d.code}: column {d.column} beyond line {d.line}")

    def lint(t: str):
        r = LINTER.lint_text(t, path)
        if r.errors:
            raise AssertionError(f"rule crashed while fixing: {r.errors}")
        return r.diagnostics

    first = fix_until_stable(text, lint, unsafe=unsafe)
    if first.converged:
        second = fix_until_stable(first.text, lint, unsafe=unsafe)
        if second.text != first.text:
            raise AssertionError(f"fix not idempotent: {first.text!r} -> {second.text!r}")


def main(argv: list[str]) -> None:
    atheris.Setup(argv, check)
    atheris.Fuzz()


if __name__ == "__main__":
    main(sys.argv)
