"""Sphinx extension: a built site that needs neither a kernel nor a CDN, and that every reader can use.

- Sets ``KETAMINE_SIM_STATIC=1`` before any notebook runs.  Kernels inherit the environment of the process
  that starts them, so every ``jupyter-book build``, however invoked, renders the kernel-free figures of
  :mod:`ketamine_sim.widgets.frames` instead of live ipywidgets.
- Loads MathJax from the vendored copy in ``book/_vendor`` instead of a CDN.
- Drops sphinx-thebe's page scripts: Jupyter Book always loads the extension, its inline config is emitted
  twice (a console ``SyntaxError`` on every page) and it points at a CDN; the book does not use Thebe.
- Accessibility mends for the theme (checked by axe-core in ``tests/test_site.py``): the templates in
  ``templates/`` give the search and colour-mode buttons an accessible name that contains their visible text;
  the sidebar's section toggles get a hidden name; folded code cells are named by their visible "Show code
  cell source"; bibliography entries get the ``listitem`` role their ``role="list"`` parent requires
  (docutils emits the deprecated ``doc-biblioentry``).
- Drops the theme's 1.5 MB ``fontawesome.js`` (``templates/static/webpack-macros.html``): it only serves
  custom icons, the theme's icons come from the Font Awesome web font in its CSS.
- Loads MathJax only on pages whose body has maths, and the frames of kernel-free figures only when needed.
- Keeps the alt text that notebooks attach to image outputs (myst-nb drops it).
- Gives every page a ``<meta name="description">`` (its first paragraph) for search engines and link previews.
"""

import html
import os
import pathlib
import re

from docutils import nodes

TEMPLATES = pathlib.Path(__file__).with_name("templates")
DESCRIPTION_CHARS = 155


def _drop_thebe(app, pagename, templatename, context, doctree):
    def keep(js):
        name = getattr(js, "filename", js) or ""
        body = getattr(js, "attributes", {}).get("body", "")
        return "sphinx-thebe" not in name and "THEBE_JS_URL" not in body

    if "script_files" in context:
        context["script_files"] = [js for js in context["script_files"] if keep(js)]


_MATH_LOADER = """<script>(function () {
  var started = false;
  window.ksLoadMath = function () {
    if (started) { return; }
    started = true;
    var s = document.createElement("script");
    s.src = "%s";
    s.async = true;
    document.head.appendChild(s);
  };
  function watch() {
    var maths = document.querySelectorAll(".math");
    if (!maths.length || !("IntersectionObserver" in window)) { window.ksLoadMath(); return; }
    var watcher = new IntersectionObserver(function (entries) {
      if (entries.some(function (e) { return e.isIntersecting; })) { watcher.disconnect(); window.ksLoadMath(); }
    }, {rootMargin: "1200px"});
    maths.forEach(function (m) { watcher.observe(m); });
  }
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", watch); } else { watch(); }
})();</script>"""


def _mathjax_only_with_math(app, pagename, templatename, context, doctree):
    """MathJax (1.2 MB) only where the body has maths, and only once the maths nears the screen.

    Sphinx adds it to a page that merely lists a page with maths in its toctree.  Where the body has maths
    (Sphinx marks it ``class="math notranslate nohighlight"``) a few lines load it when the first formula comes
    within about two screens, so the first paint never waits for it; ``window.ksLoadMath()`` loads it at once
    (``tools/pdf.py`` calls it before printing)."""
    if "script_files" not in context:
        return
    body = context.get("body", "")
    mathjax = [js for js in context["script_files"] if "mathjax" in (getattr(js, "filename", js) or "")]
    context["script_files"] = [js for js in context["script_files"] if js not in mathjax]
    if mathjax and ("math notranslate" in body or "mathjax_process" in body):
        name = str(getattr(mathjax[0], "filename", mathjax[0])).split("?")[0]
        src = context["pathto"](name if name.startswith("_static/") else "_static/" + name, 1)
        context["body"] = body + _MATH_LOADER % src


def _accessible_body(app, pagename, templatename, context, doctree):
    if "body" in context:
        body = context["body"].replace('role="doc-biblioentry"', 'role="listitem"')
        # myst-nb names every folded cell "Toggle hidden content", hiding its visible "Show code cell source"
        context["body"] = body.replace('<summary aria-label="Toggle hidden content">', "<summary>")


_NAV_TOGGLE = re.compile(r">([^<>]+)</a><details([^>]*)><summary>")


