"""Benchmark texts and questions: the mission article, our example, a 10,000-word report.

The long report is assembled from our own example article and generated
paragraphs about fictional towns, each with facts a question can ask about.
"""

from __future__ import annotations

import json
from pathlib import Path

ROOT = Path(__file__).resolve().parent
EXAMPLES = ROOT.parent / "summarise" / "examples"
MISSION = ROOT.parent.parent / "shared" / "mission"

TOWNS = [
    "Alderwick",
    "Brookford",
    "Cairnmouth",
    "Dalebridge",
    "Elmstead",
    "Fenwick",
    "Glenholt",
    "Holtby",
    "Ingleton",
    "Jurafield",
    "Kestrel Bay",
    "Larkhill",
    "Millbrook",
    "Northam",
    "Oakmere",
    "Pinecliff",
    "Quarrydale",
    "Rushford",
    "Stonehaven",
    "Thornbury",
]
TRADES = ["bakeries", "bookshops", "clinics", "workshops", "libraries", "ferries"]
MAYORS = ["Ada", "Boris", "Clara", "Dev", "Elena", "Farid", "Greta", "Hugo", "Ines", "Jonas"]


MONTHS = ["January", "March", "April", "June", "August", "September", "October", "December"]
GROUPS = ["fishermen", "teachers", "nurses", "farmers", "students", "pensioners", "shopkeepers"]
PLACES = ["harbour", "library", "market hall", "railway station", "swimming pool", "museum"]


def paragraph(i: int) -> tuple[str, list[tuple[str, str]]]:
    """One town's paragraph; every sentence differs from every other paragraph's."""
    town = TOWNS[i % len(TOWNS)] + ("" if i < len(TOWNS) else f" {i // len(TOWNS) + 1}")
    trade = TRADES[i % len(TRADES)]
    mayor = f"{MAYORS[i % len(MAYORS)]} {TOWNS[(i * 7) % len(TOWNS)][:4]}son"
    count = 3 + (i * 13) % 40
    budget = 10 + (i * 17) % 90
    month = MONTHS[(i * 3) % len(MONTHS)]
    group = GROUPS[(i * 5) % len(GROUPS)]
    place = PLACES[(i * 11) % len(PLACES)]
    votes = 1200 + i * 37
    text = (
        f"In {town}, the council opened {count} new {trade} this year, and the mayor, "
        f"{mayor}, said the town would spend {budget} million on roads and schools. "
        f"{votes} residents of {town} voted to keep the {place} open through the winter, "
        f"while {group} asked for {(i % 5) + 2} more hours on market days. Officials in "
        f"{town} said the plan would be reviewed in {month} {2030 + i % 7} after hearing "
        f"{i % 9 + 3} local {group} groups."
    )
    questions = [
        (f"Who is the mayor of {town}?", mayor),
        (f"How many new {trade} did {town} open?", str(count)),
    ]
    return text, questions


def long_article(words: int = 10_000) -> str:
    return long_article_with_questions(words)[0]


def long_article_with_questions(words: int = 10_000) -> tuple[str, list[dict]]:
    example = (EXAMPLES / "fisheries_talks.txt").read_text(encoding="utf-8")
    title, *body = example.split("\n\n")
    parts, questions, i = [title], [], 0
    while sum(len(p.split()) for p in parts) < words:
        text, qs = paragraph(i)
        parts.append(text)
        if i % 4 == 0:
            questions += [{"question": q, "answers": [a]} for q, a in qs]
        if i == 60:
            parts += body  # the example's facts sit deep in the report
        i += 1
    spec = json.loads((EXAMPLES / "questions.json").read_text(encoding="utf-8"))
    return "\n\n".join(parts), questions + spec["questions"]


def report_excerpt(paragraphs: int = 16) -> tuple[str, list[dict]]:
    """The report's first paragraphs (about 1,200 words) with two questions per town."""
    parts, questions = [], []
    for i in range(paragraphs):
        text, qs = paragraph(i)
        parts.append(text)
        questions += [{"question": q, "answers": [a]} for q, a in qs]
    return "\n\n".join(parts), questions


def mission() -> tuple[str, list[dict]] | None:
    if not (MISSION / "article.txt").exists():
        return None
    spec = json.loads((MISSION / "questions.json").read_text(encoding="utf-8"))
    return (MISSION / spec["article"]).read_text(encoding="utf-8"), spec["questions"]
