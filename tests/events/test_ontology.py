"""The shipped CAMEO/PLOVER tables (rasad/data/events/cameo.tsv, plover.tsv) and their loader."""

from __future__ import annotations

import json
from collections import Counter
from importlib import resources

import pytest

from rasad.events.ontology import PLOVER_TYPES, code, codes, default_code, plover_types
from tests.conftest import shared_path

QUAD_OF_ROOT = {**dict.fromkeys(["01", "02", "03", "04", "05"], 1),
                **dict.fromkeys(["06", "07", "08"], 2),
                **dict.fromkeys(["09", "10", "11", "12", "13"], 3),
                **dict.fromkeys([f"{root}" for root in range(14, 21)], 4)}


def test_all_cameo_codes_are_there_in_cameo_order() -> None:
    table = codes()
    assert len(table) == 312
    assert list(table) == sorted(table)
    assert {c[:2] for c in table} == set(QUAD_OF_ROOT)
    for cameo in table:
        assert cameo.isdigit() and 2 <= len(cameo) <= 4, cameo
        assert len(cameo) == 2 or cameo[:-1] in table, f"{cameo} has no parent code"


def test_plover_types_are_the_contracts() -> None:
    schema = json.loads(resources.files("rasad.schema").joinpath("document.schema.json")
                        .read_text("utf-8"))
    event = schema["properties"]["events"]["items"]["properties"]["plover"]["properties"]["event"]
    assert tuple(event["enum"]) == PLOVER_TYPES
    assert tuple(plover_types()) == PLOVER_TYPES
    assert len(PLOVER_TYPES) == 18


def test_every_code_maps_to_one_of_the_18_types_and_no_type_is_orphaned() -> None:
    counts = Counter(c.plover for c in codes().values())
    assert set(counts) <= set(PLOVER_TYPES), set(counts) - set(PLOVER_TYPES)
    assert not set(PLOVER_TYPES) - set(counts), f"types with no CAMEO code: {set(PLOVER_TYPES) - set(counts)}"


def test_the_old_names_never_appear() -> None:
    text = resources.files("rasad.data.events").joinpath("cameo.tsv").read_text("utf-8")
    rows = [line.split("\t") for line in text.splitlines() if line and not line.startswith("#")]
    for row in rows:
        assert not {"REQUEST", "ACCUSE", "FIGHT"} & set(row[3:6]), row
    assert not {"REQUEST", "ACCUSE"} & {c.mode for c in codes().values()}


def test_goldstein_values_are_on_the_scale() -> None:
    for c in codes().values():
        assert -10 <= c.goldstein <= 10, c


def test_quad_class_follows_the_cameo_root() -> None:
    for c in codes().values():
        assert c.quad_class == QUAD_OF_ROOT[c.code[:2]], c


def test_plovers_own_quad_classes() -> None:
    quads = {name: t.quad_class for name, t in plover_types().items()}
    assert [t for t in PLOVER_TYPES if quads[t] == 1] == ["AGREE", "CONSULT", "SUPPORT", "CONCEDE"]
    assert [t for t in PLOVER_TYPES if quads[t] == 2] == ["COOPERATE", "AID", "RETREAT", "INVESTIGATE"]
    assert [t for t in PLOVER_TYPES if quads[t] == 3] == ["DEMAND", "DISAPPROVE", "REJECT",
                                                          "THREATEN", "SANCTION"]
    assert [t for t in PLOVER_TYPES if quads[t] == 4] == ["PROTEST", "CRIME", "MOBILIZE",
                                                          "COERCE", "ASSAULT"]


@pytest.mark.parametrize(("cameo", "goldstein"), [("016", -5), ("022", 3.4), ("164", -6.5),
                                                  ("165", -7)])
def test_the_codes_where_the_tables_differ_have_the_icews_values(cameo: str, goldstein: float) -> None:
    assert code(cameo).goldstein == goldstein


@pytest.mark.parametrize(("cameo", "plover", "quad"), [
    ("040", "CONSULT", 1), ("042", "CONSULT", 1), ("057", "SUPPORT", 1), ("036", "AGREE", 1),
    ("0253", "DEMAND", 1), ("016", "REJECT", 1), ("0841", "RETREAT", 2), ("081", "CONCEDE", 2),
    ("090", "INVESTIGATE", 3), ("09", "INVESTIGATE", 3), ("1011", "DEMAND", 3),
    ("112", "DISAPPROVE", 3), ("1121", "DISAPPROVE", 3), ("129", "REJECT", 3),
    ("163", "SANCTION", 4), ("161", "SANCTION", 4), ("141", "PROTEST", 4), ("173", "COERCE", 4),
    ("1712", "CRIME", 4), ("190", "ASSAULT", 4), ("195", "ASSAULT", 4), ("2041", "ASSAULT", 4),
])
def test_spot_checks(cameo: str, plover: str, quad: int) -> None:
    found = code(cameo)
    assert (found.code, found.plover, found.quad_class) == (cameo, plover, quad)


def test_modes_and_contexts() -> None:
    assert code("1011").mode == "assist" and code("1011").context == "economic"
    assert code("0253").mode == code("1053").mode == "yield"  # 02x take the parallel 10x mode
    assert code("041").mode == "phone" and code("040").mode is None
    assert code("091").context == "crime;corruption"
    assert code("1724").mode == "curfew"  # the table's 'martial-law' is no PLOVER mode


def test_default_codes_belong_to_their_type() -> None:
    assert default_code("CONSULT") == "040"
    assert default_code("ASSAULT") == "190"
    assert default_code("PROTEST") == "140"
    assert default_code("SANCTION") == "160"
    assert default_code("CRIME") == "1712"
    for plover in PLOVER_TYPES:
        assert code(default_code(plover)).plover == plover, plover
        assert plover_types()[plover].definition


def test_unknown_codes_and_types_say_what_to_do() -> None:
    with pytest.raises(KeyError, match="did you mean '040'"):
        code("40")
    with pytest.raises(KeyError, match="cameo.tsv"):
        code("999")
    with pytest.raises(KeyError, match="REQUEST is DEMAND"):
        default_code("REQUEST")


@pytest.mark.shared
def test_shipped_tables_are_what_the_builder_writes() -> None:
    """Rebuild with `python -m tools.events.build_ontology --shared ../shared` if this fails."""
    shared = shared_path("data", "events").parents[1]
    from tools.events.build_ontology import build

    folder = resources.files("rasad.data.events")
    for name, text in build(shared).items():
        assert folder.joinpath(name).read_text("utf-8") == text, f"{name} is out of date"
