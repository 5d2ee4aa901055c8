"""Score the cleaner on the real pages of ``../shared/cleaner-dev`` (pastes and page sources).

The metric is the article-extraction benchmarks' usual one, as in the corpus's own
``score.py``: per page, the multisets of 4-word shingles of the output and of the gold
text are compared; precision is averaged over pages with an output, recall over all
pages, F1 is the harmonic mean of the two averages. Titles count when the normalised
words of one contain the other's. Pages are split into English and other languages by
their metadata.

    python benchmarks/cleaner.py                 # our cleaner, pastes and HTML
    python benchmarks/cleaner.py --baselines     # also the raw paste and trafilatura alone
    python benchmarks/cleaner.py --worst 10      # list the weakest pages of each input
    python benchmarks/cleaner.py --only paste --busy 2   # timed while two other processes
                                                          # keep the cores busy
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import re
import statistics
import time
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

DEV = Path(__file__).resolve().parents[1].parent / "shared" / "cleaner-dev"
_WORD = re.compile(r"\w+")


def shingles(text: str, n: int = 4) -> Counter[tuple[str, ...]]:
    """The multiset of ``n``-word shingles of ``text`` (one shingle when it is shorter)."""
    words = _WORD.findall(text or "")
    if len(words) < n:
        return Counter([tuple(words)]) if words else Counter()
    return Counter(tuple(words[i : i + n]) for i in range(len(words) - n + 1))


def _norm_words(text: str) -> str:
    return " ".join(_WORD.findall((text or "").lower()))


def title_matches(got: str, want: str) -> bool:
    """The corpus's title rule: one normalised title contains the other."""
    g, w = _norm_words(got), _norm_words(want)
    return bool(g) and (g == w or g in w or w in g)


@dataclass
class Page:
    name: str
    paste: str
    html: str
    gold: str
    meta: dict


@dataclass
class Score:
    """Scores of one extractor on one input kind."""

    precisions: list[float] = field(default_factory=list)
    recalls: list[float] = field(default_factory=list)
    seconds: list[float] = field(default_factory=list)
    titles: int = 0
    with_title: int = 0
    rows: list[tuple[float, str, float | None, float]] = field(default_factory=list)

    def add(self, page: Page, out: str, title: str | None, seconds: float) -> None:
        gold, pred = shingles(page.gold), shingles(out)
        match = sum((gold & pred).values())
        p = match / sum(pred.values()) if pred else None
        r = match / sum(gold.values()) if gold else 1.0
        if p is not None:
            self.precisions.append(p)
        self.recalls.append(r)
        self.seconds.append(seconds)
        f = 2 * (p or 0.0) * r / ((p or 0.0) + r) if (p or 0.0) + r else 0.0
        self.rows.append((f, page.name, p, r))
        if title is not None and page.meta.get("title"):
            self.with_title += 1
            self.titles += title_matches(title, page.meta["title"])

    def means(self) -> tuple[float, float, float]:
        """F1, precision and recall over the pages scored so far."""
        p = statistics.mean(self.precisions) if self.precisions else 0.0
        r = statistics.mean(self.recalls) if self.recalls else 0.0
        return (2 * p * r / (p + r) if p + r else 0.0), p, r

    def line(self, label: str) -> str:
        f, p, r = self.means()
        t = sorted(self.seconds)
        titles = f"{self.titles}/{self.with_title}" if self.with_title else "-"
        return (
            f"| {label} | {len(self.recalls)} | {f:.3f} | {p:.3f} | {r:.3f} | {titles} | "
            f"{t[len(t) // 2] * 1000:.0f} | {t[min(len(t) - 1, int(len(t) * 0.95))] * 1000:.0f} | "
            f"{t[-1] * 1000:.0f} |"
        )


