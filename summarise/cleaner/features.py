"""Features of each block for the line classifier: its own signals and its context.

Own signals are language-independent where possible (length, punctuation, digit
and capital shares, separators, comment and teaser shapes) plus stop-word density
where jusText has a list for the page's language. Context is what a person reads
a page by: the neighbours, runs of short lines, position, repeated lines, and how
much a line shares the vocabulary of the page's long prose paragraphs.
"""

from __future__ import annotations

import math
import string
from collections import Counter
from collections.abc import Callable, Sequence
from typing import TypeVar

import numpy as np

from summarise.cleaner import dates, rules, thread_phrases
from summarise.cleaner.blocks import Block
from summarise.language import stopwords

OWN = [
    "log_len", "log_words", "terminal", "ends_colon", "comma_rate", "punct_share",
    "digit_share", "letter_share", "title_case", "all_caps", "mean_token_len", "stop_density",
    "has_stoplist", "ui_share", "separators", "bullet", "count_suffix", "comment_mark",
    "time_of_day", "date", "urlish", "boilerplate_start", "boilerplate_any", "cookie",
    "quote", "cjk_share", "question",
]  # fmt: skip
_NEIGHBOUR = ["log_len", "terminal", "stop_density", "title_case", "ui_share", "comment_mark"]
_OFFSETS = (-2, -1, 1, 2)
CONTEXT = [
    "position", "char_position", "repeated", "short_run", "window_len", "in_prose_span",
    "prose_distance", "topic_overlap", "len_vs_median", "len_vs_max", "prose_share",
    "first_prose_distance", "comment_window", "comments_before", "dated_window",
]  # fmt: skip
NAMES = OWN + [f"{n}@{o:+d}" for o in _OFFSETS for n in _NEIGHBOUR] + CONTEXT


def feature_tables() -> tuple[object, ...]:
    """The tables the features read, as they are now: the weights files record their
    fingerprint (see ``fingerprint``), so that editing one cannot silently change a
    trained model's inputs."""
    return (
        rules.UI_WORDS,
        thread_phrases.COMMENT_MARK,
        rules.BOILERPLATE_START,
        rules.BOILERPLATE_ANYWHERE,
        rules.COOKIE,
        dates.ENGLISH_DATE,
        dates.TIME_OF_DAY,
        rules.COUNT_SUFFIX,
        rules.URLISH,
        rules.SEPARATORS,
        rules.BULLETS,
        rules.TERMINAL,
        rules.CJK,
        rules.CJK_FUNCTION,
    )


T = TypeVar("T")
_LANGUAGE_TOKENS = 20000
_ASCII_LETTERS = string.ascii_letters.encode()
_ASCII_DIGITS = string.digits.encode()


def detect_language(texts: Sequence[str]) -> str:
    """The language whose stop words are most frequent in ``texts`` ("" when none fits)."""
    tokens: Counter[str] = Counter()
    seen = 0
    for text in texts:
        found = rules.tokens(text.lower())[: _LANGUAGE_TOKENS - seen]
        tokens.update(found)
        seen += len(found)
        if seen >= _LANGUAGE_TOKENS:
            break
    index = stopwords.stopword_index()
    votes: Counter[str] = Counter()
    for token, count in tokens.items():
        for code in index.get(token, ()):
            votes[code] += count
    if not votes:
        return ""
    code, hits = max(votes.items(), key=lambda kv: (kv[1], kv[0] == "en"))
    return code if hits >= 0.05 * seen else ""


