"""tools.kb: names-only entries (`add_names:` in a people file) merge into existing records."""

from __future__ import annotations

from pathlib import Path

import pytest

from tools.kb.build import add_names
from tools.kb.curated import curated_countries, load_name_additions, load_people


def _leader() -> dict:
    return {"id": "rasad:hugo-chavez", "kind": "person", "name_en": "Hugo Chavez", "country": "VEN",
            "sector": "GOV", "names": {"fa": [], "ar": [], "en": ["Hugo Chavez"], "ru": []},
            "roles": [{"role": "head_of_state", "country": "VEN", "start": "2002-04-14",
                       "end": None, "source": "countryinfo"}],
            "sources": ["countryinfo"]}


def test_add_names_merges_into_the_existing_record(tmp_path: Path) -> None:
    (tmp_path / "names.yaml").write_text(
        "add_names:\n"
        "- {id: rasad:hugo-chavez, fa: [هوگو چاوز, چاوز], ar: [هوغو شافيز, شافيز],"
        " ambiguous_ar: [تشافيز]}\n", "utf-8")
    # a names-only file names no country: CountryInfo people of VEN are still imported
    assert curated_countries(tmp_path) == set()
    assert load_people(tmp_path) == []
    record = _leader()
    add_names([record], load_name_additions(tmp_path))
    assert record["names"]["fa"] == ["هوگو چاوز", "چاوز"]
    assert record["names"]["ar"] == ["هوغو شافيز", "شافيز", "تشافيز"]
    assert record["names"]["en"] == ["Hugo Chavez"]
    assert record["ambiguous"] == {"ar": ["تشافيز"]}
    assert record["roles"] == _leader()["roles"]  # the record keeps its roles
    assert record["sources"] == ["countryinfo", "manual"]


def test_add_names_for_an_unknown_id_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "names.yaml").write_text("add_names:\n- {id: rasad:nobody, fa: [کسی]}\n", "utf-8")
    with pytest.raises(ValueError, match="rasad:nobody"):
        add_names([_leader()], load_name_additions(tmp_path))


def test_shipped_name_additions_name_existing_records() -> None:
    from rasad.kb.base import load_kb
    from tools.kb.build import CURATED

    kb = load_kb()
    for entry in load_name_additions(CURATED / "people"):
        record = kb.get(entry["id"])
        assert record is not None, entry["id"]
        for lang in ("fa", "ar"):
            for name in entry.get(lang) or []:
                assert name in record.names[lang], (entry["id"], name)
