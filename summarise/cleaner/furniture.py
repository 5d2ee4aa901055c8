"""Lines that are furniture wherever they stand on a page: copyright and cookie
lines, photo credits, menu bars, breadcrumb trails, datelines, bylines, blog footers
and lines of interface words only, with the phrase tables in ``rules``. Applied after
the classifier, and to a snippet too short for it."""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

import ftfy
import numpy as np

from summarise.cleaner import dates, rules
from summarise.cleaner.blocks import Block
from summarise.language.names import NAME_PARTICLES

_MENU_ITEM_CHARS = 30  # an item of a menu bar: a few words, "Science & Technology"
_POSTED_BY_WORDS = 12  # "Posted by Jane Roe on March 10, 2015 at 08:05"
_POINTER_WORDS = 25  # "Read also: " and another story's headline
_BYLINE_WORDS = 12  # "By Tom Hill and Ana Ruiz, Local Democracy Reporters"
_BYLINE_NAME_WORDS = 8  # ... its names, "By Nelson D. Schwartz" or two
_BYLINE_ROLE_WORDS = 4  # ... and what follows a comma
_NAME_WORDS = NAME_PARTICLES | {"and", "&"}  # ... between two capitalised names
_TRAIL_ITEM_WORDS = 3  # a section in a breadcrumb trail: "Science & Technology"
_TRAIL_REACH = 8  # ... whose last item, the headline, stands again within this many blocks


def veto_furniture(blocks: Sequence[Block], keep: np.ndarray) -> None:
    """Drop kept copyright, cookie, photo-credit, menu-bar, dateline, byline, "posted by"
    and interface-word lines, teasers cut off before their "Read more" link, breadcrumb
    trails ending in the headline and captions under their label, wherever they stand."""
    for i in range(len(blocks)):
        if keep[i] and is_furniture_at(blocks, i):
            keep[i] = False


def is_furniture_at(blocks: Sequence[Block], i: int) -> bool:
    """Whether block ``i`` is furniture: by its own words, as a breadcrumb trail ending in
    the headline, or as the caption under a caption's label."""
    block = blocks[i]
    return (
        is_furniture(block.text, block.words) or is_breadcrumb(blocks, i) or _captioned(blocks, i)
    )


def _captioned(blocks: Sequence[Block], i: int) -> bool:
    """Whether the line is a caption under its label ("Image caption,")."""
    return (
        i > 0
        and blocks[i].words <= rules.FURNITURE_MAX_WORDS
        and rules.CAPTION_LABEL.match(blocks[i - 1].text) is not None
    )


def is_breadcrumb(blocks: Sequence[Block], i: int) -> bool:
    """Whether block ``i`` is a breadcrumb trail ending in a headline that stands again
    nearby ("News / India / Monsoon arrives early", over the headline): the page's
    sections, never its text or its title. A trail whose last item stands nowhere else
    may be the only place the headline is, so it is left to the classifier."""
    last = _trail_end(blocks[i].text)
    if last is None:
        return False
    near = range(max(0, i - _TRAIL_REACH), min(len(blocks), i + _TRAIL_REACH + 1))
    return any(j != i and " ".join(blocks[j].text.split()).casefold() == last for j in near)


def _trail_end(text: str) -> str | None:
    """The last item of a breadcrumb trail ("Home » News » HEADLINE"), casefolded: two or
    more sections of a few words, each starting with a capital (or a letter of a script
    without case), before it. ``None`` for any other line: a list of alternatives in
    lower case, a hyphenated "Verfahrens- / Chemie-", a credit with a longer name."""
    for separator in rules.TRAIL_SEPARATORS:
        if separator not in text:
            continue
        *items, last = text.split(separator)
        if len(items) >= 2 and all(
            len(item.split()) <= _TRAIL_ITEM_WORDS
            and item.strip()[:1].isalpha()
            and not item.strip()[:1].islower()
            and not item.rstrip().endswith("-")
            for item in items
        ):
            return " ".join(last.split()).casefold()
    return None


