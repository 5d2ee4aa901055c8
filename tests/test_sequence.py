"""The block-sequence model: its inputs, its shipped weights and its two outputs."""

from __future__ import annotations

import numpy as np

from summarise.cleaner.blocks import blocks_from_paste
from summarise.cleaner.sequence import BUCKETS, SHAPE_NAMES, SequenceModel, encode

PASTE = """Home
News
Sport
Most read

Council approves the new bridge over the river

By Jane Roe, 12 May 2024

The city council voted on Tuesday to build a new bridge across the river, ending a
debate that had run for more than ten years and divided the town's two halves.

Work is expected to begin next spring, and the bridge should open to traffic in 2027,
the council's planning committee said in a statement after the vote.

Share this article
Privacy policy
"""


def test_encode_gives_two_bags_per_block_and_stable_buckets() -> None:
    blocks = blocks_from_paste(PASTE)
    ids, starts, shape = encode(blocks)
    assert len(starts) == 2 * len(blocks)
    assert shape.shape == (len(blocks), len(SHAPE_NAMES))
    assert ids.min() >= 0 and ids.max() < BUCKETS
    again = encode(blocks_from_paste(PASTE))
    assert np.array_equal(ids, again[0]) and np.array_equal(starts, again[1])


def test_shipped_model_scores_article_and_headline() -> None:
    model = SequenceModel.load()
    assert SequenceModel.load() is model  # read once
    blocks = blocks_from_paste(PASTE)
    article, headline = model.predict(blocks, "en")
    assert article.shape == headline.shape == (len(blocks),)
    assert ((article >= 0) & (article <= 1)).all()
    assert abs(float(headline.sum()) - 1.0) < 1e-4
    texts = [b.text for b in blocks]
    first_sentence = next(i for i, t in enumerate(texts) if t.startswith("The city council"))
    assert article[first_sentence] > 0.5
    assert article[texts.index("Privacy policy")] < 0.5


def test_empty_page() -> None:
    article, headline = SequenceModel.load().predict([], "")
    assert len(article) == len(headline) == 0
