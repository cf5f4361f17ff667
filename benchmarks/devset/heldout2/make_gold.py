#!/usr/bin/env python3
"""Build the heldout2 gold files from «locator» specs (reuses ../make_gold.py's locate/line_col/annotate).

heldout2 was written blind (without reading newslint, its rules, its tests or the other
generated dev-set articles).  Professional articles are clean: their gold files have no
annotations, so every finding on them is a false alarm.

Run:  python benchmarks/devset/heldout2/make_gold.py
then: python benchmarks/devset/check_gold.py benchmarks/devset/heldout2/generated benchmarks/devset/heldout2/professional
"""
from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
from make_gold import (B, PN, CS, SS, HC, SC, AR, TB, RP, SP, DW,  # noqa: E402
                       NOBLANK, ROWCELLS, DELIM, write_held_out)

G, P = "generated", "professional"


def hc(word: str) -> dict:
    return {"note": f"\"{word}\" lowercase in a title-case heading"}


def label(word: str) -> dict:
    return {"note": f"run-in list heading: \"{word}\" lowercase between capitalised words"}


def sp(correct: str) -> dict:
    return {"note": correct}


START = {"note": "sentence starts lowercase"}
PARA = {"note": "paragraph starts lowercase"}
ITEM = {"note": "list item starts lowercase"}
PHRASE = {"kind": "phrase"}

