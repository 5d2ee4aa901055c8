"""One table per language for reading facts (see :class:`~summarise.claims.table.Language`):
English, German, French, Spanish, Italian, Portuguese and Dutch. A language without a
table reads only what needs no words: digits, currency signs, ISO and dotted dates and
quotations (:data:`NEUTRAL`).
"""

from __future__ import annotations

from summarise.claims.languages.dutch import DUTCH
from summarise.claims.languages.english import ENGLISH
from summarise.claims.languages.french import FRENCH
from summarise.claims.languages.german import GERMAN
from summarise.claims.languages.italian import ITALIAN
from summarise.claims.languages.portuguese import PORTUGUESE
from summarise.claims.languages.spanish import SPANISH
from summarise.claims.table import Language

# Digits, signs, ISO dates and quotations only; a comma before other than three last
# digits is a decimal comma.
NEUTRAL = Language(code="", connectors=frozenset(), decimal=".,", thousands=",\u00a0\u202f")

LANGUAGES = {t.code: t for t in (ENGLISH, GERMAN, FRENCH, SPANISH, ITALIAN, PORTUGUESE, DUTCH)}

__all__ = ["ENGLISH", "LANGUAGES", "NEUTRAL", "Language", "table"]


def table(code: str | None) -> Language:
    """The table for a language code ("de", "de-CH", "fr_FR"); unknown codes read the
    language-independent parts only, and no code at all is English."""
    if not code:
        return ENGLISH
    return LANGUAGES.get(code.lower().replace("_", "-").split("-")[0], NEUTRAL)
