"""The chapter contract: every chapter notebook in book/chapters/ has the checkable parts of the chapter standard.

``shared/CHAPTER_STANDARD.md`` says what a chapter has; the README's "Writing a chapter" names the markers
checked here.  ``check_chapter`` returns ``{part: message}`` for every part a chapter lacks, so a failure names
the chapter and each missing part.  The skeleton (book/templates/chapter_skeleton.ipynb, slug
``chapter_skeleton``, with its instructor page and question module beside it) passes the contract, and each
mutation test removes one part from a copy of it and checks that exactly that part is reported.
"""

import copy
import dataclasses
import importlib.util
import json
import pathlib
import re
import sys

import pytest
import yaml

ROOT = pathlib.Path(__file__).resolve().parents[1]
BOOK = ROOT / "book"
CHAPTERS = sorted((BOOK / "chapters").glob("*.ipynb"))
TEMPLATES = BOOK / "templates"
SKELETON = TEMPLATES / "chapter_skeleton.ipynb"
SKELETON_SLUG = "chapter_skeleton"

MIN_OBJECTIVES, MAX_OBJECTIVES = 3, 6
MIN_EXERCISES = 3
MIN_QUESTIONS = 2
MIN_GLOSSARY_LINKS = 5  # distinct terms linked from a chapter
MIN_CONNECTIONS = 2  # links in "This connects to"
GRADES = {"established": "success", "debated": "warning", "hypothesis": "danger"}
SLIDE_TYPES = {"slide", "subslide", "fragment", "skip", "notes", "-"}
# the instructor page's sections, by a word of their headings
INSTRUCTOR_SECTIONS = {"a 50-minute plan": r"50-minute plan", "the live demos": r"demo",
                       "misconceptions": r"misconception", "discussion questions": r"discussion",
                       "where the solutions are": r"solution"}

_EXPLORER = re.compile(r"\bexplore_\w+\(")
_DIRECTIVE = re.compile(r"^(?P<fence>`{3,}|:{3,})\{(?P<name>[\w-]+)\}[ \t]*(?P<arg>[^\n]*)\n"
                        r"(?P<options>(?:[ \t]*:[\w-]+:[^\n]*\n)*)(?P<body>.*?)^(?P=fence)[ \t]*$", re.M | re.S)
_ROLE = re.compile(r"\{(?P<name>[\w:-]+)\}`(?P<text>[^`]*)`")
_LINK = re.compile(r"\{(?:doc|ref|term|numref)\}`[^`]+`|\[[^\]]+\]\([^)]+\)")
_DISCLAIMER = re.compile(r"^\*[^*\n]*for education only[^*\n]*not medical advice\.?\*[ \t]*$", re.I | re.M)


@dataclasses.dataclass(repr=False)
class Book:
    """What a chapter is checked against: the table of contents, glossary, bibliography, stages and quizzes."""
    toc: set  # documents in _toc.yml, e.g. "book/chapters/antagonist_paradox"
    glossary: set  # lower-case glossary terms
    bib: set  # citation keys
    stages: tuple  # the cascade map's stages
    instructor_dir: pathlib.Path
    chapter_dir: str = "book/chapters"
    questions: dict = dataclasses.field(default_factory=dict)  # slug -> QUESTIONS, filled on demand

    def quiz(self, slug):
        """The slug's question list, or an error message."""
        if slug not in self.questions:
            from ketamine_sim import quiz

            try:
                self.questions[slug] = quiz.questions(slug)
            except (ValueError, ImportError, AttributeError) as err:
                self.questions[slug] = f"no question module ketamine_sim.quiz.{slug} with QUESTIONS ({err})"
        return self.questions[slug]


def _toc_files(node):
    """Every ``file`` (and the ``root``) named anywhere in the table of contents."""
    if isinstance(node, dict):
        own = {v for k, v in node.items() if k in ("file", "root")}
        return own.union(*(_toc_files(v) for v in node.values()))
    if isinstance(node, list):
        return set().union(*(_toc_files(v) for v in node))
    return set()


def glossary_terms(path=BOOK / "glossary.md"):
    """Terms of the ``{glossary}`` blocks: lines at the left margin inside the block (aliases included)."""
    if not path.is_file():
        return set()
    terms = set()
    for block in _DIRECTIVE.finditer(path.read_text()):
        if block["name"] == "glossary":
            terms |= {line.split(" : ")[0].strip().lower() for line in block["body"].splitlines()
                      if line.strip() and not line[0].isspace() and not line.startswith(":")}
    return terms


