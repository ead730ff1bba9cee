"""A live progress line for long runs: documents stored, skipped and failed, and the rate."""

from __future__ import annotations

from types import TracebackType
from typing import Any

from rich.console import Console
from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn


class RunProgress:
    """Context manager whose `update(kind, item)` is the `progress` callback of `batch.run`."""

    def __init__(self, console: Console) -> None:
        self._progress = Progress(
            SpinnerColumn(), TextColumn("[bold]{task.description}"), BarColumn(),
            TextColumn("{task.completed:,} documents"), TextColumn("{task.fields[detail]}"),
            TimeElapsedColumn(), console=console, transient=True,
            disable=not console.is_terminal)
        self._task = self._progress.add_task("analysing", total=None, detail="")
        self._counts: dict[str, int] = {}

    def __enter__(self) -> RunProgress:
        self._progress.start()
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        self._progress.stop()

    def update(self, kind: str, item: Any) -> None:
        self._counts[kind] = self._counts.get(kind, 0) + 1
        detail = " · ".join(f"{k} {v:,}" for k, v in sorted(self._counts.items()) if k != "stored")
        advance = 1 if kind in ("stored", "exists", "failed") else 0
        self._progress.update(self._task, advance=advance, detail=detail)
