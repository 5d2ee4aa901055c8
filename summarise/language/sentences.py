"""Sentence segmentation with character offsets, on pysbd (abbreviation-aware)."""

from __future__ import annotations

from functools import lru_cache

import pysbd

_PYSBD_LANGUAGES = set(pysbd.languages.LANGUAGE_CODES)


@lru_cache(maxsize=8)
def _segmenter(language: str) -> pysbd.Segmenter:
    code = language if language in _PYSBD_LANGUAGES else "en"
    return pysbd.Segmenter(language=code, clean=False)


def sentence_spans(text: str, language: str = "en") -> list[tuple[int, int]]:
    """Return ``(start, end)`` offsets of each sentence in ``text``, in order.

    pysbd's own ``char_span`` mode mis-locates repeated sentences, so each
    segment is found with a moving cursor instead.
    """
    spans: list[tuple[int, int]] = []
    for paragraph_start, paragraph_end in _paragraph_spans(text):
        paragraph = text[paragraph_start:paragraph_end]
        local = 0
        for segment in _segmenter(language).segment(paragraph):
            piece = segment.strip()
            if not piece:
                continue
            found = paragraph.find(piece, local)
            if found < 0:
                continue
            local = found + len(piece)
            spans.append((paragraph_start + found, paragraph_start + local))
    return spans


def split_sentences(text: str, language: str = "en") -> list[str]:
    """Return the sentences of ``text`` as strings."""
    return [text[s:e] for s, e in sentence_spans(text, language)]


def _paragraph_spans(text: str) -> list[tuple[int, int]]:
    """Split on blank lines so a sentence never runs across paragraphs."""
    spans = []
    start = 0
    for part in text.split("\n\n"):
        end = start + len(part)
        if part.strip():
            spans.append((start, end))
        start = end + 2
    return spans
