"""Build one reveal.js deck per chapter into _build/slides/ (``make slides``), working with no network.

How slide text is written (the convention; ``tests/test_slides.py`` checks every chapter's deck):

- A slide is a short Markdown cell tagged ``slide-only`` and ``remove-cell``, with ``slide_type`` ``slide``
  (or ``subslide``): a ``##`` headline and at most four short lines, at most about 50 words in all.  MyST
  roles work in it ({glue:text}, {cite}, {term}, badges).  The site hides it (``remove-cell``); the JupyterLab
  reader copy drops it (``tools/lab_edition.py`` drops Markdown cells tagged ``slide-only``).
- Every other Markdown cell (the chapter's prose) becomes the speaker notes of the slide before it (press S).
- A figure belongs on the slide above it: give its code cell ``slide_type`` ``-``.  Code cells keep their own
  slide type; ``skip`` or ``remove-cell`` leaves a cell out of the deck; input is never shown.
- Each slide must fit 1280×720 px with body text of at least 24 px, and every slider of a kernel-free figure
  must be on screen.

Each chapter is executed in the lecture style (``style.use("lecture")``: large fonts and lines) with
``KETAMINE_SIM_STATIC=1`` (every widget becomes the kernel-free figure of the static site: its sliders still
work in the deck; phone frames are not drawn), its MyST markup is turned into plain Markdown (glued numbers
filled in, citations as "Author Year", admonitions as quotes, solutions dropped), and nbconvert writes the
slides following the rules above.  reveal.js (from node_modules, pinned in package-lock.json) and KaTeX (the
site's maths renderer, npm's ``katex``: its auto-render script typesets the deck's maths in the browser) are
copied beside the decks; the template in tools/slides_reveal.html.j2 loads nothing from a CDN.

Decks are built two at a time (``--jobs``, or ``SLIDES_JOBS``; 1 builds them one after another).

Usage: ``python tools/slides.py [--out DIR] [--jobs N] [chapter.ipynb ...]``
"""

import argparse
import concurrent.futures
import html
import os
import pathlib
import re
import shutil
import sys

import nbformat
from nbconvert import SlidesExporter
from nbconvert.preprocessors import ExecutePreprocessor
from student_edition import strip_solutions  # tools/student_edition.py: the same cut as the student edition
from traitlets.config import Config

ROOT = pathlib.Path(__file__).resolve().parents[1]
TEMPLATE = pathlib.Path(__file__).resolve().with_name("slides_reveal.html.j2")
REVEAL = ROOT / "node_modules" / "reveal.js"
KATEX = ROOT / "node_modules" / "katex" / "dist"
SLIDE_ONLY = "slide-only"
BIB = ROOT / "book" / "references.bib"

_DIRECTIVE = re.compile(r"^(?P<fence>`{3,}|:{3,})\{(?P<name>[\w:-]+)\}[ \t]*(?P<arg>[^\n]*)\n"
                        r"(?P<body>.*?)^(?P=fence)[ \t]*$",
                        re.M | re.S)
_ROLE = re.compile(r"\{(?P<name>[\w:-]+)\}`(?P<text>[^`]*)`")
_BADGES = {"success": "established", "warning": "debated", "danger": "hypothesis", "info": "hypothesis"}


def _bib_labels(path=BIB):
    """``key -> "Author Year"`` from references.bib (first author, "& second" or "et al.")."""
    labels = {}
    if not path.exists():
        return labels
    for m in re.finditer(r"@\w+\{([^,\s]+),(.*?)\n\}", path.read_text(), re.S):
        key, body = m.groups()
        author = re.search(r"author\s*=\s*[{\"](.*?)[}\"],?\s*\n", body, re.S)
        year = re.search(r"year\s*=\s*[{\"]?(\d{4})", body)
        if not author or not year:
            continue
        names = [a.strip() for a in re.split(r"\s+and\s+", " ".join(author.group(1).split()))]
        last = [(n.split(",")[0] if "," in n else n.split()[-1]).strip("{} ") for n in names if n]
        who = last[0] if len(last) == 1 else f"{last[0]} & {last[1]}" if len(last) == 2 else f"{last[0]} et al."
        labels[key] = f"{who} {year.group(1)}"
    return labels


