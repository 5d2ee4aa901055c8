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

from summarise.apps.batch.processing import JobSettings, Processor, Record, Result
from summarise.errors import InputError, SummariseError
from summarise.ingest.files import read_path

log = logging.getLogger(__name__)

DOCUMENT_SUFFIXES = {".txt", ".md", ".html", ".htm", ".pdf"}


@dataclass
class Stats:
    """What a run did; ``fallbacks``: the models the local engine replaced, and why."""

    written: int = 0
    skipped: int = 0
    failed: int = 0
    seconds: float = 0.0
    fallbacks: dict[str, str] = field(default_factory=dict)

    @property
    def per_minute(self) -> float:
        return 60.0 * self.written / self.seconds if self.seconds else 0.0


def read_records(path: str | Path) -> Iterator[Record]:
    """Yield the input records of a JSONL, CSV or Parquet file or a folder of documents."""
    path = Path(path)
    if path.is_dir():
        for file in sorted(p for p in path.rglob("*") if p.suffix.lower() in DOCUMENT_SUFFIXES):
            record = Record(id=str(file.relative_to(path)))
            try:
                record.text = read_path(file)
            except SummariseError as exc:
                record.error = str(exc)
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
        yield Record.from_dict(row, n)


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
    settings: JobSettings | None = None,
    engine: str = "local",
    batch_size: int = 8,
    actors: int = 1,
    address: str | None = None,
) -> Stats:
    """Process every record of ``input_path`` not yet in ``output_path``."""
    settings = settings or JobSettings()
    output = Path(output_path)
    if output.suffix.lower() not in {".jsonl", ".parquet"}:
        raise InputError("The output must end in .jsonl or .parquet.")
    output.parent.mkdir(parents=True, exist_ok=True)
    skip = done_ids(output)
    records = [r for r in read_records(input_path) if r.id not in skip]
    stats = Stats(skipped=len(skip))
    began = time.perf_counter()
    journal = _journal(output)
    results: Iterable[Result] = []
    if engine not in {"local", "ray"}:
        raise InputError(f"Unknown engine '{engine}'; use local or ray.")
    if records and engine == "local":
        processor = Processor(settings)
        stats.fallbacks = processor.components.reasons
        results = _local(records, processor, batch_size)
    elif records:
        from summarise.apps.batch.ray_runner import ray_results

        results = ray_results(records, settings, batch_size, actors, address)
    with journal.open("a", encoding="utf-8") as handle:
        bar = tqdm(total=len(records), unit="doc", disable=None, desc="documents")
        for result in results:
            handle.write(json.dumps(result.to_dict(), ensure_ascii=False) + "\n")
            handle.flush()
            os.fsync(handle.fileno())
            stats.written += 1
            stats.failed += bool(result.error)
            bar.update(1)
            elapsed = time.perf_counter() - began
            bar.set_postfix(per_s=f"{stats.written / elapsed:.2f}" if elapsed else "-")
        bar.close()
    stats.seconds = time.perf_counter() - began
    if output.suffix.lower() == ".parquet":
        _finish_parquet(journal, output)
    return stats


def _local(records: list[Record], processor: Processor, batch_size: int) -> Iterator[Result]:
    for b in range(0, len(records), batch_size):
        yield from processor.batch(records[b : b + batch_size])


def _finish_parquet(journal: Path, output: Path) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    rows = []
    with journal.open(encoding="utf-8") as handle:
        for line in handle:
            row = Result.from_dict(json.loads(line)).to_dict()
            row["answers"] = json.dumps(row["answers"], ensure_ascii=False)
            row["claims"] = json.dumps(row["claims"], ensure_ascii=False)
            rows.append(row)
    tmp = output.with_name(output.name + ".tmp")
    pq.write_table(pa.Table.from_pylist(rows), tmp)
    tmp.replace(output)
