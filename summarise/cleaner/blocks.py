"""Blocks: the units the cleaner keeps or drops, with their words' positions.

A block is one paragraph of the input: a line of a paste, or several lines a
plain-text paste hard-wrapped and that belong together. Each word is kept as a
span of the working text, so the cleaned text can be mapped back to the input.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from itertools import accumulate
from typing import NamedTuple

import numpy as np

from summarise.cleaner.rules import (
    BYLINE,
    CJK,
    CJK_CHARS_PER_WORD,
    CJK_WEIGHT,
    TERMINAL,
    WORD,
)
from summarise.language.names import NAME_PARTICLES

PROSE_CHARS = 150  # a paragraph: this many characters (a CJK one weighs three) and a full stop
PROSE_WORDS = 8  # prose: a sentence of at least this many words
# A hard-wrapped paste: at most this share of its full-width lines run past this much of
# its width (a long link in a wrapped e-mail)
_OVER_WIDTH, _OVER_SHARE = 1.2, 0.1


class Block(NamedTuple):
    """One candidate paragraph: its words as spans of the working text, and its shape,
    worked out once because the rules ask about it many times (a light tuple, since a
    page can have tens of thousands). Made by :func:`make_block`."""

    spans: list[tuple[int, int]]
    text: str
    # its words, a run of Chinese or Japanese characters (written without spaces)
    # counted as the words it holds rather than as one
    words: int
    # its characters, a Chinese or Japanese one counted as the few letters of a spaced
    # script it stands for: a 60-character Chinese sentence is a paragraph
    length: int
    paragraph: bool  # a long block that ends a sentence: the article's own text
    prose: bool  # a sentence of eight words or more: prose, though maybe short


def make_block(spans: list[tuple[int, int]], text: str) -> Block:
    """The block of these word spans and their text, with its shape."""
    if text.isascii():
        words, length = len(spans), len(text)
    else:
        cjk = len(CJK.findall(text))
        words, length = len(spans) + cjk // CJK_CHARS_PER_WORD, len(text) + (CJK_WEIGHT - 1) * cjk
    long, sentence = length >= PROSE_CHARS, words >= PROSE_WORDS
    ends = (long or sentence) and TERMINAL.search(text) is not None
    return Block(spans, text, words, length, ends and long, ends and sentence)


def first_paragraph(blocks: Sequence[Block], keep: Sequence[bool] | np.ndarray) -> int | None:
    """Where the article starts: its first kept paragraph (``None``: it has none)."""
    return next((i for i, b in enumerate(blocks) if keep[i] and b.paragraph), None)


def blocks_from_lines(text: str) -> list[Block]:
    """One block per non-empty line of ``text`` (extracted text keeps its own lines)."""
    words = _Words(text)
    blocks = [words.block([(m.start(), m.end())]) for m in re.finditer(r"[^\n]+", text)]
    return [b for b in blocks if b.spans]


def blocks_from_paste(raw: str) -> list[Block]:
    """Group a paste's lines into blocks, re-joining lines that were hard-wrapped.

    Lines separated by a blank line never join; within a run of lines, a line
    joins the next when the paste looks hard-wrapped or the line stops mid-sentence.
    """
    lines = raw.split("\n")
    stripped = [line.strip() for line in lines]
    starts = list(accumulate((len(line) + 1 for line in lines), initial=0))
    lengths = sorted(len(text) for text in stripped if text)
    width = lengths[int(len(lengths) * 0.9)] if lengths else 0
    wrapped = _looks_hard_wrapped(stripped, width)
    words = _Words(raw)
    blocks: list[Block] = []
    pending: list[tuple[int, int]] = []
    last = len(stripped) - 1
    new = tuple.__new__  # a block per line: skip the named tuple's Python-level constructor
    for i, text in enumerate(stripped):
        if not text:
            continue
        if (
            (wrapped or len(text) >= 30 or text[-1] == "-")
            and i < last
            and stripped[i + 1]
            and _continues(text, stripped[i + 1], width, wrapped)
        ):
            pending.append((starts[i], starts[i] + len(lines[i])))
            continue
        if not pending and text == lines[i] and len(text.split()) == 1:  # a lone word
            span = [(starts[i], starts[i] + len(text))]
            if text.isascii() and len(text) < PROSE_CHARS:  # one word; no paragraph
                blocks.append(new(Block, (span, text, 1, len(text), False, False)))
            else:
                blocks.append(make_block(span, text))
            continue
        pending.append((starts[i], starts[i] + len(lines[i])))
        block = words.block(pending)
        if block.spans:
            blocks.append(block)
        pending = []
    return blocks


def _looks_hard_wrapped(stripped: list[str], width: int) -> bool:
    """A paste is hard-wrapped when full-width lines often stop mid-sentence, and hardly
    any line runs past that width. A web page's paste has its paragraphs on one line
    each, far longer than its headlines, menus and list items: it is not wrapped,
    however many of those stop without a full stop."""
    if not 30 <= width <= 120:
        return False
    full = [
        text
        for text, nxt in zip(stripped, stripped[1:])
        if text and nxt and len(text) >= 0.75 * width
    ]
    if len(full) < 3:
        return False
    if sum(1 for text in stripped if len(text) > _OVER_WIDTH * width) > _OVER_SHARE * len(full):
        return False
    mid_sentence = sum(1 for text in full if not TERMINAL.search(text))
    return mid_sentence >= 0.4 * len(full)


def _continues(line: str, nxt: str, width: int, wrapped: bool) -> bool:
    """Whether ``nxt`` continues the paragraph that ``line`` belongs to."""
    if line.endswith("-") and nxt[:1].islower():
        return True
    if wrapped:
        return len(line) >= 0.6 * width
    return (
        not TERMINAL.search(line)
        and nxt[:1].islower()
        and len(line) >= 30
        and not _names_writer(nxt)
    )


def _names_writer(line: str) -> bool:
    """Whether a line opens with a byline, "by Jane Roe", "von Jana Ott, 12.05.2023":
    it starts a block of its own, though a headline above it ends in no full stop. A
    name's words are capitalised: "von Wertpapieren des Sektors" goes on a sentence."""
    name = line.split()[1:3]
    return (
        BYLINE.match(line) is not None
        and not name[0].endswith(",")
        and all(word[:1].isupper() or word in NAME_PARTICLES for word in name)
    )


class _Words:
    """The word spans of a text, found in one pass and sliced per block."""

    def __init__(self, text: str):
        self.text = text
        self.spans = [m.span() for m in WORD.finditer(text)]
        self.starts = [start for start, _ in self.spans]

    def block(self, lines: list[tuple[int, int]]) -> Block:
        """The block made of the words inside the given line ranges."""
        spans: list[tuple[int, int]] = []
        for s, e in lines:
            spans.extend(
                self.spans[bisect.bisect_left(self.starts, s) : bisect.bisect_left(self.starts, e)]
            )
        return make_block(spans, " ".join(self.text[s:e] for s, e in spans))
