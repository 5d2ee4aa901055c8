"""What the reader, summariser and embedder share: resolve a checkpoint, name it, load it once.

Each subclass names its role, the ``transformers`` auto class it loads with,
and the one sentence said when no checkpoint for it can be found.
"""

from __future__ import annotations

from typing import Any, ClassVar

from summarise.errors import ModelError
from summarise.models import resolution


class Checkpoint:
    """A model role bound to a resolved checkpoint; weights load lazily, once per process.

    ``language`` is the language key whose default is resolved when no model is
    named: ``en`` (the English default) or ``*`` (the multilingual one).
    """

    role: ClassVar[str]
    auto_class: ClassVar[str]  # the transformers class that loads it, e.g. "AutoModel"
    missing: ClassVar[str]  # said when nothing resolves offline

    def __init__(
        self,
        model: str | None = None,
        device: str = "cpu",
        quantize: bool | None = None,
        language: str = resolution.ENGLISH,
    ):
        self.language = language  # the language key it serves ("*": every language not listed)
        self.resolved = resolution.resolve(self.role, model, language)
        if not self.resolved.available:
            raise ModelError(self.missing)
        self.device = device
        self.quantize = quantize

    @property
    def name(self) -> str:
        return self.resolved.name

    def load(self) -> tuple[Any, Any]:
        """The (tokenizer, model) pair, loaded on first use and shared afterwards."""
        import transformers

        loader = getattr(transformers, self.auto_class)
        return resolution.load(self.role, self.resolved, loader, self.device)
