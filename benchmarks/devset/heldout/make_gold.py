#!/usr/bin/env python3
"""Build the held-out gold files from «locator» specs (reuses ../make_gold.py's locate/line_col).

Run:  python benchmarks/devset/heldout/make_gold.py   (then check.py / ../check_gold.py)
"""
from __future__ import annotations

import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
from make_gold import (B, PN, CS, SS, HC, SC, AR, TB, RP, SP, DW,  # noqa: E402
                       NOBLANK, ROWCELLS, DELIM, locate, line_col)

G, P = "generated", "professional"

SPECS: dict[tuple[str, str], list[tuple]] = {
    (G, "wildfire-season.txt"): [
        (B, "«In an era defined by rising temperatures and shrinking snowpacks»"),
        (PN, "end of «may»,a"),
        (CS, "«,a» figure"),
        (PN, "«british» Columbia"),
        (B, "«As communities across the country grapple with the threat of another scorching summer»"),
        (HC, "«Why This Year’s Fire season Is Different»", {"note": "\"season\" lowercase in a title-case heading"}),
        (SC, "«it is» worth noting", {"note": "sentence starts lowercase"}),
        (B, "«it is worth noting that»"),
        (SC, "- «lightning» Strikes", {"note": "list item starts lowercase"}),
        (PN, "South «africa»"),
        (CS, "«,and» was deployed"),
        (SC, "«officials said» the international", {"note": "sentence starts lowercase"}),
        (SP, "«extremly»", {"note": "extremely"}),
        (B, "«In a race against the clock»"),
        (TB, "«Province | Active Fires | Area Burned (ha) | Evacuees |»", NOBLANK),
        (TB, "«Saskatchewan | 96 | 410,000 | 4,200 | n/a |»", ROWCELLS),
        (PN, "across «ontario»’s"),
        (SS, "«.Doctors»"),
        (AR, "«an heavy»"),
        (DW, "«the the»"),
        (B, "«Final Thoughts»"),
        (B, "«As policymakers weigh their options»"),
        (RP, "options, «the length of the fire season»", {"kind": "phrase"}),
        (B, "«One thing is certain»"),
    ],
    (G, "pharma-merger.txt"): [
        (B, "«In a deal that sends shockwaves through the pharmaceutical industry»"),
        (CS, "«,creating»"),
        (B, "«As drugmakers scramble to capitalize on soaring demand for weight-loss drugs»"),
        (HC, "«Inside the $38 Billion Bet on weight-loss Drugs»", {"note": "\"weight-loss\" wholly lowercase in a title-case heading"}),
        (PN, "in «denmark» and"),
        (PN, "and «north» Carolina"),
        (HC, "- «Global Pricing power»", {"note": "run-in list heading: \"power\" lowercase"}),
        (PN, "hub in «copenhagen»"),
        (HC, "«The Regulatory Hurdles ahead»", {"note": "\"ahead\" lowercase in a title-case heading"}),
        (B, "«It is important to recognize that»"),
        (AR, "«A FTC»"),
        (TB, "«Acquirer | Target | Value ($bn) | Year |»", NOBLANK),
        (TB, "«AbbVie | Allergan | 63 |»", ROWCELLS),
        (SS, "«.Some» shareholders"),
        (DW, "«the the»"),
        (SP, "«commited»", {"note": "committed"}),
        (B, "«In Summary»"),
        (RP, "Halvorsen on «the market for obesity treatments»", {"kind": "phrase"}),
        (B, "«as the dust settles, investors will be watching closely»"),
        (B, "«In the ever-shifting world of pharmaceuticals, one thing remains clear»"),
    ],
    (G, "space-launch.md"): [
        (B, "«In a milestone that marks a new era for commercial spaceflight»"),
        (CS, "«,placing»"),
        (PN, "along «florida»’s"),
        (B, "«As the space industry races to meet surging demand for satellite launches»"),
        (HC, "«## How the Launch unfolded»", {"note": "\"unfolded\" lowercase in a title-case heading"}),
        (DW, "«be be»"),
        (PN, "in the «atlantic»"),
        (SC, "«the company» said data", {"note": "sentence starts lowercase"}),
        (AR, "«a extraordinary»"),
        (SC, "- «payload» Deployment", {"note": "list item starts lowercase"}),
        (SS, "«.It» is worth"),
        (B, "«It is worth emphasizing that»"),
        (TB, "«|---|---|---|»\n| Tempest", DELIM),
        (HC, "«## Challenges on the road Ahead»", {"note": "\"road\" lowercase in a title-case heading"}),
        (SP, "«acheive»", {"note": "achieve"}),
        (PN, "Cape «canaveral»"),
        (PN, "southern «texas»"),
        (RP, "Critics argue that «the growing number of launches»", {"kind": "phrase"}),
        (B, "## «The Bottom Line»"),
        (B, "«As the commercial space race heats up»"),
        (B, "«Whether it can do so remains to be seen»"),
        (B, "«In the grand scheme of things»"),
    ],
    (G, "teachers-strike.txt"): [
        (B, "«In a dramatic escalation of a months-long labor dispute»"),
        (PN, "in «philadelphia» walked"),
        (B, "«As parents scramble to find childcare»"),
        (CS, "«,with» union"),
        (DW, "«in in»"),
        (SC, "«union president»", {"note": "sentence starts lowercase"}),
        (SP, "«dissapointed»", {"note": "disappointed"}),
        (HC, "- «Support staff Ratios»", {"note": "run-in list heading: \"staff\" lowercase between capitalised words"}),
        (SC, "«a teacher» at a middle", {"note": "sentence starts lowercase"}),
        (SS, "«.The» district said it would keep"),
        (TB, "«Issue | Union Proposal | District Offer |»", NOBLANK),
        (SC, "«school» Nurses", {"note": "table cell starts lowercase (other cells are capitalised)"}),
        (AR, "«an nurse»"),
        (B, "«It is crucial to understand that»"),
        (SC, "«the longer» the strike lasts, the more", {"note": "sentence starts lowercase"}),
        (B, "«Closing Thoughts»"),
        (B, "«As negotiations drag on, the stakes for students could not be higher»"),
        (RP, "«The longer the strike lasts», the harder", {"kind": "phrase"}),
        (B, "«At the end of the day»"),
    ],
    (G, "hospital-cyberattack.txt"): [
        (B, "«In a chilling reminder of the vulnerabilities facing modern healthcare»"),
        (PN, "in «cleveland»,"),
        (CS, "«,and» officials"),
        (DW, "«full full»"),
        (PN, "U.S. and «europe»"),
        (AR, "«a unknown»"),
        (HC, "«Patients Face Delays and uncertainty»", {"note": "\"uncertainty\" lowercase in a title-case heading"}),
        (SC, "«cancer patients»", {"note": "sentence starts lowercase"}),
        (SP, "«perscriptions»", {"note": "prescriptions"}),
        (B, "«It goes without saying that»"),
        (SC, "- «check» the hospital", {"note": "list item starts lowercase"}),
        (SS, "«.It» is no secret"),
        (B, "«It is no secret that»"),
        (HC, "«Major Healthcare Cyberattacks in the united States»", {"note": "\"united\" lowercase in a title-case heading"}),
        (PN, "the «united» States"),
        (TB, "«Year | Organization | Records Affected |»", NOBLANK),
        (TB, "«2015 | Anthem | 78.8 million | Data breach |»", ROWCELLS),
        (SC, "«a spokesperson» said the hospital", {"note": "sentence starts lowercase"}),
        (B, "«In Closing»"),
        (B, "«As health systems grapple with an escalating wave of digital threats»"),
        (RP, "the stakes are «a matter of life and death»", {"kind": "phrase"}),
        (B, "«As the investigation continues, one can only hope that»"),
    ],
    (G, "supreme-court.md"): [
        (HC, "«# Supreme Court Strikes Down State Social Media Law for minors»", {"note": "\"minors\" lowercase in a title-case heading"}),
        (B, "«In a landmark decision that could reshape the digital landscape for millions of young Americans»"),
        (CS, "«,siding»"),
        (HC, "«## Inside the Majority opinion»", {"note": "\"opinion\" lowercase in a title-case heading"}),
        (AR, "«a unnecessarily»"),
        (SC, "«it is» important", {"note": "sentence starts lowercase"}),
        (B, "«it is important to underscore that»"),
        (SC, "- «data» Collection", {"note": "list item starts lowercase"}),
        (PN, "general of «texas»"),
        (DW, "«would would»"),
        (SS, "«.Several»"),
        (PN, "including «utah»"),
        (TB, "«| State | Law Passed | Status |»", NOBLANK),
        (SC, "| «joined» |", {"note": "table cell starts lowercase (other cells are capitalised)"}),
        (SP, "«concensus»", {"note": "consensus"}),
        (B, "## «Final Thoughts»"),
        (RP, "over «protecting children from online harms»", {"kind": "phrase"}),
        (B, "«As the nation wrestles with the role of technology in young lives»"),
    ],
    (G, "olympic-bid.txt"): [
        (B, "«In a bold statement of sporting ambition»"),
        (PN, "in «ahmedabad»"),
        (CS, "«,setting»"),
        (B, "«As india positions itself as a rising sporting power»"),
        (PN, "As «india» positions"),
        (PN, "showcase «india»’s"),
        (SS, "«.It» is hard"),
        (B, "«It is hard to overstate the symbolic importance of the bid»"),
        (SC, "- «existing» Venues", {"note": "list item starts lowercase"}),
        (HC, "«Questions Over cost and Readiness»", {"note": "\"cost\" lowercase in a title-case heading"}),
        (PN, "New «delhi»"),
        (SC, "«an economist»", {"note": "sentence starts lowercase"}),
        (SP, "«happend»", {"note": "happened"}),
        (TB, "«Host City | Year | Reported Cost ($bn) |»", NOBLANK),
        (TB, "«London | 2012 | 14.6 | 12 |»", ROWCELLS),
        (AR, "«a elaborate»"),
        (DW, "«as as»"),
        (CS, "«,though»"),
        (RP, "keeps «the cost of hosting major sporting events»", {"kind": "phrase"}),
        (B, "«Wrapping Up»"),
        (B, "«Only the coming years will reveal whether the dream becomes reality»"),
    ],
    (G, "red-sea-shipping.md"): [
        (HC, "«# Red Sea Attacks Push Shipping Costs to Record highs»", {"note": "\"highs\" lowercase in a title-case heading"}),
        (B, "«In a development that sent ripples through global supply chains»"),
        (PN, "to «rotterdam»"),
        (CS, "«,according»"),
        (HC, "«## Why Ships Are Avoiding the suez Canal»", {"note": "\"suez\" lowercase in a title-case heading"}),
        (PN, "the «suez» Canal"),
        (PN, "in «yemen»"),
        (PN, "and «europe»."),
        (SC, "«navigating the»", {"note": "sentence starts lowercase"}),
        (B, "«As maritime powers grapple with the escalating threat»"),
        (B, "«It bears mentioning that»"),
        (HC, "- «Higher freight Rates»", {"note": "run-in list heading: \"freight\" lowercase between capitalised words"}),
        (SC, "- «container» Shortages", {"note": "list item starts lowercase"}),
        (TB, "«| Shanghai–New York | 6,230 | +180% | +12% |»", ROWCELLS),
        (PN, "at «european» plants"),
        (SS, "«.Economists»"),
        (DW, "«to to»"),
        (SP, "«persistant»", {"note": "persistent"}),
        (B, "## «Concluding Remarks»"),
        (RP, "warned that «a fresh wave of attacks»", {"kind": "phrase"}),
        (B, "«As the global economy braces for prolonged disruption»"),
        (B, "«Whether calm returns to the region in the coming months is anyone’s guess»"),
    ],
    (P, "nsw-floods.txt"): [
        (PN, "Prime Minister «anthony»"),
        (SS, "«.The» river peaked"),
        (AR, "«a evacuation»"),
        (SP, "«emergancy»", {"note": "emergency"}),
        (CS, "«,which» is likely"),
    ],
    (P, "bridge-closure.txt"): [
        (DW, "«a a» serious"),
        (PN, "in «pennsylvania»"),
        (SS, "«.The» department said"),
        (SC, "«the closure» is the second", {"note": "paragraph starts lowercase"}),
        (SP, "«maintainance»", {"note": "maintenance"}),
    ],
    (P, "fraud-verdict.txt"): [
        (PN, "in «manhattan»"),
        (CS, "«,which» testified"),
        (SC, "«the emails»", {"note": "sentence starts lowercase"}),
        (DW, "«was was»"),
    ],
    (P, "marathon.txt"): [
        (AR, "«a Ethiopian»"),
        (CS, "«,beating»"),
        (PN, "of «kenya»"),
        (SC, "«the win»", {"note": "paragraph starts lowercase"}),
        (SP, "«begining»", {"note": "beginning"}),
    ],
    (P, "grocer-earnings.md"): [
        (CS, "«,their» biggest"),
        (PN, "in «texas» and"),
        (SS, "«.An» executive"),
        (TB, "«| Region | Growth |»", NOBLANK),
        (TB, "«| South | 9.1% | 8.7% |»", ROWCELLS),
        (AR, "«a industry»"),
    ],
    (P, "jobs-report.md"): [
        (PN, "the «federal» Reserve"),
        (TB, "«|---|---|»\n| Health care", DELIM),
        (SS, "«.Transportation»"),
        (SP, "«unemployement»", {"note": "unemployment"}),
        (DW, "hiring «is is»"),
    ],
}


def build(folder: str, name: str, specs: list[tuple]) -> dict:
    text = (HERE / folder / name).read_text(encoding="utf-8")
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
            extra.setdefault("note", f"\"{needle}\" used {len(uses)} times (lines {', '.join(map(str, uses))}); located at the 3rd use")
            third = uses[2] if len(uses) >= 3 else None
            assert third == line, f"{name}: repetition {needle!r} annotated on line {line}, 3rd use on {third}"
        ann.update(extra)
        anns.append(ann)
    anns.sort(key=lambda a: (a["line"], a["column"], a["category"]))
    prefix = "ho-" + Path(name).stem
    for i, a in enumerate(anns, 1):
        a["id"] = f"{prefix}-{i:03d}"
    return {"schema": "newslint-eval-gold/1", "set": f"heldout-{folder}", "file": name, "path": name,
            "line_count": len(lines), "annotations": anns}


def main() -> int:
    for (folder, name), specs in SPECS.items():
        gold = build(folder, name, specs)
        out = HERE / folder / (Path(name).stem + ".gold.json")
        out.write_text(json.dumps(gold, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
        print(f"{folder}/{out.name}: {len(gold['annotations'])} annotations")
    return 0


if __name__ == "__main__":
    sys.exit(main())
