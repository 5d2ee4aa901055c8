"""Other stories on a page, around the article: a "Related" section under it, a
"Related" box inside it, runs of teaser headlines, teasers with "Read more" links,
menus of headlines and "Most read" lists above it, and the article's main run among
the clusters of kept text. Rules applied after the line classifier, as part of
``structure``."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from summarise.cleaner import dates, rules
from summarise.cleaner.blocks import Block, first_paragraph

_TEASER_RUN = 3
_READ_MORE_REACH = 2  # a teaser's paragraph stands this close above its "Read more" link
_READ_MORE_SPAN = 6  # ... and the teasers of a list follow each other this close
_SECTION_HEADER_WORDS = 6  # "Das könnte Sie auch interessieren"
_BOX_HEADER_WORDS = 3  # "Related", "Read more", "Lesen Sie auch"
_BOX_LINKS = 3  # headlines under a box header
_BOX_LINK_WORDS = 25  # longer, or a sentence: the article again, not a headline
_BOX_GLUED_WORDS = 75  # ... unless no sentence ends in it: headlines joined into one block
MAIN_RUN_GAP = 8  # dropped blocks between two parts of one article
MAIN_RUN_SHARE = 0.35  # a cluster under this share of the main one is not the article
MAIN_RUN_PARAGRAPHS = 3  # a cluster with this many paragraphs is article, however small
RELATED_SHARE = 0.5  # ... or under this share below a "Related" header after the article
_STRAY_PARAGRAPHS = 2  # ... as are this many paragraphs of text under it, away from it
_STRAY_APART = 2  # ... when this many lines above the header were dropped
_FAR_BLOCKS = 40  # ... or this many blocks below the article, with fewer paragraphs
_TEASER_PARAGRAPHS = 3  # ... unless each stands under a headline of its own, after the article
_HEADLINE_WORDS = 15  # a teaser's headline: a short line of at most this many words
_DATED_WORDS = (4, 25)  # ... and one with its story's date after it, date included
_BOX_NEXT_SCORE = 0.2  # a paragraph under a box in the article is kept from this score up
_LIST_HEADLINES = 5  # a list of other stories above the article, under its header
_MENU_LINES = 6  # a cluster above the article, of this many lines or more ...
_MENU_HEADLINE_SHARE = 0.8  # ... this share of them headlines, is a menu or a feed


def cut_related_section(blocks: Sequence[Block], keep: np.ndarray) -> None:
    """Everything from a "Related stories" / "Most read" header below the article's first
    paragraph, when all the paragraphs kept below it are teasers (or there are none). A
    news brief whose paragraphs are all short is read by its sentences instead."""
    kept = np.flatnonzero(keep).tolist()
    prose = [i for i in kept if blocks[i].paragraph] or [i for i in kept if blocks[i].prose]
    if not prose:
        return
    for i in range(prose[0] + 1, len(blocks)):
        if is_section_header(blocks[i]):
            below = [j for j in prose if j > i]
            if not below or _teasers(blocks, below) or _stray(blocks, keep, i, below):
                keep[i:] = False
                return


def _stray(blocks: Sequence[Block], keep: np.ndarray, header: int, below: list[int]) -> bool:
    """Whether the paragraphs kept under a "Related" header are a widget's stray text:
    one or two of them, short beside the article above, away from the header (the
    lines between, its list, dropped), which stands apart from the article too (the
    lines above it, an author's box or share buttons, dropped). An article's own
    section follows its heading, and its text goes on under a box set right after a
    paragraph ("Read also: ...")."""
    if (
        len(below) > _STRAY_PARAGRAPHS
        or below[0] == header + 1
        or keep[max(0, header - _STRAY_APART) : header].any()
        or keep[header + 1 : below[0]].any()
    ):
        return False
    above = sum(blocks[j].words for j in np.flatnonzero(keep[:header]).tolist())
    return sum(blocks[j].words for j in below) < RELATED_SHARE * above


def drop_story_lists_above(blocks: Sequence[Block], keep: np.ndarray) -> None:
    """A "Most read" / "Latest" header above the article with a list of other stories'
    headlines under it, numbered or not: the header and all headline-shaped lines after
    it, down to the article's first sentence (the headline is chosen afterwards, on its
    own). A list has several headlines; a "Latest" label over the article's own
    headline and byline is none."""
    start = first_paragraph(blocks, keep)
    i = 0
    while start is not None and i < start:
        if not is_section_header(blocks[i]):
            i += 1
            continue
        end = i + 1
        while end < start and (_is_headline(blocks[end]) or blocks[end].text.isdigit()):
            end += 1
        if sum(_is_headline(blocks[j]) for j in range(i + 1, end)) >= _LIST_HEADLINES:
            keep[i:end] = False
        i = end


def is_section_header(block: Block) -> bool:
    """A short "Related stories" / "Most read" line over other stories."""
    return block.words <= _SECTION_HEADER_WORDS and bool(rules.SECTION_HEADER.search(block.text))


def drop_related_boxes(blocks: Sequence[Block], keep: np.ndarray, scores: np.ndarray) -> None:
    """A "Related" box inside the article: its header and the headlines under it. It
    runs after the rules that keep short lines between paragraphs, which would keep
    the box's headlines as sub-headings. Only below the article's first paragraph: a
    headline such as "Top Gun Returns" above it is not a box. A paragraph right under a
    box of headlines set in the article's text goes on with it, unless the classifier
    ruled it out."""
    start = first_paragraph(blocks, keep)
    if start is None:  # a news brief of short paragraphs: from its first sentence
        start = next((i for i, b in enumerate(blocks) if keep[i] and b.prose), None)
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
        after = i + 1
        while after < min(len(blocks), i + 1 + _BOX_LINKS) and _is_box_link(blocks[after]):
            keep[after] = False
            after += 1
        if (
            i + 1 < after < len(blocks)
            and _goes_on(blocks, after)
            and scores[after] >= _BOX_NEXT_SCORE
            and keep[i - 1]
            and blocks[i - 1].prose
        ):
            keep[after] = True  # the article goes on under the box


def _goes_on(blocks: Sequence[Block], i: int) -> bool:
    """Whether the block under a box reads as the article going on: a paragraph, or a
    sentence closed by a full stop (a teaser is cut off "…", a headline exclaims, and a
    teaser's lead has its "Read more" link under it)."""
    block, text = blocks[i], blocks[i].text.rstrip("\"'”’»)")
    if i + 1 < len(blocks) and rules.READ_MORE.match(blocks[i + 1].text):
        return False
    return block.paragraph or (block.prose and text.endswith(".") and not text.endswith(".."))


def _is_box_link(block: Block) -> bool:
    """A headline under a box header: short, or several headlines whose lines the paste's
    hard-wrap test joined (no sentence ends anywhere in them)."""
    words = block.words
    if rules.TERMINAL.search(block.text) or words > _BOX_GLUED_WORDS:
        return False
    return words <= _BOX_LINK_WORDS or not rules.SENTENCE_END.search(block.text)


def drop_teaser_runs(blocks: Sequence[Block], keep: np.ndarray) -> None:
    """Runs of headlines each ending in a count, "... (142)", cut short, "21 tattoos
    that…", or followed by their story's date are teasers of other stories."""
    for run in runs([i for i, b in enumerate(blocks) if _is_teaser_line(b)], 1):
        if len(run) >= _TEASER_RUN:
            keep[run] = False


def drop_read_more_teasers(blocks: Sequence[Block], keep: np.ndarray) -> None:
    """Where three or more "Read more" links follow each other a few blocks apart, the
    paragraph just above each one (and that paragraph's headline) is a teaser of another
    page. A lone one under the article opens its hidden rest."""
    links = [i for i, b in enumerate(blocks) if rules.READ_MORE.match(b.text)]
    link_runs = runs(links, _READ_MORE_SPAN)
    for link in [link for run in link_runs if len(run) >= _TEASER_RUN for link in run]:
        keep[link] = False
        for j in range(link - 1, max(-1, link - 1 - _READ_MORE_REACH), -1):
            if blocks[j].prose:
                keep[j] = False
                if j > 0 and _is_headline(blocks[j - 1]):
                    keep[j - 1] = False
                break


def runs(indices: list[int], gap: int) -> list[list[int]]:
    """Sorted ``indices`` grouped into runs, each index at most ``gap`` after the last."""
    grouped: list[list[int]] = []
    for i in indices:
        if grouped and i - grouped[-1][-1] <= gap:
            grouped[-1].append(i)
        else:
            grouped.append([i])
    return grouped


def _is_teaser_line(block: Block) -> bool:
    """A headline with a count, one cut off mid-phrase (the ellipsis right after a word),
    or one followed by the date of its story ("Ferry fares rise 30. Oktober 2023")."""
    text = block.text.rstrip()
    if rules.COUNT_SUFFIX.search(text):
        return True
    if text.endswith(("…", "...")):
        return text.rstrip(".…")[-1:].isalnum() and block.words <= _HEADLINE_WORDS
    return (
        _DATED_WORDS[0] <= block.words <= _DATED_WORDS[1]
        and not rules.TERMINAL.search(text)
        and _ends_in_date(text)
    )


def _ends_in_date(text: str) -> bool:
    """Whether words end in a date, maybe with its year and time ("... JULY 26, 2016"),
    the line's only one: a row of a timetable ends in the second date of a range."""
    found = dates.date_spans(text)
    if len(found) != 1 or found[0][0] == 0:
        return False
    rest = text[found[0][1] :].lstrip(" ,.")
    year, _, time = rest.partition(" ")
    if len(year) == 4 and year.isdigit():
        rest = time.strip()
    return not rest or dates.TIME_OF_DAY.fullmatch(rest) is not None


def keep_main_run(blocks: Sequence[Block], keep: np.ndarray) -> None:
    """Drop small clusters of kept blocks far from the article's main run of text (a
    video player's controls can split one article in two: a part with a few paragraphs
    of its own stays). The main run is the largest cluster that is no feed of other
    stories. Above it, also drop lists of headlines; after it, clusters whose paragraphs
    are teasers, smaller ones below a "Related" header (the next story of the feed),
    and far below it, those with fewer paragraphs (readers' posts, a widget's text)."""
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
        teasers[n] and not all(item_number(blocks[i - 1].text) for i in paragraphs[n])
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
            is_section_header(blocks[i])
            for i in range(clusters[main][-1] + 1, clusters[main + 1][0])
        )
    )
    for n, (cluster, size) in enumerate(zip(clusters, sizes)):
        small = size < MAIN_RUN_SHARE * sizes[main] and len(paragraphs[n]) < MAIN_RUN_PARAGRAPHS
        far = cluster[0] - clusters[main][-1] > _FAR_BLOCKS
        after = n > main and (
            teasers[n]
            or (related and size < RELATED_SHARE * sizes[main])
            or (far and len(paragraphs[n]) < MAIN_RUN_PARAGRAPHS)
        )
        above = n < main and not paragraphs[n] and _headline_list(blocks, cluster)
        if small or after or above:
            keep[cluster] = False


def _headline_list(blocks: Sequence[Block], cluster: list[int]) -> bool:
    """Many short lines, nearly all headline-shaped: a menu or the headlines of other
    stories. Asked of a cluster above the article without a paragraph of its own: the
    article's headline, standfirst and byline are a few lines, not a list."""
    headlines = sum(_is_headline(blocks[i]) for i in cluster)
    return len(cluster) >= _MENU_LINES and headlines >= _MENU_HEADLINE_SHARE * len(cluster)


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
    return _headline_shaped(block.text, block.words)


def _headline_shaped(text: str, words: int) -> bool:
    """A headline's shape: a few words, at least one with a letter, no closing "." or ":"."""
    return (
        1 <= words <= _HEADLINE_WORDS
        and not text.rstrip().endswith((".", ":"))
        and any(c.isalpha() for c in text)
    )


def item_number(text: str) -> int | None:
    """The number of a list item, "7. Italy" or "7) Italy"; ``None`` for other lines."""
    head, _, rest = text.partition(" ")
    if rest and len(head) <= 4 and head[-1:] in ".)" and head[:-1].isdigit():
        return int(head[:-1])
    return None
