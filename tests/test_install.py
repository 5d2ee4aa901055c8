"""Installing as people do: the declared dependencies, a fresh venv with the pip that
``python3 -m venv`` bundles (23.2.1 on Python 3.11), and a Hugging Face Space's build.

The two venv tests take minutes (``slow``), and run in CI with the rest.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest
import tiny
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

tomllib = pytest.importorskip("tomllib")  # Python 3.11+

ROOT = Path(__file__).resolve().parents[1]
# a venv of its own must not see this checkout through PYTHONPATH; pip gives up at once on
# an index it cannot reach (the Space's CPU torch index, here) and never asks to upgrade
ENV = {k: v for k, v in os.environ.items() if k not in {"PYTHONPATH", "VIRTUAL_ENV"}}
ENV.update(PIP_RETRIES="0", PIP_TIMEOUT="20", PIP_DISABLE_PIP_VERSION_CHECK="1")


def project() -> dict:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]


def names(lines: list[str]) -> dict[str, Requirement]:
    return {canonicalize_name(r.name): r for r in map(Requirement, lines)}


def declared() -> dict[str, Requirement]:
    """What the app needs, per pyproject.toml: dependencies plus app, offline, fast extras."""
    extras = project()["optional-dependencies"]
    return names(project()["dependencies"] + extras["app"] + extras["offline"] + extras["fast"])


def listed(file: str = "requirements.txt") -> dict[str, Requirement]:
    """The lines of a requirements file that name packages (not pip options or comments)."""
    lines = (ROOT / file).read_text(encoding="utf-8").splitlines()
    reqs = [Requirement(ln) for ln in lines if ln.strip() and not ln.startswith(("#", "-"))]
    return {canonicalize_name(r.name): r for r in reqs}


def test_requirements_txt_lists_what_pyproject_declares():
    ours, theirs = listed(), declared()
    assert set(ours) == set(theirs)
    for name, requirement in ours.items():
        if name == "torch":  # pinned to the CPU build, within the declared range
            [pin] = requirement.specifier
            assert pin.operator == "==" and theirs[name].specifier.contains(pin.version)
        else:
            assert requirement.specifier == theirs[name].specifier, name
    assert "." not in {ln.split("[")[0] for ln in (ROOT / "requirements.txt").read_text().split()}


def test_the_zerogpu_requirements_are_the_cpu_ones_with_cuda_torch_and_spaces():
    """Same packages and versions; torch from PyPI (its CUDA build), not the CPU index;
    and `spaces`, as pyproject.toml's zerogpu extra declares it."""
    cpu, zero = listed(), listed("requirements-zerogpu.txt")
    assert set(zero) == set(cpu) | {"spaces"}
    for name in cpu:
        assert zero[name].specifier == cpu[name].specifier, name
    assert zero["spaces"] == names(project()["optional-dependencies"]["zerogpu"])["spaces"]
    lines = (ROOT / "requirements-zerogpu.txt").read_text(encoding="utf-8").splitlines()
    assert not [ln for ln in lines if ln.startswith("-")]  # no CPU index, no other option


def test_every_imported_distribution_is_declared():
    """Each package that summarise/ imports comes from a declared distribution (with any
    extra), and jusText's html_clean extra, which older pips drop, is named outright."""
    import ast
    from importlib.metadata import packages_distributions

    everything = names(
        project()["dependencies"] + sum(project()["optional-dependencies"].values(), [])
    )
    distributions = packages_distributions()
    imported: set[str] = set()
    for path in (ROOT / "summarise").glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                imported.update(a.name.split(".")[0] for a in node.names)
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                imported.add(node.module.split(".")[0])
    for module in sorted(imported - set(sys.stdlib_module_names) - {"summarise"}):
        found = {canonicalize_name(d) for d in distributions.get(module, [])}
        assert found & set(everything), f"{module} (from {found or 'nowhere'}) is not declared"
    assert "lxml-html-clean" in declared()


