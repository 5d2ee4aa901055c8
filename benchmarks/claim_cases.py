"""Cases for checking summaries, generated from our example articles (English), and
from our German, French and Spanish ones in ``claim_articles/`` (see ``claim_profiles``).

Every article sentence that states a fact is paraphrased lightly (a clause
moved, a word or two swapped for a synonym, a number or date written another
way, a relative clause dropped); consecutive paraphrases, two neighbours now
and then fused into one sentence, form clean summaries of five sentences. Each
summary is then copied once per sentence and error kind with one injected
error: a number changed, a person's name replaced by another person's from the
same article, a date moved, an invented quotation.
"""

from __future__ import annotations

import math
import random
import re
import sys
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from articles import EXAMPLES, report_excerpt  # noqa: E402
from claim_profiles import PROFILES  # noqa: E402

from summarise.claims.facts import (  # noqa: E402
    Fact,
    Inventory,
    WordUsage,
    extract,
    key,
    number_pattern,
    read_number,
)
from summarise.claims.languages import Language, table  # noqa: E402
from summarise.claims.vocabulary import MONTHS, UNITS  # noqa: E402
from summarise.language.sentences import sentence_spans  # noqa: E402

SUMMARY_SENTENCES = 5
KINDS = ["number", "name", "date", "quote"]
LANGUAGES = ["en", *PROFILES]
CLAIM_ARTICLES = Path(__file__).resolve().parent / "claim_articles"
_DOZENS = {"dozen", "dutzend", "douzaine", "docena", "dozzina", "dúzia", "dozijn"}
_QUOTES = '"“”„«»'  # sentences with these are not fused or reordered
SYNONYMS = {
    "said": "stated", "says": "states", "told": "informed", "about": "around",
    "promised": "pledged", "expected": "anticipated", "largest": "biggest", "buy": "acquire",
    "rival": "competitor", "company": "firm", "homes": "houses", "warned": "cautioned",
    "rose": "climbed", "fell": "dropped", "begin": "start", "build": "construct",
    "plan": "proposal", "almost": "nearly", "received": "got", "spend": "invest",
    "visited": "toured", "complained": "grumbled", "argued": "contended", "urged": "pressed",
    "people": "residents", "started": "began", "agreed": "consented", "held": "staged",
    "town": "municipality", "shortly": "soon", "reported": "announced", "vote": "ballot",
    "gathered": "met", "damage": "destruction", "protest": "demonstration", "sent": "dispatched",
}  # fmt: skip
INVENTED_QUOTES = [
    "a turning point for everyone involved",
    "a disaster waiting to happen",
    "the fairest outcome we could hope for",
    "nothing short of a scandal",
    "a victory for common sense",
    "the worst week of my working life",
]
NOT_PEOPLE = {
    "sea", "islands", "union", "hospital", "bay", "energy", "capital", "research", "software",
    "systems", "party", "association", "valley", "bridge", "hall", "river", "council",
    "service", "city", "street", "green", "new", "york", "st", "kestrel", "harbour", "arden",
    "patients",
}  # fmt: skip
_INTRO = re.compile(
    r"^((?:On|In|During|After|Before|According to|At|By|Since|Under)\b[^,\"“]{3,60}), "
)
_WEEKDAY = re.compile(
    r" on ((?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
    r"(?: (?:morning|afternoon|evening|night))?)(?=[ ,.])"
)


@dataclass
class Case:
    """One summary; ``kind`` is "clean" or the injected error, ``error`` its span."""

    article: str
    summary: str
    kind: str
    sentence: int
    error: tuple[int, int] | None = None
    sources: list[list[int]] | None = None


def articles(language: str = "en") -> list[tuple[str, str]]:
    """(name, text) of each example article and a generated report excerpt; in another
    language, our articles in that language."""
    if language != "en":
        folder = CLAIM_ARTICLES / language
        return [(p.stem, p.read_text(encoding="utf-8")) for p in sorted(folder.glob("*.txt"))]
    found = [
        (p.stem, p.read_text(encoding="utf-8"))
        for p in sorted(EXAMPLES.glob("*.txt"))
        if not p.stem.endswith("_page")
    ]
    return found + [("town_report", report_excerpt(6)[0])]


