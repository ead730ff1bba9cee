"""The on-disk cache of compiled resources (`rasad.diskcache`): a changed input is never served
stale, a broken or unwritable cache only costs a rebuild, and what it serves equals what is
built fresh."""

from __future__ import annotations

from pathlib import Path

import pytest

from rasad import diskcache
from rasad.diskcache import compiled, inputs_key


@pytest.fixture
def cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("RASAD_CACHE_DIR", str(folder))
    monkeypatch.delenv("RASAD_CACHE", raising=False)
    return folder


def _builder(calls: list[int], value: object):  # noqa: ANN202
    def build() -> object:
        calls.append(1)
        return value
    return build


def test_built_once_then_read(cache_dir: Path, tmp_path: Path) -> None:
    source = tmp_path / "kb.jsonl"
    source.write_text("روسیه\n", "utf-8")
    calls: list[int] = []
    assert compiled("t", [source], _builder(calls, {"a": [1, 2]})) == {"a": [1, 2]}
    assert compiled("t", [source], _builder(calls, "never built")) == {"a": [1, 2]}
    assert len(calls) == 1
    assert len(list(cache_dir.glob("t-*.pickle"))) == 1


def test_a_changed_input_is_rebuilt_and_the_old_file_removed(cache_dir: Path,
                                                              tmp_path: Path) -> None:
    source = tmp_path / "kb.jsonl"
    source.write_text("روسیه\n", "utf-8")
    calls: list[int] = []
    compiled("t", [source], _builder(calls, 1))
    source.write_text("روسيه\n", "utf-8")  # one letter: Arabic yeh
    assert compiled("t", [source], _builder(calls, 2)) == 2
    assert len(calls) == 2
    assert len(list(cache_dir.glob("t-*.pickle"))) == 1


def test_key_depends_on_name_and_bytes(tmp_path: Path) -> None:
    a, b = tmp_path / "a.tsv", tmp_path / "b.tsv"
    a.write_bytes(b"x")
    b.write_bytes(b"x")
    assert inputs_key("n", [a]) != inputs_key("n", [b])  # same bytes, another file
    assert inputs_key("n", [a]) != inputs_key("m", [a])
    assert inputs_key("n", [a, b]) != inputs_key("n", [b, a])


def test_damaged_file_is_rebuilt(cache_dir: Path, tmp_path: Path) -> None:
    source = tmp_path / "kb.jsonl"
    source.write_text("x", "utf-8")
    calls: list[int] = []
    compiled("t", [source], _builder(calls, 1))
    [path] = cache_dir.glob("t-*.pickle")
    path.write_bytes(b"not a pickle")
    assert compiled("t", [source], _builder(calls, 1)) == 1
    assert len(calls) == 2


def test_unwritable_or_off_cache_builds_in_memory(tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("", "utf-8")
    monkeypatch.setenv("RASAD_CACHE_DIR", str(blocker / "cache"))  # under a file: unwritable
    calls: list[int] = []
    assert compiled("t", [blocker], _builder(calls, 3)) == 3
    monkeypatch.setenv("RASAD_CACHE", "0")
    assert diskcache.cache_dir() is None
    assert compiled("t", [blocker], _builder(calls, 4)) == 4
    assert len(calls) == 2


def test_compiled_gazetteer_equals_a_fresh_one(cache_dir: Path) -> None:
    from rasad.kb.base import load_kb
    from rasad.kb.gazetteer import Gazetteer, load_gazetteer

    load_gazetteer.cache_clear()
    try:
        built = load_gazetteer()  # built and written
        load_gazetteer.cache_clear()
        read = load_gazetteer()  # read back
    finally:
        load_gazetteer.cache_clear()
    fresh = Gazetteer.from_kb(load_kb())
    assert list(cache_dir.glob("kb-gazetteer-*.pickle"))
    assert read is not built
    assert read.root == fresh.root and read.size == fresh.size
    assert read.inflected == fresh.inflected


def test_compiled_ner_features_equal_fresh_ones(cache_dir: Path) -> None:
    from importlib import resources

    from rasad.ner.tagger import NerModel

    folder = resources.files("rasad.data.ner")
    NerModel.open("ar", folder, cache=True)  # written
    read = NerModel.open("ar", folder, cache=True)  # read back
    fresh = NerModel.open("ar", folder)
    assert list(cache_dir.glob("ner-ar-*.pickle"))
    assert read.features._known == fresh.features._known
    words = ["وقال", "الرئيس", "الروسي", "فلاديمير", "بوتين", "في", "موسكو"]
    assert read.features(words) == fresh.features(words)
    assert read.tag_with_confidence(words) == fresh.tag_with_confidence(words)
