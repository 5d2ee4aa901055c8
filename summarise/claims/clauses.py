"""Content words and clauses of a sentence: what claims are aligned on.

Words are lower-cased and crudely stemmed ("voted", "votes" and "vote" agree);
function words are left out. Clauses are the pieces between commas, semicolons,
colons, dashes, sentence ends and conjunctions; phrases the same without the
conjunctions, so "Zeev Sharon and Michael Jones" stays one phrase.
"""

from __future__ import annotations

import re

from summarise.claims.facts import FUNCTION_WORDS

_SUFFIX = re.compile(r"(?:ing|ed|es|e|s|ly)$")
CLAUSE_BREAK = re.compile(r"[.!?][\"”’]?\s|,\s|;\s|:\s|\s[—–]\s|\s(?:and|but|while|whereas)\s")
PHRASE_BREAK = re.compile(r"[.!?][\"”’]?\s|,\s|;\s|:\s|\s[—–]\s")


def stem(word: str) -> str:
    return _SUFFIX.sub("", word) if len(word) > 3 else word


def content(text: str, skip: list[tuple[int, int]] | None = None) -> list[str]:
    """Stems of the content words of ``text`` outside the ``skip`` spans."""
    out = []
    for m in re.finditer(r"\w+", text):
        if skip and any(s <= m.start() < e for s, e in skip):
            continue
        word = m.group().lower()
        if word not in FUNCTION_WORDS and len(word) > 1:
            out.append(stem(word))
    return out


def spans_between(text: str, pattern: re.Pattern[str]) -> list[tuple[int, int]]:
    """The pieces of ``text`` between the matches of ``pattern``."""
    bounds = [0] + [p for m in pattern.finditer(text) for p in m.span()] + [len(text)]
    return list(zip(bounds[::2], bounds[1::2]))


def clause_words(text: str, start: int, end: int, masked: list[tuple[int, int]]) -> set[str]:
    """The content words of ``text[start:end]``, leaving out the ``masked`` spans."""
    return set(content(text[start:end], [(s - start, e - start) for s, e in masked]))
