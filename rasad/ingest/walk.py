"""The files an analyst points at: files as named, folders walked recursively.

The order is sorted by name at every level, so two runs over the same folder give the same
documents in the same order (and the same duplicates kept). Hidden files and folders
(`.git`, `.DS_Store`) are skipped inside folders; a file named explicitly is always read.
A folder that cannot be listed is reported and the walk goes on.
"""

from __future__ import annotations

import fnmatch
import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from rasad.ingest.report import IngestReport

STDIN = "-"


def iter_files(paths: Iterable[str | os.PathLike[str]], *, report: IngestReport,
               glob: str | None = None,
               skip: frozenset[str] = frozenset()) -> Iterator[tuple[str, Path | None]]:
    """(origin, path) for each input file; `("-", None)` stands for standard input.

    `glob` filters the files found inside folders, by name or by path below the folder
    (`*.jsonl`, `fa/*.html`, `**/*.txt`). Files whose real path is in `skip` are passed over
    (the database a run writes into, when it sits inside the corpus folder).
    """
    for raw in paths:
        if str(raw) == STDIN:
            yield STDIN, None
            continue
        path = Path(raw)
        try:
            is_dir, exists = path.is_dir(), path.exists()
        except OSError as e:
            report.problem(str(path), f"cannot be reached ({e.strerror or e}); skipped")
            continue
        if is_dir:
            found = _walk(path, path, glob=glob, report=report, seen=set())
            yield from ((o, p) for o, p in found if os.path.realpath(p) not in skip)
        elif exists:
            yield str(path), path
        else:
            report.problem(str(path), "no such file or folder; skipped")


def _walk(folder: Path, top: Path, *, glob: str | None, report: IngestReport,
          seen: set[str]) -> Iterator[tuple[str, Path]]:
    real = os.path.realpath(folder)
    if real in seen:  # a symlink loop
        return
    seen.add(real)
    try:
        with os.scandir(folder) as listing:
            entries = sorted(listing, key=lambda entry: entry.name)
    except PermissionError:
        report.problem(str(folder), "cannot read this folder (permission denied); skipped. "
                       "Check its permissions")
        return
    except OSError as e:
        report.problem(str(folder), f"cannot read this folder ({e.strerror or e}); skipped")
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        path = folder / entry.name
        if _is(entry, "dir"):
            yield from _walk(path, top, glob=glob, report=report, seen=seen)
        elif _is(entry, "file") and (
                glob is None or _matches(path.relative_to(top).as_posix(), entry.name, glob)):
            yield str(path), path


def _is(entry: os.DirEntry[str], kind: str) -> bool:
    """`entry.is_dir()` or `entry.is_file()` (following links); sockets and FIFOs are neither."""
    try:
        return entry.is_dir() if kind == "dir" else entry.is_file()
    except OSError:
        return False


def _matches(relative: str, name: str, glob: str) -> bool:
    patterns = {glob, glob.removeprefix("**/")}
    return any(fnmatch.fnmatch(name, p) or fnmatch.fnmatch(relative, p) for p in patterns)
