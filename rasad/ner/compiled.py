"""`sentence_features` for one trained model, built once per word type and pruned to what the
model knows.

`rasad.ner.features.sentence_features` builds about 25 strings per token, most of them
(neighbour words, bigrams, affixes of rare words) attributes the model never saw; crfsuite
looks each one up and skips it. Here every string a word contributes, in every position
(itself, one or two words before or after), is built once per word type, kept only when the
model has it (`rasad.ner.attributes`), and kept encoded (one UTF-8 `bytes` object per
attribute, shared): pycrfsuite encodes every `str` it is given, but takes `bytes` as they
are. A sentence then only joins them, in exactly the reference order: crfsuite sums a token's
weights in the order of its attributes, so the same known attributes in the same order give
bit-identical scores, tags and marginals. `tests/ner/test_compiled.py` checks the lists
against the reference, attribute by attribute.
"""

from __future__ import annotations

from collections.abc import Mapping

from rasad.ner.features import BOS, EOS, Lexicon, WordInfo, _cluster_ids, word_info

# Word types kept at once: a bounded cache keeps a long run's memory flat (about 250 bytes
# a word: every string is the model's own object).
MAX_WORDS = 100_000


class _Word:
    """What one word type adds to a sentence's features, by position, None when the model
    does not know the string. Names: m = before the current word, p = after it."""

    __slots__ = ("key", "forms", "own", "w1m", "w2m", "w1p", "w2p", "s1m", "s1p", "sh1m", "sh1p",
                 "t1m", "t2m", "t1p", "t2p", "np", "px2m", "px2p", "pp2m", "pp2p", "affixes",
                 "f", "f1m", "f1p", "clusters", "b1_left", "b1_right", "b2_left", "b2_right",
                 "tr_first", "tr_mid", "tr_last")


