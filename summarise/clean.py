"""Turn a pasted web page (plain text or HTML) into a clean article.

Stages, in the spirit of jusText and trafilatura:

1. HTML is detected and the article extracted with trafilatura.
2. Lines are re-joined where a paste hard-wrapped them, and every paragraph is
   classified from its own features: length, stop-word density, sentence
   punctuation and web-interface vocabulary (share buttons, cookie banners...).
3. Context decides the rest: the article body runs from the first to the last
   good paragraph; short lines outside it are navigation or footer residue,
   except the headline, which is the longest heading-like line before the body.
4. Each kept word is repaired (mojibake, Unicode normalisation) and remembered
   with its position in the raw input, so any span of the cleaned text can be
   mapped back to the text the person pasted.
"""

from __future__ import annotations

import bisect
import html as html_lib
import re
from dataclasses import dataclass, field
from functools import lru_cache

import ftfy
import justext

_FTFY = ftfy.TextFixerConfig(uncurl_quotes=False, explain=False)
_WORD = re.compile(r"\S+")
_TERMINAL = re.compile(r"[.!?…:;][\"'”’»)\]]*$")
_LETTER = re.compile(r"[^\W\d_]", re.UNICODE)
_HTML_HINT = re.compile(
    r"<\s*(?:!doctype|html|head|body|div|p|article|span|a|br|table|section|main)\b", re.I
)

# Web-interface vocabulary: a short line made only of these is page furniture.
_UI_WORDS = (
    r"share|shares|sharing|print|email|e-mail|mail|tweet|facebook|twitter|x|linkedin|whatsapp|"
    r"pinterest|reddit|telegram|copy|link|comments?|advertisement|advertising|ad|sponsored|"
    r"skip|to|main|content|navigation|accessibility|links?|menu|search|close|log|login|in|"
    r"sign|signin|up|subscribe|newsletter|home|news|update|updated|breaking|live|video|"
    r"videos|watch|listen|audio|read|more|related|articles?|stories|story|most|popular|"
    r"viewed|trending|top|recommended|font|text|size|xs|sm|md|lg|xl|xxl|a|a\+|a-|"
    r"back|next|previous|prev|show|load|view|gallery|photos?|images?|print|save|"
    r"bookmark|follow|us|on|this|page|article|opinion|world|business|sport|sports|"
    r"politics|tech|science|health|entertainment|lifestyle|culture|local|national|"
    r"international|asia|europe|americas|africa|middle|east|pacific|loading|toggle|"
    r"settings|cookies?|accept|reject|manage|preferences|ok|got|it|listen|min|mins|"
    r"minute|minutes|reading|time|here|click|tap|expand|collapse|caption|hide|"
    r"zoom|icon|logo|arrow|english|español|français|deutsch|and|&|\||·|•|/|-|–|—"
)
_UI_LINE = re.compile(rf"^(?:(?:{_UI_WORDS})\W*|\d+\W*)+$", re.I)
_BOILERPLATE_START = re.compile(
    r"^\W*(?:photo|photograph|image|picture|credit|caption|file photo|video|watch|"
    r"read more|read also|see also|related|more on|more from|also read|advertisement|"
    r"sponsored|copyright|©|\(c\)|all rights reserved|follow us|sign up|subscribe|"
    r"click here|tap here|share (?:on|this|via)|updated|published|last updated|posted|"
    r"image source|media caption|getty images)\b",
    re.I,
)
_BOILERPLATE_ANYWHERE = re.compile(
    r"all rights reserved|©|\bcopyright\b|\bcookies?\b.{0,60}\b(?:use|accept|consent|agree)|"
    r"\b(?:use|accept|consent|agree)\b.{0,60}\bcookies?\b|privacy policy|terms of (?:use|service)|"
    r"enable javascript|your browser (?:does not|doesn't)|\bad blocker\b|"
    r"\((?:[^()]*\b(?:photo|photograph|image|credit|getty|reuters|afp|ap|epa|file)\b[^()]*)\)\s*$|"
    r"\b(?:getty images|ap photo|afp via getty|reuters/|shutterstock)\b",
    re.I,
)
_BOILERPLATE_ANYWHERE_MAX_WORDS = 40
_BOILERPLATE_SHORT = re.compile(
    r"\b(?:advertisement|advertising|sponsored|continue reading|story continues|"
    r"read (?:the )?full|click to|min read|subscribe|newsletter)\b",
    re.I,
)
_BOILERPLATE_SHORT_MAX_WORDS = 8


