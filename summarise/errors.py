"""Errors shown to people: one sentence naming the problem and the fix."""

from __future__ import annotations


class SummariseError(Exception):
    """Base class for every error this package raises on purpose."""


class InputError(SummariseError, ValueError):
    """The text, file, URL or question given cannot be used as it is."""


class LimitError(InputError):
    """An input is over one of the configured limits."""


class ModelError(SummariseError, RuntimeError):
    """A model could not be resolved or loaded."""
