"""Sphinx extension: a built site that needs neither a kernel nor a CDN.

- Sets ``KETAMINE_SIM_STATIC=1`` before any notebook runs.  Kernels inherit the environment of the process
  that starts them, so every ``jupyter-book build``, however invoked, renders the kernel-free figures of
  :mod:`ketamine_sim.frames` instead of live ipywidgets.
- Loads MathJax from the vendored copy in ``book/_vendor`` instead of a CDN.
- Drops sphinx-thebe's page scripts: Jupyter Book always loads the extension, its inline config is emitted
  twice (a console ``SyntaxError`` on every page) and it points at a CDN; the book does not use Thebe.
"""

import os


def _drop_thebe(app, pagename, templatename, context, doctree):
    def keep(js):
        name = getattr(js, "filename", js) or ""
        body = getattr(js, "attributes", {}).get("body", "")
        return "sphinx-thebe" not in name and "THEBE_JS_URL" not in body

    if "script_files" in context:
        context["script_files"] = [js for js in context["script_files"] if keep(js)]


def setup(app):
    os.environ["KETAMINE_SIM_STATIC"] = "1"
    app.config.mathjax_path = "mathjax/tex-chtml.js"
    app.connect("html-page-context", _drop_thebe)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
