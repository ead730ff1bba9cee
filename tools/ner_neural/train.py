"""An experiment: a BiLSTM-CRF with a character CNN, against the shipped CRF.

Not shipped. It answers "would a neural tagger trained here reach the NER targets?" with
the CRF's data, lexicon and held-out sets (`rasad.ner.train`). The epoch is chosen on a
validation slice cut from the end of the main training set, never on the held-out set.
Arabic can first train a few epochs on WikiFANE (`--pretrain-epochs`), then on ANERcorp.
Prints held-out scores of the shipped CRF, the network, and the CRF plus the network's names
that the CRF misses; the results are in `rasad/data/ner/MODEL_CARD.md`.

    pip install torch==2.13.0 "pytorch-crf>=0.7,<0.8"
    python -m tools.ner_neural.train --lang fa --epochs 14
    python -m tools.ner_neural.train --lang ar --epochs 25 --pretrain-epochs 3
"""

from __future__ import annotations

import argparse
import random
import time
from pathlib import Path

import numpy as np
import torch

from rasad.ner.datasets import Sentence
from rasad.ner.features import Lexicon
from rasad.ner.score import bio_spans, score
from rasad.ner.tagger import NerModel
from rasad.ner.train import DEFAULT_SHARED, PACKAGE_DIR, build_lexicon, load_corpus
from tools.ner_neural.encode import Encoder, batch
from tools.ner_neural.network import NetConfig, Tagger


def _tensors(encoded: list[dict], tag_ids: list[list[int]] | None = None) -> dict:
    arrays = batch(encoded)
    out = {k: torch.from_numpy(v) for k, v in arrays.items()}
    if tag_ids is not None:
        tags = np.zeros(arrays["mask"].shape, dtype=np.int64)
        for i, t in enumerate(tag_ids):
            tags[i, :len(t)] = t
        out["tags"] = torch.from_numpy(tags)
    return out


def _batches(items: list, size: int, *, rng: random.Random | None) -> list[list]:
    """Batches of similar length (less padding), shuffled when `rng` is given."""
    order = sorted(range(len(items)), key=lambda i: len(items[i][0]["word"]))
    chunks = [[items[i] for i in order[k:k + size]] for k in range(0, len(order), size)]
    if rng:
        rng.shuffle(chunks)
    return chunks


def predict(model: Tagger, encoded: list[dict], tags: list[str]) -> list[list[str]]:
    model.eval()
    out: list[list[str] | None] = [None] * len(encoded)
    items = [(e, i) for i, e in enumerate(encoded)]
    with torch.no_grad():
        for chunk in _batches(items, 64, rng=None):
            paths = model.decode(_tensors([e for e, _ in chunk]))
            for (_, i), path in zip(chunk, paths, strict=True):
                out[i] = [tags[t] for t in path]
    return out  # type: ignore[return-value]


def _f1(model: Tagger, encoded: list[dict], gold: list[Sentence], tags: list[str]) -> float:
    pred = predict(model, encoded, tags)
    return score([[t for _, t in s] for s in gold], pred)["micro"].f1


