"""The extractive summary: the labelled fallback when no summariser checkpoint is at hand.

It picks sentences by centrality (similarity to the whole document) with a
lead-position prior, skips near-duplicates (maximal marginal relevance) and returns
them in document order, using the sentence encoder when one is available and a
lexical (term-frequency) model otherwise.
"""

from __future__ import annotations

import time
from collections import Counter

import numpy as np

from summarise.language.sentences import sentence_spans
from summarise.language.tokens import tokens
from summarise.models.embedder import Embedder
from summarise.results import Summary

_LEAD_WEIGHT = 0.5
_REDUNDANCY = 0.6
_DEFAULT_WORDS = 80
_MAX_SENTENCES = 400


def _vectors(texts: list[str], embedder: Embedder | None, language: str) -> np.ndarray:
    """Unit vectors for ``texts``: embeddings, or normalised term frequencies."""
    if embedder is not None:
        return embedder.encode(texts)
    counts = [Counter(tokens(t, content_only=True, language=language)) for t in texts]
    document_frequency: Counter[str] = Counter()
    for counter in counts:
        document_frequency.update(counter.keys())
    vocab = {w: i for i, (w, _) in enumerate(document_frequency.most_common(5000))}
    matrix = np.zeros((len(texts), max(1, len(vocab))), dtype=np.float32)
    for row, counter in enumerate(counts):
        for word, n in counter.items():
            if word in vocab:
                idf = np.log((1 + len(texts)) / (1 + document_frequency[word])) + 1.0
                matrix[row, vocab[word]] = (1.0 + np.log(n)) * idf
    norms = np.linalg.norm(matrix, axis=1, keepdims=True)
    return matrix / np.maximum(norms, 1e-9)


def extractive_summary(
    text: str,
    embedder: Embedder | None = None,
    max_words: int | None = None,
    min_words: int | None = None,
    language: str = "en",
) -> Summary:
    """Choose central, non-redundant sentences up to ``max_words``, in document order;
    ``language`` (a code) picks the sentence rules and the stop words."""
    began = time.perf_counter()
    seen: set[str] = set()
    sentences = []
    for s, e in sentence_spans(text, language):  # a repeated sentence must not look central
        key = " ".join(text[s:e].lower().split())
        if key not in seen:
            seen.add(key)
            sentences.append(text[s:e])
    sentences = sentences[:_MAX_SENTENCES]
    if not sentences:
        return Summary("", 0, time.perf_counter() - began, "extractive", "")
    budget = max_words or _DEFAULT_WORDS
    vectors = _vectors(sentences, embedder, language)
    centre = vectors.mean(axis=0)
    centrality = vectors @ (centre / max(float(np.linalg.norm(centre)), 1e-9))
    spread = float(centrality.max() - centrality.min())
    centrality = (centrality - centrality.min()) / spread if spread > 1e-9 else centrality * 0
    lead = 1.0 / (1.0 + 0.25 * np.arange(len(sentences)))  # news puts the gist first
    relevance = (1 - _LEAD_WEIGHT) * centrality + _LEAD_WEIGHT * lead
    chosen: list[int] = []
    words = 0
    while len(chosen) < len(sentences):
        penalty = (vectors @ vectors[chosen].T).max(axis=1) if chosen else 0.0
        mmr = relevance - _REDUNDANCY * penalty
        mmr[chosen] = -np.inf
        best = int(np.argmax(mmr))
        length = len(sentences[best].split())
        if chosen and words + length > budget and words >= (min_words or 0):
            break
        chosen.append(best)
        words += length
    text_out = " ".join(sentences[i] for i in sorted(chosen))
    model = embedder.name if embedder else "lexical"
    return Summary(text_out, 1, time.perf_counter() - began, "extractive", model)
