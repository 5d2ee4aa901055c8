"""The passage fallback answers only when the text seems to say (no reader checkpoint).

The thresholds are calibrated on the example questions: every one of them must
still get its passage, and questions the article says nothing about must get
none, with the encoder and with word overlap alone.
"""

from __future__ import annotations

import json

import pytest
import tiny
from conftest import mission_or_skip

from summarise import Document

UNRELATED = [
    "What is the capital of France?",
    "Who wrote Hamlet?",
    "How tall is Mount Everest?",
    "What is the boiling point of water?",
    "When was the Eiffel Tower built?",
    "How many moons does Jupiter have?",
]


def page() -> str:
    return (tiny.EXAMPLES / "fisheries_talks_page.txt").read_text(encoding="utf-8")


def articles() -> list[tuple[str, list[dict]]]:
    found = [(page(), tiny.example_questions())]
    try:
        mission = mission_or_skip()
    except pytest.skip.Exception:
        return found
    data = json.loads((mission / "questions.json").read_text(encoding="utf-8"))
    found.append(((mission / "article.txt").read_text(encoding="utf-8"), data["questions"]))
    return found


@pytest.mark.parametrize("embedder", [None, False], ids=["encoder", "lexical"])
def test_example_questions_get_a_passage_and_unrelated_ones_none(isolated_models, embedder):
    for raw, questions in articles():
        doc = Document(raw, reader=False, summariser=False, embedder=embedder)
        asked = [q["question"] for q in questions]
        for question, answers in zip(asked, doc.ask_many(asked)):
            assert answers and answers[0].method == "passage", question
        for question, answers in zip(UNRELATED, doc.ask_many(UNRELATED)):
            assert answers == [], (question, answers)


def test_the_mission_article_does_not_name_the_capital_of_france(isolated_models):
    mission = mission_or_skip()
    doc = Document((mission / "article.txt").read_text(encoding="utf-8"))
    assert doc.ask("What is the capital of France?") == []


def test_a_hint_is_the_best_passage_however_weak(isolated_models):
    doc = Document(page(), reader=False)
    hint = doc.hint("What is the capital of France?")
    assert hint is not None and hint.method == "passage"
    assert doc.text[hint.start : hint.end] == hint.text
    assert page()[hint.original_start : hint.original_end] == hint.text


def test_the_web_app_says_the_text_does_not_seem_to_say(isolated_models):
    from summarise.apps.web import handlers

    handlers.configure(reader=False)
    try:
        assert handlers.api_ask(page(), "What is the capital of France?") == []
        outputs = handlers.on_ask(page(), "What is the capital of France?", False, [])
        reply = next(o for o in outputs if isinstance(o, list) and o and "role" in o[0])
        assert "does not seem to say" in reply[-1]["content"]
        assert "hint" in reply[-1]["content"]
    finally:
        handlers.configure()
