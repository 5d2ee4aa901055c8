"""A short load test in CI: concurrent gradio_client users, zero errors, bounded memory."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))


def test_short_load_run_has_no_errors_and_memory_stays_bounded():
    import load

    report = load.run(users=8, seconds=15)
    print(report)
    assert report["errors"] == 0, report["first_errors"]
    assert report["requests"] >= 8
    assert report["rss_end_mb"] <= 1.2 * report["rss_after_warmup_mb"] + 50
