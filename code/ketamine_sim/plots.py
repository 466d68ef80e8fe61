"""Figures drawn from model results.  No model maths here: every number comes from a result object.

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
import zlib
from dataclasses import dataclass, field

import numpy as np
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from ketamine_sim import style
from ketamine_sim.style import color, decorate


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


def nmda_iv(fig, snap):
    """NMDA current–voltage curve with and without Mg²⁺, the chosen voltage marked, and its Ca²⁺ influx."""
    st = _live(fig, nmda_iv)
    if st is None:
        _fresh(fig)
        ax, bar = fig.subplots(1, 2, width_ratios=[3, 1])
        ax.axhline(0, color=color("reference"), lw=0.8)
        free, = ax.plot(snap.v_grid_mV, snap.current_mg_free_pA, ls="--", color=color("reference"), label="no Mg²⁺")
        current, = ax.plot(snap.v_grid_mV, snap.current_pA, color=color("glutamate"), label="with Mg²⁺")
        dot, = ax.plot([snap.v_mV], [snap.current_at_v_pA], "o", color=color("ketamine"), ms=9,
                       label="chosen potential")
        # fixed labels in the corner no curve reaches (outward current is positive above 0 mV)
        decorate(ax, xlabel="membrane potential (mV)", ylabel="current (pA, inward < 0)", xlim=(-100, 40),
                 ylim=(-105, 45))
        ax.legend(loc="lower right")
        rect = bar.bar([0], [snap.calcium_at_v_rel], color=color("calcium"), width=0.6)[0]
        bar.set_xticks([])
        decorate(bar, title="Ca²⁺ influx", ylabel="relative to peak in 1 mM Mg²⁺", ylim=(0, 2.0))
        st = _remember(fig, nmda_iv, [ax, bar], free=free, current=current, dot=dot, rect=rect)
    a, ax = st.artists, st.axes[0]
    a["free"].set_data(snap.v_grid_mV, snap.current_mg_free_pA)
    a["current"].set_data(snap.v_grid_mV, snap.current_pA)
    a["dot"].set_data([snap.v_mV], [snap.current_at_v_pA])
    a["rect"].set_height(snap.calcium_at_v_rel)
    ax.set_title(f"NMDA current: {snap.glutamate_bound:.0%} bound, {snap.mg_mM:g} mM Mg²⁺, {snap.v_mV:g} mV")
    st.dynamic = [a["free"], a["current"], a["dot"], a["rect"], ax.title]
    return fig


def coincidence_bars(fig, result, theta=None):
    """Ca²⁺ influx for the four input combinations, with an optional plasticity threshold θ as a line."""
    ax = fig.subplots()
    labels = [c.replace(" ", "\n", 1) for c in result.conditions]
    colours = [color("reference"), color("glutamate"), color("gaba"), color("calcium")]
    ax.bar(labels, result.calcium_rel, color=colours)
    if theta is not None:
        ax.axhline(theta, color=color("ketamine"), ls="--", label=f"threshold θ = {theta:g}")
    decorate(ax, title="The NMDA receptor needs both inputs", ylabel="Ca²⁺ influx (relative)",
             legend=theta is not None, ylim=(0, 1.05))
    return fig


def block_time_courses(fig, courses, conc_uM):
    """NMDA block over time for several cells: ``courses`` maps a label to (BlockTimeCourse, actor)."""
    first = next(iter(courses.values()))[0]
    st = _live(fig, block_time_courses)
    if st is not None and (st.artists["labels"] != list(courses) or st.artists["t_max"] != first.t_min[-1]):
        st = None  # other cells or another time span: draw anew
    if st is None:
        _fresh(fig)
        ax = fig.subplots()
        lines = [ax.plot(course.t_min, 100 * course.block, color=color(actor), label=label)[0]
                 for label, (course, actor) in courses.items()]
        steady = ax.axhline(0, color=color("reference"), ls=":", label="steady state")
        decorate(ax, xlabel="time after drug (min)", ylabel="NMDA receptors blocked (%)", ylim=(0, 100),
                 xlim=(0, first.t_min[-1]))
        fig.legend(loc="outside right upper")  # beside the axes: no curve ever runs under it
        st = _remember(fig, block_time_courses, [ax], lines=lines, steady=steady, t_max=first.t_min[-1],
                       labels=list(courses))
    ax, lines, steady = st.axes[0], st.artists["lines"], st.artists["steady"]
    for line, (course, _actor) in zip(lines, courses.values(), strict=True):
        line.set_data(course.t_min, 100 * course.block)
    steady.set_ydata([100 * first.steady_state] * 2)
    ax.set_title(f"Use-dependent block by {conc_uM:.2g} µM racemic ketamine")
    st.dynamic = [*lines, steady, ax.title]
    return fig


def dose_response(fig, dr, measured=()):
    """Steady-state block against concentration for each form, with half-block marks and measured points.

    ``measured`` is an iterable of (conc_uM, block, label) drawn as open circles.
    """
    ax = fig.subplots()
    for form, block in dr.block.items():
        name = "racemic" if form == "racemic" else f"{form}-ketamine"
        ax.semilogx(dr.conc_uM, 100 * block, color=color(form),
                    label=f"{name} (half block {dr.half_block_uM[form]:.2g} µM)")
    for conc, block, label in measured:
        ax.plot([conc], [100 * block], "o", mfc="white", mec=color("racemic"), ms=8, mew=2, label=label)
    ax.axhline(50, color=color("reference"), lw=0.8)
    decorate(ax, title="Steady-state NMDA block", xlabel="ketamine concentration (µM)",
             ylabel="NMDA current blocked (%)", legend=True, ylim=(0, 100))
    return fig


def png_bytes(fig, dpi=None):
    """Render ``fig`` to PNG bytes."""
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=dpi)
    return buf.getvalue()


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
    rows[:, 1:] = rgb.reshape(height, 3 * width)
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)  # 8-bit RGB, no interlace
    return (b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", header) + _chunk(b"IDAT", zlib.compress(rows.tobytes(), 1))
            + _chunk(b"IEND", b""))

