"""Checkable facts in a sentence (names, numbers, amounts, dates, quotes), normalised.

A :class:`Fact` is a span of a summary sentence with the forms it may take in
the article: "11 percent", "11%" and "eleven per cent" are all the value 11;
"4 March 2025", "March 4" and "2025-03-04" are all day 4 of month 3; "U.S."
and "US" are the token "us". :class:`Inventory` holds the same forms for a
piece of the article, so checking a fact is a set look-up, not a string search.
Names are found without a tagger: runs of capitalised words that are not
ordinary words of the article (seen in lower case); a lone capitalised word
opening a sentence counts only when the article has that word too.

Every word list and the number format come from the language's table
(:mod:`.languages`, carried by :class:`WordUsage`): "11 Prozent" = "elf Prozent" =
"11 %", "1.234,5" is 1234.5 in German and "1 234,5" in French, "3. März 2025" and
"3 de marzo de 2025" are day 3 of month 3.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

from summarise.claims.languages import ENGLISH, Language

_WORD = r"\w+(?:['’.\-]\w+)*\.?"
_ACRONYM = re.compile(r"^(?:[A-Za-z]\.)+[A-Za-z]?$")
_ISO_DATE = re.compile(r"\b(\d{4})-(\d{1,2})-(\d{1,2})\b")
_SLASH_DATE = re.compile(r"\b(\d{1,2})/(\d{1,2})/(\d{2,4})\b")
_DOTTED_DATE = re.compile(r"\b(\d{1,2})\.(\d{1,2})\.(\d{4})\b")
_CURRENCY_SIGNS = "$€£¥₹"
_SPACE = " \u00a0\u202f"
_SIGN_AFTER = re.compile(rf"[{_SPACE}]?[{_CURRENCY_SIGNS}]")
_PERCENT_SIGN = re.compile(rf"[{_SPACE}]?%")
_QUOTE_MARKS = '“”"„«»‹›「」『』'
_QUOTE_PARTS = re.compile(rf"\.\.\.|…|[{_QUOTE_MARKS}]")  # elisions, quotes inside a quote
_OPENERS = '"“‘«„‚»「『¿¡:(—–-'
_DEMONYM = {"ic", "ian", "an", "n", "ese", "ish", "i"}


@lru_cache(maxsize=16)
def _patterns(language: Language) -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """The language's number (as written: "1,200.5", "1.200,5", "1 200,5"), word and
    quotation patterns."""
    group = re.escape(language.thousands)
    number = rf"\d+(?:[{group}]\d{{3}}(?!\d))*(?:[{re.escape(language.decimal)}]\d+)?"
    closers: dict[str, str] = {}
    for opening, closing in language.quotes:
        closers[opening] = closers.get(opening, "") + closing
    quotes = []
    for opening, closing in closers.items():
        o, c = re.escape(opening), re.escape(closing)
        if opening == "‘":  # not an apostrophe: no letter outside the marks
            quotes.append(rf"(?<!\w){o}([^{c}]{{2,400}})[{c}](?!\w)")
        else:
            quotes.append(rf"{o}([^{c}]{{2,400}})[{c}]")
    return (
        re.compile(number),
        re.compile(rf"{number}[^\W\d_]*|{_WORD}"),
        re.compile("|".join(quotes)),
    )


def number_pattern(language: Language = ENGLISH) -> re.Pattern[str]:
    """A number as the language writes it, digits only: "1,200.5", "1.200,5", "1 200,5"."""
    return _patterns(language)[0]


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


def words(text: str, language: Language = ENGLISH) -> list[Token]:
    """Word tokens with offsets; a trailing dot is kept only on acronyms and titles, and
    a clipped article is a word of its own ("l’accord": "l", "accord")."""
    out = []
    for m in _patterns(language)[1].finditer(text):
        word, start, end = m.group(), m.start(), m.end()
        if word.endswith(".") and not _ACRONYM.match(word):
            if word[:-1].lower() not in language.titles:
                word, end = word[:-1], end - 1
        head, apostrophe, tail = word.replace("’", "'").partition("'")
        if apostrophe and tail and head.lower() in language.elisions:
            out.append(Token(word[: len(head)], start, start + len(head)))
            word, start = word[len(head) + 1 :], start + len(head) + 1
        out.append(Token(word, start, end))
    return out


def word_keys(text: str, language: Language = ENGLISH) -> list[str]:
    return [t.key for t in words(text, language)]


@dataclass
class WordUsage:
    """What the article says about words: which are ordinary (seen in lower case, or,
    where every noun is capitalised, used as a noun) and which it capitalises in
    mid-sentence, so are names."""

    language: Language = ENGLISH
    ordinary: set[str] = field(default_factory=set)
    capitalised: set[str] = field(default_factory=set)
    seen: set[str] = field(default_factory=set)
    nouns: set[str] = field(default_factory=set)

    def __post_init__(self) -> None:
        self.ordinary |= self.language.function_words

    def learn(self, sentences: Iterable[str]) -> None:
        for sentence in sentences:
            tokens = words(sentence, self.language)
            for i, token in enumerate(tokens):
                self.seen.add(token.key)
                if token.text[:1].islower():
                    self.ordinary.add(token.key)
                elif i > 0 and token.text[:1].isupper() and not _opens(sentence, token.start):
                    if _after_article(tokens, i, self.language):
                        self.nouns.add(token.key)
                    else:
                        self.capitalised.add(token.key)

    def noun(self, tokens: list[Token], i: int) -> bool:
        """Whether capitalised ``tokens[i]`` is a common noun, where nouns have capitals:
        it follows an article, a number or an adjective, ends like a noun, or is one the
        article uses as a noun (in any of its endings)."""
        language = self.language
        if not language.nouns_capitalised:
            return False
        word = tokens[i].key
        if len(word) > 5 and word.endswith(language.noun_suffixes):
            return True
        stems = {word} | {word[: -len(s)] for s in language.suffixes if word.endswith(s)}
        if stems & self.nouns or any(stem + s in self.nouns for stem in stems for s in ("e", "")):
            return True
        return _after_article(tokens, i, language)


def _after_article(tokens: list[Token], i: int, language: Language) -> bool:
    """Whether ``tokens[i]`` follows an article, a number, or an article and an adjective."""
    if not language.nouns_capitalised or i == 0:
        return False

    def determiner(j: int) -> bool:
        word = tokens[j].text
        return (
            word.lower() in language.determiners
            or word[:1].isdigit()
            or (word.islower() and _number_word(word, language) is not None)
        )

    if determiner(i - 1):
        return True
    before = tokens[i - 1].text
    adjective = (
        before.islower()
        and before not in language.function_words
        and before.endswith(("e", "en", "er", "es", "em"))
    )
    return adjective and i >= 2 and determiner(i - 2)


def _opens(sentence: str, start: int) -> bool:
    """Whether a word at ``start`` begins a sentence or a quotation (capitalised anyway)."""
    before = sentence[:start].rstrip()
    return not before or before[-1] in _OPENERS


def _number_word(token: str, language: Language) -> float | None:
    word = token.lower()
    units = language.units
    if word in units:
        return float(units[word])
    if word in language.ordinals:
        return float(language.ordinals[word])
    if language.compounds and (value := _compound(word, language)) is not None:
        return value
    first, dash, rest = word.partition("-")
    if dash and first in units:  # "twenty-five", and "five-year" as five
        return float(units[first] + (units[rest] if rest in units and "-" not in rest else 0))
    return None


@lru_cache(maxsize=4096)
def _compound(word: str, language: Language) -> float | None:
    """The value of a number word built of others: "dreiundzwanzig", "zweihundert",
    "quatre-vingt-dix", "trentacinque", "drieëntwintig"; ``None`` if it is not one."""
    if len(word) > 40 or not word[:1].isalpha():
        return None
    pieces = sorted(language.units, key=len, reverse=True)
    links = ("", *language.compound_links)
    # readings[i]: the pieces' values that spell word[i:] (tried from the end: no backtracking)
    readings: list[list[int] | None] = [None] * len(word) + [[]]
    for at in range(len(word) - 1, -1, -1):
        for piece in pieces:
            if readings[at] is not None or not word.startswith(piece, at):
                continue
            rest = at + len(piece)
            for link in links:
                after = rest + len(link)
                if word.startswith(link, rest) and (not link or after < len(word)):
                    tail = readings[after] if after <= len(word) else None
                    if tail is not None:
                        readings[at] = [language.units[piece], *tail]
                        break
    parts = readings[0]
    if parts is None or len(parts) < 2:
        return None
    total = current = 0
    for part in parts:
        if part == 100:
            current = (current or 1) * 100
        elif part >= 1000:
            total, current = total + (current or 1) * part, 0
        else:
            current += part
    return float(total + current)


def read_number(token: str, language: Language = ENGLISH) -> tuple[float, float] | None:
    """The value of "1,200" / "4.5" / "21st" / "5m" ("1.200" / "4,5" in German) and the
    step of its last digit."""
    m = _patterns(language)[0].match(token)
    if not m:
        return None
    rest = token[m.end() :].lower()
    if rest and rest not in language.ordinal_suffixes and rest not in language.scales:
        return None
    value, step = _value(m.group(), language)
    if rest in language.scales:
        value, step = value * language.scales[rest], step * language.scales[rest]
    return value, step


def _value(number: str, language: Language) -> tuple[float, float]:
    """A written number's value and the step of its last digit. Where one mark may be
    either (no language known), it groups thousands only before three last digits."""
    decimals = ""
    last = max(number.rfind(mark) for mark in language.decimal)
    if last >= 0 and (number[last] not in language.thousands or len(number) - last != 4):
        number, decimals = number[:last], number[last + 1 :]
    for mark in language.thousands:
        number = number.replace(mark, "")
    return float(number + ("." + decimals if decimals else "")), 10.0 ** -len(decimals)


def _years(value: float) -> bool:
    return value.is_integer() and 1800 <= value <= 2100


def _numbers(
    text: str, tokens: list[Token], skip: list[tuple[int, int]], language: Language
) -> list[Fact]:
    """Numbers, percentages and amounts (with their currency) not inside ``skip`` spans."""
    facts: list[Fact] = []
    scales = language.scales
    i = 0
    while i < len(tokens):
        token = tokens[i]
        if _inside(token.start, skip):
            i += 1
            continue
        parsed = read_number(token.text, language)
        if parsed is None:
            word_value = _number_word(token.text, language)
            following = tokens[i + 1].text.lower() if i + 1 < len(tokens) else ""
            lone = token.text.lower().partition("-")[0] in language.lone
            if word_value is None or (lone and following not in scales):
                i += 1
                continue
            parsed = (word_value, 1.0)
        value, step = parsed
        worded = not token.text[:1].isdigit()
        j = i + 1
        while j < len(tokens) and tokens[j].start - tokens[j - 1].end <= 1:
            nxt = tokens[j].text.lower()
            more = _number_word(nxt, language)
            if nxt in scales and nxt not in {"m", "k"}:
                value, step = value * scales[nxt], step * scales[nxt]
            elif more is not None and value >= 20 and more < value and value % 10 == 0:
                value += more
            elif worded and nxt in language.number_links and j + 1 < len(tokens):
                more = _number_word(tokens[j + 1].text, language)
                if more is None or not more < value or value < 20:
                    break
                value, j = value + more, j + 1
            else:
                break
            j += 1
        start, end = token.start, tokens[j - 1].end
        kind = "number"
        after = tokens[j].text.lower() if j < len(tokens) else ""
        second = tokens[j + 1].text.lower() if j + 1 < len(tokens) else ""
        if percent := _PERCENT_SIGN.match(text, end):
            kind, end = "percent", percent.end()
        elif after in language.percent:
            kind, end = "percent", tokens[j].end
        elif (after, second) in language.percent_phrases:
            kind, end = "percent", tokens[j + 1].end
        elif after in language.currency:
            kind, end = "amount", tokens[j].end
        elif after in language.amount_links and second in language.currency:
            kind, end = "amount", tokens[j + 1].end
        elif signed := _signed(text, start, end, tokens[j - 1].text.lower() in scales):
            kind, (start, end) = "amount", signed
        facts.append(Fact(kind, text[start:end], start, end, value=value, step=step))
        i = j
        while i < len(tokens) and tokens[i].start < end:  # "pour cent", "de euros"
            i += 1
    return facts


def _signed(text: str, start: int, end: int, scaled: bool) -> tuple[int, int] | None:
    """The span of a number with its currency sign before ("$5", "€ 5") or after
    ("5 €", "2,5 Mio. €"), if it has one."""
    sign = start - 1 - (start >= 2 and text[start - 1] in _SPACE)
    if sign >= 0 and text[sign] in _CURRENCY_SIGNS:
        return sign, end
    skip = 1 if scaled and text[end : end + 1] == "." else 0
    if after := _SIGN_AFTER.match(text, end + skip):
        return start, after.end()
    return None


def _dates(text: str, tokens: list[Token], language: Language) -> list[Fact]:
    """Dates: "4 March 2025", "March 4", "4th of March", "3. März", "3 de marzo de 2025",
    "March 2025", weekdays, ISO and dotted dates."""
    facts = []
    for m in _ISO_DATE.finditer(text):
        y, mo, d = (int(g) for g in m.groups())
        facts.append(Fact("date", m.group(), m.start(), m.end(), date=(y, mo, d)))
    for m in _DOTTED_DATE.finditer(text):
        d, mo, y = (int(g) for g in m.groups())
        if 1 <= mo <= 12 and 1 <= d <= 31:
            facts.append(Fact("date", m.group(), m.start(), m.end(), date=(y, mo, d)))
    for m in _SLASH_DATE.finditer(text):
        a, b, y = (int(g) for g in m.groups())
        y += 2000 if y < 100 else 0
        # Day-first and month-first readings are both kept: either may match.
        facts.append(Fact("date", m.group(), m.start(), m.end(), date=(y, b, a), ambiguous=True))
    taken = [(f.start, f.end) for f in facts]
    months, links = language.months, language.date_links
    for i, token in enumerate(tokens):
        low = token.text.lower().rstrip(".")
        if _inside(token.start, taken):
            continue
        if low in language.weekdays:
            facts.append(Fact("date", token.text, token.start, token.end, words=(low,)))
            continue
        if low not in months or (language.months_capitalised and not token.text[0].isupper()):
            continue
        first, last = i, i
        day: int | None = None
        year: int | None = None
        before = _day(tokens[i - 1].text, language) if i >= 1 else None
        if before is not None:
            first, day = i - 1, before
        elif i >= 2 and tokens[i - 1].text.lower() in links and _day(tokens[i - 2].text, language):
            first, day = i - 2, _day(tokens[i - 2].text, language)
        if day is None and i + 1 < len(tokens):
            if (after := _day(tokens[i + 1].text, language)) is not None:
                last, day = i + 1, after
        following = last + 1
        if following + 1 < len(tokens) and tokens[following].text.lower() in links:
            following += 1
        number = read_number(tokens[following].text, language) if following < len(tokens) else None
        if number is not None and _years(number[0]):
            last, year = following, int(number[0])
        start, end = tokens[first].start, tokens[last].end
        facts.append(Fact("date", text[start:end], start, end, date=(year, months[low], day)))
        taken.append((start, end))
    return facts


def _day(word: str, language: Language = ENGLISH) -> int | None:
    parsed = read_number(word, language)
    if parsed and parsed[0].is_integer() and 1 <= parsed[0] <= 31 and word[:2].isalnum():
        return int(parsed[0]) if not any(c in word for c in ",.") else None
    return None


def _quotes(text: str, language: Language) -> list[Fact]:
    facts = []
    for m in _patterns(language)[2].finditer(text):
        inner = next(g for g in m.groups() if g is not None)
        keys = tuple(word_keys(inner, language))
        if keys:
            facts.append(Fact("quote", m.group(), m.start(), m.end(), words=keys))
    return facts


def _ordinary(token: Token, lexicon: WordUsage) -> bool:
    """An everyday word ("The", "Officials"), not an acronym like "US"."""
    acronym = token.text.isupper() and len(token.key) > 1
    return token.key in lexicon.ordinary and not acronym


def _names(text: str, tokens: list[Token], lexicon: WordUsage, blocked: bytearray) -> list[Fact]:
    """Runs of capitalised tokens that are names, with their checkable keys."""
    facts = []
    run: list[Token] = []
    language = lexicon.language
    connectors = language.connectors

    def close() -> None:
        while run and run[-1].key in connectors:
            run.pop()
        keys = tuple(
            t.key
            for t in run
            if not language.title(t.key) and t.key not in connectors and not _ordinary(t, lexicon)
        )
        # "Prices rose...": a name only if the article has the word at all; where nouns
        # have capitals, only if the article capitalises it inside a sentence, unled
        known = lexicon.capitalised if lexicon.language.nouns_capitalised else lexicon.seen
        lone_opener = len(run) == 1 and _opens(text, run[0].start) and run[0].key not in known
        if keys and not lone_opener:
            start, end = run[0].start, run[-1].end
            facts.append(Fact("name", text[start:end], start, end, words=keys))
        run.clear()

    for i, token in enumerate(tokens):
        if run and text[run[-1].end : token.start].strip():
            close()  # punctuation between two capitalised words ends the name
        if blocked[token.start] or token.text[:1].isdigit():
            close()
        elif token.text[:1].isupper() and lexicon.noun(tokens, i) and not language.title(token.key):
            close()
        elif token.text[:1].isupper() and not (
            _opens(text, token.start) and _ordinary(token, lexicon)
        ):
            run.append(token)
        elif run and token.key in connectors and token.text.islower():
            run.append(token)
        else:
            close()
    close()
    return facts


def _inside(position: int, spans: list[tuple[int, int]]) -> bool:
    return any(s <= position < e for s, e in spans)


def extract(text: str, lexicon: WordUsage) -> list[Fact]:
    """The facts of ``text``, in order: quotes, dates, numbers, then names."""
    language = lexicon.language
    tokens = words(text, language)
    quotes = _quotes(text, language)
    quoted = [(f.start, f.end) for f in quotes]
    dates = [f for f in _dates(text, tokens, language) if not _inside(f.start, quoted)]
    numbers = _numbers(text, tokens, quoted + [(f.start, f.end) for f in dates], language)
    blocked = bytearray(len(text) + 1)
    for f in quotes + dates + numbers:
        blocked[f.start : f.end] = b"\x01" * (f.end - f.start)
    # without a table, a capital says too little (every sentence opener would be a name)
    names = _names(text, tokens, lexicon, blocked) if language.code else []
    return sorted(quotes + dates + numbers + names, key=lambda f: f.start)


class Inventory:
    """The normalised facts a piece of article text contains, for look-ups."""

    def __init__(self, text: str, lexicon: WordUsage) -> None:
        facts = extract(text, lexicon)
        self.language = language = lexicon.language
        self.keys = set(word_keys(text, language))
        self.sequence = " " + " ".join(word_keys(text, language)) + " "
        self.values = [(f.value, f.kind) for f in facts if f.kind not in {"date", "quote", "name"}]
        self.values += [
            (_value(m.group(), language)[0], "number")
            for m in _patterns(language)[0].finditer(text)
        ]
        self.dates = [f for f in facts if f.kind == "date"]
        self.values += [(float(f.date[0]), "number") for f in self.dates if f.date[0]]
        self.initials = {
            "".join(w[0] for w in word_keys(f.text, language) if w not in language.connectors)
            for f in facts
            if f.kind == "name" and len(f.text.split()) > 1
        }
        self.names = {" ".join(f.words) for f in facts if f.kind == "name"}

    def has(self, fact: Fact) -> bool:
        """Whether this text states ``fact`` (in any of its normalised forms)."""
        if fact.kind == "quote":
            parts = [word_keys(p, self.language) for p in _QUOTE_PARTS.split(fact.text)]
            return all(" " + " ".join(p) + " " in self.sequence for p in parts if p)
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
