"""What the package returns: summaries, their claims and answers, as plain dataclasses.

Kept apart from the models that make them, so the fallbacks, the CLI, the web
app and the batch job use the types without importing any model code. Each
type has ``to_dict()``: the one JSON shape every output (CLI ``--json``, API
endpoints, batch records) uses.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, replace
from typing import Any

SCORE_DIGITS = 6
NO_ANSWER = "The text does not seem to say."  # what the apps show when no answer is found


@dataclass
class Evidence:
    """An article sentence a claim rests on: offsets into the cleaned text and,
    when known, the raw input; ``score`` is its alignment with the claim."""

    text: str
    start: int
    end: int
    score: float
    original_start: int | None = None
    original_end: int | None = None


@dataclass
class Flag:
    """A fact of a claim that its evidence does not state; offsets in the summary.

    ``in_article`` tells whether the article states it elsewhere (a fact put in
    the wrong place) or nowhere at all (invented).
    """

    text: str
    kind: str
    start: int
    end: int
    in_article: bool = False


@dataclass
class Claim:
    """One summary sentence, its offsets in the summary, how well the article
    supports it (0-1), its evidence and its unsupported facts (see
    :mod:`summarise.claims.verify`)."""

    text: str
    start: int
    end: int
    support: float
    evidence: list[Evidence] = field(default_factory=list)
    unsupported: list[Flag] = field(default_factory=list)

    @property
    def supported(self) -> bool:
        return not self.unsupported

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class Summary:
    """A summary and how it was made: "abstractive" (a model) or "extractive" (fallback).

    ``claims`` checks each sentence against the article (filled by ``Document.summary``).
    """

    text: str
    chunks: int
    seconds: float
    method: str = "abstractive"
    model: str = ""
    claims: list[Claim] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["seconds"] = round(self.seconds, 3)
        data["claims"] = [c.to_dict() for c in self.claims]
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
