"""A trained model refuses to load when a phrase table its features read has changed."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from summarise.cleaner import classifier, rules, sequence, title
from summarise.cleaner.fingerprint import fingerprint
from summarise.errors import ModelError


def test_the_fingerprint_follows_a_tables_contents_not_its_order() -> None:
    tables = (frozenset({"tweet", "email"}), re.compile(r"\d+", re.I), 3)
    assert fingerprint(tables) == fingerprint((frozenset({"email", "tweet"}), *tables[1:]))
    assert fingerprint(tables) != fingerprint((frozenset({"tweet"}), *tables[1:]))
    assert fingerprint(tables) != fingerprint((tables[0], re.compile(r"\d+"), 3))
    assert fingerprint(tables) != fingerprint((*tables[:2], 4))


def _copy(tmp_path: Path) -> Path:
    """The shipped sequence weights under another path, so that they are read afresh."""
    copy = tmp_path / sequence.WEIGHTS.name
    shutil.copyfile(sequence.WEIGHTS, copy)
    return copy


def test_the_shipped_weights_match_todays_tables(tmp_path: Path) -> None:
    classifier.LineClassifier.load()
    classifier.load_weights(title.WEIGHTS, title.TITLE_NAMES)
    sequence.SequenceModel.load(_copy(tmp_path))


def test_an_edited_feature_table_is_refused_with_the_fix(monkeypatch) -> None:
    edited = rules.UI_WORDS | {"zzyzx"}
    assert edited != rules.UI_WORDS
    monkeypatch.setattr(rules, "UI_WORDS", edited)
    with pytest.raises(ModelError, match=r"line_model\.npz .*other phrase tables.*train_cleaner"):
        classifier.LineClassifier.load()
    with pytest.raises(ModelError, match=r"title_model\.npz"):
        classifier.load_weights(title.WEIGHTS, title.TITLE_NAMES)


def test_an_edited_sequence_input_is_refused_with_the_fix(monkeypatch, tmp_path: Path) -> None:
    monkeypatch.setattr(sequence, "_QUOTES", '"')
    with pytest.raises(ModelError, match=r"sequence_model\.npz .*train_sequence"):
        sequence.SequenceModel.load(_copy(tmp_path))
