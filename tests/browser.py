"""Serving the built site on 127.0.0.1 and driving Debian's Chromium (tests, benchmarks and `make pdf`).

No downloads: the browser is the system's ``/usr/bin/chromium`` (never ``playwright install``), axe-core comes
from ``node_modules`` (``npm ci``, pinned in package-lock.json).
"""

import contextlib
import functools
import gzip
import http.server
import mimetypes
import os
import pathlib
import shutil
import threading
import urllib.parse

ROOT = pathlib.Path(__file__).resolve().parents[1]
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"]
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
INSTALL_CHROMIUM = f"Chromium not found at {CHROMIUM}: install it with `sudo apt-get install chromium` (Debian/Ubuntu)"
INSTALL_NODE = f"axe-core not found at {AXE}: run `npm ci` in {ROOT} (or `make test`, which runs it)"
COMPRESSIBLE = {".html", ".js", ".css", ".svg", ".json", ".txt", ".xml", ".map", ".ipynb", ".md"}
# Maths is rendered at build time by KaTeX (book/_ext/offline_site.py). Per page: its formulas, those rendered as
# KaTeX's HTML with MathML for screen readers, raw TeX left in the visible text, and whether a maths library runs
MATHS = r"""() => {
    const maths = Array.from(document.querySelectorAll(".math"));
    const rendered = maths.filter(m => m.querySelector(".katex-html") && m.querySelector(".katex-mathml math"));
    const visible = (document.querySelector("main") || document.body).cloneNode(true);
    visible.querySelectorAll(".katex-mathml, script, style, pre, code, textarea").forEach(e => e.remove());
    const text = visible.textContent;
    const raw = ["\\(", "\\[", "$$", "\\frac", "\\mathrm", "\\begin{"].filter(t => text.includes(t));
    return {formulas: maths.length, rendered: rendered.length, raw: raw,
            library: ["MathJax", "katex", "renderMathInElement"].filter(name => name in window)};
  }"""
# A request for maths JavaScript (MathJax, KaTeX or its auto-renderer): the site must make none
MATHS_SCRIPT = r"(?i)mathjax|katex[^/]*\.m?js(\?|$)|auto-render"


def chromium_missing():
    """An install message when Debian's Chromium is absent, else ``None``."""
    found = shutil.which(CHROMIUM) or pathlib.Path(CHROMIUM).exists()
    return None if found else INSTALL_CHROMIUM


def require_browser(axe=True):
    """Skip (locally) or fail (with CI set) when Chromium, or axe-core for the accessibility checks, is missing."""
    import pytest

    for missing in (chromium_missing(), None if not axe or AXE.is_file() else INSTALL_NODE):
        if missing:
            if os.environ.get("CI"):
                pytest.fail(missing)
            pytest.skip(missing)


def pages(html_dir):
    """Every reader-facing page of a built site, as paths relative to ``html_dir`` (``_static`` etc. excluded)."""
    html_dir = pathlib.Path(html_dir)
    found = (p.relative_to(html_dir).as_posix() for p in html_dir.rglob("*.html"))
    return sorted(p for p in found if not any(part.startswith("_") for part in p.split("/")))


class _Handler(http.server.SimpleHTTPRequestHandler):
    """A static file server that gzips text like any real web host (GitHub Pages, nginx, Netlify)."""

    gzip_text = True
    _cache = {}

    def log_message(self, *args):
        pass

    def do_GET(self):  # noqa: N802 (http.server's naming)
        path = pathlib.Path(self.translate_path(urllib.parse.urlsplit(self.path).path))
        if path.is_dir():
            path = path / "index.html"
        accepts = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (self.gzip_text and accepts and path.is_file() and path.suffix in COMPRESSIBLE):
            return super().do_GET()
        key = (path, path.stat().st_mtime_ns)
        if key not in self._cache:
            self._cache[key] = gzip.compress(path.read_bytes(), compresslevel=6)
        body = self._cache[key]
        self.send_response(200)
        self.send_header("Content-Type", mimetypes.guess_type(path.name)[0] or "application/octet-stream")
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@contextlib.contextmanager
def serve(folder, gzip_text=True):
    """Serve ``folder`` on 127.0.0.1 (a free port) in a thread; yields the base URL."""
    handler_cls = type("Handler", (_Handler,), {"gzip_text": gzip_text})
    handler = functools.partial(handler_cls, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        server.server_close()


@contextlib.contextmanager
def chromium():
    """A headless Debian Chromium driven by Playwright."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        try:
            yield browser
        finally:
            browser.close()


class OfflinePages:
    """Pages of a served site, each in a fresh Chromium profile with every request off 127.0.0.1 blocked; the
    blocked requests and console errors are collected, and :meth:`close` fails the test if there were any."""

    def __init__(self, chromium, base):
        self.chromium, self.base = chromium, base
        self.outside, self.errors, self.contexts = [], [], []

    def _route(self, r):
        if urllib.parse.urlsplit(r.request.url).hostname == "127.0.0.1":
            return r.continue_()
        self.outside.append(r.request.url)
        return r.abort()

    def open(self, name, scheme="light", width=1280):
        """Open ``name`` (a path below the site's root) in a new profile and wait until the network is idle."""
        context = self.chromium.new_context(color_scheme=scheme, viewport={"width": width, "height": 900})
        self.contexts.append(context)
        context.route("**/*", self._route)
        page = context.new_page()
        page.on("console", lambda m: m.type == "error" and self.errors.append(m.text))
        page.on("pageerror", lambda e: self.errors.append(f"uncaught: {e}"))
        page.goto(f"{self.base}/{name}")
        page.wait_for_load_state("networkidle")
        return page

    def close(self, settle_ms=0):
        """Close every profile (after ``settle_ms`` more on each page, for late timers); then check the record."""
        for context in self.contexts:
            if settle_ms and context.pages:
                context.pages[0].wait_for_timeout(settle_ms)
            context.close()
        assert not self.outside, f"requests left the local server: {self.outside}"
        assert not self.errors, f"console errors: {self.errors}"
