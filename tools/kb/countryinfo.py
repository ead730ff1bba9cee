"""Read openeventdata's CountryInfo.txt: English adjectives, capitals and dated leaders.

The file is 'almost XML'. We take <Nationality>, <Capital> and the <Leaders> sub-blocks whose
title names a head of state or of government; tenures look like [19991231 - 20080507] or
[>20080507] (in office at the file's last update, here January 2012).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

FILE_DATE = "2012-01-16"  # CountryInfo.120116.txt
_TENURE = re.compile(r"\[(>)?(\d{8})(?:\s*-\s*(\d{8}))?\]")
_NAMES = re.compile(r"\{([^}]+)\}")
_ADJ_EN = re.compile(r"^[A-Z]+(AN|ESE|ISH|I|IC|CH)$")


@dataclass
class Leader:
    names: list[str]
    role: str
    start: str
    end: str | None


@dataclass
class CountryEntry:
    iso3: str
    adjectives: list[str] = field(default_factory=list)
    capitals: list[str] = field(default_factory=list)
    leaders: list[Leader] = field(default_factory=list)


def _title(token: str) -> str:
    return " ".join(w.capitalize() for w in token.strip("_ ").split("_") if w)


def _iso(d: str) -> str:
    return f"{d[:4]}-{d[4:6]}-{d[6:]}"


def _block(text: str, tag: str) -> list[str]:
    m = re.search(rf"<{tag}>(.*?)</{tag}>", text, re.S)
    if not m:
        return []
    lines = [ln.split("#", 1)[0].strip() for ln in m.group(1).splitlines()]
    return [ln for ln in lines if ln]


def role_of_title(title: str) -> str | None:
    """'Prime ministers' -> head_of_government; 'Kings/QUEENS' -> head_of_state."""
    t = title.lower()
    if any(w in t for w in ("vice", "deputy", "governor", "commissioner", "secretar", "administrator")):
        return None
    if any(w in t for w in ("prime", "premier", "chancellor", "head of government", "heads of government",
                            "council of ministers", "of the government")):
        return "head_of_government"
    if any(w in t for w in ("president", "king", "queen", "emir", "sultan", "heads of state",
                            "head of state", "grand duke", "prince")):
        return "head_of_state"
    return None


def _leaders(text: str) -> list[Leader]:
    body = re.search(r"<Leaders>(.*?)</Leaders>", text, re.S)
    if not body:
        return []
    out = []
    for m in re.finditer(r"<([^/>][^>]*)>(.*?)</\1>", body.group(1), re.S):
        role = role_of_title(m.group(1))
        if role is None:
            continue
        for line in m.group(2).splitlines():
            line = line.split("#", 1)[0].strip()
            if not line or line.startswith("<"):
                continue
            head = line.split("[", 1)[0].strip()
            names = _NAMES.findall(head) or [head]
            names = [_title(n) for n in names if n.strip("_ ")]
            for _open_end, start, end in _TENURE.findall(line):
                out.append(Leader(names, role, _iso(start), _iso(end) if end else None))
    return out


def read(path: Path) -> dict[str, CountryEntry]:
    """ISO3 -> CountryEntry for every <Country> block."""
    raw = path.read_bytes().decode("utf-8", "replace")
    out: dict[str, CountryEntry] = {}
    for block in re.findall(r"<Country>(.*?)</Country>", raw, re.S):
        code = re.search(r"<ISO3166-alpha3>\s*(\w+)", block) or re.search(r"<CountryCode>(\w+)", block)
        if not code or code.group(1) in ("---", ""):
            continue
        nat = [n.strip("_") for n in _block(block, "Nationality")]
        out[code.group(1)] = CountryEntry(
            iso3=code.group(1),
            adjectives=[_title(n) for n in nat if _ADJ_EN.match(n)],
            capitals=[_title(c) for c in _block(block, "Capital")],
            leaders=_leaders(block),
        )
    return out
