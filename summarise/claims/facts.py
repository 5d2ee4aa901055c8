"""Checkable facts in a sentence (names, numbers, amounts, dates, quotes), normalised.

A :class:`Fact` is a span of a summary sentence with the forms it may take in
the article: "11 percent", "11%" and "eleven per cent" are all the value 11;
"4 March 2025", "March 4" and "2025-03-04" are all day 4 of month 3; "U.S."
and "US" are the token "us". :class:`Inventory` holds the same forms for a
piece of the article, so checking a fact is a set look-up, not a string search.
Names are found without a tagger: runs of capitalised words that are not
ordinary words of the article (seen in lower case); a lone capitalised word
opening a sentence counts only when the article has that word too.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from summarise.claims.vocabulary import (
    CONNECTORS,
    CURRENCY_WORDS,
    FUNCTION_WORDS,
    MONTHS,
    ORDINALS,
    PERCENT,
    SCALES,
    TITLES,
    UNITS,
    WEEKDAYS,
)

_WORD = re.compile(r"\d+(?:,\d{3})*(?:\.\d+)?[A-Za-z]*|\w+(?:['’.\-]\w+)*\.?")
_ACRONYM = re.compile(r"^(?:[A-Za-z]\.)+[A-Za-z]?$")
_DIGITS = re.compile(r"\d[\d,]*(?:\.\d+)?")
_ISO_DATE = re.compile(r"\b(\d{4})-(\d{1,2})-(\d{1,2})\b")
_SLASH_DATE = re.compile(r"\b(\d{1,2})/(\d{1,2})/(\d{2,4})\b")
_QUOTE = re.compile(
    r"“([^”]{2,400})”|\"([^\"]{2,400})\"|(?<!\w)‘([^’]{2,400})’(?!\w)|«([^»]{2,400})»"
)
_CURRENCY_SIGNS = "$€£¥₹"
_QUOTE_PARTS = re.compile(r"\.\.\.|…|[“”\"]")  # elisions, and quotes inside a quote
_DEMONYM = {"ic", "ian", "an", "n", "ese", "ish", "i"}


@dataclass(frozen=True)
class Fact:
    """A checkable span of a sentence: ``kind`` is name, number, amount, percent,
    date or quote; ``start``/``end`` are offsets in the text it was found in."""

    kind: str
    text: str
    start: int
    end: int
    value: float = 0.0
    step: float = 0.0
    date: tuple[int | None, int | None, int | None] = (None, None, None)
    words: tuple[str, ...] = ()
    ambiguous: bool = False


@dataclass
class Token:
    """A word of a text and its offsets."""

    text: str
    start: int
    end: int

    @property
    def key(self) -> str:
        return key(self.text)


def key(word: str) -> str:
    """A word's comparable form: lower case, no dots ("U.S." -> "us"), no possessive."""
    word = word.lower().replace("’", "'")
    if word.endswith("'s"):
        word = word[:-2]
    return word.replace(".", "")


def words(text: str) -> list[Token]:
    """Word tokens with offsets; a trailing dot is kept only on acronyms and titles."""
    out = []
    for m in _WORD.finditer(text):
        word, end = m.group(), m.end()
        if word.endswith(".") and not _ACRONYM.match(word) and word[:-1].lower() not in TITLES:
            word, end = word[:-1], end - 1
        out.append(Token(word, m.start(), end))
    return out


def word_keys(text: str) -> list[str]:
    return [t.key for t in words(text)]


@dataclass
class WordUsage:
    """What the article says about words: which are ordinary (seen in lower case)
    and which it capitalises in mid-sentence, so are names."""

    ordinary: set[str] = field(default_factory=lambda: set(FUNCTION_WORDS))
    capitalised: set[str] = field(default_factory=set)
    seen: set[str] = field(default_factory=set)

    def learn(self, sentences: Iterable[str]) -> None:
        for sentence in sentences:
            tokens = words(sentence)
            for i, token in enumerate(tokens):
                self.seen.add(token.key)
                if token.text[:1].islower():
                    self.ordinary.add(token.key)
                elif i > 0 and token.text[:1].isupper() and not _opens(sentence, token.start):
                    self.capitalised.add(token.key)


def _opens(sentence: str, start: int) -> bool:
    """Whether a word at ``start`` begins a sentence or a quotation (capitalised anyway)."""
    before = sentence[:start].rstrip()
    return not before or before[-1] in '"“‘«:(—–-'


def _number_word(token: str) -> float | None:
    word = token.lower()
    if word in UNITS:
        return float(UNITS[word])
    if word in ORDINALS:
        return float(ORDINALS[word])
    first, dash, rest = word.partition("-")
    if dash and first in UNITS:  # "twenty-five", and "five-year" as five
        return float(UNITS[first] + (UNITS[rest] if rest in UNITS and "-" not in rest else 0))
    return None


