"""Word clusters learned from unlabeled text, a CRF feature that generalises to unseen names.

A name never seen in the annotated data is still often seen in raw text, next to the words
names stand next to (`آقای ... گفت`, `نادي ... في`). Words are embedded by their positional
contexts (±1 and ±2 words: a PPMI matrix reduced by truncated SVD, as in Levy & Goldberg
2015), then grouped by spherical k-means at several granularities, so the tagger can use
coarse classes (any surname) and fine ones (Iranian surnames in -ی) alike.

The text is every sentence of the development data that is no held-out sentence: the NER
training sets (their tags unused), the Universal Dependencies sets and the bench corpus,
whose sentences are cut from the NER sets, so any bench line that contains or is contained
in a held-out sentence is dropped. Only the `top` most frequent words are written, one row per
word key: `key <TAB> id at each granularity` (`clusters_<lang>.tsv`).

    python -m rasad.ner.clusters --lang fa|ar|all [--shared ../shared]
"""

from __future__ import annotations

import argparse
import json
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path

import numpy as np

from rasad.ner import datasets
from rasad.ner.features import word_info
from rasad.ner.lexicon import read_clusters as read  # noqa: F401 (the table format's reader)
from rasad.text.normalize import match_key

GRANULARITIES = (32, 128, 512, 2048)
OFFSETS = (-2, -1, 1, 2)
HEADER = ("Word clusters for the {lang} NER model: word key <TAB> cluster id at {ks} clusters.\n"
          "Built by rasad.ner.clusters (PPMI-SVD vectors of ±2-word contexts, spherical k-means)\n"
          "from unlabeled text: {sources}.\nHeld-out NER sentences were removed first.")


def _conllu_sentences(path: Path) -> Iterator[list[str]]:
    """Surface tokens of a CoNLL-U file (multiword tokens as written, not their parts)."""
    words: list[str] = []
    skip_to = 0
    for line in path.read_text("utf-8").splitlines():
        if not line.strip():
            if words:
                yield words
            words, skip_to = [], 0
            continue
        if line.startswith("#"):
            continue
        cols = line.split("\t")
        first, dash, last = cols[0].partition("-")
        if dash:
            words.append(cols[1])
            skip_to = int(last)
        elif first.isdigit() and int(first) > skip_to:
            words.append(cols[1])
    if words:
        yield words


def _bench_sentences(path: Path, held: set[str]) -> list[list[str]]:
    """Bench lines as token lists, minus lines that contain or are inside a held-out sentence."""
    from rasad.text.segment import tokenize  # noqa: PLC0415 - only needed when building

    lines = [line for raw in path.read_text("utf-8").splitlines()
             for line in json.loads(raw)["text"].split("\n") if line.strip()]
    keys = [match_key(line) for line in lines]
    text = "\n".join(keys)
    starts = np.cumsum([0] + [len(k) + 1 for k in keys[:-1]]).tolist()
    held_text = "\n".join(held)
    bad = {i for i, k in enumerate(keys) if k in held or (len(k) > 15 and k in held_text)}
    for h in held:
        if len(h) < 15:
            continue
        pos = text.find(h)
        while pos >= 0:
            bad.add(bisect_right(starts, pos) - 1)
            pos = text.find(h, pos + 1)
    return [[norm for _, _, norm in tokenize(line)]
            for i, line in enumerate(lines) if i not in bad]


def sources(lang: str, shared_dir: Path) -> list[tuple[str, Path]]:
    """(reader, path) of the unlabeled text of `lang` under `shared_dir`."""
    ner, ud = shared_dir / "data" / "ner" / lang, shared_dir / "data" / "ud"
    if lang == "fa":
        found = [("peyma", ner / "peyma" / "train.txt"),
                 ("nsurl", ner / "nsurl_extra" / "nsurl_600K_extra_docs.conll")]
        found += [("parstwiner", ner / "parstwiner" / f"{p}.txt") for p in ("train", "dev", "test")]
        found += [("conllu", p) for p in sorted(ud.glob("UD_Persian-*/*.conllu"))]
    else:
        found = [("anercorp", ner / "anercorp_train.txt"),
                 ("wikifane", ner / "WikiFANE_Gold_2014_500K.txt")]
        found += [("conllu", p) for p in sorted(ud.glob("UD_Arabic-*/*.conllu"))]
    found.append(("bench", shared_dir / "corpus" / "bench" / f"{lang}.jsonl"))
    return [(kind, path) for kind, path in found if path.is_file()]


def unlabeled(lang: str, *, shared_dir: Path, held: set[str]) -> Iterator[list[str]]:
    """Token lists of every unlabeled sentence of `lang`; held-out sentences are skipped."""
    readers = {"peyma": datasets.read_peyma, "nsurl": datasets.read_nsurl,
               "parstwiner": datasets.read_parstwiner, "wikifane": datasets.read_wikifane,
               "anercorp": lambda p: datasets.read_anercorp_split(p)[0]}
    for kind, path in sources(lang, shared_dir):
        if kind == "bench":
            yield from _bench_sentences(path, held)
            continue
        sents = (_conllu_sentences(path) if kind == "conllu"
                 else ([w for w, _ in s] for s in readers[kind](path)))
        for words in sents:
            if match_key("".join(words)) not in held:
                yield words


