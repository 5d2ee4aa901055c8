"""Turn uploaded or named files into text, deciding the type by content.

The file name is only a hint: a PDF is recognised by its magic bytes, HTML by
its markup, and anything with NUL bytes or that does not decode as text is
refused with a clear message. File names are never used as paths here.
"""

from __future__ import annotations

import io
import logging
from pathlib import Path

from summarise.errors import InputError
from summarise.settings import Limits

log = logging.getLogger(__name__)

_TEXT_PROBE = 8192


def read_bytes(data: bytes, name: str = "upload", limits: Limits | None = None) -> str:
    """Decode a document's bytes (.txt, .md, .html or .pdf) to text."""
    (limits or Limits()).check_file_size(len(data))
    if not data.strip():
        raise InputError(f"The file '{_display(name)}' is empty; choose a file with some text.")
    if data[:5] == b"%PDF-":
        return _pdf_text(data, name)
    if b"\x00" in data[:_TEXT_PROBE]:
        raise InputError(
            f"The file '{_display(name)}' is binary, not text; upload a .txt, .md, .html or .pdf."
        )
    return _decode(data, name)


def read_path(path: str | Path, limits: Limits | None = None) -> str:
    """Read a document from disk (``-`` is not handled here: the CLI reads stdin)."""
    path = Path(path)
    if not path.is_file():
        raise InputError(f"No such file: '{path}'; check the path.")
    limits = limits or Limits()
    limits.check_file_size(path.stat().st_size)
    return read_bytes(path.read_bytes(), path.name, limits)


def _decode(data: bytes, name: str) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None or best.encoding is None:
        raise InputError(
            f"The file '{_display(name)}' is not readable text; save it as UTF-8 and try again."
        )
    text = str(best)
    control = sum(1 for ch in text[:_TEXT_PROBE] if ord(ch) < 32 and ch not in "\n\r\t\f")
    if control > 0.05 * min(len(text), _TEXT_PROBE):
        raise InputError(
            f"The file '{_display(name)}' is binary, not text; upload a .txt, .md, .html or .pdf."
        )
    log.info("Decoded %s as %s", _display(name), best.encoding)
    return text


def _pdf_text(data: bytes, name: str) -> str:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(io.BytesIO(data))
        pages = [page.extract_text() or "" for page in reader.pages]
    except (PdfReadError, ValueError, KeyError, OSError) as exc:
        raise InputError(
            f"The PDF '{_display(name)}' could not be read ({type(exc).__name__}); "
            "check that it opens in a PDF viewer."
        ) from None
    text = "\n\n".join(p.strip() for p in pages if p.strip())
    if not text.strip():
        raise InputError(
            f"The PDF '{_display(name)}' has no text layer (a scan?); run OCR on it first "
            "or paste its text."
        )
    return text


def _display(name: str) -> str:
    """A file name safe to show: its last component, printable, at most 80 characters."""
    base = name.replace("\\", "/").rsplit("/", 1)[-1]
    base = "".join(ch for ch in base if ch.isprintable())
    return base[:80] or "upload"
