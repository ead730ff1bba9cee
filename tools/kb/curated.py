"""Load the hand-curated YAML files (organizations, people) into actor records."""

from __future__ import annotations

from pathlib import Path

import yaml

from .common import as_list, parse_role, slug, uniq

LANGS = ("fa", "ar", "en", "ru")
# Countries whose people carry Arabic-style names: no automatic surname (محمد بن سلمان → سلمان
# would be wrong); their short forms are listed by hand.
ARAB_NAMES = {"SAU", "ARE", "QAT", "KWT", "BHR", "OMN", "YEM", "IRQ", "SYR", "LBN", "JOR", "PSE",
              "EGY", "LBY", "TUN", "DZA", "MAR", "SDN", "MRT", "ARL", "GCC"}
# Last words that belong to a two-word surname: چاووش اوغلو, نصیر زاده, غریب آبادی, خليل زاد.
SURNAME_TAIL = {"اوغلو", "أوغلو", "اغلو", "زاده", "زادة", "زاد", "آبادی", "آبادي", "نژاد", "oglu",
                "zade"}
# Last words that are never a short form alone: particles, and علي (رستم إمام علي is not «علي»).
SURNAME_STOP = {"بن", "ابن", "آل", "ال", "الله", "اللہ", "الدين", "الدین", "ولد", "علي", "علی", "bin",
                "ibn", "al", "jr.", "jr", "ii", "iii"}


def _short_forms(full: list[str]) -> list[str]:
    """The last word of each multi-word name: 'ولادیمیر پوتین' → 'پوتین'."""
    out = []
    for name in full:
        words = name.split()
        if len(words) >= 3 and words[-1].lower() in SURNAME_TAIL:
            out.append(" ".join(words[-2:]))
        elif len(words) >= 2 and len(words[-1]) >= 3 and words[-1].lower() not in SURNAME_STOP | SURNAME_TAIL:
            out.append(words[-1])
    return out


def person_record(entry: dict, *, country: str) -> dict:
    """One person from a curated line; adds surname-only forms unless nosur/Arab naming."""
    country = entry.get("country", country)
    names = {lang: as_list(entry.get(lang)) for lang in ("fa", "ar", "ru")}
    names["en"] = [entry["en"], *as_list(entry.get("en_alt"))]
    if not entry.get("nosur") and country not in ARAB_NAMES:
        for lang in LANGS:
            names[lang] = names[lang] + _short_forms(names[lang])
    roles = [r for text in as_list(entry.get("roles")) for r in parse_role(text, default_country=country)]
    record = {
        "id": entry.get("id") or f"rasad:{slug(entry['en'])}",
        "kind": "person",
        "name_en": entry["en"],
        "country": country,
        "sector": entry.get("sector", "GOV"),
        "names": {lang: uniq(names[lang]) for lang in LANGS},
        "roles": roles,
        "sources": ["manual"],
    }
    _copy_optional(entry, record)
    return record


def org_record(entry: dict) -> dict:
    """One IGO, government body, armed group, party, company or media outlet."""
    kind = entry["kind"]
    names = {lang: as_list(entry.get(lang)) for lang in ("fa", "ar", "ru")}
    names["en"] = [entry["en"], *as_list(entry.get("en_alt"))]
    record = {
        "id": entry.get("id") or f"rasad:{slug(entry['en'])}",
        "kind": kind,
        "name_en": entry["en"],
        "country": entry.get("code") if kind == "igo" else entry.get("country"),
        "sector": entry.get("sector", _default_sector(kind)),
        "names": {lang: uniq(names[lang]) for lang in LANGS},
        "sources": ["manual"],
    }
    if kind == "igo":
        record["code"] = entry["code"]
    if entry.get("metonym"):
        record["metonym"] = True
    if entry.get("parent"):
        record["parent"] = entry["parent"]  # resolved to an id by build.resolve_parents
    _copy_optional(entry, record)
    return record


def _default_sector(kind: str) -> str | None:
    return {"igo": "IGO", "gov_body": "GOV", "armed_group": "REB", "party": "PTY",
            "company": "BUS", "media": "MED", "water": None}.get(kind, "GOV")


def _copy_optional(entry: dict, record: dict) -> None:
    ambiguous = {lang: as_list(entry.get(f"ambiguous_{lang}")) for lang in ("fa", "ar")}
    ambiguous = {k: v for k, v in ambiguous.items() if v}
    if ambiguous:
        record["ambiguous"] = ambiguous
    if entry.get("notes"):
        record["notes"] = entry["notes"]


def curated_countries(folder: Path) -> set[str]:
    """Codes whose people are curated country by country (the `country:` of each group)."""
    out = set()
    for path in sorted(folder.glob("*.yaml")):
        out |= {g["country"] for g in _groups(yaml.safe_load(path.read_text("utf-8")))}
    return out


def _groups(data: dict) -> list[dict]:
    """The country groups of a people file; none in a names-only (`add_names`) file."""
    if data.get("groups"):
        return data["groups"]
    return [data] if "country" in data else []


def load_people(folder: Path) -> list[dict]:
    """Every person in tools/kb/curated/people/*.yaml (single-country or grouped files)."""
    out = []
    for path in sorted(folder.glob("*.yaml")):
        data = yaml.safe_load(path.read_text("utf-8"))
        for group in _groups(data):
            for entry in group.get("people") or []:
                try:
                    out.append(person_record(entry, country=group["country"]))
                except (KeyError, ValueError) as e:
                    raise ValueError(f"{path.name}: {entry.get('en')}: {e}") from e
    return out


def load_name_additions(folder: Path) -> list[dict]:
    """The `add_names:` entries of tools/kb/curated/people/*.yaml: names (and ambiguous names)
    for a person that already has a record (a CountryInfo leader, or a person of another file),
    keyed by `id`. No automatic short forms: list them. `build.add_names` merges them."""
    out = []
    for path in sorted(folder.glob("*.yaml")):
        for entry in yaml.safe_load(path.read_text("utf-8")).get("add_names") or []:
            if not entry.get("id"):
                raise ValueError(f"{path.name}: add_names entry without id: {entry}")
            out.append({**entry, "file": path.name})
    return out


def load_orgs(path: Path) -> list[dict]:
    return [org_record(e) for e in yaml.safe_load(path.read_text("utf-8"))]