@dataclass
class Cleaned:
    """A cleaned article and the way back to the raw input.

    ``text`` is the title line (when one was found) followed by the body
    paragraphs, separated by blank lines. ``removed`` lists the dropped lines in
    input order. ``to_original`` maps a span of ``text`` to the raw input.
    """

    text: str
    title: str
    removed: list[str]
    raw: str
    source: str = "text"
    language: str = "en"
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
        whitespace-only span maps to an empty span at the nearest word.
        """
        if not self._clean_starts:
            return (0, 0)
        start = max(0, min(start, len(self.text)))
        end = max(start, min(end, len(self.text)))
        raw_start = self._raw_position(start, side="start")
        raw_end = self._raw_position(end, side="end") if end > start else raw_start
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


@dataclass
class _Line:
    """One candidate paragraph: its words as spans of the working text."""

    spans: list[tuple[int, int]]
    text: str
    words: int = 0
    stop_density: float = 0.0
    sentence_like: bool = False
    boilerplate: bool = False
    good: bool = False

    @property
    def heading_like(self) -> bool:
        return not self.sentence_like and self.words <= 20


def is_html(raw: str) -> bool:
    """Whether ``raw`` looks like an HTML document rather than pasted text."""
    head = raw[:5000]
    return (
        head.lstrip().startswith("<")
        and len(_HTML_HINT.findall(head)) >= 2
        or (len(_HTML_HINT.findall(raw[:20000])) >= 5)
    )


def clean(raw: str) -> Cleaned:
    """Clean pasted text or HTML into a :class:`Cleaned` article."""
    raw = raw.replace("\x00", "")
    if is_html(raw):
        return _clean_html(raw)
    lines = _join_wrapped(raw)
    return _assemble(raw, raw, lines, to_raw=None, source="text")


def _clean_html(raw: str) -> Cleaned:
    """Extract the article from HTML with trafilatura, then clean its text."""
    import trafilatura

    doc = trafilatura.bare_extraction(
        raw, include_comments=False, include_tables=True, with_metadata=True, deduplicate=False
    )
    body = (doc.text or "") if doc is not None else ""
    title = ((doc.title or "") if doc is not None else "").strip()
    if title and not body.startswith(title):
        body = f"{title}\n{body}"
    lines = [_line_from_text(body, m.start(), m.end()) for m in re.finditer(r"[^\n]+", body)]
    lines = [ln for ln in lines if ln.spans]
    to_raw = _locate_words(body, raw)
    return _assemble(body, raw, lines, to_raw=to_raw, source="html")


def _locate_words(extracted: str, raw: str) -> dict[int, tuple[int, int]]:
    """Find each word of the extracted text in the raw HTML, in order.

    Words that cannot be found (entities rewritten, text generated by the
    extractor) are left out; the offset map then snaps to their neighbours.
    """
    located: dict[int, tuple[int, int]] = {}
    cursor = 0
    for m in _WORD.finditer(extracted):
        word = m.group()
        for variant in (word, html_lib.escape(word, quote=False), html_lib.escape(word)):
            pos = raw.find(variant, cursor)
            if pos >= 0 and pos - cursor < 20000:
                located[m.start()] = (pos, pos + len(variant))
                cursor = pos + len(variant)
                break
    return located


def _line_from_text(text: str, start: int, end: int) -> _Line:
    spans = [(start + m.start(), start + m.end()) for m in _WORD.finditer(text[start:end])]
    return _Line(spans=spans, text=" ".join(text[s:e] for s, e in spans))


def _join_wrapped(raw: str) -> list[_Line]:
    """Group raw lines into paragraphs, re-joining lines a paste hard-wrapped."""
    blocks: list[list[tuple[int, int]]] = []
    current: list[tuple[int, int]] = []
    offset = 0
    for line in raw.split("\n"):
        start, offset = offset, offset + len(line) + 1
        if not line.strip():
            if current:
                blocks.append(current)
                current = []
            continue
        current.append((start, start + len(line)))
    if current:
        blocks.append(current)
    lengths = sorted(len(raw[s:e].strip()) for block in blocks for s, e in block)
    width = lengths[int(len(lengths) * 0.9)] if lengths else 0
    wrapped = _looks_hard_wrapped(raw, blocks, width)
    paragraphs: list[_Line] = []
    for block in blocks:
        group: list[tuple[int, int]] = []
        for i, (s, e) in enumerate(block):
            group.append((s, e))
            line = raw[s:e].strip()
            nxt = raw[block[i + 1][0] : block[i + 1][1]].strip() if i + 1 < len(block) else ""
            if nxt and _continues(line, nxt, width, wrapped):
                continue
            paragraphs.append(_merge(raw, group))
            group = []
    return paragraphs


def _looks_hard_wrapped(raw: str, blocks: list[list[tuple[int, int]]], width: int) -> bool:
    """A paste is hard-wrapped when full-width lines often stop mid-sentence."""
    if not 30 <= width <= 120:
        return False
    full = [raw[s:e].strip() for block in blocks for s, e in block[:-1]]
    full = [ln for ln in full if len(ln) >= 0.75 * width]
    if len(full) < 3:
        return False
    mid_sentence = sum(1 for ln in full if not _TERMINAL.search(ln))
    return mid_sentence >= 0.4 * len(full)


def _continues(line: str, nxt: str, width: int, wrapped: bool) -> bool:
    """Whether ``nxt`` continues the paragraph that ``line`` belongs to."""
    if line.endswith("-") and nxt[:1].islower():
        return True
    if wrapped:
        return len(line) >= 0.6 * width
    return not _TERMINAL.search(line) and nxt[:1].islower() and len(line) >= 30


def _merge(raw: str, group: list[tuple[int, int]]) -> _Line:
    spans = [(s + m.start(), s + m.end()) for s, e in group for m in _WORD.finditer(raw[s:e])]
    return _Line(spans=spans, text=" ".join(raw[s:e] for s, e in spans))


@lru_cache(maxsize=1)
def _stoplists() -> dict[str, frozenset[str]]:
    names = {
        "en": "English",
        "de": "German",
        "fr": "French",
        "es": "Spanish",
        "it": "Italian",
        "pt": "Portuguese",
        "nl": "Dutch",
        "da": "Danish",
        "pl": "Polish",
        "ru": "Russian",
    }
    return {code: frozenset(justext.get_stoplist(name)) for code, name in names.items()}


def _tokens(text: str) -> list[str]:
    return [t.lower() for t in re.findall(r"[^\W\d_]+(?:['’][^\W\d_]+)?", text)]


def detect_language(text: str) -> str:
    """Pick the language whose stop words are densest in ``text`` (default English)."""
    tokens = _tokens(text[:20000])
    if not tokens:
        return "en"
    best, best_hits = "en", 0
    for code, stoplist in _stoplists().items():
        hits = sum(1 for t in tokens if t in stoplist)
        if hits > best_hits * 1.2:
            best, best_hits = code, hits
    return best


def _classify(lines: list[_Line], language: str) -> None:
    """Set each line's own features: jusText's length and stop-word density."""
    stoplist = _stoplists().get(language, _stoplists()["en"])
    for line in lines:
        text = line.text if line.text.isascii() else ftfy.fix_text(line.text, _FTFY)
        tokens = _tokens(text)
        line.words = len(text.split())
        line.stop_density = sum(1 for t in tokens if t in stoplist) / max(1, len(tokens))
        letters = len(_LETTER.findall(text))
        line.sentence_like = bool(_TERMINAL.search(text)) and line.words >= 3
        line.boilerplate = (
            _UI_LINE.match(text) is not None
            or letters < 0.5 * len(text.replace(" ", ""))
            or _BOILERPLATE_START.match(text) is not None
            and line.words <= _BOILERPLATE_ANYWHERE_MAX_WORDS
            or line.words <= _BOILERPLATE_ANYWHERE_MAX_WORDS
            and _BOILERPLATE_ANYWHERE.search(text) is not None
            or line.words <= _BOILERPLATE_SHORT_MAX_WORDS
            and _BOILERPLATE_SHORT.search(text) is not None
        )
        line.good = (
            not line.boilerplate
            and line.stop_density >= 0.2
            and (line.words >= 12 and line.sentence_like or line.words >= 30)
        )


def _select(lines: list[_Line]) -> tuple[int | None, list[bool]]:
    """Decide which lines to keep from their context; return (title index, keep flags)."""
    keep = [False] * len(lines)
    good = [i for i, ln in enumerate(lines) if ln.good]
    if not good:  # a short paste: keep whatever reads as prose
        good = [i for i, ln in enumerate(lines) if ln.sentence_like and not ln.boilerplate]
    if not good:
        good = [i for i, ln in enumerate(lines) if not ln.boilerplate and ln.words >= 3]
    if not good:
        return None, keep
    first, last = good[0], good[-1]
    for i in range(first, last + 1):
        keep[i] = _keep_in_body(lines, i)
    i = first - 1  # a standfirst or lead sentence just above the body
    while i >= 0 and lines[i].sentence_like and not lines[i].boilerplate:
        keep[i] = lines[i].stop_density >= 0.15
        i -= 1
    i = last + 1  # a closing sentence just below it
    while i < len(lines) and lines[i].sentence_like and not lines[i].boilerplate:
        keep[i] = lines[i].stop_density >= 0.15
        i += 1
    title = _find_title(lines, first, keep)
    if title is not None:
        keep[title] = True
    return title, keep


def _keep_in_body(lines: list[_Line], i: int) -> bool:
    """Inside the body keep prose and lone sub-headings; drop furniture and link lists."""
    line = lines[i]
    if line.good:
        return True
    if line.boilerplate:
        return False
    if line.sentence_like:
        return True
    if line.words < 2:
        return False
    return not (_listed(lines, i, -1) or _listed(lines, i, 1))


def _listed(lines: list[_Line], i: int, step: int) -> bool:
    """Whether the nearest non-furniture neighbour is heading-like too (a link list)."""
    j = i + step
    while 0 <= j < len(lines) and lines[j].boilerplate:
        j += step
    return 0 <= j < len(lines) and lines[j].heading_like and not lines[j].good


def _find_title(lines: list[_Line], first_body: int, keep: list[bool]) -> int | None:
    """The headline: the longest heading-like line above the body (nearest wins ties)."""
    best: int | None = None
    for i in range(first_body):
        line = lines[i]
        if keep[i] or line.boilerplate or not 3 <= line.words <= 30:
            continue
        if line.text.rstrip().endswith((".", ",", ";")) and line.words > 12:
            continue
        if best is None or line.words >= lines[best].words:
            best = i
    return best


def _assemble(
    work: str,
    raw: str,
    lines: list[_Line],
    to_raw: dict[int, tuple[int, int]] | None,
    source: str,
) -> Cleaned:
    """Build the cleaned text and its offset map from the kept lines."""
    language = detect_language(" ".join(ln.text for ln in lines))
    _classify(lines, language)
    title_index, keep = _select(lines)
    order = [i for i in range(len(lines)) if keep[i]]
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
        words: list[str] = []
        for s, e in lines[i].spans:
            fixed = _repair(work[s:e])
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
    removed = [ln.text for i, ln in enumerate(lines) if not keep[i]]
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


def _repair(word: str) -> str:
    """Fix mojibake, entities and Unicode forms in one word (fast path when clean)."""
    if word.isascii() and "&" not in word:
        return word
    fixed = ftfy.fix_text(word, _FTFY)
    return "".join(ch for ch in fixed if ch.isprintable())
