"""Questions: a cleaned text and a question in, :class:`~summarise.results.Answer` spans out.

:class:`Retriever` cuts long texts into passages and ranks them (BM25 and embeddings);
:class:`Reader` runs an extractive QA checkpoint over them and decodes spans with their
offsets; :func:`passage_answers` is the labelled fallback without a reader.
"""

from summarise.qa.evidence import passage_answers
from summarise.qa.passages import Retriever
from summarise.qa.reader import Reader
from summarise.qa.spans import AskOptions

__all__ = ["AskOptions", "Reader", "Retriever", "passage_answers"]
