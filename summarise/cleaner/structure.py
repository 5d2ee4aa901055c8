"""Page structure the line classifier can miss, as precise rules applied after it.

A page's article is one run of text: a menu of headlines above it, a thread of
reader comments, a list of teaser headlines with their comment counts or with a
lead each, the feed's next story below a "Related" header, or widgets after the
last sentence are not part of it, and a few kinds of line (copyright lines, cookie
notices, photo credits, datelines, lines of interface words only) are furniture
wherever they stand, as is a "Related" box's header with the headlines under it.
Inside the article, a sub-heading or a few short lines between two kept paragraphs
(a table row, a list item) are part of it, and so is a paragraph beside a kept one
that the classifier was unsure of. A page where nothing like a sentence was kept
(a paywall leaves only the lead) keeps its likeliest sentence, and once the headline
is known, the standfirst under it is the article's too. The comment-thread
cut is in ``comments``, the other stories and the main run in ``feeds``, and the
furniture lines in ``furniture``; the phrase tables are in ``rules``, ``dates`` and
``thread_phrases``.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from summarise.cleaner import rules
from summarise.cleaner.blocks import Block
from summarise.cleaner.comments import cut_comment_thread
from summarise.cleaner.feeds import (
    cut_related_section,
    drop_read_more_teasers,
    drop_related_boxes,
    drop_story_lists_above,
    drop_teaser_runs,
    is_section_header,
    item_number,
    keep_main_run,
)
from summarise.cleaner.furniture import is_furniture_at, is_stamp, veto_furniture

_STAMP_LINE_WORDS = 12  # a date line: the date, its time and a zone or a place
_TABLE_SEPARATORS = ("│", "|", "\t")  # ... and not a table's row of times
_EDGE_FRAGMENT_WORDS = 3  # a label above the article: "Video", "XS"
_TAIL_WORDS = 6  # ... and below its last sentence, a label or a link: "Alle Meldungen der Polizei"
_TAIL_CHARS = 100  # ... a short line: a longer run without a full stop is text, whatever it is
_SUBHEADING_REACH = 4
_GAP_BLOCKS = 3  # dropped lines between kept paragraphs that may still be article
_GAP_SCORE = 0.1  # ... unless the classifier is this sure they are not
_NEAR_SCORE = 0.2  # a paragraph beside the article is kept from this score up
_BRIDGE_REACH = 3  # ... or between two kept ones, with at most this many short lines in a row
_BRIDGE_SPAN = 16  # ... and both of them within this many blocks
_LEAD_SCORE = 0.05  # the likeliest sentence of a page where none was kept, from this up
_LEAD_REACH = 20  # ... else the first within this many blocks under the first kept line
_STANDFIRST_WORDS = 12  # a standfirst: a sentence or two under the headline, maybe without a stop
_STANDFIRST_GAP = 16  # ... over at most this many short lines (byline, share buttons, caption)


def apply_structure(blocks: Sequence[Block], keep: np.ndarray, scores: np.ndarray) -> None:
    """Correct, in place, what the page's structure says the classifier's ``scores``
    got wrong: furniture it kept, short lines inside the article it dropped, and the
    lead of a page where it kept no sentence at all."""
    veto_furniture(blocks, keep)
    _rescue_lead(blocks, keep, scores)
    _extend_paragraphs(blocks, keep, scores)
    cut_comment_thread(blocks, keep)
    cut_related_section(blocks, keep)
    drop_story_lists_above(blocks, keep)
    drop_teaser_runs(blocks, keep)
    drop_read_more_teasers(blocks, keep)
    keep_main_run(blocks, keep)
    _keep_subheadings(blocks, keep)
    _continue_lists(blocks, keep, scores)
    _fill_gaps(blocks, keep, scores)
    drop_related_boxes(blocks, keep, scores)
    _trim_edges(blocks, keep)


def _rescue_lead(blocks: Sequence[Block], keep: np.ndarray, scores: np.ndarray) -> None:
    """When no sentence is kept, the likeliest one is, unless the classifier ruled it out:
    behind a paywall the paste holds only the article's lead, among a page of furniture.
    Failing that, under a kept headline the first sentence is: a truncated paste's one
    paragraph, which share buttons around it made the classifier doubt."""
    sentences = [i for i, b in enumerate(blocks) if b.prose]
    if any(keep[i] for i in sentences):
        return
    for i in sorted(sentences, key=lambda i: -scores[i]):  # furniture is judged only as needed
        if scores[i] < _LEAD_SCORE:
            break
        if not is_furniture_at(blocks, i):
            keep[i] = True
            return
    kept = np.flatnonzero(keep).tolist()
    if kept:  # else the first sentence under the kept headline, between share buttons
        below = [i for i in sentences if kept[0] < i <= kept[0] + _LEAD_REACH]
        first = next((i for i in below if not is_furniture_at(blocks, i)), None)
        if first is not None:
            keep[first] = True


def _extend_paragraphs(blocks: Sequence[Block], keep: np.ndarray, scores: np.ndarray) -> None:
    """A paragraph next to a kept paragraph, or between two with only short lines around
    it, is kept when the classifier was only unsure (an article's last paragraph, just
    before the comment form, often scores low; so does one among advertisement slots).
    Furniture, such as a consent dialog's paragraph, stays out."""
    paragraph = [b.paragraph for b in blocks]
    anchor = [bool(keep[i]) and p for i, p in enumerate(paragraph)]
    unsure = [p and not keep[i] and scores[i] >= _NEAR_SCORE for i, p in enumerate(paragraph)]
    for i in range(len(blocks)):
        if not unsure[i] or is_furniture_at(blocks, i):
            continue
        if (
            (i > 0 and anchor[i - 1])
            or (i + 1 < len(blocks) and anchor[i + 1])
            or (
                _anchored(paragraph, anchor, unsure, i, -1)
                and _anchored(paragraph, anchor, unsure, i, 1)
            )
        ):
            keep[i] = True


