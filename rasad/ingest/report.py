"""What an ingest run read, what it skipped and why.

A batch of a thousand files must not stop at the first bad one, and the analyst must be able
to find the bad one: every problem names its origin (`file`, `file:line` for JSONL,
`file#n` for the n-th RSS entry or WARC record) and says what was done about it.
"""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

log = logging.getLogger("rasad.ingest")
log.addHandler(logging.NullHandler())  # the report is the channel; logging is opt-in

ERROR, WARNING = "error", "warning"


@dataclass(frozen=True, slots=True)
class IngestProblem:
    """One thing that went wrong. `level` is "error" (input skipped) or "warning" (input read,
    but look at it: a guessed encoding, a date that could not be read)."""

    origin: str
    message: str
    level: str = ERROR

    def __str__(self) -> str:
        return f"{self.origin}: {self.message}"

    def to_dict(self) -> dict[str, str]:
        return {"origin": self.origin, "message": self.message, "level": self.level}


class IngestError(ValueError):
    """Raised for the first problem when ingesting with `strict=True`."""

    def __init__(self, problem: IngestProblem) -> None:
        super().__init__(str(problem))
        self.problem = problem


ProblemSink = list[IngestProblem] | Callable[[IngestProblem], Any] | None


@dataclass
class IngestReport:
    """Counts by format and encoding, duplicates, and every problem, in input order."""

    documents: int = 0
    by_format: Counter[str] = field(default_factory=Counter)
    by_encoding: Counter[str] = field(default_factory=Counter)
    duplicates: int = 0
    duplicate_of: list[tuple[str, str]] = field(default_factory=list)  # (origin, first origin)
    left_out: Counter[str] = field(default_factory=Counter)  # by a Selection: language, date, undated
    problems: list[IngestProblem] = field(default_factory=list)
    sink: ProblemSink = field(default=None, repr=False)
    strict: bool = field(default=False, repr=False)

    @property
    def errors(self) -> list[IngestProblem]:
        return [p for p in self.problems if p.level == ERROR]

    @property
    def warnings(self) -> list[IngestProblem]:
        return [p for p in self.problems if p.level == WARNING]

    def problem(self, origin: str, message: str, *, level: str = ERROR) -> None:
        """Record a problem, pass it to the sink, and raise it when strict."""
        item = IngestProblem(origin, message, level)
        self.problems.append(item)
        log.log(logging.WARNING if level == ERROR else logging.INFO, "%s", item)
        if isinstance(self.sink, list):
            self.sink.append(item)
        elif self.sink is not None:
            self.sink(item)
        if self.strict and level == ERROR:
            raise IngestError(item)

    def count(self, *, fmt: str, encoding: str | None) -> None:
        self.documents += 1
        self.by_format[fmt] += 1
        if encoding:
            self.by_encoding[encoding] += 1

    def duplicate(self, origin: str, first: str) -> None:
        self.duplicates += 1
        self.duplicate_of.append((origin, first))

    def to_dict(self) -> dict[str, Any]:
        return {
            "documents": self.documents, "by_format": dict(self.by_format),
            "by_encoding": dict(self.by_encoding), "duplicates": self.duplicates,
            "left_out": dict(self.left_out), "problems": [p.to_dict() for p in self.problems],
        }

    def summary(self) -> str:
        """A few lines for a terminal: totals, then each problem."""
        formats = ", ".join(f"{k} {v}" for k, v in sorted(self.by_format.items())) or "none"
        encodings = ", ".join(f"{k} {v}" for k, v in sorted(self.by_encoding.items())) or "none"
        lines = [f"{self.documents} documents ({formats}); encodings: {encodings}; "
                 f"{self.duplicates} duplicates dropped; {len(self.errors)} skipped, "
                 f"{len(self.warnings)} warnings"]
        lines += [f"  {p.level}: {p}" for p in self.problems]
        return "\n".join(lines)
