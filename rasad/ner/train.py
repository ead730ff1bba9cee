"""Train the Persian and Arabic CRF models from ../shared/data/ner.

Persian: PEYMA train + the NSURL-2019 extra documents; PEYMA dev is held out.
Arabic: ANERcorp train minus its last 10% of sentences (held out). WikiFANE (Wikipedia) lowered
the held-out score when trained on, even down-sampled, so by default it only supplies a
name-part list (stems that are mostly inside person/organization names); `--extra-fraction`
trains on a share of it instead. Persian takes its name-part list from ParsTwiNER.
Neither held-out set is ever trained on; both are scored after training and the numbers go
into `<lang>.json` beside the model, which the model card is written from
(`python eval/eval_ner.py --write-card`).

    python -m rasad.ner.train --lang fa|ar|all [--shared ../shared] [--out rasad/data/ner]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import time
from dataclasses import dataclass
from pathlib import Path

import pycrfsuite

from rasad.ner import clusters, datasets
from rasad.ner.datasets import Sentence
from rasad.ner.features import Lexicon, sentence_features
from rasad.ner.gazetteer import (
    babel_countries,
    iran_places,
    kb_names,
    read_entries,
    write_entries,
)
from rasad.ner.lexicon import load_lexicon, name_parts, vocabulary, write_table
from rasad.ner.score import score
from rasad.ner.tagger import NerModel
from rasad.text.normalize import match_key

PACKAGE_DIR = Path(__file__).resolve().parents[1] / "data" / "ner"
DEFAULT_SHARED = Path(os.environ.get("RASAD_SHARED",
                                   Path(__file__).resolve().parents[2].parent / "shared"))

# Settings chosen on the held-out sets (see MODEL_CARD.md); override with keyword arguments.
SETTINGS: dict[str, dict[str, float]] = {
    "fa": {"c1": 0.05, "c2": 0.01, "max_iterations": 150, "extra_fraction": 1.0, "min_freq": 1,
           "main_repeat": 1},
    "ar": {"c1": 0.05, "c2": 0.01, "max_iterations": 150, "extra_fraction": 0.0, "min_freq": 1,
           "main_repeat": 1},
}
# Feature groups per language (see rasad.ner.features.Lexicon); chosen on the held-out sets.
FEATURES: dict[str, dict[str, bool]] = {
    "fa": {"rich": True, "vocab": True, "name_parts": True, "clusters": False},
    "ar": {"rich": False, "vocab": False, "name_parts": True, "clusters": False},
}


@dataclass
class Corpus:
    train: list[Sentence]
    dev: list[Sentence]
    parts: dict[str, int]  # sentences per source in train


def _subsample(sentences: list[Sentence], fraction: float, *, seed: int) -> list[Sentence]:
    if fraction >= 1.0:
        return sentences
    rng = random.Random(seed)
    return [s for s in sentences if rng.random() < fraction]


def load_corpus(lang: str, *, shared_dir: Path, extra_fraction: float = 1.0,
                main_repeat: int = 1, seed: int = 13) -> Corpus:
    """Training and held-out sentences for `lang`, tags mapped to PER/LOC/ORG/MISC.

    `main_repeat` repeats the main (news) set so its conventions outweigh the extra set's.
    """
    ner = shared_dir / "data" / "ner"
    if lang == "fa":
        main = datasets.read_peyma(ner / "fa" / "peyma" / "train.txt")
        dev = datasets.read_peyma(ner / "fa" / "peyma" / "dev.txt")
        extra = datasets.read_nsurl(ner / "fa" / "nsurl_extra" / "nsurl_600K_extra_docs.conll")
        names = ("peyma_train", "nsurl_extra")
    elif lang == "ar":
        main, dev = datasets.read_anercorp_split(ner / "ar" / "anercorp_train.txt")
        extra = datasets.read_wikifane(ner / "ar" / "WikiFANE_Gold_2014_500K.txt")
        names = ("anercorp_train_head", "wikifane")
    else:
        raise ValueError(f"no NER training data for language {lang!r}; use fa or ar")
    extra = _subsample(extra, extra_fraction, seed=seed)
    return Corpus(main * main_repeat + extra, dev, {names[0]: len(main), names[1]: len(extra)})


def heldout(lang: str, *, shared_dir: Path = DEFAULT_SHARED) -> list[Sentence]:
    """The held-out sentences of `lang` (PEYMA dev; the last 10% of ANERcorp train)."""
    ner = shared_dir / "data" / "ner"
    if lang == "fa":
        return datasets.read_peyma(ner / "fa" / "peyma" / "dev.txt")
    if lang == "ar":
        return datasets.read_anercorp_split(ner / "ar" / "anercorp_train.txt")[1]
    raise ValueError(f"no held-out NER data for language {lang!r}; use fa or ar")


def build_gazetteer(lang: str, *, shared_dir: Path) -> tuple[list[tuple[str, str]], str]:
    """The name list to train with, and a line naming its sources."""
    entries = babel_countries(lang)
    sources = ["babel CLDR territory names (Unicode license)"]
    places = shared_dir / "data" / "kb" / "iran_provinces_cities" / "province_city.json"
    if lang == "fa" and places.is_file():
        entries += iran_places(places)
        sources.append("amyrmahdy/provinces_cities_iran (MIT)")
    if lang == "fa":
        first = read_entries(PACKAGE_DIR.joinpath("first_names_fa.tsv").read_text("utf-8"))
        entries += [(name, "PER") for name, _ in first]
        sources.append("Iranian first names from persian-gender-detection 1.4.0 (MIT)")
    kb = kb_names(lang)
    if kb:
        entries += kb
        sources.append(f"rasad knowledge base ({len(kb)} names)")
    return entries, "; ".join(sources)


def name_part_source(lang: str, *, shared_dir: Path) -> tuple[list[Sentence], str]:
    """The outside annotated corpus whose names give `lang`'s name-part list."""
    ner = shared_dir / "data" / "ner"
    if lang == "ar":
        return (datasets.read_wikifane(ner / "ar" / "WikiFANE_Gold_2014_500K.txt"),
                "WikiFANE (Alotaibi & Lee 2014, CC BY-SA 3.0)")
    return (datasets.read_parstwiner(ner / "fa" / "parstwiner" / "train.txt"),
            "ParsTwiNER train (overfit-ir/persian-twitter-ner, MIT)")


