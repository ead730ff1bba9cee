"""Write the measured numbers into the NER model card.

MODEL_CARD.md is written by hand except the block between the `scores` markers, which
`eval/eval_ner.py --write-card` regenerates from its measurements and the training reports
(`<lang>.json`), so the card never disagrees with the shipped models.
"""

from __future__ import annotations

import json
from pathlib import Path

BEGIN, END = "<!-- scores:begin -->", "<!-- scores:end -->"


def _table(result: dict) -> list[str]:
    rows = ["| type | precision | recall | F1 | gold | predicted |", "|---|---:|---:|---:|---:|---:|"]
    for name, s in result["scores"].items():
        rows.append(f"| {name} | {s['precision']:.4f} | {s['recall']:.4f} | **{s['f1']:.4f}** "
                    f"| {s['support']} | {s['predicted']} |" if name == "micro" else
                    f"| {name} | {s['precision']:.4f} | {s['recall']:.4f} | {s['f1']:.4f} "
                    f"| {s['support']} | {s['predicted']} |")
    return rows


def _facts(result: dict, report: dict) -> list[str]:
    p = report["params"]
    lines = [
        f"- trained on: {', '.join(f'{k} ({v} sentences)' for k, v in report['train_sentences'].items() if v)}"
        f"; {report['train_tokens']:,} tokens",
        f"- held out: {result['heldout']}, {report['heldout_sentences']} sentences, "
        f"{report['heldout_tokens']:,} tokens (never trained on)",
        f"- CRF: L-BFGS, c1={p['c1']}, c2={p['c2']}, {int(p['max_iterations'])} iterations, "
        f"feature min. frequency {int(p['min_freq'])}; features {report['features']}",
        f"- lexicon: {report['gazetteer_names']:,} gazetteer names, {report['name_parts']:,} name parts",
        f"- training time {report['train_seconds']} s on one core; model "
        f"{report['model_bytes'] / 1e6:.1f} MB",
        f"- load {result['load_seconds']} s, +{result['load_mb']} MB resident; tagging "
        f"{result['tag_tokens_per_s']:,} tokens/s (features + CRF, one core)",
    ]
    if "bench" in result:
        b = result["bench"]
        lines.append(f"- bench corpus: `annotate` at {b['docs_per_s']} documents/s, "
                     f"{b['tokens_per_s']:,} tokens/s ({b['docs']} documents, segmentation "
                     "not counted)")
    return lines


def scores_block(results: list[dict], model_dir: Path) -> str:
    out = [BEGIN, ""]
    for result in results:
        report = json.loads((model_dir / f"{result['lang']}.json").read_text("utf-8"))
        out += [f"### {result['lang']}: {result['heldout']}", "", *_table(result), "",
                *_facts(result, report), ""]
    out.append(END)
    return "\n".join(out)


def write_card(results: list[dict], path: Path) -> None:
    """Replace the scores block of the card at `path` (create the block if missing)."""
    replace_block(path, scores_block(results, path.parent), title="NER models")


def replace_block(path: Path, block: str, *, title: str) -> None:
    """Put `block` (markers included) in place of the card's scores block, or at its end."""
    text = path.read_text("utf-8") if path.is_file() else f"# {title}\n\n{BEGIN}\n{END}\n"
    if BEGIN not in text:
        text += f"\n{BEGIN}\n{END}\n"
    head, rest = text.split(BEGIN, 1)
    tail = rest.split(END, 1)[1]
    path.write_text(head + block + tail, encoding="utf-8")
