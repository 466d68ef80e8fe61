"""The reader's site in a real browser: every built page, offline, accessible, with figures that respond.

The built site (the ``built_book`` fixture) is served on 127.0.0.1 and every page found in it (no hard-coded
list, so new chapters and the instructor pages are covered) is opened in Debian's Chromium twice, with the
reader's system set to light and to dark.  axe-core comes from ``node_modules`` (``npm ci``), never a CDN.
"""

import re
import unicodedata
import urllib.parse
from html import unescape as html_unescape

import pytest

import browser as site

pytestmark = pytest.mark.book

SCHEMES = ("light", "dark")
# alt text that names the kind of thing instead of describing it
GENERIC_ALT = re.compile(r"^\s*(image|img|figure|fig\.?|picture|graph|chart|plot|png|photo)\s*\d*\s*$", re.I)
BLOCKING = {"serious", "critical"}

_AXE = """() => axe.run(document, {resultTypes: ["violations"]}).then(r => r.violations.map(v => ({
    id: v.id, impact: v.impact, help: v.help,
    nodes: v.nodes.slice(0, 4).map(n => n.target.join(" ") + " :: " + n.failureSummary.split("\\n")[1])})))"""
_IMAGES = """() => Array.from(document.images).filter(i => i.offsetParent !== null || i.closest(".ks-frames"))
    .map(i => ({src: i.currentSrc.slice(0, 80), alt: i.getAttribute("alt"), ok: i.complete && i.naturalWidth > 0}))"""
_LINKS = """() => Array.from(document.querySelectorAll("a[href]")).map(a => a.href)"""
# Figures must stay legible on a dark page: sample the drawn image's corner, it must be opaque and light.
_FIGURE_BACKGROUNDS = """() => Array.from(document.querySelectorAll(".bd-article img")).map(img => {
    const c = document.createElement("canvas"); c.width = img.naturalWidth; c.height = img.naturalHeight;
    const g = c.getContext("2d"); g.drawImage(img, 0, 0);
    const [r, gr, b, a] = g.getImageData(1, 1, 1, 1).data;
    return {alt: (img.alt || "").slice(0, 60), light: a === 255 && r + gr + b > 3 * 200,
            filter: getComputedStyle(img).filter};
  })"""


def _visit(chromium, base, name, scheme):
    """Open one page with a fresh profile and collect everything the checks need."""
    context = chromium.new_context(color_scheme=scheme)
    page = context.new_page()
    seen = {"errors": [], "failed": [], "urls": []}
    page.on("console", lambda m: m.type == "error" and seen["errors"].append(m.text))
    page.on("pageerror", lambda e: seen["errors"].append(f"uncaught: {e}"))
    page.on("requestfailed", lambda r: seen["failed"].append(f"{r.url} ({r.failure})"))
    page.on("response", lambda r: r.status >= 400 and seen["failed"].append(f"{r.url} (HTTP {r.status})"))
    page.on("request", lambda r: seen["urls"].append(r.url))
    page.goto(f"{base}/{name}")
    page.wait_for_load_state("networkidle")
    seen["math"] = page.evaluate(site.MATHS)
    seen["theme"] = page.evaluate("document.documentElement.dataset.theme")
    page.add_script_tag(path=str(site.AXE))
    seen["axe"] = page.evaluate(_AXE)
    if scheme == "light":
        seen["images"] = page.evaluate(_IMAGES)
        seen["links"] = page.evaluate(_LINKS)
    else:
        seen["backgrounds"] = page.evaluate(_FIGURE_BACKGROUNDS)
    context.close()
    return seen


@pytest.fixture(scope="module")
def visits(served):
    """{(page, scheme): what was seen} for every page of the built site in light and dark mode."""
    base, chromium, html_dir = served
    names = site.pages(html_dir)
    assert "book/intro.html" in names and "search.html" in names, names
    return {(name, scheme): _visit(chromium, base, name, scheme) for name in names for scheme in SCHEMES}


def _report(problems):
    return "\n".join(f"{page} [{scheme}]: {what}" for (page, scheme), what in problems)


def test_every_page_has_no_console_errors(visits):
    problems = [(key, e) for key, seen in visits.items() for e in seen["errors"]]
    assert not problems, _report(problems)


def test_every_request_succeeds_and_stays_on_the_local_server(visits, served):
    local = urllib.parse.urlsplit(served[0]).netloc
    problems = [(key, f) for key, seen in visits.items() for f in seen["failed"]]
    for key, seen in visits.items():
        for url in seen["urls"]:
            parts = urllib.parse.urlsplit(url)
            if parts.scheme not in {"data", "blob", "about"} and parts.netloc != local:
                problems.append((key, f"request to another host: {url[:120]}"))
    assert not problems, _report(problems)


