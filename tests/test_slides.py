"""`make slides`: every chapter's reveal.js deck renders in Chromium from the disk, with no request off the machine,
and reads in a lecture hall: each slide fits 1280×720 at scale 1, its body text is at least 24 px, it carries at
most about 50 visible words (the prose is in the speaker notes) and every slider of its figures is on screen.

The slide-text convention these checks enforce is in the docstring of tools/slides.py.
"""

import json
import os
import pathlib
import re
import subprocess
import sys

import pytest

import browser as site

ROOT = pathlib.Path(__file__).resolve().parents[1]
CHAPTERS = sorted((ROOT / "book" / "chapters").glob("*.ipynb"))
WIDTH, HEIGHT = 1280, 720
MIN_BODY_PX = 24
MAX_WORDS = 50

# What a slide shows: every text node and element on screen in the present slide, minus the speaker notes and
# what only screen readers get (the kernel-free figure's long readout).  Maths counts at its KaTeX font size;
# text drawn inside an SVG figure is part of a figure, not body text.
_MEASURE = """() => {
  const slide = Reveal.getCurrentSlide(), scale = Reveal.getScale();
  const hidden = el => el.closest("aside.notes, .ks-readout, .katex-mathml, script, style");
  const shown = el => { const s = getComputedStyle(el); return s.display !== "none" && s.visibility !== "hidden"; };
  const walker = document.createTreeWalker(slide, NodeFilter.SHOW_TEXT);
  let words = 0, smallest = Infinity, smallestText = "", text = [];
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const el = n.parentElement, t = n.textContent.trim();
    if (!t || hidden(el) || !shown(el) || el.closest("svg")) { continue; }
    const size = parseFloat(getComputedStyle(el.closest(".katex") || el).fontSize) * scale;
    if (!el.closest(".katex")) { words += t.split(/\\s+/).filter(w => /[\\p{L}\\p{N}]/u.test(w)).length; }
    text.push(t);
    if (size < smallest) { smallest = size; smallestText = t.slice(0, 40); }
  }
  const outside = [];
  slide.querySelectorAll("*").forEach(el => {
    if (hidden(el) || el.closest("svg") && el.tagName.toLowerCase() !== "svg") { return; }
    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.height === 0 || !shown(el)) { return; }
    if (r.left < -1 || r.top < -1 || r.right > innerWidth + 1 || r.bottom > innerHeight + 1) {
      outside.push(`${el.tagName.toLowerCase()}.${el.className} [${Math.round(r.left)}, ${Math.round(r.top)}, ` +
                   `${Math.round(r.right)}, ${Math.round(r.bottom)}]`);
    }
  });
  const sliders = Array.from(slide.querySelectorAll("input[type=range]")).map(i => {
    const r = i.getBoundingClientRect();
    return {id: i.id,
            visible: r.width > 20 && r.top >= 0 && r.bottom <= innerHeight && r.left >= 0 && r.right <= innerWidth};
  });
  return {index: Reveal.getIndices(slide), words, smallest, smallestText, outside: outside.slice(0, 5),
          sliders, headline: !!slide.querySelector("h1, h2"), text: text.join(" ").slice(0, 300)};
}"""


@pytest.fixture(scope="module")
def decks(tmp_path_factory):
    """One deck per chapter notebook (none named here: a new chapter is covered when it lands)."""
    if not (ROOT / "node_modules" / "reveal.js" / "dist" / "reveal.js").exists():
        pytest.fail("reveal.js is not in node_modules: run `npm ci` (make test does it)")
    out = tmp_path_factory.mktemp("slides")
    env = {k: v for k, v in os.environ.items() if k != "KETAMINE_SIM_STATIC"}
    proc = subprocess.run([sys.executable, str(ROOT / "tools" / "slides.py"), "--out", str(out)],
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=1800)
    assert proc.returncode == 0, proc.stderr[-3000:]
    return {chapter: out / f"{chapter.stem}.slides.html" for chapter in CHAPTERS}


@pytest.fixture(scope="module")
def chromium():
    site.require_browser(axe=False)
    with site.chromium() as b:
        yield b


def test_every_chapter_has_a_deck_and_the_index_lists_it(decks):
    assert CHAPTERS, "no chapter notebooks found"
    index = next(iter(decks.values())).with_name("index.html").read_text()
    for chapter, deck in decks.items():
        assert deck.is_file(), f"no deck for {chapter.name}"
        assert deck.name in index, f"the slides index does not list {deck.name}"


@pytest.mark.parametrize("chapter", CHAPTERS, ids=[c.stem for c in CHAPTERS])
def test_deck_uses_no_cdn(decks, chapter):
    text = decks[chapter].read_text()
    for marker in ("unpkg.com", "cdnjs", "jsdelivr", "require.js", "jquery"):
        assert marker not in text.lower(), f"the deck mentions {marker}"
    loaded = re.findall(r'<(?:script|link)[^>]+(?:src|href)="([^"]+)"', text)
    assert not [u for u in loaded if re.match(r"(https?:)?//", u)], f"the deck loads {loaded}"
    assert "tex-chtml" not in text, "the deck loads MathJax; it typesets with the vendored KaTeX"


