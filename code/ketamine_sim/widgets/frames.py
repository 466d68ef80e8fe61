"""Kernel-free figures for the static site: pre-rendered frames switched by labelled range inputs.

A live ipywidgets slider on a page without a kernel would move its readout while the figure stayed stale.
Instead, the book build renders the figure once for every combination of each slider's ``frames`` values and
writes self-contained HTML: one ``<img>`` (alt text per frame), one labelled ``<input type="range">`` per
control, a readout announced to screen readers, and a few lines of inline JavaScript.  No kernel, no CDN.

Phones get frames of their own: the same plot drawn narrow and taller, with larger text, at a higher dpi
(:func:`ketamine_sim.plots.narrow`).  The first frame of each set sits in a ``<picture>``, so the browser shows
the one its screen wants before any script runs; the script then loads only that set's frames (the book
build puts the sets in two files, ``<id>.js`` and ``<id>-narrow.js``) and switches sets when the screen does.
Every ``<img>``/``<source>`` carries ``data-text-px``: its smallest text in image pixels (checked by
``tests/test_phone.py`` against the width the page shows it at).
"""

import base64
import hashlib
import html
import io
import itertools
import json

from PIL import Image

from ketamine_sim import style

MAX_FRAMES = 120
COLOURS = 64  # palette of a static frame: antialiased line figures show no banding at 64
MIME = "image/webp"

_SCRIPT = """(function () {
  var id = "%(id)s", root = document.getElementById(id), holder = root.querySelector("script[type='application/json']");
  var img = root.querySelector("img"), readout = root.querySelector(".ks-readout");
  var source = root.querySelector("picture source"), media = source && window.matchMedia(source.getAttribute("media"));
  var inputs = root.querySelectorAll("input[type=range]");
  var sets = {}, waiting = {}, shown = false, reserved = null;
  function wanted() { return media && media.matches ? "narrow" : "wide"; }
  // The frames sit inline, or (on the book site) in one script file per set named after data-src, fetched when
  // the figure nears the screen or a slider is touched: a page's first paint never waits for them.
  function load(set, then) {
    if (sets[set]) { then(); return; }
    var src = holder.getAttribute("data-src");
    if (!src) {
      var all = JSON.parse(holder.textContent);
      sets.wide = all; sets.narrow = all.narrow ? Object.assign({}, all, all.narrow) : all; then(); return;
    }
    if (waiting[set]) { waiting[set].push(then); return; }
    waiting[set] = [then];
    var key = set === "narrow" ? id + "-narrow" : id, s = document.createElement("script");
    s.src = set === "narrow" ? src.replace(/\\.js$/, "-narrow.js") : src;
    s.onload = function () {
      sets[set] = window.ksFrames[key];
      waiting[set].forEach(function (f) { f(); });
    };
    document.head.appendChild(s);
  }
  function show() {
    var data = sets[wanted()], k = 0;
    inputs.forEach(function (el, i) {
      var label = data.labels[i][+el.value];
      el.setAttribute("aria-valuetext", label);
      root.querySelector("output[for='" + el.id + "']").textContent = label;
      k = k * data.shape[i] + (+el.value);
    });
    if (source) { source.remove(); source = null; }  // from now on the script picks the set
    img.width = data.size[0]; img.height = data.size[1];
    img.setAttribute("data-text-px", data.text_px);
    img.src = "data:" + data.mime + ";base64," + data.frames[k];
    img.alt = data.alts[k];
    if (reserved !== data) {  // the caption keeps the height of its longest text: no jump as the sliders move
      reserved = data; readout.style.minHeight = "";
      var tallest = 0;
      data.alts.forEach(function (a) { readout.textContent = a; tallest = Math.max(tallest, readout.offsetHeight); });
      readout.style.minHeight = tallest + "px";
    }
    readout.textContent = data.alts[k];
    shown = true;
  }
  function now() { load(wanted(), show); }
  function soon() { load(wanted(), function () {}); }
  inputs.forEach(function (el) { el.addEventListener("input", now); });
  if (media) { media.addEventListener("change", function () { if (shown) { now(); } }); }
  root.addEventListener("focusin", soon);
  root.addEventListener("pointerdown", soon);
  if ("IntersectionObserver" in window) {
    new IntersectionObserver(function (entries, watcher) {
      if (entries.some(function (e) { return e.isIntersecting; })) { watcher.disconnect(); soon(); }
    }, {rootMargin: "300px"}).observe(root);
  }
})();"""


def compact_png(png):
    """Re-encode PNG bytes with a 128-colour palette: line figures shrink about threefold, no visible change."""
    img = Image.open(io.BytesIO(png)).convert("RGB").quantize(colors=128, method=Image.Quantize.MEDIANCUT)
    out = io.BytesIO()
    img.save(out, format="PNG", optimize=True)
    return out.getvalue()


