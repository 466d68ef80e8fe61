"""Kernel-free figures for the static site: pre-rendered frames switched by labelled range inputs.

A live ipywidgets slider on a page without a kernel would move its readout while the figure stayed stale.
Instead, the book build renders the figure once for every combination of each slider's ``frames`` values and
writes self-contained HTML: one ``<img>`` (alt text per frame), one labelled ``<input type="range">`` per
control, a readout announced to screen readers, and a few lines of inline JavaScript.  No kernel, no CDN.
"""

import base64
import hashlib
import html
import io
import itertools
import json

from PIL import Image

MAX_FRAMES = 120
COLOURS = 64  # palette of a static frame: antialiased line figures show no banding at 64
MIME = "image/webp"

_SCRIPT = """(function () {
  var id = "%(id)s", root = document.getElementById(id), holder = root.querySelector("script[type='application/json']");
  var img = root.querySelector("img"), readout = root.querySelector(".ks-readout");
  var inputs = root.querySelectorAll("input[type=range]");
  var data = null, waiting = null;
  // The frames sit inline, or (on the book site) in a script file named by data-src, fetched when the
  // figure nears the screen or a slider is touched: a page's first paint never waits for them.
  function load(then) {
    if (data) { then(); return; }
    var src = holder.getAttribute("data-src");
    if (!src) { data = JSON.parse(holder.textContent); then(); return; }
    if (waiting) { waiting.push(then); return; }
    waiting = [then];
    var s = document.createElement("script");
    s.src = src;
    s.onload = function () {
      data = window.ksFrames[id];
      waiting.forEach(function (f) { f(); });
    };
    document.head.appendChild(s);
  }
  function show() {
    var k = 0;
    inputs.forEach(function (el, i) {
      var label = data.labels[i][+el.value];
      el.setAttribute("aria-valuetext", label);
      root.querySelector("output[for='" + el.id + "']").textContent = label;
      k = k * data.shape[i] + (+el.value);
    });
    img.src = "data:" + data.mime + ";base64," + data.frames[k];
    img.alt = data.alts[k];
    readout.textContent = data.alts[k];
  }
  function soon() { load(function () {}); }
  inputs.forEach(function (el) { el.addEventListener("input", function () { load(show); }); });
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


def render(controls, render_frame, title):
    """HTML of a kernel-free figure.  ``render_frame(values) -> (png_bytes, alt_text)`` for a dict of values."""
    combos = grid(controls)
    if len(combos) > MAX_FRAMES:
        raise ValueError(f"frames={len(combos)} pre-rendered figures is outside the allowed range [1, {MAX_FRAMES}]; "
                         "give the controls fewer frame values")
    frames, alts = [], []
    for combo in combos:
        png, alt = render_frame(dict(zip([c.name for c in controls], combo, strict=True)))
        frames.append(base64.b64encode(compact_frame(png)).decode())
        alts.append(alt)
    width, height = Image.open(io.BytesIO(base64.b64decode(frames[0]))).size  # reserve the space: no layout shift
    uid = "ks-" + hashlib.sha1((title + "".join(frames)).encode()).hexdigest()[:10]
    start = [c.start_index() for c in controls]
    k = combos.index(tuple(c.frame_values()[i] for c, i in zip(controls, start, strict=True)))
    labels = [[c.format(v) for v in c.frame_values()] for c in controls]
    data = {"mime": MIME, "frames": frames, "alts": alts, "shape": [len(c.frame_values()) for c in controls],
            "labels": labels}
    payload = json.dumps(data).replace("</", "<\\/")  # never close the script element early
    inputs = "".join(_input_html(uid, c, i, lab) for c, i, lab in zip(controls, start, labels, strict=True))
    return (
        f'<figure class="ks-frames" id="{uid}" aria-label="{html.escape(title)}">'
        f'<img src="data:{MIME};base64,{frames[k]}" alt="{html.escape(alts[k])}" width="{width}" height="{height}">'
        f'<figcaption><span class="ks-title">{html.escape(title)}</span>'
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
