"""Validation of the actor knowledge base: the shipped KB has no errors; bad data is caught."""

from __future__ import annotations

import json

import pytest

from rasad.kb.base import ActorRecord, KnowledgeBase, load_kb
from rasad.kb.validate import errors, validate, validate_file


def state(code: str, **extra) -> dict:
    return {"id": f"s-{code}", "kind": "state", "name_en": code, "country": code,
            "sector": "GOV", "names": {"en": [code]}, **extra}


def person(pid: str, *roles: dict, **extra) -> dict:
    return {"id": pid, "kind": "person", "name_en": pid, "country": "AAA", "sector": "GOV",
            "names": {"en": [f"Person {pid}"]}, "roles": list(roles), **extra}


def hos(start: str, end: str | None, **extra) -> dict:
    return {"role": "head_of_state", "country": "AAA", "start": start, "end": end, **extra}


def kb_of(*records: dict) -> KnowledgeBase:
    return KnowledgeBase(ActorRecord.from_dict(r) for r in records)


def codes(problems) -> set[str]:
    return {p.code for p in problems}


def test_shipped_kb_has_no_errors():
    problems = validate(load_kb())
    assert errors(problems) == []


def test_shipped_kb_ids_are_unique_and_sorted():
    ids = [r.id for r in load_kb()]
    assert len(ids) == len(set(ids)) and ids == sorted(ids)


def test_duplicate_ids():
    assert "duplicate-id" in codes(errors(validate(kb_of(state("AAA"), state("AAA")))))


def test_unknown_codes_and_parents():
    bad = person("p", hos("2000-01-01", None, country="ZZZ"), parent="nobody")
    found = codes(errors(validate(kb_of(state("AAA"), bad))))
    assert {"bad-code", "bad-parent"} <= found


def test_end_before_start():
    bad = person("p", hos("2010-01-01", "2009-01-01"))
    assert "bad-dates" in codes(errors(validate(kb_of(state("AAA"), bad))))


def test_overlapping_single_holder_roles_are_errors():
    a = person("a", hos("2000-01-01", "2008-01-01"))
    b = person("b", hos("2007-06-01", None))
    assert "overlap" in codes(errors(validate(kb_of(state("AAA"), a, b))))


def test_handover_day_and_acting_holders_are_fine():
    a = person("a", hos("2000-01-01", "2008-01-01"))
    b = person("b", hos("2008-01-01", None))
    c = person("c", hos("2007-01-01", "2007-02-01", acting=True))
    assert errors(validate(kb_of(state("AAA"), a, b, c))) == []


def office(role: str, start: str, end: str | None, **extra) -> dict:
    return {"role": role, "country": "AAA", "start": start, "end": end, **extra}


@pytest.mark.parametrize("role", ["foreign_minister", "defense_minister", "president",
                                  "speaker_of_parliament", "central_bank_governor",
                                  "chief_of_general_staff"])
def test_two_holders_of_any_single_holder_office_are_an_error(role: str) -> None:
    a = person("a", office(role, "2010-01-01", "2015-06-01"))
    b = person("b", office(role, "2015-01-01", None))
    problems = errors(validate(kb_of(state("AAA"), a, b)))
    assert [(p.code, p.actor_id) for p in problems] == [("overlap", "a")]
    assert role in problems[0].message


@pytest.mark.parametrize("mark", [{"acting": True}, {"shared": True}])
def test_an_acting_or_shared_holder_beside_the_minister_is_fine(mark: dict) -> None:
    minister = person("a", office("foreign_minister", "2010-01-01", None))
    prime_minister = person("b", office("foreign_minister", "2013-06-07", "2017-07-28", **mark))
    assert errors(validate(kb_of(state("AAA"), minister, prime_minister))) == []


def test_single_holder_offices_are_counted_per_host() -> None:
    """An office held towards a host (`to`) has one holder per host, not per sender."""
    a = person("a", office("central_bank_governor", "2010-01-01", None, to="BBB"))
    b = person("b", office("central_bank_governor", "2012-01-01", None, to="CCC"))
    assert errors(validate(kb_of(state("AAA"), state("BBB"), state("CCC"), a, b))) == []


def test_offices_without_a_single_holder_may_overlap() -> None:
    a = person("a", office("ambassador", "2010-01-01", None, to="BBB"))
    b = person("b", office("ambassador", "2012-01-01", None, to="BBB"))
    assert errors(validate(kb_of(state("AAA"), state("BBB"), a, b))) == []


def test_overlaps_with_imported_tenures_are_warnings():
    a = person("a", hos("2000-01-01", "2008-01-01"))
    b = person("b", hos("2007-06-01", None, source="countryinfo"))
    problems = validate(kb_of(state("AAA"), a, b))
    assert errors(problems) == [] and "overlap" in codes(problems)


def test_unmatchable_names_are_errors():
    bad = dict(state("AAA"), names={"en": ["AAA"], "fa": ["\u200c\u064b"]})
    assert "empty-key" in codes(errors(validate(kb_of(bad))))


def test_shared_names_are_warnings_not_errors():
    a = dict(state("AAA"), names={"fa": ["کره"]})
    b = dict(state("BBB"), names={"fa": ["كره"]})  # same key: ک/ك folded
    problems = validate(kb_of(a, b))
    assert errors(problems) == []
    assert [p.code for p in problems] == ["ambiguous-name"]


def test_validate_file_reports_unparseable_lines(tmp_path):
    path = tmp_path / "kb.jsonl"
    path.write_text(json.dumps(state("AAA")) + "\n{not json\n", "utf-8")
    [problem] = validate_file(path)
    assert problem.code == "bad-record" and ":2:" in problem.message


def test_roles_tsv_names_known_roles():
    """Every role in roles.tsv is one the KB uses or documents, and phrases have match keys."""
    from importlib import resources

    from rasad.kb.roles import OFFICE_OF
    from rasad.text.normalize import match_key
    from tools.kb.common import ROLE_ABBREV

    # title roles that name a KB office under a condition (prime_minister) count as known
    known = set(ROLE_ABBREV.values()) | {r.role for a in load_kb() for r in a.roles} | set(OFFICE_OF)
    text = resources.files("rasad.data.kb").joinpath("roles.tsv").read_text("utf-8")
    rows = [line.split("\t") for line in text.splitlines() if line and not line.startswith("#")]
    assert rows[0] == ["lang", "phrase", "role", "notes", "implies"]
    codes = load_kb().codes()
    for lang, phrase, role, _notes, *implies in rows[1:]:
        assert lang in ("fa", "ar") and match_key(phrase), phrase
        assert role in known, f"{phrase}: unknown role {role}"
        assert not implies or implies[0] in codes, f"{phrase}: unknown code {implies}"
    assert len(rows) > 100
