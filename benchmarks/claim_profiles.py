"""What the case generator needs to know of each language it writes cases in: words it
may swap for synonyms, invented quotations and how to quote them, how two sentences
are fused, which relative clauses may be dropped, capitalised words that are no
people, and how a fact may be written another way ("11 Prozent" as "11 %").

The German, French and Spanish articles are ours, in ``claim_articles/<code>/``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from summarise.claims.languages import Language, table

Rule = tuple[str, Callable[[re.Match[str]], str]]


@dataclass
class Profile:
    """One language's generator settings (see the module docstring)."""

    code: str
    synonyms: dict[str, str]
    invented: list[str]
    quote: tuple[str, str]
    quote_tail: str
    joiner: str
    relatives: str
    not_people: set[str]
    rules: list[Rule] = field(default_factory=list)

    @property
    def language(self) -> Language:
        return table(self.code)


def _months(code: str) -> str:
    """The language's full month names, as a regex alternative (case as written)."""
    first: dict[int, str] = {}
    for name, number in table(code).months.items():
        first.setdefault(number, name)
    written = [m.capitalize() if table(code).months_capitalised else m for m in first.values()]
    return "|".join(written)


def _number_words(code: str) -> str:
    language = table(code)
    skip = language.lone | {"dutzend", "douzaine", "docena"}
    return "|".join(sorted((w for w in language.units if w not in skip), key=len, reverse=True))


def _digits_rule(code: str) -> Rule:
    """A number word before a word as digits: "drei Schulen" as "3 Schulen"."""
    units = table(code).units
    return (rf"\b({_number_words(code)}) (?=[^\W\d_])", lambda m: f"{units[m.group(1)]} ")


def _grouping_rule(separator: str) -> Rule:
    """Thousands written without their separator: "12.000" as "12000"."""
    sep = re.escape(separator)
    return (rf"\b(\d{{1,3}}){sep}(\d{{3}})\b(?![{sep},]\d)", lambda m: m.group(1) + m.group(2))


def _month_number(code: str, name: str) -> int:
    return table(code).months[name.lower()]


def _german_rules() -> list[Rule]:
    months = _months("de")
    return [
        (r"(\d) ?Prozent\b", lambda m: m.group(1) + " %"),
        (r"(\d) ?%", lambda m: m.group(1) + " Prozent"),
        _digits_rule("de"),
        _grouping_rule("."),
        (
            rf"\b(\d{{1,2}})\. ({months}) (\d{{4}})\b",
            lambda m: f"{m.group(1)}.{_month_number('de', m.group(2))}.{m.group(3)}",
        ),
        (r"\bMillionen Euro\b", lambda m: "Mio. Euro"),
    ]


def _french_rules() -> list[Rule]:
    months = _months("fr")
    return [
        (r"(\d) ?pour cent\b", lambda m: m.group(1) + " %"),
        (r"(\d) ?%", lambda m: m.group(1) + " pour cent"),
        _digits_rule("fr"),
        _grouping_rule(" "),
        (
            rf"\b(\d{{1,2}}) ({months}) (\d{{4}})\b",
            lambda m: f"{m.group(1)}/{_month_number('fr', m.group(2)):02d}/{m.group(3)}",
        ),
        (r"\bmillions d’euros\b", lambda m: "millions d'euros"),
    ]


def _spanish_rules() -> list[Rule]:
    months = _months("es")
    return [
        (r"(\d) ?por ciento\b", lambda m: m.group(1) + " %"),
        (r"(\d) ?%", lambda m: m.group(1) + " por ciento"),
        _digits_rule("es"),
        _grouping_rule("."),
        (
            rf"\b(\d{{1,2}}) de ({months}) de (\d{{4}})\b",
            lambda m: f"{m.group(1)}/{_month_number('es', m.group(2))}/{m.group(3)}",
        ),
        (rf"\b(\d{{1,2}}) de ({months})\b(?! de \d)", lambda m: f"{m.group(2)} {m.group(1)}"),
    ]


