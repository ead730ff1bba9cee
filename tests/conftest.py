"""Shared test fixtures.

`../shared` (beside the project root) holds the development data: seed articles, annotated
NER sets, dictionaries. A user's clone has none of it, so tests that read it skip with a
reason; CI always has it.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("RASAD_SHARED", ROOT.parent / "shared"))


def shared_path(*parts: str) -> Path:
    """A path inside ../shared, or skip the test with the reason."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"needs {path}: the ../shared development data is not beside this clone")
    return path


@pytest.fixture
def shared_dir() -> Path:
    return shared_path()


@pytest.fixture
def seed_texts() -> dict[str, str]:
    """The five seed articles from ../shared/corpus/seeds, by file stem."""
    folder = shared_path("corpus", "seeds")
    return {p.stem: p.read_text("utf-8") for p in sorted(folder.glob("*.txt"))}
