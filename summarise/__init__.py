"""summarise: clean a pasted web page, summarise it, answer questions about it.

Data flow: raw text -> :func:`clean` -> :class:`Cleaned` -> (:class:`Summariser`
-> :class:`Summary` | :class:`Retriever` passages -> :class:`Reader` ->
:class:`Answer`), all wrapped by :class:`Document`, which takes its models from
:class:`Components`.
"""

from .clean import Cleaned, clean
from .components import Components, ModelSettings
from .document import Document
from .embedder import Embedder
from .errors import InputError, LimitError, ModelError, SummariseError
from .reader import Reader
from .results import Answer, Claim, Summary
from .retrieval import Retriever
from .spans import AskOptions
from .summariser import Summariser

__all__ = [
    "Answer",
    "AskOptions",
    "Claim",
    "Cleaned",
    "Components",
    "Document",
    "Embedder",
    "InputError",
    "LimitError",
    "ModelError",
    "ModelSettings",
    "Reader",
    "Retriever",
    "Summariser",
    "SummariseError",
    "Summary",
    "clean",
]
__version__ = "0.1.0"
