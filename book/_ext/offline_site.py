"""Sphinx extension: a built site that needs neither a kernel nor a CDN, and that every reader can use.

- Sets ``KETAMINE_SIM_STATIC=1`` before any notebook runs.  Kernels inherit the environment of the process
  that starts them, so every ``jupyter-book build``, however invoked, renders the kernel-free figures of
  :mod:`ketamine_sim.widgets.frames` instead of live ipywidgets.
- Maths is rendered at build time by KaTeX (sphinxcontrib-katex, ``katex_prerender``) with npm's ``katex`` from
  ``node_modules``: pages load no maths JavaScript, only the vendored KaTeX CSS and fonts (``book/_vendor/katex``),
  and only pages with maths load those.
- Drops sphinx-thebe's page scripts: Jupyter Book always loads the extension, its inline config is emitted
  twice (a console ``SyntaxError`` on every page) and it points at a CDN; the book does not use Thebe.
- Accessibility mends for the theme (checked by axe-core in ``tests/test_site.py``): the templates in
  ``templates/`` give the search and colour-mode buttons an accessible name that contains their visible text;
  the sidebar's section toggles get a hidden name; folded code cells are named by their visible "Show code
  cell source"; bibliography entries get the ``listitem`` role their ``role="list"`` parent requires
  (docutils emits the deprecated ``doc-biblioentry``).
- Drops the theme's 1.5 MB ``fontawesome.js`` (``templates/static/webpack-macros.html``): it only serves
  custom icons, the theme's icons come from the Font Awesome web font in its CSS.
- Loads the frames of kernel-free figures only when needed.
- First paint waits only for CSS: every script file in the head is deferred (``documentation_options.js``
  excepted: inline scripts read it), the theme's search scripts too (``templates/layout.html``).
- Keeps the alt text that notebooks attach to image outputs (myst-nb drops it).
- Gives every page a ``<meta name="description">`` (its first paragraph) for search engines and link previews.
- Glossary tips (sphinx-tippy, vendored tippy.js): a tip copies the glossary's ``<dt>``/``<dd>`` without their
  ``<dl>`` and with their ids; the tips here keep a ``<dl>`` and drop the ids (axe: ``dlitem``, ``duplicate-id``).
  Pages without a ``{term}`` link load no tippy scripts; Escape closes an open tip (WCAG 1.4.13).
"""

import base64
import hashlib
import html
import json
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


# npm's katex in the repository's node_modules: the nearest one up from here (the student edition's copy of the
# sources sits in _build/student-src)
KATEX_JS = next((folder / "node_modules/katex/dist/katex.min.js" for folder in pathlib.Path(__file__).resolve().parents
                 if (folder / "node_modules/katex/dist/katex.min.js").is_file()), None)
NO_KATEX = "node_modules/katex not found: the build renders maths with npm's katex; run `npm ci` (make book does)"


def _katex_from_node_modules(app, config):
    """KaTeX renders at build time with npm's katex (pinned in package-lock.json, the version of the vendored
    CSS and fonts), not the copy bundled with sphinxcontrib-katex."""
    if KATEX_JS is None:
        from sphinx.errors import ConfigError

        raise ConfigError(NO_KATEX)
    config.katex_js_path = str(KATEX_JS)


def _patient_katex_server():
    """sphinxcontrib-katex's Node render server, made robust on a busy machine: generous start and render
    timeouts (5 s each upstream), and a connection retried while the server's socket exists but does not yet
    listen (upstream fails at once with ``ConnectionRefusedError``)."""
    import socket
    import subprocess
    import time

    from sphinxcontrib import katex

    if getattr(katex.KaTeXServer, "patient", False):
        return
    katex.STARTUP_TIMEOUT, katex.RENDER_TIMEOUT = 120.0, 60.0

    def start_server_process(cls, rundir, timeout):
        socket_path = rundir / "katex.sock"
        process = subprocess.Popen(cls.build_command(socket=socket_path), stdin=subprocess.PIPE,
                                   stdout=subprocess.PIPE, cwd=rundir)
        deadline = time.monotonic() + timeout
        while process.poll() is None and time.monotonic() < deadline:
            if socket_path.is_socket():
                sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
                try:
                    sock.connect(str(socket_path))
                    return process, sock
                except ConnectionRefusedError:
                    sock.close()
            time.sleep(0.02)
        if process.poll() is not None:
            raise RuntimeError(f"the KaTeX render server exited with code {process.returncode}")
        raise cls.timeout_error(timeout)

    katex.KaTeXServer.start_server_process = classmethod(start_server_process)
    katex.KaTeXServer.patient = True