def _digits(token: str) -> tuple[float, float] | None:
    """The value of "1,200" / "4.5" / "21st" / "5m" and the step of its last digit."""
    m = _DIGITS.match(token)
    if not m:
        return None
    number = m.group().rstrip(",")
    rest = token[m.end() :].lower()
    if rest and rest not in {"st", "nd", "rd", "th", "s"} and rest not in SCALES:
        return None
    whole, _, decimals = number.replace(",", "").partition(".")
    value = float(whole + ("." + decimals if decimals else ""))
    step = 10.0 ** -len(decimals)
    if rest in SCALES:
        value, step = value * SCALES[rest], step * SCALES[rest]
    return value, step


def _years(value: float) -> bool:
    return value.is_integer() and 1800 <= value <= 2100


def _numbers(text: str, tokens: list[Token], skip: list[tuple[int, int]]) -> list[Fact]:
    """Numbers, percentages and amounts (with their currency) not inside ``skip`` spans."""
    facts: list[Fact] = []
    i = 0
    while i < len(tokens):
        token = tokens[i]
        if _inside(token.start, skip):
            i += 1
            continue
        parsed = _digits(token.text)
        if parsed is None:
            word_value = _number_word(token.text)
            if word_value is None or token.text.lower().partition("-")[0] in {"one", "zero"}:
                i += 1
                continue
            parsed = (word_value, 1.0)
        value, step = parsed
        j = i + 1
        while j < len(tokens) and tokens[j].start - tokens[j - 1].end <= 1:
            nxt = tokens[j].text.lower()
            more = _number_word(nxt)
            if nxt in SCALES and nxt not in {"m", "k"}:
                value, step = value * SCALES[nxt], step * SCALES[nxt]
            elif more is not None and value >= 20 and more < value and value % 10 == 0:
                value += more
            else:
                break
            j += 1
        start, end = token.start, tokens[j - 1].end
        kind = "number"
        after = tokens[j].text.lower() if j < len(tokens) else ""
        tail = text[end : end + 2]
        if tail.startswith("%") or after in PERCENT:
            kind = "percent"
            end = end + 1 if tail.startswith("%") else tokens[j].end
        elif after == "per" and j + 1 < len(tokens) and tokens[j + 1].text.lower() == "cent":
            kind, end = "percent", tokens[j + 1].end
        elif after in CURRENCY_WORDS:
            kind, end = "amount", tokens[j].end
        else:
            if start and text[start - 1] in _CURRENCY_SIGNS:
                kind, start = "amount", start - 1
        facts.append(Fact(kind, text[start:end], start, end, value=value, step=step))
        i = j
    return facts


def _dates(text: str, tokens: list[Token]) -> list[Fact]:
    """Dates: "4 March 2025", "March 4", "4th of March", "March 2025", weekdays, ISO."""
    facts = []
    for m in _ISO_DATE.finditer(text):
        y, mo, d = (int(g) for g in m.groups())
        facts.append(Fact("date", m.group(), m.start(), m.end(), date=(y, mo, d)))
    for m in _SLASH_DATE.finditer(text):
        a, b, y = (int(g) for g in m.groups())
        y += 2000 if y < 100 else 0
        # Day-first and month-first readings are both kept: either may match.
        facts.append(Fact("date", m.group(), m.start(), m.end(), date=(y, b, a), ambiguous=True))
    taken = [(f.start, f.end) for f in facts]
    for i, token in enumerate(tokens):
        low = token.text.lower().rstrip(".")
        if _inside(token.start, taken):
            continue
        if low in WEEKDAYS:
            facts.append(Fact("date", token.text, token.start, token.end, words=(low,)))
            continue
        if low not in MONTHS or not token.text[0].isupper():
            continue
        first, last = i, i
        day: int | None = None
        year: int | None = None
        before = _day(tokens[i - 1].text) if i >= 1 else None
        if before is not None:
            first, day = i - 1, before
        elif i >= 2 and tokens[i - 1].text.lower() == "of" and _day(tokens[i - 2].text):
            first, day = i - 2, _day(tokens[i - 2].text)
        if day is None and i + 1 < len(tokens) and (after := _day(tokens[i + 1].text)) is not None:
            last, day = i + 1, after
        number = _digits(tokens[last + 1].text) if last + 1 < len(tokens) else None
        if number is not None and _years(number[0]):
            last, year = last + 1, int(number[0])
        start, end = tokens[first].start, tokens[last].end
        facts.append(Fact("date", text[start:end], start, end, date=(year, MONTHS[low], day)))
        taken.append((start, end))
    return facts


def _day(word: str) -> int | None:
    parsed = _digits(word)
    if parsed and parsed[0].is_integer() and 1 <= parsed[0] <= 31 and "," not in word:
        return int(parsed[0])
    return None


def _quotes(text: str) -> list[Fact]:
    facts = []
    for m in _QUOTE.finditer(text):
        group = next(g for g in range(1, 5) if m.group(g) is not None)
        inner = tuple(word_keys(m.group(group)))
        if inner:
            facts.append(Fact("quote", m.group(), m.start(), m.end(), words=inner))
    return facts


