"""summarise: clean a pasted web page, summarise it, answer questions about it.

Data flow: raw text -> :func:`clean` -> :class:`Cleaned` -> (:class:`Summary` |
passages -> :class:`Answer`) -> :class:`Claim` checks, all behind :class:`Document`.
The stages live in their folders (``summarise.cleaner``, ``summarise.summary``,
``summarise.qa``, ``summarise.claims``, ``summarise.models``, ``summarise.apps``);
this module exports what a user of the library needs.
"""

from importlib.metadata import PackageNotFoundError, version

from summarise.cleaner import Cleaned, clean
from summarise.components import ModelSettings
from summarise.document import Document
from summarise.errors import InputError, LimitError, ModelError, SummariseError
from summarise.results import Answer, Claim, Evidence, Flag, Summary
from summarise.settings import Limits, Settings

try:
    __version__ = version("summarise")
except PackageNotFoundError:  # run from a source tree that was never installed
    __version__ = "0+unknown"

__all__ = [
    "Answer",
    "Claim",
    "Cleaned",
    "Document",
    "Evidence",
    "Flag",
    "InputError",
    "LimitError",
    "Limits",
    "ModelError",
    "ModelSettings",
    "Settings",
    "SummariseError",
    "Summary",
    "__version__",
    "clean",
]
