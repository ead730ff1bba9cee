"""Turn the bytes of a file into text, and say which encoding was used and how it was found.

Persian and Arabic news arrives in UTF-8, in UTF-8 with a BOM (Notepad), in UTF-16 (Windows
exports) and in Windows-1256 (older Arabic and Persian sites). Generic detectors guess
Windows-1256 text poorly and misread damaged UTF-8 as some other code page, so the order is
fixed and explicit:

1. a byte-order mark (UTF-32, UTF-8, UTF-16) decides;
2. NUL bytes mean UTF-16 without a BOM, if one byte order gives readable text, else binary;
3. strict UTF-8; then UTF-8 with a few damaged bytes (replaced by U+FFFD, reported);
4. the charset the page declared (HTTP header, else HTML `<meta charset>`), if it decodes;
5. Windows-1256 when that gives mostly Arabic-script letters;
6. charset-normalizer's best guess (reported, since it is a guess).

A declared ISO-8859-1, Windows-1252 or ASCII is a server's default more often than a fact
(crawls of Arabic sites are full of them), and Latin-1 decodes any bytes into nonsense, so
such a declaration comes after the Windows-1256 letter test (`weak_charset`).
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass

BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),  # before UTF-16 LE: FF FE 00 00 starts with FF FE
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
DAMAGED_UTF8_SHARE = 0.05  # invalid sequences per non-ASCII byte up to this: damaged UTF-8
ARABIC_LETTER_SHARE = 0.9  # cp1256 is accepted when this share of non-ASCII letters is Arabic
CONTROL_SHARE = 0.05  # more control characters than this in decoded text: binary


class BinaryContent(ValueError):
    """The bytes are not text (NUL bytes or control characters that no text encoding explains)."""


class UndecodableContent(ValueError):
    """No encoding gives readable text."""


@dataclass(frozen=True, slots=True)
class Decoded:
    """Text with the encoding that produced it.

    `how` says how the encoding was found: "bom", "utf-8", "sniffed" (UTF-16 without BOM),
    "declared", "arabic-script" (Windows-1256 by letter statistics), "guessed"
    (charset-normalizer) or "repaired" (UTF-8 with invalid bytes replaced). `note` is set when
    the result deserves a look and says why.
    """

    text: str
    encoding: str
    how: str
    note: str | None = None


def decode(data: bytes, *, declared: str | None = None) -> Decoded:
    """Decode `data`; raise `BinaryContent` or `UndecodableContent` with a reason."""
    result = _by_bom(data) or _by_nul_pattern(data)
    if result is None:
        if _control_share(data) > CONTROL_SHARE:
            raise BinaryContent("looks binary (control bytes)")
        weak = weak_charset(declared)
        result = (_as_utf8(data) or (_as_cp1256(data) if weak else None)
                  or _as_declared(data, declared) or _as_cp1256(data) or _guess(data))
    return result


_WEAK = frozenset({"iso8859-1", "cp1252", "ascii"})  # codecs names of the defaults


def weak_charset(declared: str | None) -> bool:
    """Whether a declared charset is a Western default that says little about the bytes."""
    if not declared:
        return False
    try:
        return codecs.lookup(declared).name in _WEAK
    except LookupError:
        return False


def _by_bom(data: bytes) -> Decoded | None:
    for bom, encoding in BOMS:
        if data.startswith(bom):
            name = "utf-8" if encoding == "utf-8-sig" else encoding
            try:
                text = data[len(bom):].decode(name)
            except UnicodeDecodeError as e:
                raise UndecodableContent(f"starts with a {name} byte-order mark but is not valid "
                                         f"{name} ({e.reason} at byte {e.start + len(bom)})") from e
            return Decoded(text, encoding, "bom")
    return None


def _by_nul_pattern(data: bytes) -> Decoded | None:
    """UTF-16 without BOM puts a NUL beside every ASCII character (space, digit, Latin)."""
    if b"\x00" not in data:
        return None
    even, odd = data[0::2].count(0), data[1::2].count(0)
    # Text puts its NULs on one side of each code unit: high bytes of ASCII characters.
    if min(even, odd) <= 0.1 * max(even, odd):
        encoding = "utf-16-le" if odd > even else "utf-16-be"
        try:
            text = data[: len(data) // 2 * 2].decode(encoding)
        except UnicodeDecodeError:
            text = ""
        if text and _readable_share(text) >= 0.9:
            return Decoded(text, encoding, "sniffed", "no byte-order mark; UTF-16 guessed from NUL bytes")
    raise BinaryContent(f"looks binary ({data.count(0)} NUL bytes, and not UTF-16)")


def _as_utf8(data: bytes) -> Decoded | None:
    try:
        return Decoded(data.decode("utf-8"), "utf-8", "utf-8")
    except UnicodeDecodeError as e:
        first = e.start
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd") - data.count("\ufffd".encode())  # invalid sequences
    non_ascii = sum(b >= 0x80 for b in data)
    if bad <= DAMAGED_UTF8_SHARE * non_ascii:
        return Decoded(text, "utf-8", "repaired",
                       f"{bad} invalid UTF-8 sequence(s) replaced by U+FFFD (first at byte {first})")
    return None


def _as_declared(data: bytes, declared: str | None) -> Decoded | None:
    if not declared:
        return None
    try:
        name = codecs.lookup(declared).name
        return Decoded(data.decode(name), label(name), "declared")
    except (LookupError, UnicodeDecodeError):
        return None


def _as_cp1256(data: bytes) -> Decoded | None:
    text = data.decode("cp1256")
    letters = [ch for ch in text if ord(ch) >= 0x80 and ch.isalpha()]
    arabic = sum(_is_arabic(ch) for ch in letters)
    if arabic >= 2 and arabic / len(letters) >= ARABIC_LETTER_SHARE:
        return Decoded(text, "windows-1256", "arabic-script")
    return None


def _guess(data: bytes) -> Decoded:
    from charset_normalizer import from_bytes  # noqa: PLC0415 (only for odd files)

    best = from_bytes(data).best()
    if best is None:
        raise UndecodableContent("not valid UTF-8, not Windows-1256 Arabic script, and no other "
                                 "encoding fits; convert it to UTF-8")
    name = label(best.encoding)
    return Decoded(str(best), name, "guessed",
                   f"not valid UTF-8; decoded as {name} (a guess): check the text, "
                   "or convert the file to UTF-8")


def label(codec: str) -> str:
    """One name per encoding in reports: Python's `cp1256` is the web's `windows-1256`."""
    name = codecs.lookup(codec).name
    if name.startswith("cp125"):
        return "windows-" + name[2:]
    if name.startswith("iso8859-"):
        return "iso-8859-" + name[8:]
    return name


def _is_arabic(ch: str) -> bool:
    return "\u0600" <= ch <= "\u06ff" or "\u0750" <= ch <= "\u077f" or "\ufb50" <= ch <= "\ufeff"


def _readable_share(text: str) -> float:
    """Share of characters in the blocks news text uses: ASCII, Latin to Hebrew, Arabic,
    general punctuation. The wrong byte order turns them into CJK or dingbats."""
    ok = sum(ch.isspace() or " " <= ch <= "~" or "\u00a0" <= ch <= "\u05ff" or _is_arabic(ch)
             or "\u2000" <= ch <= "\u206f" for ch in text)
    return ok / len(text)


_CONTROL_BYTES = bytes(b for b in range(32) if b not in b"\t\n\r\f\v\x1a\x1b")


def _control_share(data: bytes) -> float:
    """Share of C0 control bytes other than whitespace (and EOF/ESC, seen in old text files)."""
    if not data:
        return 0.0
    return (len(data) - len(data.translate(None, _CONTROL_BYTES))) / len(data)
