"""Claim checking: a summary and its source in, one :class:`~summarise.results.Claim` per
summary sentence out, with its evidence and flags for facts the source does not support.

Facts (numbers, amounts, dates, names, quotations) are read and normalised in
:mod:`~summarise.claims.facts`, aligned with the source in :mod:`~summarise.claims.verify`
and shown by :mod:`~summarise.claims.view`.
"""

from summarise.claims.verify import Verifier

__all__ = ["Verifier"]