def _glued(nb):
    """Values stored with ``myst_nb.glue`` in an executed notebook: name -> text/plain."""
    values = {}
    for cell in nb.cells:
        for out in cell.get("outputs", []):
            name = out.get("metadata", {}).get("scrapbook", {}).get("name")
            plain = [v for k, v in out.get("data", {}).items() if k.endswith("text/plain")]  # key has a mime prefix
            if name and plain:
                values[name] = plain[0]
    return values


def _format_glue(spec, glued):
    name, _, fmt = spec.partition(":")
    raw = glued.get(name)
    if raw is None:
        raise KeyError(f"{{glue:text}}`{spec}` names nothing glued in the notebook")
    if not fmt:
        return raw.strip("'\"")
    try:
        return format(float(raw), fmt)
    except ValueError:
        return raw


def _roles(text, glued, labels):
    def one(m):
        name, inner = m.group("name"), m.group("text")
        if name in ("glue:text", "glue"):
            return _format_glue(inner, glued)
        if name.startswith("cite"):
            return "(" + "; ".join(labels.get(k.strip(), k.strip()) for k in inner.split(",")) + ")"
        if name.startswith("bdg-"):
            kind = _BADGES.get(name.removeprefix("bdg-"), "established")
            return f'<span class="ks-badge ks-{kind}">{html.escape(inner)}</span>'
        return re.sub(r"\s*<[^<>]*>$", "", inner)  # {term}`text <target>` -> text
    return _ROLE.sub(one, text)


def _quote(text):
    return "\n".join(("> " + line).rstrip() for line in text.strip().splitlines())


def myst_to_markdown(text, glued, labels):
    """Plain Markdown for nbconvert from a chapter's MyST: directives and roles handled."""

    def directive(m):
        name, arg, body = m.group("name"), m.group("arg").strip(), m.group("body")
        options = dict(re.findall(r"^:([\w-]+):[ \t]*(.*)$", body, re.M))
        body = re.sub(r"^:[\w-]+:.*\n?", "", body, flags=re.M)
        body = myst_to_markdown(body, glued, labels)
        if name == "exercise":
            return _quote(f"**Exercise: {arg}**\n\n{body}")
        if "dropdown" in options.get("class", ""):
            return f"<details><summary>{html.escape(arg)}</summary>\n\n{body.strip()}\n\n</details>"
        title = arg or name.capitalize()
        return _quote(f"**{title}**\n\n{body}")

    text = _DIRECTIVE.sub(directive, text)
    return _roles(text, glued, labels)


def _config():
    c = Config()
    c.SlidesExporter.template_file = str(TEMPLATE)
    c.SlidesExporter.reveal_url_prefix = "reveal.js"
    c.SlidesExporter.reveal_scroll = False  # a slide that does not fit is a bug (tests/test_slides.py)
    c.SlidesExporter.reveal_theme = "white"
    c.SlidesExporter.reveal_number = "c/t"
    c.SlidesExporter.reveal_width = "1280"
    c.SlidesExporter.reveal_height = "720"
    c.SlidesExporter.exclude_input_prompt = True
    c.SlidesExporter.exclude_output_prompt = True
    c.TagRemovePreprocessor.enabled = True
    c.SlidesExporter.exclude_input = True  # a deck shows figures, not code
    c.TagRemovePreprocessor.remove_cell_tags = {"remove-cell"}
    return c


def slide_cells(nb):
    """The deck's reading of a chapter: ``slide-only`` cells are the slides, other Markdown cells the notes
    (notes before the first slide move behind it)."""
    first = next((i for i, c in enumerate(nb.cells) if SLIDE_ONLY in c.metadata.get("tags", [])), None)
    if first:
        lead = [c for c in nb.cells[:first] if c.cell_type == "markdown"]
        nb.cells = [nb.cells[first], *lead, *(c for c in nb.cells[:first] if c not in lead), *nb.cells[first + 1:]]
    for cell in nb.cells:
        tags = cell.metadata.get("tags", [])
        show = cell.metadata.setdefault("slideshow", {})
        if SLIDE_ONLY in tags:
            cell.metadata["tags"] = [t for t in tags if t not in ("remove-cell", SLIDE_ONLY)]
        elif cell.cell_type == "markdown" and show.get("slide_type") != "skip" and "remove-cell" not in tags:
            show["slide_type"] = "notes"
    return nb


