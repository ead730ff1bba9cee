"""Time expressions in Persian and Arabic news: Gregorian, Solar Hijri and Lunar Hijri dates,
relative expressions, durations and clock times, resolved to ISO 8601 (Gregorian) against the
publication date. `annotate` is the pipeline stage; `find_times` works on a plain string."""

from rasad.time.annotate import annotate, find_times, infer_published

__all__ = ["annotate", "find_times", "infer_published"]
