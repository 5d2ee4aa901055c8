"""Model checkpoints: where each comes from, loading it once, and the engines that run it.

Takes a role ("summariser", "reader", "embedder") and an optional name or folder; gives
a loaded checkpoint (:class:`Checkpoint`), the CTranslate2 engine for seq2seq
generation and the sentence :class:`Embedder`. Nothing here knows what a summary or an
answer is.
"""

from summarise.models.checkpoint import Checkpoint
from summarise.models.embedder import Embedder

__all__ = ["Checkpoint", "Embedder"]