def _katex_css_only_with_math(app, pagename, templatename, context, doctree):
    """KaTeX's stylesheets block rendering: keep them only where the body has rendered maths."""
    if "css_files" in context and 'class="katex' not in context.get("body", ""):
        context["css_files"] = [css for css in context["css_files"]
                                if "katex" not in str(getattr(css, "filename", css) or "")]


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
    ``_static/ks-frames/<id>.js`` (and the phone set into ``<id>-narrow.js``); the figure's script loads the set
    its screen needs when it nears the screen.  A script file, not JSON for ``fetch``, so a page opened from
    disk (``file://``) works too.  Then every image embedded in the body as ``data:`` (a figure's first frames,
    the ``<picture>`` of ``widgets.show``) moves to ``_static/ks-img/``, so a phone fetches only its own."""
    body = context.get("body", "")
    if "data:image/" not in body:
        return
    folder = pathlib.Path(app.outdir) / "_static" / "ks-frames"
    folder.mkdir(parents=True, exist_ok=True)

    def write(name, data):
        (folder / f"{name}.js").write_text(f'(window.ksFrames = window.ksFrames || {{}})["{name}"] = '
                                           f"{json.dumps(data)};\n")

    def move(match):
        uid, middle, payload = match.groups()
        data = json.loads(payload)
        narrow = data.pop("narrow", None)
        write(uid, data)
        if narrow:
            write(f"{uid}-narrow", {**data, **narrow})
        src = context["pathto"](f"_static/ks-frames/{uid}.js", 1)
        return f'<figure class="ks-frames" id="{uid}"{middle}<script type="application/json" data-src="{src}"></script>'

    context["body"] = _DATA_IMAGE.sub(lambda m: _image_file(app, context, m), _FRAME_DATA.sub(move, body))


_DATA_IMAGE = re.compile(r'(src|srcset)="data:image/(png|webp);base64,([A-Za-z0-9+/=]+)"')


def _image_file(app, context, match):
    attribute, kind, encoded = match.groups()
    data = base64.b64decode(encoded)
    name = f"{hashlib.sha1(data).hexdigest()[:16]}.{kind}"
    folder = pathlib.Path(app.outdir) / "_static" / "ks-img"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_bytes(data)
    return f'{attribute}="{context["pathto"](f"_static/ks-img/{name}", 1)}"'


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


_ID_ATTR = re.compile(r'\s+id="[^"]*"')
_TIP_SCRIPTS = ("tippyjs/", "_static/tippy/")
_ESCAPE_CLOSES_TIPS = ('<script>document.addEventListener("keydown", function (e) {'
                       ' if (e.key === "Escape" && window.tippy) { window.tippy.hideAll(); } });</script>')


def _term_tip(dt):
    """A glossary term's tip: the term and its definition (the ``<dd>`` after the term and any other names of
    it) as a definition list of their own, without the page's ids (they would be duplicated)."""
    import sphinx_tippy

    term = sphinx_tippy.strip_classes(dt.__copy__())
    definition = dt.find_next_sibling("dd")
    paragraphs = "".join(str(p) for p in definition.find_all("p", recursive=False)[:5]) if definition else ""
    return _ID_ATTR.sub("", f'<dl class="ks-tip">{term}<dd>{paragraphs}</dd></dl>')


def _accessible_tips():
    import sphinx_tippy

    original = sphinx_tippy.create_id_to_tip_html
    if getattr(original, "mended", False):
        return

    def create_id_to_tip_html(config, body):
        tips = original(config, body)
        tips.update({str(dt["id"]): _term_tip(dt) for dt in body.find_all("dt", id=True)})
        return tips

    create_id_to_tip_html.mended = True
    sphinx_tippy.create_id_to_tip_html = create_id_to_tip_html


def _drop_tippy_caches(app, exception):
    """sphinx-tippy leaves its (here always empty) Wikipedia, DOI and RTD caches in the site's root folder."""
    for name in ("tippy_wiki_cache.json", "tippy_doi_cache.json", "tippy_rtd_cache.json"):
        (pathlib.Path(app.outdir) / name).unlink(missing_ok=True)


def _tips_only_with_terms(app, pagename, templatename, context, doctree):
    """sphinx-tippy adds its scripts to every page; keep them where the body links a glossary term."""
    if "script_files" not in context:
        return
    if 'class="xref std std-term"' in context.get("body", ""):  # what {term}`...` renders
        context["body"] += _ESCAPE_CLOSES_TIPS
        return
    context["script_files"] = [js for js in context["script_files"]
                               if not any(t in str(getattr(js, "filename", js) or "") for t in _TIP_SCRIPTS)]