def compact_frame(png, colours=COLOURS):
    """A static-site frame: ``colours``-colour palette, lossless WebP (about a quarter smaller than the same
    palette PNG, a third smaller than a 128-colour one; every browser since 2020 shows it)."""
    img = Image.open(io.BytesIO(png)).convert("RGB").quantize(colors=colours, method=Image.Quantize.MEDIANCUT)
    out = io.BytesIO()
    img.save(out, format="WEBP", lossless=True, quality=50, method=2)  # effort 2: ~20 ms a frame, 1% off best
    return out.getvalue()


def grid(controls):
    """All combinations of the controls' frame values, last control varying fastest."""
    return list(itertools.product(*(c.frame_values() for c in controls)))


def image_size(image_bytes):
    """``(width, height)`` in pixels of an encoded image."""
    return Image.open(io.BytesIO(image_bytes)).size


def _encoded(frame_list):
    """``[(png, alt[, text_px]), ...]`` -> (base64 WebP frames, alts, (width, height), smallest text_px)."""
    encoded = [base64.b64encode(compact_frame(f[0])).decode() for f in frame_list]
    text_px = [f[2] for f in frame_list if len(f) > 2 and f[2] is not None]
    size = image_size(base64.b64decode(encoded[0]))  # reserves the space on the page: no layout shift
    return encoded, [f[1] for f in frame_list], size, min(text_px) if text_px else None


def picture(src, alt, size, text_px, narrow=None, extra=""):
    """``<picture>``: the phone's image (``narrow = (src, size, text_px)``) when ``style.NARROW_MEDIA`` matches,
    else ``src``.  Sizes reserve the space; ``data-text-px`` is the smallest text in image pixels."""
    def attrs(size, text_px):
        px = f' data-text-px="{text_px:g}"' if text_px else ""
        return f'width="{size[0]}" height="{size[1]}"{px}'

    source = ""
    if narrow:
        source = f'<source media="{style.NARROW_MEDIA}" srcset="{narrow[0]}" {attrs(narrow[1], narrow[2])}>'
    return f'<picture>{source}<img src="{src}" alt="{html.escape(alt)}" {attrs(size, text_px)}{extra}></picture>'


def render(controls, render_frame, title, render_narrow=None):
    """HTML of a kernel-free figure.  ``render_frame(values) -> (png_bytes, alt_text[, text_px])`` for a dict of
    values; ``render_narrow(values)``, if given, the same for phones (see the module docstring)."""
    combos = grid(controls)
    if len(combos) > MAX_FRAMES:
        raise ValueError(f"frames={len(combos)} pre-rendered figures is outside the allowed range [1, {MAX_FRAMES}]; "
                         "give the controls fewer frame values")
    values = [dict(zip([c.name for c in controls], combo, strict=True)) for combo in combos]
    frames, alts, size, text_px = _encoded([render_frame(v) for v in values])
    uid = "ks-" + hashlib.sha1((title + "".join(frames)).encode()).hexdigest()[:10]
    start = [c.start_index() for c in controls]
    k = combos.index(tuple(c.frame_values()[i] for c, i in zip(controls, start, strict=True)))
    labels = [[c.format(v) for v in c.frame_values()] for c in controls]
    data = {"mime": MIME, "frames": frames, "alts": alts, "shape": [len(c.frame_values()) for c in controls],
            "labels": labels, "size": size, "text_px": text_px}
    narrow = None
    if render_narrow is not None:
        n_frames, _, n_size, n_px = _encoded([render_narrow(v) for v in values])
        data["narrow"] = {"frames": n_frames, "size": n_size, "text_px": n_px}
        narrow = (f"data:{MIME};base64,{n_frames[k]}", n_size, n_px)
    payload = json.dumps(data).replace("</", "<\\/")  # never close the script element early
    inputs = "".join(_input_html(uid, c, i, lab) for c, i, lab in zip(controls, start, labels, strict=True))
    return (
        f'<figure class="ks-frames" id="{uid}" aria-label="{html.escape(title)}">'
        + picture(f"data:{MIME};base64,{frames[k]}", alts[k], size, text_px, narrow)
        + f'<figcaption><span class="ks-title">{html.escape(title)}</span>'
        f'<span class="ks-readout" aria-live="polite">{html.escape(alts[k])}</span></figcaption>'
        f'<div class="ks-controls">{inputs}</div>'
        f'<script type="application/json">{payload}</script>'
        f"<script>{_SCRIPT % {'id': uid}}</script></figure>"
    )


def _input_html(uid, control, index, labels):
    iid = f"{uid}-{control.name}"
    n = len(labels) - 1
    return (
        f'<div class="ks-control"><label for="{iid}">{html.escape(control.label)}</label>'
        f'<input type="range" id="{iid}" min="0" max="{n}" step="1" value="{index}" '
        f'aria-valuetext="{html.escape(labels[index])}">'
        f'<output for="{iid}">{html.escape(labels[index])}</output></div>'
    )