def _stages():
    from ketamine_sim import diagrams
    return tuple(diagrams.STAGES)


def load_book():
    bib = set(re.findall(r"@\w+\{([^,\s]+),", (BOOK / "references.bib").read_text()))
    return Book(toc=_toc_files(yaml.safe_load((ROOT / "_toc.yml").read_text())), glossary=glossary_terms(),
                bib=bib, stages=_stages(), instructor_dir=BOOK / "instructor")


# ---------------------------------------------------------------------------------------------------------------
# reading a notebook


def _src(cell):
    return "".join(cell["source"]) if isinstance(cell["source"], list) else cell["source"]


def _on_page(cell):
    """False for a markdown cell the book leaves out (``remove-cell``, e.g. a slide's own text)."""
    return cell["cell_type"] == "code" or "remove-cell" not in cell.get("metadata", {}).get("tags", [])


def _markdown(cells):
    return "\n\n".join(_src(c) for c in cells if c["cell_type"] == "markdown" and _on_page(c))


def _admonitions(text, title):
    """(classes, body) of each ``{admonition}`` titled ``title`` in ``text``."""
    found = []
    for d in _DIRECTIVE.finditer(text):
        if d["name"] == "admonition" and d["arg"].strip().lower() == title.lower():
            classes = re.search(r":class:[ \t]*([^\n]*)", d["options"])
            found.append((classes[1].split() if classes else [], d["body"]))
    return found


def _has_admonition(text, title, css):
    return any(css in classes for classes, _ in _admonitions(text, title))


def _section(text, heading):
    """The text under ``## heading`` up to the next heading of level 1 or 2, or None."""
    m = re.search(rf"^##[ \t]+{re.escape(heading)}[ \t]*$(.*?)(?=^#{{1,2}} |\Z)", text, re.M | re.S | re.I)
    return m[1] if m else None


def _roles(text, name):
    return [m["text"] for m in _ROLE.finditer(text) if m["name"] == name or m["name"].startswith(name + ":")]


# ---------------------------------------------------------------------------------------------------------------
# the checks: each returns a message when the part is missing, else None


def _title(cells, slug, book):
    first = next((c for c in cells if _on_page(c)), None)
    lines = [ln for ln in _src(first).splitlines() if ln.strip()] if first else []
    if len(lines) < 2 or not lines[0].startswith("# ") or not re.fullmatch(r"\*[^*].*\*", lines[1].strip()):
        return "the first cell must start with '# Title' and an italic hook line (*...*)"


def _objectives(cells, slug, book):
    boxes = [body for classes, body in _admonitions(_markdown(cells), "Learning objectives") if "tip" in classes]
    if not boxes:
        return "no ```{admonition} Learning objectives``` with :class: tip"
    n = len(re.findall(r"^\s*\d+\.\s", boxes[0], re.M))
    if not MIN_OBJECTIVES <= n <= MAX_OBJECTIVES:
        return f"{n} numbered learning objectives; the standard asks for {MIN_OBJECTIVES}-{MAX_OBJECTIVES}"


def _cascade_map(cells, slug, book):
    calls = [m[1] for c in cells if c["cell_type"] == "code"
             for m in re.finditer(r"\bcascade_map\(\s*[\"'](\w+)[\"']\s*\)", _src(c))]
    if not calls:
        return 'no code cell calls cascade_map("<stage>") ("Where we are")'
    bad = [s for s in calls if s not in book.stages]
    if bad:
        return f"cascade_map stage {bad} is not one of {book.stages}"


def _explorer_cells(cells):
    return [i for i, c in enumerate(cells) if c["cell_type"] == "code" and _EXPLORER.search(_src(c))]


def _explorer(cells, slug, book):
    if not _explorer_cells(cells):
        return "no explorer: a code cell calling an explore_*() widget"


def _nearest_markdown(cells, i, step):
    j = i + step
    while 0 <= j < len(cells) and (cells[j]["cell_type"] != "markdown" or not _on_page(cells[j])):
        j += step
    return _src(cells[j]) if 0 <= j < len(cells) else ""


