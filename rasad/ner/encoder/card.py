"""Write the measured numbers into the accurate tier's model card.

`rasad/data/ner/accurate/MODEL_CARD.md` is written by hand except the block between the
`scores` markers, which `python eval/eval_ner.py --tier accurate --write-card` regenerates from
its measurements and the training log (`train.json`), as the CRF card is.
"""

from __future__ import annotations

import json
from pathlib import Path

from rasad.ner.card import BEGIN, END, _table, replace_block
from rasad.ner.encoder.runtime import OUT_DIR


def scores_block(results: list[dict], folder: Path = OUT_DIR) -> str:
    log = json.loads((folder / "train.json").read_text("utf-8"))
    best = log.get("best", {})
    out = [BEGIN, ""]
    for result in results:
        alone = result.get("encoder_alone", {})
        out += [f"### {result['lang']}: {result['heldout']}", "", *_table(result), "",
                "- the encoder alone: " + ", ".join(f"{k} {v['f1']:.4f}" for k, v in alone.items()),
                f"- load {result['load_seconds']} s, +{result['load_mb']} MB resident; tagging "
                f"{result['tag_tokens_per_s']:,} tokens/s (whole held-out set, batched, "
                "onnxruntime, one thread)", ""]
    out += [f"Training: {log['layers']} layers kept, the first {log['frozen']} frozen; "
            f"lr {log['lr']}, batches of {log['budget']} pieces; best checkpoint at epoch "
            f"{best.get('epoch')} of {log['epochs']} planned ({log.get('train_minutes')} "
            f"minutes on a shared 2-core machine); {log['train_pieces']:,} training pieces "
            f"({', '.join(f'{k}: {v:,} words' for k, v in log['train_words'].items())}).", "",
            END]
    return "\n".join(out)


def write_card(results: list[dict], path: Path = OUT_DIR / "MODEL_CARD.md") -> Path:
    """Replace the scores block of the card at `path` (create the block if missing)."""
    replace_block(path, scores_block(results, path.parent), title="Accurate NER tier")
    return path
