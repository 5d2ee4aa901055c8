"""The summariser's fast engine: the checkpoint converted to CTranslate2 on first use.

``auto`` picks CTranslate2 with int8 weights on the CPU when the package is
installed (``summarise[fast]``) and torch otherwise. The converted copy is
written once beside the checkpoint (``<folder>/ct2-int8/``), or under the
user's cache when that folder is read-only, through a temporary folder that
is renamed into place only when complete, so a half-written conversion is
never loaded. A fingerprint of the source files makes a changed checkpoint
convert again. A model the engine cannot convert runs on torch instead, with
one log line saying why.

Generation follows the checkpoint's generation config and the caller's
overrides as ``generate()`` does: CTranslate2 counts lengths without the
decoder start token and stops at the length limit without a forced end token,
so both limits are shifted accordingly; a forced first token becomes the
target prefix; beam search stops once ``num_beams`` hypotheses are finished
(``early_stopping=True``; other values have no equivalent). Sampling, and
settings CTranslate2 lacks, are not carried over.
"""

from __future__ import annotations

import functools
import hashlib
import json
import logging
import os
import shutil
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from summarise import settings
from summarise.errors import ModelError
from summarise.models import resolution

log = logging.getLogger(__name__)

ENGINES = ("auto", "torch", "ctranslate2")
# settings that configs saved by transformers 5 leave out but the converter reads
_LEGACY_FIELDS = {
    "bart": dict(
        normalize_before=False,
        normalize_embedding=True,
        add_final_layer_norm=False,
        static_position_embeddings=False,
        scale_embedding=False,
    ),
    "pegasus": dict(
        normalize_before=True,
        normalize_embedding=False,
        add_final_layer_norm=True,
        static_position_embeddings=True,
        scale_embedding=True,
    ),
}
_SOURCE_FILES = (".json", ".safetensors", ".model", ".txt")
_T5_FAMILY = {"t5", "mt5", "umt5"}
_CONVERSION = 2  # raised when the conversion changes, so older copies convert again
_LOCK = threading.Lock()
_CACHE: dict[tuple[Any, ...], Any] = {}
_POLL_SECONDS = 0.05
TICK_SECONDS = 1.0  # how often a running generation reports that it is alive


def installed() -> bool:
    """Whether the ``ctranslate2`` package can be imported here."""
    try:
        import ctranslate2  # noqa: F401
    except ImportError:
        return False
    return True


def default_engine() -> str:
    """The engine asked for by ``SUMMARISE_ENGINE``, else ``auto``."""
    return settings.current().engine


def check_engine(engine: str, device: str, quantize: bool | None) -> None:
    """Refuse an unknown engine, or int8 asked of torch, in one sentence."""
    if engine not in ENGINES:
        raise ModelError(f"Unknown engine '{engine}'; use auto, torch or ctranslate2.")
    if engine == "torch" and quantize:
        raise ModelError(
            "int8 weights run on the ctranslate2 engine only; use engine='ctranslate2' "
            "(pip install 'summarise[fast]') or drop quantize."
        )
    if engine == "ctranslate2" and device not in ("cpu", "auto") and not device.startswith("cuda"):
        raise ModelError(
            f"The ctranslate2 engine runs on the CPU or CUDA, not '{device}'; "
            "use device='cpu' or engine='torch'."
        )


@dataclass
class Seq2SeqEngine:
    """A converted checkpoint behind ``ctranslate2.Translator``, standing in for the
    torch model: it carries the same ``config`` and ``generation_config``."""

    translator: Any
    config: Any
    generation_config: Any
    quantization: str
    folder: Path

    def generate(
        self,
        tokenizer: Any,
        texts: list[str],
        settings: dict[str, Any],
        max_input: int,
        tick: Callable[[], None] | None = None,
    ) -> list[list[int]]:
        """Token ids of the summary of each text, in order.

        The batch runs in the background; ``tick`` is called about once a
        second while it does, so a progress display never falls silent.
        """
        ids = tokenizer(texts, truncation=True, max_length=max_input)["input_ids"]
        source = [tokenizer.convert_ids_to_tokens(row) for row in ids]
        options, prefix = decoding_options(tokenizer, self.generation_config, settings)
        pending = self.translator.translate_batch(
            source,
            target_prefix=[prefix] * len(source) if prefix else None,
            asynchronous=True,
            **options,
        )
        last = time.monotonic()
        while not all(result.done() for result in pending):
            time.sleep(_POLL_SECONDS)
            if tick is not None and time.monotonic() - last >= TICK_SECONDS:
                tick()
                last = time.monotonic()
        return [
            tokenizer.convert_tokens_to_ids(result.result().hypotheses[0]) for result in pending
        ]


