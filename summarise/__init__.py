"""summarise: clean a pasted web page, summarise it, answer questions about it.

Data flow: raw text -> :func:`clean` -> :class:`Cleaned` -> (:class:`Summariser`
-> :class:`Summary` | :class:`Retriever` passages -> :class:`Reader` ->
:class:`Answer`), all wrapped by :class:`Document`.
"""

from .claims import Claim
from .clean import Cleaned, clean
from .document import Document
from .embedder import Embedder
from .errors import InputError, LimitError, ModelError, SummariseError
from .reader import Answer, Reader
from .retrieval import Retriever
from .summariser import Summariser, Summary

__all__ = [
    "Answer",
    "Claim",
    "Cleaned",
    "Document",
    "Embedder",
    "InputError",
    "LimitError",
    "ModelError",
    "Reader",
    "Retriever",
    "Summariser",
    "SummariseError",
    "Summary",
    "clean",
]
__version__ = "0.1.0"
