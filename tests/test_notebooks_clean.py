"""Committed notebooks carry no outputs (the chapter skeleton included) and give every cell its own id.

The parts every chapter has are checked by tests/test_chapter_contract.py."""

import json
import pathlib

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


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_every_cell_has_a_unique_id(path):
    ids = [c.get("id") for c in _cells(path)]
    missing = [i for i, x in enumerate(ids) if not x]
    assert not missing, f"cells {missing} of {path.name} have no id (nbformat 4.5 requires one: a future hard error)"
    assert len(set(ids)) == len(ids), f"{path.name} repeats a cell id"
