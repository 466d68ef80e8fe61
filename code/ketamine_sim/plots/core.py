"""The generic plotting core: figures outside pyplot and the fast live-update path.  Each stage's figures
live in their own module of this package (``plots.receptors``, ...); no model maths anywhere in it.

Every function takes the :class:`~matplotlib.figure.Figure` to draw into (so a widget can redraw the same
figure) and returns it; :func:`figure` makes a fresh one outside pyplot.

Fast live updates.  A plot behind a live widget builds its axes once and remembers the artists that change
(:func:`_live`); called again on the same figure it only moves those artists.  :func:`png_update` then
paints the unchanged parts (axes, ticks, labels: most of the drawing time) from a cached background and
redraws only the changing artists, with the layout frozen after the first draw.  A figure cleared with
``fig.clear()`` is simply built again, so every plot function also works as a one-shot drawing.
"""

import io
import struct
import textwrap
import zlib
from dataclasses import dataclass, field

import numpy as np
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.text import Text

from ketamine_sim import style


def figure(figsize=None):
    """A new Figure not managed by pyplot (it is never shown twice by the inline backend).

    ``figsize`` (inches) is for the book style; under ``style.use("lecture")`` it grows by
    :func:`~ketamine_sim.style.figure_scale` so the larger fonts keep their room."""
    if figsize is not None:
        figsize = tuple(style.figure_scale() * x for x in figsize)
    fig = Figure(figsize=figsize, layout="constrained")
    FigureCanvasAgg(fig)  # an Agg canvas of its own, for blitting in png_update
    return fig


@dataclass
class _LiveState:
    """What a plot function keeps on its figure between calls."""

    owner: object
    axes: list
    artists: dict
    dynamic: list = field(default_factory=list)  # artists redrawn on every update
    background: object = None


def _live(fig, owner):
    """The live state ``owner`` left on ``fig``, or None if it must draw from scratch (first call, or cleared)."""
    st = getattr(fig, "_ks_live", None)
    if st is not None and st.owner is owner and all(ax in fig.axes for ax in st.axes):
        return st
    return None


def _fresh(fig):
    """Clear ``fig`` for a new drawing, with the layout engine that png_update may have frozen restored."""
    fig.clear()
    fig._ks_live = None
    if fig.get_layout_engine() is None:
        fig.set_layout_engine("constrained")


def _remember(fig, owner, axes, **artists):
    fig._ks_live = _LiveState(owner, list(axes), artists)
    return fig._ks_live


def updatable(fig):
    """True when a plot function has left artists on ``fig`` that its next call will update in place."""
    st = getattr(fig, "_ks_live", None)
    return st is not None and all(ax in fig.axes for ax in st.axes)


def png_bytes(fig, dpi=None):
    """Render ``fig`` to PNG bytes."""
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=dpi)
    return buf.getvalue()


def _texts(fig):
    return [t for t in fig.findobj(Text) if t.get_visible() and t.get_text().strip()]


def min_text_px(fig, dpi=None, drawn=True):
    """Size in image pixels of the smallest visible text of ``fig`` (its font size at ``dpi``): a page shows it
    at ``× shown width / image width`` CSS px.  ``drawn=False`` draws first (tick labels exist after a draw)."""
    if not drawn:
        fig.canvas.draw()
    sizes = [t.get_fontsize() for t in _texts(fig)]
    return round(min(sizes) * (dpi or fig.dpi) / 72, 2) if sizes else None


def _wrap(text_artist, limit_px, renderer):
    """Break ``text_artist`` into lines no wider (or, rotated, taller) than ``limit_px``."""
    box = text_artist.get_window_extent(renderer)
    extent = box.height if text_artist.get_rotation() % 180 else box.width
    text = text_artist.get_text()
    if extent > limit_px and "\n" not in text and " " in text:
        text_artist.set_text(textwrap.fill(text, max(8, int(len(text) * limit_px / extent))))


NARROW_BELOW_IN = 5.0  # a figure narrower than this (a phone frame) stacks its panels in one column


