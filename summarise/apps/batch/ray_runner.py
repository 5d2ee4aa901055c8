"""The batch job as a Ray Data pipeline: ``map_batches`` over a pool of actors.

Each actor holds one copy of the models (a :class:`~summarise.apps.batch.processing.Processor`);
``actors`` sets the pool size and ``address`` joins an existing cluster
(default: start Ray locally, in-process). Records and results travel as Python
objects, not re-encoded. Order is preserved so the output matches the local
engine record for record.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from typing import Any

import numpy as np

from summarise.apps.batch.processing import JobSettings, Processor, Record, Result
from summarise.errors import InputError

log = logging.getLogger(__name__)


class _Worker:
    """A Ray actor: loads the models once, then processes batches of records."""

    def __init__(self, settings: JobSettings) -> None:
        self.processor = Processor(settings)

    def __call__(self, batch: dict[str, Any]) -> dict[str, Any]:
        results = self.processor.batch(list(batch["record"]))
        column = np.empty(len(results), dtype=object)
        column[:] = results
        return {"result": column}


def ray_results(
    records: list[Record],
    settings: JobSettings,
    batch_size: int,
    actors: int,
    address: str | None,
) -> Iterator[Result]:
    """Yield results computed by a pool of Ray actors, in input order."""
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
        dataset = ray.data.from_items(
            [{"record": r} for r in records],
            override_num_blocks=max(1, len(records) // batch_size),
        )
        results = dataset.map_batches(
            _Worker,
            fn_constructor_args=(settings,),
            batch_size=batch_size,
            compute=ray.data.ActorPoolStrategy(size=actors),
            num_cpus=1,
            batch_format="numpy",
        )
        for row in results.iter_rows():
            yield row["result"]
    finally:
        if started_here:
            ray.shutdown()