# Stylesheets every page loads that go into one file (Sphinx's, the theme's, the extensions', ours), in page order
_THEME_CSS = ("styles/theme.css", "styles/pydata-sphinx-theme.css")  # linked by templates/static/webpack-macros.html
# Only the theme's own sheets: the others stay separate links in their order (myst-nb's and pydata's pygments.css
# are written after the pages; the rest must keep overriding pygments.css as they do)
_ONE_FILE = re.compile(r"^$")
_CSS_IMPORT = re.compile(r"""@import\s+(?:url\()?["']?([^"')]+)["']?\)?\s*;""")
_CSS_MAP = re.compile(r"/\*# sourceMappingURL=[^*]*\*/")  # the parts' maps do not fit the one file
_CSS_URL = re.compile(r"""url\((["']?)(?!data:|[a-z]+://|/|#)([^"')?#]+)([^"')]*)\1\)""")


def _css_text(path, static):
    """A stylesheet with its ``@import``s inlined and its ``url()``s made relative to ``_static``."""
    folder = path.parent

    def url(match):
        quote, target, rest = match.groups()
        return f"url({quote}{os.path.relpath(folder / target, static).replace(os.sep, '/')}{rest}{quote})"

    text = _CSS_URL.sub(url, _CSS_MAP.sub("", path.read_text(encoding="utf-8")))
    return _CSS_IMPORT.sub(lambda m: _css_text(folder / m[1], static), text)


def _stylesheets_in_one_file(app, pagename, templatename, context, doctree):
    """The first paint waits for every stylesheet, and the theme's ``theme.css`` only ``@import``s Sphinx's
    ``basic.css``: one more round trip on a slow phone network.  Here the theme's sheets are one file,
    ``_static/ks-site.<hash>.css``, named by its content (cached safely); Thebe's, unused, is dropped.
    The html builder copies static files before it writes pages, so the parts are there."""
    static = pathlib.Path(app.outdir) / "_static"
    if "css_files" not in context or not all((static / name).is_file() for name in _THEME_CSS):
        return  # the one-page (singlehtml) build copies its static files only after writing: plain links there
    names = {css: str(getattr(css, "filename", css)).split("?")[0].removeprefix("_static/")
             for css in context["css_files"]}
    parts = [*_THEME_CSS, *(name for name in names.values() if _ONE_FILE.match(name) and (static / name).is_file())]
    cache = app.__dict__.setdefault("ks_site_css", {})
    if tuple(parts) not in cache:
        text = "\n".join(f"/* {name} */\n" + _css_text(static / name, static) for name in parts)
        name = f"_static/ks-site.{hashlib.sha1(text.encode()).hexdigest()[:12]}.css"
        (pathlib.Path(app.outdir) / name).write_text(text, encoding="utf-8")
        cache[tuple(parts)] = name
    context["ks_site_css"] = cache[tuple(parts)]
    context["css_files"] = [css for css, name in names.items() if name not in parts and "sphinx-thebe" not in name]


# Scripts the head may run at once: they define what inline scripts after them use (DOCUMENTATION_OPTIONS)
_SYNC_SCRIPTS = ("documentation_options.js",)


def _scripts_after_first_paint(app, pagename, templatename, context, doctree):
    """Every script file in the head waits for the page to be parsed (``defer``; their order is kept), so the
    first paint waits only for the CSS.  The inline scripts stay (they only set variables the files read), but
    not the MathJax configuration Jupyter Book adds although KaTeX renders the maths."""
    from sphinx.builders.html._assets import _JavaScript

    def deferred(js):
        name = str(getattr(js, "filename", js) or "")
        attributes = getattr(js, "attributes", {})
        if not name or name.endswith(_SYNC_SCRIPTS) or {"defer", "async"} & set(attributes):
            return js
        return _JavaScript(js.filename, priority=js.priority, **{**attributes, "defer": "defer"})

    if "script_files" in context:
        keep_order = pagename == "search"  # its body's inline script calls doctools.js at once
        context["script_files"] = [js if keep_order else deferred(js) for js in context["script_files"]
                                   if "window.MathJax" not in getattr(js, "attributes", {}).get("body", "")]


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
    _alt_from_output_metadata()
    _accessible_tips()
    _patient_katex_server()
    app.connect("config-inited", _templates)
    app.connect("config-inited", _katex_from_node_modules)
    app.connect("builder-inited", _singlehtml_knows_html_nodes)
    app.connect("html-page-context", _drop_thebe)
    app.connect("html-page-context", _accessible_body)
    app.connect("html-page-context", _katex_css_only_with_math, priority=600)
    app.connect("html-page-context", _named_nav_toggles, priority=600)
    app.connect("html-page-context", _frames_out_of_page, priority=600)
    app.connect("html-page-context", _tips_only_with_terms, priority=600)
    app.connect("html-page-context", _scripts_after_first_paint, priority=700)
    app.connect("html-page-context", _stylesheets_in_one_file, priority=700)
    app.connect("html-page-context", _description)
    app.connect("build-finished", _drop_tippy_caches, priority=900)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
