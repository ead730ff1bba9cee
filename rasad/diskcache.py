"""Resources compiled once and kept on disk, keyed by a hash of everything they are built from.

Some resources take most of a short command's time to build: the knowledge base's gazetteer
(a trie of some 40,000 name spellings) and the tagger's pruned features. `compiled` keeps
the built object as a pickle in the user's cache folder, named by the sha256 of its inputs:
the data files it reads and the source files of the code that builds it. So a changed
knowledge base, lexicon, model or builder gets a new key and is rebuilt; a stale file is
never loaded, only left behind to be cleaned up (older files of the same name are deleted
when a new one is written).

Where: $RASAD_CACHE_DIR, else $XDG_CACHE_HOME/rasad, else ~/.cache/rasad. RASAD_CACHE=0
turns the cache off (build every time). A folder that cannot be written is not an error:
the resource is built in memory, as without the cache. Only files this process (or another
rasad) wrote there are read; the folder is the user's own, as for any cache.
"""

from __future__ import annotations

import gc
import hashlib
import os
import pickle
import sys
import tempfile
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager, suppress
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")
FORMAT = "1"  # bump when the layout of cached files changes


def cache_dir() -> Path | None:
    """The cache folder, or None when the cache is off."""
    if os.environ.get("RASAD_CACHE", "1").strip().lower() in ("0", "off", "no", "false"):
        return None
    if os.environ.get("RASAD_CACHE_DIR"):
        return Path(os.environ["RASAD_CACHE_DIR"])
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "rasad"


def package_files(package: str, *, suffixes: tuple[str, ...] = (),
                  names: tuple[str, ...] = ()) -> list[Traversable]:
    """The files of a rasad package (`rasad.data.kb`) with one of `suffixes` or one of
    `names`, sorted by name: the inputs of a compiled resource."""
    folder = resources.files(package)
    found = [f for f in folder.iterdir() if f.is_file() and
             (f.name in names or (suffixes and f.name.endswith(suffixes)))]
    return sorted(found, key=lambda f: f.name)


def inputs_key(name: str, inputs: Iterable[Traversable | Path]) -> str:
    """The sha256 of a resource's name, the Python version, the cache format and every
    input's name and bytes."""
    digest = hashlib.sha256(f"{name}\0{FORMAT}\0{sys.version_info[:2]}\0".encode())
    for item in inputs:
        data = item.read_bytes()
        digest.update(f"{item.name}\0{len(data)}\0".encode())
        digest.update(data)
    return digest.hexdigest()


@contextmanager
def paused_gc() -> Iterator[None]:
    """No garbage collection inside: loading builds hundreds of thousands of long-lived
    objects, and the collector would rescan the growing heap again and again (about a
    third of the knowledge base's loading time). Nothing loaded has reference cycles to
    collect; the pipeline freezes it all after its first document anyway."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def compiled(name: str, inputs: Iterable[Traversable | Path], build: Callable[[], T]) -> T:
    """`build()`, or the object it built before from the same inputs, read from the cache."""
    folder = cache_dir()
    if folder is None:
        return build()
    path = folder / f"{name}-{inputs_key(name, inputs)[:32]}.pickle"
    try:
        with path.open("rb") as file, paused_gc():
            return pickle.load(file)
    except Exception:  # noqa: BLE001 - missing, damaged or unreadable: rebuilt, never fatal
        pass
    with paused_gc():
        value = build()
    _write(path, value)
    return value


def _write(path: Path, value: object) -> None:
    """Write atomically (a temporary file renamed), then delete older files of the same
    resource; any OSError leaves the cache as it was."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=path.parent, prefix=".tmp-", delete=False) as tmp:
            pickle.dump(value, tmp, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp.name, path)
        stem = path.name.rsplit("-", 1)[0]
        for old in path.parent.glob(f"{stem}-*.pickle"):
            if old != path and old.name.rsplit("-", 1)[0] == stem:
                old.unlink(missing_ok=True)
    except Exception:  # noqa: BLE001 - unwritable folder, unpicklable value: no cache, no error
        with suppress(OSError, NameError):
            os.unlink(tmp.name)
