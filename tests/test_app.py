"""The Space configuration, a side-effect-free app.py, and the named API endpoints."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
import tiny

ROOT = Path(__file__).resolve().parents[1]


def front_matter() -> dict[str, str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    assert text.startswith("---\n")
    block = text.split("---\n")[1]
    return {
        k.strip(): v.strip().strip('"')
        for k, v in (line.split(":", 1) for line in block.splitlines())
    }


def test_space_front_matter_matches_the_installed_gradio():
    import gradio

    meta = front_matter()
    assert meta["sdk"] == "gradio"
    assert meta["sdk_version"] == gradio.__version__
    assert (ROOT / meta["app_file"]).is_file()
    assert meta["python_version"].startswith("3.")
    requirements = (ROOT / "requirements.txt").read_text()
    assert "torch==" in requirements and "gradio==" + gradio.__version__ in requirements


def test_importing_app_builds_the_app_and_loads_no_model():
    code = (
        "import app, gradio\n"
        "from summarise.models import resolution as models\n"
        "assert isinstance(app.demo, gradio.Blocks)\n"
        "assert models._CACHE == {}, models._CACHE\n"
        "names = {getattr(f, 'api_name', None) for f in app.demo.fns.values()}\n"
        "assert {'clean', 'summarise', 'ask'} <= names, names\n"
        "print('ok')\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ, "HF_HUB_OFFLINE": "1"},
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.strip().endswith("ok")


@pytest.fixture(scope="module")
def client(isolated_module_models):
    from gradio_client import Client

    from summarise.apps.web import app as ui

    ui.configure()  # the fallbacks, whatever an earlier test set
    app = ui.build_app()
    _, url, _ = app.launch(server_name="127.0.0.1", prevent_thread_lock=True, quiet=True)
    yield Client(url, verbose=False)
    app.close()
    ui.configure()


@pytest.fixture(scope="module")
def isolated_module_models(tmp_path_factory):
    previous = os.environ.get("SUMMARISE_MODELS_DIR")
    os.environ["SUMMARISE_MODELS_DIR"] = str(tmp_path_factory.mktemp("none"))
    yield
    if previous is not None:
        os.environ["SUMMARISE_MODELS_DIR"] = previous


def test_named_endpoints_with_gradio_client(client):
    page = (tiny.EXAMPLES / "fisheries_talks_page.txt").read_text(encoding="utf-8")
    cleaned = client.predict(page, api_name="/clean")
    assert cleaned["title"] == "Arctic Fishing Nations Open Emergency Talks on Cod Quotas"
    assert "Facebook" in cleaned["removed"]
    summary = client.predict(page, "short", api_name="/summarise")
    assert summary["method"] == "extractive" and summary["summary"]
    [answer] = client.predict(page, "Who is the EU chief negotiator?", 1, api_name="/ask")
    assert "Margarethe Lind" in answer["text"] and answer["method"] == "passage"
    assert page[answer["original_start"] : answer["original_end"]] == answer["text"]
    with pytest.raises(Exception, match="empty"):
        client.predict("   ", api_name="/clean")