def _predict(cells, slug, book):
    bare = [i for i in _explorer_cells(cells) if not _has_admonition(_nearest_markdown(cells, i, -1), "Predict",
                                                                     "predict")]
    if bare:
        return (f"explorer cells {bare} lack a ```{{admonition}} Predict``` (:class: predict) in the markdown "
                "cell just before them")


def _should_have_seen(cells, slug, book):
    bare = [i for i in _explorer_cells(cells)
            if not _has_admonition(_nearest_markdown(cells, i, +1), "What you should have seen", "dropdown")]
    if bare:
        return (f"explorer cells {bare} lack a folded ```{{admonition}} What you should have seen``` "
                "(:class: dropdown) in the markdown cell just after them")


def _leaves_out(cells, slug, book):
    boxes = [body for classes, body in _admonitions(_markdown(cells), "What this model leaves out")
             if "note" in classes]
    if not boxes:
        return "no ```{admonition} What this model leaves out``` (:class: note)"
    if not any(re.search(r"assum", body, re.I) for body in boxes):
        return "'What this model leaves out' names no assumed number (say 'we assume' / 'an assumption')"


def _evidence(cells, slug, book):
    section = _section(_markdown(cells), "What is settled and what is not")
    if section is None:
        return "no '## What is settled and what is not' section"
    rows = [ln for ln in section.splitlines() if ln.lstrip().startswith("|")][2:]  # after header and ruler
    if not rows:
        return "'What is settled and what is not' has no table of claims"
    problems = []
    for n, row in enumerate(rows, 1):
        badges = re.findall(r"\{bdg-(\w+)\}`([^`]*)`", row)
        wrong = [f"{{bdg-{colour}}}`{label}`" for colour, label in badges
                 if label in GRADES and GRADES[label] != colour]
        if wrong:
            problems.append(f"row {n} grades with {wrong}: use " +
                            ", ".join(f"{{bdg-{c}}}`{g}`" for g, c in GRADES.items()))
        elif not any(label in GRADES for _, label in badges):
            problems.append(f"row {n} has no grade ({', '.join(GRADES)})")
        if not _roles(row, "cite"):
            problems.append(f"row {n} cites nothing")
    return "; ".join(problems) or None


def _prove_it(cells, slug, book):
    if _section(_markdown(cells), "Prove it") is None:
        return "no '## Prove it' section"
    slugs = [m[1] for c in cells if c["cell_type"] == "code"
             for m in re.finditer(r"\bprove_it\(\s*[\"'](\w+)[\"']\s*\)", _src(c))]
    if slugs != [slug]:
        return f'the Prove-it section needs one code cell prove_it("{slug}") (found {slugs})'
    questions = book.quiz(slug)
    if isinstance(questions, str):
        return questions
    if len(questions) < MIN_QUESTIONS:
        return f"ketamine_sim.quiz.{slug} has {len(questions)} questions; at least {MIN_QUESTIONS}"


def _events(cells):
    """Exercise and solution markers and code cells, in reading order."""
    for cell in cells:
        if cell["cell_type"] == "code":
            yield "code", None, ""
            continue
        text = _src(cell)
        for m in re.finditer(r"^(`{3,}|:{3,})\{(exercise|solution-start|solution-end)\}[ \t]*([^\n]*)\n"
                             r"((?:[ \t]*:[\w-]+:[^\n]*\n)*)", text + "\n", re.M):
            label = re.search(r":label:[ \t]*(\S+)", m[4]) if m[2] == "exercise" else None
            yield m[2], label[1] if label else m[3].strip(), m[4]


def _exercises(cells, slug, book):
    if _section(_markdown(cells), "Exercises") is None:
        return "no '## Exercises' section"
    labels, solved, problems, open_label, code = [], set(), [], None, 0
    for kind, label, options in _events(cells):
        if kind == "exercise":
            labels.append(label)
        elif kind == "solution-start":
            if open_label:
                problems.append(f"solution {open_label} has no {{solution-end}}")
            if label not in labels:
                problems.append(f"solution {label!r} names no exercise above it")
            if "dropdown" not in options:
                problems.append(f"solution {label!r} is not folded (:class: dropdown)")
            open_label, code = label, 0
        elif kind == "solution-end" and open_label:
            if not code:
                problems.append(f"solution {open_label!r} has no code cell")
            solved.add(open_label)
            open_label = None
        code += kind == "code"
    if open_label:
        problems.append(f"solution {open_label} has no {{solution-end}}")
    if len(labels) < MIN_EXERCISES:
        problems.append(f"{len(labels)} exercises; at least {MIN_EXERCISES}")
    unsolved = [lb for lb in labels if lb not in solved]
    if unsolved:
        problems.append(f"exercises {unsolved} have no gated solution ({{solution-start}} ... {{solution-end}})")
    return "; ".join(problems) or None


