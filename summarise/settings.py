"""Every setting the package reads from its environment, read here and only here.

:func:`current` reads the environment once, into a typed :class:`Settings` that the
rest of the code receives; :func:`reload` reads it again (tests, or a long-lived
process whose environment changed). The README's settings table lists each variable.
"""

from __future__ import annotations

import os
import re
import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from summarise.errors import InputError, LimitError

_TRUE = {"1", "true", "yes", "on"}


@dataclass(frozen=True)
class SizeLimits:
    """The ``SUMMARISE_MAX_*`` values as read (what ``Limits()`` defaults to)."""

    max_chars: int = 300_000
    max_question_chars: int = 300
    max_questions: int = 20
    max_file_bytes: int = 10_000_000
    max_seconds: int = 300


@dataclass(frozen=True)
class Settings:
    """The environment's settings, typed; see the README's table for each variable."""

    limits_from_env: SizeLimits = field(default_factory=SizeLimits)
    offline: bool = False  # HF_HUB_OFFLINE: never download from the Hub
    models_dir: Path = field(default_factory=lambda: Path.cwd() / "models")
    # role -> {language code or "*": name or folder}; a plain value is {"*": value}
    checkpoints: Mapping[str, Mapping[str, str]] = field(default_factory=dict)
    engine: str = "auto"  # SUMMARISE_ENGINE: auto, torch or ctranslate2
    cache_dir: Path = field(default_factory=lambda: Path.home() / ".cache")
    allow_private_urls: bool = False
    concurrency: int = 1  # the web app's simultaneous model calls
    server_name: str = "127.0.0.1"
    server_port: int | None = None
    zero_gpu: bool = False  # SPACES_ZERO_GPU: a Hugging Face ZeroGPU Space (set by Spaces)

    @property
    def limits(self) -> Limits:
        """The environment's size limits as a :class:`Limits`."""
        read = self.limits_from_env
        return Limits(
            read.max_chars,
            read.max_question_chars,
            read.max_questions,
            read.max_file_bytes,
            read.max_seconds,
        )

    @classmethod
    def from_environ(cls, environ: Mapping[str, str]) -> Settings:
        """Read the settings from an environment mapping (``os.environ``)."""

        def number(name: str, default: int) -> int:
            try:
                return int(environ.get(name, default))
            except ValueError:
                return default

        sizes = SizeLimits()
        port = environ.get("GRADIO_SERVER_PORT")
        return cls(
            limits_from_env=SizeLimits(
                max_chars=number("SUMMARISE_MAX_CHARS", sizes.max_chars),
                max_question_chars=number("SUMMARISE_MAX_QUESTION_CHARS", sizes.max_question_chars),
                max_questions=number("SUMMARISE_MAX_QUESTIONS", sizes.max_questions),
                max_file_bytes=number("SUMMARISE_MAX_FILE_BYTES", sizes.max_file_bytes),
                max_seconds=number("SUMMARISE_MAX_SECONDS", sizes.max_seconds),
            ),
            offline=environ.get("HF_HUB_OFFLINE", "").lower() in _TRUE,
            models_dir=Path(environ.get("SUMMARISE_MODELS_DIR") or Path.cwd() / "models"),
            checkpoints={
                role: per_language(environ[variable], variable)
                for role, variable in CHECKPOINT_VARIABLES.items()
                if environ.get(variable)
            },
            engine=environ.get("SUMMARISE_ENGINE", "auto") or "auto",
            cache_dir=Path(environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"),
            allow_private_urls=environ.get("SUMMARISE_ALLOW_PRIVATE_URLS", "").lower() in _TRUE,
            concurrency=number("SUMMARISE_CONCURRENCY", 1),
            server_name=environ.get("GRADIO_SERVER_NAME", "127.0.0.1"),
            server_port=int(port) if port else None,
            zero_gpu=environ.get("SPACES_ZERO_GPU", "").lower() in _TRUE,
        )


# The variable that names each model role's checkpoint.
CHECKPOINT_VARIABLES = {
    "summariser": "SUMMARISE_SUMMARISER",
    "reader": "SUMMARISE_READER",
    "embedder": "SUMMARISE_EMBEDDER",
}


ANY_LANGUAGE = "*"  # the key of the model every language not listed gets
_LANGUAGE_KEY = re.compile(r"[a-z]{2,3}|\*")


def per_language(value: str, where: str = "the model setting") -> dict[str, str]:
    """Read ``"en=model-a,*=model-b"`` (a model per language code, ``*`` for every other
    language) or a plain ``"model"`` (one model for all languages, ``{"*": "model"}``)."""
    items = [item.strip() for item in value.split(",") if item.strip()]
    keyed = [item.partition("=") for item in items]
    if not any(sep and _LANGUAGE_KEY.fullmatch(key.strip().lower()) for key, sep, _ in keyed):
        return {ANY_LANGUAGE: value.strip()}
    choices: dict[str, str] = {}
    for item, (key, sep, name) in zip(items, keyed):
        key = key.strip().lower()
        if not sep or not _LANGUAGE_KEY.fullmatch(key) or not name.strip():
            raise InputError(
                f"'{item}' in {where} is not language=model; write it as "
                "'en=sshleifer/distilbart-cnn-12-6,*=other/model'."
            )
        choices[key] = name.strip()
    return choices


@lru_cache(maxsize=1)
def current() -> Settings:
    """The settings of this process, read from its environment on first use."""
    return Settings.from_environ(os.environ)


def reload() -> Settings:
    """Read the environment again (after a test or a host changed it)."""
    current.cache_clear()
    return current()


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
    """Maximum sizes accepted by the library, CLI, web app and batch job.

    ``Limits()`` holds the environment's limits (``SUMMARISE_MAX_*``); a field given
    explicitly replaces that one limit only.
    """

    max_chars: int = field(default_factory=lambda: current().limits_from_env.max_chars)
    max_question_chars: int = field(
        default_factory=lambda: current().limits_from_env.max_question_chars
    )
    max_questions: int = field(default_factory=lambda: current().limits_from_env.max_questions)
    max_file_bytes: int = field(default_factory=lambda: current().limits_from_env.max_file_bytes)
    max_seconds: int = field(default_factory=lambda: current().limits_from_env.max_seconds)

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
