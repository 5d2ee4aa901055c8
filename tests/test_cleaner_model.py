"""The line classifier's features on scripts written without spaces, and the shipped models."""

from __future__ import annotations

import numpy as np

from summarise.cleaner.blocks import blocks_from_paste
from summarise.cleaner.classifier import (
    LONG_PAGE_BLOCKS,
    STAGE_TWO_NAMES,
    LineClassifier,
    line_classifier,
    stage_two_inputs,
)
from summarise.cleaner.features import NAMES, block_features
from summarise.cleaner.lexicon import lexicon_features
from summarise.cleaner.title import candidates, title_features, title_model

# Our own sentences: a council closes a harbour bridge (Chinese), with a site's menu.
PROSE = [
    "市议会星期二决定关闭旧港口大桥，因为工程师在两根钢制支柱上发现了裂缝，"
    "这座大桥每天都有成千上万的人和车辆通过，所以他们认为这个决定是必要的。",
    "市长在市政厅外面对记者说，这个决定虽然让很多人不满，但是如果地区政府批准了资金，"
    "港口大桥的修复工作将会在明年春天开始，整个工程大约需要一年的时间。",
]
MENU = ["首页", "新闻", "体育", "登录"]
HEADLINE = "港口大桥因裂缝关闭"


def features_of(lines: list[str]) -> dict[str, list[float]]:
    blocks = blocks_from_paste("\n\n".join(lines))
    assert [b.text for b in blocks] == lines
    matrix = block_features(blocks, "")
    return {text: dict(zip(NAMES, row.tolist())) for text, row in zip(lines, matrix)}


def test_chinese_prose_has_stop_words_and_a_menu_has_none():
    rows = features_of([*MENU, HEADLINE, *PROSE])
    for text in PROSE:
        assert rows[text]["stop_density"] > 0.2
        assert rows[text]["has_stoplist"] == 1.0
    for text in MENU:
        assert rows[text]["stop_density"] == 0.0


def test_a_chinese_headline_shares_the_articles_vocabulary_and_a_menu_does_not():
    rows = features_of([*MENU, HEADLINE, *PROSE])
    assert rows[HEADLINE]["topic_overlap"] >= 0.5  # 港口, 大桥, 关闭 recur in the prose
    assert all(rows[text]["topic_overlap"] == 0.0 for text in MENU)


def test_a_page_in_a_spaced_script_has_no_chinese_stop_words():
    rows = features_of(
        ["The harbour bridge (港口大桥) closed on Tuesday after engineers found cracks."]
    )
    assert next(iter(rows.values()))["has_stoplist"] == 0.0


def test_the_shipped_models_average_networks_from_several_seeds():
    blocks = blocks_from_paste("\n\n".join([*MENU, HEADLINE, *PROSE]))
    features = block_features(blocks, "")
    classifier, titles = line_classifier(), title_model()
    assert len(classifier.members) >= 3 and len(titles.networks) >= 3
    texts = [b.text for b in blocks]
    full = np.hstack([features, lexicon_features(texts, classifier.lexicon)])
    each = [second(stage_two_inputs(full, first(full))) for first, second in classifier.members]
    scores = classifier(features, texts)
    assert np.allclose(scores, np.mean(each, axis=0))
    keep = [True] * len(blocks)
    rows = title_features(blocks, features, scores, keep, candidates(blocks, keep))
    assert np.allclose(titles(rows), np.mean([net(rows) for net in titles.networks], axis=0))


def test_stage_two_sees_where_a_block_stands_against_the_likely_article():
    # a menu, a three-block article, a gap and a far teaser scored high on its own
    first = np.array([0.0, 0.0, 0.9, 0.8, 0.9, 0.0, 0.0, 0.0, 0.0, 0.7])
    features = np.zeros((len(first), len(NAMES)), dtype=np.float32)
    features[:, NAMES.index("log_len")] = np.log1p(100.0)
    columns = stage_two_inputs(features, first)[:, len(NAMES) :]
    rows = [dict(zip(STAGE_TWO_NAMES, row.tolist())) for row in columns]
    above = [r["article_above"] for r in rows]
    assert above[:3] == [0.0, 0.0, 0.0] and above == sorted(above)
    assert np.isclose(above[9], 2.6 / 3.3)  # the whole article stands above the teaser
    distance = [round(float(np.expm1(r["confident_distance"]))) for r in rows]
    assert distance == [2, 1, 0, 0, 0, 1, 2, 2, 1, 0]
    nothing = stage_two_inputs(features[:2], np.array([0.1, 0.2]))[:, len(NAMES) :]
    assert np.allclose(np.expm1(nothing[:, -1]), 2)  # no confident block: the page's length


def test_a_paste_longer_than_any_real_page_is_scored_by_one_member():
    model = line_classifier()
    one = LineClassifier(model.members[:1], model.lexicon)
    lines = [
        f"Line {i} of the log" if i % 3 else f"Entry {i}: the bridge is closed."
        for i in range(LONG_PAGE_BLOCKS + 1)
    ]
    blocks = blocks_from_paste("\n\n".join(lines))
    features, texts = block_features(blocks, "en"), [b.text for b in blocks]
    assert np.array_equal(model(features, texts), one(features, texts))
    page = slice(0, 200)  # a real page's length: all five members
    assert not np.array_equal(model(features[page], texts[page]), one(features[page], texts[page]))
