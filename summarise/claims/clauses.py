"""Content words and clauses of a sentence: what claims are aligned on.

Words are lower-cased and crudely stemmed ("voted", "votes" and "vote" agree);
function words are left out. Clauses are the pieces between commas, semicolons,
colons, dashes, sentence ends and conjunctions; phrases the same without the
conjunctions, so "Zeev Sharon and Michael Jones" stays one phrase.
"""

from __future__ import annotations

import re
from functools import lru_cache

from summarise.claims.languages import ENGLISH, Language

PHRASE_BREAK = re.compile(r"[.!?][\"”’»“«]?\s|,\s|;\s|:\s|\s[—–]\s")


@lru_cache(maxsize=16)
def clause_break(language: Language = ENGLISH) -> re.Pattern[str]:
    """Where a clause ends: a phrase break, or a conjunction of the language."""
    conjunctions = "|".join(re.escape(c) for c in language.conjunctions)
    if not conjunctions:
        return PHRASE_BREAK
    return re.compile(rf"{PHRASE_BREAK.pattern}|\s(?:{conjunctions})\s")


@lru_cache(maxsize=16)
def _suffix(language: Language) -> re.Pattern[str] | None:
    endings = "|".join(re.escape(s) for s in language.suffixes)
    return re.compile(rf"(?:{endings})$") if endings else None


def stem(word: str, language: Language = ENGLISH) -> str:
    suffix = _suffix(language)
    return suffix.sub("", word) if suffix is not None and len(word) > 3 else word


def content(
    text: str, skip: list[tuple[int, int]] | None = None, language: Language = ENGLISH
) -> list[str]:
    """Stems of the content words of ``text`` outside the ``skip`` spans."""
    out = []
    for m in re.finditer(r"\w+", text):
        if skip and any(s <= m.start() < e for s, e in skip):
            continue
        word = m.group().lower()
        if word not in language.function_words and len(word) > 1:
            out.append(stem(word, language))
    return out


def spans_between(text: str, pattern: re.Pattern[str]) -> list[tuple[int, int]]:
    """The pieces of ``text`` between the matches of ``pattern``."""
    bounds = [0] + [p for m in pattern.finditer(text) for p in m.span()] + [len(text)]
    return list(zip(bounds[::2], bounds[1::2]))


def clause_words(
    text: str,
    start: int,
    end: int,
    masked: list[tuple[int, int]],
    language: Language = ENGLISH,
) -> set[str]:
    """The content words of ``text[start:end]``, leaving out the ``masked`` spans."""
    spans = [(s - start, e - start) for s, e in masked]
    return set(content(text[start:end], spans, language))
