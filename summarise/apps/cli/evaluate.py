"""Evaluation: SQuAD exact match and F1, ROUGE-1/2/L for summaries.

Answer normalisation follows the official SQuAD v1.1 script: lower-case,
drop punctuation and the articles a/an/the, collapse whitespace.
"""

from __future__ import annotations

import json
import re
import string
from collections import Counter
from pathlib import Path
from typing import Any

from summarise.components import Components
from summarise.document import Document
from summarise.errors import InputError

_ARTICLES = re.compile(r"\b(a|an|the)\b", re.UNICODE)
_PUNCTUATION = set(string.punctuation)


def normalize_answer(text: str) -> str:
    text = text.lower()
    text = "".join(ch for ch in text if ch not in _PUNCTUATION)
    text = _ARTICLES.sub(" ", text)
    return " ".join(text.split())


def exact_match(prediction: str, truth: str) -> float:
    return float(normalize_answer(prediction) == normalize_answer(truth))


def f1(prediction: str, truth: str) -> float:
    predicted = normalize_answer(prediction).split()
    expected = normalize_answer(truth).split()
    common = Counter(predicted) & Counter(expected)
    same = sum(common.values())
    if not predicted or not expected:
        return float(predicted == expected)
    if same == 0:
        return 0.0
    precision, recall = same / len(predicted), same / len(expected)
    return 2 * precision * recall / (precision + recall)


def squad_items(path: str | Path) -> list[dict[str, Any]]:
    """(id, context, question, answers) items from a SQuAD-format JSON file."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise InputError(
            f"Cannot read SQuAD file '{path}' ({exc}); check the path and JSON."
        ) from None
    items: list[dict[str, Any]] = []
    try:
        for article in data["data"]:
            for paragraph in article["paragraphs"]:
                for qa in paragraph["qas"]:
                    items.append(
                        {
                            "id": qa.get("id", str(len(items))),
                            "context": paragraph["context"],
                            "question": qa["question"],
                            "answers": [a["text"] for a in qa.get("answers", [])],
                        }
                    )
    except (KeyError, TypeError) as exc:
        raise InputError(
            f"'{path}' is not in SQuAD format (missing {exc}); expect data/paragraphs/qas."
        ) from None
    return items


def evaluate_qa(path: str | Path, components: Components | None = None) -> dict[str, Any]:
    """Ask every question of a SQuAD file; report EM and F1 overall and per item."""
    components = components or Components()
    rows = []
    by_context: dict[str, list[dict[str, Any]]] = {}
    for item in squad_items(path):
        by_context.setdefault(item["context"], []).append(item)
    method: str | None = None
    model: str | None = None
    for context, items in by_context.items():
        doc = Document(context, components=components)
        step = doc.limits.max_questions
        results = []
        for b in range(0, len(items), step):
            results += doc.ask_many([i["question"] for i in items[b : b + step]])
        for item, answers in zip(items, results):
            prediction = answers[0].text if answers else ""
            if answers:
                method, model = answers[0].method, answers[0].model
            truths = item["answers"] or [""]
            rows.append(
                {
                    "id": item["id"],
                    "question": item["question"],
                    "prediction": prediction,
                    "exact_match": max(exact_match(prediction, t) for t in truths),
                    "f1": max(f1(prediction, t) for t in truths),
                }
            )
    return _report(rows, ["exact_match", "f1"], method, model)


def evaluate_summaries(path: str | Path, components: Components | None = None) -> dict[str, Any]:
    """Summarise every ``text`` of a JSONL file; ROUGE-1/2/L F-measure against ``reference``."""
    components = components or Components()
    from rouge_score import rouge_scorer

    scorer = rouge_scorer.RougeScorer(["rouge1", "rouge2", "rougeL"], use_stemmer=True)
    rows = []
    method: str | None = None
    model: str | None = None
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise InputError(f"Cannot read '{path}' ({exc}); check the path.") from None
    for n, line in enumerate(lines):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
            text, reference = item["text"], item["reference"]
        except (ValueError, KeyError, TypeError):
            raise InputError(
                f"Line {n + 1} of '{path}' is not a JSON object with text and reference."
            ) from None
        summary = Document(text, components=components).summary()
        method, model = summary.method, summary.model
        scores = scorer.score(reference, summary.text)
        rows.append(
            {
                "id": item.get("id", str(n + 1)),
                "summary": summary.text,
                **{name: round(s.fmeasure, 6) for name, s in scores.items()},
            }
        )
    return _report(rows, ["rouge1", "rouge2", "rougeL"], method, model)


def _report(
    rows: list[dict[str, Any]], metrics: list[str], method: str | None, model: str | None
) -> dict[str, Any]:
    totals = {m: (sum(r[m] for r in rows) / len(rows) if rows else 0.0) for m in metrics}
    return {"count": len(rows), **totals, "method": method, "model": model, "items": rows}
