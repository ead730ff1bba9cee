"""Word clusters: readers, held-out filtering, k-means, the table format and the features."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np

from rasad.ner import clusters
from rasad.ner.features import Lexicon, sentence_features, word_info
from rasad.text.normalize import match_key

CONLLU = """# text = وبالمدرسة كتاب
1-3\tوبالمدرسة\t_\t_\t_\t_\t_\t_\t_\t_
1\tو\tو\tCCONJ\t_\t_\t_\t_\t_\t_
2\tب\tب\tADP\t_\t_\t_\t_\t_\t_
3\tالمدرسة\tمدرسة\tNOUN\t_\t_\t_\t_\t_\t_
4\tكتاب\tكتاب\tNOUN\t_\t_\t_\t_\t_\t_

1\tسلام\t_\t_\t_\t_\t_\t_\t_\t_
"""


def test_conllu_keeps_multiword_tokens_as_written(tmp_path: Path) -> None:
    path = tmp_path / "x.conllu"
    path.write_text(CONLLU, encoding="utf-8")
    assert list(clusters._conllu_sentences(path)) == [["وبالمدرسة", "كتاب"], ["سلام"]]


def test_bench_drops_heldout_lines(tmp_path: Path) -> None:
    held_sentence = "رئیس جمهور روسیه امروز به تهران سفر کرد"
    text = f"خبر اول امروز منتشر شد\n{held_sentence}\nیک جمله دیگر"
    path = tmp_path / "bench.jsonl"
    path.write_text(json.dumps({"text": text}, ensure_ascii=False) + "\n", encoding="utf-8")
    # ي/ی and spacing differ from the bench line: the key still matches.
    held = {match_key("رئيس جمهور روسيه امروز به تهران سفرکرد")}
    kept = [" ".join(s) for s in clusters._bench_sentences(path, held)]
    assert len(kept) == 2 and all("روسیه" not in s for s in kept)


def test_kmeans_separates_two_directions() -> None:
    rng = np.random.default_rng(1)
    a = np.array([1.0, 0.0]) + rng.normal(0, 0.05, (20, 2))
    b = np.array([0.0, 1.0]) + rng.normal(0, 0.05, (20, 2))
    x = np.vstack([a, b]).astype(np.float32)
    x /= np.linalg.norm(x, axis=1, keepdims=True)
    labels = clusters.kmeans(x, 2, seed=3)
    assert len(set(labels[:20])) == 1 and len(set(labels[20:])) == 1 and labels[0] != labels[20]


def test_table_round_trip_and_features(tmp_path: Path) -> None:
    key = word_info("تهران", "fa").key
    path = tmp_path / "clusters_fa.tsv"
    clusters.write({key: (1, 2, 3, 4)}, path, lang="fa", sources="test")
    table = clusters.read(path.read_text("utf-8"))
    assert table == {key: ("1", "2", "3", "4")}
    feats = sentence_features(["به", "تهران", "رفت"], "fa", lexicon=Lexicon(clusters=table))
    assert {"k0=1", "k3=4"} <= set(feats[1])
    assert "k0=-" in feats[0]  # a word missing from the table
    assert not any(f.startswith("k") for f in sentence_features(["تهران"], "fa")[0])
