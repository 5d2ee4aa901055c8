"""Fingerprints of the phrase tables a trained model's features read.

A feature that reads a table (``rules.UI_WORDS``, ``thread_phrases.COMMENT_MARK`` …)
changes its values when the table is edited, and the trained weights would then read
inputs they were never trained on, silently. Each weights file records the fingerprint
of the tables its model read when it was trained, and loading it refuses a mismatch.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Mapping, Sequence
from pathlib import Path

from summarise.errors import ModelError


def _canonical(value: object) -> object:
    """A JSON-able form of a table: a pattern's source and flags, a set sorted."""
    if isinstance(value, re.Pattern):
        return ["pattern", value.pattern, int(value.flags)]
    if isinstance(value, (set, frozenset)):
        return sorted(_canonical(v) for v in value)  # type: ignore[type-var]
    if isinstance(value, Mapping):
        return sorted((str(k), _canonical(v)) for k, v in value.items())
    if isinstance(value, (list, tuple)):
        return [_canonical(v) for v in value]
    return value


def fingerprint(tables: Sequence[object]) -> str:
    """A short digest of ``tables`` (patterns, word sets, settings), in their order."""
    text = json.dumps(_canonical(tables), ensure_ascii=False, sort_keys=True)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def check(path: Path, recorded: str, tables: Sequence[object], retrain: str) -> None:
    """Refuse weights trained on other tables than ``tables`` are now."""
    if recorded != fingerprint(tables):
        raise ModelError(
            f"{path.name} was trained with other phrase tables than the cleaner has now; "
            f"retrain it with `python {retrain}`."
        )