def narrow_layout(fig, height_in):
    """True for a phone-width figure (narrower than :data:`NARROW_BELOW_IN`), which is then made ``height_in``
    tall (:func:`narrow` keeps that height): a plot function asks it to stack its panels in one column."""
    width = fig.get_size_inches()[0]
    if width >= NARROW_BELOW_IN:
        return False
    fig.set_size_inches(width, height_in)
    return True


def narrow(fig, figsize=None):
    """Lay ``fig`` out again for a phone, at :func:`~ketamine_sim.style.narrow_figsize` of ``figsize`` (of its
    own size by default): narrow and taller in shape, no text below :data:`~ketamine_sim.style.NARROW_MIN_PT`,
    legends that sat beside the axes moved below them, long titles and axis labels broken into lines.  The
    same figure, drawn by the same plot function: only size and layout change.  Returns ``fig``; render it at
    ``style.NARROW_DPI``."""
    fig.set_size_inches(*style.narrow_figsize(fig.get_size_inches() if figsize is None else figsize))
    for ax in fig.axes:
        for axis in (ax.xaxis, ax.yaxis):
            labels = axis.get_ticklabels(which="both")
            if labels and min(t.get_fontsize() for t in labels) < style.NARROW_MIN_PT:
                axis.set_tick_params(which="both", labelsize=style.NARROW_MIN_PT)
    for legend in list(fig.legends):
        if getattr(legend, "_outside_loc", None) in ("right", "left"):  # beside the axes: below them instead
            handles, labels = legend.legend_handles, [t.get_text() for t in legend.get_texts()]
            legend.remove()
            fig.legend(handles, labels, loc="outside lower center", ncols=1)
    for t in _texts(fig):
        if t.get_fontsize() < style.NARROW_MIN_PT:
            t.set_fontsize(style.NARROW_MIN_PT)
    renderer = fig.canvas.get_renderer()
    fig.canvas.draw()
    for ax in fig.axes:
        box = ax.get_window_extent(renderer)
        for title in (ax.title, ax._left_title, ax._right_title):
            _wrap(title, 1.1 * box.width, renderer)
        _wrap(ax.xaxis.label, box.width, renderer)
        _wrap(ax.yaxis.label, box.height, renderer)
    if fig._suptitle is not None:
        _wrap(fig._suptitle, fig.bbox.width, renderer)
    return fig


def png_update(fig):
    """PNG bytes of ``fig`` for a live widget, fast: only the artists a plot function marked as changing are
    redrawn, over a cached background; the layout is frozen at the first draw.  Falls back to
    :func:`png_bytes` for figures a plot function does not keep updatable."""
    st = getattr(fig, "_ks_live", None)
    if not updatable(fig) or not isinstance(fig.canvas, FigureCanvasAgg):
        return png_bytes(fig)
    canvas = fig.canvas
    if st.background is None:
        canvas.draw()  # with the layout engine, everything in place
        fig.set_layout_engine("none")  # keep that layout: the background below stays valid
        for artist in st.dynamic:
            artist.set_animated(True)
        canvas.draw()  # the background: everything that does not change
        st.background = canvas.copy_from_bbox(fig.bbox)
    else:
        canvas.restore_region(st.background)
    for artist in st.dynamic:
        artist.set_animated(True)
        fig.draw_artist(artist)
    return encode_png(np.asarray(canvas.buffer_rgba())[:, :, :3])


def _chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def encode_png(rgb):
    """A minimal, fast PNG of an (height, width, 3) uint8 array: no row filters, zlib level 1.

    Pillow's encoder tries adaptive row filters, which costs about 3x the time for a flat-coloured line
    figure and saves only a few per cent of the bytes."""
    height, width, _ = rgb.shape
    rows = np.empty((height, 1 + 3 * width), np.uint8)
    rows[:, 0] = 0  # filter type "none" on every row
    pixels = rows[:, 1:].reshape(height, width, 3)
    for c in range(3):  # channel by channel: 5x faster than one strided copy of an RGBA buffer's RGB view
        pixels[..., c] = rgb[..., c]
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)  # 8-bit RGB, no interlace
    return (b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", header) + _chunk(b"IDAT", zlib.compress(rows.tobytes(), 1))
            + _chunk(b"IEND", b""))