def _takeaways(cells, slug, book):
    section = _section(_markdown(cells), "Key takeaways")
    if section is None or len(re.findall(r"^(?:[-*]|\d+\.)[ \t]+\S", section, re.M)) < 2:
        return "no '## Key takeaways' section with a list"


def _anchor(cells, slug, book):
    boxes = [body for classes, body in _admonitions(_markdown(cells), "The anchor") if "anchor" in classes]
    if not boxes:
        return "no ```{admonition} The anchor``` with :class: anchor"
    sentences = [s for s in re.split(r"(?<=[.!?])\s+", " ".join(boxes[0].split())) if s]
    if len(sentences) != 1:
        return f"the anchor has {len(sentences)} sentences; it is one sentence to remember"


def _connects(cells, slug, book):
    section = _section(_markdown(cells), "This connects to")
    if section is None:
        return "no '## This connects to' section"
    if len(_LINK.findall(section)) < MIN_CONNECTIONS:
        return f"'This connects to' has fewer than {MIN_CONNECTIONS} links ({{doc}}, {{term}}, [text](target))"


def _glossary(cells, slug, book):
    links = [(m[1] if (m := re.fullmatch(r".*<(.+)>\s*", t, re.S)) else t).strip()
             for t in _roles(_markdown(cells), "term")]
    missing = sorted({t for t in links if t.lower() not in book.glossary})
    if missing:
        return f"glossary terms {missing} are not in book/glossary.md"
    if len({t.lower() for t in links}) < MIN_GLOSSARY_LINKS:
        return f"{len(set(links))} glossary terms linked with {{term}}; at least {MIN_GLOSSARY_LINKS}"


def _disclaimer(cells, slug, book):
    if not _DISCLAIMER.search(_markdown(cells)):
        return "no disclaimer line: *For education only; not medical advice.*"


def _citations(cells, slug, book):
    keys = [k.strip() for text in _roles(_markdown(cells), "cite") for k in text.split(",")]
    if not keys:
        return "cites nothing ({cite}`Key`)"
    unknown = sorted(set(keys) - book.bib)
    if unknown:
        return f"citation keys {unknown} are not in book/references.bib"


def _glue(cells, slug, book):
    used = {spec.split(":")[0] for spec in _roles(_markdown(cells), "glue")}
    if not used:
        return "no number glued into the prose ({glue:text}`name`)"
    code = "\n".join(_src(c) for c in cells if c["cell_type"] == "code")
    defined = set(re.findall(r"\bglue\(\s*[\"'](\w+)[\"']", code))
    prefixes = re.findall(r"\bglue\(\s*f[\"'](\w*)\{", code)  # glue(f"block_{x}", ...)
    undefined = sorted(n for n in used if n not in defined and not any(n.startswith(p) for p in prefixes))
    if undefined:
        return f"{{glue}} names {undefined} are glued by no code cell"


def _slides(cells, slug, book):
    bad = [i for i, c in enumerate(cells)
           if c.get("metadata", {}).get("slideshow", {}).get("slide_type") not in SLIDE_TYPES]
    if bad:
        return f"cells {bad} lack metadata.slideshow.slide_type (one of {sorted(SLIDE_TYPES)})"


def _toc(cells, slug, book):
    if f"{book.chapter_dir}/{slug}" not in book.toc:
        return f"{book.chapter_dir}/{slug} is not in _toc.yml"


def _instructor(cells, slug, book):
    page = book.instructor_dir / f"{slug}.md"
    if not page.is_file():
        return f"no instructor page {page.relative_to(ROOT)}"
    doc = page.relative_to(ROOT).with_suffix("").as_posix()
    if doc not in book.toc:
        return f"the instructor page {doc} is not in _toc.yml"
    headings = re.findall(r"^#{2,3}[ \t]+(.+)$", page.read_text(), re.M)
    lacking = [name for name, word in INSTRUCTOR_SECTIONS.items()
               if not any(re.search(word, h, re.I) for h in headings)]
    if lacking:
        return f"the instructor page {doc} has no section for {lacking}"