SPECS: dict[tuple[str, str], list[tuple]] = {
    (G, "water-crisis.txt"): [
        (HC, "«Port Alder Water Crisis: Residents Enter Third Week Without Safe tap Water»", hc("tap")),
        (B, "«In a crisis that has laid bare the fragility of aging infrastructure»"),
        (PN, "Port Alder, «ohio», entered"),
        (CS, "«,as» city officials"),
        (SP, "«resevoir»", sp("reservoir")),
        (B, "«As the city grapples with mounting public anger»"),
        (SS, "«.She» said crews"),
        (SC, "«critics were» unimpressed", START),
        (PN, "as early as «september»"),
        (PN, "from the «ohio» Environmental"),
        (SP, "«maintenence»", sp("maintenance")),
        (B, "«It is worth highlighting that»"),
        (SP, "«recomended»", sp("recommended")),
        (HC, "«How Residents Are coping»", hc("coping")),
        (CS, "«,while» a Walmart"),
        (AR, "«a urgent»"),
        (SC, "- «use» bottled water", ITEM),
        (SP, "afford to «loose» another", sp("lose (confusion)")),
        (TB, "«Sampling Site | Date | E. coli Detected | Chlorine (mg/L) |»", NOBLANK),
        (TB, "«Hollins Avenue | Nov. 10 | No | 0.4 | 0.6 |»", ROWCELLS),
        (DW, "bills and «the the» cost"),
        (SC, "«it is» also unclear", PARA),
        (B, "«In Summary»", {"note": "stock concluding heading"}),
        (RP, "shows that «the safety of the water supply» depends", PHRASE),
        (B, "«As the community braces for more weeks of uncertainty»"),
        (B, "«only time will tell»"),
    ],
    (G, "chip-export-ban.txt"): [
        (HC, "«Washington Tightens Chip Export Rules, Rattling Suppliers in Asia and europe»", hc("europe")),
        (PN, "Asia and «europe»"),
        (B, "«In a move that could redraw the map of the global semiconductor industry»"),
        (SP, "«equipement»", sp("equipment")),
        (PN, "equipement to «china»,"),
        (CS, "license«,and» for the first time"),
        (PN, "installed in «chinese» factories"),
        (PN, "covered machines in «china» without"),
        (SC, "- «new» Reporting Requirements", ITEM),
        (HC, "- «Foreign direct Product Rule»", label("direct")),
        (SS, "trading«.The» dutch"),
        (PN, "The «dutch» company"),
        (B, "«It is crucial to understand that»"),
        (AR, "«an significant»"),
        (AR, "«an memory»"),
        (CS, "this time«,possibly»"),
        (RP, "Without «access to the most advanced» lithography", PHRASE),
        (SP, "or below «woud» be", sp("would")),
        (HC, "«Timeline of U.S. Chip controls»", hc("controls")),
        (TB, "«Date | Measure | Main Target |»", NOBLANK),
        (TB, "«|---|---|»\nOct. 2022", DELIM),
        (SP, "«comercial»", sp("commercial")),
        (PN, "the «korean» chipmaker"),
        (DW, "have «to to» plan"),
        (SC, "«some clients», he added", START),
        (B, "«As the industry braces for a prolonged standoff»"),
        (B, "«It remains to be seen»"),
    ],
    (G, "rail-strike.txt"): [
        (HC, "«France Braces for Rail Chaos as Unions Launch Open-ended strike»", hc("strike")),
        (B, "«In a showdown that threatens to paralyze the country’s transport network at the busiest time of the year»"),
        (CS, "first day«,and» commuter"),
        (PN, "around «paris» were"),
        (CS, "UNSA-Ferroviaire unions«,is» the first"),
        (SP, "«withdarw»", sp("withdraw")),
        (SS, "proposal«.The» government"),
        (SP, "«thier» tickets", sp("their")),
        (SC, "- «suburban» RER", ITEM),
        (PN, "Nice and «briançon»"),
        (SS, "ski season«.Freight»"),
        (B, "«It goes without saying that»"),
        (DW, "for «a a» large"),
        (PN, "U.K. and «belgium»"),
        (HC, "«How the Government Is responding»", hc("responding")),
        (AR, "«a independent»"),
        (AR, "«an vital»"),
        (HC, "«Historical Rail Strikes in france»", hc("france")),
        (PN, "Strikes in «france»"),
        (TB, "«Year | Duration | Main Issue |»", NOBLANK),
        (TB, "«2019-20 | 47 days | Pension overhaul | Partial |»", ROWCELLS),
        (SP, "«comuters»", sp("commuters")),
        (PN, "modern «french» history"),
        (SC, "«negotiations are» expected", PARA),
        (RP, "Union officials said «the dispute over staffing levels» would", PHRASE),
        (B, "«As the nation braces for a long and uncertain winter»"),
    ],
    (G, "vaccine-trial.txt"): [
        (HC, "«Experimental TB Vaccine Cuts Infections by Half in Large african Trial»", hc("african")),
        (PN, "Large «african» Trial"),
        (B, "«In a development that could transform the fight against one of the world’s deadliest infectious diseases»"),
        (CS, "adults«,researchers»"),
        (AR, "«a estimated»"),
        (PN, "Zambia, «mozambique» and"),
        (SP, "«ocurred»", sp("occurred")),
        (DW, "127 «in in» the placebo"),
        (SC, "«lead investigator» Dr.", PARA),
        (PN, "Witwatersrand in «johannesburg»"),
        (HC, "«Side Effects and safety»", hc("safety")),
        (SS, "placebo«.There» were"),
        (SC, "- «fatigue» (22%)", ITEM),
        (SP, "«adolesents»", sp("adolescents")),
        (B, "«It is important to stress that»"),
        (SC, "«price will» be crucial", START),
        (CS, "tuberculosis«,though» advocates"),
        (B, "«As the global health community weighs its next steps»"),
        (RP, "Getting the shots to «countries with a high burden of tuberculosis»", PHRASE),
        (SP, "«Wether» that money", sp("whether")),
    ],
    (G, "club-takeover.txt"): [
        (HC, "«American Consortium Completes £420m Takeover of Ashford rovers»", hc("rovers")),
        (PN, "Ashford «rovers»"),
        (B, "«In the ever-changing world of English football»"),
        (SS, "survival«.The» deal"),
        (DW, "conference «at at» the stadium"),
        (HC, "«Why the Deal Took So long»", hc("long")),
        (PN, "In «march» the EFL"),
        (PN, "bidder from «dubai»"),
        (B, "«It is no secret that»"),
        (SP, "«intrest»", sp("interest")),
        (CS, "season«,with» wages"),
        (SC, "«analysts at» the football", START),
        (HC, "- «Supporter board Seat»", label("board")),
        (SC, "- «ticket» Prices", ITEM),
        (SP, "rather «then» words", sp("than (confusion)")),
        (SP, "«similiar»", sp("similar")),
        (PN, "in the «dutchman»"),
        (AR, "«an new» era"),
        (TB, "«Owner | Years | Purchase Price | Best League Finish |»", NOBLANK),
        (TB, "«Harborline Capital | 2026- | £420m |»", ROWCELLS),
        (B, "«As the dust settles on one of the Championship’s most protracted takeovers»"),
        (B, "«The stakes could not be higher»"),
        (RP, "leave «the long-term future of the club» in doubt", PHRASE),
        (PN, "the «boston»-based investor"),
        (CS, "Friday«,ending»"),
        (SP, "«futher»", sp("further")),
        (PN, "in «july» the previous"),
        (SP, "«detoriorated»", sp("deteriorated")),
        (SS, "turnover«.The» club"),
        (DW, "fans «would would» judge"),
        (PN, "a former «feyenoord»"),
        (PN, "the first «american»"),
        (HC, "«The Managerial question»", hc("question")),
    ],
    (G, "satellite-collision.md"): [
        (HC, "«# Two Satellites Collide in Low Earth Orbit, Scattering debris»", hc("debris")),
        (B, "«In a stark reminder of the growing congestion in space»"),
        (PN, "defunct «soviet»-era"),
        (PN, "above «siberia»"),
        (CS, "Tuesday«,creating»"),
        (SS, "Space Force said«.It» is the first"),
        (PN, "when the «american» communications"),
        (SS, "unaffected«.Its» chief"),
        (SP, "«collison»", sp("collision")),
        (SC, "«the dead» satellite", PARA),
        (B, "«As the space industry grapples with the fallout»"),
        (HC, "«## A Growing Debris problem»", hc("problem")),
        (SP, "«Prelimenary»", sp("preliminary")),
        (CS, "centimeters«,and» experts"),
        (B, "«It should be noted that»"),
        (TB, "«| Year | Event | Trackable Fragments |»", NOBLANK),
        (TB, "«| 2021 | Russian anti-satellite test | 1,500 | 1,800 |»", ROWCELLS),
        (DW, "assessing «the the» new"),
        (SC, "- **«better» Data Sharing", ITEM),
        (SP, "«soley»", sp("solely")),
        (AR, "«an mission»"),
        (B, "## «Concluding Thoughts»", {"note": "stock concluding heading"}),
        (RP, "«The growing risk of collisions in orbit» is no longer", PHRASE),
        (B, "«In an industry where every kilogram counts»"),
    ],
    (G, "boj-rate-decision.md"): [
        (HC, "«# Bank of Japan Lifts Rates to 1%, the Highest Level in three Decades»", hc("three")),
        (B, "«In a decision that underscores a historic shift in japan’s monetary policy»"),
        (PN, "shift in «japan»’s"),
        (CS, "Thursday«,marking»"),
        (SC, "«in a» statement, the central bank", START),
        (B, "«It’s worth pointing out that»"),
        (SP, "«acommodative»", sp("accommodative")),
        (SS, "increase«.Several»"),
        (SC, "- «weaker» Yen", ITEM),
        (PN, "10-year «japanese» government"),
        (SS, "since 2008«.Investors»"),
        (TB, "«|---|---|»\n| March 2024", DELIM),
        (HC, "«## What Economists Expect next»", hc("next")),
        (DW, "bank «has has» shown"),
        (PN, "at a «tokyo» brokerage"),
        (AR, "«an higher»"),
        (AR, "«an measured»"),
        (SP, "«yeilds»", sp("yields")),
        (B, "«As markets digest the decision»"),
        (RP, "borrowers alike, «the pace of future rate increases» will", PHRASE),
        (B, "«In a world of shifting monetary tides, one thing is clear»"),
    ],
    (G, "volcano-flights.md"): [
        (B, "«In a scene reminiscent of the 2010 ash cloud crisis»"),
        (PN, "eruption on «iceland»’s"),
        (SP, "«atmoshpere»", sp("atmosphere")),
        (CS, "departures«,and» Eurocontrol"),
        (HC, "«## Which Airports Are affected»", hc("affected")),
        (SS, "Scandinavia«.The» main"),
        (PN, "Bergen and «trondheim»"),
        (CS, "passengers«,while» easyJet"),
        (PN, "2010, «european» regulators"),
        (AR, "«a overhaul»"),
        (AR, "«an change»"),
        (SS, "rules«.Today»"),
        (B, "«It is essential to recognize that»"),
        (TB, "«| Route Length | Compensation if Delay Is Airline’s Fault | Applies to Ash Disruption? |»", NOBLANK),
        (TB, "«| Over 3,500 km | €600 | No | Yes |»", ROWCELLS),
        (SC, "«forecasters expect» a shift", START),
        (SP, "from «there» tour", sp("their (confusion)")),
        (DW, "weeks, and «the the» direction"),
        (RP, "watching «the movement of the ash cloud» closely", PHRASE),
        (B, "«As airlines scramble to rebook thousands of stranded travelers»"),
    ],
    # clean professional articles: no annotations
    (P, "council-budget.txt"): [],
    (P, "orchestra-tour.txt"): [],
    (P, "retail-sales.md"): [],
    (P, "museum-acquisition.md"): [],
}


def main() -> int:
    return write_held_out(HERE, SPECS, set_name="heldout2", id_prefix="ho2")


if __name__ == "__main__":
    sys.exit(main())
