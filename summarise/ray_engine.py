"""The batch job as a Ray Data pipeline: ``map_batches`` over a pool of actors.

Each actor holds one copy of the models (a :class:`~summarise.batch.Processor`);
``actors`` sets the pool size and ``address`` joins an existing cluster
(default: start Ray locally, in-process). Order is preserved so the output
matches the local engine record for record.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from typing import Any

from .batch import Processor, Settings
from .errors import InputError

log = logging.getLogger(__name__)


class _Worker:
    """A Ray actor: loads the models once, then processes batches of records."""

    def __init__(self, settings: Settings) -> None:
        self.processor = Processor(settings)

    def __call__(self, batch: dict[str, Any]) -> dict[str, list[Any]]:
        import json

        records = [
            {
                "id": batch["id"][i],
                "text": batch["text"][i],
                "questions": json.loads(batch["questions"][i]),
                "error": batch["error"][i] or None,
            }
            for i in range(len(batch["id"]))
        ]
        results = self.processor.batch(records)
        return {"result": [json.dumps(r, ensure_ascii=False) for r in results]}


def ray_results(
    records: list[dict[str, Any]],
    settings: Settings,
    batch_size: int,
    actors: int,
    address: str | None,
) -> Iterator[dict[str, Any]]:
    """Yield output records computed by a pool of Ray actors, in input order."""
    import json

    try:
        import ray
    except ImportError:
        raise InputError(
            "The Ray engine needs Ray; install it with `pip install 'summarise[ray]'`."
        ) from None
    if not records:
        return
    started_here = not ray.is_initialized()
    if started_here:
        ray.init(
            address=address,
            num_cpus=None if address else max(actors, 1),
            include_dashboard=False,
            log_to_driver=False,
            ignore_reinit_error=True,
        )
    try:
        context = ray.data.DataContext.get_current()
        context.execution_options.preserve_order = True
        context.enable_progress_bars = False
        items = [
            {
                "id": r["id"],
                "text": r["text"],
                "questions": json.dumps(r["questions"]),
                "error": r.get("error") or "",
            }
            for r in records
        ]
        dataset = ray.data.from_items(items, override_num_blocks=max(1, len(items) // batch_size))
        results = dataset.map_batches(
            _Worker,
            fn_constructor_args=(settings,),
            batch_size=batch_size,
            compute=ray.data.ActorPoolStrategy(size=actors),
            num_cpus=1,
            batch_format="numpy",
        )
        for row in results.iter_rows():
            yield json.loads(row["result"])
    finally:
        if started_here:
            ray.shutdown()