def build_deck(path, out, labels):
    """Execute ``path`` kernel-free (static widgets), convert, and write ``out/<stem>.slides.html``."""
    nb = strip_solutions(nbformat.read(path, as_version=4))  # a deck shows the exercises, never the answers
    nb = slide_cells(nb)
    # projector style for every figure of the deck: large fonts and lines (style.use("lecture"))
    lecture = nbformat.v4.new_code_cell("from ketamine_sim import style\nstyle.use('lecture')",
                                        metadata={"tags": ["remove-cell"], "slideshow": {"slide_type": "skip"}})
    nb.cells.insert(0, lecture)
    os.environ["KETAMINE_SIM_STATIC"] = "1"  # the kernel inherits it: widgets become kernel-free figures
    os.environ["KETAMINE_SIM_PHONE"] = "0"  # ... without the phone frames: a deck is projected
    ExecutePreprocessor(timeout=600, kernel_name="python3").preprocess(nb, {"metadata": {"path": str(path.parent)}})
    glued = _glued(nb)
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            cell.source = myst_to_markdown(cell.source, glued, labels)
        elif cell.cell_type == "code":  # glue records are for the book build, not for display
            cell.outputs = [o for o in cell.outputs if "scrapbook" not in o.get("metadata", {})]
    nb.metadata["title"] = next((line[2:] for c in nb.cells if c.cell_type == "markdown"
                                 for line in c.source.splitlines() if line.startswith("# ")), path.stem)
    body, _ = SlidesExporter(config=_config()).from_notebook_node(nb)
    target = out / f"{path.stem}.slides.html"
    target.write_text(body)
    return target, nb.metadata["title"]


def vendor(out):
    """Copy reveal.js and KaTeX beside the decks (the decks use relative paths only)."""
    if not (REVEAL / "dist" / "reveal.js").exists():
        sys.exit("reveal.js is missing from node_modules: run `npm ci` (make slides does it)")
    shutil.rmtree(out / "reveal.js", ignore_errors=True)
    shutil.copytree(REVEAL / "dist", out / "reveal.js" / "dist")
    shutil.copy(REVEAL / "LICENSE", out / "reveal.js" / "LICENSE")
    if not (KATEX / "katex.min.js").exists():
        sys.exit("katex is missing from node_modules: run `npm ci` (make slides does it)")
    shutil.rmtree(out / "_vendor", ignore_errors=True)
    katex = out / "_vendor" / "katex"
    shutil.copytree(KATEX / "fonts", katex / "fonts")
    for name in ("katex.min.js", "katex.min.css", "contrib/auto-render.min.js"):
        shutil.copy(KATEX / name, katex / pathlib.Path(name).name)
    shutil.copy(KATEX.parent / "LICENSE", katex / "LICENSE")


def _build_all(chapters, out, labels, jobs):
    """``(deck, title)`` per chapter, in the chapters' order; ``jobs`` > 1 builds that many decks at once (each
    deck executes its notebook in a kernel of its own, so they share nothing)."""
    if jobs < 1:
        sys.exit(f"--jobs={jobs} is not allowed; use 1 or more")
    if jobs == 1 or len(chapters) < 2:
        return [build_deck(path, out, labels) for path in chapters]
    with concurrent.futures.ProcessPoolExecutor(min(jobs, len(chapters))) as pool:
        return list(pool.map(build_deck, chapters, [out] * len(chapters), [labels] * len(chapters)))


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=pathlib.Path, default=ROOT / "_build" / "slides")
    parser.add_argument("--jobs", type=int, default=int(os.environ.get("SLIDES_JOBS", "2")),
                        help="decks built at once, each in its own process with its own kernel (default 2)")
    parser.add_argument("chapters", nargs="*", type=pathlib.Path)
    args = parser.parse_args(argv)
    chapters = [p.resolve() for p in args.chapters] or sorted((ROOT / "book" / "chapters").glob("*.ipynb"))
    args.out.mkdir(parents=True, exist_ok=True)
    vendor(args.out)
    labels = _bib_labels()
    items = []
    for target, title in _build_all(chapters, args.out, labels, args.jobs):
        items.append(f'<li><a href="{target.name}">{html.escape(title)}</a></li>')
        print(f"slides: {target.relative_to(args.out.parent) if args.out.parent in target.parents else target}")
    (args.out / "index.html").write_text(
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Lecture slides</title></head>'
        f"<body><h1>Lecture slides</h1><ul>{''.join(items)}</ul>"
        "<p>Arrow keys move between slides, <kbd>S</kbd> opens the speaker view, <kbd>F</kbd> is full screen. "
        "The figures' sliders work in the deck.</p></body></html>\n")


if __name__ == "__main__":
    main()
