"""Resources shipped with rasad, one folder per topic (`text/`, `time/`, `kb/`, ...).

Every table is a readable UTF-8 file whose `#` lines name its source and license. These two
functions are how code reads them, so that no module parses files its own way and nothing
is read at import time (callers cache what they build).
"""

from __future__ import annotations

from importlib import resources


def read_text(topic: str, name: str) -> str:
    """The whole file `rasad/data/<topic>/<name>`."""
    return resources.files(f"rasad.data.{topic}").joinpath(name).read_text("utf-8")


def read_rows(topic: str, name: str) -> list[list[str]]:
    """The file's data lines split at tabs; blank lines and `#` comments are skipped."""
    return [line.rstrip("\r").split("\t") for line in read_text(topic, name).splitlines()
            if line.strip() and not line.startswith("#")]
