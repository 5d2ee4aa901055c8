"""The README's examples run as written: its Python API blocks, and each command line
whose output it shows gives that output (times aside), offline on the fallbacks."""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
EXE = shutil.which("summarise", path=str(Path(sys.executable).parent)) or "summarise"


def section(title: str) -> str:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    start = text.index(f"\n## {title}\n")
    end = text.find("\n## ", start + 1)
    return text[start : end if end > 0 else None]


def blocks(title: str, language: str = "") -> list[str]:
    return re.findall(rf"```{language}\n(.*?)```", section(title), flags=re.S)


def shown_commands() -> list[tuple[str, list[str]]]:
    """(command, output lines) for each ``$ summarise`` line followed by its output."""
    found = []
    for block in blocks("Command line"):
        lines = block.rstrip("\n").splitlines()
        for i, line in enumerate(lines):
            if not line.startswith("$ summarise "):
                continue
            output = []
            for following in lines[i + 1 :]:
                if following.startswith("$ "):
                    break
                output.append(following)
            if output:
                found.append((line[2:], output))
    return found


def same_but_times(shown: list[str], got: list[str]) -> bool:
    times = re.compile(r"\d+\.\d+s\]")
    return [times.sub("_s]", x) for x in shown] == [times.sub("_s]", x) for x in got]


def test_the_python_api_examples_run_on_the_fallbacks(isolated_models):
    [first, _] = blocks("Python API", "python")
    result = subprocess.run(
        [sys.executable, "-c", first], cwd=ROOT, capture_output=True, text=True, timeout=600
    )
    assert result.returncode == 0, result.stderr[-3000:]
    assert "Arctic Fishing Nations" in result.stdout and "extractive" in result.stdout
    assert "Margarethe Lind" in result.stdout and "\n[]\n" in result.stdout


def test_the_python_api_examples_with_models(isolated_models, reader_dir, summariser_dir):
    [_, second] = blocks("Python API", "python")
    env = {
        **os.environ,
        "SUMMARISE_READER": str(reader_dir),
        "SUMMARISE_SUMMARISER": str(summariser_dir),
    }
    result = subprocess.run(
        [sys.executable, "-c", second],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    assert str(reader_dir) in result.stdout  # components.describe() names the reader


@pytest.mark.parametrize("command, output", shown_commands(), ids=lambda v: str(v)[:40])
def test_each_shown_command_prints_what_the_readme_shows(isolated_models, command, output):
    result = subprocess.run(
        [EXE, *shlex.split(command)[1:]],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    got = result.stdout.rstrip("\n").splitlines()
    assert same_but_times(output, got), "\n".join(got)


def test_the_readme_shows_commands_to_check():
    assert len(shown_commands()) >= 3
