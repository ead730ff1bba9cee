"""Readers of the NER training sets: tag mapping and the defects each set has."""

from __future__ import annotations

from pathlib import Path

import pytest

from rasad.ner import datasets as d


def write(tmp_path: Path, name: str, text: str, *, encoding: str = "utf-8") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def test_peyma_maps_tags_and_keeps_odd_tokens(tmp_path: Path) -> None:
    path = write(tmp_path, "p.txt", "خبرگزاری|B_ORG\nمهر|I_ORG\n||O\nروش های|O\n۱۳۹۶|B_DAT\n\n"
                                    "سعید|B_PER\n")
    sents = d.read_peyma(path)
    assert sents == [[("خبرگزاری", "B-ORG"), ("مهر", "I-ORG"), ("|", "O"), ("روش های", "O"),
                      ("۱۳۹۶", "O")], [("سعید", "B-PER")]]


def test_anercorp_maps_pers_to_per(tmp_path: Path) -> None:
    path = write(tmp_path, "a.txt", "فرانكفورت B-LOC\nجورج B-PERS\nبوش I-PERS\nالدولار B-MISC\n\n")
    assert d.read_anercorp(path) == [[("فرانكفورت", "B-LOC"), ("جورج", "B-PER"),
                                       ("بوش", "I-PER"), ("الدولار", "B-MISC")]]


def test_anercorp_heldout_is_a_contiguous_tail(tmp_path: Path) -> None:
    text = "".join(f"w{i} O\n\n" for i in range(20))
    train, held = d.read_anercorp_split(write(tmp_path, "a.txt", text), heldout=0.1)
    assert [s[0][0] for s in held] == ["w18", "w19"]
    assert len(train) == 18 and train[-1][0][0] == "w17"


@pytest.mark.parametrize(("lines", "expected"), [
    (["شدO", "تهران\tB-LOC"], [("شد", "O"), ("تهران", "B-LOC")]),          # tag glued on
    ([".", "O", "علی\tB-PER"], [(".", "O"), ("علی", "B-PER")]),            # tag on next line
    (["است\tO", ".\tO", "O"], [("است", "O"), (".", "O")]),                 # stray bare tag
    (["کرد\tO", "کرد.»"], [("کرد", "O"), ("کرد.»", "O")]),                # no tag at all
    (["JCommentsO"], [("JComments", "O")]),
])
def test_nsurl_lines_without_tab(lines: list[str], expected: list[tuple[str, str]]) -> None:
    tokens, tags = d.parse_nsurl_lines(lines)
    assert list(zip(tokens, tags, strict=True)) == expected


def test_nsurl_maps_time_and_money_to_o(tmp_path: Path) -> None:
    path = write(tmp_path, "n.conll", "۵۰\tB-MON\nدلار\tI-MON\nدر\tO\nایرانB-LOC\n\n")
    assert d.read_nsurl(path) == [[("۵۰", "O"), ("دلار", "O"), ("در", "O"), ("ایران", "B-LOC")]]


def test_wikifane_strips_bom_lrm_crlf_and_maps_fine_classes(tmp_path: Path) -> None:
    text = ("\ufeff\u200eباراك\tB-Politician\r\n\u200eاوباما\tI-Politician\r\n\u200eزار\tO\r\n"
            "\u200eالعرب\tB-Group\r\n\u200eالشمس\tB-Celestial\r\n\t\r\n"
            "\u200eمسجد\tB-Building-Grounds\r\n\u200eبوينغ\tB-Air\r\n")
    sents = d.read_wikifane(write(tmp_path, "w.txt", text), rejoin=False)
    assert sents == [[("باراك", "B-PER"), ("اوباما", "I-PER"), ("زار", "O"), ("العرب", "O"),
                      ("الشمس", "O")], [("مسجد", "B-LOC"), ("بوينغ", "B-MISC")]]


def test_wikifane_clitics_are_glued_back() -> None:
    pairs = [("و", "O"), ("روسيا", "B-LOC"), ("ل", "O"), ("الشعب", "O"), ("علي", "O"), ("ه", "O"),
             ("البوسنة", "B-LOC"), ("و", "I-LOC"), ("الهرسك", "I-LOC"), ("و", "O"), ("1999", "O")]
    assert d.rejoin_clitics(pairs) == [
        ("وروسيا", "B-LOC"), ("للشعب", "O"), ("عليه", "O"), ("البوسنة", "B-LOC"),
        ("والهرسك", "I-LOC"), ("و", "O"), ("1999", "O")]


def test_repair_bio_turns_orphan_inside_into_begin() -> None:
    assert d.repair_bio(["O", "I-PER", "I-PER", "I-LOC", "B-ORG", "I-ORG"]) == [
        "O", "B-PER", "I-PER", "B-LOC", "B-ORG", "I-ORG"]


def test_unknown_class_is_an_error() -> None:
    with pytest.raises(ValueError, match="tagmap.tsv"):
        d.map_tag("B-Spaceship", d.tag_map("wikifane"))


def test_every_wikifane_class_is_mapped() -> None:
    mapping = d.tag_map("wikifane")
    assert len(mapping) == 51  # the corpus uses 51 fine classes (its paper speaks of 50)
    assert set(mapping.values()) == {"PER", "LOC", "ORG", "MISC", "O"}
