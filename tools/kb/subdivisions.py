"""Province and region records from ISO 3166-2 (pycountry) and tools/kb/curated/subdivisions.yaml.

Why pycountry: it ships Debian's iso-codes (LGPL-2.1) offline, so every subdivision code is
checked against the standard and gets its official English name and, where iso-codes has a
translation (gettext `iso3166-2` catalogue), its Russian name. It has no Persian or Arabic
subdivision names (the `fa` catalogue of iso3166-2 is empty, `ar` has none; checked with
pycountry 26.2.16), so those, and the English names news uses, are curated in the YAML.
pycountry is needed only when the KB is built, never at run time.
"""

from __future__ import annotations

import gettext
from pathlib import Path

import yaml

from .common import as_list, slug, uniq
from .curated import LANGS

PYCOUNTRY = "pycountry==26.2.16"


def _pycountry():  # noqa: ANN202 - the module, imported lazily with a clear message
    try:
        import pycountry  # noqa: PLC0415
    except ImportError as e:
        raise SystemExit(f"tools.kb.build needs {PYCOUNTRY} for ISO 3166-2 subdivisions: "
                         f"pip install '{PYCOUNTRY}' (build time only)") from e
    return pycountry


def build(path: Path, *, city_names: dict[str, set[str]]) -> list[dict]:
    """One `region` record per curated ISO 3166-2 code. A bare name that is also a city's
    (`city_names`, per language, as written) is left to the city; the province keeps its prefixed forms."""
    pycountry = _pycountry()
    data = yaml.safe_load(path.read_text("utf-8"))
    russian = gettext.translation("iso3166-2", pycountry.LOCALES_DIR, languages=["ru"],
                                  fallback=True)
    records = []
    for code, entry in data["subdivisions"].items():
        sub = pycountry.subdivisions.get(code=code)
        if sub is None:
            raise ValueError(f"subdivisions.yaml: {code} is no ISO 3166-2 code in {PYCOUNTRY}")
        iso3 = pycountry.countries.get(alpha_2=sub.country_code).alpha_3
        prefixes = data["prefixes"].get(iso3, {})
        records.append(_record(code, entry, iso3, prefixes, official=sub.name,
                               russian=russian.gettext(sub.name), city_names=city_names))
    return records


def _record(code: str, entry: dict, iso3: str, prefixes: dict, *, official: str, russian: str,
            city_names: dict[str, set[str]]) -> dict:
    # the official romanization too, unless it is short enough to be an English word (Van)
    names: dict[str, list[str]] = {"en": [entry["en"], *as_list(entry.get("en_alt")),
                                          *([official] if len(official) > 4 else [])]}
    for lang in ("fa", "ar"):
        bare = as_list(entry.get(lang))
        keep = [] if entry.get("prefixed_only") else [n for n in bare if n not in city_names[lang]]
        # «استان X» on the first (canonical) name only: not «منطقه شبه جزیره کریمه»
        names[lang] = keep + [f"{word} {bare[0]}" for word in as_list(prefixes.get(lang))
                              if bare]
    names["ru"] = [*as_list(entry.get("ru")), *([russian] if russian != official else [])]
    record = {
        "id": f"rasad:{slug(entry['en'])}",
        "kind": "region",
        "name_en": entry["en"],
        "country": iso3,
        "sector": "GOV",
        "names": {lang: uniq(names.get(lang, [])) for lang in LANGS},
        "sources": ["iso3166-2-pycountry", "manual"],
        "notes": "; ".join(filter(None, [f"ISO 3166-2 {code}", entry.get("notes")])),
    }
    ambiguous = {lang: as_list(entry.get(f"ambiguous_{lang}")) for lang in ("fa", "ar")}
    ambiguous = {k: [n for n in v if n in record["names"][k]] for k, v in ambiguous.items()}
    if any(ambiguous.values()):
        record["ambiguous"] = {k: v for k, v in ambiguous.items() if v}
    return record
