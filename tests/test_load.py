"""A short load test in CI: concurrent gradio_client users, zero errors, bounded memory."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

LOAD = Path(__file__).resolve().parents[1] / "benchmarks" / "load.py"


def test_short_load_run_has_no_errors_and_memory_stays_bounded():
    run = subprocess.run(
        [sys.executable, str(LOAD), "--users", "8", "--seconds", "15"],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert run.returncode == 0, run.stderr[-3000:]
    report = json.loads(run.stdout[run.stdout.index("{") :])
    print(report)
    assert report["errors"] == 0, report["first_errors"]
    assert report["requests"] >= 8
    assert report["rss_end_mb"] <= 1.2 * report["rss_after_warmup_mb"] + 50
