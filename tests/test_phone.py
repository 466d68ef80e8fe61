"""The site's figures on a phone: every built page in Debian's Chromium at 390×844 CSS px, twice the density.

How text size is measured.  A figure is a raster drawn by matplotlib, so its text cannot be read off the page
with the DOM.  Each figure's ``<img>`` (or the ``<source>`` the browser chose) states in ``data-text-px`` the
size of its smallest text in image pixels: the smallest font size among the figure's visible text artists,
times dpi / 72, computed from the drawn figure (``ketamine_sim.plots.min_text_px``).  The browser then gives
the rest: shown size in CSS px = data-text-px × displayed width / intrinsic width.  A figure without the
attribute fails: its text size would be unknown.  SVG drawings (inline, or an ``<img>`` of an ``.svg`` file) are
measured from their source: each ``<text>``'s font size times the drawing's scale on screen (shown width /
viewBox width).

Checks, on every page with figures:

- text in every figure at least 11 CSS px;
- every raster figure at least twice as many pixels wide as the CSS px it is shown at (sharp at 2× density);
- for every kernel-free figure: moving each slider by touch changes the figure, and the image stays in view
  (at least 90% of it between the sticky header and the bottom of the screen) while it does.
"""

import pathlib
import re

import pytest

import browser as site
from ketamine_sim import plots, style, widgets
from ketamine_sim.widgets import core as widget_core

PHONE = {"width": 390, "height": 844}
DENSITY = 2
MIN_TEXT_CSS_PX = 11
IN_VIEW = 0.9

_FIGURES = r"""async () => {
  const out = [];
  // smallest text of an SVG document, in CSS px when its viewBox is shown ``shown`` px wide
  const smallest = (svg, shown) => {
    const box = svg.viewBox && svg.viewBox.baseVal, width = box && box.width || parseFloat(svg.getAttribute("width"));
    const sizes = Array.from(svg.querySelectorAll("text")).map(t => parseFloat(
      t.getAttribute("font-size") || (t.closest("[font-size]") || svg).getAttribute("font-size") || "16"));
    return sizes.length ? Math.min(...sizes) * shown / width : Infinity;
  };
  for (const img of document.querySelectorAll(".bd-article img")) {
    if (!img.offsetParent && !img.closest(".ks-frames")) { continue; }  // folded away (a closed dropdown)
    const r = img.getBoundingClientRect(), what = (img.alt || img.currentSrc).slice(0, 70);
    if (/\.svg(\?|$)/.test(img.currentSrc)) {  // a vector drawing: its text, scaled as shown; always sharp
      const doc = new DOMParser().parseFromString(await (await fetch(img.currentSrc)).text(), "image/svg+xml");
      out.push({kind: "svg", what, text: smallest(doc.documentElement, r.width)});
      continue;
    }
    const chosen = img.closest("picture") && Array.from(img.closest("picture").querySelectorAll("source"))
      .find(s => new URL(s.getAttribute("srcset"), document.baseURI).href === img.currentSrc);
    const px = (chosen || img).getAttribute("data-text-px");
    out.push({kind: "img", what, natural: img.naturalWidth, shown: r.width,
              textPx: px === null ? null : parseFloat(px)});
  }
  for (const svg of document.querySelectorAll(".bd-article svg[role=img]")) {
    const r = svg.getBoundingClientRect();
    if (r.width) { out.push({kind: "svg", what: (svg.getAttribute("aria-label") || svg.id).slice(0, 70),
                             text: smallest(svg, r.width)}); }
  }
  return out;
}"""

# the share of the figure's image between the bottom of the sticky header and the bottom of the screen
_VISIBLE_SHARE = """(id) => {
  const img = document.getElementById(id).querySelector("img"), r = img.getBoundingClientRect();
  let top = 0;
  document.querySelectorAll("header, .bd-header, .bd-header-article").forEach(h => {
    const s = getComputedStyle(h), b = h.getBoundingClientRect();
    if ((s.position === "sticky" || s.position === "fixed") && b.top <= 0 && b.bottom > top) { top = b.bottom; }
  });
  const seen = Math.max(0, Math.min(r.bottom, innerHeight) - Math.max(r.top, top));
  return r.height ? seen / r.height : 0;
}"""


