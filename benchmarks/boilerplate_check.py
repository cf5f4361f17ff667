"""Standalone precision/recall check for the `rules/boilerplate.yaml` pack.

It does not import newslint: it re-implements the pack's matching contract
(phrase / pattern / start) so the pack can be tuned before the loader lands.

Usage:
    python benchmarks/boilerplate_check.py [--pack rules/boilerplate.yaml]
        [--seed PATH/seed-article.txt] [--gold PATH/seed-article.gold.json]
        [CLEAN_FILE ...]

CLEAN_FILE arguments are professionally edited news texts (for example the
Lee corpus, `lee_background.cor` and `lee.cor`, shipped inside the gensim
wheel under gensim/test/test_data/; extract them somewhere outside the repo,
they are not ours to commit). Every match in them is printed as a
probable false positive.

Exit status is 1 when any check fails, so the script can gate CI later.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_PACK = ROOT / "rules" / "boilerplate.yaml"
DEFAULT_SEED = ROOT / "tests" / "fixtures" / "seed-article.txt"
DEFAULT_GOLD = ROOT / "tests" / "fixtures" / "seed-article.gold.json"

MIN_TOKENS = 150
CODE_RANGE = range(510, 530)

#: Clean professional sentences that look like the stock framing but are
#: ordinary newsroom English. None of them may match.
CLEAN_LOOKALIKES = [
    "As negotiators met in Geneva, protesters gathered outside the hall.",
    "The company will navigate the river by barge to reach the mine.",
    "In conclusion of the hearing, the judge adjourned the case until March.",
    "Analysts said only the central bank could tell how far rates would rise.",
    "As the ship navigated the strait, the navy shadowed it.",
    "The landscape of the valley continues to evolve as glaciers melt.",
    "Glaciers continue to shape the landscape of the Southern Alps.",
    "Witnesses watched as the drama unfolded on the bridge.",
    "In a statement, the ministry said the talks would resume on Monday.",
    "In a move to reassert control, the executive rejected Ridgeway's bid.",
    "Moreover, the bank raised its cash rate by a quarter point.",
    "In addition, the council approved a new budget.",
    "In light of the ongoing tensions, the summit was moved to Vienna.",
    "First and foremost, the report recommends hiring more nurses.",
    "It is crucial to finish the levee before the rains, the mayor said.",
    "The treaty sits within the intricate web of regional trade deals.",
    "The agreement could pave the way for a ceasefire.",
    "The win was a testament to the squad's fitness, the coach said.",
    "Ports will play a pivotal role in determining the pace of the recovery.",
    "The time of the vote will be announced on Friday.",
    "The road ahead was closed after the crash near Goulburn.",
    "Investors were watching the bond market closely on Tuesday.",
    "The inquiry reached its conclusion after six weeks of hearings.",
    "To conclude the deal, both sides must sign by the end of June.",
    "Certainly the vote will be close, analysts said.",
    "Here is what we know about the bushfires so far.",
    "The language model market grew by 30 percent last year.",
    "Officials hope the new bridge helps ease traffic in the CBD.",
    "In a world first, surgeons in Melbourne implanted the device.",
    "In today's match the Bulldogs face the Swans at the SCG.",
    "The atmosphere in the chamber was heated as the vote began.",
    "As the situation developed overnight, police closed the highway.",
    "The firm said it was navigating a difficult quarter.",
    "As tensions rose, the embassy told citizens to leave.",
    "Whether the truce holds depends on the next round, the envoy said.",
    "The story continues to unfold in court next week.",
    "In summary judgment, the court ruled for the insurer.",
    "The summit's final communique ran to twelve pages.",
    "The stakes were raised when the union called a strike.",
    "Let me know, she told the reporter, if the figures change.",
    "The minister said it was essential to remember the victims.",
    "The museum restored a medieval tapestry woven in Flanders.",
    "Investigators will look into the contracts, the police said.",
    "The ruling marks the first time the court has heard such a case.",
    "He stands at the crossroads of two careers, his agent said.",
    "As both teams navigate a crowded fixture list, injuries mount.",
]


@dataclass(frozen=True)
class Token:
    """One compiled token of a rule."""

    code: str
    name: str
    index: int
    source: str
    kind: str  # "phrase" or "pattern"
    regex: re.Pattern[str]
    start: bool
    advice: str

    @property
    def label(self) -> str:
        return f"{self.code}[{self.index}]"


@dataclass(frozen=True)
class Match:
    token: Token
    start: int
    end: int
    text: str


# ---------------------------------------------------------------- compiling

_APOS = "['\u2019]"


def compile_phrase(phrase: str) -> str:
    """Literal phrase -> regex: escaped, \\s+ between words, ' == ’, \\b at word edges."""
    words = phrase.split()
    parts = []
    for word in words:
        esc = re.escape(word)
        esc = esc.replace("\\'", "'").replace("'", _APOS).replace("\u2019", _APOS)
        parts.append(esc)
    body = r"\s+".join(parts)
    if re.match(r"\w", phrase[0]):
        body = r"\b" + body
    if re.match(r"\w", phrase.rstrip()[-1]):
        body = body + r"\b"
    return body


