"""The shape of a language's table for reading facts (:class:`Language`), and helpers
that read a table's word lists from plain text."""

from __future__ import annotations

from dataclasses import dataclass, field

from summarise.language.names import NAME_CONNECTORS

# every quotation mark pair we know, for a language without a table
ALL_QUOTES = (
    ("“", "”"), ('"', '"'), ("‘", "’"), ("«", "»"), ("„", "“"), ("„", "”"), ("‚", "‘"),
    ("»", "«"), ("「", "」"), ("『", "』"), ("‹", "›"),
)  # fmt: skip


@dataclass(frozen=True, eq=False)
class Language:
    """The words and formats the claim checker reads in one language.

    ``units`` maps number words to values, and where ``compounds`` also the pieces
    that longer number words are built of, joined by ``compound_links``
    ("dreiundzwanzig"); ``scales`` multiply ("Millionen", "Mio"); ``number_links``
    join number words ("treinta y cinco"); ``amount_links`` come between a number and
    its currency ("millones de euros"); ``date_links`` between day, month and year
    ("3 de marzo de 2025"). ``lone`` number words ("one", "eine") are no fact on their
    own. ``elisions`` are the clipped words an apostrophe joins to the next ("l’",
    "d’"). ``nouns_capitalised``: every noun has a capital (German), so a capitalised
    word after a ``determiners`` word, or ending in one of the ``noun_suffixes``, is no
    name. ``title_endings`` make a compound a title ("Ministerpräsidentin").
    ``decimal`` and ``thousands`` are the number format's marks.
    """

    code: str
    units: dict[str, int] = field(default_factory=dict)
    ordinals: dict[str, int] = field(default_factory=dict)
    scales: dict[str, float] = field(default_factory=dict)
    compounds: bool = False
    compound_links: tuple[str, ...] = ()
    number_links: frozenset[str] = frozenset()
    lone: frozenset[str] = frozenset()
    ordinal_suffixes: frozenset[str] = frozenset()
    percent: frozenset[str] = frozenset()
    percent_phrases: tuple[tuple[str, str], ...] = ()
    currency: frozenset[str] = frozenset()
    amount_links: frozenset[str] = frozenset()
    months: dict[str, int] = field(default_factory=dict)
    months_capitalised: bool = False
    date_links: frozenset[str] = frozenset()
    weekdays: tuple[str, ...] = ()
    titles: frozenset[str] = frozenset()
    title_endings: tuple[str, ...] = ()
    function_words: frozenset[str] = frozenset()
    connectors: frozenset[str] = NAME_CONNECTORS
    conjunctions: tuple[str, ...] = ()
    pronouns: frozenset[str] = frozenset()
    elisions: frozenset[str] = frozenset()
    nouns_capitalised: bool = False
    determiners: frozenset[str] = frozenset()
    noun_suffixes: tuple[str, ...] = ()
    quotes: tuple[tuple[str, str], ...] = ALL_QUOTES
    decimal: str = "."  # the decimal mark (or marks)
    thousands: str = ","  # the marks that group thousands
    suffixes: tuple[str, ...] = ()

    def title(self, word: str) -> bool:
        """Whether a lower-case word is a title before a name ("dr", "ministerpräsidentin")."""
        return word in self.titles or (len(word) > 6 and word.endswith(self.title_endings))


def numbers(spec: str) -> dict[str, int]:
    """``"zwei:2 drei:3"`` as ``{"zwei": 2, "drei": 3}``."""
    return {word: int(value) for word, _, value in (item.partition(":") for item in spec.split())}


def scales(spec: str) -> dict[str, float]:
    """``"mio:1e6 mrd:1e9"`` as ``{"mio": 1e6, "mrd": 1e9}``."""
    return {word: float(value) for word, _, value in (item.partition(":") for item in spec.split())}


def wordset(spec: str) -> frozenset[str]:
    return frozenset(spec.split())


def words(spec: str) -> tuple[str, ...]:
    return tuple(spec.split())
