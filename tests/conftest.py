"""Shared fixtures: the repository root and a session-wide built book."""

import os
import pathlib
import subprocess
import sys

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[1]
# KETAMINE_BUILD_DIR lets two test runs on one machine build into separate folders
OUTPUT = pathlib.Path(os.environ.get("KETAMINE_BUILD_DIR", ROOT))
HTML = OUTPUT / "_build" / "html"


@pytest.fixture(scope="session")
def built_book():
    """Build the whole book once per session with -W (warnings are errors); return the html folder."""
    jb = pathlib.Path(sys.executable).with_name("jupyter-book")
    env = {k: v for k, v in os.environ.items() if k != "KETAMINE_SIM_STATIC"}
    cmd = [str(jb), "build", ".", "--all", "-W", "-n", "--keep-going", "--path-output", str(OUTPUT)]
    proc = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True, timeout=1800)
    assert proc.returncode == 0, f"jupyter-book build failed:\n{proc.stdout[-6000:]}\n{proc.stderr[-3000:]}"
    return HTML