def test_maths_is_rendered_at_build_time_with_mathml_wherever_a_page_has_some(visits):
    pages = {key: seen["math"] for key, seen in visits.items() if seen["math"]["formulas"]}
    assert pages, "no page has maths"
    problems = [(key, f"{m['formulas']} formulas, {m['rendered']} rendered by KaTeX with MathML")
                for key, m in pages.items() if m["rendered"] < m["formulas"]]
    problems += [(key, f"raw TeX in the text: {seen['math']['raw']}") for key, seen in visits.items()
                 if seen["math"]["raw"]]
    assert not problems, _report(problems)


def test_no_page_loads_maths_javascript(visits):
    problems = [(key, f"requests {url}") for key, seen in visits.items() for url in seen["urls"]
                if re.search(site.MATHS_SCRIPT, urllib.parse.urlsplit(url).path)]
    problems += [(key, f"runs {seen['math']['library']}") for key, seen in visits.items() if seen["math"]["library"]]
    assert not problems, _report(problems)


def test_the_theme_follows_the_readers_light_or_dark_setting(visits):
    wrong = [(key, f"theme is {seen['theme']!r}") for key, seen in visits.items() if seen["theme"] != key[1]]
    assert not wrong, _report(wrong)


def test_every_image_loads_and_has_alt_text_that_describes_it(visits):
    problems = []
    for key, seen in visits.items():
        for img in seen.get("images", []):
            alt = (img["alt"] or "").strip()
            if not img["ok"]:
                problems.append((key, f"image did not load: {img['src']}"))
            if len(alt.split()) < 3 or GENERIC_ALT.match(alt) or re.search(r"\.(png|jpe?g|svg|gif)\b", alt):
                problems.append((key, f"alt text {alt!r} does not describe {img['src']}"))
    assert not problems, _report(problems)


def test_axe_finds_no_serious_or_critical_violations_in_light_and_dark_mode(visits):
    problems = [(key, f"{v['impact']} {v['id']} ({v['help']}): {v['nodes']}")
                for key, seen in visits.items() for v in seen["axe"] if v["impact"] in BLOCKING]
    assert not problems, _report(problems)


def test_figures_keep_an_opaque_light_undimmed_background_in_dark_mode(visits):
    checked = [(key, img) for key, seen in visits.items() for img in seen.get("backgrounds", [])]
    assert checked, "no figure found on any page"
    problems = [(key, f"figure without an opaque light background: {img['alt']!r}") for key, img in checked
                if not img["light"]]
    problems += [(key, f"figure dimmed by the filter {img['filter']!r}: {img['alt']!r}") for key, img in checked
                 if img["filter"] != "none"]
    assert not problems, _report(problems)


def _ids(path, cache={}):  # noqa: B006 (a per-process cache of each page's anchors)
    if path not in cache:
        text = path.read_text(errors="replace")
        cache[path] = set(re.findall(r'\b(?:id|name)="([^"]+)"', text))
    return cache[path]


def test_internal_links_resolve_to_a_page_and_anchor(visits, served):
    base, _, html_dir = served
    problems, checked = [], 0
    for key, seen in visits.items():
        for href in seen.get("links", []):
            if not href.startswith(base + "/"):
                continue
            parts = urllib.parse.urlsplit(href)
            target = html_dir / urllib.parse.unquote(parts.path).lstrip("/")
            if target.is_dir():
                target = target / "index.html"
            checked += 1
            if not target.is_file():
                problems.append((key, f"broken link {href}"))
            elif parts.fragment and target.suffix == ".html" and \
                    urllib.parse.unquote(parts.fragment) not in _ids(target):
                problems.append((key, f"missing anchor #{parts.fragment} in {href}"))
    assert checked > 10, "hardly any internal links were found"
    assert not problems, _report(problems)


def _figure_pages(html_dir):
    return [n for n in site.pages(html_dir) if 'class="ks-frames"' in (html_dir / n).read_text(errors="replace")]


def _state(figure):
    img = figure.locator("img")
    return img.get_attribute("src"), img.get_attribute("alt")


def _after(page, figure, before, how):
    """The figure's state once its image has changed (frames may first have to load), else fail."""
    try:
        # the attribute, as _state reads it: the .src property is the absolute URL, never equal to a relative src,
        # so comparing it returned at once, before the frames of a figure further down the page had loaded
        page.wait_for_function(
            "([id, src]) => document.getElementById(id).querySelector('img').getAttribute('src') !== src",
            arg=[figure.get_attribute("id"), before[0]], timeout=10000)
    except Exception:  # playwright's TimeoutError
        pytest.fail(f"the figure {figure.get_attribute('id')} did not change when moved by {how}")
    return _state(figure)


