"""The book's learning path: the cast cards and the chapters in three stages, and the links between them.

The path is the order in which the book is meant to be read (meet the cast → the mechanism → the clinic).
Which chapters exist is read from ``_toc.yml`` at build time, so a chapter that lands is linked on the path
and in every card's "This connects to" with no edit here; a planned chapter not yet in the table of contents
is listed as "coming soon", without a link.  A chapter in the table of contents that matches no planned
entry is added to the mechanism stage, so no chapter is ever missing from the path.

:func:`path_html` draws the path page: one toggle button per page (``aria-pressed``), kept in the browser's
``localStorage``; a step is shown as locked until the step before it is marked done, but its link always
works; every change is announced in an ``aria-live`` region.  The script is inline (Jupyter Book would add any
``*.js`` file of ``_static`` to every page).  Links end in ``.html`` on the built site
(``KETAMINE_SIM_STATIC=1``) and in ``.ipynb`` in JupyterLab.
"""

import html
import json
import os
import pathlib
import posixpath
import re
from dataclasses import dataclass

import yaml

STORAGE_KEY = "ketamine-book-path-v1"


@dataclass(frozen=True)
class Step:
    """One stop on the path: a cast card or a chapter."""

    slug: str  # file name without suffix (cards: book/cast/<slug>; chapters: book/chapters/<slug>)
    title: str
    kind: str  # "card" or "chapter"
    match: str = ""  # regex on a chapter's file name or title that identifies it when the slug differs

    @property
    def docname(self):
        return f"book/cast/{self.slug}" if self.kind == "card" else f"book/chapters/{self.slug}"


CARDS = (
    Step("serotonin", "Serotonin and the monoamines", "card"),
    Step("gaba", "GABA, the brake", "card"),
    Step("glutamate", "Glutamate, the accelerator", "card"),
    Step("nmda_receptor", "The NMDA receptor, the coincidence detector", "card"),
    Step("ampa_receptor", "The AMPA receptor, the fast relay", "card"),
    Step("pyramidal_interneurons", "Pyramidal cells and interneurons", "card"),
    Step("ketamine", "Ketamine and its two mirror images", "card"),
    Step("bdnf", "BDNF, the growth signal", "card"),
    Step("mtor_eef2", "mTOR and eEF2, the protein-synthesis switches", "card"),
    Step("spines_sv2a", "Dendritic spines and SV2A", "card"),
)

MECHANISM = (
    Step("monoamine_time_lag", "The monoamine time lag", "chapter", r"monoamine"),
    Step("antagonist_paradox", "The antagonist paradox", "chapter", r"paradox"),
    Step("disinhibition", "Releasing the brakes: disinhibition", "chapter", r"disinhibition|brakes"),
    Step("glutamate_surge", "The glutamate surge and the AMPA receptor", "chapter", r"surge|ampa"),
    Step("synaptogenesis", "From electricity to architecture: synaptogenesis", "chapter",
         r"synaptogenesis|architecture"),
    Step("window_of_opportunity", "A window of opportunity", "chapter", r"window"),
    Step("mirror_images", "Two mirror images: S- and R-ketamine", "chapter", r"mirror|enantiomer"),
    Step("why_the_effect_fades", "Why the effect fades", "chapter", r"fade"),
)

CLINIC = (
    Step("in_the_clinic", "In the clinic", "chapter", r"clinic"),
    Step("beyond_depression", "Beyond depression", "chapter", r"beyond"),
    Step("whole_cascade", "The whole cascade", "chapter", r"cascade|capstone"),
)

STAGES = (("Meet the cast", CARDS), ("The mechanism", MECHANISM), ("The clinic", CLINIC))
CARD_SLUGS = tuple(step.slug for step in CARDS)


# the repository this package was installed from (code/ketamine_sim/learning_path.py -> the root)
_REPOSITORY = pathlib.Path(__file__).resolve().parents[2]


