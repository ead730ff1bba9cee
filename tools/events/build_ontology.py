"""Generate rasad/data/events/cameo.tsv and plover.tsv from the event codebooks in ../shared.

Run from the project root: `python -m tools.events.build_ontology --shared ../shared`.
The generated files are committed; rasad reads them with `rasad.events.ontology` and never
needs ../shared at run time. `tests/events/test_ontology.py` checks they are up to date.

Sources (all under `<shared>/data/events/`):

* `icews_cameo_codebook/cameo-codes.csv`: every CAMEO code, its name and Goldstein value
  (the ICEWS table; read as mac_roman, per `data/SOURCES.md`).
* `gdelt_lookups/CAMEO.goldsteinscale.txt`: only to name, in the header, where GDELT's
  Goldstein values differ from the ICEWS ones shipped.
* `plover/CAMEO2PLOVER-2021.txt`: CAMEO code -> PLOVER event, mode, context.
* `ngec_assets/PLOVER_structured_codebook_updated.csv`: the modes each PLOVER event allows.

Where the sources disagree, `plover/plover_reference.html` wins (DESIGN.md, EVENTS_GUIDE.md);
each such decision is a row of OVERRIDES or a rule below, and is written into the header.
"""

from __future__ import annotations

import argparse
import csv
import re
from dataclasses import dataclass
from pathlib import Path

OUT = Path(__file__).resolve().parents[2] / "rasad" / "data" / "events"

# The 18 types in the output contract's order (rasad/schema/document.schema.json).
PLOVER_TYPES = ("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT",
                "INVESTIGATE", "DEMAND", "DISAPPROVE", "REJECT", "THREATEN", "PROTEST", "CRIME",
                "SANCTION", "MOBILIZE", "COERCE", "ASSAULT")
RENAME = {"REQUEST": "DEMAND", "ACCUSE": "DISAPPROVE", "FIGHT": "ASSAULT"}
DIFFERING = ("016", "022", "164", "165")  # where the ICEWS and GDELT Goldstein tables differ

# CAMEO's own quad classes, by root: 01-05 verbal cooperation, 06-08 material cooperation,
# 09-13 verbal conflict, 14-20 material conflict (as in GDELT's QuadClass).
QUAD_BY_ROOT = {f"{root:02d}": 1 if root <= 5 else 2 if root <= 8 else 3 if root <= 13 else 4
                for root in range(1, 21)}
# PLOVER's quad classes: manual draft 0.8, table 7.2 (REQUEST and ACCUSE renamed), and the
# PLOVER README for the two types the manual lacks (INVESTIGATE, CRIME).
PLOVER_QUAD = {"AGREE": 1, "CONSULT": 1, "SUPPORT": 1, "CONCEDE": 1,
               "COOPERATE": 2, "AID": 2, "RETREAT": 2, "INVESTIGATE": 2,
               "DEMAND": 3, "DISAPPROVE": 3, "REJECT": 3, "THREATEN": 3, "SANCTION": 3,
               "PROTEST": 4, "CRIME": 4, "MOBILIZE": 4, "COERCE": 4, "ASSAULT": 4}


@dataclass(frozen=True)
class PloverType:
    default_code: str
    definition: str