def decoding_options(
    tokenizer: Any, generation_config: Any, settings: dict[str, Any]
) -> tuple[dict[str, Any], list[str] | None]:
    """``translate_batch`` options and target prefix equivalent to ``generate(**settings)``."""
    config = {k: v for k, v in generation_config.to_dict().items() if v is not None}
    config.update({k: v for k, v in settings.items() if v is not None})
    forced_eos = config.get("forced_eos_token_id") is not None
    longest = config.get("max_new_tokens") or config.get("max_length", 20) - 1
    shortest = config.get("min_new_tokens") or max(0, config.get("min_length", 0) - 1)
    most = max(1, longest - forced_eos)
    options = {
        "beam_size": config.get("num_beams", 1),
        "length_penalty": config.get("length_penalty", 1.0),
        "repetition_penalty": config.get("repetition_penalty", 1.0),
        "no_repeat_ngram_size": config.get("no_repeat_ngram_size", 0),
        "max_decoding_length": most,
        "min_decoding_length": min(shortest, most),
        "max_input_length": 0,
    }
    bos = config.get("forced_bos_token_id")
    prefix = [tokenizer.convert_ids_to_tokens(bos)] if bos is not None else None
    return options, prefix


def load(
    resolved: resolution.Resolved, engine: str, device: str, quantize: bool | None
) -> tuple[Any, Seq2SeqEngine] | None:
    """The (tokenizer, engine) pair for ``resolved``, or ``None`` when torch should run it.

    Loaded (and converted, the first time) once per process; a fallback to
    torch is decided once too, with one log line.
    """
    quantization = "float32" if quantize is False else "int8"
    key = (resolved.path or resolved.name, engine, device, quantization)
    with _LOCK:
        if key not in _CACHE:
            _CACHE[key] = _load(resolved, engine, device, quantization)
        return _CACHE[key]


def _load(
    resolved: resolution.Resolved, engine: str, device: str, quantization: str
) -> tuple[Any, Seq2SeqEngine] | None:
    if engine == "torch" or (engine == "auto" and device != "cpu"):
        return None
    if not installed():
        if engine == "ctranslate2":
            raise ModelError(
                "The ctranslate2 engine is not installed; pip install 'summarise[fast]' "
                "or use engine='torch'."
            )
        log.warning(
            "ctranslate2 is not installed, so the summariser runs on torch (slower); "
            "pip install 'summarise[fast]' for the fast engine."
        )
        return None
    folder = Path(resolution.local_folder("summariser", resolved))
    try:
        converted = convert(folder, quantization)
    except Exception as exc:  # noqa: BLE001 - any failure to convert means: use torch
        reason = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        log.warning(
            "The ctranslate2 engine cannot convert the summariser %s (%s); using torch.",
            resolved.name,
            reason,
        )
        return None
    return _open(folder, converted, device, quantization)


def _open(folder: Path, converted: Path, device: str, quantization: str) -> Any:
    import ctranslate2
    import torch
    from transformers import AutoConfig, AutoTokenizer, GenerationConfig

    config = AutoConfig.from_pretrained(folder)
    try:
        generation_config = GenerationConfig.from_pretrained(folder)
    except OSError:  # no generation_config.json: generate() derives one from the config
        generation_config = GenerationConfig.from_model_config(config)
    kind, _, index = device.partition(":")
    translator = ctranslate2.Translator(
        str(converted),
        device=kind,
        device_index=int(index or 0),
        compute_type=quantization,
        intra_threads=torch.get_num_threads(),
    )
    tokenizer = AutoTokenizer.from_pretrained(folder)
    log.info("Loaded summariser %s on ctranslate2 (%s)", folder, quantization)
    engine = Seq2SeqEngine(translator, config, generation_config, quantization, converted)
    return tokenizer, engine