def build_lexicon(lang: str, corpus: Corpus, *, shared_dir: Path, out_dir: Path,
                  config: dict[str, bool] | None = None) -> Lexicon:
    """Write the lexicon files of `lang`'s model to `out_dir` and return the lexicon."""
    config = FEATURES[lang] if config is None else config
    entries, sources = build_gazetteer(lang, shared_dir=shared_dir)
    write_entries(entries, out_dir / f"gazetteer_{lang}.tsv", lang=lang, sources=sources)
    if config["name_parts"]:
        sentences, source = name_part_source(lang, shared_dir=shared_dir)
        write_table(name_parts(sentences, lang), out_dir / f"nameparts_{lang}.tsv",
                    header=f"Stems mostly inside names (stem <TAB> type), from {source}.\n"
                           "Built by rasad.ner.lexicon.name_parts.")
    if config["vocab"]:
        write_table(vocabulary(corpus.train, lang), out_dir / f"vocab_{lang}.tsv",
                    header="Training-data frequency class of word keys seen twice or more "
                           "(2: 2-4, 3: 5-20, 4: more), from the training sets in MODEL_CARD.md.")
    if config.get("clusters"):
        held = {match_key("".join(w for w, _ in s)) for s in corpus.dev}
        table, names = clusters.build(lang, shared_dir=shared_dir, held=held)
        clusters.write(table, out_dir / f"clusters_{lang}.tsv", lang=lang, sources=names)
    return load_lexicon(out_dir, lang, config)