@lru_cache(maxsize=8192)
def is_furniture(text: str, words: int) -> bool:
    """Whether the line (of ``words`` words) is furniture wherever it stands. Remembered
    per line: the rules ask about a line several times, menus repeat theirs, and ftfy,
    which repairs a line's mojibake first, is slow."""
    if len(text) > rules.FURNITURE_MAX_CHARS:
        return _consent_notice(text)
    text = text if text.isascii() else ftfy.fix_text(text)  # mojibake "Ã©" is "é", not "©"
    return bool(
        words <= rules.FURNITURE_MAX_WORDS
        and rules.FURNITURE.search(text)
        or words <= rules.FURNITURE_SHORT_MAX_WORDS
        and (rules.FURNITURE_SHORT.search(text) or rules.PHOTO_CREDIT.search(text))
        or _menu_bar(text)
        or _dateline(text)
        or _posted_by(text, words)
        or _byline(text, words)
        or _interface_line(text)
        or rules.CUT_TEASER.search(text) is not None
        or _pointer(text, words)
        or rules.CAPTION_LABEL.match(text) is not None
        or _consent_notice(text)
    )


def _consent_notice(text: str) -> bool:
    """A paragraph of a cookie or consent dialog, "We and our partners store and/or
    access information on a device ...": three of its terms, addressed to the reader. A
    paste often starts with one, several paragraphs long."""
    if len(text) > rules.CONSENT_MAX_CHARS:
        return False
    terms = {found.group().lower() for found in rules.CONSENT_TERM.finditer(text)}
    return len(terms) >= rules.CONSENT_TERMS and rules.READER.search(text) is not None


def _pointer(text: str, words: int) -> bool:
    """A link to another story set in the article: "Read also: Ferry fares rise in May"."""
    header = rules.SECTION_HEADER.match(text)
    if header is None or words > _POINTER_WORDS:
        return False
    rest = text[header.end() :].lstrip()
    return rest.startswith(":") and not rest.rstrip().endswith(".")


def _interface_line(text: str) -> bool:
    """ "XS SM MD LG XL", "Share Tweet Email": three or more words, all of the interface."""
    tokens = rules.tokens(text.lower())
    return (
        len(tokens) >= 3
        and all(t in rules.UI_WORDS for t in tokens)
        and not rules.TERMINAL.search(text)
    )


def _dateline(text: str) -> bool:
    """ "Updated 10:42 GMT", "Published: 3 May 2026": the page's date, not its text."""
    found = dates.DATELINE.match(text)
    return found is not None and is_stamp(text[found.end() :])


def _posted_by(text: str, words: int) -> bool:
    """ "Posted by Jane Roe at 12:55 AM", "Eingestellt von Jane um 10:52": a blog's footer."""
    return (
        words <= _POSTED_BY_WORDS
        and dates.POSTED_BY.match(text) is not None
        and dates.TIME_OF_DAY.search(text) is not None
    )


def _byline(text: str, words: int) -> bool:
    """ "By Jane Roe", "Par Jean Dupont", "By Tom Hill and Ana Ruiz, BBC News": a line
    that only names the writers, maybe with their role or paper after a comma. Every
    word of the names is capitalised, a name's particle ("van", "de") or "and": "Von
    Risiken und Nebenwirkungen" is a German sub-heading."""
    if words > _BYLINE_WORDS or rules.BYLINE.match(text) is None or rules.TERMINAL.search(text):
        return False
    names, _, role = text.partition(",")
    if len(names.split()) > _BYLINE_NAME_WORDS or len(role.split()) > _BYLINE_ROLE_WORDS:
        return False
    return all(w[:1].isupper() or w in _NAME_WORDS for w in names.split()[1:])


def _menu_bar(text: str) -> bool:
    """ "Home | World | Business": three or more short items between separators.
    Short in characters too: Chinese has no spaces, and "·" joins a transliterated name."""
    if "|" not in text and "·" not in text and "•" not in text:
        return False
    parts = text.replace("·", "|").replace("•", "|").split("|")
    return len(parts) >= 3 and all(
        len(part.split()) <= 3 and len(part.strip()) <= _MENU_ITEM_CHARS for part in parts
    )


def is_stamp(text: str) -> bool:
    """A line that is only a date and/or a time ("April 5, 2018", "6:32 PM")."""
    if rules.DIGIT.search(text) is None:  # each date and time has one: the quick check
        return False
    if not (dates.TIME_OF_DAY.search(text) or dates.date_spans(text)):
        return False
    return len(stamp_words(without_stamps(text))) <= 1


def without_stamps(text: str) -> str:
    """The line with its dates and times blanked out."""
    return dates.TIME_OF_DAY.sub(" ", dates.without_dates(text))


def stamp_words(rest: str) -> list[str]:
    """The words left around a line's dates and times, without their fillers ("at", "um")."""
    return [w for w in rules.tokens(rest) if w.lower() not in dates.STAMP_FILLERS]