def book_root(start=None):
    """The repository root (the folder holding ``_toc.yml``) at or above ``start`` (default: the working folder).

    A notebook copied out of the repository (JupyterLab reader copies mirror ``book/`` in a folder of their
    own) uses the repository this package comes from, when ``start`` is not given."""
    here = pathlib.Path(start or os.getcwd()).resolve()
    for folder in (here, *here.parents):
        if (folder / "_toc.yml").is_file():
            return folder
    if start is None and (_REPOSITORY / "_toc.yml").is_file():
        return _REPOSITORY
    raise ValueError(f"start={str(here)!r} has no _toc.yml above it; allowed: a folder inside the book")


def _position(here, root):
    """Where the page's folder sits in the repository, e.g. ``book/cast``; a copy outside it mirrors ``book/``."""
    try:
        return here.relative_to(root).as_posix()
    except ValueError:
        return f"book/{here.name}" if (root / "book" / here.name).is_dir() else "book"


def toc_files(root):
    """Every ``file:`` entry of ``_toc.yml`` under ``root``, in reading order."""
    def walk(node):
        if isinstance(node, dict):
            if "file" in node:
                yield str(node["file"]).removesuffix(".ipynb").removesuffix(".md")
            for value in node.values():
                yield from walk(value)
        elif isinstance(node, list):
            for item in node:
                yield from walk(item)

    toc = yaml.safe_load((pathlib.Path(root) / "_toc.yml").read_text(encoding="utf-8"))
    return list(dict.fromkeys(walk(toc)))


def _title(root, docname):
    """The first ``# heading`` of a chapter notebook (empty if none can be read)."""
    nb = pathlib.Path(root) / f"{docname}.ipynb"
    try:
        cells = json.loads(nb.read_text(encoding="utf-8"))["cells"]
    except (OSError, ValueError, KeyError):
        return ""
    for cell in cells:
        found = re.search(r"^# (.+)$", "".join(cell.get("source", "")), re.M)
        if cell.get("cell_type") == "markdown" and found:
            return found[1].strip()
    return ""


def resolve(root=None):
    """The stages with each step's page: ``[(stage, [(step, docname or None), ...]), ...]``.

    A card or chapter has a page when ``_toc.yml`` lists it.  A planned chapter is found under its own slug, or
    else as the first unclaimed chapter whose file name or title matches ``step.match``."""
    root = book_root(root)
    files = toc_files(root)
    chapters = [f for f in files if f.startswith("book/chapters/")]
    claimed, stages = set(), []
    for stage, steps in STAGES:
        found = []
        for step in steps:
            doc = step.docname if step.docname in files else None
            if doc is None and step.kind == "chapter" and step.match:
                doc = next((c for c in chapters if c not in claimed and (
                    re.search(step.match, c.rsplit("/", 1)[1], re.I) or re.search(step.match, _title(root, c), re.I))),
                    None)
            if doc:
                claimed.add(doc)
            found.append((step, doc))
        stages.append((stage, found))
    extra = [c for c in chapters if c not in claimed]
    for doc in extra:  # a chapter nobody planned still belongs on the path
        name = doc.rsplit("/", 1)[1]
        stages[1][1].append((Step(name, _title(root, doc) or name.replace("_", " ").capitalize(), "chapter"), doc))
    return stages


def _href(docname, here, root):
    suffix = ".html" if os.environ.get("KETAMINE_SIM_STATIC") == "1" else ".ipynb"
    if suffix == ".ipynb" and not (pathlib.Path(root) / f"{docname}.ipynb").is_file():
        suffix = ".md"
    return posixpath.relpath(f"{docname}{suffix}", _position(pathlib.Path(here), pathlib.Path(root)))


def _step_id(step):
    return f"{step.kind}:{step.slug}"


def _item(step, doc, here, root):
    """One ``<li>`` of the path: link (or "coming soon"), state badge and done toggle."""
    title = html.escape(step.title)
    if doc is None:
        return (f'<li class="ks-step ks-soon"><span class="ks-step-title">{title}</span> '
                f'<span class="ks-badge ks-badge-soon">coming soon</span></li>')
    href = html.escape(_href(doc, here, root))
    return (f'<li class="ks-step" data-step="{_step_id(step)}">'
            f'<a class="ks-step-title" href="{href}">{title}</a> '
            f'<span class="ks-badge" aria-hidden="true"></span>'
            f'<span class="visually-hidden ks-state"></span> '
            f'<button type="button" class="ks-done" aria-pressed="false">Done'
            f'<span class="visually-hidden">: {title}</span></button></li>')


