"""The headline of a paste: the line near the top of the article that names it.

Candidates are the heading-shaped lines around the start of the kept article (a
few words, no closing comma or colon, not a byline); a few small trained networks,
averaged, score each from its block features, its article score, where it stands
relative to the article and how much it shares the article's vocabulary. A
navigation bar, a section name, a date line or a photo caption scores low; the best
candidate above the threshold is the title. The networks are trained by
``training/train_cleaner.py`` on the dev pages' metadata titles and, as distant
labels, the training pages' addresses (a headline's words are its URL's slug).
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

import numpy as np

from summarise.cleaner import rules
from summarise.cleaner.blocks import PROSE_CHARS, Block
from summarise.cleaner.classifier import Averaged, load_weights, save_weights
from summarise.cleaner.features import NAMES
from summarise.cleaner.feeds import runs
from summarise.cleaner.furniture import is_furniture_at

WEIGHTS = Path(__file__).with_name("title_model.npz")
TITLE_NAMES = NAMES + [
    "article_score", "offset", "above", "offset_first", "overlap", "coverage", "repeats",
    "cjk_overlap", "rank_overlap",
]  # fmt: skip
THRESHOLD = 0.02  # a headline is rare among the candidates: its probability runs low
_BEFORE, _AFTER = 30, 3
_LISTED = 2  # sub-headings a table of contents lists ...
_CONTENTS_GAP = 2  # ... each at most this many lines after the one before (a time between)


def _anchor(blocks: Sequence[Block], kept: Sequence[int]) -> int:
    """Where the article's prose starts: its first long kept paragraph."""
    for i in kept:
        if blocks[i].length >= PROSE_CHARS:
            return i
    return kept[0]


def _contents(blocks: Sequence[Block], kept: list[int]) -> set[str]:
    """The lines of a table of contents above the article ("Key events" of a live
    page): two or more of its kept sub-headings, each shown first a line or two after
    the one before. One line shown twice is the headline as often as not."""
    first: dict[str, int] = {}
    for i, block in enumerate(blocks):
        first.setdefault(block.text, i)
    shown = sorted({first[blocks[i].text] for i in kept if first[blocks[i].text] < i})
    return {
        blocks[i].text for run in runs(shown, _CONTENTS_GAP) if len(run) >= _LISTED for i in run
    }


def candidates(blocks: Sequence[Block], keep: Sequence[bool]) -> list[int]:
    """Heading-shaped blocks around the start of the kept article's prose (not a byline,
    a caption that credits its photographer, furniture or a table of contents)."""
    kept = [i for i, k in enumerate(keep) if k]
    if not kept:
        return []
    anchor = _anchor(blocks, kept)
    listed = _contents(blocks, kept)
    out = []
    for i in range(max(0, anchor - _BEFORE), min(len(blocks), anchor + _AFTER + 1)):
        text = blocks[i].text.rstrip()
        words = len(text.split())
        cjk = len(rules.CJK.findall(text))
        short = 2 <= cjk <= 120 if cjk > 0.3 * len(text) else 1 <= words <= 40
        if (
            short
            and not text.endswith((",", ";", ":"))
            and not rules.BYLINE.match(text)
            and not rules.PHOTO_CREDIT.search(text)  # a caption
            and not is_furniture_at(blocks, i)  # "Share", a dateline, a menu bar, a caption
            and text not in listed
        ):
            out.append(i)
    return out


def _vocab(text: str) -> set[str]:
    return {t for t in rules.tokens(text.lower()) if len(t) >= 3}


def title_features(
    blocks: Sequence[Block],
    features: np.ndarray,
    scores: np.ndarray,
    keep: Sequence[bool],
    indices: Sequence[int],
) -> np.ndarray:
    """One row of :data:`TITLE_NAMES` per candidate in ``indices``."""
    kept = [i for i, k in enumerate(keep) if k]
    if not indices or not kept:
        return np.zeros((0, len(TITLE_NAMES)), dtype=np.float32)
    first, anchor = kept[0], _anchor(blocks, kept)
    top = set(kept[:30])
    body = " ".join(blocks[i].text for i in kept[:30])
    body_vocab = _vocab(body)  # most candidates stand outside the body: read it once
    counts = Counter(b.text for b in blocks)
    rows, overlaps = [], []
    for i in indices:
        text = blocks[i].text
        inside = i in top  # compared with the rest of the body, not with itself
        rest = body.replace(text, " ", 1) if inside else body
        mine, theirs = _vocab(text), (_vocab(rest) if inside else body_vocab)
        shared = len(mine & theirs)
        chars = set(rules.CJK.findall(text))
        overlap = shared / len(mine) if mine else 0.0
        overlaps.append(overlap)
        rows.append(
            [
                float(scores[i]),
                math.copysign(math.log1p(abs(i - anchor)), i - anchor),
                float(i < anchor),
                math.copysign(math.log1p(abs(i - first)), i - first),
                overlap,
                shared / max(1, len(theirs)) * 10,
                math.log(counts[text]),
                sum(1 for ch in chars if ch in rest) / len(chars) if chars else 0.0,
            ]
        )
    order = np.argsort(-np.array(overlaps), kind="stable")
    rank = np.empty(len(indices))
    rank[order] = np.arange(len(indices))
    extra = np.column_stack([np.array(rows), np.log1p(rank)])
    return np.hstack([features[list(indices)], extra]).astype(np.float32)


def find_title(
    blocks: Sequence[Block],
    features: np.ndarray,
    scores: np.ndarray,
    keep: Sequence[bool],
    network: Averaged | None = None,
) -> int | None:
    """Index of the headline among the blocks, or ``None`` when no line reads as one
    (``network`` replaces the shipped title networks)."""
    indices = candidates(blocks, keep)
    if not indices:
        return None
    probs = (network or title_model())(title_features(blocks, features, scores, keep, indices))
    best = int(np.argmax(probs))
    return indices[best] if probs[best] >= THRESHOLD else None


@lru_cache(maxsize=1)
def title_model() -> Averaged:
    """The shipped title networks, loaded once."""
    return Averaged.from_arrays(load_weights(WEIGHTS, TITLE_NAMES))


def save_title_model(model: Averaged, path: Path = WEIGHTS) -> None:
    save_weights(path, TITLE_NAMES, model.arrays())
