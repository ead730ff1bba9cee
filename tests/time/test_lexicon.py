"""The time lexicons: sourced, complete, unambiguous within a language, matching normalized text."""

from __future__ import annotations

import importlib.util
import re
import tomllib
from collections import defaultdict
from importlib import resources

import pytest
from packaging.requirements import Requirement  # pytest's own dependency

from rasad.text.normalize import normalize
from rasad.time.lexicon import key, months, table

FILES = ("months.tsv", "weekdays.tsv", "numbers.tsv", "units.tsv", "relative.tsv", "cues.tsv")


@pytest.mark.parametrize("name", FILES)
def test_every_file_names_its_source_and_license(name: str) -> None:
    head = resources.files("rasad.data.time").joinpath(name).read_text("utf-8").split("\n")[:6]
    comments = " ".join(line for line in head if line.startswith("#"))
    assert ("MIT" in comments or "License" in comments) and ("rasad" in comments or "CLDR" in comments)
    assert table(name), name


def test_each_calendar_has_twelve_months_in_each_language() -> None:
    seen: dict[tuple[str, str], set[int]] = defaultdict(set)
    for row in table("months.tsv"):
        seen[(row["calendar"], row["lang"])].add(int(row["month"]))
    for pair in (("gregorian", "fa"), ("gregorian", "ar"), ("jalali", "fa"), ("hijri", "ar"), ("hijri", "fa")):
        assert seen[pair] == set(range(1, 13)), pair


def _recorded_babel(name: str) -> str:
    """The babel version a generated file's header says it was built with."""
    head = resources.files("rasad.data.time").joinpath(name).read_text("utf-8")[:1000]
    found = re.search(r"via babel (\S+)", head)
    assert found, f"{name}: the header does not record the babel version"
    return found.group(1)


def test_generated_files_are_up_to_date() -> None:
    """months.tsv and weekdays.tsv hold what tools/time/build_lexicon.py writes from CLDR.

    CLDR changes between babel releases (babel 2.19 dropped four Persian forms such as
    ژانویهٔ that rasad keeps), so the check runs only with the babel the files were built
    with, which the `test` and `train` extras pin; rows are compared as sets."""
    pytest.importorskip("babel")
    from importlib.metadata import version

    from tests.conftest import ROOT

    for name in ("months.tsv", "weekdays.tsv"):
        recorded, installed = _recorded_babel(name), version("babel")
        if installed != recorded:
            pytest.skip(f"{name} was generated with babel {recorded}, babel {installed} is "
                        f"installed; install the pinned one with pip install -e '.[test]'")
    spec = importlib.util.spec_from_file_location("build_lexicon", ROOT / "tools" / "time" / "build_lexicon.py")
    assert spec is not None and spec.loader is not None
    tool = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(tool)
    months_rows = {(r["calendar"], int(r["month"]), r["form"], r["lang"], r["use"], r["source"])
                   for r in table("months.tsv")}
    assert months_rows == set(tool.month_rows())
    weekday_rows = {(int(r["weekday"]), r["form"], r["lang"], r["source"]) for r in table("weekdays.tsv")}
    assert weekday_rows == set(tool.weekday_rows())


@pytest.mark.parametrize("extra", ["test", "train"])
def test_the_extras_pin_the_babel_the_files_were_generated_with(extra: str) -> None:
    """A fresh `pip install -e ".[test]"` gets the babel that makes the check above run."""
    from tests.conftest import ROOT

    project = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]
    pins = [Requirement(r) for r in project["optional-dependencies"][extra]]
    babel = next(r for r in pins if r.name == "babel")
    assert babel.specifier.contains(_recorded_babel("months.tsv")), babel
    assert _recorded_babel("weekdays.tsv") == _recorded_babel("months.tsv")
    major, minor = _recorded_babel("months.tsv").split(".")[:2]
    assert not babel.specifier.contains(f"{major}.{int(minor) + 1}.0"), \
        f"{babel}: allows the next babel release, whose CLDR may differ"


@pytest.mark.parametrize("lang", ["fa", "ar"])
def test_a_month_key_means_one_month_per_language(lang: str) -> None:
    by_key: dict[str, set[tuple[str, int]]] = defaultdict(set)
    for row in table("months.tsv"):
        if row["lang"] == lang:
            by_key[key(row["form"])].add((row["calendar"], int(row["month"])))
    clashes = {k: v for k, v in by_key.items() if len(v) > 1}
    assert not clashes


def test_ambiguous_month_names_need_context() -> None:
    fa, ar = months("fa"), months("ar")
    assert fa[key("مه")][2] == "context" and fa[key("می")][2] == "strict"
    assert ar[key("آب")][2] == "context" and ar[key("مارس")][2] == "context"
    assert ar[key("صفر")][2] == "year" and ar[key("رمضان")][2] == "context"
    assert key("آب") not in fa  # water, in Persian


def test_keys_match_normalized_text() -> None:
    """A lexicon key equals the key of the same word as it appears in normalized text."""
    for form in ("أغسطس", "تشرين الأول", "ذو الحجة", "ژانویهٔ", "سه‌شنبه", "الأحد"):
        assert key(form) == key(normalize(form).text)
    assert key("يونيو") == key("یونیو")