def convert(folder: Path, quantization: str) -> Path:
    """The converted copy of ``folder`` with ``quantization`` weights, made when missing or
    stale; written to a temporary folder first and renamed into place when complete."""
    target = _target(folder, quantization)
    fingerprint = _fingerprint(folder, quantization)
    stamp = target / "source.json"
    if stamp.exists() and json.loads(stamp.read_text(encoding="utf-8")) == fingerprint:
        return target
    log.info("Converting %s for ctranslate2 (%s) into %s", folder, quantization, target)
    target.parent.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=f".{target.name}-", dir=target.parent))
    try:
        source = _patched_copy(folder, work / "source")
        output = work / "model"
        _converter()(str(source)).convert(str(output), quantization=quantization)
        (output / "source.json").write_text(json.dumps(fingerprint), encoding="utf-8")
        if target.exists():  # stale: move it aside, then put the new one in place
            os.replace(target, work / "stale")
        try:
            os.replace(output, target)
        except OSError:  # another process finished first: keep its copy
            if not (target / "source.json").exists():
                raise
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return target


@functools.cache
def _converter() -> type:
    """CTranslate2's converter, told whether the T5 family's decoder output is scaled.

    Its T5 loader scales the decoder output by ``d_model ** -0.5`` when the config
    says ``tie_word_embeddings``, as transformers 4 did. transformers 5 forces that
    flag on for every mT5 (whose checkpoints keep a separate output layer) but scales
    only where the config says ``scale_decoder_outputs`` (T5), never for mT5; the
    converted model must compute what torch computes, so the flag is set from that.
    """
    from ctranslate2.converters import TransformersConverter

    class Converter(TransformersConverter):  # type: ignore[misc]
        def load_model(self, model_class: Any, model_name_or_path: str, **kwargs: Any) -> Any:
            model = super().load_model(model_class, model_name_or_path, **kwargs)
            config = model.config
            if getattr(config, "model_type", "") in _T5_FAMILY:
                config.tie_word_embeddings = bool(getattr(config, "scale_decoder_outputs", False))
            return model

    return Converter


def _target(folder: Path, quantization: str) -> Path:
    """``<folder>/ct2-<quantization>`` when the folder is writable, else the user's cache."""
    if os.access(folder, os.W_OK):
        return folder / f"ct2-{quantization}"
    base = settings.current().cache_dir
    digest = hashlib.sha256(str(folder.resolve()).encode()).hexdigest()[:16]
    return base / "summarise" / "ct2" / f"{digest}-{quantization}"


def _fingerprint(folder: Path, quantization: str) -> dict[str, Any]:
    """What the converted copy was made from: the source files' sizes and times."""
    import ctranslate2

    files = {
        p.name: [p.stat().st_size, p.stat().st_mtime_ns]
        for p in sorted(folder.iterdir())
        if p.is_file() and p.name.endswith(_SOURCE_FILES)
    }
    return {
        "files": files,
        "quantization": quantization,
        "ctranslate2": ctranslate2.__version__,
        "conversion": _CONVERSION,
    }


def _patched_copy(folder: Path, into: Path) -> Path:
    """Links to the checkpoint's files, with the legacy config fields the converter
    reads added to a copy of ``config.json``."""
    into.mkdir()
    for path in folder.iterdir():
        if path.is_file() and path.name != "config.json":
            (into / path.name).symlink_to(path.resolve())
    config = json.loads((folder / "config.json").read_text(encoding="utf-8"))
    for name, value in _LEGACY_FIELDS.get(config.get("model_type", ""), {}).items():
        config.setdefault(name, value)
    (into / "config.json").write_text(json.dumps(config), encoding="utf-8")
    return into