def shared_articles(limit: int = 40) -> list[tuple[str, str]]:
    """Real pages from ``../shared`` when present (read, never copied): the mission
    article and the cleaner's gold texts that read as prose, 300-1,500 words."""
    shared = EXAMPLES.parents[2] / "shared"
    found = []
    mission = shared / "mission" / "expected_clean.txt"
    if mission.exists():
        found.append(("mission", mission.read_text(encoding="utf-8")))
    for path in sorted((shared / "cleaner-dev").glob("*.gold.txt")):
        text = path.read_text(encoding="utf-8")
        paragraphs = [p.strip() for p in text.split("\n\n") if p.strip()]
        prose = sum(
            p.endswith((".", '"', "”", "?", "!")) and len(p.split()) > 12 for p in paragraphs
        )
        if 300 <= len(text.split()) <= 1500 and prose >= 0.7 * len(paragraphs):
            if not any(c in text for c in "{}<>"):
                found.append((path.name.removesuffix(".gold.txt"), text))
    return found[:limit]


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _lower_first(text: str, lexicon: WordUsage) -> str:
    first = text.split(" ", 1)[0]
    return (
        text
        if key(first) in lexicon.capitalised or first.isupper()
        else text[:1].lower() + text[1:]
    )


def paraphrase(sentence: str, lexicon: WordUsage, rng: random.Random) -> str:
    """Move one clause and swap up to two words for synonyms, keeping every fact."""
    code = lexicon.language.code
    profile = PROFILES.get(code)
    synonyms = profile.synonyms if profile else SYNONYMS
    joiner = profile.joiner if profile else ", and "
    english = profile is None
    moves = []
    if english and (m := _INTRO.match(sentence)) and sentence[-1] in ".!?":
        rest = sentence[m.end() : -1]
        moves.append(f"{_capital(rest)}, {_lower_first(m.group(1), lexicon)}{sentence[-1]}")
    quoted = any(q in sentence for q in _QUOTES)
    if english and (m := _WEEKDAY.search(sentence)) and m.start() > 0 and not quoted:
        rest = sentence[: m.start()] + sentence[m.end() :]
        moves.append(f"On {m.group(1)}, {_lower_first(rest, lexicon)}")
    head, sep, tail = sentence.partition(joiner)
    if sep and not quoted and len(head.split()) >= 5 and len(tail.split()) >= 5:
        moves.append(f"{_capital(tail[:-1])}{joiner}{_lower_first(head, lexicon)}{tail[-1]}")
    text = rng.choice(moves) if moves else sentence
    if rng.random() < 0.5:
        text = reformat(text, rng, code)
    if rng.random() < 0.5:
        text = _drop_clause(text, code)
    protected = [(f.start, f.end) for f in extract(text, lexicon)]
    options = [
        m
        for m in re.finditer(r"[A-Za-z]+" if english else r"[^\W\d_]+", text)
        if m.group().lower() in synonyms and not any(s <= m.start() < e for s, e in protected)
    ]
    for m in sorted(rng.sample(options, min(2, len(options))), key=lambda m: -m.start()):
        word = synonyms[m.group().lower()]
        word = _capital(word) if m.group()[0].isupper() else word
        text = text[: m.start()] + word + text[m.end() :]
    return text


def reformat(text: str, rng: random.Random, language: str = "en") -> str:
    """Write one fact another way: "11 percent" as "11%", "five" as "5", "U.S." as "US",
    "38,000" as "38000", "2 June 2025" as "June 2, 2025", "European Union" as "EU"
    (in other languages, the profile's rules)."""
    if language in PROFILES:
        return _apply(list(PROFILES[language].rules), text, rng)
    months = "|".join(m.capitalize() for m in MONTHS if len(m) > 3)
    units = "|".join(w for w in UNITS if w not in {"one", "zero", "dozen"})
    rules = [
        (r"(\d) ?(?:percent|per cent)\b", lambda m: m.group(1) + "%"),
        (r"(\d)%", lambda m: m.group(1) + " per cent"),
        (rf"\b({units}) (?=[a-z])", lambda m: f"{UNITS[m.group(1)]} "),
        (r"\b(\d{1,3}),(\d{3})\b", lambda m: m.group(1) + m.group(2)),
        (
            rf"\b(\d{{1,2}}) ({months})( \d{{4}})?",
            lambda m: f"{m.group(2)} {m.group(1)}" + (f",{m.group(3)}" if m.group(3) else ""),
        ),
        (rf"\b({months}) (\d{{1,2}})\b(?!,)", lambda m: f"{m.group(2)} {m.group(1)}"),
        (r"\bU\.S\.", lambda m: "US"),
        (r"\bEuropean Union\b", lambda m: "EU"),
    ]
    return _apply(rules, text, rng)


def _apply(rules: list, text: str, rng: random.Random) -> str:
    """The first rule, in a random order, that applies outside quotations."""
    rng.shuffle(rules)
    quoted = [m.span() for m in re.finditer(r"“[^”]*”|\"[^\"]*\"|„[^“]*“|«[^»]*»", text)]
    for pattern, change in rules:
        for m in re.finditer(pattern, text):
            if not any(s <= m.start() < e for s, e in quoted):
                return text[: m.start()] + change(m) + text[m.end() :]
    return text