def _ordinary(token: Token, lexicon: WordUsage) -> bool:
    """An everyday word ("The", "Officials"), not an acronym like "US"."""
    acronym = token.text.isupper() and len(token.key) > 1
    return token.key in lexicon.ordinary and not acronym


def _names(text: str, tokens: list[Token], lexicon: WordUsage, blocked: bytearray) -> list[Fact]:
    """Runs of capitalised tokens that are names, with their checkable keys."""
    facts = []
    run: list[Token] = []

    def close() -> None:
        while run and run[-1].key in CONNECTORS:
            run.pop()
        keys = tuple(
            t.key
            for t in run
            if t.key not in TITLES and t.key not in CONNECTORS and not _ordinary(t, lexicon)
        )
        lone_opener = (  # "Prices rose...": a name only if the article has the word at all
            len(run) == 1 and _opens(text, run[0].start) and run[0].key not in lexicon.seen
        )
        if keys and not lone_opener:
            start, end = run[0].start, run[-1].end
            facts.append(Fact("name", text[start:end], start, end, words=keys))
        run.clear()

    for token in tokens:
        if run and text[run[-1].end : token.start].strip():
            close()  # punctuation between two capitalised words ends the name
        if blocked[token.start] or token.text[:1].isdigit():
            close()
        elif token.text[:1].isupper() and not (
            _opens(text, token.start) and _ordinary(token, lexicon)
        ):
            run.append(token)
        elif run and token.key in CONNECTORS and token.text.islower():
            run.append(token)
        else:
            close()
    close()
    return facts


def _inside(position: int, spans: list[tuple[int, int]]) -> bool:
    return any(s <= position < e for s, e in spans)


def extract(text: str, lexicon: WordUsage) -> list[Fact]:
    """The facts of ``text``, in order: quotes, dates, numbers, then names."""
    tokens = words(text)
    quotes = _quotes(text)
    quoted = [(f.start, f.end) for f in quotes]
    dates = [f for f in _dates(text, tokens) if not _inside(f.start, quoted)]
    numbers = _numbers(text, tokens, quoted + [(f.start, f.end) for f in dates])
    blocked = bytearray(len(text) + 1)
    for f in quotes + dates + numbers:
        blocked[f.start : f.end] = b"\x01" * (f.end - f.start)
    names = _names(text, tokens, lexicon, blocked)
    return sorted(quotes + dates + numbers + names, key=lambda f: f.start)


class Inventory:
    """The normalised facts a piece of article text contains, for look-ups."""

    def __init__(self, text: str, lexicon: WordUsage) -> None:
        facts = extract(text, lexicon)
        self.keys = set(word_keys(text))
        self.sequence = " " + " ".join(word_keys(text)) + " "
        self.values = [(f.value, f.kind) for f in facts if f.kind not in {"date", "quote", "name"}]
        self.values += [(float(t.replace(",", "")), "number") for t in _DIGITS.findall(text)]
        self.dates = [f for f in facts if f.kind == "date"]
        self.values += [(float(f.date[0]), "number") for f in self.dates if f.date[0]]
        self.initials = {
            "".join(w[0] for w in word_keys(f.text) if w not in CONNECTORS)
            for f in facts
            if f.kind == "name" and len(f.text.split()) > 1
        }
        self.names = {" ".join(f.words) for f in facts if f.kind == "name"}

    def has(self, fact: Fact) -> bool:
        """Whether this text states ``fact`` (in any of its normalised forms)."""
        if fact.kind == "quote":
            parts = [p for p in _QUOTE_PARTS.split(fact.text) if word_keys(p)]
            return all(" " + " ".join(word_keys(p)) + " " in self.sequence for p in parts)
        if fact.kind == "date":
            return self._has_date(fact)
        if fact.kind == "name":
            if all(k in self.keys or self._demonym(k) for k in fact.words):
                return True
            word = fact.words[0]
            return len(fact.words) == 1 and word.isalpha() and word in self.initials
        tolerance = max(fact.step / 2, 1e-9 * max(1.0, abs(fact.value)))
        return any(abs(value - fact.value) <= tolerance for value, _ in self.values)

    def _demonym(self, word: str) -> bool:
        """Whether the text has ``word`` as a place or its people ("Iceland"/"Icelandic")."""
        for other in self.keys:
            short, long = sorted((word, other), key=len)
            if len(short) >= 4 and long.startswith(short) and long[len(short) :] in _DEMONYM:
                return True
        return False

    def _has_date(self, fact: Fact) -> bool:
        if fact.words:  # a weekday
            return fact.words[0] in self.keys
        year, month, day = fact.date
        for other in self.dates:
            readings = [other.date]
            if other.ambiguous:  # 04/03/2025: also month-first
                readings.append((other.date[0], other.date[2], other.date[1]))
            for y, m, d in readings:
                if all(a is None or a == b for a, b in ((year, y), (month, m), (day, d))):
                    return True
        return False