_SCRIPT = """<script>(function () {
  var KEY = %(key)s, root = document.getElementById("ks-path");
  if (!root || root.dataset.ready) { return; }
  root.dataset.ready = "1";
  var steps = Array.prototype.slice.call(root.querySelectorAll("li[data-step]"));
  var live = document.getElementById("ks-path-status");
  function load() {
    try { var v = JSON.parse(window.localStorage.getItem(KEY) || "[]"); return Array.isArray(v) ? v : []; }
    catch (e) { return []; }
  }
  function save(done) { try { window.localStorage.setItem(KEY, JSON.stringify(done)); } catch (e) {} }
  function title(li) { return li.querySelector(".ks-step-title").textContent; }
  function render() {
    var done = load(), open = true, count = 0;
    steps.forEach(function (li) {
      var isDone = done.indexOf(li.dataset.step) >= 0, state = isDone ? "done" : (open ? "open" : "locked");
      li.dataset.state = state;
      li.querySelector(".ks-done").setAttribute("aria-pressed", isDone ? "true" : "false");
      li.querySelector(".ks-badge").textContent = {done: "\\u2713 done", open: "up next", locked: "locked"}[state];
      li.querySelector(".ks-state").textContent = {done: "(done)", open: "(up next)",
        locked: "(locked until the step before it is done; the page is open to read now)"}[state];
      open = isDone;
      if (isDone) { count += 1; }
    });
    document.getElementById("ks-path-count").textContent = count + " of " + steps.length + " steps done";
    return done;
  }
  function toggle(li) {
    var done = load(), id = li.dataset.step, at = done.indexOf(id), i = steps.indexOf(li), message;
    if (at >= 0) { done.splice(at, 1); message = title(li) + " marked not done."; }
    else { done.push(id); message = title(li) + " marked done."; }
    save(done);
    render();
    var next = steps[i + 1];
    if (at < 0 && next && next.dataset.state === "open") { message += " Unlocked: " + title(next) + "."; }
    if (at >= 0 && next && next.dataset.state === "locked") { message += " Locked again: " + title(next) + "."; }
    live.textContent = message + " " + document.getElementById("ks-path-count").textContent + ".";
  }
  steps.forEach(function (li) {
    li.querySelector(".ks-done").addEventListener("click", function () { toggle(li); });
  });
  var reset = document.getElementById("ks-path-reset");
  reset.hidden = false;
  reset.addEventListener("click", function () {
    save([]);
    render();
    live.textContent = "Path cleared: no step is marked done.";
  });
  render();
})();</script>"""

_STYLE = """<style>
#ks-path .visually-hidden { position: absolute !important; width: 1px; height: 1px; padding: 0; margin: -1px;
  overflow: hidden; clip: rect(0, 0, 0, 0); white-space: nowrap; border: 0; }
#ks-path { background: #ffffff; color: #14181e; padding: 0.5em 1em 1em; border-radius: 8px; }
#ks-path a { color: #125fcc; }
#ks-path .ks-stage { margin: 1.25em 0 0.5em; font-size: 1.15em; color: #14181e; }
#ks-path ol { list-style: none; padding: 0; margin: 0; display: grid; gap: 0.5em; }
#ks-path .ks-step { display: flex; flex-wrap: wrap; align-items: center; gap: 0.5em 0.75em; padding: 0.6em 0.8em;
  border: 2px solid #9ca4af; border-radius: 8px; }
#ks-path .ks-step-title { flex: 1 1 14em; font-weight: 600; }
#ks-path .ks-step[data-state="done"] { border-color: #00684c; }
#ks-path .ks-step[data-state="open"] { border-color: #125fcc; }
#ks-path .ks-step[data-state="locked"] { border-style: dashed; }
#ks-path .ks-badge { font-size: 0.85em; white-space: nowrap; }
#ks-path .ks-badge-soon { font-style: italic; }
#ks-path .ks-done { min-height: 44px; min-width: 6.5em; padding: 0.3em 0.9em; border-radius: 6px; cursor: pointer;
  border: 2px solid #125fcc; background: #ffffff; color: #14181e; font: inherit; }
#ks-path .ks-done[aria-pressed="true"] { background: #00684c; border-color: #00684c; color: #fff; }
#ks-path .ks-done[aria-pressed="true"]::before { content: "\\2713\\00a0"; }
#ks-path button:focus-visible { outline: 3px solid #125fcc; outline-offset: 2px; }
#ks-path .ks-progress { display: flex; flex-wrap: wrap; gap: 0.75em; align-items: center; }
#ks-path .ks-progress button { min-height: 44px; border-radius: 6px; padding: 0.3em 0.9em; font: inherit;
  color: #14181e; background: #ffffff; border: 1px solid #5c6670; cursor: pointer; }
</style>"""


