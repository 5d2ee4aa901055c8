"""Batch processing: local and Ray engines, resume after a kill, bad records in place."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
import tiny

from summarise.apps.batch.job import JobSettings, read_records, run_batch
from summarise.components import ModelSettings

EXE = shutil.which("summarise", path=str(Path(sys.executable).parent)) or "summarise"


def records(n: int = 6) -> list[dict]:
    paragraphs = tiny.example_paragraphs()
    rows = []
    for i in range(n):
        text = "\n\n".join(paragraphs[i % 4 : i % 4 + 3])
        rows.append(
            {
                "id": f"doc-{i}",
                "text": text,
                "questions": ["Who is the fisheries minister of Norway?"],
            }
        )
    return rows


def write_jsonl(path: Path, rows: list[dict], extra: str = "") -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in rows) + extra)
    return path


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text().splitlines() if line.strip()]


@pytest.fixture
def settings(summariser_dir) -> JobSettings:
    return JobSettings(ModelSettings(summariser=str(summariser_dir), reader=False), top_k=1)


def test_local_batch_writes_every_record_and_reports_bad_ones(tmp_path, settings):
    rows = records(3) + [{"id": "empty", "text": "   "}, {"id": "nothing"}]
    source = write_jsonl(tmp_path / "in.jsonl", rows, extra="{not json\n")
    out = tmp_path / "out.jsonl"
    stats = run_batch(source, out, settings)
    result = {r["id"]: r for r in read_jsonl(out)}
    assert set(result) == {"doc-0", "doc-1", "doc-2", "empty", "nothing", "line-6"}
    assert stats.written == 6 and stats.failed == 3
    assert "empty" in result["empty"]["error"]
    assert "no text" in result["nothing"]["error"]
    assert "invalid JSON" in result["line-6"]["error"]
    good = result["doc-0"]
    assert good["error"] is None and good["summary_method"] == "abstractive"
    assert len(good["summary"].split()) >= 3
    [qa] = good["answers"]
    assert qa["question"] == "Who is the fisheries minister of Norway?"
    assert qa["answers"][0]["method"] == "passage"
    assert "Einar Solberg" in qa["answers"][0]["text"]


def test_rerun_skips_ids_already_written(tmp_path, settings):
    source = write_jsonl(tmp_path / "in.jsonl", records(4))
    out = tmp_path / "out.jsonl"
    run_batch(source, out, settings)
    stats = run_batch(source, out, settings)
    assert (stats.written, stats.skipped) == (0, 4)
    assert len(read_jsonl(out)) == 4


def test_csv_parquet_and_folder_inputs(tmp_path, settings):
    import csv

    import pyarrow as pa
    import pyarrow.parquet as pq

    rows = records(2)
    with (tmp_path / "in.csv").open("w", newline="") as handle:
        writer = csv.DictWriter(handle, ["id", "text", "questions"])
        writer.writeheader()
        for r in rows:
            writer.writerow({**r, "questions": json.dumps(r["questions"])})
    pq.write_table(pa.Table.from_pylist(rows), tmp_path / "in.parquet")
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "a.txt").write_text(rows[0]["text"])
    (folder / "b.md").write_text(rows[1]["text"])
    (folder / "c.txt").write_bytes(b"\x00\x01binary")
    assert [r.questions for r in read_records(tmp_path / "in.csv")] == [
        r["questions"] for r in rows
    ]
    assert [r.id for r in read_records(tmp_path / "in.parquet")] == ["doc-0", "doc-1"]
    out = tmp_path / "out.parquet"
    run_batch(folder, out, settings)
    table = pq.read_table(out).to_pylist()
    by_id = {r["id"]: r for r in table}
    assert set(by_id) == {"a.txt", "b.md", "c.txt"}
    assert "binary" in by_id["c.txt"]["error"]
    assert by_id["a.txt"]["summary"]


def test_resume_after_the_run_is_killed_midway(tmp_path, summariser_dir):
    source = write_jsonl(tmp_path / "in.jsonl", records(40))
    out = tmp_path / "out.jsonl"
    command = [
        EXE,
        "batch",
        str(source),
        str(out),
        "--batch-size",
        "1",
        "--summariser",
        str(summariser_dir),
    ]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.time() + 240
    while time.time() < deadline and (not out.exists() or len(out.read_text().splitlines()) < 3):
        time.sleep(0.05)
    process.send_signal(signal.SIGKILL)
    process.wait()
    done_before = len(read_jsonl(out))
    assert 3 <= done_before < 40, "the run should have been killed midway"
    with out.open("a") as handle:
        handle.write(
            '{"id": "doc-3',
        )  # a line cut short by the crash
    finished = subprocess.run(command, capture_output=True, text=True, timeout=600)
    assert finished.returncode == 0, finished.stderr
    ids = [r["id"] for r in read_jsonl(out)]
    assert sorted(ids) == sorted(f"doc-{i}" for i in range(40))
    assert f"{done_before} already done" in finished.stderr


@pytest.mark.ray
def test_ray_engine_matches_the_local_engine(tmp_path, settings):
    pytest.importorskip("ray")
    source = write_jsonl(tmp_path / "in.jsonl", records(6) + [{"id": "bad", "text": ""}])
    local, distributed = tmp_path / "local.jsonl", tmp_path / "ray.jsonl"
    run_batch(source, local, settings, batch_size=2)
    os.environ.setdefault("RAY_DISABLE_USAGE_STATS", "1")
    stats = run_batch(source, distributed, settings, engine="ray", batch_size=2, actors=2)
    assert stats.written == 7
    assert read_jsonl(distributed) == read_jsonl(local)
