"""The block-sequence model: its inputs, its shipped weights and its two outputs."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from summarise.cleaner.blocks import blocks_from_paste
from summarise.cleaner.sequence import BUCKETS, SHAPE_NAMES, WEIGHTS, SequenceModel, encode

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


def test_the_numpy_network_matches_torchs_layers() -> None:
    # the shipped model runs on numpy; its bags and its GRU are torch's, to rounding
    torch = pytest.importorskip("torch")
    model = SequenceModel.load()
    with np.load(WEIGHTS) as archive:
        arrays = {k: archive[k].astype(np.float32) for k in archive.files if k.startswith("gru.")}
    gru = torch.nn.GRU(128, 64, batch_first=True, bidirectional=True)
    gru.load_state_dict({k[len("gru.") :]: torch.from_numpy(v) for k, v in arrays.items()})
    x = np.random.default_rng(0).normal(size=(37, 128)).astype(np.float32)
    with torch.inference_mode():
        expected, _ = gru(torch.from_numpy(x)[None])
    assert np.allclose(model._gru(x), expected[0].numpy(), atol=1e-5)

    ids, starts, _ = encode(blocks_from_paste(PASTE))
    bags = torch.nn.functional.embedding_bag(
        torch.from_numpy(ids),
        torch.from_numpy(model.embed),
        torch.from_numpy(starts),
        mode="mean",
    )
    assert np.allclose(model._bags(ids, starts, len(starts) // 2), bags.view(-1, 48).numpy())


def test_cleaning_needs_no_torch() -> None:
    # the cleaner's models are numpy: `import summarise` and clean() leave torch unloaded
    code = (
        "import sys, summarise\n"
        "summarise.clean(open(sys.argv[1]).read())\n"
        "assert 'torch' not in sys.modules, 'torch was imported'\n"
    )
    page = Path(__file__).parent / "cases" / "german" / "page.txt"
    subprocess.run([sys.executable, "-c", code, str(page)], check=True)
