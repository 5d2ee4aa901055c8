"""The cleaner: raw pasted text or a page source in, a :class:`Cleaned` article out.

``clean()`` (in :mod:`summarise.cleaner.pipeline`) splits a paste into blocks, scores
them with the trained line classifier, corrects the call with rules of page structure,
finds the headline and keeps an offset map back to the raw input; page sources go
through trafilatura first.
"""

from summarise.cleaner.cleaned import Cleaned
from summarise.cleaner.pipeline import clean, detect_language, is_html

__all__ = ["Cleaned", "clean", "detect_language", "is_html"]