def _named_nav_toggles(app, pagename, templatename, context, doctree):
    """The sidebar's expand/collapse toggles are icon-only ``<summary>`` elements: give each a hidden name."""
    generate = context.get("generate_toctree_html")
    if generate is None or getattr(generate, "names_toggles", False):
        return

    def generate_named(*args, **kwargs):
        out = generate(*args, **kwargs)
        return _NAV_TOGGLE.sub(lambda m: f'>{m[1]}</a><details{m[2]}><summary><span class="visually-hidden">'
                                         f"Pages in {m[1]}</span>", str(out))

    generate_named.names_toggles = True
    context["generate_toctree_html"] = generate_named


_FRAME_DATA = re.compile(
    r'<figure class="ks-frames" id="(ks-[0-9a-f]+)"(.*?)<script type="application/json">(.*?)</script>',
    re.S)


def _frames_out_of_page(app, pagename, templatename, context, doctree):
    """Move each kernel-free figure's frames (:mod:`ketamine_sim.widgets.frames`) out of the page into
    ``_static/ks-frames/<id>.js``; the figure's script loads them when it nears the screen.  The first frame
    stays inline, so the page paints (and prints) without them.  A script file, not JSON for ``fetch``, so a
    page opened from disk (``file://``) works too."""
    body = context.get("body", "")
    if 'class="ks-frames"' not in body:
        return
    folder = pathlib.Path(app.outdir) / "_static" / "ks-frames"
    folder.mkdir(parents=True, exist_ok=True)

    def move(match):
        uid, middle, payload = match.groups()
        (folder / f"{uid}.js").write_text(f'(window.ksFrames = window.ksFrames || {{}})["{uid}"] = {payload};\n')
        src = context["pathto"](f"_static/ks-frames/{uid}.js", 1)
        return f'<figure class="ks-frames" id="{uid}"{middle}<script type="application/json" data-src="{src}"></script>'

    context["body"] = _FRAME_DATA.sub(move, body)


def _first_paragraph(doctree):
    for para in doctree.findall(nodes.paragraph):
        text = re.sub(r"\s+", " ", para.astext()).strip()
        if len(text) > 40:
            return text
    return ""


def _description(app, pagename, templatename, context, doctree):
    text = _first_paragraph(doctree) if doctree is not None else ""
    title = re.sub(r"<[^>]+>", "", context.get("title", "") or "") or pagename.replace("_", " ").capitalize()
    if not text:
        text = f"{title} — {app.config.html_title}: an executable textbook on how ketamine works as a " \
               "rapid-acting antidepressant."
    if len(text) > DESCRIPTION_CHARS:
        text = text[:DESCRIPTION_CHARS].rsplit(" ", 1)[0] + "…"
    context["metatags"] = context.get("metatags", "") + f'\n<meta name="description" content="{html.escape(text)}" />'


def _alt_from_output_metadata():
    """myst-nb keeps only width/height from an image output's metadata; keep its ``alt`` too.

    ``ketamine_sim.widgets.show`` displays figures with ``metadata={"image/png": {"alt": ...}}``, the form
    JupyterLab reads; without this the site's ``<img>`` gets its file name as alt text.
    """
    from myst_nb.core.render import NbElementRenderer

    original = NbElementRenderer.render_image
    if getattr(original, "keeps_alt", False):
        return

    def render_image(self, data):
        result = original(self, data)
        alt = data.output_metadata.get(data.mime_type, {}).get("alt")
        for node in result:
            if alt and isinstance(node, nodes.image):
                node["alt"] = str(alt)
        return result

    render_image.keeps_alt = True
    NbElementRenderer.render_image = render_image


def _singlehtml_knows_html_nodes(app):
    """sphinx-exercise registers handlers for the ``singlehtml`` builder by name, and Sphinx then ignores every
    handler registered for the ``html`` format (myst-nb's folded cells, ...).  Give singlehtml those too, so the
    one-page build that ``make pdf`` prints works."""
    handlers = app.registry.translation_handlers
    if app.builder.name == "singlehtml" and "singlehtml" in handlers:
        for name, pair in handlers.get("html", {}).items():
            handlers["singlehtml"].setdefault(name, pair)


def _templates(app, config):
    config.templates_path = [str(TEMPLATES), *config.templates_path]


def setup(app):
    os.environ["KETAMINE_SIM_STATIC"] = "1"
    app.config.mathjax_path = "mathjax/tex-chtml.js"
    _alt_from_output_metadata()
    app.connect("config-inited", _templates)
    app.connect("builder-inited", _singlehtml_knows_html_nodes)
    app.connect("html-page-context", _drop_thebe)
    app.connect("html-page-context", _accessible_body)
    app.connect("html-page-context", _mathjax_only_with_math, priority=600)
    app.connect("html-page-context", _named_nav_toggles, priority=600)
    app.connect("html-page-context", _frames_out_of_page, priority=600)
    app.connect("html-page-context", _description)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