def _anchored(
    paragraph: list[bool], anchor: list[bool], unsure: list[bool], i: int, step: int
) -> bool:
    """A kept paragraph near block ``i`` in direction ``step``, with only unsure
    paragraphs between, and among them no more than a few short lines in a row
    ("Advertisement", a picture's credit) and no paragraph the classifier ruled out.
    The walk is bounded, so a page of unsure paragraphs stays linear."""
    short = 0
    for j in range(i + step, i + step * (_BRIDGE_SPAN + 1), step):
        if not 0 <= j < len(anchor):
            return False
        if anchor[j]:
            return True
        if unsure[j]:
            short = 0
        elif paragraph[j]:
            return False
        else:
            short += 1
            if short > _BRIDGE_REACH:
                return False
    return False


def _continue_lists(blocks: Sequence[Block], keep: np.ndarray, scores: np.ndarray) -> None:
    """The next items of a kept numbered list ("6. France", "7. Italy") are kept when the
    classifier did not rule them out: a ranking's tail scores low, out of context."""
    numbers = [item_number(b.text) for b in blocks]
    for i in np.flatnonzero(keep).tolist():
        j, n = i + 1, numbers[i]
        while n is not None and j < len(blocks) and numbers[j] == n + 1:
            if not keep[j] and scores[j] < _GAP_SCORE:
                break
            keep[j] = True
            j, n = j + 1, n + 1


def _keep_subheadings(blocks: Sequence[Block], keep: np.ndarray) -> None:
    """A short unpunctuated line that opens a paragraph inside the article is a
    sub-heading: the next block is kept prose and kept prose stands a few blocks above."""
    prose = [bool(keep[i]) and b.prose for i, b in enumerate(blocks)]
    for i in range(1, len(blocks) - 1):
        words = blocks[i].words
        if keep[i] or not prose[i + 1] or not 1 <= words <= 12:
            continue
        text = blocks[i].text
        if rules.TERMINAL.search(text) or is_furniture_at(blocks, i) or _is_date_line(text, words):
            continue
        if any(prose[j] for j in range(max(0, i - _SUBHEADING_REACH), i)):
            keep[i] = True


