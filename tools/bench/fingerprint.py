"""A fingerprint of the default pipeline's output on the bench corpus, to prove a speed-up
changes nothing.

Every document of ../shared/corpus/bench/{fa,ar}.jsonl is analysed by the default pipeline,
built the way bench/bench_pipeline.py builds it (`Document(text, id=...)`, so language
identification runs), and its output contract (`Document.to_dict`, what `rasad analyze`
prints) is hashed: one sha256 for the whole document and one per top-level field, so a
difference names the document and the field. The file is JSON lines, one document a line.

    python -m tools.bench.fingerprint record [--limit N] [--out PATH]   # write the fingerprint
    python -m tools.bench.fingerprint check  [--limit N] [--out PATH]   # compare, list changes

`--limit N` takes the first N documents of each language (default: all). The committed file,
tests/data/bench_fingerprint.jsonl, holds the first 200 of each, recorded from the code at
915799d (main just before the speed work of issue #12 was merged; the work itself was
checked against 645043c, where it branched); tests/test_bench_fingerprint.py compares.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
DEFAULT_SHARED = ROOT.parent / "shared"
FINGERPRINT = ROOT / "tests" / "data" / "bench_fingerprint.jsonl"
LANGUAGES = ("fa", "ar")


def _digest(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def bench_records(shared: Path, limit: int | None = None) -> Iterator[dict[str, Any]]:
    """The bench corpus's records, Persian then Arabic, the first `limit` of each."""
    for lang in LANGUAGES:
        path = shared / "corpus" / "bench" / f"{lang}.jsonl"
        with path.open(encoding="utf-8") as lines:
            kept = 0
            for line in lines:
                if not line.strip():
                    continue
                if limit is not None and kept >= limit:
                    break
                kept += 1
                yield json.loads(line)


def fingerprint_output(out: dict[str, Any]) -> dict[str, Any]:
    """The hashes of one document's output contract: whole (16 hex digits) and per field
    (8), the fields in the contract's order as `key=hash` words."""
    return {"id": out["id"], "doc": _digest(out)[:16],
            "fields": " ".join(f"{key}={_digest(value)[:8]}" for key, value in out.items())}


def compute(shared: Path, limit: int | None = None) -> Iterator[dict[str, Any]]:
    """The fingerprint of every bench document the default pipeline analyses."""
    from rasad.document import Document
    from rasad.pipeline import Pipeline

    pipeline = Pipeline()
    for record in bench_records(shared, limit):
        doc = pipeline(Document(record["text"], id=record["id"]))
        yield fingerprint_output(doc.to_dict())


def load(path: Path = FINGERPRINT) -> dict[str, dict[str, Any]]:
    """A recorded fingerprint, by document id."""
    with path.open(encoding="utf-8") as lines:
        return {entry["id"]: entry for entry in map(json.loads, lines) if entry}


def differences(recorded: dict[str, dict[str, Any]], computed: list[dict[str, Any]]) -> list[str]:
    """One line per document whose output changed, naming the fields that differ."""
    found = []
    for entry in computed:
        before = recorded.get(entry["id"])
        if before is None:
            found.append(f"{entry['id']}: not in the recorded fingerprint")
        elif before["doc"] != entry["doc"]:
            old, new = (dict(word.split("=") for word in e["fields"].split())
                        for e in (before, entry))
            fields = sorted(key for key in old.keys() | new.keys() if old.get(key) != new.get(key))
            found.append(f"{entry['id']}: {', '.join(fields) or 'key order'} differ")
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("action", choices=("record", "check"))
    parser.add_argument("--shared", type=Path, default=DEFAULT_SHARED)
    parser.add_argument("--limit", type=int, default=None, help="first N documents per language")
    parser.add_argument("--out", type=Path, default=FINGERPRINT)
    args = parser.parse_args(argv)
    if args.action == "record":
        with args.out.open("w", encoding="utf-8") as out:
            for entry in compute(args.shared, args.limit):
                out.write(json.dumps(entry, separators=(",", ":")) + "\n")
        return 0
    computed = list(compute(args.shared, args.limit))
    found = differences(load(args.out), computed)
    for line in found:
        print(line)
    print(f"{len(computed)} documents, {len(found)} changed")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
