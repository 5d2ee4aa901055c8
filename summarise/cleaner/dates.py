"""Dates and times as pages write them: the patterns that find a date or a time of day
in a line, the words that open a dateline, and a blog's "Posted by" footer. Tables
only, as in ``rules``; the furniture and comment rules read them."""

from __future__ import annotations

import re

from summarise.cleaner.rules import DATE_OPENERS, MARK, starting_with
from summarise.language.calendar import MONTH_NAMES

TIME_OF_DAY = re.compile(r"\b\d{1,2}[:.]\d{2}\s?(?:[ap]\.?m\.?)?(?!\d)", re.I)
# A date in digits: "2026-03-05", "05.03.2026"
_NUMERIC_DATE = r"\b\d{4}[-./]\d{1,2}[-./]\d{1,2}\b|\b\d{1,2}[./]\d{1,2}[./]\d{2,4}\b"
# The classifier's date feature: an English month next to a day's number, or a numeric
# date. The models were trained on it; the multilingual DATE below, as a feature, lost
# held-out dev F1 on retraining (benchmarks/results.md).
ENGLISH_DATE = starting_with(
    r"jfmasond\d",
    r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2}\b|"
    r"\b\d{1,2}\.?\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\b|"
    + _NUMERIC_DATE,
)
# A date: "March 5", "Sept. 25", "5 mars", "5. März", "1 de diciembre", "2026-03-05",
# "05.03.2026". The month is any word, looked up in MONTH_NAMES (the calendar's table,
# listed once rather than spelled out in the pattern as well). The pattern is a
# look-ahead, so that a word that is no month ("Posted 5 March") leaves the date after
# it to be found. Every branch starts at a word boundary: inside a run of digits each
# fails at once.
_WORD = r"[^\W\d_](?:[^\W\d_]|" + MARK.pattern + ")*"  # letters and the marks inside a word
_CANDIDATE = re.compile(
    rf"(?=(\b({_WORD})\.?\s+\d{{1,2}}\b|\b\d{{1,2}}\.?\s+(?:de\s+)?({_WORD})(?!\w)|"
    + _NUMERIC_DATE
    + "))",
    re.I,
)


def date_spans(text: str) -> list[tuple[int, int]]:
    """Where ``text`` has a date, left to right, none overlapping."""
    spans: list[tuple[int, int]] = []
    end = 0
    for found in _CANDIDATE.finditer(text):
        start = found.start()
        if start < end:
            continue
        month = found.group(2) or found.group(3)
        if month is None or month.lower() in MONTH_NAMES:
            end = start + len(found.group(1))
            spans.append((start, end))
    return spans


def without_dates(text: str) -> str:
    """``text`` with each date replaced by a space."""
    pieces, last = [], 0
    for start, end in date_spans(text):
        pieces += [text[last:start], " "]
        last = end
    return "".join(pieces) + text[last:]


# A dateline's opening words in several languages: a page's date rather than its text.
DATELINE = re.compile(
    r"^\W*(?:last modified|" + DATE_OPENERS + "|aktualisiert|stand|"
    r"veröffentlicht|publié|mis à jour|publicado|actualizado|atualizado|pubblicato|"
    r"aggiornato|bijgewerkt|gepubliceerd|uppdaterad|publicerad|opdateret|oppdatert|"
    r"publiceret|publisert|aktualizacja|zaktualizowano|opublikowano|aktualizováno|"
    r"publikováno|güncelleme|güncellenme|yayınlanma|diperbarui|diterbitkan|"
    r"обновлено|опубликовано|अपडेटेड|अपडेट किया गया|प्रकाशित|آخر تحديث|تاريخ النشر|نشر في)"
    r"(?: on| am| le| el| em| il)?\b:?",
    re.I,
)
# A blog's footer under each post, "Posted by NAME at 12:55 AM" (with the time: a byline
# has none).
POSTED_BY = re.compile(
    r"^\W*(?:posted by|eingestellt von|publié par|publicado por|pubblicato da|geplaatst door)\b",
    re.I,
)
# Words that may stand in a date or time line beside the date itself ("on May 3 at 6:32 pm").
STAMP_FILLERS = frozenset("at on am pm um le à às el den de a las o kl a.m p.m uhr h 於 于".split())
