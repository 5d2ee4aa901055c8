"""Page structure the line classifier can miss, as precise rules applied after it.

A page's article is one run of text: a thread of reader comments, a list of
teaser headlines with their comment counts or with a lead each, the feed's next
story below a "Related" header, or widgets after the last sentence follow the
article and are not part of it, and a few kinds of line (copyright lines, cookie
notices, photo credits, datelines, lines of interface words only) are furniture
wherever they stand, as is a "Related" box's header with the headlines under it.
Inside the article, a sub-heading or a few short lines between two kept paragraphs
(a table row, a list item) are part of it, and so is a paragraph beside a kept one
that the classifier was unsure of. A page where nothing like a sentence was kept
(a paywall leaves only the lead) keeps its likeliest sentence. The comment-thread
cut is in ``comments`` and the furniture lines are in ``furniture``; the phrase
tables are in ``rules``.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from . import rules
from .blocks import Block, first_paragraph
from .comments import cut_comment_thread
from .furniture import is_furniture, is_stamp, veto_furniture

_TEASER_RUN = 3
_STAMP_LINE_WORDS = 12  # a date line: the date, its time and a zone or a place
_TABLE_SEPARATORS = ("│", "|", "\t")  # ... and not a table's row of times
_READ_MORE_REACH = 2  # a teaser's paragraph stands this close above its "Read more" link
_READ_MORE_SPAN = 6  # ... and the teasers of a list follow each other this close
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
_SECTION_HEADER_WORDS = 6  # "Das könnte Sie auch interessieren"
_BOX_HEADER_WORDS = 3  # "Related", "Read more", "Lesen Sie auch"
_BOX_LINKS = 3  # headlines under a box header
_BOX_LINK_WORDS = 25  # longer, or a sentence: the article again, not a headline
_BOX_GLUED_WORDS = 75  # ... unless no sentence ends in it: headlines joined into one block
MAIN_RUN_GAP = 8  # dropped blocks between two parts of one article
MAIN_RUN_SHARE = 0.35  # a cluster under this share of the main one is not the article
MAIN_RUN_PARAGRAPHS = 3  # a cluster with this many paragraphs is article, however small
RELATED_SHARE = 0.5  # ... or under this share below a "Related" header after the article
_TEASER_PARAGRAPHS = 3  # ... unless each stands under a headline of its own, after the article
_HEADLINE_WORDS = 15  # a teaser's headline: a short line of at most this many words


def apply_structure(blocks: Sequence[Block], keep: np.ndarray, scores: np.ndarray) -> None:
    """Correct, in place, what the page's structure says the classifier's ``scores``
    got wrong: furniture it kept, short lines inside the article it dropped, and the
    lead of a page where it kept no sentence at all."""
    veto_furniture(blocks, keep)
    _rescue_lead(blocks, keep, scores)
    _extend_paragraphs(blocks, keep, scores)
    cut_comment_thread(blocks, keep)
    _cut_related_section(blocks, keep)
    _drop_teaser_runs(blocks, keep)
    _drop_read_more_teasers(blocks, keep)
    _keep_main_run(blocks, keep)
    _keep_subheadings(blocks, keep)
    _continue_lists(blocks, keep, scores)
    _fill_gaps(blocks, keep, scores)
    _drop_related_boxes(blocks, keep)
    _trim_edges(blocks, keep)


def _rescue_lead(blocks: Sequence[Block], keep: np.ndarray, scores: np.ndarray) -> None:
    """When no sentence is kept, the likeliest one is, unless the classifier ruled it out:
    behind a paywall the paste holds only the article's lead, among a page of furniture."""
    sentences = [i for i, b in enumerate(blocks) if b.prose]
    if any(keep[i] for i in sentences):
        return
    for i in sorted(sentences, key=lambda i: -scores[i]):  # furniture is judged only as needed
        if scores[i] < _LEAD_SCORE:
            return
        if not is_furniture(blocks[i].text, blocks[i].words):
            keep[i] = True
            return


def _extend_paragraphs(blocks: Sequence[Block], keep: np.ndarray, scores: np.ndarray) -> None:
    """A paragraph next to a kept paragraph, or between two with only short lines around
    it, is kept when the classifier was only unsure (an article's last paragraph, just
    before the comment form, often scores low; so does one among advertisement slots)."""
    paragraph = [b.paragraph for b in blocks]
    anchor = [bool(keep[i]) and p for i, p in enumerate(paragraph)]
    unsure = [p and not keep[i] and scores[i] >= _NEAR_SCORE for i, p in enumerate(paragraph)]
    for i in range(len(blocks)):
        if not unsure[i]:
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