def _drop_clause(text: str, language: str = "en") -> str:
    """Drop a ", who ...," or ", which ...," clause, as summaries compress."""
    profile = PROFILES.get(language)
    m = re.search(profile.relatives if profile else r", (?:who|which) [^,\"“”]{5,80},", text)
    return text[: m.start()] + text[m.end() - 1 :] if m else text


def _spell(value: int, template: str, language: Language) -> str | None:
    """``value`` written the way ``template`` is: in words, or digits grouped or not."""
    if template.isalpha():
        units, ordinals = language.units, language.ordinals
        names = {v: k for k, v in {**units, **ordinals}.items() if k not in _DOZENS}
        words = ordinals if template.lower() in ordinals else units
        word = next((k for k, v in words.items() if v == value and k not in _DOZENS), None)
        word = word or names.get(value)
        return None if word is None else (_capital(word) if template[0].isupper() else word)
    separator = next((c for c in template if c in language.thousands), None)
    return f"{value:,}".replace(",", separator) if separator else str(value)


def _replace(text: str, start: int, end: int, new: str) -> tuple[str, tuple[int, int]]:
    return text[:start] + new + text[end:], (start, start + len(new))


def inject(
    kind: str, text: str, source: Inventory, people: list[str], lexicon: WordUsage, rng
) -> tuple[str, tuple[int, int]] | None:
    """``text`` with one error of ``kind`` and its span, or ``None`` if it has no such fact."""
    facts = extract(text, lexicon)
    language = lexicon.language
    profile = PROFILES.get(language.code)
    if kind == "quote":
        phrase = rng.choice(profile.invented if profile else INVENTED_QUOTES)
        opening, closing = profile.quote if profile else ("“", "”")
        quotes = [f for f in facts if f.kind == "quote"]
        if quotes:
            q = quotes[0]
            return _replace(text, q.start, q.end, f"{opening}{phrase}{closing}")
        if text[-1] not in ".!?" or text.endswith(("”.", '".', "“.", "».")):
            return None
        tail = profile.quote_tail.format(phrase) if profile else f", calling it “{phrase}”"
        return _replace(text, len(text) - 1, len(text) - 1, tail)
    if kind == "name":
        return _swap_name(text, facts, people, rng)
    candidates = []
    written = re.compile(rf"{number_pattern(language).pattern}|[^\W\d_]+(?:-[^\W\d_]+)?")
    for f in facts:
        token = written.search(f.text)
        if token is None:
            continue
        year = f.kind == "number" and 1800 <= f.value <= 2100 and f.step == 1
        if kind == "number" and f.kind in {"number", "percent", "amount"} and not year:
            candidates.append((f, token))
        if kind == "date" and (f.kind == "date" or year):
            candidates.append((f, token))
    rng.shuffle(candidates)
    for f, token in candidates:
        new = _changed(kind, f, token.group(), source, rng, language)
        if new is not None:
            start = f.start + token.start()
            return _replace(text, start, start + len(token.group()), new)
    return None


def _changed(
    kind: str, fact: Fact, token: str, source: Inventory, rng, language: Language
) -> str | None:
    """A different spelling-alike value for ``token`` that the source sentence lacks."""
    low = token.lower()

    def cased(word: str) -> str:
        return _capital(word) if token[0].isupper() or language.code == "en" else word

    if kind == "date" and low in language.weekdays:
        days = list(language.weekdays)
        return cased(rng.choice([d for d in days if d != low and d not in source.keys]))
    months = language.months
    if kind == "date" and low in months:
        first: dict[int, str] = {}
        for name, number in months.items():
            first.setdefault(number, name)
        other = [m for m in first.values() if months[m] != months[low] and m not in source.keys]
        return cased(rng.choice(other))
    parsed = read_number(token, language) if token[:1].isdigit() else None
    if parsed is not None:
        decimals = round(-math.log10(parsed[1]))
        value = parsed[0]
        steps = [1, 2, 3, 5, 7] if kind == "date" else [1, 2, 3, 5, 10, -1, -2]
        rng.shuffle(steps)
        for step in steps:
            new = value + step * 10.0**-decimals
            if kind == "date" and fact.date[2] is not None and not 1 <= new <= 28:
                continue
            scaled = new * (fact.value / value if value else 1)
            if new > 0 and all(
                abs(v - scaled) > 1e-6 and abs(v - new) > 1e-6 for v, _ in source.values
            ):
                if decimals:
                    return f"{new:.{decimals}f}".replace(".", language.decimal)
                return _spell(int(new), token, language)
        return None
    value = int(fact.value) if fact.value.is_integer() else None
    if value is None:
        return None
    for step in (1, 2, 3):
        spelled = low in language.units or low in language.ordinals
        word = _spell(value + step, token, language) if spelled else None
        if word and all(abs(v - (value + step)) > 1e-6 for v, _ in source.values):
            return word
    return None