class CompiledFeatures:
    """The feature lists of `sentence_features(words, lang, lexicon=lexicon)`, keeping only
    the attributes in `attributes`, in the same order, as UTF-8 bytes."""

    def __init__(self, lang: str, lexicon: Lexicon, attributes: frozenset[str]) -> None:
        self.lang = lang
        self.lexicon = lexicon
        # Each attribute's text → its UTF-8 bytes (the one object kept).
        self._known: dict[str, bytes] = {a: a.encode("utf-8") for a in attributes}
        self._parts = _bigram_parts(attributes)
        self._words: dict[str, _Word] = {}
        self._gaz = {tag: self._gaz_strings(tag) for tag in _gazetteer_tags(attributes)}
        self._bos = self._compile(BOS, boundary="<s>")
        self._eos = self._compile(EOS, boundary="</s>")

    def __getstate__(self) -> dict[str, object]:
        """Pickled (`rasad.diskcache`) without the word types seen so far."""
        return {**self.__dict__, "_words": {}}

    def __call__(self, words: list[str]) -> list[list[bytes]]:
        lex = self.lexicon
        cache = self._words
        infos = [cache.get(w) or self._add(w) for w in words]
        n = len(infos)
        gaz = lex.gazetteer.tags([w.forms for w in infos]) if lex.gazetteer else [""] * n
        none = (None, None, None)
        gstr = [none, *(self._gaz.get(tag, none) for tag in gaz), none]
        pad = [self._bos, self._bos, *infos, self._eos, self._eos]
        rich, vocab, clusters = lex.rich, lex.vocab is not None, lex.clusters is not None
        known = self._known
        out: list[list[bytes]] = []
        for i in range(n):
            p2, p1, cur, n1, n2 = pad[i:i + 5]
            b1m = known.get("b-1=" + p1.key + "|" + cur.key) \
                if p1.b1_left and cur.b1_right else None
            b1p = known.get("b+1=" + cur.key + "|" + n1.key) \
                if cur.b1_left and n1.b1_right else None
            f = [*cur.own, *filter(None, (
                p1.w1m, p2.w2m, n1.w1p, n2.w2p, p1.s1m, n1.s1p, p1.sh1m, n1.sh1p, b1m, b1p,
                p1.t1m, p2.t2m, n1.t1p, gstr[i + 1][0], gstr[i][1], gstr[i + 2][2], cur.np))]
            if rich:
                b2m = known.get("b-2=" + p2.key + "|" + p1.key) \
                    if p2.b2_left and p1.b2_right else None
                b2p = known.get("b+2=" + n1.key + "|" + n2.key) \
                    if n1.b2_left and n2.b2_right else None
                tr = known.get("tr=" + p1.key + "|" + cur.key + "|" + n1.key) \
                    if p1.tr_first and cur.tr_mid and n1.tr_last else None
                f.extend(filter(None, (b2m, b2p, tr, p1.px2m, n1.px2p, p1.pp2m, n1.pp2p,
                                       n2.t2p)))
                f.extend(cur.affixes)
            if vocab:
                f.extend(filter(None, (cur.f, p1.f1m, n1.f1p) if rich else (cur.f,)))
            if clusters:
                f.extend(cur.clusters)
            out.append(f)
        return out

    def _add(self, word: str) -> _Word:
        """Compile a word type not seen yet (the cache is emptied when full)."""
        if len(self._words) >= MAX_WORDS:
            self._words.clear()
        compiled = self._words[word] = self._compile(word_info.__wrapped__(word, self.lang))
        return compiled

    def _compile(self, info: WordInfo, *, boundary: str = "") -> _Word:
        """Every string `info` contributes in each position, pruned to the model's."""
        known, lex, parts = self._known, self.lexicon, self._parts
        word = _Word()
        key = word.key = info.key
        word.forms = info.forms
        word.own = tuple(known[s] for s in info.feats if s in known)
        word.w1m, word.w2m = known.get("w-1=" + key), known.get("w-2=" + key)
        word.w1p, word.w2p = known.get("w+1=" + key), known.get("w+2=" + key)
        word.s1m, word.s1p = known.get("s-1=" + info.stem), known.get("s+1=" + info.stem)
        word.sh1m, word.sh1p = known.get("sh-1=" + info.shape), known.get("sh+1=" + info.shape)
        trig = info.trigger
        word.t1m, word.t2m = (known.get("t-1=" + trig), known.get("t-2=" + trig)) if trig \
            else (None, None)
        word.t1p, word.t2p = (known.get("t+1=" + trig), known.get("t+2=" + trig)) if trig \
            else (None, None)
        part = lex.name_parts.get(info.stem)
        word.np = known.get("np=" + part) if part else None
        word.px2m, word.px2p = known.get("px2-1=" + key[-2:]), known.get("px2+1=" + key[-2:])
        word.pp2m, word.pp2p = known.get("pp2-1=" + key[:2]), known.get("pp2+1=" + key[:2])
        stem = info.stem
        affixes = ("sx2=" + stem[-2:], "sx3=" + stem[-3:], "sp2=" + stem[:2],
                   "sp3=" + stem[:3]) if stem != key else ()
        word.affixes = tuple(known[s] for s in affixes if s in known)
        word.f = word.f1m = word.f1p = None
        if lex.vocab is not None:
            word.f = known.get("f=" + _frequency(lex.vocab, key))
            word.f1m = known.get("f-1=" + (boundary or _frequency(lex.vocab, key)))
            word.f1p = known.get("f+1=" + (boundary or _frequency(lex.vocab, key)))
        word.clusters = ()
        if lex.clusters is not None:
            ids = _cluster_ids(lex.clusters, info)
            word.clusters = tuple(known[s] for s in (f"k{g}={cid}" for g, cid in enumerate(ids))
                                  if s in known)
        for name in ("b1_left", "b1_right", "b2_left", "b2_right", "tr_first", "tr_mid",
                     "tr_last"):  # a key with "|" in it could sit anywhere in a joined pair
            setattr(word, name, key in parts[name] or "|" in key)
        return word

    def _gaz_strings(self, tag: str) -> tuple[bytes | None, bytes | None, bytes | None]:
        """The attributes a gazetteer tag gives its word and the words after and before."""
        if not tag:
            return (None, None, None)
        known = self._known
        return known.get("g=" + tag), known.get("g-1=" + tag), known.get("g+1=" + tag)


def _frequency(vocab: Mapping[str, str], key: str) -> str:
    return vocab.get(key, "r")


def _gazetteer_tags(attributes: frozenset[str]) -> set[str]:
    """The gazetteer tags the model has a `g`, `g-1` or `g+1` attribute for."""
    return {a.partition("=")[2] for a in attributes if a.startswith(("g=", "g-1=", "g+1="))}


def _bigram_parts(attributes: frozenset[str]) -> dict[str, frozenset[str]]:
    """The word keys that occur on each side of the model's bigram and trigram attributes,
    so a pair neither of whose words can start or end a known one is never joined."""
    sides: dict[str, set[str]] = {name: set() for name in (
        "b1_left", "b1_right", "b2_left", "b2_right", "tr_first", "tr_mid", "tr_last")}
    for a in attributes:
        name, _, value = a.partition("=")
        words = value.split("|")
        if name in ("b-1", "b+1") and len(words) == 2:
            sides["b1_left"].add(words[0])
            sides["b1_right"].add(words[1])
        elif name in ("b-2", "b+2") and len(words) == 2:
            sides["b2_left"].add(words[0])
            sides["b2_right"].add(words[1])
        elif name == "tr" and len(words) == 3:
            sides["tr_first"].add(words[0])
            sides["tr_mid"].add(words[1])
            sides["tr_last"].add(words[2])
    return {name: frozenset(keys) for name, keys in sides.items()}
