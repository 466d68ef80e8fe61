"""Checks that every chapter's explorer tests share: the site's frames, the live redraw, the fast update."""

import io
import json
import re

import numpy as np
from PIL import Image

from ketamine_sim import plots, widgets


def static_data(explorer, monkeypatch):
    """The explorer's kernel-free HTML and its frames' data (frames, alts, labels) as the site gets them."""
    monkeypatch.setenv(widgets.STATIC_ENV, "1")
    page = explorer().data
    return page, json.loads(re.search(r'<script type="application/json">(.*?)</script>', page, re.S).group(1))


def live_controls(explorer, monkeypatch):
    """The live explorer's sliders and the widget that holds its image."""
    monkeypatch.delenv(widgets.STATIC_ENV, raising=False)
    box = explorer()
    sliders = [w for w in box.children if hasattr(w, "min") and hasattr(w, "max")]
    image = next(w for w in box.children if "<img" in str(getattr(w, "value", "")))
    return sliders, image


def pixels(png):
    return np.asarray(Image.open(io.BytesIO(png)).convert("RGB")).astype(int)


def assert_update_matches_fresh(model, plot, size, first, second):
    """An in-place update from ``first`` to ``second`` draws what a fresh figure of ``second`` draws."""
    live = plots.figure(size)
    plot(live, model(**first))
    stale = pixels(plots.png_update(live))
    assert plots.updatable(live)
    plot(live, model(**second))
    updated = pixels(plots.png_update(live))
    fresh = plots.figure(size)
    plot(fresh, model(**second))
    again = pixels(plots.png_update(fresh))
    differing = np.any(updated != again, axis=2).mean()
    assert differing < 0.002, f"{differing:.2%} of the pixels differ between an update and a fresh drawing"
    assert np.any(updated != stale), "the update changed nothing"


def assert_static_frames(explorer, n_frames, n_controls, monkeypatch):
    """The site's figure has ``n_frames`` distinct frames, each with its own alt text, and ``n_controls``
    range inputs; returns the frames' data for further checks."""
    page, data = static_data(explorer, monkeypatch)
    assert len(data["frames"]) == n_frames and len(set(data["frames"])) == n_frames
    assert len(set(data["alts"])) == n_frames, "the alt text must change with every control"
    assert page.count('<input type="range"') == n_controls
    return data


def assert_live_redraw(explorer, n_controls, monkeypatch):
    """The live explorer has ``n_controls`` sliders, and moving each one (to an end of its range) redraws it."""
    sliders, image = live_controls(explorer, monkeypatch)
    assert len(sliders) == n_controls
    for slider in sliders:
        before = image.value
        slider.value = slider.min if slider.value != slider.min else slider.max
        assert image.value != before, f"moving {slider.description!r} did not redraw the figure"
