"""Sphinx extension: the site's "download .ipynb" button gives the reader copy, not the raw MyST notebook.

sphinx-book-theme links the button to ``_sources/<page>.ipynb``, Sphinx's copy of the source.  When the HTML
build finishes, each notebook page's copy is replaced by its reader copy (``tools/lab_edition.py``): glue
values from the build's own executed notebooks (``jupyter_execute/<page>.glue.json`` and ``.ipynb``), so
nothing runs twice; MyST turned into CommonMark + HTML that stock JupyterLab renders.  A sources folder
without ``tools/lab_edition.py`` above it (a copy built elsewhere) keeps the raw notebooks, with a message.
"""

import json
import pathlib
import sys

from sphinx.util import logging

LOG = logging.getLogger(__name__)


def _converter():
    for folder in pathlib.Path(__file__).resolve().parents:
        if (folder / "tools" / "lab_edition.py").exists():
            if str(folder / "tools") not in sys.path:
                sys.path.insert(0, str(folder / "tools"))
            import lab_edition

            return lab_edition
    return None


def _reader_copies(app, exception):
    if exception or app.builder.format != "html":
        return
    lab_edition = _converter()
    if lab_edition is None:
        LOG.info("lab_download: tools/lab_edition.py not found; the download button gives the raw notebooks")
        return
    import nbformat

    executed = pathlib.Path(app.outdir).parent / "jupyter_execute"
    book = pathlib.Path(app.confdir) / "book"
    count = 0
    for docname in sorted(app.env.found_docs):
        source = pathlib.Path(app.env.doc2path(docname))
        target = pathlib.Path(app.outdir) / "_sources" / f"{docname}.ipynb"
        if source.suffix != ".ipynb" or not target.exists() or not source.is_relative_to(book):
            continue
        ran_path = executed / f"{docname}.ipynb"
        ran = nbformat.read(ran_path, as_version=4) if ran_path.exists() else None
        glue = lab_edition.glue_from_json(executed / f"{docname}.glue.json")
        nb = nbformat.read(source, as_version=4)
        copy = lab_edition.reader_copy(nb, source.relative_to(book).as_posix(), glue, ran, book)
        target.write_text(json.dumps(copy, indent=1, ensure_ascii=False) + "\n")
        count += 1
    LOG.info(f"lab_download: {count} notebook downloads are reader copies")


def setup(app):
    app.connect("build-finished", _reader_copies)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
