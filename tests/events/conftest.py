"""Shared fixtures for the events tests: one pipeline for the whole package (it loads in ~2 s)."""

from __future__ import annotations

import pytest

from rasad.pipeline import Pipeline

PUBLISHED = "2024-03-01"


@pytest.fixture(scope="session")
def pipeline() -> Pipeline:
    return Pipeline()


@pytest.fixture(scope="session")
def analyze(pipeline: Pipeline):  # noqa: ANN201
    """Analyse a text with a fixed publication date (actors are resolved as of that day)."""
    cache: dict[str, object] = {}

    def run(text: str):  # noqa: ANN202
        if text not in cache:
            cache[text] = pipeline.analyze(text, published=PUBLISHED)
        return cache[text]

    return run