def _fill_gaps(blocks: Sequence[Block], keep: np.ndarray, scores: np.ndarray) -> None:
    """Keep a short run of dropped lines between two kept parts of the article's prose
    when none of them is an aside and the classifier did not rule them out."""
    prose = [i for i in np.flatnonzero(keep).tolist() if blocks[i].prose]
    if len(prose) < 2:
        return
    gap: list[int] = []
    for i in range(prose[0] + 1, prose[-1]):
        if not keep[i]:
            gap.append(i)
            continue
        if (
            gap
            and len(gap) <= _GAP_BLOCKS
            and float(np.mean(scores[gap])) >= _GAP_SCORE
            and not any(_is_aside(blocks, j) for j in gap)
        ):
            keep[gap] = True
        gap = []


def _is_aside(blocks: Sequence[Block], i: int) -> bool:
    """Furniture, a caption, credit or pointer elsewhere ("Media caption", "Read more"),
    or the page's date ("1 de diciembre de 2017 3:00 AM PST") under the standfirst."""
    block, words = blocks[i], blocks[i].words
    return (
        is_furniture_at(blocks, i)
        or bool(rules.BOILERPLATE_START.search(block.text))
        or _is_date_line(block.text, words)
    )


def _is_date_line(text: str, words: int) -> bool:
    """The page's date on a line of its own ("1 de diciembre de 2017 3:00 AM PST"), not a
    row of a table of times (its cells stand between separators)."""
    return (
        words <= _STAMP_LINE_WORDS
        and is_stamp(text)
        and not any(mark in text for mark in _TABLE_SEPARATORS)
    )


def _trim_edges(blocks: Sequence[Block], keep: np.ndarray) -> None:
    """One- and two-word labels and the page's date kept before the first paragraph
    ("update", "Video", a font-size widget's "XS", "Sun 7 Dec 2025 at 5:00am"), and
    short lines of up to five words kept after the last sentence ("Quelle: dpa",
    "Zurück zum Newsroom", a link's title), are furniture whatever their neighbours made
    the classifier think, as is a "Read more on this:" header whose list was dropped.
    The headline is chosen afterwards, on its own."""
    kept = np.flatnonzero(keep).tolist()
    dated = [i for i in kept if _is_date_line(blocks[i].text, blocks[i].words)]
    for i in kept:
        if blocks[i].paragraph:
            break
        text, words = blocks[i].text, blocks[i].words
        label = words < _EDGE_FRAGMENT_WORDS and not rules.TERMINAL.search(text)
        if label or dated == [i]:  # several dates: a timeline's sub-headings
            keep[i] = False
    for i in kept[::-1]:
        block = blocks[i]
        if not is_section_header(block) and (
            block.words >= _TAIL_WORDS
            or block.length > _TAIL_CHARS
            or rules.TERMINAL.search(block.text)
        ):
            return
        keep[i] = False


def keep_standfirst(
    blocks: Sequence[Block], keep: np.ndarray, scores: np.ndarray, title: int | None
) -> None:
    """The standfirst, the line of summary right under the headline, is the article's
    when only short lines (a byline, a date, share buttons, a caption) stand between it
    and the first sentence kept, and the classifier did not rule it out. Asked once the
    headline is known: the rules before it drop such a line, far above the article's
    run of text."""
    below = title + 1 if title is not None else len(blocks)
    if below >= len(blocks) or (keep[below] and blocks[below].prose):
        return
    block = blocks[below]
    if block.words < _STANDFIRST_WORDS or scores[below] < _NEAR_SCORE:
        return
    for i in range(below + 1, min(len(blocks), below + 2 + _STANDFIRST_GAP)):
        if blocks[i].prose:
            if keep[i] and not _is_label(blocks, below):
                keep[below] = True
            return


def _is_label(blocks: Sequence[Block], i: int) -> bool:
    """A line under a headline that is no standfirst: furniture, a caption, a credit, a
    byline or a row of the page's data ("28.04.2021 | Quelle: dpa | Lesedauer 4 min")."""
    text = blocks[i].text
    return (
        _is_aside(blocks, i)
        or rules.BYLINE.match(text) is not None
        or rules.PHOTO_CREDIT.search(text) is not None
        or " | " in text
    )