def fit(lang: str, train: list[Sentence], valid: list[Sentence], lexicon: Lexicon, *,
        epochs: int, seed: int = 13, word_dropout: float = 0.1,
        batch_size: int = 32, lr: float = 2e-3, log=print, pretrain: list[Sentence] = (),
        pretrain_epochs: int = 0, **sizes) -> tuple[Tagger, Encoder]:
    torch.manual_seed(seed)
    rng = random.Random(seed)
    enc = Encoder.build(list(train) + list(pretrain), lang)
    cfg = NetConfig(words=len(enc.words) + 2, chars=len(enc.chars) + 2, tags=len(enc.tags),
                    class_sizes=tuple(enc.class_sizes.values()), **sizes)
    model = Tagger(cfg)
    tag_index = {t: i for i, t in enumerate(enc.tags)}
    items = [(enc.encode([w for w, _ in s], lexicon), [tag_index[t] for _, t in s])
             for s in train]
    pre_items = [(enc.encode([w for w, _ in s], lexicon), [tag_index[t] for _, t in s])
                 for s in pretrain]
    valid_enc = [enc.encode([w for w, _ in s], lexicon) for s in valid]
    opt = torch.optim.Adam(model.parameters(), lr=lr)
    best, best_state = -1.0, None
    for epoch in range(pretrain_epochs + epochs):
        model.train()
        t0, total = time.perf_counter(), 0.0
        data = pre_items if epoch < pretrain_epochs else items
        for chunk in _batches(data, batch_size, rng=rng):
            b = _tensors([e for e, _ in chunk], [t for _, t in chunk])
            if word_dropout:
                drop = (torch.rand(b["word"].shape) < word_dropout) & b["mask"]
                b["word"] = b["word"].masked_fill(drop, 1)
            loss = model.loss(b, b["tags"])
            opt.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 5.0)
            opt.step()
            total += float(loss.detach())
        f1 = _f1(model, valid_enc, valid, enc.tags)
        log(f"epoch {epoch + 1}: loss {total:.0f}, validation F1 {f1:.4f}, "
            f"{time.perf_counter() - t0:.0f} s")
        if f1 > best and epoch >= pretrain_epochs:
            best, best_state = f1, {k: v.clone() for k, v in model.state_dict().items()}
    model.load_state_dict(best_state)
    return model, enc


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--lang", choices=["fa", "ar"], default="fa")
    parser.add_argument("--shared", type=Path, default=DEFAULT_SHARED)
    parser.add_argument("--out", type=Path, default=Path("/tmp/neural"))
    parser.add_argument("--epochs", type=int, default=10)
    parser.add_argument("--hidden", type=int, default=128)
    parser.add_argument("--fraction", type=float, default=1.0)
    parser.add_argument("--pretrain-epochs", type=int, default=0)
    args = parser.parse_args(argv)
    torch.set_num_threads(2)
    args.out.mkdir(parents=True, exist_ok=True)
    corpus = load_corpus(args.lang, shared_dir=args.shared)
    main_n = next(iter(corpus.parts.values()))
    cut = main_n - max(1, main_n // 20)
    valid = corpus.train[cut:main_n]
    train, pretrain = corpus.train[:cut], []
    if args.lang == "fa":
        train += corpus.train[main_n:]
    elif args.pretrain_epochs:
        pretrain = corpus.train[main_n:]
    if args.fraction < 1:
        train = random.Random(1).sample(train, int(len(train) * args.fraction))
    lexicon = build_lexicon(args.lang, corpus, shared_dir=args.shared, out_dir=args.out)
    model, enc = fit(args.lang, train, valid, lexicon, epochs=args.epochs,
                     hidden=args.hidden, pretrain=pretrain,
                     pretrain_epochs=args.pretrain_epochs)
    dev_enc = [enc.encode([w for w, _ in s], lexicon) for s in corpus.dev]
    neural = predict(model, dev_enc, enc.tags)
    torch.save({"state": model.state_dict(), "config": model.emissions.cfg.to_dict()},
               args.out / f"{args.lang}.pt")
    enc.save(args.out / f"{args.lang}.encoder.json")
    crf = NerModel.open(args.lang, PACKAGE_DIR)
    crf_tags = [crf.tag([w for w, _ in s]) for s in corpus.dev]
    gold = [[t for _, t in s] for s in corpus.dev]
    for name, pred in (("shipped CRF", crf_tags), ("neural", neural),
                       ("CRF + neural names it misses", union(crf_tags, neural))):
        micro = score(gold, pred)["micro"]
        print(f"{args.lang} held-out, {name}: P {micro.precision:.4f} R {micro.recall:.4f} "
              f"F1 {micro.f1:.4f}")


def union(first: list[list[str]], second: list[list[str]]) -> list[list[str]]:
    """`first`'s names plus those of `second` that overlap none of them, as BIO tags."""
    out = []
    for a, b in zip(first, second, strict=True):
        spans = bio_spans(a)
        spans += [s for s in bio_spans(b) if not any(s[1] < e and o < s[2] for _, o, e in spans)]
        tags = ["O"] * len(a)
        for kind, start, end in spans:
            tags[start:end] = ["B-" + kind] + ["I-" + kind] * (end - start - 1)
        out.append(tags)
    return out


if __name__ == "__main__":
    main()
