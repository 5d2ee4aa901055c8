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


def paragraph(i: int) -> tuple[str, list[tuple[str, str]]]:
    town = TOWNS[i % len(TOWNS)] + ("" if i < len(TOWNS) else f" {i // len(TOWNS) + 1}")
    trade = TRADES[i % len(TRADES)]
    mayor = f"{MAYORS[i % len(MAYORS)]} {TOWNS[(i * 7) % len(TOWNS)][:4]}son"
    count = 3 + (i * 13) % 40
    budget = 10 + (i * 17) % 90
    text = (
        f"In {town}, the council opened {count} new {trade} this year, and the mayor, "
        f"{mayor}, said the town would spend {budget} million on roads and schools. "
        f"Residents of {town} voted to keep the harbour open through the winter, while "
        f"shop owners asked for longer opening hours on market days. Officials said the "
        f"plan would be reviewed in the spring after a public consultation with local groups."
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