def test_every_kernel_free_figure_responds_to_mouse_and_keyboard(served):
    base, chromium, html_dir = served
    names = _figure_pages(html_dir)
    assert names, "no page has a kernel-free figure"
    context = chromium.new_context()
    page = context.new_page()
    moved = 0
    for name in names:
        page.goto(f"{base}/{name}")
        page.wait_for_load_state("networkidle")
        for figure in page.locator(".ks-frames").all():
            readout = figure.locator(".ks-readout")
            for slider in figure.locator("input[type=range]").all():
                sid = slider.get_attribute("id")
                label = page.locator(f"label[for='{sid}']").inner_text().strip()
                assert label, f"{name}: slider {sid} has no visible label"
                assert page.get_by_role("slider", name=label, exact=True).count() >= 1, \
                    f"{name}: slider {sid} is not announced by its label {label!r}"
                # keyboard: one step towards the middle of the range
                before = _state(figure)
                slider.focus()
                at_max = slider.input_value() == slider.get_attribute("max")
                page.keyboard.press("ArrowLeft" if at_max else "ArrowRight")
                after = _after(page, figure, before, f"keyboard ({name}: {label})")
                assert after[1] != before[1], f"{name}: {label} changed the image but not its alt text"
                assert readout.inner_text().strip() == after[1], f"{name}: readout not updated for {label}"
                valuetext = slider.get_attribute("aria-valuetext")
                assert page.locator(f"output[for='{sid}']").inner_text().strip() == valuetext
                # mouse: click at the far end of the track away from the current value
                before = after
                box = slider.bounding_box()
                at_min = slider.input_value() == slider.get_attribute("min")
                x = box["x"] + (box["width"] - 3 if at_min else 3)
                page.mouse.click(x, box["y"] + box["height"] / 2)
                after = _after(page, figure, before, f"mouse ({name}: {label})")
                assert after[1] != before[1], f"{name}: {label} changed the image but not its alt text"
                moved += 1
    context.close()
    assert moved >= 2


def test_every_slider_is_reachable_with_the_tab_key(served):
    base, chromium, html_dir = served
    context = chromium.new_context()
    page = context.new_page()
    for name in _figure_pages(html_dir):
        page.goto(f"{base}/{name}")
        page.wait_for_load_state("networkidle")
        wanted = set(page.eval_on_selector_all(".ks-frames input[type=range]", "els => els.map(e => e.id)"))
        reached = set()
        for _ in range(len(wanted) + 400):
            page.keyboard.press("Tab")
            reached.add(page.evaluate("document.activeElement && document.activeElement.id"))
            if wanted <= reached:
                break
        assert wanted <= reached, f"{name}: Tab never reaches {sorted(wanted - reached)}"
    context.close()


CHAPTER = "book/chapters/antagonist_paradox.html"
_TERM_LINKS = ".bd-article a.reference:has(> .std-term)"  # what {term}`...` renders
_TIP = "[data-tippy-root]"


def _words(text):
    return " ".join(text.split())


