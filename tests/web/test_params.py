"""Parameter checks: what passes through unchanged and what is refused, saying why."""

from __future__ import annotations

import pytest

from rasad.web import params


def test_good_values_pass() -> None:
    assert params.day("since", "2024") == "2024" and params.day("since", "2024-02-29") == "2024-02-29"
    assert params.plover("consult") == "CONSULT" and params.status("asserted") == "asserted"
    assert params.by(None) == "month" and params.level(None) == "country"
    assert params.period("2016-W32") == "2016-W32" and params.text("q", "  روسیه ") == "روسیه"


@pytest.mark.parametrize(("check", "value", "words"), [
    (lambda v: params.day("since", v), "2023-02-30", "since"),
    (lambda v: params.day("since", v), "last week", "YYYY"),
    (params.plover, "HUG", "CONSULT"),
    (params.status, "perhaps", "asserted"),
    (params.lang, "en", "fa"),
    (params.by, "day", "week"),
    (params.level, "galaxy", "country"),
    (params.period, "2016/08", "2016-W32"),
    (lambda v: params.text("q", v), " ", "q"),
    (lambda v: params.text("q", v), "x" * 201, "200"),
])
def test_bad_values_say_what_to_give(check, value: str, words: str) -> None:  # noqa: ANN001
    with pytest.raises(params.BadParameter, match=words):
        check(value)
