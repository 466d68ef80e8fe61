"""The whole book as one PDF, printed by Debian's Chromium from a one-page (singlehtml) build.

    python tools/pdf.py [--reuse]      # -> _build/pdf/ketamine-book.pdf  (make pdf; KETAMINE_BUILD_DIR moves it)

The singlehtml build shares ``_build/.doctrees`` with the HTML build.  By default every notebook is executed
again (``--all``), so the PDF matches the code; ``--reuse`` prints straight after a fresh ``make book`` (the
tests do this) without executing anything twice.  Print styles (no sliders, navigation or buttons; one frame
per kernel-free figure with its description) are in ``book/_static/custom.css``.
"""

import contextlib
import os
import pathlib
import subprocess
import sys

ROOT = pathlib.Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

import browser  # noqa: E402 (tests/browser.py: the local server and Chromium launcher)

PDF_NAME = "ketamine-book.pdf"
# Sphinx writes the one page at the root document's path (book/intro.html) but links its assets as if it sat at
# the top of the folder: print a copy from the top, with links into the page turned into in-document links, and
# links that raw HTML wrote relative to its own document (index.html in book/cast/serotonin) sent to the
# section of the document they name (#document-book/cast/index); no links to files on the print server (an
# image's link to its own file: the image is printed right there)
_LOCAL_LINKS = """page => {
  const docs = new Set([...document.querySelectorAll("[id^='document-']")].map(e => e.id.slice("document-".length)));
  let current = null;  // the document whose marker (<span id="document-...">) last came before, in page order
  document.querySelectorAll("[id^='document-'], a[href]").forEach(a => {
    if (a.id.startsWith("document-")) current = a.id.slice("document-".length);
    if (!a.hasAttribute("href")) return;
    const u = new URL(a.href);
    if (u.origin !== location.origin) return;
    if (u.pathname === "/" + page || u.pathname === location.pathname) {
      a.setAttribute("href", u.hash || "#");
      return;
    }
    const own = current && new URL(a.getAttribute("href"), location.origin + "/" + current + ".html");
    const doc = own && own.pathname.endsWith(".html") && own.pathname.slice(1, -".html".length);
    if (doc && docs.has(doc)) {
      a.setAttribute("href", own.hash || "#document-" + doc);
    } else if (/^\\/_(images|static)\\//.test(u.pathname)) {
      a.removeAttribute("href");
    }
  });
}"""
# Every image loads now (a lazy one would print empty) and is decoded before printing; returns those that failed
_DECODE_IMAGES = """() => Promise.all([...document.images].map(img => {
    img.loading = "eager";
    return img.decode().then(() => img.naturalWidth ? null : img.currentSrc || img.src,
                              () => img.currentSrc || img.src);
  })).then(bad => bad.filter(Boolean))"""
_FOOTER = ('<div style="font-size:8px;width:100%;text-align:center;color:#555">'
           '<span class="title"></span> — <span class="pageNumber"></span> / <span class="totalPages"></span></div>')


def build_singlehtml(output=ROOT, reuse=False):
    """Run ``jupyter-book build --builder singlehtml``; returns the folder holding the one-page book."""
    jb = pathlib.Path(sys.executable).with_name("jupyter-book")
    cmd = [str(jb), "build", ".", "--builder", "singlehtml", "-W", "-n", "--keep-going", "--path-output", str(output)]
    if not reuse:
        cmd.insert(3, "--all")
    env = {k: v for k, v in os.environ.items() if k != "KETAMINE_SIM_STATIC"}
    proc = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True, timeout=1800)
    if proc.returncode:
        raise RuntimeError(f"singlehtml build failed:\n{proc.stdout[-4000:]}\n{proc.stderr[-2000:]}")
    return pathlib.Path(output) / "_build" / "singlehtml"


def print_pdf(single_dir, pdf_path, chromium=None):
    """Print the one-page book in ``single_dir`` to ``pdf_path`` with Chromium (A4, page numbers).

    ``chromium``: a running Playwright browser to reuse (the tests pass theirs), else one is launched."""
    missing = browser.chromium_missing()
    if missing:
        raise SystemExit(missing)
    pages = [p for p in browser.pages(single_dir) if p != "index.html"]
    pages = [p for p in pages if p != "print.html"]
    if len(pages) != 1:
        raise RuntimeError(f"expected one page in the singlehtml build, found {pages}")
    pdf_path = pathlib.Path(pdf_path)
    pdf_path.parent.mkdir(parents=True, exist_ok=True)
    top = pathlib.Path(single_dir) / "print.html"
    top.write_bytes((pathlib.Path(single_dir) / pages[0]).read_bytes())
    with browser.serve(single_dir) as base, contextlib.ExitStack() as stack:
        chromium = chromium or stack.enter_context(browser.chromium())
        page = chromium.new_page()
        failed = []
        page.on("requestfailed", lambda r: failed.append(r.url))
        page.on("response", lambda r: r.status >= 400 and failed.append(r.url))
        page.goto(f"{base}/print.html")
        page.wait_for_load_state("networkidle")
        maths = page.evaluate(browser.MATHS)  # rendered at build time: nothing to wait for, only to check
        if maths["rendered"] < maths["formulas"] or maths["raw"]:
            raise RuntimeError(f"maths not rendered in the one-page book: {maths}")
        page.evaluate("document.fonts.ready.then(() => true)")  # KaTeX's fonts swap in: print with them
        page.evaluate(_LOCAL_LINKS, pages[0])
        failed = [u for u in failed if not u.endswith("/searchindex.js")]  # the theme's search; no index here
        if failed:
            raise RuntimeError(f"the one-page book could not load {failed}")
        page.emulate_media(media="print")  # before decoding: a <picture> picks its source for the printed width
        broken = page.evaluate(_DECODE_IMAGES)
        if broken:
            raise RuntimeError(f"images did not load in the one-page book: {broken}")
        page.pdf(path=str(pdf_path), format="A4", print_background=True, display_header_footer=True,
                 header_template="<span></span>", footer_template=_FOOTER,
                 margin={"top": "18mm", "bottom": "18mm", "left": "16mm", "right": "16mm"}, outline=True,
                 tagged=True)
        page.close()
    return pdf_path


def build_pdf(output=ROOT, reuse=False, chromium=None):
    """Build the one-page book under ``output`` and print it to ``output/_build/pdf/ketamine-book.pdf``."""
    single = build_singlehtml(output, reuse=reuse)
    return print_pdf(single, pathlib.Path(output) / "_build" / "pdf" / PDF_NAME, chromium)


if __name__ == "__main__":
    # KETAMINE_BUILD_DIR: build elsewhere than the repository (as the tests allow), e.g. /tmp/book
    path = build_pdf(pathlib.Path(os.environ.get("KETAMINE_BUILD_DIR", ROOT)), reuse="--reuse" in sys.argv[1:])
    print(f"PDF: {path.relative_to(ROOT) if path.is_relative_to(ROOT) else path} ({path.stat().st_size / 1e6:.1f} MB)")