def people(text: str, lexicon: WordUsage) -> list[str]:
    """Full names of people in ``text``: two or three capitalised words, no place words."""
    found: list[str] = []
    language = lexicon.language
    profile = PROFILES.get(language.code)
    not_people = profile.not_people if profile else NOT_PEOPLE
    for start, end in sentence_spans(text, language.code)[1:]:
        for f in extract(text[start:end], lexicon):
            tokens = [t for t in f.text.split() if not language.title(t.lower().rstrip("."))]
            keys = [t.lower() for t in tokens]
            if f.kind != "name" or not 2 <= len(tokens) <= 3 or set(keys) & not_people:
                continue
            if all(t.isalpha() and t[0].isupper() for t in tokens):
                name = " ".join(tokens)
                if name not in found:
                    found.append(name)
    return found


def _swap_name(text: str, facts: list[Fact], names: list[str], rng):
    """Replace a person's full name (or surname) with another person's from the article."""

    def find(name: str) -> re.Match | None:
        return re.search(rf"(?<!\w){re.escape(name)}(?!\w)", text)

    surnames = {n.split()[-1]: n for n in names}
    present = [n for n in names if find(n)]
    present += [s for s in surnames if find(s) and not find(surnames[s])]
    if not present:
        return None
    old = rng.choice(present)
    if " " in old:
        pool = [n for n in names if not find(n.split()[-1]) and not find(n.split()[0])]
    else:
        pool = [s for s in surnames if not find(s)]
    match = find(old)
    if not pool or match is None:
        return None
    return _replace(text, match.start(), match.end(), rng.choice(pool))


def _units(text: str, lexicon: WordUsage, rng: random.Random) -> list[tuple[str, list[int]]]:
    """Paraphrased summary sentences with the article sentences they restate; now and
    then two short neighbours are fused into one sentence."""
    spans = sentence_spans(text, lexicon.language.code)
    profile = PROFILES.get(lexicon.language.code)
    joiner = profile.joiner if profile else ", and "
    body = [i for i in range(1, len(spans)) if extract(text[slice(*spans[i])], lexicon)]
    units = []
    k = 0
    while k < len(body):
        i = body[k]
        first = paraphrase(text[slice(*spans[i])], lexicon, rng)
        if k + 1 < len(body) and body[k + 1] == i + 1 and rng.random() < 0.25:
            second = paraphrase(text[slice(*spans[i + 1])], lexicon, rng)
            short = len(first.split()) + len(second.split()) <= 45
            if short and first[-1] == "." and not any(q in first + second for q in _QUOTES):
                units.append((f"{first[:-1]}{joiner}{_lower_first(second, lexicon)}", [i, i + 1]))
                k += 2
                continue
        units.append((first, [i]))
        k += 1
    return units


def build_cases(
    seed: int = 13, sources: list[tuple[str, str]] | None = None, language: str = "en"
) -> list[Case]:
    """Clean summaries and their one-error copies, from every article (or ``sources``)
    in ``language``."""
    rng = random.Random(seed)
    cases: list[Case] = []
    for name, text in sources or articles(language):
        spans = sentence_spans(text, language)
        lexicon = WordUsage(table(language))
        lexicon.learn(text[s:e] for s, e in spans)
        names = people(text, lexicon)
        units = _units(text, lexicon, rng)
        for g in range(0, len(units), SUMMARY_SENTENCES):
            group = units[g : g + SUMMARY_SENTENCES]
            clean = [u for u, _ in group]
            cases.append(Case(name, " ".join(clean), "clean", -1, sources=[s for _, s in group]))
            for k, (sentence, sources) in enumerate(group):
                source = Inventory(" ".join(text[slice(*spans[i])] for i in sources), lexicon)
                for kind in KINDS:
                    injected = inject(kind, sentence, source, names, lexicon, rng)
                    if injected is None:
                        continue
                    wrong, (s, e) = injected
                    before = len(" ".join(clean[:k])) + (1 if k else 0)
                    summary = " ".join(clean[:k] + [wrong] + clean[k + 1 :])
                    cases.append(Case(name, summary, kind, k, (before + s, before + e)))
    return cases
