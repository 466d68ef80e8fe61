"""The book builds with -W, and its static pages work with no kernel and no network (real Chromium)."""

import contextlib
import functools
import http.server
import os
import pathlib
import re
import shutil
import threading

import pytest

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"]
CHAPTER = "book/chapters/antagonist_paradox.html"


def test_book_builds_without_warnings(built_book):
    assert (built_book / "index.html").is_file()
    assert (built_book / CHAPTER).is_file()
    assert (built_book / "book" / "references.html").is_file()


def test_pages_reference_no_other_host(built_book):
    for page in built_book.rglob("*.html"):
        text = page.read_text()
        external = re.findall(r'<(?:script|link|img)[^>]+(?:src|href)="(https?://[^"]+)"', text)
        assert not external, f"{page.relative_to(built_book)} loads {external}"


def test_chapter_page_embeds_kernel_free_figures_not_widget_state(built_book):
    text = (built_book / CHAPTER).read_text()
    assert text.count('class="ks-frames"') >= 2
    assert "application/vnd.jupyter.widget-state+json" not in text
    assert "THEBE_JS_URL" not in text


@contextlib.contextmanager
def _serve(folder):
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(folder))
    handler.log_message = lambda *a: None
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()


@pytest.fixture(scope="module")
def browser():
    if not shutil.which(CHROMIUM) and not pathlib.Path(CHROMIUM).exists():
        message = f"Chromium not found at {CHROMIUM}: install it with `sudo apt-get install chromium`"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


def test_static_slider_changes_the_figure_offline(built_book, browser):
    with _serve(built_book) as base:
        page = browser.new_page()
        hosts = set()
        page.on("request", lambda r: hosts.add(r.url.split("/")[2]))
        page.goto(f"{base}/{CHAPTER}")
        page.wait_for_load_state("networkidle")
        for fig in page.locator(".ks-frames").all():
            img, slider = fig.locator("img"), fig.locator("input[type=range]").first
            before = img.get_attribute("src"), img.get_attribute("alt")
            slider.focus()
            page.keyboard.press("End" if slider.input_value() == "0" else "Home")
            after = img.get_attribute("src"), img.get_attribute("alt")
            assert after[0] != before[0] and after[1] != before[1]
            assert fig.locator(".ks-readout").inner_text() == after[1]
        page.close()
        assert hosts == {base.split("/")[2]}
