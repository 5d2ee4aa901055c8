"""The cleaned article, and the map from each of its words back to the raw input."""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import accumulate

import ftfy

from summarise.cleaner.blocks import Block

_FTFY = ftfy.TextFixerConfig(uncurl_quotes=False, fix_character_width=False, explain=False)


@dataclass
class Cleaned:
    """A cleaned article and the way back to the raw input.

    ``text`` is the article's paragraphs separated by blank lines; for a paste it
    starts with the headline line when one was found (``title``), while a page
    source's ``title`` comes from its metadata and may not be in ``text``.
    ``removed`` lists the dropped lines in input order. ``to_original`` maps a span
    of ``text`` to the raw input.
    """

    text: str
    title: str
    removed: list[str]
    raw: str
    source: str = "text"
    language: str = "en"
    author: str = ""
    date: str = ""
    _clean_starts: list[int] = field(default_factory=list, repr=False)
    _clean_ends: list[int] = field(default_factory=list, repr=False)
    _raw_starts: list[int] = field(default_factory=list, repr=False)
    _raw_ends: list[int] = field(default_factory=list, repr=False)

    @property
    def paragraphs(self) -> list[str]:
        """The cleaned paragraphs (title first, when present)."""
        return [p for p in self.text.split("\n\n") if p]

    @property
    def body(self) -> str:
        """The cleaned text without its title line."""
        if self.title and self.text.startswith(self.title):
            return self.text[len(self.title) :].lstrip("\n")
        return self.text

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map ``text[start:end]`` to ``(raw_start, raw_end)`` in the raw input.

        Spans inside a repaired word map to that whole word; an empty or
        whitespace-only span maps to an empty span at the nearest word. The headline
        is set in front even when kept lines stood above it in the input, so a span
        that runs from it into them maps to the stretch that holds all their words.
        """
        if not self._clean_starts:
            return (0, 0)
        start = max(0, min(start, len(self.text)))
        end = max(start, min(end, len(self.text)))
        raw_start = self._raw_position(start, side="start")
        raw_end = self._raw_position(end, side="end") if end > start else raw_start
        first = bisect.bisect_right(self._clean_ends, start)  # the words inside the span
        last = bisect.bisect_left(self._clean_starts, end) - 1
        if first < last:
            raw_start = min(raw_start, min(self._raw_starts[first + 1 : last + 1]))
            raw_end = max(raw_end, max(self._raw_ends[first:last]))
        return (raw_start, max(raw_start, raw_end))

    def _raw_position(self, offset: int, side: str) -> int:
        """Raw offset of cleaned ``offset`` (a start position or an end position)."""
        if side == "start":
            k = bisect.bisect_right(self._clean_starts, offset) - 1
            if k < 0:
                return self._raw_starts[0]
            if offset >= self._clean_ends[k]:  # in a gap: snap to the next word
                return (
                    self._raw_starts[k + 1] if k + 1 < len(self._raw_starts) else self._raw_ends[k]
                )
            return self._within(k, offset, self._raw_starts[k])
        k = bisect.bisect_left(self._clean_ends, offset)
        if k >= len(self._clean_ends):
            return self._raw_ends[-1]
        if offset <= self._clean_starts[k]:  # in a gap: snap to the previous word
            return self._raw_ends[k - 1] if k > 0 else self._raw_starts[0]
        return self._within(k, offset, self._raw_ends[k])

    def _within(self, k: int, offset: int, fallback: int) -> int:
        """Exact position inside word ``k`` when it was not changed by repair."""
        clean_len = self._clean_ends[k] - self._clean_starts[k]
        raw_len = self._raw_ends[k] - self._raw_starts[k]
        if clean_len == raw_len:
            return self._raw_starts[k] + offset - self._clean_starts[k]
        return fallback


def assemble(
    work: str,
    raw: str,
    blocks: list[Block],
    keep: list[bool],
    title_index: int | None,
    to_raw: dict[int, tuple[int, int]] | None,
    source: str,
    language: str,
) -> Cleaned:
    """Build the cleaned text and its offset map from the kept blocks.

    The title block (when there is one) comes first. ``to_raw`` maps a word's
    start in ``work`` to its span in ``raw`` (``None``: ``work`` is ``raw``).
    """
    order = [i for i in range(len(blocks)) if keep[i]]
    if title_index is not None:
        order = [title_index] + [i for i in order if i != title_index]
    parts: list[str] = []
    clean_starts: list[int] = []
    clean_ends: list[int] = []
    raw_starts: list[int] = []
    raw_ends: list[int] = []
    length = 0
    paragraphs: list[str] = []
    for n, i in enumerate(order):
        if n:
            parts.append("\n\n")
            length += 2
        spans = blocks[i].spans
        whole = work[spans[0][0] : spans[-1][1]] if spans else ""
        plain = whole.isascii() and "&" not in whole  # no word of it needs repair
        if plain and to_raw is None:
            # each word maps to itself: the lists in one go
            paragraph = " ".join(work[s:e] for s, e in spans)
            starts = list(accumulate((e - s + 1 for s, e in spans), initial=length))
            clean_starts.extend(starts[:-1])
            clean_ends.extend(start - 1 for start in starts[1:])
            raw_starts.extend(s for s, _ in spans)
            raw_ends.extend(e for _, e in spans)
            parts.append(paragraph)
            paragraphs.append(paragraph)
            length += len(paragraph)
            continue
        words: list[str] = []
        for s, e in spans:
            fixed = work[s:e] if plain else _repair(work[s:e])
            if not fixed:
                continue
            if words:
                parts.append(" ")
                length += 1
            located = (s, e) if to_raw is None else to_raw.get(s)
            if located is not None:
                clean_starts.append(length)
                clean_ends.append(length + len(fixed))
                raw_starts.append(located[0])
                raw_ends.append(located[1])
            parts.append(fixed)
            words.append(fixed)
            length += len(fixed)
        paragraphs.append(" ".join(words))
    text = "".join(parts)
    title = paragraphs[0] if title_index is not None and paragraphs else ""
    removed = [b.text for i, b in enumerate(blocks) if not keep[i]]
    return Cleaned(
        text=text,
        title=title,
        removed=removed,
        raw=raw,
        source=source,
        language=language,
        _clean_starts=clean_starts,
        _clean_ends=clean_ends,
        _raw_starts=raw_starts,
        _raw_ends=raw_ends,
    )


@lru_cache(maxsize=8192)
def _repair(word: str) -> str:
    """Fix mojibake, entities and Unicode forms in one word (fast path when clean;
    remembered, as words repeat and ftfy is slow)."""
    if word.isascii() and "&" not in word:
        return word
    fixed = ftfy.fix_text(word, _FTFY)
    return "".join(ch for ch in fixed if ch.isprintable())
