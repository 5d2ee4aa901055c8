"""Size limits, configurable by environment, each with a message naming it."""

from __future__ import annotations

import os
import time
from dataclasses import dataclass, field

from .errors import LimitError


def _env_int(name: str, default: int) -> int:
    try:
        return int(os.environ.get(name, default))
    except ValueError:
        return default


@dataclass(frozen=True)
class Deadline:
    """When a request must stop; checked between model batches."""

    at: float
    seconds: int

    def check(self, task: str) -> None:
        if time.monotonic() > self.at:
            raise LimitError(
                f"{task} took longer than the time budget of {self.seconds} seconds "
                "(SUMMARISE_MAX_SECONDS); shorten the text or raise the budget."
            )


@dataclass(frozen=True)
class Limits:
    """Maximum sizes accepted by the library, CLI, web app and batch job."""

    max_chars: int = field(default_factory=lambda: _env_int("SUMMARISE_MAX_CHARS", 300_000))
    max_question_chars: int = field(
        default_factory=lambda: _env_int("SUMMARISE_MAX_QUESTION_CHARS", 300)
    )
    max_questions: int = field(default_factory=lambda: _env_int("SUMMARISE_MAX_QUESTIONS", 20))
    max_file_bytes: int = field(
        default_factory=lambda: _env_int("SUMMARISE_MAX_FILE_BYTES", 10_000_000)
    )
    max_seconds: int = field(default_factory=lambda: _env_int("SUMMARISE_MAX_SECONDS", 300))

    def deadline(self) -> Deadline:
        """The time budget of one request, starting now."""
        return Deadline(time.monotonic() + self.max_seconds, self.max_seconds)

    def check_text(self, text: str) -> None:
        if len(text) > self.max_chars:
            raise LimitError(
                f"The text is {len(text):,} characters long, over the limit of "
                f"{self.max_chars:,} (SUMMARISE_MAX_CHARS); shorten it or split it."
            )

    def check_questions(self, questions: list[str]) -> None:
        if len(questions) > self.max_questions:
            raise LimitError(
                f"{len(questions)} questions were asked at once, over the limit of "
                f"{self.max_questions} (SUMMARISE_MAX_QUESTIONS); ask fewer at a time."
            )
        for question in questions:
            if len(question) > self.max_question_chars:
                raise LimitError(
                    f"A question is {len(question):,} characters long, over the limit of "
                    f"{self.max_question_chars} (SUMMARISE_MAX_QUESTION_CHARS); shorten it."
                )

    def check_file_size(self, size: int) -> None:
        if size > self.max_file_bytes:
            raise LimitError(
                f"The file is {size:,} bytes, over the limit of {self.max_file_bytes:,} "
                "(SUMMARISE_MAX_FILE_BYTES); upload a smaller file."
            )
