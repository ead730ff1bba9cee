"""Quantities: numbers in any digit script or in words, with money, percent, counts and units.

    annotate(doc) -> doc                     the pipeline stage (fills doc.quantities)
    find_quantities(text, *, lang) -> list   the same on a plain string
    parse_number(s) -> float | None          one number written alone ("۴٫۳۵۸", "سه هزار و پانصد")

Word lists live in rasad/data/quantity/ and load on first use.
"""

from rasad.quantity.find import annotate, find_quantities
from rasad.quantity.numbers import parse_number

__all__ = ["annotate", "find_quantities", "parse_number"]
