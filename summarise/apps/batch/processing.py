"""One batch record in, one result out: what the local and the Ray engines both run.

Kept apart from :mod:`summarise.apps.batch.job` (reading inputs, writing outputs,
resuming) so that the Ray engine can use it without importing the batch module
that starts it.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from summarise.components import Components, ModelSettings
from summarise.document import Document
from summarise.errors import SummariseError
from summarise.settings import Limits

WARM_UP = "Warm-up text for the batch worker. It loads each model once, before any record."


@dataclass(frozen=True)
class JobSettings:
    """What each record gets: models, summary length, answers per question."""

    models: ModelSettings = field(default_factory=ModelSettings)
    length: str | None = None
    max_words: int | None = None
    top_k: int = 1
    limits: Limits = field(default_factory=Limits)


@dataclass
class Record:
    """An input document: ``id``, ``text``, questions, its language code when the
    input gives one (else detected), and the error met reading it."""

    id: str
    text: str = ""
    questions: list[str] = field(default_factory=list)
    error: str | None = None
    language: str | None = None

    @classmethod
    def from_dict(cls, row: dict[str, Any], n: int = 0) -> Record:
        """A record from a loosely typed input row (``n``: its position, for a missing id).

        ``questions`` may be a list, a JSON list or ``|``-separated text (CSV).
        """
        questions = row.get("questions") or []
        if isinstance(questions, str):
            try:
                questions = json.loads(questions)
            except ValueError:
                questions = [q for q in questions.split("|") if q.strip()]
        text = row.get("text")
        language = row.get("language")  # optional; a missing CSV or Parquet cell is NaN
        error = row.get("error") or None
        if error is None and not isinstance(text, str):
            error = "the record has no text field"
        return cls(
            id=str(row["id"]) if row.get("id") not in (None, "") else f"row-{n + 1}",
            text=text if isinstance(text, str) else "",
            questions=[str(q) for q in questions],
            error=str(error) if error else None,
            language=language.strip() if isinstance(language, str) and language.strip() else None,
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "text": self.text,
            "questions": self.questions,
            "error": self.error,
            "language": self.language,
        }


@dataclass
class Result:
    """An output record: the summary and answers of one document, or its error."""

    id: str
    title: str | None = None
    summary: str | None = None
    summary_method: str | None = None
    summary_model: str | None = None
    claims: list[dict[str, Any]] = field(default_factory=list)  # see results.Claim.to_dict
    answers: list[dict[str, Any]] = field(default_factory=list)  # question, answers
    error: str | None = None

    @classmethod
    def from_dict(cls, row: dict[str, Any]) -> Result:
        """A result read back from an output line (resuming, tests, other tools)."""
        return cls(
            id=str(row["id"]),
            title=row.get("title"),
            summary=row.get("summary"),
            summary_method=row.get("summary_method"),
            summary_model=row.get("summary_model"),
            claims=list(row.get("claims") or []),
            answers=list(row.get("answers") or []),
            error=row.get("error"),
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "title": self.title,
            "summary": self.summary,
            "summary_method": self.summary_method,
            "summary_model": self.summary_model,
            "claims": self.claims,
            "answers": self.answers,
            "error": self.error,
        }


class Processor:
    """Turns records into results; holds one copy of the models, loaded up front."""

    def __init__(self, settings: JobSettings) -> None:
        self.settings = settings
        self.components = Components(settings.models).load()
        Document(WARM_UP, components=self.components)  # fails early on a broken set-up

    def __call__(self, record: Record) -> Result:
        result = Result(id=record.id, error=record.error)
        if record.error:
            return result
        try:
            doc = Document(
                record.text,
                components=self.components,
                limits=self.settings.limits,
                language=record.language,
            )
            summary = doc.summary(length=self.settings.length, max_words=self.settings.max_words)
            result.title = doc.title
            result.summary = summary.text
            result.summary_method = summary.method
            result.summary_model = summary.model
            result.claims = [c.to_dict() for c in summary.claims]
            if record.questions:
                found = doc.ask_many(record.questions, top_k=self.settings.top_k)
                result.answers = [
                    {"question": q, "answers": [a.to_dict() for a in answers]}
                    for q, answers in zip(record.questions, found)
                ]
        except SummariseError as exc:
            result.error = str(exc)
        return result

    def batch(self, records: list[Record]) -> list[Result]:
        return [self(r) for r in records]
