"""Word tokens for lexical search and scoring (BM25, word overlap, term frequencies)."""

from __future__ import annotations

import re

from summarise.language.stopwords import stoplists

_TOKEN = re.compile(r"\w+", re.UNICODE)
_ACRONYM = re.compile(r"\b(?:[A-Za-z]\.){2,}")


def tokens(text: str, content_only: bool = False, language: str = "en") -> list[str]:
    """Lower-cased word tokens for lexical scoring ("U.S." becomes "us").

    With ``content_only`` the stop words of ``language`` (a code) are dropped,
    except acronyms written in capitals ("US" is a country, "us" a pronoun).
    """
    text = _ACRONYM.sub(lambda m: m.group().replace(".", ""), text)
    words = _TOKEN.findall(text)
    if not content_only:
        return [w.lower() for w in words]
    stop = stopwords(language)
    return [w.lower() for w in words if w.lower() not in stop or (w.isupper() and len(w) > 1)]


def stopwords(language: str = "en") -> frozenset[str]:
    """The stop words of ``language`` (jusText's list, as the cleaner reads it); none for a
    language without a list."""
    return stoplists().get(language, frozenset())
