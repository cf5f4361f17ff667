"""The `newslint` command line: check, rules, explain.

Exit codes: 0 no findings at or above --fail-on, 1 findings, 2 usage,
configuration or I/O error. Errors print as one line unless --debug.
"""

from __future__ import annotations

import argparse
import os
import sys
from dataclasses import replace
from pathlib import Path
from typing import IO, Any, Sequence

from ._version import __version__
from .errors import NewslintError, UsageError, did_you_mean

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        raise UsageError(f"{self.prog}: {message}")


def _split(values: Sequence[str] | None) -> tuple[str, ...]:
    out: list[str] = []
    for v in values or ():
        out.extend(x.strip() for x in v.split(",") if x.strip())
    return tuple(out)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="newslint", description="A linter for machine-generated news copy.")
    parser.add_argument("--version", action="version", version=f"newslint {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    check = sub.add_parser("check", help="lint files and folders (the default job)")
    check.add_argument("paths", nargs="*", metavar="PATH", help="files or folders; '-' reads standard input")
    sel = check.add_argument_group("rule selection")
    sel.add_argument("--select", action="append", metavar="RULES", help="only these rules (codes, prefixes, names)")
    sel.add_argument("--ignore", action="append", metavar="RULES", help="never these rules")
    sel.add_argument("--extend-select", action="append", metavar="RULES", help="these rules on top of the selection")
    out = check.add_argument_group("output")
    out.add_argument("--format", default=None, help="text (default), json, jsonl, sarif, github, html")
    out.add_argument("--output-file", "-o", metavar="FILE", help="write the report here instead of standard output")
    out.add_argument("--no-color", action="store_true", help="never colour the text output (NO_COLOR is honoured)")
    out.add_argument("--statistics", action="store_true", help="count findings per rule")
    out.add_argument("--quiet", "-q", action="store_true", help="print findings only, no source or summary")
    out.add_argument("--verbose", "-v", action="store_true", help="more detail (per-file fix summary)")
    out.add_argument("--debug", action="store_true", help="show tracebacks for errors")
    ex = check.add_argument_group("exit status")
    ex.add_argument("--fail-on", choices=["error", "warning", "info"], help="lowest severity that fails the run")
    ex.add_argument("--exit-zero", action="store_true", help="exit 0 even with findings")
    ex.add_argument("--fail-under", type=float, metavar="SCORE", help="fail when an article's quality score is below SCORE")
    bl = check.add_argument_group("baseline")
    bl.add_argument("--baseline", metavar="FILE", help="report only findings not recorded in this baseline")
    bl.add_argument("--write-baseline", metavar="FILE", help="record every current finding in FILE and exit 0")
    fx = check.add_argument_group("fixing")
    fx.add_argument("--fix", action="store_true", help="apply safe fixes")
    fx.add_argument("--unsafe-fixes", action="store_true", help="also apply unsafe fixes (with --fix or --diff)")
    fx.add_argument("--diff", action="store_true", help="print the fixes as a unified diff; write nothing")
    fx.add_argument("--fix-only", action="store_true", help="apply fixes and report only the fix summary")
    fx.add_argument("--exit-non-zero-on-fix", action="store_true", help="exit 1 when anything was fixed")
    fl = check.add_argument_group("files")
    fl.add_argument("--config", metavar="FILE", help="use this configuration file instead of discovery")
    fl.add_argument("--include", action="append", metavar="GLOBS", help="file globs to lint in folders")
    fl.add_argument("--exclude", action="append", metavar="GLOBS", help="globs to skip")
    fl.add_argument("--stdin-filename", metavar="NAME", help="name for text read from '-' (decides Markdown)")
    fl.add_argument("--encoding", metavar="ENC", help="encoding of files without a BOM (default utf-8)")
    fl.add_argument("--no-respect-gitignore", action="store_true", help="lint files .gitignore excludes")
    pf = check.add_argument_group("performance")
    pf.add_argument("--jobs", "-j", type=int, default=0, metavar="N", help="worker processes (default: one per core; 1: serial)")
    pf.add_argument("--no-cache", action="store_true", help="lint every file even if unchanged since the last run")
    pf.add_argument("--cache-dir", metavar="DIR", help="where results are cached (default .newslint_cache)")
    pf.add_argument("--progress", choices=["auto", "always", "never"], default="auto",
                    help="progress bar on stderr (auto: on a terminal, not in CI)")
    pf.add_argument("--rule-timeout", type=float, metavar="SECONDS",
                    help="stop a rule after this long per megabyte of a file (default 30; 0: no limit)")
    pf.add_argument("--executor", choices=["local", "dask"], default="local",
                    help="where files are linted: a local process pool (default) or a Dask cluster")
    pf.add_argument("--scheduler", metavar="ADDRESS",
                    help="Dask scheduler (tcp://HOST:PORT); without it --executor dask starts a local cluster")
    cx = check.add_argument_group("archive")
    cx.add_argument("--corpus-index", metavar="DIR",
                    help="also flag sentences that recur across the archive indexed by `newslint corpus --index DIR`")

    rules = sub.add_parser("rules", help="list every rule")
    rules.add_argument("--format", choices=["table", "json"], default="table")
    rules.add_argument("--config", metavar="FILE", help="configuration whose packs and plugins to include")

    explain = sub.add_parser("explain", help="print a rule's documentation and examples")
    explain.add_argument("rule", help="code (NL201) or name (missing-space-after-comma)")
    explain.add_argument("--config", metavar="FILE")

    # Larger commands live in their own modules under newslint/commands/.
    for name in EXTRA_COMMANDS:
        module = _command_module(name)
        module.add_parser(sub)
    return parser


#: Subcommands implemented in newslint/commands/<name>.py (add_parser(sub), run(args) -> int).
EXTRA_COMMANDS = ("score", "corpus")


def _command_module(name: str):
    import importlib

    return importlib.import_module(f"newslint.commands.{name}")


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    # A closed stdout/stderr (`>&-`) discards output instead of crashing on None.
    if sys.stdout is None:
        sys.stdout = open(os.devnull, "w")
    if sys.stderr is None:
        sys.stderr = open(os.devnull, "w")
    debug = "--debug" in argv
    try:
        parser = build_parser()
        if not argv:
            parser.print_help(sys.stderr)
            return EXIT_ERROR
        args = parser.parse_args(argv)
        if args.command == "check":
            return _check(args)
        if args.command == "rules":
            return _rules(args)
        if args.command == "explain":
            return _explain(args)
        if args.command in EXTRA_COMMANDS:
            return _command_module(args.command).run(args)
        parser.print_help(sys.stderr)
        return EXIT_ERROR
    except NewslintError as exc:
        if debug:
            raise
        print(f"newslint: error: {exc}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        print("newslint: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return EXIT_ERROR
    except Exception as exc:  # last resort: one line, never a traceback
        if debug:
            raise
        print(f"newslint: internal error: {type(exc).__name__}: {exc} (run with --debug for details)", file=sys.stderr)
        return EXIT_ERROR


def _overrides(args: argparse.Namespace) -> dict[str, Any]:
    from .diagnostic import Severity

    o: dict[str, Any] = {}
    if args.select:
        o["select"] = _split(args.select)
    if args.include:
        o["include"] = _split(args.include)
    if args.fail_on:
        o["fail_on"] = Severity.parse(args.fail_on)
    if args.encoding:
        import codecs

        try:
            codecs.lookup(args.encoding)
        except LookupError:
            raise UsageError(f"unknown encoding {args.encoding!r}") from None
        o["encoding"] = args.encoding
    if args.no_respect_gitignore:
        o["respect_gitignore"] = False
    if getattr(args, "rule_timeout", None) is not None:
        if not args.rule_timeout >= 0:  # also refuses nan
            raise UsageError("--rule-timeout takes a number of seconds (0 for no limit)")
        o["rule_timeout"] = args.rule_timeout
    if args.fail_under is not None:
        if not 0 <= args.fail_under <= 100:
            raise UsageError("--fail-under takes a score from 0 to 100")
        o["fail_under"] = args.fail_under
    return o


class _ConfigFor:
    """Per-file configuration: discovery or --config, then command-line overrides."""

    def __init__(self, args: argparse.Namespace):
        from .config import ConfigResolver

        self.resolver = ConfigResolver(Path(args.config) if args.config else None, _overrides(args))
        self.extend_select = _split(args.extend_select)
        self.ignore = _split(args.ignore)
        self.exclude = _split(args.exclude)
        self._cache: dict[int, Any] = {}

    def __call__(self, path: Path):
        cfg = self.resolver.for_path(path)
        key = id(cfg)
        final = self._cache.get(key)
        if final is None:
            final = cfg
            if self.extend_select or self.ignore:
                final = replace(cfg, extend_select=cfg.extend_select + self.extend_select,
                                ignore=cfg.ignore + self.ignore)
            self._cache[key] = final
        return final


def _use_color(args: argparse.Namespace, stream: IO[str]) -> bool:
    if args.no_color or os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    return bool(getattr(stream, "isatty", lambda: False)())


def _check(args: argparse.Namespace) -> int:
    from .output.base import OutputOptions
    from .registry import get_registry
    from .runner import RunOptions, install_signal_handlers, linter_for

    # SIGTERM/SIGHUP unwind like Ctrl-C: pending atomic writes finish, workers stop.
    install_signal_handlers()
    if args.scheduler and args.executor != "dask":
        raise UsageError("--scheduler needs --executor dask")
    if args.write_baseline:
        from .baseline import check_baseline_target

        check_baseline_target(Path(args.write_baseline))
    if args.fix_only:
        args.fix = True
    if args.unsafe_fixes and not (args.fix or args.diff):
        args.fix = True
    config_for = _ConfigFor(args)
    paths = args.paths or ["."]
    if "-" in paths and len(paths) > 1:
        raise UsageError("'-' (standard input) cannot be combined with other paths")
    cwd_config = config_for(Path.cwd() / "__newslint__")
    # Validate the selection up front so an unknown rule is an error even with no files.
    linter_for(cwd_config)
    registry = get_registry(frozenset(cwd_config.blocked_plugins), tuple(cwd_config.packs))
    fmt = args.format or "text"
    formats = dict(registry.formats)
    if fmt not in formats:
        hint = did_you_mean(fmt, formats, otherwise=f"; choose from {', '.join(sorted(formats))}")
        raise UsageError(f"unknown output format {fmt!r}{hint}")

    out_stream: IO[str]
    if args.output_file:
        try:
            out_stream = open(args.output_file, "w", encoding="utf-8", newline="\n")
        except OSError as exc:
            raise UsageError(f"cannot write {args.output_file}: {exc.strerror}") from None
    elif "-" in paths and args.fix and not args.diff:
        out_stream = sys.stderr  # the fixed text goes to standard output
    else:
        out_stream = sys.stdout
    options = OutputOptions(
        color=fmt == "text" and _use_color(args, out_stream),
        show_source=True,
        statistics=args.statistics,
        quiet=args.quiet,
        verbose=args.verbose,
        fix_mode="fix-only" if args.fix_only else ("diff" if args.diff else ("fix" if args.fix else "")),
        unsafe_fixes=args.unsafe_fixes,
    )
    formatter = formats[fmt](out_stream, registry, options)
    run_fix = RunOptions(fix=bool(args.fix), unsafe_fixes=bool(args.unsafe_fixes), diff=bool(args.diff),
                         keep_text=bool(getattr(formats[fmt], "needs_text", False) or args.corpus_index))
    corpus_check = _corpus_checker(args, cwd_config) if args.corpus_index else None
    if args.corpus_index:
        from .commands.corpus import _RegistryView

        formatter = formats[fmt](out_stream, _RegistryView(registry), options)
    try:
        return _run_check(args, paths, config_for, cwd_config, formatter, out_stream, run_fix, corpus_check)
    except BrokenPipeError:
        raise
    except OSError as exc:  # the report itself could not be written (disk full, closed pipe...)
        where = args.output_file or "standard output"
        raise UsageError(f"cannot write {where}: {exc.strerror or exc}") from None


def _run_check(args: argparse.Namespace, paths: list[str], config_for: "_ConfigFor", cwd_config: Any,
               formatter: Any, out_stream: IO[str], run_fix: Any, corpus_check: Any) -> int:
    """Lint every path, stream the results to the formatter, and return the exit code."""
    from .engine import FileResult
    from .files import iter_files
    from .output.base import RunSummary
    from .runner import lint_source_text

    summary = RunSummary()
    failing = False
    any_diff = False
    fail_under_failed: list[str] = []
    baseline = None
    if args.baseline:
        from .baseline import Baseline

        baseline = Baseline.load(Path(args.baseline))
    recorded: list = []
    try:
        formatter.start()

        def handle(result: FileResult, config) -> None:
            nonlocal failing, any_diff
            from .score import score_result

            if corpus_check is not None:
                corpus_check(result)
            if args.write_baseline:
                recorded.extend(result.diagnostics)
            if baseline is not None:
                result.diagnostics = baseline.filter(result.diagnostics)

            result.score = score_result(result)
            summary.scores[result.path] = result.score
            if config.fail_under is not None and result.score < config.fail_under:
                fail_under_failed.append(f"{result.path}: quality score {result.score:.0f} is below {config.fail_under:g}")
            summary.add(result)
            if any(d.severity >= config.fail_on for d in result.diagnostics):
                failing = True
            if result.diff:
                any_diff = True
                sys.stdout.write(result.diff)
            formatter.file(result)

        if paths == ["-"]:
            name = args.stdin_filename or "<stdin>"
            config = config_for(Path(args.stdin_filename).resolve() if args.stdin_filename else Path.cwd() / "__stdin__")
            if sys.stdin is None:
                raise UsageError("'-' reads standard input, but it is closed")
            data = sys.stdin.buffer.read()
            from .files import read_source

            source = read_source(Path(name), config.encoding, data)
            result, new_text = lint_source_text(source.text, name, config, run_fix)
            if run_fix.keep_text:
                result.text = new_text
            handle(result, config)
            if args.fix and not args.diff:
                sys.stdout.buffer.write(source.encode(new_text))
                sys.stdout.flush()
        else:
            from .cache import DEFAULT_CACHE_DIR, ResultCache
            from .parallel import FileRunner

            notices: list[str] = []
            include_cfg = cwd_config
            targets = []
            for p in paths:
                path = Path(p)
                if not path.exists() and not path.is_symlink():
                    summary.errors.append(f"{p}: no such file or directory")
                    continue
                targets.append(path)
            files = list(iter_files(targets, include_cfg.include, tuple(include_cfg.exclude) + config_for.exclude,
                                    respect_gitignore=include_cfg.respect_gitignore, notices=notices))
            cache = None
            if not args.no_cache:
                cache = ResultCache(Path(args.cache_dir or include_cfg.cache_dir or DEFAULT_CACHE_DIR))
            if args.jobs < 0:
                raise UsageError("--jobs takes a positive number")
            if args.executor == "dask":
                results = _dask_results(args, files, config_for, run_fix)
            else:
                results = FileRunner(config_for, run_fix, jobs=args.jobs, cache=cache).run(files, total=len(files))
            with _progress(args, len(files)) as advance:
                for result in results:
                    handle(result, config_for(Path(result.path)) if result.path else cwd_config)
                    advance()
            summary.notices.extend(notices)
        formatter.finish(summary)
    finally:
        if args.output_file:
            out_stream.close()
        else:
            out_stream.flush()
    for notice in summary.notices:
        print(f"newslint: {notice}", file=sys.stderr)
    for error in summary.errors:
        print(f"newslint: error: {error}", file=sys.stderr)
    for line in fail_under_failed:
        print(f"newslint: {line}", file=sys.stderr)
    if baseline is not None and baseline.suppressed and not args.quiet:
        print(f"newslint: {baseline.suppressed} finding{'s' * (baseline.suppressed != 1)} hidden by the baseline "
              f"{args.baseline}", file=sys.stderr)
    if args.write_baseline:
        from .baseline import write_baseline

        count = write_baseline(Path(args.write_baseline), recorded)
        print(f"newslint: recorded {count} finding{'s' * (count != 1)} in {args.write_baseline}", file=sys.stderr)
        return EXIT_ERROR if summary.errors else EXIT_CLEAN
    if summary.errors:
        return EXIT_ERROR
    if args.exit_non_zero_on_fix and summary.fixed:
        return EXIT_FINDINGS
    if args.diff:
        return EXIT_FINDINGS if any_diff else EXIT_CLEAN
    if fail_under_failed:
        return EXIT_FINDINGS
    if args.exit_zero or args.fix_only:
        return EXIT_CLEAN
    return EXIT_FINDINGS if failing else EXIT_CLEAN


def _dask_results(args: argparse.Namespace, files, config_for, run_fix):
    """Lint on a Dask cluster (or a local two-worker cluster); results in input order."""
    from .corpus.executors import lint_task, make_executor

    items = [(str(path), config_for(path), replace(run_fix, explicit=explicit, display_path=str(path)))
             for path, explicit in files]
    with make_executor("dask", jobs=args.jobs or None, scheduler=args.scheduler) as executor:
        yield from executor.map(lint_task, items)


def _corpus_checker(args: argparse.Namespace, config):
    """A function adding NL701 findings for sentences that recur across an indexed archive."""
    index = Path(args.corpus_index)
    if not index.is_dir():
        raise UsageError(f"{index}: no corpus index here (build it with `newslint corpus --index {index} ARCHIVE`)")
    from .corpus.check import check_against_index, findings_to_diagnostics
    from .corpus.settings import settings_from_config
    from .diagnostic import Diagnostic
    from .document import Document

    settings, _ = settings_from_config(config.section("corpus"), config.source)

    def add(result) -> None:
        if result.text is None:
            return
        doc = Document(result.text, result.path)
        found = check_against_index(index, doc, min_articles=settings.min_articles, similarity=settings.similarity)
        extra = findings_to_diagnostics(doc, found)
        if extra:
            result.diagnostics = sorted(result.diagnostics + extra, key=Diagnostic.sort_key)
            for d in extra:
                result.source_lines.setdefault(d.line, doc.line_text(d.line - 1))

    return add


class _NoProgress:
    def __enter__(self):
        return lambda: None

    def __exit__(self, *exc: object) -> None:
        return None


def _progress(args: argparse.Namespace, total: int):
    """A rich progress bar on stderr for long runs on a terminal; silent in CI and pipes."""
    wanted = args.progress == "always" or (
        args.progress == "auto" and total >= 50 and sys.stderr.isatty() and not os.environ.get("CI")
        and not args.quiet)
    if not wanted:
        return _NoProgress()
    from contextlib import contextmanager

    @contextmanager
    def bar():
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

        with Progress(TextColumn("newslint"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
                      console=Console(stderr=True), transient=True) as progress:
            task = progress.add_task("lint", total=total)
            yield lambda: progress.advance(task)

    return bar()


def _registry_for(args: argparse.Namespace):
    from .config import Config, load_config_file
    from .registry import get_registry

    cfg = Config()
    if getattr(args, "config", None):
        cfg = load_config_file(Path(args.config)) or cfg
    else:
        from .config import ConfigResolver

        cfg = ConfigResolver().for_path(Path.cwd() / "__newslint__")
    return get_registry(frozenset(cfg.blocked_plugins), tuple(cfg.packs)), cfg


def _rules(args: argparse.Namespace) -> int:
    import json

    registry, cfg = _registry_for(args)
    from .engine import select_rules

    enabled = {r.code for r in select_rules(registry, cfg)}
    rows = [dict(r.metadata(), enabled=r.code in enabled) for r in registry.rules]
    if args.format == "json":
        json.dump(rows, sys.stdout, indent=2)
        sys.stdout.write("\n")
        return EXIT_CLEAN
    headers = ("code", "name", "severity", "fix", "on", "source")
    table = [(r["code"], r["name"], r["severity"], r["fix"], "yes" if r["enabled"] else "no", r["source"]) for r in rows]
    widths = [max(len(h), *(len(str(row[i])) for row in table)) for i, h in enumerate(headers)]
    print("  ".join(h.ljust(w) for h, w in zip(headers, widths)).rstrip())
    print("  ".join("-" * w for w in widths))
    for row in table:
        print("  ".join(str(c).ljust(w) for c, w in zip(row, widths)).rstrip())
    print(f"\n{len(rows)} rules, {len(enabled)} enabled; `newslint explain CODE` prints one rule's documentation.")
    return EXIT_CLEAN


def _explain(args: argparse.Namespace) -> int:
    registry, _ = _registry_for(args)
    rule = registry.get(args.rule)
    if rule is None:
        registry.resolve(args.rule)  # raises with a did-you-mean
        matches = registry.resolve(args.rule)
        raise UsageError(f"{args.rule!r} names {len(matches)} rules; give one code or name")
    print(f"{rule.code} [{rule.name}]")
    print(f"Severity: {rule.severity.value}    Category: {rule.category}    Fix: {rule.fix_applicability}    "
          f"Source: {rule.source}    Enabled by default: {'yes' if rule.default_enabled else 'no'}")
    print()
    print(rule.documentation)
    if rule.options:
        print("\nOptions:")
        for name, opt in rule.options.items():
            print(f"  {name} (default {opt.default!r}): {opt.help}")
    if rule.bad_examples:
        print("\nFlagged:")
        for ex in rule.bad_examples:
            print(f"  ✗ {ex.text.strip()}")
            if ex.fixed is not None:
                print(f"    → {ex.fixed.strip()}")
    if rule.good_examples:
        print("\nNot flagged:")
        for ex in rule.good_examples:
            print(f"  ✓ {ex.text.strip()}")
    return EXIT_CLEAN


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
