"""Readers for the NER training sets, each mapped onto rasad's types (PER, LOC, ORG, MISC).

Every set spells its tags and lines its own way (`token|B_ORG`, `token TAG`, `token<TAB>tag`,
fine classes such as `B-Politician`), and two have defects that a reader must survive:
NSURL has lines whose TAB is missing (`شدO`, or a token and its tag on two lines) and
WikiFANE starts tokens with U+200E and splits clitics off as separate tokens. The readers
return sentences as lists of `(token, tag)` with BIO tags over rasad's types; which fine class
becomes which type is data (`rasad/data/ner/tagmap.tsv`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from functools import cache
from pathlib import Path

from rasad.data import read_rows

Sentence = list[tuple[str, str]]


_GLUED = re.compile(r"^(.+?)([BI][-_][A-Za-z_-]+|O)$")
_BARE_TAG = re.compile(r"^(?:[BI][-_][A-Za-z_-]+|O)$")


@cache
def tag_map(dataset: str) -> dict[str, str]:
    """Source class → rasad type for one dataset, from `tagmap.tsv`."""
    out = {source: target for name, source, target in read_rows("ner", "tagmap.tsv")
           if name == dataset}
    if not out:
        raise ValueError(f"no tag mapping for dataset {dataset!r} in rasad/data/ner/tagmap.tsv")
    return out


def map_tag(tag: str, mapping: dict[str, str]) -> str:
    """`B_ORG`/`I-Politician`/`O` → `B-ORG`/`I-PER`/`O`. An unknown class is an error."""
    if tag == "O":
        return "O"
    prefix, cls = tag[0], tag[2:]
    if prefix not in "BI" or tag[1] not in "-_":
        raise ValueError(f"not a BIO tag: {tag!r}")
    try:
        target = mapping[cls]
    except KeyError as e:
        raise ValueError(f"class {cls!r} is missing from rasad/data/ner/tagmap.tsv") from e
    return "O" if target == "O" else f"{prefix}-{target}"


def repair_bio(tags: list[str]) -> list[str]:
    """Make a tag sequence valid BIO: an I- that does not continue its type becomes B-."""
    out: list[str] = []
    for tag in tags:
        if tag.startswith("I-") and (not out or out[-1] == "O" or out[-1][2:] != tag[2:]):
            tag = "B-" + tag[2:]
        out.append(tag)
    return out


def _finish(tokens: list[str], tags: list[str], mapping: dict[str, str]) -> Sentence:
    mapped = repair_bio([map_tag(t, mapping) for t in tags])
    return list(zip(tokens, mapped, strict=True))


def _blocks(lines: Iterable[str]) -> Iterator[list[str]]:
    """Groups of non-blank lines, split at blank lines."""
    block: list[str] = []
    for line in lines:
        line = line.rstrip("\r\n")
        if line.strip():
            block.append(line)
        elif block:
            yield block
            block = []
    if block:
        yield block


def _read_pairs(path: Path, dataset: str,
                split: Callable[[str], tuple[str, str] | None]) -> list[Sentence]:
    """Sentences of a two-column file (blank line between sentences); `split` reads one line
    into (token, tag), or None to skip it."""
    mapping = tag_map(dataset)
    out = []
    for block in _blocks(path.read_text("utf-8").splitlines()):
        pairs = [pair for pair in map(split, block) if pair is not None]
        out.append(_finish([t for t, _ in pairs], [g for _, g in pairs], mapping))
    return out


def read_peyma(path: Path) -> list[Sentence]:
    """PEYMA: `token|B_TAG`, blank line between sentences. Tokens may hold `|` or a space."""
    return _read_pairs(path, "peyma", lambda line: tuple(line.rsplit("|", 1)))


def read_anercorp(path: Path) -> list[Sentence]:
    """ANERcorp: `token TAG` (IOB2; PERS, LOC, ORG, MISC), blank line between sentences."""
    return _read_pairs(path, "anercorp", lambda line: tuple(line.rsplit(" ", 1)))


def parse_nsurl_lines(block: list[str]) -> tuple[list[str], list[str]]:
    """Tokens and tags of one NSURL sentence, repairing lines that lack their TAB.

    Seen in the data: `شدO` (tag glued to the token), `.` then `O` on the next line (token
    and tag split), a bare `O` after a complete line (stray; dropped), and a final token with
    no tag at all (tagged O).
    """
    tokens: list[str] = []
    tags: list[str | None] = []
    for line in block:
        if "\t" in line:
            token, tag = line.split("\t", 1)
            tokens.append(token)
            tags.append(tag.strip())
        elif _BARE_TAG.match(line):
            if tags and tags[-1] is None:
                tags[-1] = line
        elif m := _GLUED.match(line):
            tokens.append(m.group(1))
            tags.append(m.group(2))
        else:
            tokens.append(line)
            tags.append(None)
    return tokens, [t or "O" for t in tags]


def read_nsurl(path: Path) -> list[Sentence]:
    """NSURL-2019 extra documents: `token<TAB>tag`, blank line between sentences."""
    mapping = tag_map("nsurl")
    out = []
    for block in _blocks(path.read_text("utf-8").splitlines()):
        tokens, tags = parse_nsurl_lines(block)
        if tokens:
            out.append(_finish(tokens, tags, mapping))
    return out


def read_anercorp_split(path: Path, *, heldout: float = 0.1) -> tuple[list[Sentence], list[Sentence]]:
    """ANERcorp train split into (train, held-out): the held-out part is a contiguous tail.

    The cut falls at a sentence boundary, `heldout` of the sentences from the end; nothing
    after the cut is ever trained on.
    """
    sentences = read_anercorp(path)
    cut = len(sentences) - round(len(sentences) * heldout)
    return sentences[:cut], sentences[cut:]


_PROCLITICS = frozenset("وفبلك")
_ENCLITICS = frozenset({"ه", "ها", "هم", "هما", "هن", "كم", "كما", "نا"})
_BIDI = str.maketrans("", "", "\ufeff\u200e\u200f")


def _is_arabic_letter(ch: str) -> bool:
    return "\u0621" <= ch <= "\u064a" or "\u0671" <= ch <= "\u06d3"


def rejoin_clitics(pairs: Sentence) -> Sentence:
    """Glue WikiFANE's split clitics back on, as news text and ANERcorp write them.

    `و روسيا` → `وروسيا`, `ل الشعب` → `للشعب`, `علي ه` → `عليه`. A joined token keeps the
    tag of its clitic when that clitic is inside a name (`البوسنة و الهرسك`), else the word's.
    """
    out: Sentence = []
    prefix, prefix_tag = "", "O"
    for token, tag in pairs:
        if token in _PROCLITICS and (not prefix or len(prefix) < 2):
            prefix, prefix_tag = prefix + token, tag if prefix_tag == "O" else prefix_tag
            continue
        if prefix and token and _is_arabic_letter(token[0]):
            word = token[1:] if prefix.endswith("ل") and token.startswith("ال") else token
            out.append((prefix + word, prefix_tag if prefix_tag != "O" else tag))
        else:
            out.extend((ch, prefix_tag) for ch in prefix)
            if token in _ENCLITICS and out and _is_arabic_letter(out[-1][0][-1]):
                out[-1] = (out[-1][0] + token, out[-1][1])
                prefix, prefix_tag = "", "O"
                continue
            out.append((token, tag))
        prefix, prefix_tag = "", "O"
    out.extend((ch, prefix_tag) for ch in prefix)
    return out


def read_wikifane(path: Path, *, rejoin: bool = True) -> list[Sentence]:
    """WikiFANE: `token<TAB>B-FineClass`, UTF-8 with BOM, CRLF, U+200E before most tokens.

    Sentences are separated by lines with an empty token.
    """
    mapping = tag_map("wikifane")
    out: list[Sentence] = []
    tokens: list[str] = []
    tags: list[str] = []
    for line in path.read_text("utf-8-sig").splitlines():
        token, _, tag = line.translate(_BIDI).partition("\t")
        token, tag = token.strip(), tag.strip()
        if token and tag:
            tokens.append(token)
            tags.append(tag)
            continue
        if tokens:
            out.append(_finish(tokens, tags, mapping))
            tokens, tags = [], []
    if tokens:
        out.append(_finish(tokens, tags, mapping))
    if rejoin:
        out = [list(zip(*_rejoined(s), strict=True)) for s in out]
    return out


def _rejoined(sentence: Sentence) -> tuple[list[str], list[str]]:
    pairs = rejoin_clitics(sentence)
    return [p[0] for p in pairs], repair_bio([p[1] for p in pairs])


def read_parstwiner(path: Path) -> list[Sentence]:
    """ParsTwiNER: `token<TAB>tag` (PER, LOC, ORG, EVE, POG, NAT), blank line between tweets."""
    return _read_pairs(path, "parstwiner", _tab_pair)


def _tab_pair(line: str) -> tuple[str, str] | None:
    if "\t" not in line:
        return None
    token, tag = line.split("\t", 1)
    return token, tag.strip()
