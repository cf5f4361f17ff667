#!/usr/bin/env python3
"""Build the gold files of the generated dev set from hand-written locators.

Each planted defect is written below as ``(category, locator, extra)``.  A
locator is a snippet of the article with the flagged text between « and »,
e.g. ``"in «germany» and Italy"``.  The snippet (markers removed) must occur
exactly once in the article unless it ends with ``@N`` (use the N-th
occurrence, 1-based).  The script computes line and column (1-based, in code
points) so nobody has to count characters, and writes ``NAME.gold.json`` in
the ``newslint-eval-gold/1`` schema.  For ``repetition`` annotations the
``lines`` field (every line where the phrase occurs, case-insensitively) is
filled in automatically.

Run:  python benchmarks/devset/make_gold.py      (then check_gold.py)
The seed article's gold is copied from shared/examples, not built here.
"""
from __future__ import annotations

import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
GEN = HERE / "generated"

B, PN, CS, SS, HC, SC, AR, TB, RP, SP, DW = (
    "boilerplate", "proper-noun-case", "comma-spacing", "sentence-spacing", "heading-case",
    "sentence-case", "article", "table", "repetition", "spelling", "doubled-word")

NOBLANK = {"kind": "no-blank-line-before",
           "note": "pipe table starts straight after a non-blank line (no blank line before it)"}
ROWCELLS = {"kind": "row-cell-count", "note": "row has a different number of cells from the header"}
DELIM = {"kind": "delimiter-cell-count",
         "note": "delimiter row has a different number of cells from the header row (not a valid GFM table)"}

