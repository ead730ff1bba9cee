"""Build rasad/data/kb/actors.jsonl from ../shared/data and the curated files.

    python -m tools.kb.build [--shared ../shared] [--out rasad/data/kb/actors.jsonl]

Sources (see rasad/data/kb/README.md for licenses): mledoze countries (fa/ar/ru names, demonyms),
babel's CLDR territory names, pycountry's ISO 3166-2 subdivisions (codes, English and Russian
names; build time only, `pip install pycountry==26.2.16`), CountryInfo (leaders of countries without curated people, up to
about 2009), the curated YAML in tools/kb/curated/. Output: one JSON object per line, sorted by id.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

import yaml

from . import countries, countryinfo, subdivisions
from .common import as_list, slug, uniq
from .curated import LANGS, curated_countries, load_name_additions, load_orgs, load_people

ROOT = Path(__file__).resolve().parents[2]
CURATED = Path(__file__).resolve().parent / "curated"
# Open tenures in CountryInfo's <Leaders> are "in office at last update", about 2009 (file header).
COUNTRYINFO_CONFIRMED = "2009-01-01"
# CountryInfo codes that are not ISO 3166-1 alpha-3 (sub-state entities are left out).
COUNTRYINFO_CODE_FIX = {"IL": "ISR", "JON": "JPN", "KSV": "KIR"}


def countryinfo_people(ci: dict, *, skip: set[str], known: dict[str, dict],
                       codes: set[str], known_names: set[str]) -> list[dict]:
    """Heads of state/government since 2000 for countries with no curated people file."""
    people: dict[str, dict] = {}
    for code, entry in sorted(ci.items()):
        iso3 = COUNTRYINFO_CODE_FIX.get(code, code)
        if iso3 in skip or iso3 not in codes:
            continue
        for leader in entry.leaders:
            if not leader.names or (leader.end and leader.end < "2000-01-01"):
                continue
            pid = f"rasad:{slug(leader.names[0])}"
            if pid in known or any(n.casefold() in known_names for n in leader.names):
                continue  # a curated person: the curated roles win
            rec = people.setdefault(pid, {
                "id": pid, "kind": "person", "name_en": leader.names[0], "country": iso3,
                "sector": "GOV", "names": {"fa": [], "ar": [], "en": uniq(leader.names), "ru": []},
                "roles": [], "sources": ["countryinfo"],
            })
            role = {"role": leader.role, "country": iso3, "start": leader.start, "end": leader.end,
                    "source": "countryinfo"}
            if leader.end is None:
                role["last_confirmed"] = max(COUNTRYINFO_CONFIRMED, leader.start)
            rec["roles"].append(role)
    return list(people.values())


def add_names(records: list[dict], additions: list[dict]) -> None:
    """Merge names-only entries (`add_names:` in people files) into the records they name:
    their names go after the record's own, their `ambiguous_fa/_ar` into `ambiguous`, and
    `manual` joins the record's sources. An id with no record is an error."""
    by_id = {r["id"]: r for r in records}
    for entry in additions:
        record = by_id.get(entry["id"])
        if record is None:
            raise ValueError(f"{entry['file']}: add_names for unknown id {entry['id']}")
        for lang in LANGS:
            extra = as_list(entry.get(lang))
            if extra:
                record["names"][lang] = uniq([*record["names"].get(lang, []), *extra])
        for lang in ("fa", "ar"):
            weak = as_list(entry.get(f"ambiguous_{lang}"))
            if weak:
                amb = record.setdefault("ambiguous", {})
                amb[lang] = uniq([*amb.get(lang, []), *weak])
                record["names"][lang] = uniq([*record["names"].get(lang, []), *weak])
        if "manual" not in record["sources"]:
            record["sources"] = [*record["sources"], "manual"]


def resolve_parents(records: list[dict]) -> None:
    """`parent` may be written as an ISO3/IGO code or an English name; store the actor id."""
    by_code = {r["country"]: r["id"] for r in records if r["kind"] in ("state", "territory", "igo")}
    by_name = {r["name_en"]: r["id"] for r in records}
    by_slug = {r["id"].removeprefix("rasad:"): r["id"] for r in records}
    for r in records:
        parent = r.get("parent")
        if parent and parent not in by_slug.values():
            r["parent"] = by_code.get(parent) or by_name.get(parent) or by_slug.get(parent) or parent
        for role in r.get("roles", []):
            if role.get("org") and role["org"] in by_slug:
                role["org"] = by_slug[role["org"]]


def build(shared: Path) -> list[dict]:
    country_lines = yaml.safe_load((CURATED / "countries.yaml").read_text("utf-8"))
    ci = countryinfo.read(shared / "data/kb/countryinfo/CountryInfo.120116.txt")
    records = countries.build(shared / "data/kb/mledoze_countries/countries.json", country_lines, ci)
    records += load_orgs(CURATED / "organizations.yaml")
    records += load_orgs(CURATED / "former_states.yaml")  # same format, kind: state
    records += load_orgs(CURATED / "cities.yaml")  # same format, kind: city (places, no state)
    records += load_orgs(CURATED / "places.yaml")  # same format: disputed territories, waters
    city_names = {lang: {n for r in records if r["kind"] == "city" for n in r["names"][lang]}
                  for lang in ("fa", "ar")}
    records += subdivisions.build(CURATED / "subdivisions.yaml", city_names=city_names)
    people = load_people(CURATED / "people")
    records += people
    codes = {r["country"] for r in records if r["kind"] in ("state", "territory")}
    known_names = {n.casefold() for r in people for n in r["names"]["en"] if " " in n}
    records += countryinfo_people(ci, skip=curated_countries(CURATED / "people"),
                                  known={r["id"]: r for r in records}, codes=codes,
                                  known_names=known_names)
    add_names(records, load_name_additions(CURATED / "people"))
    resolve_parents(records)
    return sorted(records, key=lambda r: r["id"])


def _compact(record: dict) -> dict:
    """Drop empty optional fields so the file stays small and diffs stay readable."""
    out = {k: v for k, v in record.items() if v not in (None, [], {}, "")}
    out["names"] = {k: v for k, v in record["names"].items() if v}
    if "adjectives" in out:
        out["adjectives"] = {k: v for k, v in record["adjectives"].items() if v}
    return out


def write(records: list[dict], out: Path) -> None:
    ids = Counter(r["id"] for r in records)
    dupes = [i for i, n in ids.items() if n > 1]
    if dupes:
        raise SystemExit(f"duplicate ids: {dupes[:20]}")
    with out.open("w", encoding="utf-8") as f:
        for r in records:
            f.write(json.dumps(_compact(r), ensure_ascii=False, separators=(",", ":")) + "\n")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--out", type=Path, default=ROOT / "rasad/data/kb/actors.jsonl")
    args = parser.parse_args(argv)
    records = build(args.shared)
    write(records, args.out)
    kinds = Counter(r["kind"] for r in records)
    print(f"wrote {len(records)} records to {args.out}: " + ", ".join(f"{k} {n}" for k, n in sorted(kinds.items())))
    return 0


if __name__ == "__main__":
    sys.exit(main())
