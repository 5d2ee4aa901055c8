"""Batch jobs: many documents in, one record per document out, resumable.

Input: JSONL, CSV or Parquet records (``id``, ``text``, optional ``questions``)
or a folder of documents. Output: JSONL (appended as records finish) or
Parquet (journalled to ``OUTPUT.partial.jsonl`` while running, written at the
end). Re-running skips ids already written; a bad record is written with its
error and never stops the run. The same per-record function runs locally or
inside Ray Data actors (``engine="ray"``), so both engines give the same output.
"""

from __future__ import annotations

import csv
import json
import logging
import os
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tqdm import tqdm

from .errors import InputError, SummariseError
from .limits import Limits
from .sources import read_path

log = logging.getLogger(__name__)

DOCUMENT_SUFFIXES = {".txt", ".md", ".html", ".htm", ".pdf"}


@dataclass
class Settings:
    """What each record gets: models, summary length, answers per question."""

    summariser: str | None = None
    reader: str | None = None
    embedder: str | None = None
    length: str | None = None
    max_words: int | None = None
    top_k: int = 1
    quantize: bool | None = None
    engine: str | None = None
    limits: Limits = field(default_factory=Limits)


@dataclass
class Stats:
    written: int = 0
    skipped: int = 0
    failed: int = 0
    seconds: float = 0.0

    @property
    def per_minute(self) -> float:
        return 60.0 * self.written / self.seconds if self.seconds else 0.0


def read_records(path: str | Path) -> Iterator[dict[str, Any]]:
    """Yield input records with ``id``, ``text`` and ``questions`` (a list)."""
    path = Path(path)
    if path.is_dir():
        for file in sorted(p for p in path.rglob("*") if p.suffix.lower() in DOCUMENT_SUFFIXES):
            record: dict[str, Any] = {"id": str(file.relative_to(path)), "questions": []}
            try:
                record["text"] = read_path(file)
            except SummariseError as exc:
                record["text"], record["error"] = "", str(exc)
            yield record
        return
    if not path.is_file():
        raise InputError(f"No such input: '{path}'; give a JSONL, CSV or Parquet file or a folder.")
    suffix = path.suffix.lower()
    if suffix in {".jsonl", ".json", ".ndjson"}:
        rows: Iterable[dict[str, Any]] = _jsonl(path)
    elif suffix == ".csv":
        rows = _csv(path)
    elif suffix == ".parquet":
        import pyarrow.parquet as pq

        rows = pq.read_table(path).to_pylist()
    else:
        raise InputError(f"Unknown input type '{suffix}'; use .jsonl, .csv, .parquet or a folder.")
    for n, row in enumerate(rows):
        yield _normalise(row, n)


def _jsonl(path: Path) -> Iterator[dict[str, Any]]:
    with path.open(encoding="utf-8", errors="replace") as handle:
        for n, line in enumerate(handle):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
            except ValueError as exc:
                yield {"id": f"line-{n + 1}", "text": "", "error": f"invalid JSON ({exc})"}
                continue
            yield (
                row
                if isinstance(row, dict)
                else {"id": f"line-{n + 1}", "text": "", "error": "not an object"}
            )


def _csv(path: Path) -> Iterator[dict[str, Any]]:
    with path.open(encoding="utf-8", errors="replace", newline="") as handle:
        yield from csv.DictReader(handle)


def _normalise(row: dict[str, Any], n: int) -> dict[str, Any]:
    questions = row.get("questions") or []
    if isinstance(questions, str):
        try:
            questions = json.loads(questions)
        except ValueError:
            questions = [q for q in questions.split("|") if q.strip()]
    record = {
        "id": str(row.get("id") if row.get("id") not in (None, "") else f"row-{n + 1}"),
        "text": row.get("text") if isinstance(row.get("text"), str) else "",
        "questions": [str(q) for q in questions],
    }
    if row.get("error"):
        record["error"] = str(row["error"])
    elif not isinstance(row.get("text"), str):
        record["error"] = "the record has no text field"
    return record