SPECS: dict[str, list[tuple]] = {
    "energy-prices.txt": [
        (PN, "across «europe» have"),
        (CS, "«,driven»"),
        (AR, "«a unexpected»"),
        (SS, "«.In» a landscape"),
        (B, "«In a landscape shaped by volatility and geopolitical risk»"),
        (B, "«As policymakers navigate this delicate balancing act»"),
        (HC, "«Why Energy Bills Are Set to Rise Again This winter»", {"note": "\"winter\" lowercase in a title-case heading"}),
        (DW, "«the the»"),
        (PN, "in «germany» and"),
        (SC, "- «weather» Forecasts", {"note": "list item starts lowercase"}),
        (HC, "- «Low Wind output»", {"note": "run-in list heading: \"output\" lowercase"}),
        (PN, "while «france» has"),
        (SP, "«untill»", {"note": "until"}),
        (SP, "«beleive»", {"note": "believe"}),
        (HC, "«Projected Household Energy Costs by country»", {"note": "\"country\" lowercase in a title-case heading"}),
        (TB, "«Country | Average Annual Bill (EUR) | Change on Last Year |»", NOBLANK),
        (TB, "«Spain | 1,720 | +22% | n/a |»", ROWCELLS),
        (B, "«It’s essential to remember that»"),
        (SS, "«.Though»"),
        (SC, "«central banks» are also", {"note": "paragraph starts lowercase"}),
        (RP, "«put upward pressure on» wages", {"kind": "phrase"}),
        (B, "«To Conclude»"),
        (PN, "of «europe»’s energy"),
        (B, "«As the world watches»"),
        (B, "«only time will tell»"),
    ],
    "election.txt": [
        (B, "«In a political climate marked by deep uncertainty»"),
        (PN, "voters in «portugal» head"),
        (CS, "«,but» no party"),
        (SS, "«.The» result"),
        (SP, "«goverment»", {"note": "government"}),
        (HC, "«What Is at Stake in Portugal’s Snap election»", {"note": "\"election\" lowercase in a title-case heading"}),
        (AR, "«an weary»"),
        (SC, "- «smaller» Parties", {"note": "list item starts lowercase"}),
        (TB, "«Party | Vote Share | Change Since 2024 |»", NOBLANK),
        (B, "«As the nation braces for a pivotal moment»"),
        (SP, "«definately»", {"note": "definitely"}),
        (RP, "«the balance of power» for the first time", {"kind": "phrase"}),
        (SC, "«in the» event of a hung parliament", {"note": "paragraph starts lowercase"}),
        (B, "«In Conclusion»"),
        (PN, "Whether «portugal»’s leaders"),
        (B, "«Only time will tell»"),
    ],
    "ai-launch.txt": [
        (B, "«In a move that signals a new chapter»"),
        (PN, "«san» Francisco-based"),
        (CS, "«,claiming»"),
        (HC, "«Inside Arclight’s Meridian: What the new Model Can Do»", {"note": "\"new\" lowercase in a title-case heading"}),
        (SP, "«accomodate»", {"note": "accommodate"}),
        (SP, "«recieved»", {"note": "received"}),
        (HC, "- «Enterprise safety Controls»", {"note": "run-in list heading: \"safety\" lowercase between capitalised words"}),
        (SC, "- «multilingual» Support", {"note": "list item starts lowercase"}),
        (PN, "including «microsoft» and"),
        (SS, "«.Analysts»"),
        (TB, "«Model | Developer | Benchmark Score |»", NOBLANK),
        (B, "«It is worth noting that»"),
        (SP, "«publically»", {"note": "publicly"}),
        (B, "«As the industry grapples with questions about transparency»"),
        (PN, "Regulators in «brussels»"),
        (AR, "«a ongoing»"),
        (B, "«To Conclude»"),
        (RP, "businesses in «heavily regulated industries such as» insurance", {"kind": "phrase"}),
        (SC, "«whether that» bet", {"note": "sentence starts lowercase"}),
        (B, "«In an ever-evolving landscape, one thing is clear»"),
    ],
    "climate-summit.txt": [
        (B, "«As the world watches»"),
        (PN, "in the «amazon» region"),
        (PN, "«brazil»’s government"),
        (HC, "«Finance Takes Centre Stage as Talks open»", {"note": "\"open\" lowercase in a title-case heading"}),
        (SC, "«the gap» between", {"note": "sentence starts lowercase"}),
        (SP, "«seperate»", {"note": "separate"}),
        (HC, "- «Fossil Fuel phase-out»", {"note": "run-in list heading: \"phase-out\" lowercase"}),
        (SS, "«.Without»"),
        (CS, "«,which» together"),
        (HC, "«Emissions Pledges of Major economies»", {"note": "\"economies\" lowercase in a title-case heading"}),
        (TB, "«Country | 2035 Target | Baseline Year |»", NOBLANK),
        (B, "«In a landscape shaped by competing national interests»"),
        (SP, "«recieve»", {"note": "receive"}),
        (B, "«In Conclusion»"),
        (RP, "the pressure «to limit warming to 1.5C»", {"kind": "phrase"}),
        (B, "«As we navigate this critical juncture»"),
    ],
    "football-transfer.txt": [
        (B, "«In a transfer saga that has captivated fans across the continent»"),
        (PN, "with «bayern» Munich"),
        (PN, "medical in «manchester»"),
        (CS, "«,before» signing"),
        (HC, "«Why United Moved for lima»", {"note": "\"lima\" lowercase in a title-case heading"}),
        (PN, "Moved for «lima»"),
        (PN, "forwards in «europe»"),
        (DW, "«the the»"),
        (SS, "«.Talks»"),
        (HC, "«Lima’s Record in the bundesliga»", {"note": "\"bundesliga\" lowercase in a title-case heading"}),
        (PN, "in the «bundesliga»"),
        (TB, "«Season | Appearances | Goals | Assists |»", NOBLANK),
        (TB, "«2024-25 | 31 | 19 |»", ROWCELLS),
        (AR, "«a exceptional»"),
        (SC, "«the signing» is expected", {"note": "paragraph starts lowercase"}),
        (B, "«It remains to be seen»"),
        (RP, "hope that «the financial muscle of the richest clubs»", {"kind": "phrase"}),
        (B, "«Only time will tell»"),
    ],
    "central-bank.txt": [
        (CS, "«,signalling»"),
        (PN, "trade policy, «powell» acknowledged"),
        (HC, "- «Pressure from the white House»", {"note": "run-in list heading: \"white\" lowercase between capitalised words"}),
        (PN, "Pressure from the «white» House"),
        (PN, "stocks on «wall» Street"),
        (HC, "«Fed Projections for the years ahead»", {"note": "\"years ahead\" lowercase in a title-case heading"}),
        (TB, "«Indicator | 2025 | 2026 | 2027 |»", NOBLANK),
        (SP, "«occured»", {"note": "occurred"}),
        (B, "«It is important to note that»"),
        (SS, "«.Some» analysts"),
        (AR, "«an European»"),
        (B, "«In Conclusion»"),
        (RP, "they will «wait for clearer evidence that» the economy", {"kind": "phrase"}),
        (B, "«As central banks navigate this uncertain landscape»"),
    ],
    "housing-market.md": [
        (HC, "«# Britain’s Housing Market Cools as Mortgage rates Rise»", {"note": "\"rates\" lowercase in a title-case heading"}),
        (B, "«In a market defined by uncertainty»"),
        (PN, "house prices in «england» fell"),
        (CS, "«,according»"),
        (HC, "«## Why Buyers Are Holding back»", {"note": "\"back\" lowercase in a title-case heading"}),
        (SS, "«.Estate»"),
        (SC, "- «economic» Uncertainty", {"note": "list item starts lowercase"}),
        (PN, "expired in «april»"),
        (TB, "«|---|---|»\n| London", DELIM),
        (AR, "«A analyst»"),
        (SC, "«house builders» have scaled", {"note": "sentence starts lowercase"}),
        (B, "## «In Conclusion»"),
        (B, "«As the market navigates this challenging period»"),
        (RP, "«put further strain on» the market", {"kind": "phrase"}),
        (B, "«only time will tell»"),
    ],
    "drug-approval.md": [
        (CS, "«,a» decision"),
        (HC, "«## What the Decision means for Patients»", {"note": "\"means\" lowercase in a title-case heading"}),
        (DW, "«the the»"),
        (B, "«In a landscape shaped by rising dementia rates»"),
        (SC, "- «patient» Registry", {"note": "list item starts lowercase"}),
        (PN, "in a «european» registry"),
        (AR, "«a important»"),
        (SS, "«.It’s» essential"),
        (B, "«It’s essential to remember that»"),
        (HC, "«## Trial Results at a glance»", {"note": "\"glance\" lowercase in a title-case heading"}),
        (TB, "«| Serious side effects | 1.6% |»", ROWCELLS),
        (PN, "including «germany» and"),
        (SP, "«definately»", {"note": "definitely"}),
        (B, "«As the world grapples with an ageing population»"),
        (B, "«It remains to be seen»"),
        (SP, "«aquire»", {"note": "acquire"}),
    ],
    "trade-talks.md": [
        (HC, "«# US-china Trade Talks Resume in Geneva»", {"note": "\"china\" lowercase in a title-case heading"}),
        (PN, "# US-«china» Trade"),
        (B, "«In a development that highlights the fragile state of global commerce»"),
        (PN, "The US-«china» negotiations"),
        (HC, "«## What Each Side wants»", {"note": "\"wants\" lowercase in a title-case heading"}),
        (PN, "145% on «chinese» goods"),
        (PN, "125% on «american» imports"),
        (CS, "«,and» some have warned"),
        (DW, "«and and»"),
        (PN, "Export Controls: «china» wants"),
        (SC, "- «rare» Earths", {"note": "list item starts lowercase"}),
        (CS, "«,as» investors"),
        (SS, "«.A» more realistic"),
        (TB, "«Tariff | Before April | Current |»", NOBLANK),
        (SP, "«independant»", {"note": "independent"}),
        (SP, "«neccessary»", {"note": "necessary"}),
        (B, "## «To Conclude»"),
        (B, "«As the two largest economies navigate this pivotal moment»"),
        (RP, "Even «a temporary truce that» lowers", {"kind": "phrase"}),
        (B, "«Only time will tell»"),
    ],
}

