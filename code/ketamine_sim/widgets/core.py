"""Interactive figures: live ipywidgets in a kernel, pre-rendered frames on the static site.

:func:`interactive_figure` turns (controls, model, plot, describe) into a UI.  Which one it builds is decided
by the environment variable ``KETAMINE_SIM_STATIC``:

* unset (JupyterLab, nbval): live sliders; each move re-runs the model and redraws one reused figure;
* ``1`` (set for the kernel by the book's Sphinx extension ``book/_ext/offline_site.py``, so every
  ``jupyter-book build`` gets it): self-contained HTML frames from :mod:`ketamine_sim.widgets.frames`.

A chapter's widget is then a few lines: a list of :class:`Slider`, a model call, a plot, a sentence.
"""

import base64
import os
from dataclasses import dataclass
from html import escape

import numpy as np

from ketamine_sim import plots, style
from ketamine_sim.widgets import frames

STATIC_ENV = "KETAMINE_SIM_STATIC"
PHONE_ENV = "KETAMINE_SIM_PHONE"  # "0": static figures without the phone layout (the lecture decks)


def static_mode():
    """True when figures must work without a kernel (the static book build)."""
    return os.environ.get(STATIC_ENV, "").lower() in {"1", "true", "yes"}


def phone_layout():
    """True unless ``KETAMINE_SIM_PHONE=0``: static figures carry a second, narrow layout for phones."""
    return os.environ.get(PHONE_ENV, "1") != "0"


@dataclass(frozen=True)
class Slider:
    """One control: the model keyword ``name``, a visible ``label``, its range and the static-site ``frames``."""

    name: str
    label: str
    min: float
    max: float
    step: float
    value: float
    frames: tuple = ()
    unit: str = ""
    fmt: str = ".3g"  # read by Python (static labels) and by d3-format (live readout): keep to f, g, %
    log: bool = False

    def __post_init__(self):
        if not self.min < self.max:
            raise ValueError(f"min={self.min:g} must be below max={self.max:g} for slider {self.name!r}")
        for label, v in [("value", self.value), *(("frames", f) for f in self.frames)]:
            if not self.min <= v <= self.max:
                raise ValueError(f"{label}={v:g} of slider {self.name!r} is outside the allowed range "
                                 f"[{self.min:g}, {self.max:g}]")

    def frame_values(self):
        """Values pre-rendered for the static site (five evenly spaced ones unless given)."""
        return tuple(self.frames) or tuple(np.linspace(self.min, self.max, 5))

    def start_index(self):
        """Index of the frame value nearest the default ``value``."""
        return int(np.argmin([abs(v - self.value) for v in self.frame_values()]))

    def format(self, v):
        """The value as shown to the reader, with its unit."""
        return f"{v:{self.fmt}} {self.unit}".strip()

    def widget(self):
        """The ipywidgets slider; its own bounds make out-of-range values impossible."""
        import ipywidgets as W

        description = f"{self.label} ({self.unit})" if self.unit else self.label
        # continuous updates: the figure follows a drag.  A redraw takes a few tens of ms, and the widget front
        # end keeps at most one update in flight (it sends only the latest value when the kernel is busy), so a
        # fast drag never queues up stale frames.
        common = dict(description=description, continuous_update=True, readout_format=self.fmt,
                      style={"description_width": "initial"}, layout=W.Layout(width="min(100%, 34em)"))
        if self.log:
            return W.FloatLogSlider(value=self.value, min=np.log10(self.min), max=np.log10(self.max),
                                    step=self.step, base=10, **common)
        return W.FloatSlider(value=self.value, min=self.min, max=self.max, step=self.step, **common)


@dataclass(frozen=True)
class Labelled(Slider):
    """A slider whose static-site labels are words (``text(value) -> str``), e.g. a two-way switch (frames 0 and
    1) or times read as "1 day", "6 weeks".  ``live_readout=False`` hides the live slider's number (a switch)."""

    text: object = None  # callable value -> label
    live_readout: bool = True

    def format(self, v):
        return self.text(v)

    def widget(self):
        w = super().widget()
        w.readout = self.live_readout
        return w


