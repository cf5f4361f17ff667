#!/usr/bin/env python3
"""Score newslint against the dev sets in benchmarks/devset/.

  generated/     machine-generated articles (.txt / .md) with NAME.gold.json
                 (schema newslint-eval-gold/1); seed.txt is the reference article
  professional/  clean professional news (Lee/ABC corpus + hand-written look-alikes),
                 no gold: every finding there is a false-alarm candidate

Usage:
  python benchmarks/accuracy.py [--newslint "newslint"] [--json] [--check]
                                [--flags "--exit-zero --no-cache"] [--sarif FILE ...]

newslint is run as a subprocess: ``newslint check --format sarif FLAGS FILE...``
(files are batched; ``--per-file`` runs one process per article).  Optional flags
that the CLI rejects as unknown (e.g. ``--no-cache`` before it exists) are dropped
and the run is retried.  ``--sarif`` scores pre-made SARIF files instead of running
newslint (used to test this script).

Matching: a SARIF result matches a gold annotation when it is on the same line and
its column span [startColumn, endColumn) overlaps the gold span
[column, column + len(text)) or starts within 3 columns of the gold column.
Recall counts a gold annotation as found only if a matching result has the same
category (``properties.category``).  Precision = results matching any gold
annotation (any category) / all results on the generated set.

Exit status: 0, unless --check is given and a threshold fails (then 1):
  recall >= 0.95 for every category on the seed article, precision >= 0.90 on the
  generated set, and <= 3 findings per 1,000 non-blank lines on the professional set.
"""
from __future__ import annotations

import argparse
import collections
import json
import os
import re
import shlex
import shutil
import subprocess
import sys
import urllib.parse
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEVSET = HERE / "devset"
GENERATED = DEVSET / "generated"
PROFESSIONAL = DEVSET / "professional"
ARTICLE_EXTS = (".txt", ".md")
SLACK = 3  # a result starting within this many columns of the gold column matches

THRESHOLDS = {"seed_recall": 0.95, "precision": 0.90, "professional_per_1k": 3.0}


# ----------------------------------------------------------------------------- data
@dataclass
class Result:
    path: Path
    line: int
    column: int
    end_line: int
    end_column: int
    rule: str
    name: str
    category: str
    level: str
    message: str
    matched: list = field(default_factory=list)

    def span_end(self) -> float:
        if self.end_line > self.line:
            return float("inf")
        return max(self.end_column, self.column + 1)

    def where(self) -> str:
        return f"{rel(self.path)}:{self.line}:{self.column}"


@dataclass
class Gold:
    path: Path
    id: str
    line: int
    column: int
    category: str
    text: str
    found: bool = False
    located_as: list = field(default_factory=list)  # categories of results at the spot

    def where(self) -> str:
        return f"{rel(self.path)}:{self.line}:{self.column}"


