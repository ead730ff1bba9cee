"""Small helpers shared by the KB build steps: ids, role strings, name lists."""

from __future__ import annotations

import re
import unicodedata
from datetime import date

# Role abbreviations used in the curated people files (see tools/kb/curated/README.md).
ROLE_ABBREV = {
    "HOS": "head_of_state",
    "HOG": "head_of_government",
    "PRES": "president",
    "FM": "foreign_minister",
    "DM": "defense_minister",
    "DFM": "deputy_foreign_minister",
    "DHOG": "deputy_head_of_government",
    "VP": "vice_president",
    "SL": "supreme_leader",
    "CP": "crown_prince",
    "SPOX_FM": "foreign_ministry_spokesperson",
    "SPOX_HOS": "presidential_spokesperson",
    "AIDE": "foreign_policy_adviser",
    "NSA": "national_security_adviser",
    "INTEL": "intelligence_chief",
    "COS": "chief_of_general_staff",
    "CMD": "military_commander",
    "PR": "permanent_representative",
    "AMB": "ambassador",
    "ENVOY": "special_envoy",
    "SG": "secretary_general",
    "LEADER": "leader",
    "SPEAKER": "speaker_of_parliament",
    "UHSPEAKER": "upper_house_speaker",
    "MIN": "minister",
    "GOV": "regional_head",
    "EUCOM": "commission_president",
    "EUCO": "council_president",
    "EUHR": "high_representative",
    "SEC": "security_council_secretary",
    "DSEC": "deputy_security_council_chairman",
    "CHIEF_STAFF": "chief_of_staff_to_head_of_state",
    "CHIEF_STAFF_DEPUTY": "deputy_chief_of_staff_to_head_of_state",
    "FVP": "first_vice_president",
    "HEAD_AEOI": "head_of_atomic_energy_organization",
    "CBG": "central_bank_governor",
}
# Shorthands for offices held together: a president who is both head of state and of
# government; Iran's president, who heads the government but not the state.
ROLE_COMBOS = {"HOSG": ("HOS", "HOG")}

_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
_ROLE = re.compile(
    r"^(?P<abbr>[A-Z_+]+)(?:@(?P<country>[A-Z]{2,6}))?\s+(?P<start>[\d-]*~?)\.\.(?P<end>[\d-]*~?)"
    r"(?P<rest>(?:\s+\w+=\S+)*)\s*$"
)


def slug(text: str) -> str:
    """ASCII slug for a local id: 'Recep Tayyip Erdoğan' -> 'recep-tayyip-erdogan'."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


def full_date(text: str) -> tuple[str | None, bool]:
    """'2021-01' -> ('2021-01-01', approximate=True); '' -> (None, False)."""
    text = text.rstrip("~")
    if not text:
        return None, False
    if not _DATE.match(text):
        raise ValueError(f"bad date {text!r}: use YYYY, YYYY-MM or YYYY-MM-DD")
    parts = text.split("-")
    approx = len(parts) < 3
    parts += ["01"] * (3 - len(parts))
    date.fromisoformat("-".join(parts))  # raises on 2021-02-30
    return "-".join(parts), approx


def parse_role(text: str, *, default_country: str | None) -> list[dict]:
    """'FM@EU 2019-12-01..2024-11-30 to=USA' -> role dicts (HOSG, PRES+HOG give two roles).

    A '~' after a date, or a date with only year/month, marks it approximate; that is kept
    in the role's note so that a reader knows the day is not certain.
    """
    m = _ROLE.match(text.strip())
    if not m:
        raise ValueError(f"cannot parse role {text!r}: expected 'ABBR[@CC] START..END [k=v]'")
    names = _role_names(m["abbr"], text)
    start, approx_s = full_date(m["start"])
    end, approx_e = full_date(m["end"])
    country = m["country"] or default_country
    extra = dict(kv.split("=", 1) for kv in m["rest"].split())
    notes = []
    if approx_s or m["start"].endswith("~"):
        notes.append("start date approximate")
    if approx_e or m["end"].endswith("~"):
        notes.append("end date approximate")
    roles = []
    for name in names:
        role = {"role": name, "country": country, "start": start, "end": end}
        for key in ("to", "org", "title"):
            if key in extra:
                role[key] = extra[key].replace("_", " ") if key == "title" else extra[key]
        for flag in ("acting", "shared"):
            if flag in extra:
                role[flag] = True
        said = [*notes, extra["note"].replace("_", " ")] if "note" in extra else notes
        if said:
            role["note"] = "; ".join(said)
        roles.append(role)
    return roles


def _role_names(abbr: str, text: str) -> list[str]:
    """'PRES+HOG' → ['president', 'head_of_government']; 'HOSG' is 'HOS+HOG'."""
    parts = [p for a in abbr.split("+") for p in ROLE_COMBOS.get(a, (a,))]
    unknown = [p for p in parts if p not in ROLE_ABBREV]
    if unknown or not parts:
        raise ValueError(f"unknown role abbreviation {unknown or abbr!r} in {text!r}")
    return [ROLE_ABBREV[p] for p in parts]


def uniq(items) -> list[str]:
    """Keep order, drop empties and duplicates."""
    seen: set[str] = set()
    out = []
    for item in items:
        item = " ".join(str(item).split())
        if item and item not in seen:
            seen.add(item)
            out.append(item)
    return out


def as_list(value) -> list[str]:
    if value is None:
        return []
    return [value] if isinstance(value, str) else list(value)
