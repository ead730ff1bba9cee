"""Content hash: trivial spelling differences hash the same; real differences do not."""

from __future__ import annotations

from rasad.document import Document
from rasad.ingest.dedup import Deduplicator, content_hash

BASE = "نشست بین‌المللی امنیت در مسکو آغاز شد."


def test_trivial_differences_hash_the_same():
    variants = [
        "نشست بینالمللی امنیت در مسکو آغاز شد.",  # ZWNJ dropped
        "نشست بین المللی امنیت در مسکو آغاز شد.",  # space for ZWNJ
        "نشست بين‌المللي امنيت در مسكو آغاز شد.",  # Arabic yeh and kaf
        "نشست  بین‌المللی\nامنیت در مسکو آغاز شد.",  # spacing, line break
        "نشستْ بین‌المللیِ امنیت در مسکو آغاز شد.",  # diacritics
        "نشســت بین‌المللی امنیت در مسکو آغاز شد.",  # tatweel
    ]
    assert {content_hash(v) for v in variants} == {content_hash(BASE)}


def test_different_text_hashes_differently():
    assert content_hash(BASE) != content_hash("نشست بین‌المللی امنیت در تهران آغاز شد.")
    assert content_hash("قیمت ۱۲۰ دلار") == content_hash("قیمت 120 دلار")
    assert content_hash("قیمت ۱۲۰ دلار") != content_hash("قیمت ۱۲۱ دلار")


def test_deduplicator_counts_and_remembers_first_origin():
    seen = Deduplicator()
    docs = [Document(BASE, meta={"origin": "a.txt"}),
            Document("نشست بين المللي امنيت در مسكو آغاز شد.", meta={"origin": "b.jsonl:3"}),
            Document("خبر دیگر", meta={"origin": "c.txt"}),
            Document(BASE, meta={"origin": "d.txt"})]
    firsts = [seen.first_origin(doc) for doc in docs]
    assert firsts == [None, "a.txt", None, "a.txt"]
    assert seen.duplicates == 2 and len(seen) == 2
    assert docs[1].meta["content_hash"] == docs[0].meta["content_hash"] == content_hash(BASE)
