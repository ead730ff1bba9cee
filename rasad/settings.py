"""Limits a user may change through the environment (RASAD_MAX_CHARS, RASAD_MAX_FILE_BYTES):
read in one way, so each says the same thing about a value it cannot read."""

from __future__ import annotations

import os


def whole_number(name: str, default: int) -> int:
    """The environment variable `name` as a whole number («1_000_000» allowed), else
    `default` when it is unset or not a whole number."""
    value = os.environ.get(name, "").strip().replace("_", "")
    return int(value) if value.isdigit() else default


def ner_tier(default: str = "fast") -> str:
    """RASAD_NER (fast, accurate or events; see rasad.ner.accurate), else `default`."""
    return os.environ.get("RASAD_NER", "").strip().lower() or default