# Definitions in rasad's words (after plover_reference.html and EVENTS_GUIDE.md). The default
# CAMEO code is the type's unspecified root code; CRIME has no CAMEO root (see OVERRIDES).
PLOVER_INFO = {
    "AGREE": PloverType("030", "Agree, promise, offer or pledge to cooperate; express readiness; invite; reach an agreement"),
    "CONSULT": PloverType("040", "Meet, visit, host, phone, hold talks or negotiate; mediate"),
    "SUPPORT": PloverType("050", "Praise, endorse or defend; recognize; apologize; sign, ratify or finalize an agreement"),
    "CONCEDE": PloverType("080", "Declare or promise a concession not yet carried out: easing restrictions, a ceasefire, a withdrawal"),
    "COOPERATE": PloverType("060", "Material cooperation benefiting both sides: economic, military, judicial, intelligence"),
    "AID": PloverType("070", "Give material help that mainly benefits the recipient: money, arms, humanitarian aid, asylum"),
    "RETREAT": PloverType("084", "Carry out a concession: release, return, withdraw, disarm, keep a ceasefire, allow access, resign"),
    "INVESTIGATE": PloverType("090", "Investigate, inquire or inspect: crimes, corruption, abuses, military incidents"),
    "DEMAND": PloverType("100", "Demand, call on, urge or order an actor to act"),
    "DISAPPROVE": PloverType("110", "Criticize, condemn, accuse or complain; summon an envoy; sue; a court finding against an organisation"),
    "REJECT": PloverType("120", "Refuse or reject a request, proposal, meeting or demand; veto; defy; deny an accusation"),
    "THREATEN": PloverType("130", "Threaten or give an ultimatum, with the speaker's own retaliation at stake"),
    "PROTEST": PloverType("140", "Demonstrate, strike, boycott, obstruct or riot against a target"),
    "CRIME": PloverType("1712", "Ordinary, non-political crime: theft, smuggling, drugs, bribery, vandalism, arson, murder"),
    "SANCTION": PloverType("160", "Reduce relations: sanctions and embargoes, cut ties or aid, halt talks, expel diplomats"),
    "MOBILIZE": PloverType("150", "Show force short of using it: alerts, troop or police mobilization, exercises"),
    "COERCE": PloverType("170", "Repress without armed attack: arrest, detain, deport, seize, ban, censor, curfew, blockade, occupy"),
    "ASSAULT": PloverType("190", "Use force that can harm people: attacks, bombings, shelling, killings, kidnapping, torture, war"),
}

# rasad's decisions where the CAMEO2PLOVER table is silent, wrong for the contract, or
# overruled by the reference page: code -> (event, mode, context, reason). An empty mode or
# context is written as such. Codes below a listed code inherit it unless listed themselves.
OVERRIDES = {
    "01": ("SUPPORT", "", "", "PLOVER drops CAMEO 01 (statements); rasad keeps one type per code: "
           "the nearest verbal-cooperation type. The coder does not emit plain statements"),
    "011": ("REJECT", "", "", "declining to comment is a refusal"),
    "012": ("DISAPPROVE", "", "", "a pessimistic comment is a mild disapproval"),
    "015": ("AGREE", "", "", "PLOVER manual 7.2 note 2: acknowledging responsibility may be AGREE"),
    "016": ("REJECT", "", "", "PLOVER manual 7.2 note 2 and EVENTS_GUIDE: a denial is REJECT"),
    "02": ("DEMAND", "", "", "PLOVER drops CAMEO 02 (appeals); EVENTS_GUIDE counts 'call on, ask, "
           "urge' as DEMAND and the NGEC codebook's REQUEST covers requests; modes and contexts "
           "of 02x are those of the parallel 10x code"),
    "0813": ("CONCEDE", "", "legal", "the reference puts lifting curfews under CONCEDE (easing "
             "restrictions is verbal in PLOVER); the table says RETREAT"),
    "0814": ("CONCEDE", "", "legal", "easing a state of emergency is easing legal restrictions: "
             "CONCEDE per the reference, as 0813"),
    "163": ("SANCTION", "discontinue", "economic", "the reference puts embargoes, boycotts and "
            "sanctions under SANCTION (the table says COERCE); 'restrict' is no SANCTION mode"),
    "1712": ("CRIME", "", "crime", "no CAMEO code maps to CRIME in the table; the reference lists "
             "arson, vandalism and other destruction of property as CRIME, and the sources already "
             "disagree on 1712 (table ASSAULT, reference COERCE). Destruction by states and armed "
             "groups is coded 171 (COERCE) or 19x (ASSAULT)"),
}
# Modes the table writes that its event does not have in the NGEC codebook: event, mode -> mode.
MODE_FIXES = {
    ("THREATEN", "political"): "rights",   # 1321: 'rights' is the codebook's free-speech mode
    ("COERCE", "martial-law"): "curfew",   # 1724: the codebook's 'curfew' is state of emergency
    ("ASSAULT", "pro_autocracy"): "crowd-control",  # 175: a context written in the mode column
}


@dataclass(frozen=True)
class Mapping:
    event: str
    mode: str
    context: str


def read_codebook(shared: Path) -> list[tuple[str, str, str]]:
    """(code, name, goldstein) for every CAMEO code in the ICEWS codebook, in code order."""
    path = shared / "data" / "events" / "icews_cameo_codebook" / "cameo-codes.csv"
    with path.open(encoding="mac_roman", newline="") as handle:
        rows = [(r["code"], r["name"].strip(), r["goldstein"]) for r in csv.DictReader(handle)]
    return sorted((code, name, _number(value)) for code, name, value in rows)