class Processor:
    """Turns input records into output records; holds one copy of the models."""

    def __init__(self, settings: Settings) -> None:
        from .document import Document
        from .embedder import Embedder
        from .reader import Reader
        from .summariser import Summariser

        self.settings = settings
        self._document = Document
        probe = Document(
            "Warm-up text for the batch worker. It loads each model once, before any record.",
            summariser=settings.summariser,
            reader=settings.reader,
            embedder=settings.embedder,
            quantize=settings.quantize,
            engine=settings.engine,
        )
        self.summariser: Summariser | None = probe.summariser
        self.reader: Reader | None = probe.reader
        self.embedder: Embedder | None = probe.embedder

    def __call__(self, record: dict[str, Any]) -> dict[str, Any]:
        out: dict[str, Any] = {
            "id": record["id"],
            "title": None,
            "summary": None,
            "summary_method": None,
            "summary_model": None,
            "answers": [],
            "error": record.get("error"),
        }
        if out["error"]:
            return out
        try:
            doc = self._document(
                record["text"],
                summariser=self.summariser or False,
                reader=self.reader or False,
                embedder=self.embedder or False,
                limits=self.settings.limits,
            )
            summary = doc.summary(length=self.settings.length, max_words=self.settings.max_words)
            out.update(
                title=doc.title,
                summary=summary.text,
                summary_method=summary.method,
                summary_model=summary.model,
            )
            if record["questions"]:
                results = doc.ask_many(record["questions"], top_k=self.settings.top_k)
                out["answers"] = [
                    {
                        "question": q,
                        "answers": [
                            {
                                "text": a.text,
                                "score": round(a.score, 6),
                                "start": a.start,
                                "end": a.end,
                                "method": a.method,
                                "model": a.model,
                            }
                            for a in answers
                        ],
                    }
                    for q, answers in zip(record["questions"], results)
                ]
        except SummariseError as exc:
            out["error"] = str(exc)
        return out

    def batch(self, records: list[dict[str, Any]]) -> list[dict[str, Any]]:
        return [self(r) for r in records]


def done_ids(output: Path) -> set[str]:
    """Ids already written by an earlier (possibly interrupted) run."""
    journal = _journal(output)
    ids: set[str] = set()
    if journal.exists():
        _truncate_partial_line(journal)
        with journal.open(encoding="utf-8") as handle:
            for line in handle:
                try:
                    ids.add(json.loads(line)["id"])
                except (ValueError, KeyError, TypeError):
                    continue
    return ids


def _journal(output: Path) -> Path:
    if output.suffix.lower() == ".parquet":
        return output.with_name(output.name + ".partial.jsonl")
    return output


def _truncate_partial_line(path: Path) -> None:
    """Drop a last line cut short by a crash, so appending starts clean."""
    data = path.read_bytes()
    if data and not data.endswith(b"\n"):
        path.write_bytes(data[: data.rfind(b"\n") + 1])


def run_batch(
    input_path: str | Path,
    output_path: str | Path,
    settings: Settings | None = None,
    engine: str = "local",
    batch_size: int = 8,
    actors: int = 1,
    address: str | None = None,
) -> Stats:
    """Process every record of ``input_path`` not yet in ``output_path``."""
    settings = settings or Settings()
    output = Path(output_path)
    if output.suffix.lower() not in {".jsonl", ".parquet"}:
        raise InputError("The output must end in .jsonl or .parquet.")
    output.parent.mkdir(parents=True, exist_ok=True)
    skip = done_ids(output)
    records = [r for r in read_records(input_path) if r["id"] not in skip]
    stats = Stats(skipped=len(skip))
    began = time.perf_counter()
    journal = _journal(output)
    if engine == "local":
        results = _local(records, settings, batch_size)
    elif engine == "ray":
        from .ray_engine import ray_results

        results = ray_results(records, settings, batch_size, actors, address)
    else:
        raise InputError(f"Unknown engine '{engine}'; use local or ray.")
    with journal.open("a", encoding="utf-8") as handle:
        bar = tqdm(total=len(records), unit="doc", disable=None, desc="documents")
        for result in results:
            handle.write(json.dumps(result, ensure_ascii=False) + "\n")
            handle.flush()
            os.fsync(handle.fileno())
            stats.written += 1
            stats.failed += bool(result["error"])
            bar.update(1)
            elapsed = time.perf_counter() - began
            bar.set_postfix(per_s=f"{stats.written / elapsed:.2f}" if elapsed else "-")
        bar.close()
    stats.seconds = time.perf_counter() - began
    if output.suffix.lower() == ".parquet":
        _finish_parquet(journal, output)
    return stats


def _local(records: list[dict[str, Any]], settings: Settings, batch_size: int) -> Iterator[dict]:
    if not records:
        return
    processor = Processor(settings)
    for b in range(0, len(records), batch_size):
        yield from processor.batch(records[b : b + batch_size])


def _finish_parquet(journal: Path, output: Path) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    rows = []
    with journal.open(encoding="utf-8") as handle:
        for line in handle:
            row = json.loads(line)
            row["answers"] = json.dumps(row["answers"], ensure_ascii=False)
            rows.append(row)
    tmp = output.with_name(output.name + ".tmp")
    pq.write_table(pa.Table.from_pylist(rows), tmp)
    tmp.replace(output)