def fit(sentences: list[Sentence], *, lang: str, lexicon: Lexicon, model_path: Path,
        params: dict[str, float]) -> None:
    """Train one CRF with L-BFGS and write it to `model_path`."""
    trainer = pycrfsuite.Trainer(algorithm="lbfgs", verbose=False)
    for sent in sentences:
        words = [w for w, _ in sent]
        trainer.append(sentence_features(words, lang, lexicon=lexicon), [t for _, t in sent])
    trainer.set_params({"c1": params["c1"], "c2": params["c2"],
                        "max_iterations": int(params["max_iterations"]),
                        "feature.minfreq": params["min_freq"],
                        "feature.possible_transitions": True})
    trainer.train(str(model_path))


def evaluate(model: NerModel, sentences: list[Sentence]) -> dict[str, dict[str, float | int]]:
    """Entity-level scores (PER, LOC, ORG and micro) of `model` on `sentences`."""
    gold = [[t for _, t in s] for s in sentences]
    pred = [model.tag([w for w, _ in s]) for s in sentences]
    return {k: v.to_dict() for k, v in score(gold, pred).items()}


def train(lang: str, *, shared_dir: Path = DEFAULT_SHARED, out_dir: Path = PACKAGE_DIR,
          seed: int = 13, features: dict[str, bool] | None = None, **overrides: float) -> dict:
    """Train `lang`'s model into `out_dir`, score it on the held-out set, write `<lang>.json`.

    `overrides` replace entries of `SETTINGS[lang]` (c1, c2, max_iterations, extra_fraction,
    min_freq); `features` replaces `FEATURES[lang]`. Returns the report that is also written
    to `<lang>.json`.
    """
    params = {**SETTINGS[lang], **overrides}
    config = FEATURES[lang] if features is None else features
    out_dir.mkdir(parents=True, exist_ok=True)
    t0 = time.perf_counter()
    corpus = load_corpus(lang, shared_dir=shared_dir, extra_fraction=params["extra_fraction"],
                         main_repeat=int(params["main_repeat"]), seed=seed)
    lexicon = build_lexicon(lang, corpus, shared_dir=shared_dir, out_dir=out_dir, config=config)
    model_path = out_dir / f"{lang}.crfsuite"
    fit(corpus.train, lang=lang, lexicon=lexicon, model_path=model_path, params=params)
    seconds = time.perf_counter() - t0
    report = {
        "lang": lang, "params": params, "features": config, "seed": seed,
        "train_sentences": corpus.parts, "train_tokens": sum(len(s) for s in corpus.train),
        "heldout_sentences": len(corpus.dev), "heldout_tokens": sum(len(s) for s in corpus.dev),
        "gazetteer_names": len(lexicon.gazetteer),  # type: ignore[arg-type]
        "name_parts": len(lexicon.name_parts),
        "train_seconds": round(seconds, 1), "model_bytes": model_path.stat().st_size,
    }
    _write_report(report, out_dir)
    report["heldout"] = evaluate(NerModel.open(lang, out_dir), corpus.dev)
    _write_report(report, out_dir)
    return report


def _write_report(report: dict, out_dir: Path) -> None:
    path = out_dir / f"{report['lang']}.json"
    path.write_text(json.dumps(report, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--lang", choices=["fa", "ar", "all"], default="all")
    parser.add_argument("--shared", type=Path, default=DEFAULT_SHARED)
    parser.add_argument("--out", type=Path, default=PACKAGE_DIR)
    for name in SETTINGS["fa"]:
        parser.add_argument("--" + name.replace("_", "-"), type=float, dest=name)
    args = parser.parse_args(argv)
    overrides = {k: v for k in SETTINGS["fa"] if (v := getattr(args, k)) is not None}
    for lang in ("fa", "ar") if args.lang == "all" else (args.lang,):
        report = train(lang, shared_dir=args.shared, out_dir=args.out, **overrides)
        micro = report["heldout"]["micro"]
        print(f"{lang}: held-out micro F1 {micro['f1']:.4f} (P {micro['precision']:.4f}, "
              f"R {micro['recall']:.4f}); {report['train_seconds']} s; "
              f"{report['model_bytes'] / 1e6:.1f} MB")


if __name__ == "__main__":
    main()
