"""Golden fixtures for the page cleaner: pages we wrote, and what a correct cleaner keeps.

Each folder under ``tests/cases`` holds ``page.txt`` (a select-all copy of a rendered
page, furniture included), ``expected.txt`` (first line: the headline, empty when the
page has none; then the article's lines, exactly as they stand in ``page.txt``) and
``why.txt`` (what the case checks). The cleaner may join or split lines, so the body
is compared word by word; the headline must match ``Cleaned.title``; and the first
and last article lines (and the headline) must map back to their place in the page
through ``Cleaned.to_original``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from summarise import clean

CASES = Path(__file__).resolve().parent / "cases"
CASE_DIRS = sorted(p for p in CASES.iterdir() if (p / "page.txt").is_file())

# What today's cleaner still gets wrong (issue #32 is open): each is expected to fail,
# strictly, so a cleaner that fixes one must move it out of this table.
KNOWN_FAILURES = {
    "advertisement_labels": "takes the site's name as the title",
    "author_bio_end": "keeps the author's bio box",
    "bulleted_list": "keeps the breadcrumbs, a newsletter blurb and the author's bio",
    "captions_credits": "keeps captions with their credits",
    "chinese": "keeps the share line",
    "code_listing": "takes the site-links line as the title and keeps 'Copy code'",
    "cookie_consent": "keeps a consent header and the site's name",
    "french": "keeps the site links, the date line and the reading time",
    "gallery": "keeps a gallery's '2 of 12'",
    "headline_list_only": "keeps the whole page and takes the site's name as the title",
    "indonesian": "takes the site-links line as the title, keeps the date and credit lines",
    "live_blog": "takes a sub-heading as the title and keeps a JavaScript notice",
    "most_read": "keeps the last items of a 'Most read' box",
    "newsletter_signup": "keeps the breadcrumbs and the sign-up box",
    "paywall": "keeps the byline and the subscription offer",
    "poem": "keeps the 'Posted by' byline (since the sequence model joined the vote)",
    "read_also_inline": "keeps the breadcrumbs and the byline",
    "recipe_blog": "keeps the rating, 'Pin it' and 'Did you make this recipe?'",
    "spanish": "keeps the site links, the reading time and the dateline",
    "sponsored_content": "keeps the sponsored block",
}


def _marked(case: Path) -> Any:
    reason = KNOWN_FAILURES.get(case.name)
    marks = [pytest.mark.xfail(reason=reason, strict=True)] if reason else []
    return pytest.param(case, id=case.name, marks=marks)


def _norm(line: str) -> str:
    return " ".join(line.split())


def _read(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def _expected(case: Path) -> tuple[str, list[str]]:
    lines = _read(case / "expected.txt").rstrip("\n").split("\n")
    return _norm(lines[0]), [_norm(line) for line in lines[1:] if line.strip()]


def _first_difference(got: list[str], want: list[str]) -> str:
    for i, (g, w) in enumerate(zip(got, want)):
        if g != w:
            return f"first difference at word {i}: got {got[i : i + 12]} want {want[i : i + 12]}"
    return f"one is a prefix of the other: got {len(got)} words, want {len(want)}"


def test_there_are_enough_cases():
    assert len(CASE_DIRS) >= 25


@pytest.mark.parametrize("case", CASE_DIRS, ids=[p.name for p in CASE_DIRS])
def test_fixture_is_consistent(case: Path):
    """The fixture itself: every expected line is a line of the page, in page order."""
    page_lines = _read(case / "page.txt").split("\n")
    title, body = _expected(case)
    assert _read(case / "why.txt").strip()
    position = -1
    for line in body:
        later = [i for i, p in enumerate(page_lines) if _norm(p) == line and i > position]
        assert later, f"expected line not in page (or out of order): {line!r}"
        position = later[0]
    if title:
        assert title in (_norm(p) for p in page_lines)


@pytest.mark.parametrize("case", [_marked(case) for case in CASE_DIRS])
def test_case(case: Path):
    page = _read(case / "page.txt")
    title, body = _expected(case)
    cleaned = clean(page)

    got_body = cleaned.body if title else cleaned.text
    if [_norm(p) for p in got_body.split("\n\n") if p.strip()] != body:
        # the cleaner may join or split lines: then the words must still agree
        got_words, want_words = got_body.split(), " ".join(body).split()
        assert got_words == want_words, (
            f"body differs ({_first_difference(got_words, want_words)});\n"
            f"removed lines: {cleaned.removed}\ncleaned text:\n{cleaned.text}"
        )
    assert _norm(cleaned.title) == title, f"wrong title: {cleaned.title!r}, want {title!r}"

    # offsets: the headline and the first and last article line map back into the page
    checks = ([title] if title else []) + [body[0], body[-1]]
    for line in checks:
        at = cleaned.text.find(line)
        assert at >= 0, f"kept line not found in cleaned text: {line!r}"
        start, end = cleaned.to_original(at, at + len(line))
        assert _norm(page[start:end]) == line, (
            f"to_original({at}, {at + len(line)}) gave {page[start:end]!r}, want {line!r}"
        )