def rel(p: Path) -> str:
    try:
        return str(p.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(p)


def article_files(root: Path) -> list[Path]:
    return sorted(p for p in root.rglob("*") if p.is_file() and p.suffix in ARTICLE_EXTS)


def load_gold(article: Path) -> list[Gold]:
    gp = article.with_name(article.stem + ".gold.json")
    if not gp.is_file():
        return []
    data = json.loads(gp.read_text(encoding="utf-8"))
    return [Gold(article, a["id"], a["line"], a["column"], a["category"], a["text"])
            for a in data.get("annotations", [])]


def nonblank_lines(p: Path) -> int:
    return sum(1 for line in p.read_text(encoding="utf-8").splitlines() if line.strip())


# ----------------------------------------------------------------------------- SARIF
def uri_to_path(uri: str, base: Path | None) -> Path:
    if uri.startswith("file:"):
        uri = urllib.parse.urlparse(uri).path
    uri = urllib.parse.unquote(uri)
    p = Path(uri)
    if not p.is_absolute() and base is not None:
        p = base / p
    return p


def utf16_to_codepoint(line_text: str, col16: int) -> int:
    """Convert a 1-based UTF-16 column to a 1-based code point column."""
    units = 0
    for i, ch in enumerate(line_text):
        if units >= col16 - 1:
            return i + 1
        units += 2 if ord(ch) > 0xFFFF else 1
    return len(line_text) + 1 + (col16 - 1 - units)


def parse_sarif(doc: dict, files: list[Path], cwd: Path) -> list[Result]:
    """Map SARIF results onto the given article files (by URI, then by unique suffix)."""
    by_resolved = {f.resolve(): f for f in files}
    out: list[Result] = []
    for run in doc.get("runs", []):
        col_kind = run.get("columnKind", "unicodeCodePoints")
        base_ids = run.get("originalUriBaseIds", {})
        rules = {}
        for i, r in enumerate(((run.get("tool") or {}).get("driver") or {}).get("rules", []) or []):
            rules[r.get("id")] = r
            rules[i] = r
        for res in run.get("results", []):
            locs = res.get("locations") or [{}]
            phys = locs[0].get("physicalLocation", {})
            art = phys.get("artifactLocation", {})
            uri = art.get("uri", "")
            base = cwd
            if art.get("uriBaseId") and art["uriBaseId"] in base_ids:
                base = uri_to_path(base_ids[art["uriBaseId"]].get("uri", ""), cwd)
            path = match_file(uri_to_path(uri, base) if uri else None, uri, files, by_resolved)
            if path is None:
                print(f"warning: result for unknown file {uri!r} ignored", file=sys.stderr)
                continue
            region = phys.get("region", {})
            line = int(region.get("startLine", 1))
            col = int(region.get("startColumn", 1))
            end_line = int(region.get("endLine", line))
            end_col = int(region.get("endColumn", col + 1))
            if col_kind == "utf16CodeUnits":
                lines = path.read_text(encoding="utf-8").split("\n")
                if line <= len(lines):
                    col = utf16_to_codepoint(lines[line - 1], col)
                if end_line <= len(lines):
                    end_col = utf16_to_codepoint(lines[end_line - 1], end_col)
            props = res.get("properties", {}) or {}
            rule_id = res.get("ruleId") or (rules.get(res.get("ruleIndex")) or {}).get("id", "?")
            rule_meta = rules.get(rule_id) or {}
            rule_props = rule_meta.get("properties", {}) or {}
            out.append(Result(
                path=path, line=line, column=col, end_line=end_line, end_column=end_col,
                rule=rule_id,
                name=props.get("name") or rule_meta.get("name") or "",
                category=props.get("category") or rule_props.get("category") or "",
                level=res.get("level", "warning"),
                message=(res.get("message") or {}).get("text", ""),
            ))
    return out


def match_file(p: Path | None, uri: str, files: list[Path], by_resolved: dict) -> Path | None:
    if p is not None:
        hit = by_resolved.get(p.resolve())
        if hit:
            return hit
    tail = urllib.parse.unquote(uri.split("://")[-1]).replace("\\", "/")
    cands = [f for f in files if f.as_posix().endswith("/" + tail.lstrip("./")) or f.name == tail]
    if len(cands) == 1:
        return cands[0]
    if len(files) == 1 and uri:
        return files[0]
    return None


# ----------------------------------------------------------------------------- running newslint
UNKNOWN_OPT = re.compile(r"(no such option|unrecognized arguments?|unknown option|no such flag)[:\s]*([-\w=]+)?", re.I)


class Runner:
    def __init__(self, command: str, flags: str, per_file: bool, timeout: float):
        argv = shlex.split(command)
        exe = argv[0] if argv else "newslint"
        if not shutil.which(exe):
            alt = Path(sys.executable).parent / exe
            if alt.exists():
                argv[0] = str(alt)
        self.base = argv
        self.flags = shlex.split(flags)
        self.dropped: list[str] = []
        self.per_file = per_file
        self.timeout = timeout
        self.version = ""
        self.errors: list[dict] = []

    def available(self) -> str | None:
        """Return an error message if newslint cannot be started, else None."""
        try:
            p = subprocess.run(self.base + ["--version"], capture_output=True, text=True, timeout=60)
        except (OSError, subprocess.TimeoutExpired) as e:
            return f"cannot run {' '.join(self.base)!r}: {e}"
        self.version = (p.stdout or p.stderr).strip().splitlines()[0] if (p.stdout or p.stderr).strip() else ""
        return None

    def run(self, files: list[Path]) -> list[Result]:
        results: list[Result] = []
        batches = [[f] for f in files] if self.per_file else [files[i:i + 200] for i in range(0, len(files), 200)]
        for batch in batches:
            results += self._run_batch(batch)
        return results

    def _run_batch(self, batch: list[Path]) -> list[Result]:
        while True:
            cmd = self.base + ["check", "--format", "sarif"] + self.flags + [str(f) for f in batch]
            p = subprocess.run(cmd, capture_output=True, text=True, timeout=self.timeout)
            bad = self._rejected_flag(p)
            if bad:
                self.flags.remove(bad)
                self.dropped.append(bad)
                print(f"note: newslint rejected {bad}; retrying without it", file=sys.stderr)
                continue
            break
        try:
            doc = json.loads(p.stdout)
        except json.JSONDecodeError:
            if len(batch) > 1:  # find the article(s) that break it: one process per file
                return [r for f in batch for r in self._run_batch([f])]
            msg = (p.stderr.strip().splitlines() or [f"exit {p.returncode}, no SARIF"])[-1]
            self.errors.append({"file": rel(batch[0]), "exit": p.returncode, "error": msg[:500]})
            print(f"warning: newslint failed on {rel(batch[0])} (exit {p.returncode}): {msg[:200]}", file=sys.stderr)
            return []
        return parse_sarif(doc, batch, Path.cwd())

    def _rejected_flag(self, p: subprocess.CompletedProcess) -> str | None:
        if p.returncode == 0 or not self.flags:
            return None
        err = p.stderr or ""
        for flag in self.flags:
            if not flag.startswith("-"):
                continue
            opt = flag.split("=")[0]
            if opt in err and (UNKNOWN_OPT.search(err) or "usage" in err.lower()):
                return flag
        return None


# ----------------------------------------------------------------------------- scoring
def overlaps(r: Result, g: Gold) -> bool:
    if r.line != g.line:
        return False
    g_end = g.column + max(len(g.text), 1)
    return (r.column < g_end and r.span_end() > g.column) or abs(r.column - g.column) <= SLACK


def score_generated(articles: list[Path], results: list[Result]) -> dict:
    golds = [g for a in articles for g in load_gold(a)]
    by_file = collections.defaultdict(list)
    for g in golds:
        by_file[g.path].append(g)
    for r in results:
        for g in by_file.get(r.path, []):
            if overlaps(r, g):
                r.matched.append(g)
                g.located_as.append(r.category)
                if r.category == g.category:
                    g.found = True

    def table(gs: list[Gold]) -> dict:
        cats = collections.OrderedDict()
        for g in sorted(gs, key=lambda g: g.category):
            c = cats.setdefault(g.category, {"gold": 0, "found": 0, "located_other_category": 0})
            c["gold"] += 1
            if g.found:
                c["found"] += 1
            elif g.located_as:
                c["located_other_category"] += 1
        for c in cats.values():
            c["recall"] = round(c["found"] / c["gold"], 4) if c["gold"] else None
        total = len(gs)
        found = sum(g.found for g in gs)
        return {"categories": cats, "gold": total, "found": found,
                "recall": round(found / total, 4) if total else None}

    seed = [g for g in golds if g.path.stem == "seed"]
    matched = sum(1 for r in results if r.matched)
    per_rule = collections.defaultdict(lambda: {"results": 0, "matched": 0, "category": ""})
    for r in results:
        pr = per_rule[r.rule]
        pr["results"] += 1
        pr["matched"] += bool(r.matched)
        pr["category"] = r.category
        pr["name"] = r.name
    return {
        "articles": len(articles),
        "all": table(golds),
        "seed": table(seed),
        "results": len(results),
        "matched_results": matched,
        "precision": round(matched / len(results), 4) if results else None,
        "per_rule": dict(sorted(per_rule.items())),
        "false_positive_candidates": [
            {"where": r.where(), "rule": r.rule, "name": r.name, "category": r.category,
             "message": r.message, "end_column": r.end_column}
            for r in sorted(results, key=lambda r: (str(r.path), r.line, r.column)) if not r.matched],
        "missed": [
            {"where": g.where(), "id": g.id, "category": g.category, "text": g.text,
             "located_as": sorted(set(g.located_as))}
            for g in sorted(golds, key=lambda g: (str(g.path), g.line, g.column)) if not g.found],
    }


def load_known_defects(root: Path) -> list[Gold]:
    """Genuine errors in the professional source text (professional/known-defects.json)."""
    kp = root / "known-defects.json"
    if not kp.is_file():
        return []
    data = json.loads(kp.read_text(encoding="utf-8"))
    return [Gold(root / d["file"], f"known-{i}", d["line"], d["column"], d["category"], d["text"])
            for i, d in enumerate(data.get("defects", []), 1)]


def score_professional(articles: list[Path], results: list[Result], cap: int, root: Path = PROFESSIONAL) -> dict:
    known = load_known_defects(root)
    for r in results:
        for g in known:
            if r.path.resolve() == g.path.resolve() and overlaps(r, g):
                g.found = True
                r.matched.append(g)
    true_hits = [r for r in results if r.matched]
    results = [r for r in results if not r.matched]
    lines = sum(nonblank_lines(a) for a in articles)
    per_rule = collections.Counter((r.rule, r.name, r.category) for r in results)
    k = lines / 1000 if lines else 1
    return {
        "articles": len(articles),
        "nonblank_lines": lines,
        "findings": len(results),
        "per_1k_lines": round(len(results) / k, 3) if lines else None,
        "per_rule": [{"rule": rule, "name": name, "category": cat, "count": n, "per_1k_lines": round(n / k, 3)}
                     for (rule, name, cat), n in per_rule.most_common()],
        "findings_list": [
            {"where": r.where(), "rule": r.rule, "name": r.name, "category": r.category, "message": r.message,
             "text": excerpt(r)}
            for r in sorted(results, key=lambda r: (str(r.path), r.line, r.column))[:cap]],
        "findings_listed": min(cap, len(results)),
        "known_defects": len(known),
        "known_defects_found": [{"where": r.where(), "rule": r.rule, "category": r.category, "text": excerpt(r)}
                                for r in true_hits],
        "known_defects_missed": [{"where": g.where(), "category": g.category, "text": g.text}
                                 for g in known if not g.found],
    }


def excerpt(r: Result) -> str:
    try:
        line = r.path.read_text(encoding="utf-8").split("\n")[r.line - 1]
    except (OSError, IndexError):
        return ""
    end = r.end_column if r.end_line == r.line else len(line) + 1
    end = min(max(end, r.column + 1), r.column + 60)
    return line[r.column - 1:end - 1]


def check(report: dict) -> list[str]:
    fails = []
    for cat, c in report["generated"]["seed"]["categories"].items():
        if c["recall"] is not None and c["recall"] < THRESHOLDS["seed_recall"]:
            fails.append(f"seed recall for {cat} is {c['recall']:.2f} < {THRESHOLDS['seed_recall']}")
    prec = report["generated"]["precision"]
    if prec is None or prec < THRESHOLDS["precision"]:
        fails.append(f"precision {prec} < {THRESHOLDS['precision']}")
    if report.get("errors"):
        fails.append(f"newslint failed on {len(report['errors'])} file(s)")
    per1k = report["professional"]["per_1k_lines"]
    if per1k is not None and per1k > THRESHOLDS["professional_per_1k"]:
        fails.append(f"professional findings {per1k:.2f} per 1,000 lines > {THRESHOLDS['professional_per_1k']}")
    return fails


# ----------------------------------------------------------------------------- output
def print_report(rep: dict, max_list: int) -> None:
    g = rep["generated"]
    p = rep["professional"]
    print(f"newslint accuracy — {rep['newslint']}")
    print(f"\nGENERATED set: {g['articles']} articles, {g['all']['gold']} gold annotations, {g['results']} results")
    print(f"{'category':18} {'gold':>5} {'found':>6} {'recall':>7} {'wrongcat':>9} | {'seed':>5} {'found':>6} {'recall':>7}")
    seedc = g["seed"]["categories"]
    for cat, c in g["all"]["categories"].items():
        s = seedc.get(cat)
        sp = f"{s['gold']:5d} {s['found']:6d} {s['recall']:7.2f}" if s else f"{'-':>5} {'-':>6} {'-':>7}"
        print(f"{cat:18} {c['gold']:5d} {c['found']:6d} {c['recall']:7.2f} {c['located_other_category']:9d} | {sp}")
    a, s = g["all"], g["seed"]
    print(f"{'TOTAL':18} {a['gold']:5d} {a['found']:6d} {(a['recall'] or 0):7.2f} {'':9} | "
          f"{s['gold']:5d} {s['found']:6d} {(s['recall'] or 0):7.2f}")
    prec = g["precision"]
    print(f"precision: {prec if prec is None else format(prec, '.3f')} "
          f"({g['matched_results']}/{g['results']} results match a gold annotation of any category)")
    if g["per_rule"]:
        print(f"\n{'rule':10} {'name':28} {'category':18} {'results':>7} {'matched':>7}")
        for rule, pr in g["per_rule"].items():
            print(f"{rule:10} {pr.get('name', '')[:28]:28} {pr['category'][:18]:18} {pr['results']:7d} {pr['matched']:7d}")
    fps = g["false_positive_candidates"]
    print(f"\nUnmatched results (false-positive candidates): {len(fps)}")
    for f in fps[:max_list]:
        print(f"  {f['where']}: {f['rule']} [{f['category']}] {f['message'][:100]}")
    if len(fps) > max_list:
        print(f"  ... {len(fps) - max_list} more (use --max-list or --json)")
    missed = g["missed"]
    print(f"\nMissed gold annotations: {len(missed)}")
    for m in missed[:max_list]:
        extra = f" (located as {', '.join(m['located_as'])})" if m["located_as"] else ""
        print(f"  {m['where']}: [{m['category']}] {m['text'][:70]!r}{extra}")
    if len(missed) > max_list:
        print(f"  ... {len(missed) - max_list} more (use --max-list or --json)")

    print(f"\nPROFESSIONAL set: {p['articles']} files, {p['nonblank_lines']} non-blank lines, "
          f"{p['findings']} false-alarm candidates = {p['per_1k_lines']} per 1,000 lines "
          f"(+ {len(p['known_defects_found'])}/{p['known_defects']} known genuine source errors found, not counted)")
    for r in p["per_rule"]:
        print(f"  {r['rule']:10} {r['name'][:28]:28} {r['category'][:18]:18} {r['count']:5d} {r['per_1k_lines']:8.2f}/1k")
    for f in p["findings_list"][:max_list]:
        print(f"  {f['where']}: {f['rule']} [{f['category']}] {f['text']!r} — {f['message'][:80]}")
    if p["findings"] > min(max_list, p["findings_listed"]):
        print(f"  ... {p['findings'] - min(max_list, p['findings_listed'])} more")
    if rep.get("errors"):
        print(f"\nnewslint FAILED on {len(rep['errors'])} file(s) (scored as if it reported nothing):")
        for e in rep["errors"]:
            print(f"  {e['file']}: exit {e['exit']}: {e['error'][:160]}")
    if rep.get("dropped_flags"):
        print(f"\nnote: flags not supported by this newslint and dropped: {' '.join(rep['dropped_flags'])}")
    if "check" in rep:
        print("\nCHECK: " + ("PASS" if not rep["check"] else "FAIL\n  " + "\n  ".join(rep["check"])))


# ----------------------------------------------------------------------------- main
def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Score newslint against benchmarks/devset.")
    ap.add_argument("--newslint", default=os.environ.get("NEWSLINT", "newslint"),
                    help='command that runs newslint (default "newslint"; e.g. "python -m newslint")')
    ap.add_argument("--flags", default="--exit-zero --no-cache",
                    help="extra flags for `newslint check` (unknown ones are dropped automatically)")
    ap.add_argument("--per-file", action="store_true", help="one newslint process per article")
    ap.add_argument("--sarif", action="append", type=Path, default=[],
                    help="score this SARIF file instead of running newslint (repeatable)")
    ap.add_argument("--generated", type=Path, default=GENERATED)
    ap.add_argument("--professional", type=Path, default=PROFESSIONAL)
    ap.add_argument("--json", action="store_true", help="print the full report as JSON")
    ap.add_argument("--check", action="store_true", help="exit 1 if a threshold fails")
    ap.add_argument("--max-list", type=int, default=60, help="cap on listed items per section (text output)")
    ap.add_argument("--timeout", type=float, default=600)
    args = ap.parse_args(argv)

    gen = [a for a in article_files(args.generated) if a.with_name(a.stem + ".gold.json").is_file()]
    pro = article_files(args.professional)
    report: dict = {"newslint": args.newslint, "thresholds": THRESHOLDS}
    try:
        if args.sarif:
            report["newslint"] = "SARIF: " + ", ".join(map(str, args.sarif))
            res = []
            for s in args.sarif:
                res += parse_sarif(json.loads(s.read_text(encoding="utf-8")), gen + pro, Path.cwd())
            gset = {a.resolve() for a in gen}
            gen_res = [r for r in res if r.path.resolve() in gset]
            pro_res = [r for r in res if r.path.resolve() not in gset]
        else:
            runner = Runner(args.newslint, args.flags, args.per_file, args.timeout)
            err = runner.available()
            if err:
                raise RuntimeError(err)
            report["newslint"] = f"{args.newslint} ({runner.version})" if runner.version else args.newslint
            gen_res = runner.run(gen)
            pro_res = runner.run(pro) if pro else []
            report["dropped_flags"] = runner.dropped
            report["errors"] = runner.errors
    except (RuntimeError, subprocess.TimeoutExpired, OSError) as e:
        print(f"error: {e}", file=sys.stderr)
        return 1 if args.check else 0

    report["generated"] = score_generated(gen, gen_res)
    report["professional"] = score_professional(pro, pro_res, cap=10_000 if args.json else args.max_list,
                                                root=args.professional)
    if args.check:
        report["check"] = check(report)
    if args.json:
        print(json.dumps(report, indent=1, ensure_ascii=False))
    else:
        print_report(report, args.max_list)
    return 1 if args.check and report["check"] else 0


if __name__ == "__main__":
    sys.exit(main())