def read_gdelt_goldstein(shared: Path) -> dict[str, str]:
    path = shared / "data" / "events" / "gdelt_lookups" / "CAMEO.goldsteinscale.txt"
    lines = path.read_text("utf-8").splitlines()[1:]
    return {code: _number(value) for code, value in (line.split("\t") for line in lines if line)}


def _number(value: str) -> str:
    return f"{float(value):g}"


def read_cameo2plover(shared: Path) -> dict[str, Mapping]:
    """The CAMEO2PLOVER table with the contract's names; the first row of a repeated code wins."""
    table: dict[str, Mapping] = {}
    text = (shared / "data" / "events" / "plover" / "CAMEO2PLOVER-2021.txt").read_text("utf-8")
    for line in text.splitlines():
        match = re.match(r"(\d{2,4}):\s*([^#]*)", line)
        if not match or match.group(1) in table:
            continue
        fields = [field.strip() for field in match.group(2).split(",")] + ["", ""]
        event, mode, context = RENAME.get(fields[0], fields[0]), fields[1], fields[2]
        if event == "DISAPPROVE" and mode == "investigate":
            event, mode = "INVESTIGATE", ""  # ACCUSE 'investigate' is the type INVESTIGATE
        contexts = ";".join(part.strip() for part in context.split(";") if part.strip())
        table[match.group(1)] = Mapping(event, mode, contexts)
    for root in [code for code in table if len(code) == 2 and code + "0" in table]:
        table[root] = Mapping(table[root + "0"].event, "", "")  # "09: ACCUSE" is INVESTIGATE's
    return table


def read_modes(shared: Path) -> dict[str, set[str]]:
    """The modes the NGEC structured codebook lists for each event, with the contract's names."""
    path = shared / "data" / "events" / "ngec_assets" / "PLOVER_structured_codebook_updated.csv"
    modes: dict[str, set[str]] = {}
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            event = RENAME.get(row["event"], row["event"])
            if event == "DISAPPROVE" and row["mode"] == "investigate":
                event = "INVESTIGATE"
            modes.setdefault(event, set())
            if row["mode"].strip() and row["mode"].strip() != "investigate":
                modes[event].add(row["mode"].strip())
    return modes


def map_code(code: str, table: dict[str, Mapping], modes: dict[str, set[str]]) -> Mapping:
    """The PLOVER event, mode and context of one CAMEO code."""
    for prefix in (code[:n] for n in range(len(code), 1, -1)):
        if prefix in OVERRIDES:
            event, mode, context, _ = OVERRIDES[prefix]
            if prefix == "02" and "10" + code[2:] in table:
                parallel = table["10" + code[2:]]
                mode, context = parallel.mode, parallel.context
            return Mapping(event, mode, context)
        if prefix in table:
            found = table[prefix]  # a code the table lacks takes its parent's row
            mode = MODE_FIXES.get((found.event, found.mode), found.mode)
            return Mapping(found.event, mode if mode in modes.get(found.event, ()) else "",
                           found.context)
    raise KeyError(f"CAMEO {code}: neither it nor a parent code is in CAMEO2PLOVER or OVERRIDES")


def build(shared: Path) -> dict[str, str]:
    """File name -> the text rasad ships, generated from `shared` (the ../shared folder)."""
    codes = read_codebook(shared)
    table, modes = read_cameo2plover(shared), read_modes(shared)
    gdelt = read_gdelt_goldstein(shared)
    rows = []
    for code, name, goldstein in codes:
        mapping = map_code(code, table, modes)
        rows.append("\t".join([code, name, goldstein, mapping.event, mapping.mode,
                               mapping.context, str(QUAD_BY_ROOT[code[:2]])]))
    ours = {code: goldstein for code, _, goldstein in codes}
    differ = ", ".join(f"{c} (ICEWS {ours[c]}, GDELT {gdelt[c]})" for c in DIFFERING)
    cameo = "\n".join([*_cameo_header(differ), "code\tname\tgoldstein\tplover_event\tplover_mode"
                       "\tplover_context\tquad_class", *rows]) + "\n"
    plover = "\n".join([*_plover_header(), "plover\tquad_class\tdefault_cameo\tdefinition",
                        *(f"{t}\t{PLOVER_QUAD[t]}\t{PLOVER_INFO[t].default_code}\t"
                          f"{PLOVER_INFO[t].definition}" for t in PLOVER_TYPES)]) + "\n"
    return {"cameo.tsv": cameo, "plover.tsv": plover}