def _cut_related_section(blocks: Sequence[Block], keep: np.ndarray) -> None:
    """Everything from a "Related stories" / "Most read" header below the article's first
    paragraph, when all the paragraphs kept below it are teasers (or there are none)."""
    prose = [i for i in np.flatnonzero(keep).tolist() if blocks[i].paragraph]
    if not prose:
        return
    for i in range(prose[0] + 1, len(blocks)):
        if _is_section_header(blocks[i]):
            below = [j for j in prose if j > i]
            if not below or _teasers(blocks, below):
                keep[i:] = False
                return


def _is_section_header(block: Block) -> bool:
    """A short "Related stories" / "Most read" line over other stories."""
    return block.words <= _SECTION_HEADER_WORDS and bool(rules.SECTION_HEADER.search(block.text))


def _drop_related_boxes(blocks: Sequence[Block], keep: np.ndarray) -> None:
    """A "Related" box inside the article: its header and the headlines under it. It
    runs after the rules that keep short lines between paragraphs, which would keep
    the box's headlines as sub-headings. Only below the article's first paragraph: a
    headline such as "Top Gun Returns" above it is not a box."""
    start = first_paragraph(blocks, keep)
    if start is None:
        return
    for i in range(start + 1, len(blocks)):
        block = blocks[i]
        if (
            block.words > _BOX_HEADER_WORDS
            or not rules.SECTION_HEADER.search(block.text)
            or rules.TERMINAL.search(block.text)
        ):
            continue
        keep[i] = False
        for j in range(i + 1, min(len(blocks), i + 1 + _BOX_LINKS)):
            if not _is_box_link(blocks[j]):
                break
            keep[j] = False


def _is_box_link(block: Block) -> bool:
    """A headline under a box header: short, or several headlines whose lines the paste's
    hard-wrap test joined (no sentence ends anywhere in them)."""
    words = block.words
    if rules.TERMINAL.search(block.text) or words > _BOX_GLUED_WORDS:
        return False
    return words <= _BOX_LINK_WORDS or not rules.SENTENCE_END.search(block.text)


def _drop_teaser_runs(blocks: Sequence[Block], keep: np.ndarray) -> None:
    """Runs of headlines each ending in a count, "... (142)", or cut short, "21 tattoos
    that…", are teasers of other stories."""
    for run in _runs([i for i, b in enumerate(blocks) if _is_teaser_line(b)], 1):
        if len(run) >= _TEASER_RUN:
            keep[run] = False


def _drop_read_more_teasers(blocks: Sequence[Block], keep: np.ndarray) -> None:
    """Where three or more "Read more" links follow each other a few blocks apart, the
    paragraph just above each one (and that paragraph's headline) is a teaser of another
    page. A lone one under the article opens its hidden rest."""
    links = [i for i, b in enumerate(blocks) if rules.READ_MORE.match(b.text)]
    runs = _runs(links, _READ_MORE_SPAN)
    for link in [link for run in runs if len(run) >= _TEASER_RUN for link in run]:
        keep[link] = False
        for j in range(link - 1, max(-1, link - 1 - _READ_MORE_REACH), -1):
            if blocks[j].prose:
                keep[j] = False
                if j > 0 and _is_headline(blocks[j - 1]):
                    keep[j - 1] = False
                break


def _runs(indices: list[int], gap: int) -> list[list[int]]:
    """Sorted ``indices`` grouped into runs, each index at most ``gap`` after the last."""
    runs: list[list[int]] = []
    for i in indices:
        if runs and i - runs[-1][-1] <= gap:
            runs[-1].append(i)
        else:
            runs.append([i])
    return runs


def _is_teaser_line(block: Block) -> bool:
    """A headline with a count, or one cut off mid-phrase (the ellipsis right after a word)."""
    text = block.text.rstrip()
    if rules.COUNT_SUFFIX.search(text):
        return True
    return (
        text.endswith(("…", "..."))
        and text.rstrip(".…")[-1:].isalnum()
        and block.words <= _HEADLINE_WORDS
    )


