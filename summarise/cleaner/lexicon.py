"""Words learned from labelled pages to mark article text or page furniture.

A hand-written list of interface words covers the languages its author knows; this
one is counted from the training pages, in whatever languages they hold. A word's
weight is the log-odds of the pages where it stands in article text against those
where it stands in furniture ("impressum", "newsletter" and "teilen" come out low,
words of running prose such as "usually" high). Only words seen on many pages are
kept, so no one site's vocabulary is learned. A line's features are the mean and
the lowest weight of its known words and its neighbours' means; a page's, the share
of its words the lexicon knows.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np

from summarise.cleaner import rules

NAMES = ["lexicon_mean", "lexicon_min", "lexicon_mean@-1", "lexicon_mean@+1", "lexicon_cover"]
MIN_PAGES = 8  # a word is learned only from this many pages or more
MAX_WEIGHT = 4.0
_MAX_WORD = 24


def _words(text: str) -> set[str]:
    sample = text[: rules.SAMPLE_CHARS].lower()
    return {w for w in rules.tokens(sample) if len(w) <= _MAX_WORD}


@dataclass(frozen=True)
class Lexicon:
    """Each learned word's weight: above zero for article text, below for furniture."""

    weights: dict[str, float]

    @classmethod
    def learn(cls, pages: Iterable[tuple[Sequence[str], Sequence[bool]]]) -> Lexicon:
        """Count, for each word, the pages where it stands in a kept line and those
        where it stands in a dropped one; ``pages`` are (line texts, kept) pairs."""
        kept: Counter[str] = Counter()
        dropped: Counter[str] = Counter()
        for texts, labels in pages:
            inside: set[str] = set()
            outside: set[str] = set()
            for text, label in zip(texts, labels):
                (inside if label else outside).update(_words(text))
            kept.update(inside)
            dropped.update(outside)
        weights = {}
        for word in kept.keys() | dropped.keys():
            if kept[word] + dropped[word] >= MIN_PAGES:
                odds = math.log((kept[word] + 1) / (dropped[word] + 1))
                weights[word] = max(-MAX_WEIGHT, min(MAX_WEIGHT, odds))
        return cls(weights)

    def arrays(self) -> dict[str, np.ndarray]:
        words = sorted(self.weights)
        return {
            "lexicon_words": np.array(words, dtype=str),
            "lexicon_weights": np.array([self.weights[w] for w in words], dtype=np.float32),
        }

    @classmethod
    def from_arrays(cls, arrays: dict[str, np.ndarray]) -> Lexicon:
        words = arrays["lexicon_words"].tolist()
        return cls(dict(zip(words, arrays["lexicon_weights"].tolist())))


def lexicon_features(texts: Sequence[str], lexicon: Lexicon) -> np.ndarray:
    """A ``(len(texts), len(NAMES))`` matrix: each line's mean and lowest word weight
    (0 when it has no learned word), its neighbours' means, and the share of the
    page's words the lexicon knows (low on a page in a language it never saw: the
    networks learned to read such a page without it)."""
    own = np.zeros((len(texts), 2))
    memo: dict[str, tuple[float, float, int, int]] = {}
    known = total = 0
    for i, text in enumerate(texts):
        if text not in memo:
            words = _words(text)
            found = [lexicon.weights[w] for w in words if w in lexicon.weights]
            mean, low = (sum(found) / len(found), min(found)) if found else (0.0, 0.0)
            memo[text] = (mean, low, len(found), len(words))
        mean, low, hits, count = memo[text]
        own[i] = mean, low
        known += hits
        total += count
    means = np.pad(own[:, 0], 1)
    cover = np.full(len(texts), known / max(1, total))
    return np.column_stack([own, means[:-2], means[2:], cover]).astype(np.float32)
