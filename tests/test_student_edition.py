"""Editions: the public book folds every solution away; the student edition (make book STUDENT=1) has none."""

import copy
import json
import pathlib
import re
import sys

import nbformat
import pytest
import yaml

ROOT = pathlib.Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))
import student_edition as se  # noqa: E402

CHAPTERS = sorted((ROOT / "book" / "chapters").glob("*.ipynb"))


def _solution_cell_ids(cells):
    """Ids of the cells lying wholly between a solution's start marker and its end marker (read independently)."""
    ids, inside = set(), False
    for cell in cells:
        text = "".join(cell["source"])
        if inside and "{solution-end}" not in text:
            ids.add(cell["id"])
        if "{solution-start}" in text:
            inside = True
        if "{solution-end}" in text:
            inside = False
    return ids


@pytest.mark.parametrize("path", CHAPTERS, ids=lambda p: p.stem)
def test_public_solutions_are_folded(path):
    text = "\n".join("".join(c["source"]) for c in json.loads(path.read_text())["cells"])
    starts = re.findall(r"\{solution-start\}[^\n]*\n((?:[ \t]*:[\w-]+:[^\n]*\n)*)", text)
    assert starts, "no solutions"
    assert all("dropdown" in options for options in starts), "every solution must start folded (:class: dropdown)"


@pytest.mark.parametrize("path", CHAPTERS, ids=lambda p: p.stem)
def test_student_notebook_keeps_exercises_and_loses_every_solution(path):
    original = nbformat.read(path, as_version=4)
    student = se.strip_solutions(copy.deepcopy(original))
    text = "\n".join(c.source for c in student.cells)
    assert "{solution" not in text
    assert text.count("{exercise}") == sum(c.source.count("{exercise}") for c in original.cells) >= 3
    gone = _solution_cell_ids(json.loads(path.read_text())["cells"])
    assert gone and not gone & {c.id for c in student.cells}
    nbformat.validate(student)
    # every fence still closes: an odd number of ``` lines would swallow the rest of the page
    for cell in student.cells:
        if cell.cell_type == "markdown":
            fences = re.findall(r"^(`{3,})", cell.source, re.M)
            assert all(fences.count(f) % 2 == 0 for f in set(fences)), cell.source[:200]


def test_unclosed_solution_is_refused():
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell("````{solution-start} ex\n````\nanswer")])
    with pytest.raises(ValueError, match="solution-end"):
        se.strip_solutions(nb)


def test_student_toc_and_config():
    toc = se.student_toc(yaml.safe_load((ROOT / "_toc.yml").read_text()))
    files = [c["file"] for part in toc["parts"] for c in part["chapters"]]
    assert files and not any(f.startswith("book/instructor") for f in files)
    assert any(f.startswith("book/chapters/") for f in files)
    config = se.student_config(yaml.safe_load((ROOT / "_config.yml").read_text()))
    assert config["sphinx"]["config"]["hide_solutions"] is True
    assert "student edition" in config["title"]
