"""`make slides`: a chapter's reveal.js deck renders in Chromium from the disk, with no request off the machine."""

import os
import pathlib
import subprocess
import sys

import pytest

import lab_client as lc

ROOT = pathlib.Path(__file__).resolve().parents[1]
CHAPTER = ROOT / "book" / "chapters" / "antagonist_paradox.ipynb"


@pytest.fixture(scope="module")
def deck(tmp_path_factory):
    if not (ROOT / "node_modules" / "reveal.js" / "dist" / "reveal.js").exists():
        pytest.fail("reveal.js is not in node_modules: run `npm ci` (make test does it)")
    out = tmp_path_factory.mktemp("slides")
    env = {k: v for k, v in os.environ.items() if k != "KETAMINE_SIM_STATIC"}
    proc = subprocess.run([sys.executable, str(ROOT / "tools" / "slides.py"), "--out", str(out), str(CHAPTER)],
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=900)
    assert proc.returncode == 0, proc.stderr[-3000:]
    return out / f"{CHAPTER.stem}.slides.html"


def test_deck_uses_no_cdn(deck):
    text = deck.read_text()
    for marker in ("unpkg.com", "cdnjs", "jsdelivr", "require.js", "jquery"):
        assert marker not in text, f"the deck mentions {marker}"


def test_deck_renders_offline_with_figures_and_maths(deck):
    if not lc.chromium_path():
        message = f"Chromium not found at {lc.CHROMIUM}: install it with `sudo apt-get install chromium`"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    outside, errors = [], []
    with lc.browser() as b:
        page = b.new_page(viewport={"width": 1280, "height": 800})
        page.on("pageerror", lambda e: errors.append(str(e)))

        def guard(route):
            url = route.request.url
            if url.startswith(("file:", "data:", "blob:")):
                return route.continue_()
            outside.append(url)
            return route.abort()

        page.route("**/*", guard)
        page.goto(deck.as_uri())
        page.wait_for_function("() => window.Reveal && Reveal.isReady()", timeout=60_000)
        page.wait_for_function("() => document.querySelector('mjx-container') !== null", timeout=60_000)
        assert page.evaluate("() => Reveal.getTotalSlides()") >= 10
        title = page.locator(".reveal .slides section.present h1").first.text_content()
        assert "antagonist paradox" in title.lower()
        # every figure decoded: the static plots and the kernel-free widgets
        sizes = page.evaluate("""() => Array.from(document.querySelectorAll('.reveal img'))
                                   .map(i => [i.getAttribute('src').slice(0, 22), i.naturalWidth])""")
        assert len(sizes) >= 4 and all(src.startswith("data:image/") and w > 100 for src, w in sizes), sizes
        # the widget slides keep working sliders
        frames = page.locator(".reveal figure.ks-frames")
        assert frames.count() >= 2
        page.evaluate("(n) => Reveal.slide(n)", page.evaluate(
            "() => Reveal.getIndices(document.querySelector('figure.ks-frames').closest('section')).h"))
        fig = frames.first
        img, slider = fig.locator("img"), fig.locator("input[type=range]").first
        before = img.get_attribute("src")
        slider.focus()
        page.keyboard.press("End" if slider.input_value() == "0" else "Home")
        assert img.get_attribute("src") != before
        # no raw MyST left on the slides
        text = page.locator(".reveal .slides").inner_text()
        assert "{glue" not in text and "{cite}" not in text and "{admonition}" not in text
        page.screenshot(path=str(deck.with_suffix(".png")))
    assert not outside, f"the deck asked for {outside}"
    assert not errors, errors