GERMAN = Profile(
    code="de",
    synonyms={
        "sagte": "erklärte",
        "kritisierten": "bemängelten",
        "warnte": "mahnte",
        "begrüßte": "lobte",
        "versprach": "versicherte",
        "rund": "etwa",
        "etwa": "ungefähr",
        "gestiegen": "gewachsen",
        "beginnen": "starten",
        "verschob": "vertagte",
        "besuchte": "bereiste",
        "erhielt": "bekam",
        "bauen": "errichten",
        "schätzen": "beziffern",
        "stieg": "kletterte",
        "scharf": "heftig",
        "bisher": "bislang",
        "zuletzt": "zum Schluss",
        "weitere": "zusätzliche",
    },  # fmt: skip
    invented=[
        "ein schwarzer Tag für die Stadt",
        "ein Sieg der Vernunft",
        "ein Skandal ohne Beispiel",
        "die beste Nachricht des Jahres",
        "ein Schlag ins Gesicht aller Bürger",
        "das Ende einer langen Geschichte",
    ],  # fmt: skip
    quote=("„", "“"),
    quote_tail=", so hieß es: „{}“",
    joiner=", und ",
    relatives=(  # a relative clause ends with its verb
        r", (?:der|die|das|den|dem|deren|dessen) [^,\"„“]{5,80} "
        r"(?:ist|sind|war|waren|hat|haben|hatte|hatten|wird|werden|wurde|wurden),(?= )"
    ),
    not_people={"technisches", "hilfswerk", "deutsche", "wetterdienst", "verdi", "grünen"},
    rules=_german_rules(),
)

FRENCH = Profile(
    code="fr",
    synonyms={
        "déclaré": "affirmé",
        "inauguré": "ouvert",
        "réclame": "exige",
        "dénoncé": "fustigé",
        "promis": "assuré",
        "estime": "juge",
        "environ": "quelque",
        "commencé": "débuté",
        "mécontents": "insatisfaits",
        "appelé": "invité",
        "reçu": "accueilli",
        "expliqué": "indiqué",
        "annoncé": "indiqué",
        "salué": "loué",
        "regretté": "déploré",
        "chuté": "reculé",
        "touché": "frappé",
        "chantier": "projet",
        "pourtant": "cependant",
    },  # fmt: skip
    invented=[
        "un jour noir pour la ville",
        "une victoire du bon sens",
        "un scandale sans précédent",
        "la meilleure nouvelle de l’année",
        "une gifle pour tous les habitants",
        "la fin d’une longue histoire",
    ],  # fmt: skip
    quote=("« ", " »"),
    quote_tail=", selon un témoin : « {} »",
    joiner=", et ",
    relatives=r", (?:qui|dont|que) [^,\"«»]{5,80},(?= )",
    not_people={"cour", "palais", "papes", "château", "lestrade", "comédie", "arceaux"},
    rules=_french_rules(),
)

SPANISH = Profile(
    code="es",
    synonyms={
        "dijo": "afirmó",
        "afirmó": "aseguró",
        "pidió": "solicitó",
        "calcula": "estima",
        "creció": "aumentó",
        "alcanzaron": "sumaron",
        "construir": "levantar",
        "quiere": "pretende",
        "prometió": "aseguró",
        "entregó": "presentó",
        "visitó": "recorrió",
        "explicó": "señaló",
        "reconoció": "admitió",
        "empleados": "trabajadores",
        "empresa": "compañía",
        "temen": "recelan",
        "además": "también",
        "unas": "aproximadamente",
        "todavía": "aún",
    },  # fmt: skip
    invented=[
        "un día negro para la ciudad",
        "una victoria del sentido común",
        "un escándalo sin precedentes",
        "la mejor noticia del año",
        "una bofetada a todos los vecinos",
        "el final de una larga historia",
    ],  # fmt: skip
    quote=("«", "»"),
    quote_tail=", en palabras de un testigo: «{}»",
    joiner=", y ",
    relatives=r", (?:que|quien|quienes|cuyo|cuya) [^,\"«»]{5,80},(?= )",
    not_people={
        "autoridad",
        "portuaria",
        "agencia",
        "catalana",
        "universidad",
        "acción",
        "climática",
        "estados",
        "unidos",
        "dos",
        "hermanas",
        "helios",
        "capital",
        "solaria",
        "labs",
        "prat",
        "gobierno",
        "junta",
        "agua",
        "ayuntamiento",
    },  # fmt: skip
    rules=_spanish_rules(),
)

PROFILES = {p.code: p for p in (GERMAN, FRENCH, SPANISH)}
