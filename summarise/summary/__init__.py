"""Summaries: a cleaned text in, a :class:`~summarise.results.Summary` out.

:class:`Summariser` runs a seq2seq checkpoint (CTranslate2 or torch), splitting long
texts on sentence boundaries; :func:`extractive_summary` is the labelled fallback
when no checkpoint is at hand.
"""

from summarise.summary.extractive import extractive_summary
from summarise.summary.summariser import Summariser

__all__ = ["Summariser", "extractive_summary"]
