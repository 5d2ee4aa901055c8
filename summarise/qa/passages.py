"""Passage retrieval for long documents: BM25 plus embeddings, fused by rank.

Long documents are cut into overlapping, sentence-aligned passages. A question
is scored against each passage lexically (BM25, so names and numbers are not
missed) and, when an embedder is available, semantically; the two rankings are
fused with reciprocal-rank fusion. Only the best passages go to the reader.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from rank_bm25 import BM25Okapi

from summarise.cache import TextCache
from summarise.language.sentences import sentence_spans
from summarise.language.tokens import tokens
from summarise.models.embedder import Embedder

_RRF_K = 60


@dataclass
class Passage:
    """A span of the document: ``text == document[start:end]``."""

    start: int
    end: int
    text: str


def make_passages(
    text: str, words: int = 120, overlap: int = 1, language: str = "en"
) -> list[Passage]:
    """Passages of about ``words`` words that follow the document's structure.

    Short paragraphs are grouped whole; a paragraph longer than ``words`` is cut
    into sentence-aligned pieces, consecutive pieces sharing ``overlap``
    sentences so that an answer on a boundary is whole in one of them.
    """
    units: list[tuple[int, int, int]] = []  # (start, end, words)
    offset = 0
    for paragraph in text.split("\n\n"):
        start, offset = offset, offset + len(paragraph) + 2
        size = len(paragraph.split())
        if not size:
            continue
        if size <= words:
            units.append((start, start + len(paragraph), size))
            continue
        spans = [(start + s, start + e) for s, e in sentence_spans(paragraph, language)]
        i = 0
        while i < len(spans):
            j, count = i, 0
            while j < len(spans) and (count < words or j == i):
                count += len(text[spans[j][0] : spans[j][1]].split())
                j += 1
            units.append((spans[i][0], spans[j - 1][1], count))
            if j >= len(spans):
                break
            i = max(i + 1, j - overlap)
    passages: list[Passage] = []
    group: list[tuple[int, int, int]] = []
    for unit in units:
        if group and (sum(u[2] for u in group) + unit[2] > words or unit[0] < group[-1][1]):
            passages.append(Passage(group[0][0], group[-1][1], text[group[0][0] : group[-1][1]]))
            group = []
        group.append(unit)
    if group:
        passages.append(Passage(group[0][0], group[-1][1], text[group[0][0] : group[-1][1]]))
    return passages


def fuse(*rankings: np.ndarray) -> np.ndarray:
    """Reciprocal-rank fusion of score arrays (higher is better) into one score."""
    fused = np.zeros(len(rankings[0]))
    for scores in rankings:
        order = np.argsort(-scores, kind="stable")
        ranks = np.empty(len(scores))
        ranks[order] = np.arange(1, len(scores) + 1)
        fused += 1.0 / (_RRF_K + ranks)
    return fused


Index = tuple[list[Passage], BM25Okapi, "np.ndarray | None"]


class Retriever:
    """Rank passages of a document for a question; caches each document's index.

    ``passages`` is how many of the best passages a long document is narrowed
    to before the reader reads them (0: read everything). ``language`` (a
    code) is the documents': its sentence rules cut the passages, and its stop
    words are left out of BM25's terms.
    """

    def __init__(
        self,
        embedder: Embedder | None = None,
        words: int = 120,
        cache_size: int = 8,
        passages: int = 4,
        language: str = "en",
    ) -> None:
        self.embedder = embedder
        self.language = language
        self.words = words
        self.passages = passages
        self._cache: TextCache[Index] = TextCache(cache_size)

    def _index(self, text: str) -> Index:
        return self._cache.get(text, self._build)

    def _build(self, text: str) -> Index:
        passages = make_passages(text, self.words, language=self.language)
        bm25 = BM25Okapi([self._terms(p.text) or ["_"] for p in passages])
        vectors = self.embedder.encode([p.text for p in passages]) if self.embedder else None
        return passages, bm25, vectors

    def _terms(self, text: str) -> list[str]:
        return tokens(text, content_only=True, language=self.language)

    def rank(self, question: str, text: str) -> list[tuple[Passage, float]]:
        """All passages of ``text`` with their fused score, best first."""
        passages, bm25, vectors = self._index(text)
        lexical = np.asarray(bm25.get_scores(self._terms(question)), dtype=float)
        if vectors is not None and self.embedder is not None:
            semantic = vectors @ self.embedder.encode([question])[0]
            scores = fuse(lexical, semantic)
        else:
            scores = fuse(lexical)
        order = np.argsort(-scores, kind="stable")
        return [(passages[i], float(scores[i])) for i in order]

    def spans(self, question: str, text: str, k: int) -> list[tuple[int, int]]:
        """The ``k`` best passages as spans of ``text``, in document order.

        Each is read on its own, so a window never straddles two unrelated
        passages; where passages overlap, the reader adds up a span's mass.
        """
        return sorted((p.start, p.end) for p, _ in self.rank(question, text)[:k])

    def select(
        self, questions: Sequence[str], text: str, passages: int | None = None
    ) -> list[list[tuple[int, int]]]:
        """Per question, the spans of ``text`` worth reading: its best passages, or
        all of it when ``passages`` (default: this retriever's) is 0."""
        k = self.passages if passages is None else passages
        if k == 0:
            return [[(0, len(text))] for _ in questions]
        return [self.spans(q, text, k) for q in questions]
