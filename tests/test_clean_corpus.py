"""The cleaner's gate on real pages: ``../shared/cleaner-dev`` (skipped when absent).

HTML must never score below trafilatura alone on the same pages (the library we wrap
sets the floor), and cleaning a paste must beat keeping it as it is. The shipped
classifier was trained on these pages, so the paste figures here are a regression
gate, not a claim: the held-out figures come from ``training/train_cleaner.py --cv 4``.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))

from cleaner import (  # noqa: E402
    DEV,
    Page,
    busy_cores,
    load_pages,
    ours,
    raw_paste,
    run,
    trafilatura_alone,
)


@pytest.fixture(scope="module")
def pages() -> list[Page]:
    if not DEV.is_dir():
        pytest.skip("../shared/cleaner-dev is not present")
    return load_pages(DEV)


def test_html_is_never_below_trafilatura_alone(pages: list[Page]):
    mine = run(pages, "html", ours)["all"]
    theirs = run(pages, "html", trafilatura_alone)["all"]
    assert mine.means()[0] >= theirs.means()[0]
    assert mine.titles >= 0.9 * mine.with_title


def test_cleaning_a_paste_beats_keeping_it_whole(pages: list[Page]):
    mine = run(pages, "paste", ours)["all"]
    nothing = run(pages, "paste", raw_paste)["all"]
    assert mine.means()[0] >= nothing.means()[0] + 0.05
    assert min(mine.means()[1:]) >= 0.9


def test_the_busy_cores_of_the_timing_run_stop_with_it():
    import multiprocessing

    before = set(multiprocessing.active_children())
    with busy_cores(2):
        spinning = set(multiprocessing.active_children()) - before
        assert len(spinning) == 2 and all(p.is_alive() for p in spinning)
    assert not any(p.is_alive() for p in spinning)