def python_with_bundled_pip(folder: Path) -> Path:
    """A fresh venv made the way a newcomer makes one; returns its python."""
    base = Path(getattr(sys, "_base_executable", sys.executable))
    subprocess.run([str(base), "-m", "venv", str(folder)], check=True, env=ENV, timeout=300)
    python = folder / "bin" / "python"
    version = subprocess.run(
        [str(python), "-m", "pip", "--version"], capture_output=True, text=True, env=ENV
    )
    print(version.stdout.strip())
    return python


def pip(python: Path, *args: str, cwd: Path) -> None:
    result = subprocess.run(
        [str(python), "-m", "pip", "install", "-q", *args],
        cwd=cwd,
        env=ENV,
        capture_output=True,
        text=True,
        timeout=1500,
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]


def copy_repository(target: Path) -> None:
    files = subprocess.run(
        ["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout.split("\0")
    for name in filter(None, files):
        if (ROOT / name).is_file():
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / name, target / name)


@pytest.mark.slow
def test_the_built_wheel_imports_in_a_fresh_venv(tmp_path):
    source = tmp_path / "source"
    copy_repository(source)
    wheels = tmp_path / "dist"
    build = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", str(wheels), str(source)],
        env=ENV,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert build.returncode == 0, build.stderr[-3000:]
    [wheel] = wheels.glob("summarise-*.whl")
    with zipfile.ZipFile(wheel) as archive:
        shipped = archive.namelist()
    assert "summarise/cleaner/line_model.npz" in shipped
    assert not [name for name in shipped if "test" in name.split("/")[-1].lower()]
    python = python_with_bundled_pip(tmp_path / "venv")
    pip(python, "torch==2.13.0", cwd=tmp_path)  # the CPU build first, as `make setup` does
    pip(python, str(wheel), cwd=tmp_path)
    check = subprocess.run(
        [
            str(python),
            "-c",
            "import summarise as s; print(s.__version__, s.clean('<p>' + 'Words. ' * 40))",
        ],
        cwd=tmp_path,
        env=ENV,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert check.returncode == 0, check.stderr[-3000:]
    assert check.stdout.startswith(project()["version"] + " ")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.mark.slow
@pytest.mark.parametrize("with_spaces", [False, True], ids=["cpu", "spaces-without-zerogpu"])
def test_a_space_build_installs_requirements_then_serves_the_app(tmp_path, with_spaces):
    """A CPU Space's build; and with ``spaces`` too, as requirements-zerogpu.txt adds it
    (its CUDA torch is not fetched here), on hardware without ZeroGPU: nothing changes."""
    from gradio_client import Client

    app = tmp_path / "app"
    app.mkdir()
    shutil.copy2(ROOT / "requirements.txt", app / "requirements.txt")  # all a Space mounts
    python = python_with_bundled_pip(tmp_path / "venv")
    pip(python, "--no-cache-dir", "-r", "requirements.txt", cwd=app)
    if with_spaces:
        pip(python, "--no-cache-dir", str(listed("requirements-zerogpu.txt")["spaces"]), cwd=app)
    (app / "requirements.txt").unlink()
    copy_repository(app)  # then the repository is copied in
    port = free_port()
    server = subprocess.Popen(
        [str(python), "app.py"],
        cwd=app,
        env={**ENV, "HF_HUB_OFFLINE": "1", "GRADIO_SERVER_PORT": str(port)},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        url = f"http://127.0.0.1:{port}/"
        deadline = time.monotonic() + 300
        while True:
            assert server.poll() is None, server.communicate()[1][-3000:]
            assert time.monotonic() < deadline, "the app did not start serving in 5 minutes"
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                time.sleep(1)
        client = Client(url, verbose=False)
        page = (tiny.EXAMPLES / "fisheries_talks_page.txt").read_text(encoding="utf-8")
        [answer] = client.predict(page, "Who is the EU chief negotiator?", 1, api_name="/ask")
        assert "Margarethe Lind" in answer["text"]
    finally:
        server.terminate()
        server.wait(timeout=60)