def _own(full: str, stoplist: frozenset[str] | None, cjk_page: bool) -> list[float]:
    text = full[: rules.SAMPLE_CHARS]  # shares and marks from the start; lengths from the whole
    words = text.split()
    chars = len(text.replace(" ", "")) or 1
    cjk = 0 if text.isascii() else len(rules.CJK.findall(text))
    n_words = len(words) + cjk // rules.CJK_CHARS_PER_WORD
    letters = _letters(text)
    digits = _ascii_count(text, _ASCII_DIGITS) if text.isascii() else len(rules.DIGIT.findall(text))
    punct = chars - letters - digits
    # a run of CJK characters is many words, not one long token: placeholders of a
    # word's length stand for them (only their number and length matter)
    tokens = rules.tokens((rules.CJK.sub(" ", text) if cjk else text).lower())
    tokens += ("字" * rules.CJK_CHARS_PER_WORD,) * (cjk // rules.CJK_CHARS_PER_WORD)
    n_tokens = len(tokens) or 1
    cased = [w for w in words if w[:1].isalpha()]
    title_case = sum(1 for w in cased if w[:1].isupper()) / max(1, len(cased))
    all_caps = float(letters >= 4 and text.upper() == text and text.lower() != text)
    stripped = text.rstrip()
    scale = len(full) / len(text) if text else 1.0
    return [
        math.log1p((chars + (rules.CJK_WEIGHT - 1) * cjk) * scale),
        math.log1p(n_words * scale),
        float(rules.TERMINAL.search(stripped) is not None),
        float(stripped.endswith(":")),
        text.count(",") / max(1, n_words),
        punct / chars,
        digits / chars,
        letters / chars,
        title_case,
        all_caps,
        sum(map(len, tokens)) / n_tokens / 10,
        _stop_density(text, tokens, n_words, stoplist, cjk_page),
        float(stoplist is not None or cjk_page),
        sum(1 for t in tokens if t in rules.UI_WORDS) / n_tokens,
        min(1.0, sum(text.count(ch) for ch in rules.SEPARATORS) / 3),
        float(text[:1] in rules.BULLETS),
        float(rules.COUNT_SUFFIX.search(stripped) is not None),
        float(thread_phrases.COMMENT_MARK.search(text) is not None),
        float(digits > 0 and dates.TIME_OF_DAY.search(text) is not None),
        float(digits > 0 and dates.ENGLISH_DATE.search(text) is not None),  # both need one
        float(rules.URLISH.search(text) is not None),
        float(rules.BOILERPLATE_START.match(text) is not None),
        float(rules.BOILERPLATE_ANYWHERE.search(text) is not None),
        float(rules.COOKIE.search(text) is not None),
        float(any(q in text for q in '"“”«»„')),
        cjk / chars,
        float(stripped.endswith(("?", "？"))),
    ]


def _letters(text: str) -> int:
    """Letters, counting the combining marks of Indic and Thai words as theirs."""
    if text.isascii():
        return _ascii_count(text, _ASCII_LETTERS)
    return len(rules.LETTER.findall(text)) + len(rules.MARK.findall(text))


def _ascii_count(text: str, characters: bytes) -> int:
    """How many of ``characters`` an ASCII ``text`` holds: the count a character class
    gives, without the regular expression's pass."""
    return len(text) - len(text.encode("ascii").translate(None, characters))


def _stop_density(
    text: str, tokens: Sequence[str], n_words: int, stoplist: frozenset[str] | None, cjk_page: bool
) -> float:
    """Stop words per word: jusText's list for the language, or on a page in Chinese or
    Japanese its function characters per word's worth of text."""
    if stoplist:
        return sum(1 for t in tokens if t in stoplist) / max(1, len(tokens))
    if cjk_page:
        return min(1.0, sum(1 for ch in text if ch in rules.CJK_FUNCTION) / max(1, n_words))
    return 0.0


def _content_tokens(text: str, stoplist: frozenset[str] | None) -> list[str]:
    """The words a line shares with the article's topic: long non-stop words, and in
    CJK runs the pairs of characters (a word there is about two)."""
    lowered = text[: rules.SAMPLE_CHARS].lower()
    cjk = not lowered.isascii() and rules.CJK.search(lowered) is not None
    out = [
        t
        for t in rules.tokens(rules.CJK.sub(" ", lowered) if cjk else lowered)
        if len(t) >= 4 and (stoplist is None or t not in stoplist)
    ]
    if cjk:
        chars = [
            ch if rules.CJK.match(ch) and ch not in rules.CJK_FUNCTION else "" for ch in lowered
        ]
        out += [a + b for a, b in zip(chars, chars[1:]) if a and b]
    return out


def _mostly_cjk(blocks: Sequence[Block]) -> bool:
    """Whether the page is written in Chinese or Japanese (judged on its first 20,000
    characters)."""
    sample = "".join(b.text for b in blocks)[:20000]
    letters = _letters(sample)
    return letters > 0 and len(rules.CJK.findall(sample)) >= rules.CJK_PAGE_SHARE * letters


def _per_text(blocks: Sequence[Block], measure: Callable[[str], T]) -> list[T]:
    """``measure`` of each block's text, computed once per distinct text (menus repeat)."""
    memo: dict[str, T] = {}
    out = []
    for b in blocks:
        if b.text not in memo:
            memo[b.text] = measure(b.text)
        out.append(memo[b.text])
    return out


def block_features(blocks: Sequence[Block], language: str) -> np.ndarray:
    """A ``(len(blocks), len(NAMES))`` matrix of float32 features."""
    n = len(blocks)
    if n == 0:
        return np.zeros((0, len(NAMES)), dtype=np.float32)
    stoplist = stopwords.stoplists().get(language)
    cjk_page = stoplist is None and _mostly_cjk(blocks)
    own = np.array(_per_text(blocks, lambda text: _own(text, stoplist, cjk_page)), dtype=np.float64)
    col = {name: i for i, name in enumerate(OWN)}
    log_len = own[:, col["log_len"]]
    neighbour_cols = [col[name] for name in _NEIGHBOUR]
    padded = np.vstack([np.zeros((2, len(OWN))), own, np.zeros((2, len(OWN)))])
    neighbours = [padded[2 + o : 2 + o + n, neighbour_cols] for o in _OFFSETS]

    texts = [b.text.lower() for b in blocks]
    counts = Counter(texts)
    repeated = np.array([math.log(counts[t]) for t in texts])

    short = log_len <= math.log1p(30)
    short_run = np.zeros(n)
    i = 0
    while i < n:
        j = i
        while j < n and short[j]:
            j += 1
        if j > i:
            short_run[i:j] = math.log1p(j - i)
        i = max(j, i + 1)

    window = np.convolve(np.pad(log_len, 3, mode="edge"), np.ones(7) / 7, mode="valid")

    prose = (log_len >= math.log1p(150)) & (own[:, col["terminal"]] > 0)
    prose_idx = np.flatnonzero(prose)
    positions = np.arange(n)
    if len(prose_idx):
        in_span = (positions >= prose_idx[0]) & (positions <= prose_idx[-1])
        after = np.minimum(np.searchsorted(prose_idx, positions), len(prose_idx) - 1)
        before = np.maximum(after - 1, 0)
        nearest = np.minimum(
            np.abs(positions - prose_idx[after]), np.abs(positions - prose_idx[before])
        )
        first = positions - prose_idx[0]
    else:
        in_span = np.zeros(n, dtype=bool)
        nearest = np.full(n, n)
        first = np.full(n, -n)
    prose_distance = np.log1p(nearest)
    first_prose = np.sign(first) * np.log1p(np.abs(first))

    lengths = np.array([len(b.text) for b in blocks], dtype=np.float64)
    char_position = (np.cumsum(lengths) - lengths) / max(1.0, lengths.sum())
    prose_share = lengths / max(1.0, lengths.sum())

    topic = np.zeros(n)
    vocab: Counter[str] = Counter()
    own_tokens = _per_text(blocks, lambda text: _content_tokens(text, stoplist))
    for p in prose_idx:
        vocab.update(set(own_tokens[p]))
    for k, tokens in enumerate(own_tokens):
        if tokens:
            mine = set(tokens)
            self_count = 1 if prose[k] else 0
            topic[k] = sum(1 for t in mine if vocab[t] - self_count > 0) / len(mine)

    header = own[:, col["comment_mark"]] + own[:, col["time_of_day"]] * own[:, col["date"]]
    header = np.minimum(header, 1.0)
    comment_window = np.convolve(np.pad(header, 4), np.ones(9), mode="valid")
    comments_before = np.log1p(np.cumsum(header) - header)
    dated = np.convolve(np.pad(own[:, col["date"]], 4), np.ones(9), mode="valid")

    context = np.column_stack(
        [
            positions / max(1, n - 1),
            char_position,
            repeated,
            short_run,
            window,
            in_span.astype(np.float64),
            prose_distance,
            topic,
            log_len - np.median(log_len),
            log_len - log_len.max(),
            prose_share * 10,
            first_prose,
            comment_window,
            comments_before,
            dated,
        ]
    )
    return np.hstack([own, *neighbours, context]).astype(np.float32)
