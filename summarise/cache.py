"""A small least-recently-used cache keyed by a text's hash, safe across threads.

Cleaned documents (web app) and passage indexes (retrieval) are both worth
keeping for the next question about the same text, and both are keyed by the
text itself; hashing it keeps the keys small.
"""

from __future__ import annotations

import hashlib
import threading
from collections import OrderedDict
from collections.abc import Callable
from typing import Generic, TypeVar

V = TypeVar("V")


def text_key(text: str) -> str:
    """A short, stable key for any text (lone surrogates included)."""
    return hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()


class TextCache(Generic[V]):
    """Keep the values made for the last ``size`` texts; the oldest used goes first.

    ``make`` runs outside the lock, so a slow one does not hold up other texts;
    two threads making the same new text at once both make it, and one is kept.
    """

    def __init__(self, size: int) -> None:
        self.size = size
        self._items: OrderedDict[str, V] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, text: str, make: Callable[[str], V]) -> V:
        key = text_key(text)
        with self._lock:
            if key in self._items:
                self._items.move_to_end(key)
                return self._items[key]
        value = make(text)
        with self._lock:
            self._items[key] = value
            while len(self._items) > self.size:
                self._items.popitem(last=False)
        return value

    def clear(self) -> None:
        with self._lock:
            self._items.clear()

    def __len__(self) -> int:
        return len(self._items)
