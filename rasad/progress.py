"""Progress of a long run, on standard error: a live bar on a terminal, a line every few
seconds when stderr is a file or a pipe (a log, `nohup`, CI), so a run is never silent.

The total comes from `rasad.ingest.count_documents` when counting is cheap (files, JSONL
lines); without one the bar shows a count and a rate but no ETA.
"""

from __future__ import annotations

import time
from types import TracebackType
from typing import Any

from rich.console import Console
from rich.progress import (
    BarColumn,
    Progress,
    ProgressColumn,
    SpinnerColumn,
    Task,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.text import Text

ADVANCES = ("stored", "exists", "failed", "skipped")  # one input done
LINE_SECONDS = 5.0  # how often a progress line is printed when stderr is not a terminal
REFRESH_SECONDS = 0.2  # how often the live bar is redrawn


class _Rate(ProgressColumn):
    def render(self, task: Task) -> Text:
        speed = task.finished_speed or task.speed
        return Text(f"{speed:,.1f} docs/s" if speed else "", style="cyan")


class RunProgress:
    """Context manager whose `update(kind, item)` is the `progress` callback of `batch.run`."""

    def __init__(self, console: Console, *, total: int | None = None,
                 every: float = LINE_SECONDS) -> None:
        self._console = console
        self._total = total
        self._every = every
        self._live = console.is_terminal
        self._counts: dict[str, int] = {}
        self._done = 0
        self._started = self._last = time.monotonic()
        count = "{task.completed:,}/{task.total:,}" if total is not None else "{task.completed:,}"
        self._progress = Progress(
            SpinnerColumn(), TextColumn("[bold]{task.description}"), BarColumn(),
            TextColumn(count + " documents"), _Rate(), TimeRemainingColumn(),
            TimeElapsedColumn(), TextColumn("{task.fields[detail]}"),
            console=console, transient=True, disable=not self._live,
            # Redrawn from `update`, not by a thread of its own: `rasad run --workers N`
            # forks its workers, and a fork while another thread holds a lock (the
            # console's) can leave that lock held forever in the child.
            auto_refresh=False)
        self._task = self._progress.add_task("analysing", total=total, detail="")

    def __enter__(self) -> RunProgress:
        self._progress.start()
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        self._progress.stop()
        if not self._live:
            self._line(final=True)

    def update(self, kind: str, item: Any) -> None:
        if kind == "problem":  # an input skipped (done, too) or read with a warning
            kind = "warnings" if getattr(item, "level", "error") != "error" else "skipped"
        self._counts[kind] = self._counts.get(kind, 0) + 1
        advance = 1 if kind in ADVANCES else 0
        self._done += advance
        if self._live:
            self._progress.update(self._task, advance=advance, detail=self._detail())
            if time.monotonic() - self._last >= REFRESH_SECONDS:
                self._last = time.monotonic()
                self._progress.refresh()
        elif time.monotonic() - self._last >= self._every:
            self._line()

    def _detail(self) -> str:
        return " · ".join(f"{k} {v:,}" for k, v in sorted(self._counts.items()) if k != "stored")

    def line(self) -> str:
        """The progress as one line: done (of total), rate, ETA, and the other counts."""
        elapsed = max(time.monotonic() - self._started, 1e-9)
        rate = self._done / elapsed
        if self._total:
            share = min(self._done / self._total, 1.0)
            text = f"{self._done:,}/{self._total:,} documents ({share:.0%})"
        else:
            text = f"{self._done:,} documents"
        text += f", {rate:,.1f} docs/s"
        if self._total and rate > 0 and self._done < self._total:
            text += f", ETA {_clock((self._total - self._done) / rate)}"
        text += f", elapsed {_clock(elapsed)}"
        detail = self._detail()
        return f"{text}; {detail}" if detail else text

    def _line(self, *, final: bool = False) -> None:
        self._last = time.monotonic()
        self._console.print(("done: " if final else "progress: ") + self.line(),
                            markup=False, highlight=False)


def _clock(seconds: float) -> str:
    seconds = int(seconds)
    return f"{seconds // 3600}:{seconds // 60 % 60:02d}:{seconds % 60:02d}"
