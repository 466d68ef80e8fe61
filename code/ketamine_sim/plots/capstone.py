"""Figures of the capstone: every stage of the cascade stacked over one time axis (minutes to weeks), the ranking
of the ASSUMED numbers, and the chain with each link switched off.  No model maths: every number comes from a
result object (see ``widgets.capstone``)."""

import numpy as np
from matplotlib.patches import Patch

from ketamine_sim.plots.core import _fresh, _live, _remember, narrow_layout
from ketamine_sim.style import OKABE_ITO, color, decorate

STAGE_COLOURS = {"pharmacokinetics": color("ketamine"), "circuit": color("gaba"), "plasticity": color("bdnf"),
                 "clinical": OKABE_ITO["black"]}
_X_LIM_H = (0.1, 8 * 7 * 24.0)
_DAY_TICKS_H = (1.0, 24.0, 7 * 24.0, 28 * 24.0)
_DAY_TICK_LABELS = ("1 h", "1 day", "1 wk", "4 wk")


def _curves(c):
    """The (panel, key) → (x, y) data of the dashboard for a result ``c`` (see widgets.capstone.Dashboard)."""
    r = c.result
    t = r.t_h
    return {
        "plasma": (t, r.plasma_uM), "brain": (t, r.brain_uM),
        "block_i": (t, 100 * r.circuit.interneuron_block), "block_e": (t, 100 * r.circuit.pyramidal_block),
        "glu": (t, 100 * (r.circuit.glutamate_rel - 1)), "bdnf": (t, 100 * r.plasticity.trkb),
        "pot": (t, 100 * r.plasticity.potentiation), "spines": (t, 100 * (r.plasticity.spine_density - 1)),
        "effect": (t, r.effect), "ssri": (c.ssri_t_h, c.ssri_effect),
    }


def dashboard(fig, c):
    """Five stacked panels over log time: ketamine, NMDA block, glutamate and TrkB, synapses, symptoms (with the
    SSRI course and the relapse threshold).  ``c`` has ``result`` (a cascade result), ``ssri_t_h``,
    ``ssri_effect`` and ``dose_h``.  No title: drawing text is most of a live update's cost, and the explorer's
    readout names the dose and schedule."""
    data = _curves(c)
    st = _live(fig, dashboard)
    if st is None:
        _fresh(fig)
        narrow_layout(fig, 6.4)
        axes = fig.subplots(5, 1, sharex=True)
        style = {"plasma": ("plasma", color("ketamine"), "-"), "brain": ("brain", color("ketamine"), ":"),
                 "block_i": ("interneurons", color("interneuron"), "-"),
                 "block_e": ("pyramidal cells", color("pyramidal"), "--"),
                 "glu": ("glutamate", color("glutamate"), "-"), "bdnf": ("TrkB activation", color("bdnf"), "--"),
                 "pot": ("potentiation", color("ampa"), "-"), "spines": ("spines", color("bdnf"), "-"),
                 "effect": ("ketamine", color("ketamine"), "-"), "ssri": ("daily SSRI", color("serotonin"), "--")}
        panel = {"plasma": 0, "brain": 0, "block_i": 1, "block_e": 1, "glu": 2, "bdnf": 2, "pot": 3, "spines": 3,
                 "effect": 4, "ssri": 4}
        lines = {}
        for key, (label, col, ls) in style.items():
            lines[key], = axes[panel[key]].plot(*data[key], color=col, ls=ls, label=label, lw=1.6)
        limits = ((0, 2.2), (0, 60), (-3, 40), (0, 7), (0, 1))
        ylabels = ("ketamine (µM)", "NMDA block (%)", "rise (%)", "rise (%)", "effect (0–1)")
        titles = ("Dose: plasma and brain", "Receptor: block on each cell type", "Circuit and signalling",
                  "Synapses", "Mood: ketamine beside a daily SSRI")
        for ax, ylim, ylabel, title in zip(axes, limits, ylabels, titles, strict=True):
            ax.set_xscale("log")
            decorate(ax, ylabel=ylabel, ylim=ylim, xlim=_X_LIM_H)
            ax.set_title(title, loc="left", fontsize="small")
            ax.legend(loc="upper right", fontsize="x-small", ncols=2)
        thr = axes[4].axhline(c.result.relapse_threshold, color=color("reference"), lw=0.9, ls=":")
        axes[4].set_xticks(_DAY_TICKS_H, _DAY_TICK_LABELS)
        axes[4].set_xlabel("time after the first dose (log scale)")
        ticks = axes[4].vlines([], 0.0, 0.08, color=color("ketamine"), lw=2)
        st = _remember(fig, dashboard, list(axes), ticks=ticks, thr=thr, **lines)
    a = st.artists
    for key, xy in data.items():
        a[key].set_data(*xy)
    a["ticks"].set_segments([[(h, 0.0), (h, 0.08)] for h in c.dose_h])
    st.dynamic = [a[k] for k in data] + [a["ticks"]]
    return fig