PREFIX = {"energy-prices.txt": "energy", "election.txt": "election", "ai-launch.txt": "ai",
          "climate-summit.txt": "climate", "football-transfer.txt": "football",
          "central-bank.txt": "fed", "housing-market.md": "housing", "drug-approval.md": "drug",
          "trade-talks.md": "trade"}


def locate(text: str, locator: str) -> tuple[int, str]:
    """Return (offset of the flagged text, flagged text) for a «locator»."""
    nth = None
    m = re.search(r"@(\d+)$", locator)
    if m:
        nth, locator = int(m.group(1)), locator[: m.start()]
    a, b = locator.index("«"), locator.index("»")
    needle = locator[a + 1 : b]
    plain = locator[:a] + needle + locator[b + 1 :]
    hits = [mm.start() for mm in re.finditer(re.escape(plain), text)]
    if not hits:
        raise SystemExit(f"locator not found: {locator!r}")
    if nth is None and len(hits) > 1:
        raise SystemExit(f"locator {locator!r} occurs {len(hits)} times; add @N")
    start = hits[(nth or 1) - 1]
    return start + a, needle


def line_col(text: str, offset: int) -> tuple[int, int]:
    line = text.count("\n", 0, offset) + 1
    col = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return line, col


def annotate(path: Path, specs: list[tuple], *, set_name: str, id_prefix: str,
             check_third_use: bool = False) -> dict:
    """A gold file for the article at `path` from its «locator» specs (shared with heldout/make_gold.py)."""
    name = path.name
    text = path.read_text(encoding="utf-8")
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    anns = []
    for spec in specs:
        category, locator = spec[0], spec[1]
        extra = dict(spec[2]) if len(spec) > 2 else {}
        off, needle = locate(text, locator)
        line, col = line_col(text, off)
        ann = {"id": "", "line": line, "column": col, "category": category, "text": needle}
        if category == "repetition":
            uses = sorted(i for i, l in enumerate(lines, 1) for _ in re.finditer(re.escape(needle.lower()), l.lower()))
            extra.setdefault("lines", uses)
            extra.setdefault("note", f"\"{needle}\" used {len(uses)} times (lines "
                             f"{', '.join(map(str, uses))}); located at the 3rd use")
            if check_third_use:
                third = uses[2] if len(uses) >= 3 else None
                assert third == line, f"{name}: repetition {needle!r} annotated on line {line}, 3rd use on {third}"
        ann.update(extra)
        anns.append(ann)
    anns.sort(key=lambda a: (a["line"], a["column"], a["category"]))
    for i, a in enumerate(anns, 1):
        a["id"] = f"{id_prefix}-{i:03d}"
    return {"schema": "newslint-eval-gold/1", "set": set_name, "file": name, "path": name,
            "line_count": len(lines), "annotations": anns}


def write_held_out(root: Path, specs: dict[tuple[str, str], list[tuple]], *, set_name: str, id_prefix: str) -> int:
    """Write `FOLDER/NAME.gold.json` under a held-out set's `root` for every ((folder, name), specs)."""
    for (folder, name), article_specs in specs.items():
        gold = annotate(root / folder / name, article_specs, set_name=f"{set_name}-{folder}",
                        id_prefix=f"{id_prefix}-{Path(name).stem}", check_third_use=True)
        out = root / folder / (Path(name).stem + ".gold.json")
        out.write_text(json.dumps(gold, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
        print(f"{folder}/{out.name}: {len(gold['annotations'])} annotations")
    return 0


def build(name: str, specs: list[tuple]) -> dict:
    return annotate(GEN / name, specs, set_name="generated", id_prefix=PREFIX[name])


def main() -> int:
    for name, specs in SPECS.items():
        gold = build(name, specs)
        out = GEN / (Path(name).stem + ".gold.json")
        out.write_text(json.dumps(gold, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
        print(f"{out.name}: {len(gold['annotations'])} annotations")
    return 0


if __name__ == "__main__":
    sys.exit(main())
