"""The learned lexicon: word weights counted from labelled pages, and a line's features."""

from __future__ import annotations

import numpy as np
import pytest

from summarise.cleaner.classifier import line_classifier
from summarise.cleaner.lexicon import MIN_PAGES, NAMES, Lexicon, lexicon_features

# Our own page: two article lines and two lines of furniture, labelled.
PAGE = (
    [
        "The ferry company cancelled every crossing because of the storm.",
        "Share this story",
        "Passengers were offered refunds or seats on Thursday's boats.",
        "Sign up for our newsletter",
    ],
    [True, False, True, False],
)
RARE = (["A glacier calved overnight.", "Newsletter"], [True, False])


def test_words_of_furniture_weigh_below_zero_and_words_of_prose_above():
    lexicon = Lexicon.learn([PAGE] * MIN_PAGES)
    weights = lexicon.weights
    assert weights["newsletter"] < 0 and weights["share"] < 0
    assert weights["ferry"] > 0 and weights["passengers"] > 0
    assert weights["the"] > 0  # "the" stands only in the article lines here


def test_a_word_seen_on_fewer_pages_than_the_minimum_is_not_learned():
    lexicon = Lexicon.learn([PAGE] * (MIN_PAGES - 1) + [RARE])
    assert "glacier" not in lexicon.weights  # one page
    assert "ferry" not in lexicon.weights  # seven pages
    assert "newsletter" in lexicon.weights  # eight pages
    assert lexicon.weights["newsletter"] == pytest.approx(np.log(1 / 9))


def test_a_word_in_both_kinds_of_line_weighs_by_the_pages_of_each():
    kept_only = (["Our newsletter reached readers."], [True])
    lexicon = Lexicon.learn([PAGE] * 4 + [kept_only] * 4)
    assert lexicon.weights["newsletter"] == pytest.approx(np.log((4 + 1) / (4 + 1)))


def test_a_lines_features_are_its_mean_and_lowest_weight_its_neighbours_and_the_pages_cover():
    lexicon = Lexicon({"storm": 2.0, "newsletter": -3.0, "our": 0.5})
    texts = ["Storm", "Our newsletter", "An unknown line", "STORM storm"]
    rows = lexicon_features(texts, lexicon)
    assert rows.shape == (4, len(NAMES))
    mean, low, before, after, cover = rows.T
    assert mean.tolist() == [2.0, -1.25, 0.0, 2.0]  # a repeated word counts once
    assert low.tolist() == [2.0, -3.0, 0.0, 2.0]
    assert before.tolist() == [0.0, 2.0, -1.25, 0.0]
    assert after.tolist() == [-1.25, 0.0, 2.0, 0.0]
    assert cover.tolist() == pytest.approx([4 / 7] * 4)  # 4 of 7 words known (per line, once)


def test_the_lexicon_saves_and_loads_unchanged():
    lexicon = Lexicon.learn([PAGE] * MIN_PAGES)
    again = Lexicon.from_arrays(lexicon.arrays())
    assert again.weights.keys() == lexicon.weights.keys()
    for word, weight in lexicon.weights.items():
        assert again.weights[word] == pytest.approx(weight, abs=1e-6)


def test_the_shipped_lexicon_knows_interface_words_in_english_and_german():
    weights = line_classifier().lexicon.weights
    for word in ("newsletter", "impressum", "datenschutz", "subscribe"):
        assert weights[word] < -1.0, word
