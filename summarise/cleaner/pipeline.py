"""Turn a pasted web page (plain text or HTML) into a clean article.

Stages, in the spirit of jusText and trafilatura (each in ``summarise/cleaner/``):

1. HTML is detected; trafilatura extracts the article and its metadata.
2. A paste is split into blocks (lines, re-joined where a paste hard-wrapped them).
3. Two trained models score each block: the line classifier (its own features,
   its context and its words' weights in a learned lexicon) and the block-sequence
   model (hashed words and character trigrams read by a BiGRU over the whole page).
   Their mean decides; the blocks kept, corrected by rules of page structure, are the
   article.
4. The headline is the heading-shaped line just above the article that shares
   its vocabulary.
5. Each kept word is repaired (mojibake, Unicode forms) and remembered with its
   position in the raw input, so any span of the cleaned text maps back to what
   the person pasted.

Every stage is linear in the input: no pattern can backtrack without bound.
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np

from summarise.cleaner.blocks import Block, blocks_from_lines, blocks_from_paste
from summarise.cleaner.classifier import Averaged, LineClassifier, line_classifier
from summarise.cleaner.cleaned import Cleaned, assemble
from summarise.cleaner.features import NAMES, block_features, detect_language
from summarise.cleaner.furniture import veto_furniture
from summarise.cleaner.html import extract, locate_words, visible_text
from summarise.cleaner.rules import HTML_HINT, TAG
from summarise.cleaner.sequence import SequenceModel
from summarise.cleaner.structure import apply_structure, keep_standfirst
from summarise.cleaner.title import find_title
from summarise.settings import Deadline

__all__ = ["Cleaned", "clean", "detect_language", "is_html"]

THRESHOLD = 0.45  # a block's score to keep it: under one half, as recall was the scarcer held-out
# The line classifier's share of a block's score, the sequence model's the rest: the even
# mean gained on both evaluation-only sets (never trained on), where 0.7 gained less.
CLASSIFIER_SHARE = 0.5
# Longer pages (hostile input: 50,000 one-letter lines) are left to the line classifier
# alone, which is linear at a smaller cost per block; the dev set's longest has 1,600.
SEQUENCE_MAX_BLOCKS = 5000
FALLBACK_MIN = 0.2
TINY_WORDS = 20  # fewer words than this cannot hold both an article and a page around it
_UI_SHARE = NAMES.index("ui_share")
_HEADING_WORDS = 20  # a headline's most words
_PASTE_HEADING_WORDS = 3  # ... and its fewest, in a paste: "Politics" over it is a section's name


def is_html(raw: str) -> bool:
    """Whether ``raw`` is a page source rather than pasted text.

    A source starts with markup; a paste that merely quotes some (a code sample
    in a programming article) is mostly prose, so elsewhere markup must dominate.
    """
    head = raw[:20000].lstrip("\ufeff \t\r\n")
    if head.startswith("<"):
        return len(HTML_HINT.findall(head[:5000])) >= 2
    if len(HTML_HINT.findall(head)) < 5:
        return False
    return sum(len(tag) for tag in TAG.findall(head)) >= 0.3 * len(head)


def clean(
    raw: str,
    classifier: LineClassifier | None = None,
    deadline: Deadline | None = None,
    title_model: Averaged | None = None,
    sequence: SequenceModel | bool = True,
) -> Cleaned:
    """Clean pasted text or HTML into a :class:`Cleaned` article.

    ``classifier`` and ``title_model`` replace the shipped networks (training uses
    them); ``sequence`` is the block-sequence model to vote with: ``True`` the shipped
    one, ``False`` none (the line classifier's own held-out runs), or a model trained
    without the page's site (the pair's held-out runs);
    ``deadline`` is checked between stages, so a request's time budget covers cleaning.
    """
    raw = raw.replace("\x00", " ")  # NUL is no text; a space in its place keeps every offset
    models = _Models(classifier, title_model, sequence)
    if is_html(raw):
        return _clean_html(raw, models, deadline)
    blocks = blocks_from_paste(raw)
    if deadline:
        deadline.check("Cleaning the text")
    language = detect_language([b.text for b in blocks])
    keep, title = _select(blocks, language, models, deadline)
    return assemble(raw, raw, blocks, keep, title, None, "text", language or "und")


class _Models(NamedTuple):
    """The networks to clean with (``None``: the shipped one)."""

    classifier: LineClassifier | None
    title: Averaged | None
    sequence: SequenceModel | bool


def _select(
    blocks: list[Block], language: str, models: _Models, deadline: Deadline | None
) -> tuple[list[bool], int | None]:
    """Which blocks are the article (the classifier's call), and which is its headline."""
    if not blocks:
        return [], None
    features = block_features(blocks, language)
    if sum(b.words for b in blocks) < TINY_WORDS:
        # a snippet, not a page: no context to learn from; the person's own words stand,
        # interface words and furniture do not
        keep = features[:, _UI_SHARE] < 0.5
        veto_furniture(blocks, keep)
        return keep.tolist(), None
    if deadline:
        deadline.check("Cleaning the text")
    scores = (models.classifier or line_classifier())(features, [b.text for b in blocks])
    if models.sequence is not False and len(blocks) <= SEQUENCE_MAX_BLOCKS:
        sequence = SequenceModel.load() if models.sequence is True else models.sequence
        article, _ = sequence.predict(blocks, language)
        scores = CLASSIFIER_SHARE * scores + (1 - CLASSIFIER_SHARE) * article
    keep = scores >= THRESHOLD
    sure = bool(keep.any())
    if sure:
        apply_structure(blocks, keep, scores)
    if not keep.any() and (not sure or _likely_prose(blocks, scores)):
        # a short or odd paste, or one whose only sure lines were teasers: its likeliest
        # lines rather than nothing, read by the same structure; pure furniture stays out
        if scores.max() >= FALLBACK_MIN:
            keep = scores >= 0.5 * scores.max()
        apply_structure(blocks, keep, scores)
    title = find_title(blocks, features, scores, keep.tolist(), models.title)
    if title is None:
        title = _opening_heading(blocks, keep.tolist(), _PASTE_HEADING_WORDS)
    keep_standfirst(blocks, keep, scores, title)
    return keep.tolist(), title


def _likely_prose(blocks: list[Block], scores: np.ndarray) -> bool:
    """Whether a sentence the classifier did not rule out is left to fall back on."""
    return any(b.prose and score >= FALLBACK_MIN for b, score in zip(blocks, scores.tolist()))


def _clean_html(raw: str, models: _Models, deadline: Deadline | None) -> Cleaned:
    """trafilatura's article with its metadata title; the paste cleaner when it finds none."""
    found = extract(raw)
    if deadline:
        deadline.check("Cleaning the page")
    if not found.text.strip():
        text = visible_text(raw)
        blocks = blocks_from_lines(text)
        language = found.language or detect_language([b.text for b in blocks])
        keep, title = _select(blocks, language, models, deadline)
        cleaned = assemble(
            text, raw, blocks, keep, title, locate_words(text, raw), "html", language or "und"
        )
    else:
        blocks = blocks_from_lines(found.text)
        language = found.language or detect_language([b.text for b in blocks])
        keep = [True] * len(blocks)
        cleaned = assemble(
            found.text,
            raw,
            blocks,
            keep,
            None,
            locate_words(found.text, raw),
            "html",
            language or "und",
        )
        opening = _opening_heading(blocks, keep)
        cleaned.title = found.title or ("" if opening is None else blocks[opening].text)
    cleaned.author, cleaned.date = found.author, found.date
    return cleaned


def _opening_heading(blocks: list[Block], keep: list[bool], min_words: int = 1) -> int | None:
    """The first kept line when it is heading-shaped: the title of an extraction without
    a metadata title, or of a paste whose headline the title networks did not find (a
    paste of the article alone starts with it)."""
    first = next((i for i, k in enumerate(keep) if k), None)
    if first is None:
        return None
    text = blocks[first].text
    shaped = min_words <= len(text.split()) <= _HEADING_WORDS and text[-1:] not in ".,;:"
    return first if shaped else None  # a question may be a headline: "Is the bridge safe?"
