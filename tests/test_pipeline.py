"""The pipeline: declared needs are checked when it is built; batch failures don't stop a batch."""

from __future__ import annotations

import pytest

from rasad import pipeline as pipeline_module
from rasad.document import Document
from rasad.pipeline import Failure, Pipeline, Stage


def mark_upper(doc: Document) -> Document:
    doc.meta["upper"] = doc.text.upper()
    return doc


def explode_on_boom(doc: Document) -> Document:
    if "boom" in doc.text:
        raise RuntimeError("the text said boom")
    doc.meta["ok"] = True
    return doc


@pytest.fixture
def toy_stages(monkeypatch: pytest.MonkeyPatch) -> None:
    stages = dict(pipeline_module.STAGES)
    stages["upper"] = Stage("upper", f"{__name__}:mark_upper", ("lang",), ("upper",))
    stages["fragile"] = Stage("fragile", f"{__name__}:explode_on_boom", (), ("ok",))
    monkeypatch.setattr(pipeline_module, "STAGES", stages)


def test_a_stage_before_what_it_needs_is_refused(toy_stages: None) -> None:
    with pytest.raises(ValueError, match="needs \\['lang'\\]"):
        Pipeline(["upper", "language"])


def test_unknown_stage_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown stage"):
        Pipeline(["no-such-stage"])


def test_stages_run_in_order_and_are_recorded(toy_stages: None) -> None:
    doc = Pipeline(["language", "upper"]).analyze("abc")
    assert doc.meta["upper"] == "ABC"
    assert doc.done == {"language", "upper"}


@pytest.mark.parametrize("workers", [1, 2])
def test_batch_records_a_failure_and_goes_on(toy_stages: None, workers: int) -> None:
    docs = [Document("fine"), Document("boom"), Document("fine too")]
    docs[1].meta["origin"] = "folder/b.txt"
    out = list(Pipeline(["fragile"]).pipe(docs, workers=workers))
    assert [type(d).__name__ for d in out] == ["Document", "Failure", "Document"]
    failure = out[1]
    assert isinstance(failure, Failure)
    assert failure.origin == "folder/b.txt" and "boom" in failure.error


@pytest.mark.parametrize("workers", [1, 2])
def test_strict_batch_raises(toy_stages: None, workers: int) -> None:
    with pytest.raises(RuntimeError, match="boom"):
        list(Pipeline(["fragile"]).pipe([Document("fine"), Document("boom")], strict=True,
                                        workers=workers))


def test_the_time_limit_holds_in_workers() -> None:
    """Workers run documents in their main thread, where the per-document timer works."""
    pipeline = Pipeline(["language", "segment"], max_seconds=1e-6)
    docs = [Document("متن " * 20_000, meta={"origin": f"slow{i}.txt"}) for i in range(3)]
    out = list(pipeline.pipe(docs, workers=2))
    assert [type(d).__name__ for d in out] == ["Failure"] * 3
    assert all("RASAD_MAX_SECONDS" in failure.error for failure in out)


def test_warm_loads_before_the_first_document_once(toy_stages: None) -> None:
    pipeline = Pipeline(["language", "upper"])
    pipeline.warm()
    pipeline.warm()
    assert pipeline.analyze("abc").meta["upper"] == "ABC"