def cooccurrence(sentences: Iterable[list[int]], *, rows: int, cols: int):  # noqa: ANN201
    """Sparse counts (word id, offset-tagged context id) over ±2 positions."""
    from scipy import sparse  # noqa: PLC0415

    flat: list[int] = []
    for ids in sentences:
        flat.extend((-1, -1, *ids))
    flat.extend((-1, -1))
    seq = np.asarray(flat, dtype=np.int64)
    r_all, c_all = [], []
    for j, d in enumerate(OFFSETS):
        a = seq[2:-2]
        b = seq[2 + d:len(seq) - 2 + d]
        keep = (a >= 0) & (a < rows) & (b >= 0) & (b < cols)
        r_all.append(a[keep])
        c_all.append(b[keep] + j * cols)
    r, c = np.concatenate(r_all), np.concatenate(c_all)
    return sparse.coo_matrix((np.ones(len(r), np.float32), (r, c)),
                             shape=(rows, cols * len(OFFSETS))).tocsr()


def embed(counts, *, dim: int = 100, alpha: float = 0.75) -> np.ndarray:  # noqa: ANN001
    """Row-normalised PPMI-SVD vectors (context distribution smoothed by `alpha`)."""
    from scipy.sparse.linalg import svds  # noqa: PLC0415

    counts = counts.tocsr().astype(np.float64)
    row = np.asarray(counts.sum(axis=1)).ravel()
    col = np.asarray(counts.sum(axis=0)).ravel() ** alpha
    total, col_total = counts.sum(), col.sum()
    coo = counts.tocoo()
    pmi = np.log(coo.data * col_total / (row[coo.row] * col[coo.col]) * (row.sum() / total))
    keep = pmi > 0
    from scipy import sparse  # noqa: PLC0415

    ppmi = sparse.csr_matrix((pmi[keep], (coo.row[keep], coo.col[keep])), shape=counts.shape)
    u, s, _ = svds(ppmi, k=dim, random_state=0)
    vec = (u * np.sqrt(s)).astype(np.float32)
    return vec / np.maximum(np.linalg.norm(vec, axis=1, keepdims=True), 1e-8)


def kmeans(x: np.ndarray, k: int, *, iterations: int = 20, seed: int = 0) -> np.ndarray:
    """Spherical k-means labels of the unit rows of `x` (centres start at random rows)."""
    rng = np.random.default_rng(seed)
    centres = x[rng.choice(len(x), size=k, replace=False)].copy()
    labels = np.zeros(len(x), dtype=np.int64)
    for _ in range(iterations):
        labels = np.argmax(x @ centres.T, axis=1)
        sums = np.zeros_like(centres)
        np.add.at(sums, labels, x)
        norms = np.linalg.norm(sums, axis=1, keepdims=True)
        empty = norms[:, 0] == 0
        sums[empty] = x[rng.choice(len(x), size=int(empty.sum()), replace=False)]
        centres = sums / np.maximum(np.linalg.norm(sums, axis=1, keepdims=True), 1e-8)
    return labels


def build(lang: str, *, shared_dir: Path, held: set[str], top: int = 50_000,
          contexts: int = 5000, min_count: int = 3,
          ks: tuple[int, ...] = GRANULARITIES) -> tuple[dict[str, tuple[int, ...]], str]:
    """Cluster ids of `lang`'s `top` most frequent word keys, and the list of sources."""
    sents = [[word_info(w, lang).key for w in s] for s in unlabeled(lang, shared_dir=shared_dir,
                                                                     held=held)]
    counts = Counter(k for s in sents for k in s)
    vocab = [w for w, n in counts.most_common(top) if n >= min_count]
    index = {w: i for i, w in enumerate(vocab)}
    ids = ([index.get(k, len(vocab)) for k in s] for s in sents)
    vec = embed(cooccurrence(ids, rows=len(vocab), cols=min(contexts, len(vocab))))
    labels = [kmeans(vec, k, seed=i) for i, k in enumerate(ks) if k < len(vocab)]
    names = "; ".join(f"{p.parent.name}/{p.name}" for _, p in sources(lang, shared_dir))
    table = {w: tuple(int(lab[i]) for lab in labels) for i, w in enumerate(vocab)}
    return table, f"{names} ({sum(counts.values()):,} tokens, {len(sents):,} sentences)"


def write(table: dict[str, tuple[int, ...]], path: Path, *, lang: str, sources: str,
          ks: tuple[int, ...] = GRANULARITIES) -> None:
    head = HEADER.format(lang=lang, ks=", ".join(map(str, ks)), sources=sources)
    body = "".join(w + "\t" + "\t".join(map(str, c)) + "\n" for w, c in table.items())
    path.write_text("".join(f"# {h}\n" for h in head.splitlines()) + body, encoding="utf-8")


def main(argv: list[str] | None = None) -> None:
    from rasad.ner.train import DEFAULT_SHARED, PACKAGE_DIR, heldout  # noqa: PLC0415

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--lang", choices=["fa", "ar", "all"], default="all")
    parser.add_argument("--shared", type=Path, default=DEFAULT_SHARED)
    parser.add_argument("--out", type=Path, default=PACKAGE_DIR)
    args = parser.parse_args(argv)
    for lang in ("fa", "ar") if args.lang == "all" else (args.lang,):
        held = {match_key("".join(w for w, _ in s)) for s in heldout(lang, shared_dir=args.shared)}
        table, names = build(lang, shared_dir=args.shared, held=held)
        write(table, args.out / f"clusters_{lang}.tsv", lang=lang, sources=names)
        print(f"{lang}: {len(table):,} words clustered from {names}")


if __name__ == "__main__":
    main()
