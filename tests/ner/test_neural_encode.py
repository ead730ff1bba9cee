"""The experimental neural tagger's encoder (tools/ner_neural): spelling variants share ids."""

from rasad.ner.features import Lexicon
from rasad.ner.gazetteer import Gazetteer
from tools.ner_neural.encode import GAZ_TAGS, MAX_CHARS, UNK, Encoder, batch

TRAIN = [[("روسیه", "B-LOC"), ("و", "O"), ("ترکیه", "B-LOC")],
         [("پوتین", "B-PER"), ("در", "O"), ("روسیه", "B-LOC")],
         [("روسیه", "B-LOC"), ("و", "O"), ("پوتین", "B-PER")]]
LEXICON = Lexicon(gazetteer=Gazetteer([("ترکیه", "LOC")]))


def test_arabic_yeh_and_kaf_share_the_persian_word_id():
    enc = Encoder.build(TRAIN, "fa")
    arrays = enc.encode(["روسيه", "روسیه", "ناشناخته"], LEXICON)
    assert arrays["word"][0] == arrays["word"][1] != UNK
    assert arrays["word"][2] == UNK


def test_gazetteer_tag_of_word_and_neighbours():
    enc = Encoder.build(TRAIN, "fa")
    classes = enc.encode(["روسیه", "و", "تركيه"], LEXICON)["classes"]
    gaz, prev, nxt = 2, 3, 4
    assert GAZ_TAGS[classes[2, gaz]] == "B-LOC"  # Arabic kaf and yeh still match
    assert GAZ_TAGS[classes[1, nxt]] == "B-LOC"
    assert GAZ_TAGS[classes[2, prev]] == ""


def test_long_words_keep_both_ends_and_batches_pad_with_a_mask():
    enc = Encoder.build(TRAIN, "fa")
    long_word = "ر" * 10 + "ه" * 10  # both seen 3+ times in TRAIN
    one = enc.encode([long_word], LEXICON)
    assert one["chars"].shape == (1, MAX_CHARS)
    assert one["chars"][0, 0] != one["chars"][0, -1]  # first and last characters kept
    padded = batch([one, enc.encode(["و", "روسیه"], LEXICON)])
    assert padded["word"].shape == (2, 2)
    assert padded["mask"].tolist() == [[True, False], [True, True]]


def test_tables_round_trip_through_json():
    enc = Encoder.build(TRAIN, "fa")
    assert Encoder.from_json(enc.to_json()) == enc
    assert enc.tags[0] == "O"
