"""What the package returns: summaries and answers, as plain dataclasses.

Kept apart from the models that make them, so the fallbacks, the CLI, the web
app and the batch job use the types without importing any model code. Each
type has ``to_dict()``: the one JSON shape every output (CLI ``--json``, API
endpoints, batch records) uses.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, replace
from typing import Any

SCORE_DIGITS = 6


@dataclass
class Summary:
    """A summary and how it was made: "abstractive" (a model) or "extractive" (fallback)."""

    text: str
    chunks: int
    seconds: float
    method: str = "abstractive"
    model: str = ""

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["seconds"] = round(self.seconds, 3)
        return data


@dataclass
class Answer:
    """One answer: a span of the context (``context[start:end] == text``).

    ``method`` is "reader" for an extracted span and "passage" for a fallback
    evidence sentence; ``original_*`` are offsets into the raw input and
    ``evidence_*`` the sentence(s) around the answer, both filled in by
    ``Document`` (see :meth:`located`).
    """

    text: str
    score: float
    start: int
    end: int
    method: str = "reader"
    model: str = ""
    original_start: int | None = None
    original_end: int | None = None
    evidence_start: int | None = None
    evidence_end: int | None = None

    def located(self, original: tuple[int, int], evidence: tuple[int, int]) -> Answer:
        """A copy with its raw-input offsets and evidence span filled in."""
        return replace(
            self,
            original_start=original[0],
            original_end=original[1],
            evidence_start=evidence[0],
            evidence_end=evidence[1],
        )

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["score"] = round(self.score, SCORE_DIGITS)
        return data