_REQUIRED_RULE_KEYS = {
    "code", "name", "type", "severity", "category", "message",
    "ignorecase", "docs", "examples", "tokens",
}


def load_pack(path: Path) -> tuple[dict, list[Token], list[str]]:
    """Load and validate the pack; return (data, tokens, problems)."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    problems: list[str] = []
    tokens: list[Token] = []
    for key in ("pack", "description", "default", "rules"):
        if key not in data:
            problems.append(f"pack: missing key {key!r}")
    seen_codes: set[str] = set()
    seen_names: set[str] = set()
    seen_sources: dict[str, str] = {}
    for rule in data.get("rules", []):
        code = rule.get("code", "?")
        where = f"{code} {rule.get('name', '?')}"
        missing = _REQUIRED_RULE_KEYS - set(rule)
        if missing:
            problems.append(f"{where}: missing keys {sorted(missing)}")
        if code in seen_codes:
            problems.append(f"{where}: duplicate code")
        seen_codes.add(code)
        if not re.fullmatch(r"NL\d{3}", code) or int(code[2:]) not in CODE_RANGE:
            problems.append(f"{where}: code outside NL510-NL529")
        name = rule.get("name", "")
        if name in seen_names or not re.fullmatch(r"[a-z]+(?:-[a-z]+)*", name):
            problems.append(f"{where}: name duplicate or not kebab-case")
        seen_names.add(name)
        if rule.get("category") != "boilerplate":
            problems.append(f"{where}: category must be 'boilerplate'")
        if rule.get("type") != "existence":
            problems.append(f"{where}: type must be 'existence'")
        placeholders = set(re.findall(r"{(\w+)}", rule.get("message", "")))
        if not placeholders <= {"match", "advice"}:
            problems.append(f"{where}: unknown message placeholders {placeholders}")
        docs = rule.get("docs", "")
        for section in ("What it does", "Why is this bad?", "Fix safety"):
            if section not in docs:
                problems.append(f"{where}: docs lack section {section!r}")
        ex = rule.get("examples", {})
        if len(ex.get("bad", [])) < 3 or len(ex.get("good", [])) < 3:
            problems.append(f"{where}: needs at least 3 bad and 3 good examples")
        for i, tok in enumerate(rule.get("tokens", [])):
            tw = f"{where} token {i}"
            extra = set(tok) - {"phrase", "pattern", "advice", "start"}
            if extra:
                problems.append(f"{tw}: unknown keys {sorted(extra)}")
            if ("phrase" in tok) == ("pattern" in tok):
                problems.append(f"{tw}: needs exactly one of phrase/pattern")
                continue
            advice = tok.get("advice", "")
            if not advice or advice[0] != advice[0].lower() or advice.endswith("."):
                problems.append(f"{tw}: advice must start lowercase, no final period")
            kind = "phrase" if "phrase" in tok else "pattern"
            source = tok[kind]
            regex_src = compile_phrase(source) if kind == "phrase" else source
            if regex_src in seen_sources:
                problems.append(f"{tw}: duplicate of {seen_sources[regex_src]}")
            seen_sources[regex_src] = tw
            if kind == "pattern":
                problems.extend(f"{tw}: {p}" for p in lint_pattern(source))
            try:
                rx = re.compile(regex_src, re.IGNORECASE)
            except re.error as exc:
                problems.append(f"{tw}: does not compile: {exc}")
                continue
            if rx.search(""):
                problems.append(f"{tw}: matches the empty string")
            tokens.append(Token(code, name, i, source, kind, rx, bool(tok.get("start")), advice))
    return data, tokens, problems


def lint_pattern(src: str) -> list[str]:
    """Cheap static checks for runaway or sentence-crossing patterns."""
    out = []
    if re.search(r"(?<!\\)\.[*+]", src) or re.search(r"(?<!\\)\.\{\d*,\}", src):
        out.append("uses an unbounded '.' repetition")
    if re.search(r"\[\^(?![^\]]*\\n)[^\]]*\][*+]", src):
        out.append("unbounded negated class that may cross lines")
    # A group containing an unbounded quantifier that is itself repeated
    # without a bound: the classic (a+)+ shape.
    if re.search(r"\((?:[^()\\]|\\.)*[+*](?:[^()\\]|\\.)*\)(?:[*+]|\{\d*,\})", src):
        out.append("nested unbounded quantifier")
    if not re.match(r"(?:\(\?[a-z]+\))?(?:\\b|\(\?<!|\^|\\\[|\[)", src):
        out.append("does not start on a word boundary or an anchor")
    return out


# ---------------------------------------------------------------- matching

_LEAD = re.compile(
    r"[ \t]*(?:(?:[-*+|>]|\d{1,3}[.)]|#{1,6})[ \t]*)*[\"\u201c\u2018'(\[*_]*[ \t]*\Z"
)
_SENT_END = ".!?:\u2026"


def at_sentence_start(text: str, pos: int) -> bool:
    """True if `pos` begins a line/heading/list item or follows a sentence end."""
    line_start = text.rfind("\n", 0, pos) + 1
    before = text[line_start:pos]
    if _LEAD.match(before):
        return True
    stripped = before.rstrip(" \t\"\u201c\u201d\u2018\u2019'()[]*_")
    return bool(stripped) and stripped[-1] in _SENT_END


def find_matches(text: str, tokens: list[Token]) -> list[Match]:
    out = []
    for tok in tokens:
        for m in tok.regex.finditer(text):
            if m.end() == m.start():
                continue
            if tok.start and not at_sentence_start(text, m.start()):
                continue
            out.append(Match(tok, m.start(), m.end(), m.group(0)))
    out.sort(key=lambda m: (m.start, m.end))
    return out


def overlaps(matches: list[Match]) -> list[tuple[Match, Match]]:
    """Pairs of matches from different tokens whose spans intersect."""
    pairs = []
    for i, a in enumerate(matches):
        for b in matches[i + 1:]:
            if b.start >= a.end:
                break
            if a.token is not b.token:
                pairs.append((a, b))
    return pairs


def line_col(text: str, pos: int) -> tuple[int, int]:
    line = text.count("\n", 0, pos) + 1
    return line, pos - (text.rfind("\n", 0, pos) + 1) + 1


def read_text(path: Path) -> str:
    raw = path.read_bytes()
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("latin-1")  # the Lee corpus is Latin-1


# ---------------------------------------------------------------- reports

def report_counts(data: dict, tokens: list[Token]) -> None:
    print(f"== tokens: {len(tokens)} total (minimum {MIN_TOKENS})")
    for rule in data["rules"]:
        n = sum(1 for t in tokens if t.code == rule["code"])
        pats = sum(1 for t in tokens if t.code == rule["code"] and t.kind == "pattern")
        print(f"   {rule['code']} {rule['name']:<27} {n:3d} ({pats} patterns, {n - pats} phrases)")


def check_examples(data: dict, tokens: list[Token]) -> int:
    failures = 0
    print("== rule examples")
    for rule in data["rules"]:
        own = [t for t in tokens if t.code == rule["code"]]
        for bad in rule["examples"]["bad"]:
            if not find_matches(bad, own):
                failures += 1
                print(f"   FAIL {rule['code']} bad example not flagged: {bad!r}")
        for good in rule["examples"]["good"]:
            hits = find_matches(good, tokens)
            if hits:
                failures += 1
                for h in hits:
                    print(f"   FAIL {rule['code']} good example flagged by {h.token.label}: {h.text!r} in {good!r}")
    print(f"   {'ok' if not failures else f'{failures} failure(s)'}")
    return failures


def check_seed(seed: Path, gold: Path, tokens: list[Token]) -> int:
    text = read_text(seed)
    annotations = [a for a in json.loads(gold.read_text(encoding="utf-8"))["annotations"]
                   if a["category"] == "boilerplate"]
    matches = find_matches(text, tokens)
    by_pos = {}
    for m in matches:
        by_pos.setdefault(line_col(text, m.start), []).append(m)
    failures = 0
    print(f"== seed {seed.name}: {len(annotations)} gold boilerplate annotations")
    gold_pos = set()
    for a in annotations:
        pos = (a["line"], a["column"])
        gold_pos.add(pos)
        hits = by_pos.get(pos, [])
        if not hits:
            failures += 1
            print(f"   MISS {a['id']} {pos[0]}:{pos[1]} {a['text']!r}")
            continue
        best = max(hits, key=lambda m: len(m.text))
        norm = lambda s: s.replace("\u2019", "'").lower()
        if norm(best.text) == norm(a["text"]):
            cover = "exact"
        elif norm(best.text).startswith(norm(a["text"])):
            cover = "covers"
        else:
            cover = "PARTIAL"
            failures += 1
        print(f"   hit  {a['id']} {pos[0]}:{pos[1]} {best.token.label:<9} {cover:<7} {best.text!r}")
    extra = [m for m in matches if line_col(text, m.start) not in gold_pos]
    print(f"   matched {len(annotations) - sum(1 for a in annotations if (a['line'], a['column']) not in by_pos)}"
          f"/{len(annotations)}; extra matches: {len(extra)}")
    for m in extra:
        ln, col = line_col(text, m.start)
        print(f"   EXTRA {ln}:{col} {m.token.label} {m.text!r}")
    dup = overlaps(matches)
    for a, b in dup:
        print(f"   OVERLAP {a.token.label} {a.text!r} / {b.token.label} {b.text!r}")
    return failures + len(dup)


def check_lookalikes(tokens: list[Token]) -> int:
    failures = 0
    print(f"== {len(CLEAN_LOOKALIKES)} in-file clean look-alikes")
    for sentence in CLEAN_LOOKALIKES:
        for m in find_matches(sentence, tokens):
            failures += 1
            print(f"   FALSE {m.token.label} {m.text!r} in {sentence!r}")
    print(f"   {'ok' if not failures else f'{failures} false match(es)'}")
    return failures


def check_clean_files(paths: list[Path], tokens: list[Token]) -> int:
    total_lines = 0
    hits = 0
    timings: dict[str, float] = {}
    texts = [(p, read_text(p)) for p in paths]
    print(f"== clean corpus: {', '.join(p.name for p in paths) or '(none given)'}")
    for path, text in texts:
        total_lines += text.count("\n") + (0 if text.endswith("\n") else 1)
        for tok in tokens:
            t0 = time.perf_counter()
            found = find_matches(text, [tok])
            timings[tok.label] = timings.get(tok.label, 0.0) + time.perf_counter() - t0
            for m in found:
                hits += 1
                ln, col = line_col(text, m.start)
                ctx = text[max(0, m.start - 50):m.end + 50].replace("\n", " ")
                print(f"   {path.name}:{ln}:{col} {m.token.label} {m.text!r}  ...{ctx}...")
    if not paths:
        return 0
    rate = 1000 * hits / max(total_lines, 1)
    size = sum(len(t) for _, t in texts)
    print(f"   {hits} match(es) in {total_lines} lines / {size} chars ({rate:.2f} per 1,000 lines)")
    slow = sorted(timings.items(), key=lambda kv: -kv[1])[:3]
    print("   slowest tokens: " + ", ".join(f"{k} {v * 1000:.1f} ms" for k, v in slow))
    budget = max(1, total_lines // 1000)
    return 0 if hits <= budget else hits


def check_stress(tokens: list[Token]) -> int:
    """Feed each token long punctuation-free runs of its own words; flag slow ones."""
    failures = 0
    worst = ("", 0.0)
    for tok in tokens:
        words = re.findall(r"[a-z]+", tok.source.lower())[:12] or ["as"]
        blob = (" ".join(words) + " ") * 4000  # ~>100 kB, no sentence ends
        t0 = time.perf_counter()
        for _ in tok.regex.finditer(blob):
            pass
        dt = time.perf_counter() - t0
        if dt > worst[1]:
            worst = (tok.label, dt)
        if dt > 0.5:
            failures += 1
            print(f"   SLOW {tok.label}: {dt:.2f}s on {len(blob)} chars")
    print(f"== stress: worst {worst[0]} {worst[1] * 1000:.1f} ms on ~{len(blob) // 1000} kB")
    return failures


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pack", type=Path, default=DEFAULT_PACK)
    ap.add_argument("--seed", type=Path, default=DEFAULT_SEED)
    ap.add_argument("--gold", type=Path, default=DEFAULT_GOLD)
    ap.add_argument("clean", nargs="*", type=Path, help="clean professional news files")
    args = ap.parse_args(argv)

    data, tokens, problems = load_pack(args.pack)
    failures = len(problems)
    if problems:
        print("== pack problems")
        for p in problems:
            print(f"   {p}")
    report_counts(data, tokens)
    if len(tokens) < MIN_TOKENS:
        failures += 1
        print(f"   FAIL fewer than {MIN_TOKENS} tokens")
    failures += check_examples(data, tokens)
    failures += check_seed(args.seed, args.gold, tokens)
    failures += check_lookalikes(tokens)
    failures += check_clean_files(args.clean, tokens)
    failures += check_stress(tokens)

    # Overlaps anywhere in the bad examples: two tokens firing on one phrase.
    sample = "\n".join(b for r in data["rules"] for b in r["examples"]["bad"])
    for a, b in overlaps(find_matches(sample, tokens)):
        failures += 1
        print(f"   OVERLAP {a.token.label} {a.text!r} / {b.token.label} {b.text!r}")

    print("== result:", "PASS" if not failures else f"FAIL ({failures})")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