def _open(chromium, deck):
    outside, errors = [], []
    page = chromium.new_page(viewport={"width": WIDTH, "height": HEIGHT})
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
    page.wait_for_function("() => document.documentElement.dataset.maths === 'typeset'", timeout=60_000)
    page.evaluate("() => Reveal.configure({transition: 'none', backgroundTransition: 'none'})")  # measure at rest
    return page, outside, errors


def _slides(page):
    """Indices of every slide, vertical ones included."""
    return page.evaluate("""() => Array.from(document.querySelectorAll('.reveal .slides section'))
        .filter(s => !s.querySelector('section')).map(s => Reveal.getIndices(s))""")


@pytest.mark.parametrize("chapter", CHAPTERS, ids=[c.stem for c in CHAPTERS])
def test_deck_renders_offline_with_figures_maths_and_working_sliders(decks, chromium, chapter):
    deck = decks[chapter]
    page, outside, errors = _open(chromium, deck)
    assert page.evaluate("() => Reveal.getTotalSlides()") >= 5
    title = re.search(r"^# (.+)$", "".join(json.loads(chapter.read_text())["cells"][0]["source"]), re.M)
    first = page.locator(".reveal .slides section.present h1").first.text_content()
    assert title and title[1].strip().lower() == first.strip().rstrip("¶").strip().lower(), (title, first)
    if "$" in chapter.read_text():  # maths typeset by KaTeX, no raw TeX left
        assert page.locator(".reveal .katex").count() > 0
    text = page.evaluate("""() => { const s = document.querySelector(".reveal .slides").cloneNode(true);
        s.querySelectorAll("annotation").forEach(a => a.remove());  // KaTeX keeps the TeX source for MathML
        return s.textContent; }""")
    assert "\\frac" not in text and "$$" not in text, "raw TeX left in the deck"
    # every figure decoded: the static plots and the kernel-free widgets
    sizes = page.evaluate("""() => Array.from(document.querySelectorAll('.reveal img'))
                               .map(i => [i.getAttribute('src').slice(0, 22), i.naturalWidth])""")
    assert all(src.startswith("data:image/") and w > 100 for src, w in sizes), sizes
    frames = page.locator(".reveal figure.ks-frames")
    if frames.count():  # the widget slides keep working sliders
        page.evaluate("(i) => Reveal.slide(i.h, i.v)", page.evaluate(
            "() => Reveal.getIndices(document.querySelector('figure.ks-frames').closest('section'))"))
        fig = frames.first
        img, slider = fig.locator("img"), fig.locator("input[type=range]").first
        before = img.get_attribute("src")
        slider.focus()
        page.keyboard.press("End" if slider.input_value() == "0" else "Home")
        assert img.get_attribute("src") != before
    # no raw MyST left on the slides or in the notes
    assert "{glue" not in text and "{cite}" not in text and "{admonition}" not in text and "{term}" not in text
    assert page.locator(".reveal aside.notes").count() > 0, "no speaker notes: the prose belongs there"
    page.close()
    assert not outside, f"the deck asked for {outside}"
    assert not errors, errors


@pytest.mark.parametrize("chapter", CHAPTERS, ids=[c.stem for c in CHAPTERS])
def test_every_slide_fits_and_reads_in_a_lecture_hall(decks, chromium, chapter):
    deck = decks[chapter]
    page, _, _ = _open(chromium, deck)
    assert abs(page.evaluate("() => Reveal.getScale()") - 1) < 0.01, "the deck must show 1280×720 at scale 1"
    problems, measured = [], []
    for i, index in enumerate(_slides(page)):
        page.evaluate("(i) => Reveal.slide(i.h, i.v)", index)
        page.wait_for_timeout(50)
        m = page.evaluate(_MEASURE)
        measured.append(m)
        where = f"slide {index['h'] + 1}.{(index.get('v') or 0) + 1} ({m['text'][:50]!r})"
        if m["outside"]:
            problems.append(f"{where}: runs past 1280×720: {m['outside']}")
        if m["smallest"] < MIN_BODY_PX:
            problems.append(f"{where}: text at {m['smallest']:.1f} px < {MIN_BODY_PX} px ({m['smallestText']!r})")
        if m["words"] > MAX_WORDS:
            problems.append(f"{where}: {m['words']} visible words > {MAX_WORDS}; move prose to the notes")
        if not m["headline"] and m["words"]:
            problems.append(f"{where}: no headline (a slide-only cell starting with ## ...)")
        hidden = [s["id"] for s in m["sliders"] if not s["visible"]]
        if hidden:
            problems.append(f"{where}: sliders off screen: {hidden}")
        if i == 0:
            page.screenshot(path=str(deck.with_suffix(".first.png")))
        if m["sliders"]:
            page.screenshot(path=str(deck.with_suffix(f".{i}.png")))
    words = sorted(m["words"] for m in measured)
    print(f"{chapter.stem}: {len(measured)} slides, words median {words[len(words) // 2]} max {words[-1]}, "
          f"smallest text {min(m['smallest'] for m in measured):.1f} px")
    page.close()
    assert not problems, "\n".join(problems)
