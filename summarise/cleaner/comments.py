"""Reader-comment threads under an article: where they start, so that the rest of
the page can be cut. The header phrases are in ``thread_phrases``."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from summarise.cleaner import dates, rules, thread_phrases
from summarise.cleaner.blocks import Block, first_paragraph
from summarise.cleaner.furniture import is_stamp, stamp_words, without_stamps

_THREAD_WINDOW = 8  # a comment header with two more this close starts a thread
_HEADER_CHARS = 200  # a comment's header is a short line, however few its words
_STAMP_WORDS = 10  # "María López 12 de marzo de 2026 a las 14:22"
_COMMENT_HEADING_WORDS = 30  # the heading over a blog's comments quotes the article's title


def cut_comment_thread(blocks: Sequence[Block], keep: np.ndarray) -> None:
    """Everything from the first header of a comment thread after the article on.

    Headers are comment words ("Reply", "NAME says:", "12 comments") and lines that
    are only a date or a time; three close together, one of them comment words,
    start a thread (dates alone could be a timeline's sub-headings). A blog's "11
    thoughts on …" starts one. The article starts at its first kept paragraph: a
    sidebar of "posted 2 years ago" links above it is not a thread under it."""
    start = first_paragraph(blocks, keep)
    if start is None:  # no paragraph kept: the thread starts below the first kept line
        kept = np.flatnonzero(keep)
        if len(kept) == 0:
            return
        start = int(kept[0])
    headers: list[tuple[int, bool]] = []
    for i in range(start + 1, len(blocks)):
        text = blocks[i].text
        if _comment_section(text):
            keep[i:] = False
            return
        if len(text) > _HEADER_CHARS:
            continue
        words = blocks[i].words
        if words <= 12 and thread_phrases.COMMENT_HEADER.search(text):
            headers.append((i, True))
        elif words <= _STAMP_WORDS and (is_stamp(text) or _signed_stamp(text)):
            headers.append((i, False))
    for n, (i, worded) in enumerate(headers):
        close = [h for h in headers[n + 1 : n + 3] if h[0] - i <= _THREAD_WINDOW]
        if len(close) == 2 and (worded or any(w for _, w in close)):
            keep[i:] = False
            return


def _comment_section(text: str) -> bool:
    """A blog's heading over its comments, "11 thoughts on “TITLE”": the title quoted, or
    no sentence end (an article's "3 replies to the survey came from farmers." is not)."""
    found = thread_phrases.COMMENT_SECTION.match(text)
    if found is None or len(text.split()) > _COMMENT_HEADING_WORDS:
        return False
    opening = text[found.end() : found.end() + 1]
    return opening in thread_phrases.QUOTES or not rules.TERMINAL.search(text)


def _signed_stamp(text: str) -> bool:
    """A comment's header: a name with the date and the time it was posted
    ("#3 Jane Roe 12.03.2019 14:22"), a few words around a full stamp."""
    if rules.DIGIT.search(text) is None or not (
        dates.TIME_OF_DAY.search(text) and dates.date_spans(text)
    ):
        return False
    rest = without_stamps(text)
    return len(stamp_words(rest)) <= 4 and not rules.TERMINAL.search(rest)
