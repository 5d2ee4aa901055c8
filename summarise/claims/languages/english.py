"""English: the claim checker's word lists (in :mod:`summarise.claims.vocabulary`) as a
table."""

from __future__ import annotations

from summarise.claims import vocabulary as en
from summarise.claims.table import Language, words, wordset

ENGLISH = Language(
    code="en",
    units=en.UNITS,
    ordinals=en.ORDINALS,
    scales=en.SCALES,
    lone=wordset("one zero"),
    ordinal_suffixes=wordset("st nd rd th s"),
    percent=frozenset(en.PERCENT),
    percent_phrases=(("per", "cent"),),
    currency=frozenset(en.CURRENCY_WORDS),
    months=dict(en.MONTHS),
    months_capitalised=True,
    date_links=wordset("of"),
    weekdays=tuple(sorted(en.WEEKDAYS)),
    titles=frozenset(en.TITLES),
    function_words=en.FUNCTION_WORDS,
    conjunctions=words("and but while whereas"),
    pronouns=wordset("he she his her him they their them"),
    quotes=(("“", "”"), ('"', '"'), ("‘", "’"), ("«", "»")),
    suffixes=words("ing ed es e s ly"),
)
