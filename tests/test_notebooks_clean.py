"""Committed notebooks carry no outputs, and every chapter has the parts the design asks for."""

import json
import pathlib
import re

import pytest

BOOK = pathlib.Path(__file__).resolve().parents[1] / "book"
NOTEBOOKS = sorted(p for p in BOOK.rglob("*.ipynb") if ".ipynb_checkpoints" not in p.parts)


def _cells(path):
    return json.loads(path.read_text())["cells"]


def test_there_are_notebooks():
    assert NOTEBOOKS


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_has_no_outputs(path):
    dirty = [i for i, c in enumerate(_cells(path))
             if c["cell_type"] == "code" and (c.get("outputs") or c.get("execution_count") is not None)]
    assert not dirty, f"cells {dirty} of {path.name} carry outputs: strip them before committing"


@pytest.mark.parametrize("path", sorted((BOOK / "chapters").glob("*.ipynb")), ids=lambda p: p.name)
def test_chapter_has_the_parts_of_a_chapter(path):
    text = "\n".join("".join(c["source"]) for c in _cells(path))
    assert "Learning objectives" in text
    assert "## Prove it" in text
    assert len(re.findall(r"\{exercise\}", text)) >= 3
    assert len(re.findall(r"\{solution-start\}", text)) >= 3
    assert "{cite}" in text and "{glue:text}" in text
    assert re.search(r"\{bdg-(success|warning|info)\}", text), "evidence grades from claims.md"
    assert re.search(r"\bexplore_\w+\(\)", text), "at least one live figure"
    assert "not medical advice" in text