@pytest.fixture(scope="module")
def phone(built_book):
    site.require_browser(axe=False)
    with site.serve(built_book) as base, site.chromium() as chromium:
        context = chromium.new_context(viewport=PHONE, device_scale_factor=DENSITY, is_mobile=True, has_touch=True)
        yield base, context.new_page(), pathlib.Path(built_book)
        context.close()


def _open(page, base, name):
    page.goto(f"{base}/{name}")
    page.wait_for_load_state("networkidle")
    # bring every figure on screen once, as a reader scrolling through would (the frames load near the screen)
    page.evaluate("""async () => {
      for (const f of document.querySelectorAll(".bd-article img, .bd-article svg[role=img]")) {
        f.scrollIntoView({block: "center"}); await new Promise(r => setTimeout(r, 30));
      }
    }""")
    page.wait_for_load_state("networkidle")
    page.wait_for_function("() => Array.from(document.querySelectorAll('.bd-article img')).every(i => i.complete)")


@pytest.mark.book
def test_every_figure_is_legible_and_sharp_on_a_phone(phone):
    base, page, html_dir = phone
    problems, seen = [], 0
    for name in site.pages(html_dir):
        if not re.search(r"<img\b|<svg\b", (html_dir / name).read_text(errors="replace")):
            continue  # no figure on the page
        _open(page, base, name)
        for f in page.evaluate(_FIGURES):
            seen += 1
            where = f"{name}: {f['kind']} {f['what']!r}"
            if f["kind"] == "svg":
                if f["text"] < MIN_TEXT_CSS_PX:
                    problems.append(f"{where}: smallest text {f['text']:.1f} CSS px < {MIN_TEXT_CSS_PX}")
                continue
            if f["textPx"] is None:
                problems.append(f"{where}: no data-text-px, its text size on screen is unknown")
                continue
            text = f["textPx"] * f["shown"] / f["natural"]
            if text < MIN_TEXT_CSS_PX:
                problems.append(f"{where}: smallest text {text:.1f} CSS px < {MIN_TEXT_CSS_PX} "
                                f"({f['natural']} px image shown {f['shown']:.0f} CSS px wide)")
            if f["natural"] < DENSITY * f["shown"] - 1:
                problems.append(f"{where}: {f['natural']} px image shown {f['shown']:.0f} CSS px wide is blurry at "
                                f"{DENSITY}x density (needs {DENSITY * f['shown']:.0f})")
    assert seen, "no figure found on any page"
    assert not problems, "\n".join(problems)


def _state(figure):
    return figure.evaluate("f => f.querySelector('img').getAttribute('src')")


@pytest.mark.book
def test_kernel_free_figures_stay_in_view_while_their_sliders_move(phone):
    base, page, html_dir = phone
    names = [n for n in site.pages(html_dir) if 'class="ks-frames"' in (html_dir / n).read_text(errors="replace")]
    assert names, "no page has a kernel-free figure"
    problems, moved = [], 0
    for name in names:
        _open(page, base, name)
        for figure in page.locator(".ks-frames").all():
            fid = figure.get_attribute("id")
            figure.evaluate("f => f.scrollIntoView({block: 'start'})")
            for slider in figure.locator("input[type=range]").all():
                slider.evaluate("s => s.scrollIntoView({block: 'end'})")  # a reader scrolls it up from below
                before = _state(figure)
                box = slider.bounding_box()
                at_min = slider.input_value() == slider.get_attribute("min")
                x, y = box["x"] + (box["width"] - 4 if at_min else 4), box["y"] + box["height"] / 2
                if not page.evaluate("([x, y, id]) => document.elementFromPoint(x, y) === document.getElementById(id)",
                                     [x, y, slider.get_attribute("id")]):
                    problems.append(f"{name}: {fid}: {slider.get_attribute('id')} is covered where a finger taps it")
                    continue
                page.touchscreen.tap(x, y)
                try:
                    page.wait_for_function("([id, src]) => document.getElementById(id).querySelector('img')"
                                           ".getAttribute('src') !== src", arg=[fid, before], timeout=10_000)
                except Exception:  # playwright's TimeoutError
                    problems.append(f"{name}: {fid}: a tap on {slider.get_attribute('id')} did not change the figure")
                    continue
                share = page.evaluate(_VISIBLE_SHARE, fid)
                if share < IN_VIEW:
                    problems.append(f"{name}: {fid}: only {share:.0%} of the figure in view while "
                                    f"{slider.get_attribute('id')} moves")
                moved += 1
    assert moved >= 2
    assert not problems, "\n".join(problems)


