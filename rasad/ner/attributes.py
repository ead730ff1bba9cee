"""The attribute strings a crfsuite model knows, read straight from the model file.

crfsuite keeps in a model only the features with a non-zero weight and only the attributes
those features use; when tagging, it looks every attribute string up in the model's
dictionary and silently skips the unknown ones. So a feature string the model does not know
changes nothing but costs time (built in Python, encoded, looked up in C). Knowing the
model's attributes lets the tagger build only what counts, in the same order
(`rasad.ner.fast`).

`pycrfsuite.Tagger.info()` lists them too, but it parses every weight and takes about 6 s
for the Persian model; the attribute dictionary alone is a CQDB (constant quark database)
chunk whose backward array lists every string by id, read here in about 0.1 s.
"""

from __future__ import annotations

import struct
from pathlib import Path

_HEADER = struct.Struct("<4sI4sIIIIIIIII")  # magic, size, type, version, features, labels,
# attributes, and the offsets of features, labels, attributes, label refs, attribute refs
_CQDB = struct.Struct("<4sIIIII")  # magic, size, flag, byte order, backward size, offset


class ModelFormatError(ValueError):
    """A file that is not a crfsuite CRF1d model this reader understands."""


def model_attributes(path: str | Path) -> frozenset[str]:
    """Every attribute string of the crfsuite model at `path`."""
    data = Path(path).read_bytes()
    if len(data) < _HEADER.size:
        raise ModelFormatError(f"{path}: too short for a crfsuite model")
    magic, _, kind, _, _, _, n_attrs, _, _, off_attrs, _, _ = _HEADER.unpack_from(data)
    if magic != b"lCRF" or kind != b"FOMC":
        raise ModelFormatError(f"{path}: not a crfsuite CRF1d model (magic {magic!r}, {kind!r})")
    words = _cqdb_strings(data, off_attrs, path)
    if len(words) != n_attrs:
        raise ModelFormatError(f"{path}: {len(words)} attribute strings, header says {n_attrs}")
    return frozenset(words)


def _cqdb_strings(data: bytes, base: int, path: str | Path) -> list[str]:
    """The strings of the CQDB chunk at `base`, by id (its backward array).

    Each record is (id, size, the string and a NUL); crfsuite writes them one after the
    other in id order, so record i's string ends where record i + 1 starts: the strings are
    cut with C-speed `map`s, and the layout is checked (ids in order, every string followed
    by its NUL, the last size as stored) rather than assumed."""
    magic, _, _, byteorder, bwd_size, bwd_offset = _CQDB.unpack_from(data, base)
    if magic != b"CQDB" or byteorder != 0x62445371:
        raise ModelFormatError(f"{path}: no attribute dictionary at offset {base}")
    if not bwd_offset or not bwd_size:
        raise ModelFormatError(f"{path}: its attribute dictionary has no id → string array")
    offsets = [base + o for o in struct.unpack_from(f"<{bwd_size}I", data, base + bwd_offset)]
    last_id, last_size = struct.unpack_from("<II", data, offsets[-1])
    starts = [o + 8 for o in offsets]
    ends = [o - 1 for o in offsets[1:]] + [starts[-1] + last_size - 1]
    terminators = bytes(map(data.__getitem__, ends))
    in_order = all(map(int.__lt__, offsets, offsets[1:]))
    if last_id != bwd_size - 1 or not in_order or terminators != bytes(len(ends)):
        raise ModelFormatError(f"{path}: attribute records not laid out as crfsuite writes them")
    return list(map(bytes.decode, map(data.__getitem__, map(slice, starts, ends))))
