"""Build scripts for rasad's actor knowledge base (rasad/data/kb/actors.jsonl).

Run `python -m tools.kb.build` from the repository root; it reads ../shared/data (CountryInfo,
mledoze, Phoenix), babel's CLDR names and the hand-curated files in tools/kb/curated/, and
writes rasad/data/kb/actors.jsonl. The runtime never reads ../shared.
"""