def _glossary(html_dir):
    """{term anchor: its definition's text} from the built glossary page."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup((html_dir / "book" / "glossary.html").read_text(), "html.parser")
    return {dt["id"]: _words(dt.find_next_sibling("dd").get_text(" ")) for dt in soup.select("dl.glossary dt[id]")}


def _open_tip(page, link, how):
    """Show a term link's tip by ``how`` ('hover' or 'focus'); returns the tip's text, or fails."""
    link.hover() if how == "hover" else link.focus()
    tip = page.locator(_TIP)
    try:
        tip.first.wait_for(state="visible", timeout=5000)
    except Exception:  # playwright's TimeoutError
        pytest.fail(f"no tip appeared on {how} over the term link {link.get_attribute('href')}")
    described = page.evaluate("el => { const d = document.getElementById(el.getAttribute('aria-describedby'));"
                              " return d ? d.textContent : ''; }", link.element_handle())
    return _words(tip.first.text_content()), _words(described)


def _close_tip(page, how):
    page.mouse.move(0, 0) if how == "hover" else page.keyboard.press("Escape")
    try:
        page.locator(_TIP).first.wait_for(state="hidden", timeout=5000)
    except Exception:  # playwright's TimeoutError
        pytest.fail(f"the tip did not close after {'the mouse left' if how == 'hover' else 'Escape'}")


_TIP_TEXTS = """links => links.map(a => {
    if (!a._tippy) { return null; }
    const box = document.createElement("div"); box.innerHTML = a._tippy.props.content; return box.textContent;
  })"""


def test_glossary_terms_show_their_definition_on_hover_and_keyboard_focus(served):
    """Every term link of every page carries its glossary definition as a tip, and needs nothing from another
    host; on the chapter the first one is shown by mouse hover and by keyboard focus, tied to the link for screen
    readers (aria-describedby), closed by moving away and by Escape, and axe is clean with it open."""
    base, chromium, html_dir = served
    definitions = _glossary(html_dir)
    assert len(definitions) >= 20, f"the glossary has only {len(definitions)} terms"
    names = [n for n in site.pages(html_dir) if "std-term" in (html_dir / n).read_text(errors="replace")]
    assert CHAPTER in names, "the chapter links no glossary term"
    local, checked, problems = urllib.parse.urlsplit(base).netloc, 0, []
    for name in names:
        context = chromium.new_context()
        page = context.new_page()
        urls = []
        page.on("request", lambda r, urls=urls: urls.append(r.url))
        page.goto(f"{base}/{name}")
        page.wait_for_load_state("networkidle")
        page.wait_for_function(f"() => window.tippy && document.querySelector({_TERM_LINKS!r})._tippy",
                               timeout=10000)
        links = page.locator(_TERM_LINKS)
        expected = [definitions[urllib.parse.unquote(href.split("#")[1])]
                    for href in links.evaluate_all("links => links.map(a => a.getAttribute('href'))")]
        for definition, tip in zip(expected, links.evaluate_all(_TIP_TEXTS), strict=True):
            checked += 1
            if tip is None or definition not in _words(tip):
                problems.append(f"{name}: the tip {tip and _words(tip)[:60]!r} lacks {definition[:60]!r}")
        # one page shown by mouse and keyboard (the same scripts make every page's tips): the chapter
        first = next(i for i, link in enumerate(links.all()) if link.is_visible())
        for how in ("hover", "focus") if name == CHAPTER else ():
            shown, described = _open_tip(page, links.nth(first), how)
            if expected[first] not in shown:
                problems.append(f"{name}: the {how} tip {shown[:80]!r} lacks {expected[first][:60]!r}")
            if expected[first] not in described:
                problems.append(f"{name}: the {how} tip is not the link's aria-describedby")
            if how == "focus":
                page.add_script_tag(path=str(site.AXE))
                problems += [f"{name} (tip open): {v['impact']} {v['id']} ({v['help']}): {v['nodes']}"
                             for v in page.evaluate(_AXE) if v["impact"] in BLOCKING]
            _close_tip(page, how)
        outside = [u for u in urls if urllib.parse.urlsplit(u).scheme in {"http", "https"}
                   and urllib.parse.urlsplit(u).netloc != local]
        problems += [f"{name}: request to another host {u[:100]}" for u in outside]
        context.close()
    assert checked >= 20, f"only {checked} term links were found"
    assert not problems, "\n".join(problems)


def test_search_finds_nmda(served):
    base, chromium, _ = served
    context = chromium.new_context()
    page = context.new_page()
    page.goto(f"{base}/search.html?q=NMDA")
    # Sphinx lists the hits one by one, then writes "Search finished, found N page(s)": read them after that
    page.locator("#search-results .search-summary", has_text="found").wait_for(timeout=30000)
    summary = page.locator("#search-results .search-summary").inner_text()
    hits = [a.get_attribute("href") for a in page.locator("#search-results ul.search li a").all()]
    context.close()
    assert f"found {len(hits)} page" in summary, f"the search listed {len(hits)} hits but says {summary!r}"
    assert "book/chapters/antagonist_paradox.html" in hits, f"searching NMDA did not find the NMDA chapter: {hits}"


def _squash(text):
    """Text without whitespace, ligatures spelled out (Chromium's PDF sets "effect" with the ligature ﬀ)."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


def _svg_labels(svg):
    """An SVG's <text> labels run together, as the PDF's extracted (squashed) text holds them."""
    labels = re.findall(r"<text\b.*?</text>", svg, re.S)
    return "".join(_squash(html_unescape(re.sub(r"<[^>]+>", "", t))) for t in labels)


def test_the_book_pdf_has_every_page_figures_and_citations(served):
    import sys

    from pypdf import PdfReader

    sys.path.insert(0, str(site.ROOT / "tools"))
    import pdf

    _, chromium, html_dir = served
    path = pdf.build_pdf(html_dir.parent.parent, reuse=True, chromium=chromium)  # the html build made the doctrees
    reader = PdfReader(str(path))
    text = _squash("".join(page.extract_text() for page in reader.pages))
    book_pages = [n for n in site.pages(html_dir) if n.startswith("book/")]
    for name in book_pages:
        page_html = (html_dir / name).read_text()
        title = re.sub(r"<[^>]+>|#", "", re.search(r"<h1>(.*?)</h1>", page_html, re.S).group(1))
        assert _squash(html_unescape(title)) in text, f"the PDF lacks the page {name} ({title!r})"
    references = (html_dir / "book" / "references.html").read_text()
    dois = re.findall(r">doi:([^<]+)<", references)
    assert dois and all(_squash(d) in text for d in dois), "the PDF's bibliography lacks references"
    assert re.search(r"\[[A-Z][^\]]{2,60},\d{4}\]", text), "no author-year citation in the PDF"
    assert not [t for t in ("\\(", "\\[", "$$", "\\frac") if t in text], "the PDF shows raw TeX"
    # raster figures (<img>, one per <picture>) become PDF images; SVG ones (<img src=*.svg>, inline diagrams)
    # are printed as vectors, so their labels must be in the PDF's text, each figure's labels in a row
    rasters, svgs = 0, []
    for name in book_pages:
        page_html = (html_dir / name).read_text()
        for src in re.findall(r"<img\b[^>]*?\bsrc=\"([^\"]+)\"", page_html):
            if src.endswith(".svg"):
                svgs.append((f"{name} {src}", ((html_dir / name).parent / src).read_text()))
            else:
                rasters += 1
        svgs += [(f"{name} inline <svg>", svg) for svg in re.findall(r"<svg\b.*?</svg>", page_html, re.S)]
    assert rasters >= 10 and len(svgs) >= 10, f"the site has too few figures to check: {rasters}, {len(svgs)}"
    printed = sum(len(page.images) for page in reader.pages)
    assert printed >= rasters, f"raster figures are missing from the PDF: {printed} printed of {rasters}"
    unlabelled = [where for where, svg in svgs if (labels := _svg_labels(svg)) and labels not in text]
    assert not unlabelled, f"SVG figures missing from the PDF (their labels are not in its text): {unlabelled}"
    for page in reader.pages:
        for annot in page.get("/Annots") or []:
            uri = annot.get_object().get("/A", {}).get("/URI", "")
            assert "127.0.0.1" not in uri, f"the PDF links to the local print server: {uri}"


# Colour-vision deficiency as dichromacy, Machado, Oliveira & Fernandes (2009), severity 1.0, on linear RGB
_DICHROMACY = {
    "protanopia": [[0.152286, 1.052583, -0.204868], [0.114503, 0.786281, 0.099216], [-0.003882, -0.048116, 1.051998]],
    "deuteranopia": [[0.367322, 0.860646, -0.227968], [0.280085, 0.672501, 0.047413], [-0.011820, 0.042940, 0.968881]],
    "tritanopia": [[1.255528, -0.076749, -0.178779], [-0.078411, 0.930809, 0.147602], [0.004733, 0.691367, 0.303900]],
}
DISTINCT_DELTA_E = 10  # CIE76 distance in L*a*b*: two colours at least this far apart are told apart at a glance


def _lab(linear_rgb):
    import numpy as np

    xyz = np.array([[0.4124, 0.3576, 0.1805], [0.2126, 0.7152, 0.0722], [0.0193, 0.1192, 0.9505]]) @ \
        np.clip(linear_rgb, 0, 1) / np.array([0.95047, 1.0, 1.08883])
    f = np.where(xyz > (6 / 29) ** 3, np.cbrt(xyz), xyz / (3 * (6 / 29) ** 2) + 4 / 29)
    return np.array([116 * f[1] - 16, 500 * (f[0] - f[1]), 200 * (f[1] - f[2])])


def test_every_pair_of_actor_colours_stays_distinct_with_colour_blind_vision():
    import itertools

    import numpy as np

    from ketamine_sim import style

    def linear(hex_colour):
        c = np.array([int(hex_colour[i:i + 2], 16) / 255 for i in (1, 3, 5)])
        return np.where(c <= 0.04045, c / 12.92, ((c + 0.055) / 1.055) ** 2.4)

    colours = sorted(set(style.ACTORS.values()))
    for vision, matrix in [("typical", np.eye(3)), *_DICHROMACY.items()]:
        for a, b in itertools.combinations(colours, 2):
            distance = np.linalg.norm(_lab(np.array(matrix) @ linear(a)) - _lab(np.array(matrix) @ linear(b)))
            assert distance >= DISTINCT_DELTA_E, f"{a} and {b} look alike with {vision} vision (ΔE {distance:.1f})"