def _keep_main_run(blocks: Sequence[Block], keep: np.ndarray) -> None:
    """Drop small clusters of kept blocks far from the article's main run of text (a
    video player's controls can split one article in two: a part with a few paragraphs
    of its own stays). The main run is the largest cluster that is no feed of other
    stories. After it, also drop clusters whose paragraphs are teasers, and smaller ones
    below a "Related" header: the next story of the feed."""
    kept = np.flatnonzero(keep)
    if len(kept) == 0:
        return
    clusters: list[list[int]] = [[int(kept[0])]]
    for i in kept[1:]:
        if i - clusters[-1][-1] > MAIN_RUN_GAP:
            clusters.append([])
        clusters[-1].append(int(i))
    sizes = [sum(blocks[i].words for i in cluster) for cluster in clusters]
    paragraphs = [[i for i in cluster if blocks[i].paragraph] for cluster in clusters]
    teasers = [_teasers(blocks, p) for p in paragraphs]
    # the article is the largest cluster; a list of other stories, each a headline and
    # its lead (a numbered list's items are the article's), is none where a cluster of
    # plain paragraphs stands beside it
    feed = [
        teasers[n] and not all(_item_number(blocks[i - 1].text) for i in paragraphs[n])
        for n in range(len(clusters))
    ]
    candidates = [
        n for n in range(len(clusters)) if not feed[n] and len(paragraphs[n]) >= MAIN_RUN_PARAGRAPHS
    ] or list(range(len(clusters)))
    main = max(candidates, key=lambda n: (sizes[n], -n))
    # a "Related" header under the article ends it, unless what was taken for the article
    # is itself a list of other stories (no cluster of plain paragraphs stood beside it)
    related = (
        main + 1 < len(clusters)
        and not feed[main]
        and any(
            _is_section_header(blocks[i])
            for i in range(clusters[main][-1] + 1, clusters[main + 1][0])
        )
    )
    for n, (cluster, size) in enumerate(zip(clusters, sizes)):
        small = size < MAIN_RUN_SHARE * sizes[main] and len(paragraphs[n]) < MAIN_RUN_PARAGRAPHS
        after = n > main and (teasers[n] or (related and size < RELATED_SHARE * sizes[main]))
        if small or after:
            keep[cluster] = False


def _teasers(blocks: Sequence[Block], paragraphs: list[int]) -> bool:
    """Paragraphs that each stand right under a headline: a list of other stories, each
    with its lead. An article's part runs paragraph after paragraph. Asked only after
    the article or below a "Related" header: above the article, its own sub-headed
    sections look alike."""
    return len(paragraphs) >= _TEASER_PARAGRAPHS and all(
        i > 0 and _is_headline(blocks[i - 1]) for i in paragraphs
    )


def _is_headline(block: Block) -> bool:
    """A short line of words that ends no sentence with a full stop and leads into no
    paragraph with a colon: a headline, not a short sentence, a lead-in ("In our sums
    we used three numbers:"), a list's "10." or a live blog's "19:14"."""
    return (
        1 <= block.words <= _HEADLINE_WORDS
        and not block.text.rstrip().endswith((".", ":"))
        and any(c.isalpha() for c in block.text)
    )


def _continue_lists(blocks: Sequence[Block], keep: np.ndarray, scores: np.ndarray) -> None:
    """The next items of a kept numbered list ("6. France", "7. Italy") are kept when the
    classifier did not rule them out: a ranking's tail scores low, out of context."""
    numbers = [_item_number(b.text) for b in blocks]
    for i in np.flatnonzero(keep).tolist():
        j, n = i + 1, numbers[i]
        while n is not None and j < len(blocks) and numbers[j] == n + 1:
            if not keep[j] and scores[j] < _GAP_SCORE:
                break
            keep[j] = True
            j, n = j + 1, n + 1


def _item_number(text: str) -> int | None:
    """The number of a list item, "7. Italy" or "7) Italy"; ``None`` for other lines."""
    head, _, rest = text.partition(" ")
    if rest and len(head) <= 4 and head[-1:] in ".)" and head[:-1].isdigit():
        return int(head[:-1])
    return None


def _keep_subheadings(blocks: Sequence[Block], keep: np.ndarray) -> None:
    """A short unpunctuated line that opens a paragraph inside the article is a
    sub-heading: the next block is kept prose and kept prose stands a few blocks above."""
    prose = [bool(keep[i]) and b.prose for i, b in enumerate(blocks)]
    for i in range(1, len(blocks) - 1):
        words = blocks[i].words
        if keep[i] or not prose[i + 1] or not 1 <= words <= 12:
            continue
        text = blocks[i].text
        if rules.TERMINAL.search(text) or is_furniture(text, words) or _is_date_line(text, words):
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
            and not any(_is_aside(blocks[j]) for j in gap)
        ):
            keep[gap] = True
        gap = []


def _is_aside(block: Block) -> bool:
    """Furniture, a caption, credit or pointer elsewhere ("Media caption", "Read more"),
    or the page's date ("1 de diciembre de 2017 3:00 AM PST") under the standfirst."""
    words = block.words
    return (
        is_furniture(block.text, words)
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
    """One- and two-word labels kept before the first paragraph ("update", "Video", a
    font-size widget's "XS"), and short lines of up to five words kept after the last
    sentence ("Quelle: dpa", "Zurück zum Newsroom", a link's title), are furniture
    whatever their neighbours made the classifier think. The headline is chosen
    afterwards, on its own."""
    kept = np.flatnonzero(keep).tolist()
    for i in kept:
        if blocks[i].paragraph:
            break
        text = blocks[i].text
        if blocks[i].words < _EDGE_FRAGMENT_WORDS and not rules.TERMINAL.search(text):
            keep[i] = False
    for i in kept[::-1]:
        block = blocks[i]
        if (
            block.words >= _TAIL_WORDS
            or block.length > _TAIL_CHARS
            or rules.TERMINAL.search(block.text)
        ):
            return
        keep[i] = False