CHECKS = {
    "title": _title, "objectives": _objectives, "cascade_map": _cascade_map, "explorer": _explorer,
    "predict": _predict, "should_have_seen": _should_have_seen, "leaves_out": _leaves_out,
    "evidence": _evidence, "prove_it": _prove_it, "exercises": _exercises, "takeaways": _takeaways,
    "anchor": _anchor, "connects": _connects, "glossary": _glossary, "disclaimer": _disclaimer,
    "citations": _citations, "glue": _glue, "slides": _slides, "toc": _toc, "instructor": _instructor,
}


def check_chapter(cells, slug, book):
    """``{part: message}`` for each part of the standard the chapter lacks (empty when it has them all)."""
    return {part: msg for part, check in CHECKS.items() if (msg := check(cells, slug, book))}


def _report(name, failures):
    return f"{name} breaks the chapter contract:\n" + "\n".join(f"  - {p}: {m}" for p, m in failures.items())


# ---------------------------------------------------------------------------------------------------------------
# the chapters


@pytest.fixture(scope="module")
def book():
    return load_book()


def test_there_are_chapters():
    assert CHAPTERS, "no chapter notebook in book/chapters/"


@pytest.mark.parametrize("path", CHAPTERS, ids=lambda p: p.stem)
def test_chapter_keeps_the_contract(path, book):
    failures = check_chapter(json.loads(path.read_text())["cells"], path.stem, book)
    assert not failures, _report(f"book/chapters/{path.name}", failures)


# ---------------------------------------------------------------------------------------------------------------
# the skeleton keeps it too, and each check can fail


