"""Batch jobs: a JSONL, CSV or folder of documents in, one result row per record out
(resumable), processed locally or on a Ray cluster."""

from summarise.apps.batch.job import run_batch
from summarise.apps.batch.processing import JobSettings

__all__ = ["JobSettings", "run_batch"]