def _frame(model, plot, describe, values, fig, phone=False):
    """One static frame: ``(png, alt, smallest text in pixels)``; ``phone`` lays it out for phones (plots.narrow,
    keeping any height the plot function chose for a narrow figure, up to style.NARROW_MAX_HEIGHT_IN)."""
    result = model(**values)
    fig.clear()
    plot(fig, result)
    if phone:
        plots.narrow(fig)
    dpi = style.NARROW_DPI if phone else None
    return plots.png_bytes(fig, dpi), describe(result), plots.min_text_px(fig, dpi)


def _live_frame(model, plot, describe, values, fig):
    """Like :func:`_frame`, but a plot that keeps its artists is updated in place and blitted (fast)."""
    result = model(**values)
    if not plots.updatable(fig):
        fig.clear()
    plot(fig, result)
    return plots.png_update(fig), describe(result)


FRAMES_KEPT = 64  # live frames remembered per widget: a position visited again is shown without redrawing


class _FrameMemory:
    """The last :data:`FRAMES_KEPT` live frames of one widget by control values (models and plots are pure, so the
    same values give the same frame); least recently shown first out."""

    def __init__(self, draw):
        self._draw, self._kept = draw, {}

    def __call__(self, values):
        key = tuple(values.items())
        frame = self._kept.pop(key, None) or self._draw(values)
        self._kept[key] = frame
        if len(self._kept) > FRAMES_KEPT:
            del self._kept[next(iter(self._kept))]
        return frame


def _img_tag(png, alt):
    return f'<img src="data:image/png;base64,{base64.b64encode(png).decode()}" alt="{escape(alt)}" ' \
           'style="max-width:100%">'


def interactive_figure(controls, model, plot, describe, title, figsize=(7.0, 3.4)):
    """A figure driven by sliders: ``model(**values) -> result``, ``plot(fig, result)``, ``describe(result)``.

    ``describe`` returns the alt text (and readout) for one result.  Returns an ipywidgets box in a kernel and
    an ``IPython.display.HTML`` of pre-rendered frames when :func:`static_mode` is on.
    """
    from IPython.display import HTML

    fig = plots.figure(figsize)  # one figure, redrawn for every frame or slider move
    if static_mode():
        narrow = None
        if phone_layout():
            phone = plots.figure()  # the same plot, drawn narrow and taller
            phone.set_size_inches(*style.narrow_figsize(fig.get_size_inches()))

            def narrow(v):
                return _frame(model, plot, describe, v, phone, phone=True)
        return HTML(frames.render(controls, lambda v: _frame(model, plot, describe, v, fig), title, narrow))
    import ipywidgets as W

    sliders = {c.name: c.widget() for c in controls}
    image = W.HTML(layout=W.Layout(min_height="1em"))
    readout = W.HTML()

    frame = _FrameMemory(lambda values: _live_frame(model, plot, describe, values, fig))

    def update(_change=None):
        png, alt = frame({k: s.value for k, s in sliders.items()})
        image.value = _img_tag(png, alt)
        readout.value = f'<p aria-live="polite">{escape(alt)}</p>'

    for s in sliders.values():
        s.observe(update, "value")
    update()
    return W.VBox([W.HTML(f"<strong>{escape(title)}</strong>"), *sliders.values(), image, readout])


def show(fig, alt):
    """Display a finished figure with alt text.

    In a kernel: a PNG (read by JupyterLab).  On the static site (:func:`static_mode`): a ``<picture>`` whose
    phone image is the same figure laid out again by :func:`ketamine_sim.plots.narrow` (so ``fig`` is left in
    its narrow form); the book build moves both images into files (``book/_ext/offline_site.py``)."""
    from IPython.display import HTML, display

    if not static_mode():
        png = base64.b64encode(plots.png_bytes(fig)).decode()
        display({"image/png": png, "text/plain": alt}, raw=True, metadata={"image/png": {"alt": alt}})
        return
    def uri(webp):
        return f"data:{frames.MIME};base64,{base64.b64encode(webp).decode()}"

    wide = frames.compact_frame(plots.png_bytes(fig))
    wide_px = plots.min_text_px(fig)
    narrow = None
    if phone_layout():
        plots.narrow(fig)
        phone = frames.compact_frame(plots.png_bytes(fig, style.NARROW_DPI))
        narrow = (uri(phone), frames.image_size(phone), plots.min_text_px(fig, style.NARROW_DPI))
    img = frames.picture(uri(wide), alt, frames.image_size(wide), wide_px, narrow,
                         ' style="max-width:100%;height:auto"')
    display(HTML(f'<div class="ks-figure">{img}</div>'))