def _skeleton_quiz():
    """book/templates/quiz_skeleton.py, the question module a new chapter copies to ketamine_sim/quiz/<slug>.py."""
    spec = importlib.util.spec_from_file_location(f"ketamine_sim.quiz.{SKELETON_SLUG}", TEMPLATES / "quiz_skeleton.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def skeleton_book(book):
    """The book as the skeleton sees it: its instructor page and question module in book/templates/, as if in
    the table of contents."""
    return dataclasses.replace(book, toc=book.toc | {f"book/templates/{SKELETON_SLUG}",
                                                     f"book/templates/instructor/{SKELETON_SLUG}"},
                               chapter_dir="book/templates", instructor_dir=TEMPLATES / "instructor",
                               questions={SKELETON_SLUG: list(_skeleton_quiz().QUESTIONS)})


@pytest.fixture
def skeleton():
    return json.loads(SKELETON.read_text())["cells"]


def test_skeleton_keeps_the_contract(skeleton, skeleton_book):
    failures = check_chapter(skeleton, SKELETON_SLUG, skeleton_book)
    assert not failures, _report("book/templates/chapter_skeleton.ipynb", failures)


def test_skeleton_is_not_built_into_the_site():
    config = yaml.safe_load((ROOT / "_config.yml").read_text())
    assert config.get("only_build_toc_files") is True or "book/templates" in config["exclude_patterns"]
    assert not any(f.startswith("book/templates") for f in _toc_files(yaml.safe_load((ROOT / "_toc.yml").read_text())))


def test_skeleton_code_runs(skeleton, monkeypatch):
    """Every code cell of the skeleton runs, in order, with its template question module standing in."""
    monkeypatch.setitem(sys.modules, f"ketamine_sim.quiz.{SKELETON_SLUG}", _skeleton_quiz())
    monkeypatch.delenv("KETAMINE_SIM_STATIC", raising=False)
    namespace = {}
    for i, cell in enumerate(skeleton):
        if cell["cell_type"] == "code":
            try:
                exec(compile(_src(cell), f"<skeleton cell {i}>", "exec"), namespace)
            except Exception as err:  # noqa: BLE001 (name the cell)
                pytest.fail(f"skeleton cell {i} fails: {err!r}")


def _replace(pattern, new, flags=re.M | re.S):
    """A mutation: substitute ``pattern`` in every cell's source (markdown and code)."""
    def mutate(cells, book):
        for cell in cells:
            cell["source"] = re.sub(pattern, new, _src(cell), flags=flags)
        return cells, book
    return mutate


def _drop_cells(pattern):
    def mutate(cells, book):
        return [c for c in cells if not re.search(pattern, _src(c), re.M | re.S)], book
    return mutate


def _drop_slide_type(cells, book):
    del cells[-1]["metadata"]["slideshow"]
    return cells, book


def _out_of_toc(cells, book):
    return cells, dataclasses.replace(book, toc=book.toc - {f"book/templates/{SKELETON_SLUG}"})


def _no_instructor_page(cells, book):
    return cells, dataclasses.replace(book, instructor_dir=TEMPLATES / "nowhere")


def _one_question(cells, book):
    return cells, dataclasses.replace(book, questions={SKELETON_SLUG: book.questions[SKELETON_SLUG][:1]})


_ADMONITION = r"^(`{3,})\{admonition\} %s\n.*?^\1\n?"
MUTATIONS = {
    "title": _replace(r"\A(# [^\n]*\n)\s*\*[^\n]*\*\n", r"\1"),
    "objectives": _replace(r"^2\. .*?(?=^```)", ""),  # leaves one objective
    "cascade_map": _replace(r'cascade_map\("\w+"\)', 'cascade_map("liver")'),
    "explorer": _drop_cells(r"\bexplore_\w+\(\)"),
    "predict": _replace(_ADMONITION % "Predict", ""),
    "should_have_seen": _replace(_ADMONITION % "What you should have seen", ""),
    "leaves_out": _replace(_ADMONITION % "What this model leaves out", ""),
    "evidence": _replace(r"\{bdg-danger\}`hypothesis`", "{bdg-info}`hypothesis`"),
    "prove_it": _one_question,
    "exercises": _drop_cells(r"\{solution-end\}"),
    "takeaways": _replace(r"^## Key takeaways\n", "## In short\n"),
    "anchor": _replace(r":class: anchor", ":class: important"),
    "connects": _replace(r"^## This connects to\n", "## See also\n"),
    "glossary": _replace(r"\{term\}`([^`<]*)`", r"{term}`\1 receptor subtype`", flags=0),
    "disclaimer": _replace(r"^\*For education only; not medical advice\.\*\n?", ""),
    "citations": _replace(r"\{cite\}`JahrStevens1990`", "{cite}`NoSuchSource2099`", flags=0),
    "glue": _drop_cells(r"^glue\("),
    "slides": _drop_slide_type,
    "toc": _out_of_toc,
    "instructor": _no_instructor_page,
}
# further ways to lose a part, each also reported as exactly that part
MORE_MUTATIONS = [
    ("prove_it", _replace(r'prove_it\("\w+"\)', 'prove_it("antagonist_paradox")')),
    ("prove_it", _replace(r"^## Prove it\n", "## Check yourself\n")),
    ("exercises", _replace(r"^(`{3,}\{solution-start\}[^\n]*\n):class: dropdown\n", r"\1", flags=re.M)),
    ("evidence", _replace(r"\{bdg-(success|warning|danger)\}`(established|debated|hypothesis)`", "solid", flags=0)),
    ("predict", _replace(r":class: predict", ":class: tip")),
    ("objectives", _replace(r"^(\d)\. (.*?)$", r"\1. \2\n\1\1. again\n\1\1\1. and again", flags=re.M)),
    ("glossary", _replace(r"\{term\}`([^`]*)`", r"\1", flags=0)),
    ("instructor", lambda cells, book: (cells, dataclasses.replace(
        book, toc=book.toc - {f"book/templates/instructor/{SKELETON_SLUG}"}))),
]


def test_every_part_has_a_mutation():
    assert set(MUTATIONS) == set(CHECKS)


@pytest.mark.parametrize("part, mutate", [*MUTATIONS.items(), *MORE_MUTATIONS],
                         ids=[*MUTATIONS, *(f"{p}-{i}" for i, (p, _) in enumerate(MORE_MUTATIONS))])
def test_contract_reports_exactly_the_missing_part(part, mutate, skeleton, skeleton_book):
    before = copy.deepcopy(skeleton)
    cells, mutated_book = mutate(copy.deepcopy(skeleton), dataclasses.replace(
        skeleton_book, questions=dict(skeleton_book.questions)))
    assert cells != before or mutated_book != skeleton_book, "the mutation changed nothing"
    failures = check_chapter(cells, SKELETON_SLUG, mutated_book)
    assert set(failures) == {part}, failures
    assert _report("x.ipynb", failures).startswith("x.ipynb breaks the chapter contract")
