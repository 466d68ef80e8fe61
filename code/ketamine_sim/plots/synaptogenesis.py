"""Figures of the synaptogenesis chapter: the chain lighting up, spines over weeks, spines beside SV2A.
No model maths: every number comes from a result object (see ``widgets.synaptogenesis``)."""

import numpy as np

from ketamine_sim.plots.core import _fresh, _live, _remember, narrow_layout
from ketamine_sim.style import OKABE_ITO, color, decorate


def chain(fig, c):
    """Stages (rows) × hours (columns), brightness = fraction of the unblocked peak.  ``c`` has ``lights``
    (a :class:`synapses.ChainLights`), ``labels`` and ``title``."""
    lights = c.lights
    st = _live(fig, chain)
    if st is None:
        _fresh(fig)
        narrow_layout(fig, 4.2)
        ax = fig.subplots()
        im = ax.imshow(np.clip(lights.lights, 0, 1), aspect="auto", cmap="viridis", vmin=0, vmax=1,
                       extent=(0, lights.t_h[-1], len(c.labels) - 0.5, -0.5), interpolation="nearest")
        ax.set_yticks(range(len(c.labels)), c.labels)
        decorate(ax, xlabel="hours after the start of the infusion")
        ax.grid(False)
        bar = fig.colorbar(im, ax=ax, fraction=0.05, pad=0.02)
        bar.set_label("fraction of the unblocked peak")
        st = _remember(fig, chain, [ax], im=im, title=fig.suptitle("", wrap=True))
    st.artists["im"].set_data(np.clip(lights.lights, 0, 1))
    st.artists["title"].set_text(c.title)
    st.dynamic = [st.artists["im"], st.artists["title"]]
    return fig


def weeks(fig, w):
    """Formation and elimination per day (left) and spine density (right) over weeks; doses marked.
    ``w`` has ``result`` (a plasticity result), ``no_drug_days``, ``dose_days`` and ``title``."""
    r = w.result
    days = r.t_h / 24.0
    st = _live(fig, weeks)
    if st is None:
        _fresh(fig)
        narrow = narrow_layout(fig, 6.0)
        rate_ax, dens_ax = fig.subplots(2, 1) if narrow else fig.subplots(1, 2)
        form, = rate_ax.plot(days, r.formation_rate_per_day, color=color("bdnf"), label="formation")
        elim, = rate_ax.plot(days, r.elimination_rate_per_day * r.spine_density, color=OKABE_ITO["black"],
                             ls="--", label="elimination")
        decorate(rate_ax, title="Spines formed and lost", xlabel="days after the first infusion",
                 ylabel="per day (× baseline density)", xlim=(0, days[-1]), ylim=(0.19, 0.27))
        rate_ax.legend(loc="upper right", fontsize="x-small")
        dens, = dens_ax.plot(days, 100 * (r.spine_density - 1), color=color("bdnf"))
        dens_ax.axhline(0.0, color=color("reference"), lw=0.8)
        decorate(dens_ax, title="Spine density", xlabel="days after the first infusion",
                 ylabel="change from depressed baseline (%)", xlim=(0, days[-1]), ylim=(-0.3, 6.0))
        ticks = dens_ax.vlines([], -0.2, 0.3, color=color("ketamine"), lw=2)
        st = _remember(fig, weeks, [rate_ax, dens_ax], form=form, elim=elim, dens=dens, ticks=ticks,
                       title=fig.suptitle("", wrap=True))
    a = st.artists
    a["form"].set_data(days, r.formation_rate_per_day)
    a["elim"].set_data(days, r.elimination_rate_per_day * r.spine_density)
    a["dens"].set_data(days, 100 * (r.spine_density - 1))
    a["ticks"].set_segments([[(d, -0.2), (d, 0.3)] for d in w.dose_days])
    a["title"].set_text(w.title)
    st.dynamic = [a["form"], a["elim"], a["dens"], a["ticks"], a["title"]]
    return fig


def sv2a(fig, s):
    """Spine rise and SV2A rise (%) over two weeks, with the human 24-h PET result marked.
    ``s`` has ``course`` (a :class:`synapses.SpinesAndSv2a`), ``human_h`` and ``title``."""
    c = s.course
    days = c.t_h / 24.0
    st = _live(fig, sv2a)
    if st is None:
        _fresh(fig)
        narrow_layout(fig, 4.0)
        ax = fig.subplots()
        sp, = ax.plot(days, 100 * (c.spine_density - 1), color=color("bdnf"), label="spine density (rodent-based)")
        sv, = ax.plot(days, 100 * (c.sv2a - 1), color=color("ketamine"), ls="--", label="SV2A readout (model)")
        ax.axhline(0.0, color=color("reference"), lw=0.8)
        ax.plot([s.human_h / 24.0], [0.0], "D", color=OKABE_ITO["black"], ms=8,
                label="human PET at 24 h: no mean change (Holmes 2022)")
        decorate(ax, xlabel="days after one infusion", ylabel="change from baseline (%)", xlim=(0, days[-1]),
                 ylim=(-0.2, 1.3))
        ax.legend(loc="upper right", fontsize="x-small")
        st = _remember(fig, sv2a, [ax], sp=sp, sv=sv, title=fig.suptitle("", wrap=True))
    a = st.artists
    a["sp"].set_data(days, 100 * (c.spine_density - 1))
    a["sv"].set_data(days, 100 * (c.sv2a - 1))
    a["title"].set_text(s.title)
    st.dynamic = [a["sp"], a["sv"], a["title"]]
    return fig
