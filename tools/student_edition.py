"""Prepare the student edition's sources: the book without solutions and without the instructor part.

``make book STUDENT=1`` runs this, then builds the copy it writes (default ``_build/student-src``) into
``_build/student``.  In the copy:

* every chapter notebook loses its gated solutions: the text from each ``{solution-start}`` marker to its
  ``{solution-end}`` marker, including the code cells in between (sphinx-exercise's ``hide_solutions`` only
  drops ungated ``{solution}`` directives, and would leave a gated solution's cells on the page);
* ``hide_solutions: true`` is set for any ungated ``{solution}`` directive;
* parts of ``_toc.yml`` whose pages are under ``book/instructor/`` are removed (along with those pages);
* the title says "student edition".

Usage: ``python tools/student_edition.py [--out DIR]``
"""

import argparse
import pathlib
import re
import shutil

import nbformat
import yaml

ROOT = pathlib.Path(__file__).resolve().parents[1]
INSTRUCTOR = "book/instructor"
_START = re.compile(r"^(`{3,}|:{3,})\{solution-start\}[^\n]*\n(?:[ \t]*:[\w-]+:[^\n]*\n)*\1[ \t]*$", re.M)
_END = re.compile(r"^(`{3,}|:{3,})\{solution-end\}[^\n]*\n\1[ \t]*$\n?", re.M)


def strip_solutions(nb):
    """Remove every gated solution (markers and everything between them) from a notebook, in place."""
    kept, inside = [], False
    for cell in nb.cells:
        text = cell.source if cell.cell_type == "markdown" else None
        pieces, rest = [], cell.source
        if inside:
            end = _END.search(text) if text is not None else None
            if end is None:
                continue  # a cell of the solution: drop it
            rest, inside = text[end.end():], False
        while text is not None:
            start = _START.search(rest)
            if start is None:
                pieces.append(rest)
                break
            pieces.append(rest[:start.start()])
            end = _END.search(rest, start.end())
            if end is None:
                inside = True
                break
            rest = rest[end.end():]
        if text is None:
            kept.append(cell)
            continue
        cell.source = "".join(pieces).strip("\n")
        if cell.source.strip():
            kept.append(cell)
    if inside:
        raise ValueError("a {solution-start} has no matching {solution-end}")
    nb.cells = kept
    return nb


def student_toc(toc):
    """The table of contents without the parts (or entries) under book/instructor/."""
    def keep(entry):
        return not str(entry.get("file", "")).startswith(INSTRUCTOR)

    toc = dict(toc)
    parts = []
    for part in toc.get("parts", []):
        chapters = [c for c in part.get("chapters", []) if keep(c)]
        if chapters:
            parts.append({**part, "chapters": chapters})
    toc["parts"] = parts
    return toc


def student_config(config):
    """The book configuration for the student edition."""
    config = dict(config)
    config["title"] = f"{config.get('title', 'Book')} (student edition)"
    sphinx = dict(config.get("sphinx", {}))
    sphinx["config"] = {**sphinx.get("config", {}), "hide_solutions": True}
    config["sphinx"] = sphinx
    return config


def prepare(out):
    """Write the student edition's sources into ``out`` (replacing what was there)."""
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir(parents=True)
    shutil.copytree(ROOT / "book", out / "book", ignore=shutil.ignore_patterns(".ipynb_checkpoints", "__pycache__"))
    shutil.rmtree(out / INSTRUCTOR, ignore_errors=True)
    config = yaml.safe_load((ROOT / "_config.yml").read_text())
    (out / "_config.yml").write_text(yaml.safe_dump(student_config(config), sort_keys=False, allow_unicode=True))
    toc = yaml.safe_load((ROOT / "_toc.yml").read_text())
    (out / "_toc.yml").write_text(yaml.safe_dump(student_toc(toc), sort_keys=False, allow_unicode=True))
    for path in (out / "book").rglob("*.ipynb"):
        nb = nbformat.read(path, as_version=4)
        nbformat.write(strip_solutions(nb), path)
    return out


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=pathlib.Path, default=ROOT / "_build" / "student-src")
    args = parser.parse_args(argv)
    print(f"student edition sources: {prepare(args.out.resolve())}")


if __name__ == "__main__":
    main()
