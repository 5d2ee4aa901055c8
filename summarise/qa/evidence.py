"""Evidence passages: the labelled fallback answer when no reader checkpoint is at hand.

The sentences of the text that best match a question are returned as evidence,
scored by the sentence encoder when one is available and by word overlap otherwise.
"""

from __future__ import annotations

import numpy as np

from summarise.language.sentences import sentence_spans
from summarise.language.tokens import tokens
from summarise.models.embedder import Embedder
from summarise.results import Answer

_OVERLAP_WEIGHT = 0.5
# Below these the best passage is no answer. On the example questions (the fisheries
# article's and the mission article's), answered ones score at least 0.42 with the
# encoder and 0.50 on word overlap alone; unrelated questions ("What is the capital of
# France?", "Who wrote Hamlet?"...) score at most 0.21 and 0.25.
EMBEDDED_THRESHOLD = 0.3
LEXICAL_THRESHOLD = 0.35


def passage_threshold(embedder: Embedder | None) -> float:
    """The score below which the best passage is not taken as an answer.

    Calibrated on the example questions (``tests/test_passages.py`` checks it):
    ``EMBEDDED_THRESHOLD`` with the sentence encoder, ``LEXICAL_THRESHOLD``
    with word overlap alone.
    """
    return EMBEDDED_THRESHOLD if embedder is not None else LEXICAL_THRESHOLD


def passage_answers(
    question: str,
    text: str,
    embedder: Embedder | None = None,
    top_k: int = 1,
    language: str = "en",
) -> list[Answer]:
    """The sentences of ``text`` that best match ``question``, as evidence.

    The score, in 0–1, blends the cosine similarity (when an embedder is
    available) with the share of the question's content words found in the
    sentence, so names and numbers the question mentions weigh in. ``language``
    (a code) picks the sentence rules and the stop words.
    """
    spans = sentence_spans(text, language)
    if not spans:
        return []
    sentences = [text[s:e] for s, e in spans]
    q_tokens = set(tokens(question, content_only=True, language=language)) or set(tokens(question))
    overlap = np.array(
        [len(q_tokens & set(tokens(s))) / max(1, len(q_tokens)) for s in sentences], dtype=float
    )
    if embedder is not None:
        vectors = embedder.encode(sentences + [question])
        similarity = np.clip(vectors[:-1] @ vectors[-1], 0.0, 1.0)
        scores = (similarity + _OVERLAP_WEIGHT * overlap) / (1 + _OVERLAP_WEIGHT)
        model = embedder.name
    else:
        scores, model = overlap, "lexical"
    ranked = np.argsort(-scores, kind="stable")
    answers = []
    for i in ranked[:top_k]:
        start, end = spans[i]
        answers.append(Answer(sentences[i], float(scores[i]), start, end, "passage", model))
    return answers