def _cameo_header(differ: str) -> list[str]:
    lines = [
        "# CAMEO event codes: name, Goldstein value, PLOVER event/mode/context, quad class.",
        "# Generated by tools/events/build_ontology.py from ../shared/data/events; do not edit by hand.",
        "# code, name, goldstein: ICEWS CAMEO codebook, cameo-codes.csv (github.com/andybega/icews),",
        "#   MIT License, Copyright (c) 2022 Andreas Beger.",
        "# Goldstein table: ICEWS, not GDELT's lookup: ICEWS lists every CAMEO code (GDELT's lacks",
        "#   1213 and misnames 101-108) and PLOVER's own scores are derived from the ICEWS values.",
        f"#   The tables differ on {differ}.",
        "# plover_event, plover_mode, plover_context: CAMEO2PLOVER-2021.txt (openeventdata/PLOVER,",
        "#   CC BY-SA 4.0), with the contract's names: REQUEST is DEMAND, ACCUSE is DISAPPROVE,",
        "#   ACCUSE 'investigate' is INVESTIGATE, FIGHT is ASSAULT; plover_reference.html (same",
        "#   source and license) wins where they disagree. A code the table lacks takes its",
        "#   parent's row. Modes are kept only where PLOVER_structured_codebook_updated.csv",
        "#   (github.com/ahalterman/NGEC, MIT per its pyproject) lists them for the event.",
        "#   As a derivative of the PLOVER table, this file is shared under CC BY-SA 4.0.",
        "# quad_class: CAMEO's, by root: 01-05 verbal cooperation (1), 06-08 material cooperation",
        "#   (2), 09-13 verbal conflict (3), 14-20 material conflict (4). PLOVER's own quad per type",
        "#   (plover.tsv) differs for CONCEDE (1), INVESTIGATE (2) and SANCTION (3).",
        "# rasad's decisions (tools/events/build_ontology.py OVERRIDES, MODE_FIXES):",
    ]
    for code, (event, _, _, reason) in OVERRIDES.items():
        lines.append(f"#   {code} {event}: {reason}.")
    for (event, old), new in MODE_FIXES.items():
        lines.append(f"#   {event} mode '{old}' is written '{new}' (a mode the NGEC codebook has).")
    return lines


def _plover_header() -> list[str]:
    return [
        "# PLOVER's 18 event types: quad class, default CAMEO code, definition.",
        "# Generated by tools/events/build_ontology.py; do not edit by hand.",
        "# Types: plover_reference.html (openeventdata/PLOVER, CC BY-SA 4.0), in the order of",
        "#   rasad's output contract; REQUEST is DEMAND, ACCUSE is DISAPPROVE.",
        "# quad_class: PLOVER's (manual draft 0.8, table 7.2; the PLOVER README for INVESTIGATE",
        "#   and CRIME): 1 verbal cooperation, 2 material cooperation, 3 verbal conflict,",
        "#   4 material conflict. cameo.tsv gives CAMEO's quad class per code.",
        "# default_cameo: the code rasad uses for the type when nothing more precise is known:",
        "#   the type's unspecified root code (084 for RETREAT, whose 08 root is CONCEDE's; 1712",
        "#   for CRIME, which has no CAMEO root). Definitions written for rasad (MIT).",
    ]


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", type=Path, default=Path("../shared"),
                        help="the shared data folder (default: ../shared)")
    parser.add_argument("--out", type=Path, default=OUT, help="where to write (default: %(default)s)")
    args = parser.parse_args(argv)
    if not (args.shared / "data" / "events").is_dir():
        parser.error(f"{args.shared / 'data' / 'events'} not found: pass --shared")
    for name, text in build(args.shared).items():
        (args.out / name).write_text(text, encoding="utf-8")
        print(f"wrote {args.out / name} ({text.count(chr(10))} lines)")


if __name__ == "__main__":
    main()
