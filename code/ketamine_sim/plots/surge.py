"""Figures of the glutamate surge chapter: the virtual NBQX experiment, glutamate over dose and time, and the AMPA and
NMDA currents at the surge.  No model maths: every number comes from a result object (see ``widgets.surge``)."""

import numpy as np

from ketamine_sim.plots.core import _fresh, _live, _remember, narrow_layout
from ketamine_sim.style import OKABE_ITO, color, decorate

ARM_COLOURS = (OKABE_ITO["grey"], color("ketamine"), color("ampa"), OKABE_ITO["black"])
ARM_TICKS = ("veh", "ket", "NBQX", "both")
PANELS = (("ampa_peak", "AMPA throughput\n(peak, × baseline)", (0, 1.5)),
          ("bdnf_peak", "Extra BDNF\n(peak)", (0, 0.5)),
          ("potentiation", "Potentiation\n(at readout)", (0, 0.03)),
          ("spine_rise", "Spine rise\n(at readout)", (0, 0.02)))


def nbqx(fig, e):
    """Four panels of four bars (vehicle, ketamine, NBQX, both).  ``e`` has ``arms`` and ``title``."""
    st = _live(fig, nbqx)
    if st is None:
        _fresh(fig)
        narrow = narrow_layout(fig, 6.0)
        axes = fig.subplots(2, 2).ravel() if narrow else fig.subplots(1, 4)
        bars = []
        for ax, (_, label, ylim) in zip(axes, PANELS, strict=True):
            bars.append(ax.bar(range(4), np.zeros(4), color=ARM_COLOURS))
            decorate(ax, title=label, ylim=ylim)
            ax.set_xticks(range(4), ARM_TICKS, fontsize="small")
            ax.grid(axis="x", visible=False)
        axes[0].axhline(1.0, color=color("reference"), lw=0.8)
        st = _remember(fig, nbqx, list(axes), bars=bars, title=fig.suptitle("", wrap=True))
    for group, (field, _, _) in zip(st.artists["bars"], PANELS, strict=True):
        for bar, arm in zip(group, e.arms, strict=True):
            bar.set_height(getattr(arm, field))
    st.artists["title"].set_text(e.title)
    st.dynamic = [*(b for g in st.artists["bars"] for b in g), st.artists["title"]]
    return fig


def increase_decrease(fig, g):
    """Glutamate after one infusion over time (time marked) and at held concentrations (brain level at that time
    marked).  ``g`` has ``result`` (a :class:`surge.GlutamateAfterDose`), ``t_h``, ``human_rise``, ``human_min``,
    ``anaesthetic_uM`` (low, high), ``rat_text`` and ``title``."""
    r = g.result
    t_min = r.t_h * 60.0
    now_c = float(np.interp(g.t_h, r.t_h, r.ketamine_uM))
    st = _live(fig, increase_decrease)
    if st is None:
        _fresh(fig)
        narrow = narrow_layout(fig, 6.4)
        course_ax, held_ax = fig.subplots(2, 1) if narrow else fig.subplots(1, 2)
        glu, = course_ax.plot(t_min, r.glutamate_rel, color=color("glutamate"), label="model, after this dose")
        course_ax.axhline(1.0, color=color("reference"), lw=0.8)
        course_ax.hlines(1.0 + g.human_rise, 0, g.human_min, color=OKABE_ITO["black"], ls="--", lw=1.5,
                         label=f"human +{g.human_rise:.0%} (0.5 mg/kg, fit target)")
        now = course_ax.axvline(0, color=color("ketamine"), ls=":", lw=1.5)
        decorate(course_ax, title="Glutamate after one 40-min infusion", ylabel="× drug-free", ylim=(0.6, 1.45),
                 xlabel="minutes from the start of the infusion", xlim=(0, t_min[-1]))
        course_ax.legend(loc="lower left", fontsize="x-small")
        held_ax.plot(r.conc_uM, r.steady_glutamate_rel, color=color("glutamate"))
        held_ax.axhline(1.0, color=color("reference"), lw=0.8)
        held_ax.axvspan(*g.anaesthetic_uM, color=color("reference"), alpha=0.15, lw=0)
        held_ax.text(np.sqrt(np.prod(g.anaesthetic_uM)), 1.4, "human\nanaesthesia", ha="center", va="top",
                     fontsize="x-small", color=color("reference"))
        held_ax.text(0.03, 0.04, g.rat_text, transform=held_ax.transAxes, fontsize="x-small", va="bottom",
                     color=OKABE_ITO["black"])
        dot, = held_ax.plot([now_c], [1.0], "o", color=color("ketamine"), ms=8)
        held_ax.set_xscale("log")
        decorate(held_ax, title="Held concentration (steady state)", ylabel="× drug-free", ylim=(0.3, 1.45),
                 xlabel="brain ketamine (µM, log)", xlim=(r.conc_uM[0], r.conc_uM[-1]))
        st = _remember(fig, increase_decrease, [course_ax, held_ax], glu=glu, now=now, dot=dot,
                       title=fig.suptitle("", wrap=True))
    a = st.artists
    a["glu"].set_data(t_min, r.glutamate_rel)
    a["now"].set_xdata([60.0 * g.t_h] * 2)
    a["dot"].set_data([np.clip(now_c, r.conc_uM[0], r.conc_uM[-1])],
                      [float(np.interp(np.log(max(now_c, r.conc_uM[0])), np.log(r.conc_uM), r.steady_glutamate_rel))])
    a["title"].set_text(g.title)
    st.dynamic = [a["glu"], a["now"], a["dot"], a["title"]]
    return fig


def currents(fig, s):
    """AMPA and NMDA currents without and with ketamine, as bars (inward current drawn upward).  ``s`` has
    ``currents`` (a :class:`surge.SynapseCurrents`) and ``title``."""
    c = s.currents
    heights = [-c.ampa_free_pA, -c.ampa_drug_pA, -c.nmda_free_pA, -c.nmda_drug_pA]
    st = _live(fig, currents)
    if st is None:
        _fresh(fig)
        narrow_layout(fig, 4.0)
        ax = fig.subplots()
        bars = ax.bar([0, 1, 3, 4], np.zeros(4), color=[color("ampa"), color("ampa"), color("glutamate"),
                                                        color("glutamate")])
        for b in (bars[1], bars[3]):
            b.set_hatch("//")
            b.set_edgecolor(color("ketamine"))
        ax.set_xticks([0, 1, 3, 4], ["AMPA\nno drug", "AMPA\nketamine", "NMDA\nno drug", "NMDA\nketamine"])
        decorate(ax, ylabel="inward current (pA per nS)", ylim=(0, 16))
        ax.grid(axis="x", visible=False)
        st = _remember(fig, currents, [ax], bars=list(bars), title=fig.suptitle("", wrap=True))
    for bar, h in zip(st.artists["bars"], heights, strict=True):
        bar.set_height(h)
    st.artists["title"].set_text(s.title)
    st.dynamic = [*st.artists["bars"], st.artists["title"]]
    return fig
