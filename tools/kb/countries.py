"""State, territory and capital records from mledoze + CLDR (babel) + CountryInfo + curation.

Names: CLDR (fa, ar, ru, en) first, mledoze's common/official names second, curated extras last;
names curated under drop_fa/drop_ar are removed (mledoze has a few wrong ones). Adjectives: the
curated lists, else the rules in demonyms.py.
"""

from __future__ import annotations

import json
from pathlib import Path

from babel import Locale

from .common import slug, uniq
from .countryinfo import CountryEntry
from .demonyms import arabic_forms, arabic_nisba, persian_adjectives

# ISO codes that mledoze or CLDR spell differently from ISO 3166-1.
ISO3_FIX = {"UNK": "XKX"}
CLDR_ALPHA2_FIX = {"XKX": "XK"}
STATE_LIKE = {"PSE", "TWN", "XKX", "ESH", "VAT"}  # not "independent" in mledoze, but state actors


def _cldr_names(alpha2: str) -> dict[str, list[str]]:
    out = {}
    for lang in ("fa", "ar", "ru", "en"):
        name = Locale.parse(lang).territories.get(alpha2)
        out[lang] = [name] if name else []
    return out


def state_id(iso3: str, cur: dict, name_en: str) -> str:
    return cur.get("qid") or f"rasad:{slug(name_en)}"


def state_record(raw: dict, cur: dict, ci: CountryEntry | None) -> dict:
    """One state/territory record from a mledoze entry and its curated line."""
    iso3 = ISO3_FIX.get(raw["cca3"], raw["cca3"])
    cldr = _cldr_names(CLDR_ALPHA2_FIX.get(iso3, raw["cca2"]))
    tr = raw["translations"]
    names = {
        "fa": cur.get("fa", []) + cldr["fa"] + [tr["per"]["common"], tr["per"]["official"]],
        "ar": cur.get("ar", []) + cldr["ar"] + [tr["ara"]["common"], tr["ara"]["official"]],
        "en": [raw["name"]["common"]] + cldr["en"] + [raw["name"]["official"]] + cur.get("en", []),
        "ru": cur.get("ru", []) + cldr["ru"] + [tr["rus"]["common"], tr["rus"]["official"]],
    }
    for lang in ("fa", "ar"):
        drop = set(cur.get(f"drop_{lang}", []))
        names[lang] = [n for n in uniq(names[lang]) if n not in drop and "،" not in n and "(" not in n]
    names = {lang: uniq(v) for lang, v in names.items()}
    independent = raw.get("independent") or iso3 in STATE_LIKE
    record = {
        "id": state_id(iso3, cur, raw["name"]["common"]),
        "kind": "state" if independent else "territory",
        "name_en": raw["name"]["common"],
        "country": iso3,
        "sector": "GOV",
        "names": names,
        "adjectives": _adjectives(raw, cur, ci, names),
        "sources": ["mledoze", "babel-cldr", "manual"] + (["countryinfo"] if ci else []),
    }
    if not independent:
        record["notes"] = "dependent territory or special area (mledoze independent=false)"
    return record


def _adjectives(raw: dict, cur: dict, ci: CountryEntry | None, names: dict) -> dict:
    if "adj_fa" in cur:
        fa = cur["adj_fa"]
    else:
        fa = [a for n in names["fa"][:2] for a in persian_adjectives(n)]
    if "adj_ar" in cur:
        ar = arabic_forms(cur["adj_ar"])
    else:
        nisbas = [arabic_nisba(n) for n in names["ar"][:2]]
        ar = arabic_forms([n for n in nisbas if n])
    demonym = raw.get("demonyms", {}).get("eng", {})
    en = [demonym.get("m", ""), demonym.get("f", "")] + cur.get("adj_en", [])
    return {"fa": uniq(fa), "ar": uniq(ar), "en": uniq(en)}


def capital_record(state: dict, cap: list[str], cur: dict | None = None) -> dict | None:
    """A `city` record with capital: true, from the curated [qid, en, fa, ar] list; the
    country's line may add spellings (cap_fa, cap_ar) and mark some ambiguous
    (cap_ambiguous_fa/_ar: کیف is also "bag", ماليه also "financial"). `cap_place_only`: a
    capital whose status the region's news disputes (Jerusalem) is a place, not the state."""
    cur = cur or {}
    if not (cap[2] or cap[3]):
        return None
    place_only = bool(cur.get("cap_place_only"))
    record = _city_record(state, cap, cur.get("cap_fa", []), cur.get("cap_ar", []),
                          flag=("capital", not place_only), linked=not place_only)
    ambiguous = {lang: cur[f"cap_ambiguous_{lang}"] for lang in ("fa", "ar")
                 if cur.get(f"cap_ambiguous_{lang}")}
    if ambiguous:
        record["ambiguous"] = ambiguous
    return record


def seat_record(state: dict, seat: list[str]) -> dict:
    """A city the region's news names for a state's government though it is not the capital
    the KB records (تل أبيب for Israel's): linked to the state as a metonym."""
    return _city_record(state, seat, [], [], flag=("metonym", True), linked=True)


def _city_record(state: dict, city: list[str], more_fa: list[str], more_ar: list[str], *,
                 flag: tuple[str, bool], linked: bool) -> dict:
    """A `city` record from [qid, en, fa, ar]; `linked` ties it to the state (country and
    parent), `flag` says how it stands for the state (capital or metonym)."""
    qid, en, fa, ar = city
    return {
        "id": qid or f"rasad:{slug(en)}-{state['country'].lower()}",
        "kind": "city",
        "name_en": en,
        "country": state["country"] if linked else None,
        "sector": "GOV",
        "names": {"fa": uniq([fa, *more_fa]), "ar": uniq([ar, *more_ar]), "en": uniq([en]),
                  "ru": []},
        flag[0]: flag[1],
        "parent": state["id"] if linked else None,
        "sources": ["manual"],
    }


def build(mledoze: Path, curated: dict, ci: dict[str, CountryEntry]) -> list[dict]:
    """All state/territory records plus their capitals."""
    raw_all = json.loads(mledoze.read_text("utf-8"))
    out = []
    for raw in raw_all:
        if raw["cca3"] == "ATA":
            continue  # Antarctica: not an actor
        iso3 = ISO3_FIX.get(raw["cca3"], raw["cca3"])
        cur = curated.get(iso3, {})
        state = state_record(raw, cur, ci.get(iso3))
        out.append(state)
        if cur.get("cap"):
            city = capital_record(state, cur["cap"], cur)
            if city:
                out.append(city)
        if cur.get("seat"):
            out.append(seat_record(state, cur["seat"]))
    return out