def load_pages(folder: Path = DEV) -> list[Page]:
    pages = []
    for gold in sorted(folder.glob("*.gold.txt")):
        name = gold.name[: -len(".gold.txt")]
        pages.append(
            Page(
                name=name,
                paste=(folder / f"{name}.txt").read_text(encoding="utf-8"),
                html=(folder / f"{name}.html").read_text(encoding="utf-8"),
                gold=gold.read_text(encoding="utf-8"),
                meta=json.loads((folder / f"{name}.json").read_text(encoding="utf-8")),
            )
        )
    return pages


def is_english(page: Page) -> bool:
    return (page.meta.get("lang") or "en").lower().startswith("en")


Extractor = Callable[[str], tuple[str, str | None]]


def ours(raw: str) -> tuple[str, str | None]:
    from summarise import clean

    cleaned = clean(raw)
    return cleaned.text, cleaned.title


def raw_paste(raw: str) -> tuple[str, str | None]:
    return raw, None


def trafilatura_alone(raw: str) -> tuple[str, str | None]:
    import trafilatura

    return trafilatura.extract(raw) or "", None


def run(pages: list[Page], kind: str, extract: Extractor) -> dict[str, Score]:
    """Score ``extract`` on every page's ``kind`` input; all, English and other pages."""
    scores = {"all": Score(), "English": Score(), "other languages": Score()}
    warm = pages[0].html if kind == "html" else pages[0].paste
    extract(warm)  # models and word lists load once, before the clock starts
    for page in pages:
        raw = page.html if kind == "html" else page.paste
        start = time.perf_counter()
        try:
            out, title = extract(raw)
        except Exception:  # a crash scores an empty output, as in the corpus's scorer
            out, title = "", ""
        seconds = time.perf_counter() - start
        for key in ("all", "English" if is_english(page) else "other languages"):
            scores[key].add(page, out, title, seconds)
    return scores


def _spin() -> None:
    while True:
        pass


@contextmanager
def busy_cores(count: int) -> Iterator[None]:
    """``count`` processes that each keep a core busy while the block runs: a Space's two
    cores while the summariser runs for another user."""
    spinners = [multiprocessing.Process(target=_spin, daemon=True) for _ in range(count)]
    for spinner in spinners:
        spinner.start()
    try:
        yield
    finally:
        for spinner in spinners:
            spinner.terminate()
            spinner.join()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--baselines", action="store_true", help="also score the raw paste and trafilatura"
    )
    parser.add_argument("--worst", type=int, default=0, help="list the N weakest pages per input")
    parser.add_argument("--only", choices=["paste", "html"], help="score one input kind")
    parser.add_argument(
        "--busy", type=int, default=0, help="keep N cores busy with other processes meanwhile"
    )
    args = parser.parse_args()
    if not DEV.is_dir():
        raise SystemExit(f"No dev pages at {DEV}; put the shared corpus beside the repository.")
    pages = load_pages()
    print("| extractor, input, pages | n | F1 | P | R | titles | p50 ms | p95 ms | max ms |")
    print("|---|---|---|---|---|---|---|---|---|")
    runs: list[tuple[str, str, Extractor]] = []
    kinds = [args.only] if args.only else ["paste", "html"]
    for kind in kinds:
        runs.append(("summarise", kind, ours))
        if args.baselines:
            runs.append(
                (
                    "raw paste" if kind == "paste" else "trafilatura.extract",
                    kind,
                    raw_paste if kind == "paste" else trafilatura_alone,
                )
            )
    worst: list[str] = []
    for label, kind, extract in runs:
        with busy_cores(args.busy):
            scores = run(pages, kind, extract)
        for key, score in scores.items():
            print(score.line(f"{label}, {kind}, {key}"))
        if args.worst and extract is ours:
            worst.append(f"worst {kind} pages:")
            for f, name, p, r in sorted(scores["all"].rows)[: args.worst]:
                worst.append(
                    f"  F1 {f:.2f}  P {'-' if p is None else f'{p:.2f}'}  R {r:.2f}  {name}"
                )
    print("\n".join(worst))


if __name__ == "__main__":
    main()