def ranking(fig, r):
    """Horizontal bars of Morris μ* for one outcome, most influential on top, coloured by stage, σ as dots.
    ``r`` has ``labels``, ``stages``, ``mu_star``, ``sigma``, ``unit``, ``xmax`` and ``title`` (most influential
    first).  Live: bars, dots, labels and title are updated in place (the number of bars never changes); each
    label costs a live update about as much as everything else, so the explorer shows a dozen, not all."""
    y = np.arange(len(r.labels))
    st = _live(fig, ranking)
    if st is None:
        _fresh(fig)
        narrow_layout(fig, 6.4)
        ax = fig.subplots()
        bars = ax.barh(y, r.mu_star, height=0.7)
        dots, = ax.plot(r.sigma, y, "o", ms=3, color=color("reference"), label="σ (interactions, curvature)")
        ax.set_yticks(y, [""] * len(y))
        ax.set_ylim(len(y) - 0.5, -0.5)
        ax.set_xlim(0.0, r.xmax)
        names = [ax.text(-0.01 * r.xmax, k, "", ha="right", va="center", fontsize="small") for k in y]
        ax.grid(axis="y", visible=False)
        handles = [dots] + [Patch(color=col, label=stage) for stage, col in STAGE_COLOURS.items()]
        fig.legend(handles=handles, loc="outside lower center", ncols=2, fontsize="x-small")
        ax.tick_params(axis="y", left=False)
        xlabel = ax.set_xlabel("")
        st = _remember(fig, ranking, [ax], bars=bars, dots=dots, names=names, xlabel=xlabel,
                       title=fig.suptitle("", fontsize="medium"))
    a = st.artists
    for bar, width, stage in zip(a["bars"], r.mu_star, r.stages, strict=True):
        bar.set_width(width)
        bar.set_color(STAGE_COLOURS[stage])
    a["dots"].set_data(r.sigma, y)
    for text, label in zip(a["names"], r.labels, strict=True):
        text.set_text(label)
    a["xlabel"].set_text(f"μ*: mean change over the range ({r.unit})")
    a["title"].set_text(r.title)
    st.dynamic = [*a["bars"], a["dots"], *a["names"], a["xlabel"], a["title"]]
    return fig


def links_off(fig, rows):
    """Bars of the 24-h improvement (top) and the duration (below) with each link switched off (``rows`` of
    LinkOff), coloured by whether the experiment agrees; one column, so a phone keeps the same layout."""
    _fresh(fig)
    top, bottom = fig.subplots(2, 1)
    y = np.arange(len(rows))
    labels = [r.link.split(" (")[0] for r in rows]
    colours = {"agrees": OKABE_ITO["green"], "partly": OKABE_ITO["orange"], "disagrees": OKABE_ITO["vermillion"]}
    for ax, values in ((top, [r.madrs_24h for r in rows]), (bottom, [r.duration_days for r in rows])):
        ax.barh(y, values, color=[colours[r.agrees] for r in rows])
        ax.set_yticks(y, labels, fontsize="small")
        ax.invert_yaxis()
        ax.grid(axis="y", visible=False)
    decorate(top, title="24-h improvement", xlabel="MADRS points (drug-specific)")
    decorate(bottom, title="Duration of benefit", xlabel="days")
    for word in dict.fromkeys(r.agrees for r in rows):
        bottom.barh([np.nan], [np.nan], color=colours[word], label=f"experiment {word}")
    bottom.legend(loc="lower right", fontsize="x-small")
    return fig
