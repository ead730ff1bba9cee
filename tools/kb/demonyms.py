"""Persian and Arabic adjectives (demonyms) of country names.

Curated lists (tools/kb/curated/countries.yaml) win; these rules cover the rest and the regular
inflection of Arabic nisbas (روسي → الروسي، الروسية، روسيون، الروسيين). Multi-word names get no
generated adjective: the rules are wrong for them too often (ایالات متحده, كوريا الجنوبية).
"""

from __future__ import annotations

ZWNJ = "\u200c"


def persian_adjectives(name: str) -> list[str]:
    """ایران → ایرانی; آمریکا → آمریکایی; روسیه → روسیه‌ای, روسی; مالی → مالیایی."""
    if " " in name or ZWNJ in name or len(name) < 3:
        return []
    if name.endswith(("ا", "و")):
        return [name + "یی", name + "ئی"]
    if name.endswith("ی"):
        return [name + "ایی"]
    if name.endswith("یه"):
        return [name + ZWNJ + "ای", name[:-1]]
    if name.endswith("ه"):
        return [name + ZWNJ + "ای"]
    return [name + "ی"]


def arabic_nisba(name: str) -> str | None:
    """روسيا → روسي; العراق → عراقي; السعودية → سعودي; مالي → None (already -ي)."""
    if " " in name or len(name) < 3:
        return None
    stem = name[2:] if name.startswith("ال") else name
    if stem.endswith(("يا", "ية")):
        return stem[:-1]
    if stem.endswith(("ا", "ة")):
        return stem[:-1] + "ي"
    if stem.endswith(("ي", "ى")):
        return None
    return stem + "ي"


def arabic_forms(entries: list[str]) -> list[str]:
    """Inflect curated nisbas: 'روسي' → روسي، روسية، الروسي، الروسية، روسيون، الروسيين ...

    '*روس' is a broken plural (→ روس، الروس); '=الكوري الجنوبي' is kept as written.
    """
    out: list[str] = []
    for entry in entries:
        if entry.startswith("="):
            out.append(entry[1:])
        elif entry.startswith("*"):
            out += [entry[1:], "ال" + entry[1:]]
        else:
            forms = [entry, entry + "ة", entry + "ون", entry + "ين"]
            out += forms + ["ال" + f for f in forms]
    return out
