"""The lexicon shipped beside each CRF model: name list, name-part list, training vocabulary,
word clusters.

All three are small TSV files in `rasad/data/ner/`, written by `rasad.ner.train` and read
back by the tagger, so features at tagging time are computed exactly as in training.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable
from importlib.resources.abc import Traversable
from pathlib import Path

from rasad.ner.datasets import Sentence
from rasad.ner.features import Lexicon, word_info
from rasad.ner.gazetteer import Gazetteer, read_entries


def name_parts(sentences: Iterable[Sentence], lang: str, *, min_count: int = 2,
               min_share: float = 0.5, skip: tuple[str, ...] = ("LOC",)) -> dict[str, str]:
    """Stems that are mostly inside names of one type in an outside annotated corpus.

    A stem counts when it occurs `min_count` times inside names of a type and at least
    `min_share` of all its occurrences are there. Location parts are skipped by default:
    the country list covers them better and they cost precision on news.
    """
    total: Counter[str] = Counter()
    inside: Counter[tuple[str, str]] = Counter()
    for sent in sentences:
        for word, tag in sent:
            stem = word_info(word, lang).stem
            total[stem] += 1
            if tag != "O":
                inside[(stem, tag[2:])] += 1
    out: dict[str, str] = {}
    for (stem, kind), n in inside.most_common():
        if kind not in skip and n >= min_count and n / total[stem] >= min_share:
            out.setdefault(stem, kind)
    return out


def vocabulary(sentences: Iterable[Sentence], lang: str) -> dict[str, str]:
    """Frequency class of every word key seen at least twice: 2 (2-4), 3 (5-20), 4 (more)."""
    counts = Counter(word_info(w, lang).key for sent in sentences for w, _ in sent)
    return {k: "2" if n <= 4 else "3" if n <= 20 else "4" for k, n in counts.items() if n >= 2}


def write_table(table: dict[str, str], path: Path, *, header: str) -> None:
    lines = "".join(f"{k}\t{v}\n" for k, v in sorted(table.items()))
    path.write_text("".join(f"# {h}\n" for h in header.splitlines()) + lines, encoding="utf-8")


def read_table(text: str) -> dict[str, str]:
    return dict(read_entries(text))


def feature_config(folder: Traversable | Path, lang: str) -> dict[str, bool]:
    """The feature groups `lang`'s model in `folder` was trained with (from `<lang>.json`)."""
    report = json.loads(folder.joinpath(f"{lang}.json").read_text("utf-8"))
    return report.get("features", {})


def load_lexicon(folder: Traversable | Path, lang: str, config: dict[str, bool]) -> Lexicon:
    """The lexicon files of `lang`'s model in `folder`, as `config` says which exist."""
    gazetteer = Gazetteer(read_entries(folder.joinpath(f"gazetteer_{lang}.tsv").read_text("utf-8")))
    parts = {}
    if config.get("name_parts"):
        parts = read_table(folder.joinpath(f"nameparts_{lang}.tsv").read_text("utf-8"))
    vocab = None
    if config.get("vocab"):
        vocab = read_table(folder.joinpath(f"vocab_{lang}.tsv").read_text("utf-8"))
    clusters = None
    if config.get("clusters"):
        clusters = read_clusters(folder.joinpath(f"clusters_{lang}.tsv").read_text("utf-8"))
    return Lexicon(gazetteer=gazetteer, name_parts=parts, vocab=vocab,
                   rich=bool(config.get("rich")), clusters=clusters)


def read_clusters(text: str) -> dict[str, tuple[str, ...]]:
    """A cluster table (written by `rasad.ner.clusters`): word key → ids, coarse to fine."""
    rows = (line.split("\t") for line in text.splitlines() if line and not line.startswith("#"))
    return {row[0]: tuple(row[1:]) for row in rows}