# a light card in both colour modes (in dark mode the theme draws notebook HTML output on a light grey)
_CONNECTS_STYLE = ("<style>.ks-connects { background: #ffffff; color: #14181e; padding: 0.5em 0.5em 0.5em 2em; "
                   "border-radius: 6px; } .ks-connects a { color: #125fcc; }</style>")


def path_html(root=None, here=None):
    """The path page's HTML: stages, steps with links or "coming soon", done toggles, live region, script."""
    root = book_root(root)
    here = pathlib.Path(here or os.getcwd()).resolve()
    parts = [_STYLE, '<nav id="ks-path" aria-label="Learning path">',
             '<div class="ks-progress"><p id="ks-path-count">Mark steps done as you go.</p>'
             '<button type="button" id="ks-path-reset" hidden>Clear my progress</button></div>',
             '<p id="ks-path-status" class="visually-hidden" aria-live="polite" role="status"></p>']
    for n, (stage, steps) in enumerate(resolve(root), start=1):
        parts.append(f'<h2 class="ks-stage">Stage {n}: {html.escape(stage)}</h2><ol>')
        parts.extend(_item(step, doc, here, root) for step, doc in steps)
        parts.append("</ol>")
    parts.append("</nav>")
    parts.append(_SCRIPT % {"key": json.dumps(STORAGE_KEY)})
    return "\n".join(parts)


def _find(slug):
    for _, steps in STAGES:
        for step in steps:
            if step.slug == slug:
                return step
    raise ValueError(f"slug={slug!r} is not on the path; allowed: {', '.join(s.slug for _, st in STAGES for s in st)}")


def connects_html(slugs, root=None, here=None):
    """A list of links to the steps ``slugs`` (cards or chapters) for a page's "This connects to" section;
    a chapter not yet written is named with "(coming soon)" instead of a link."""
    root = book_root(root)
    here = pathlib.Path(here or os.getcwd()).resolve()
    pages = {step.slug: doc for _, steps in resolve(root) for step, doc in steps}
    items = []
    for slug in slugs:
        step = _find(slug)
        kind = "card" if step.kind == "card" else "chapter"
        doc = pages.get(slug)
        if doc:
            href = html.escape(_href(doc, here, root))
            items.append(f'<li>{kind}: <a href="{href}">{html.escape(step.title)}</a></li>')
        else:
            items.append(f"<li>{kind}: {html.escape(step.title)} (coming soon)</li>")
    path = html.escape(_href("book/cast/index", here, root))
    items.append(f'<li>the whole <a href="{path}">learning path</a></li>')
    return _CONNECTS_STYLE + '<ul class="ks-connects">' + "".join(items) + "</ul>"


def show_path():
    """Display the path in a notebook (site and JupyterLab)."""
    from IPython.display import HTML, display

    display(HTML(path_html()))


def connects(*slugs):
    """Display the "This connects to" links of a page."""
    from IPython.display import HTML, display

    display(HTML(connects_html(slugs)))
