"""Ingest: a file's bytes, a path or a public URL in, the text to clean out.

Text files are decoded whatever their encoding, PDFs are read page by page, and URLs
are fetched with size caps and without reaching private addresses.
"""

from summarise.ingest.files import read_bytes, read_path
from summarise.ingest.url import fetch_url, is_url

__all__ = ["fetch_url", "is_url", "read_bytes", "read_path"]
