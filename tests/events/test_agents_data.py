"""The generic-actor (agents) lexicons and the context-country phrases are well formed."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from rasad.text.normalize import ZWNJ, normalize_str

DATA = Path(__file__).resolve().parents[2] / "rasad" / "data" / "events"
AGENT_FILES = {"ar": DATA / "agents_ar.tsv", "fa": DATA / "agents_fa.tsv"}
CONTEXT_FILE = DATA / "context_country_fa_ar.tsv"
AGENT_COLUMNS = ["form", "sector", "name_en", "note"]

# Every code occurs in PLOVER_agents.txt or Phoenix.agents.txt.
SECTORS = frozenset({"GOV", "MIL", "COP", "JUD", "LEG", "REB", "UAF", "OPP", "CVL", "EDU", "LAB",
                     "AGR", "BUS", "MED", "HLH", "REF", "REL", "NGO", "CRM", "SPY"})

# group: (sector, English words of which one must appear in some name_en of that sector)
REQUIRED = {
    "police": ("COP", {"police"}),
    "security forces": ("COP", {"security forces"}),
    "army": ("MIL", {"army"}),
    "soldiers": ("MIL", {"soldiers"}),
    "navy": ("MIL", {"navy"}),
    "air force": ("MIL", {"air force"}),
    "commanders": ("MIL", {"commanders"}),
    "border guards": ("MIL", {"border guards", "border guard"}),
    "coast guard": ("MIL", {"coast guard"}),
    "gunmen": ("REB", {"gunmen", "armed men"}),
    "militants": ("REB", {"militants"}),
    "terrorists": ("REB", {"terrorists"}),
    "rebels": ("REB", {"rebels"}),
    "protesters": ("CVL", {"protesters", "demonstrators"}),
    "strikers": ("LAB", {"strikers"}),
    "students": ("EDU", {"students"}),
    "workers": ("LAB", {"workers"}),
    "citizens": ("CVL", {"citizens"}),
    "civilians": ("CVL", {"civilians"}),
    "residents": ("CVL", {"residents"}),
    "people": ("CVL", {"people"}),
    "settlers": ("CVL", {"settlers"}),
    "migrants": ("CVL", {"migrants"}),
    "refugees": ("REF", {"refugees"}),
    "government": ("GOV", {"government"}),
    "authorities": ("GOV", {"authorities", "officials, authorities"}),
    "officials": ("GOV", {"officials"}),
    "ministry": ("GOV", {"ministry"}),
    "cabinet": ("GOV", {"cabinet"}),
    "spokesman": ("GOV", {"spokesman"}),
    "diplomats": ("GOV", {"diplomats"}),
    "ambassador": ("GOV", {"ambassador"}),
    "embassy": ("GOV", {"embassy"}),
    "parliament": ("LEG", {"parliament"}),
    "MPs": ("LEG", {"MPs", "members of parliament"}),
    "court": ("JUD", {"court"}),
    "judiciary": ("JUD", {"judiciary"}),
    "judge": ("JUD", {"judge"}),
    "prosecutor": ("JUD", {"prosecutor", "prosecutor general"}),
    "opposition": ("OPP", {"opposition"}),
    "journalists": ("MED", {"journalists"}),
    "media": ("MED", {"media"}),
    "businessmen": ("BUS", {"businessmen"}),
    "companies": ("BUS", {"companies"}),
    "clerics": ("REL", {"clerics"}),
    "doctors": ("HLH", {"doctors"}),
    "intelligence": ("SPY", {"intelligence services"}),
}
MIN_FORMS = 120
_DIACRITICS = re.compile("[\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")


def fold(form: str) -> str:
    """One key per spelling: ي/ی ك/ک ة/ه أإآ/ا folded, ZWNJ, diacritics and extra spaces gone."""
    text = _DIACRITICS.sub("", normalize_str(form)).replace(ZWNJ, "")
    return " ".join(text.split())


def read_table(path: Path) -> tuple[list[str], list[str], list[list[str]]]:
    """(comment lines, column names, rows) of a `# `-headed TSV."""
    comments, columns, rows = [], [], []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        if line.startswith("#"):
            comments.append(line)
        elif not columns:
            columns = line.split("\t")
        else:
            rows.append(line.split("\t"))
    return comments, columns, rows


@pytest.fixture(scope="module", params=sorted(AGENT_FILES))
def agents(request) -> tuple[str, list[str], list[list[str]]]:
    comments, columns, rows = read_table(AGENT_FILES[request.param])
    assert columns == AGENT_COLUMNS
    return request.param, comments, rows


def test_rows_have_four_columns(agents):
    lang, _, rows = agents
    bad = [row for row in rows if len(row) != len(AGENT_COLUMNS)]
    assert not bad, f"{lang}: rows without 4 tab-separated columns: {bad[:5]}"
    empty = [row for row in rows if not (row[0].strip() and row[1] and row[2].strip())]
    assert not empty, f"{lang}: rows with an empty form, sector or gloss: {empty[:5]}"
    assert all(row[0] == row[0].strip() for row in rows)


def test_enough_forms(agents):
    lang, _, rows = agents
    assert len(rows) >= MIN_FORMS, f"{lang}: {len(rows)} forms"


def test_sectors_allowed_and_listed(agents):
    lang, comments, rows = agents
    unknown = {row[1] for row in rows} - SECTORS
    assert not unknown, f"{lang}: sectors outside the allowed set: {unknown}"
    listed = next(line for line in comments if line.startswith("# Sectors used:"))
    assert set(listed.split(":", 1)[1].split()) >= {row[1] for row in rows}


def test_no_duplicate_forms(agents):
    lang, _, rows = agents
    seen: dict[str, str] = {}
    dups = []
    for row in rows:
        key = fold(row[0])
        if key in seen:
            dups.append((seen[key], row[0]))
        seen[key] = row[0]
    assert not dups, f"{lang}: duplicate forms after folding: {dups}"


def test_forms_are_in_the_right_script(agents):
    lang, _, rows = agents
    persian_only = set("پچژگکی")
    for row in rows:
        assert re.fullmatch(r"[\u0600-\u06ff\u200c ]+", row[0]), row[0]
        if lang == "ar":
            assert not persian_only & set(row[0]), f"Persian letter in an Arabic form: {row[0]}"


def test_header_names_source_and_license(agents):
    lang, comments, _ = agents
    assert all(line.startswith("# ") or line == "#" for line in comments)
    text = "\n".join(comments)
    assert "written for rasad (MIT)" in text
    assert "PLOVER_agents.txt" in text and "Phoenix.agents.txt" in text
    assert "License" in text


def test_required_groups_present(agents):
    lang, _, rows = agents
    glosses: dict[str, set[str]] = {}
    for row in rows:
        glosses.setdefault(row[1], set()).add(row[2])
    missing = [group for group, (sector, words) in REQUIRED.items()
               if not words & glosses.get(sector, set())]
    assert not missing, f"{lang}: required groups missing: {missing}"


@pytest.mark.parametrize(("lang", "form", "sector"), [
    ("ar", "شرطة", "COP"), ("ar", "متظاهرين", "CVL"), ("ar", "مسلحون", "REB"),
    ("ar", "قوات الأمن", "COP"), ("ar", "جيش", "MIL"), ("ar", "مستوطنون", "CVL"),
    ("ar", "قادة", "MIL"), ("ar", "متحدث", "GOV"),
    ("fa", "پلیس", "COP"), ("fa", "معترضان", "CVL"), ("fa", "نیروهای امنیتی", "COP"),
    ("fa", "ارتش", "MIL"), ("fa", "شهروندان", "CVL"), ("fa", "فرماندهان", "MIL"),
    ("fa", "تظاهرکنندگان", "CVL"), ("fa", "سخنگو", "GOV"),
])
def test_examples_of_the_issue(lang, form, sector):
    _, _, rows = read_table(AGENT_FILES[lang])
    by_key = {fold(row[0]): row[1] for row in rows}
    assert by_key.get(fold(form)) == sector


def test_context_country_phrases():
    comments, columns, rows = read_table(CONTEXT_FILE)
    assert columns == ["form", "lang", "note"]
    assert "MIT" in "\n".join(comments)
    assert all(len(row) == 3 and row[0].strip() and row[1] in ("fa", "ar") for row in rows)
    keys = [(row[1], fold(row[0])) for row in rows]
    forms = set(keys)
    assert len(keys) == len(forms)
    for lang, form in [("fa", "این کشور"), ("fa", "مردم کشورش"), ("ar", "هذا البلد"),
                       ("ar", "البلاد"), ("ar", "بلاده")]:
        assert (lang, fold(form)) in forms
