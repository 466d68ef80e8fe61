"""Figures of the chapter "Beyond depression": concentration courses against the reported plasma bands, and the
NMDA block each dose reaches.  No model maths: every number comes from a result object (``widgets.indications``).
"""

import numpy as np

from ketamine_sim.plots.core import _fresh, _live, _remember, narrow_layout
from ketamine_sim.style import OKABE_ITO, color, decorate

BAND_COLOURS = {"analgesia": OKABE_ITO["sky"], "dissociation": OKABE_ITO["orange"],
                "anaesthesia": OKABE_ITO["vermillion"]}
T_LIM_MIN = (0.1, 360.0)
CONC_LIM_UM = (0.02, 40.0)
LABEL_AT = (((5, -11), "left"), ((-6, 5), "right"), ((6, -11), "left"), ((-6, 5), "right"))  # regimen names


def _minutes(t_h):
    """Times in minutes, the first (t = 0) moved onto the log axis's left edge."""
    return np.maximum(60.0 * t_h, T_LIM_MIN[0])


def _bands(ax, bands, labels=True):
    for b in bands:
        ax.axhspan(b.low_uM, b.high_uM, color=BAND_COLOURS[b.name], alpha=0.25, lw=0)
        if labels:
            ax.text(T_LIM_MIN[1], np.sqrt(b.low_uM * b.high_uM), b.label, ha="right", va="center",
                    fontsize="x-small", color=OKABE_ITO["black"],
                    bbox=dict(facecolor="white", alpha=0.75, lw=0, pad=1.0), zorder=1.5)


def courses(fig, v):
    """Plasma (solid) and brain (dashed) ketamine on log axes over six hours, the reported bands shaded and the
    label's 30-s onset of anaesthesia marked.  ``v`` has ``course`` (an :class:`indications.Course`), ``bands``,
    ``onset_min`` and ``title``."""
    c = v.course
    st = _live(fig, courses)
    if st is None:
        _fresh(fig)
        narrow_layout(fig, 4.4)
        ax = fig.subplots()
        _bands(ax, v.bands)
        ax.axvline(v.onset_min, color=OKABE_ITO["grey"], ls=":", lw=1.2)
        ax.text(v.onset_min * 1.1, CONC_LIM_UM[0] * 1.3, "30 s", fontsize="x-small", va="bottom",
                color=OKABE_ITO["grey"])
        plasma, = ax.plot(_minutes(c.t_h), c.plasma_uM, color=color("ketamine"), label="plasma")
        brain, = ax.plot(_minutes(c.t_h), c.brain_uM, color=OKABE_ITO["black"], ls="--", label="brain (effect site)")
        ax.set_xscale("log")
        ax.set_yscale("log")
        decorate(ax, xlabel="minutes after the dose starts (log scale)", ylabel="ketamine (µM, log scale)",
                 xlim=T_LIM_MIN, ylim=CONC_LIM_UM)
        ax.legend(loc="upper center", ncols=2, fontsize="x-small")
        st = _remember(fig, courses, [ax], plasma=plasma, brain=brain, title=fig.suptitle("", wrap=True))
    a = st.artists
    a["plasma"].set_data(_minutes(c.t_h), np.maximum(c.plasma_uM, 1e-6))
    a["brain"].set_data(_minutes(c.t_h), np.maximum(c.brain_uM, 1e-6))
    a["title"].set_text(v.title)
    st.dynamic = [a["plasma"], a["brain"], a["title"]]
    return fig


def block(fig, v):
    """Left: NMDA block over time (kinetic, solid; at equilibrium with the brain level, dotted), with the block at
    the lower edge of each band.  Right: peak block against IV dose for the chosen delivery, the chosen dose and
    the four regimens marked.  ``v`` has ``course``, ``curve`` (an :class:`indications.DoseBlock`), ``dose_mg_per_kg``,
    ``edges`` ({band: block at its low edge}), ``regimens`` ((short label, mg/kg, peak block) ...) and ``title``."""
    c, d = v.course, v.curve
    st = _live(fig, block)
    if st is None:
        _fresh(fig)
        narrow = narrow_layout(fig, 6.4)
        time_ax, dose_ax = fig.subplots(2, 1) if narrow else fig.subplots(1, 2)
        for ax in (time_ax, dose_ax):
            for name, level in v.edges.items():
                ax.axhline(100 * level, color=BAND_COLOURS[name], lw=1.5, ls="-.")
        kinetic, = time_ax.plot(_minutes(c.t_h), 100 * c.block, color=color("ketamine"), label="block")
        equil, = time_ax.plot(_minutes(c.t_h), 100 * c.block_equilibrium, color=OKABE_ITO["black"], ls=":",
                              label="if in equilibrium")
        time_ax.set_xscale("log")
        decorate(time_ax, title="Block over time (20-Hz synapses)", xlabel="minutes after the dose (log scale)",
                 ylabel="NMDA current blocked (%)", xlim=T_LIM_MIN, ylim=(0, 100))
        time_ax.legend(loc="upper left", fontsize="x-small")
        curve, = dose_ax.plot(d.dose_mg_per_kg, 100 * d.peak_block, color=color("ketamine"))
        marker, = dose_ax.plot([], [], "o", color=color("ketamine"), ms=9, mfc="none", mew=2)
        regs, = dose_ax.plot([], [], "D", color=OKABE_ITO["black"], ms=5, ls="none")
        names = [dose_ax.annotate(label, (1.0, 0.0), xytext=off, textcoords="offset points", ha=ha,
                                  fontsize="x-small", annotation_clip=False)
                 for (label, _, _), (off, ha) in zip(v.regimens, LABEL_AT, strict=True)]
        for name in names:
            name.set_in_layout(False)  # they move with the unblocking rate; the frozen live layout must not
        for name, level in v.edges.items():
            dose_ax.text(d.dose_mg_per_kg[0], 100 * level + 1.5, f"{name} band starts", fontsize="x-small",
                         color=OKABE_ITO["black"])
        dose_ax.set_xscale("log")
        decorate(dose_ax, title="Peak block against IV dose", xlabel="dose (mg/kg, log scale)",
                 ylabel="peak NMDA block (%)", ylim=(0, 100))
        st = _remember(fig, block, [time_ax, dose_ax], kinetic=kinetic, equil=equil, curve=curve, marker=marker,
                       regs=regs, names=names, title=fig.suptitle("", wrap=True))
    a = st.artists
    a["kinetic"].set_data(_minutes(c.t_h), 100 * c.block)
    a["equil"].set_data(_minutes(c.t_h), 100 * c.block_equilibrium)
    a["curve"].set_data(d.dose_mg_per_kg, 100 * d.peak_block)
    a["marker"].set_data([v.dose_mg_per_kg], [100 * c.peak("block")])
    a["regs"].set_data([r[1] for r in v.regimens], [100 * r[2] for r in v.regimens])
    for text, (_, mg_per_kg, peak) in zip(a["names"], v.regimens, strict=True):
        text.xy = (mg_per_kg, 100 * peak)
    a["title"].set_text(v.title)
    st.dynamic = [a["kinetic"], a["equil"], a["curve"], a["marker"], a["regs"], *a["names"], a["title"]]
    return fig