# The phone layout itself, without a browser


def _toy_figure(fig):
    ax = fig.subplots()
    ax.plot([0, 1], [0, 1], label="a line")
    ax.set_title("A title long enough that it no longer fits above a narrow axes once drawn for a phone")
    ax.text(0.5, 0.5, "a small note", fontsize="x-small")
    fig.legend(loc="outside right upper")
    return fig


def test_the_phone_layout_is_narrow_with_no_text_below_the_minimum():
    fig = plots.narrow(_toy_figure(plots.figure((7.0, 3.4))))
    assert tuple(fig.get_size_inches()) == style.narrow_figsize((7.0, 3.4))
    assert plots.min_text_px(fig, dpi=72) >= style.NARROW_MIN_PT  # at 72 dpi a pixel is a point
    assert "\n" in fig.axes[0].get_title(), "a title wider than its axes is broken into lines"
    assert fig.legends[0]._outside_loc == "lower", "a legend beside the axes moves below them"
    assert plots.narrow(plots.figure((7.0, 20.0))).get_size_inches()[1] == style.NARROW_MAX_HEIGHT_IN


def _toy_static(monkeypatch):
    monkeypatch.setenv(widgets.STATIC_ENV, "1")
    controls = [widgets.Slider("a", "Knob", 0, 2, 1, 1, (0.0, 1.0, 2.0))]
    return widgets.interactive_figure(controls, lambda a: a, lambda fig, a: _toy_figure(fig).axes[0].plot([a]),
                                      lambda a: f"Knob at {a:g}.", "Toy").data


def test_kernel_free_figures_carry_a_phone_frame_per_frame(monkeypatch):
    import json
    import re

    page = _toy_static(monkeypatch)
    data = json.loads(re.search(r'<script type="application/json">(.*?)</script>', page, re.S).group(1))
    assert len(data["narrow"]["frames"]) == len(data["frames"]) == 3
    assert data["narrow"]["size"][0] == round(style.NARROW_WIDTH_IN * style.NARROW_DPI)
    assert data["narrow"]["text_px"] >= style.NARROW_MIN_PT * style.NARROW_DPI / 72
    assert f'<source media="{style.NARROW_MEDIA}" srcset="data:image/webp;base64,' in page
    monkeypatch.setenv(widget_core.PHONE_ENV, "0")  # the lecture decks: no phone frames
    page = _toy_static(monkeypatch)
    assert '"narrow":' not in page and "<source" not in page


def test_a_shown_figure_offers_the_phone_image_on_the_site(monkeypatch):
    import IPython.display

    shown = []
    monkeypatch.setattr(IPython.display, "display", lambda obj, **kw: shown.append(obj))
    monkeypatch.setenv(widgets.STATIC_ENV, "1")
    widgets.show(_toy_figure(plots.figure((6.4, 3.2))), "A toy line rising from zero to one.")
    page = shown[0].data
    assert f'<source media="{style.NARROW_MEDIA}"' in page and 'alt="A toy line rising from zero to one."' in page
    assert page.count("data-text-px=") == 2
