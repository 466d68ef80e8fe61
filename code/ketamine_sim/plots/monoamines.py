"""Figures of the monoamine time lag chapter: an SSRI course panel by panel, and ketamine against an SSRI on one
log-time axis.  No model maths: every number comes from a result object (see ``widgets.monoamines``)."""

import numpy as np

from ketamine_sim.plots.core import _fresh, _live, _remember, narrow_layout
from ketamine_sim.style import OKABE_ITO, color, decorate

EFFECT_COLOUR = OKABE_ITO["black"]  # the clinical effect is no molecular actor
WEEK_MARK = 8.0  # STAR*D: many responses came at or after week 8 (Trivedi2006)


def ssri_course(fig, course):
    """Four panels over weeks of daily SSRI: transporter occupancy, serotonin, the slow variables, the effect.

    ``course`` has ``hypothesis_label``, ``tau_days`` and ``result`` (a :class:`monoamines.SsriResult`).
    """
    r = course.result
    weeks = r.t_days / 7.0
    st = _live(fig, ssri_course)
    if st is None:
        _fresh(fig)
        narrow = narrow_layout(fig, 8.4)
        axes = fig.subplots(4, 1, sharex=True) if narrow else fig.subplots(2, 2, sharex=True)
        occ_ax, ser_ax, slow_ax, eff_ax = axes.ravel()
        occ, = occ_ax.plot(weeks, 100 * r.occupancy, color=color("reference"))
        decorate(occ_ax, title="1. Transporter (SERT) blocked", ylabel="occupancy (%)", ylim=(0, 100))
        raphe, = ser_ax.plot(weeks, r.raphe_serotonin_rel, ls="--", color=color("serotonin"), label="raphe")
        term, = ser_ax.plot(weeks, r.serotonin_rel, color=color("serotonin"), label="forebrain terminals")
        decorate(ser_ax, title="2. Extracellular serotonin", ylabel="× baseline", ylim=(0.8, 3.2))
        ser_ax.legend(loc="lower right")
        sens, = slow_ax.plot(weeks, r.autoreceptor_sensitivity, ls=":", color=color("serotonin"),
                             label="5-HT1A autoreceptor sensitivity")
        down, = slow_ax.plot(weeks, r.downstream, color=color("bdnf"), label="slow downstream drive")
        decorate(slow_ax, title="3. The slow variables", ylabel="fraction (0–1)", ylim=(-0.05, 1.55),
                 xlabel=None if narrow else "weeks of daily SSRI")
        slow_ax.set_yticks([0, 0.5, 1])
        slow_ax.legend(loc="upper right", fontsize="small")
        eff, = eff_ax.plot(weeks, r.effect, color=EFFECT_COLOUR, lw=2.5)
        eff_ax.axvline(WEEK_MARK, color=color("reference"), ls=":", lw=1)
        eff_ax.text(WEEK_MARK, 0.04, " week 8", color=color("reference"), fontsize="small")
        decorate(eff_ax, title="4. Antidepressant effect", ylabel="effect (0–1, model scale)", ylim=(0, 1.05),
                 xlabel="weeks of daily SSRI", xlim=(0, 16))
        st = _remember(fig, ssri_course, axes.ravel(), lines=[occ, raphe, term, sens, down, eff],
                       title=fig.suptitle(""))
    lines, series = st.artists["lines"], [100 * r.occupancy, r.raphe_serotonin_rel, r.serotonin_rel,
                                          r.autoreceptor_sensitivity, r.downstream, r.effect]
    for line, y in zip(lines, series, strict=True):
        line.set_data(weeks, y)
    st.artists["title"].set_text(f"{course.hypothesis_label} hypothesis, adaptation τ = {course.tau_days:.0f} days")
    st.dynamic = [*lines, st.artists["title"]]
    return fig


_TICKS_H = [(1.0, "1 h"), (6.0, "6 h"), (24.0, "1 day"), (168.0, "1 week"), (720.0, "1 month"),
            (2160.0, "3 months")]
_NARROW_TICKS_H = [(1.0, "1 h"), (24.0, "1 d"), (168.0, "1 wk"), (2160.0, "3 mo")]


def _log_time_axis(ax, t_h, narrow=False):
    ticks = _NARROW_TICKS_H if narrow else _TICKS_H
    ax.set_xscale("log")
    ax.set_xlim(t_h[0], t_h[-1])
    ax.set_xticks([t for t, _ in ticks], [label for _, label in ticks])
    ax.minorticks_off()


def hours_vs_weeks(fig, c):
    """Ketamine (one infusion) and an SSRI (daily from t = 0) on one log-time axis: the drug's action above, the
    clinical effect below, each as a fraction of its own peak; a cursor reads both at ``c.cursor_h``."""
    st = _live(fig, hours_vs_weeks)
    if st is None:
        _fresh(fig)
        narrow = narrow_layout(fig, 6.0)
        top, bottom = fig.subplots(2, 1, sharex=True)
        k_drug, = top.plot(c.t_h, c.ketamine_brain_rel, color=color("ketamine"), label="ketamine in the brain")
        s_drug, = top.plot(c.t_h, c.ssri_occupancy_rel, color=color("serotonin"), label="SSRI: transporter blocked")
        decorate(top, title="The drug at its target", ylabel="fraction of largest",
                 ylim=(0, 1.1) if narrow else (0, 1.5))
        top.set_yticks([0, 0.5, 1])
        if not narrow:
            top.legend(loc="upper center", ncol=2, fontsize="small")
        k_eff, = bottom.plot(c.t_h, c.ketamine_effect_rel, color=color("ketamine"), lw=2.5,
                             label="ketamine, one infusion")
        s_eff, = bottom.plot(c.t_h, c.ssri_effect_rel, color=color("serotonin"), lw=2.5, label="SSRI, daily")
        decorate(bottom, title="Antidepressant effect", ylabel="fraction of largest", ylim=(0, 1.1),
                 xlabel="time since the first dose (log scale)")
        if narrow:  # one legend below: the colours mean the same drug in both panels
            fig.legend([k_eff, s_eff], ["ketamine, one infusion", "SSRI, daily from day 0"],
                       loc="outside lower center", ncols=1)
        else:
            bottom.legend(loc="upper left", fontsize="small")
        _log_time_axis(bottom, c.t_h, narrow)
        gap = bottom.annotate("", xy=(1, 0.5), xytext=(1, 0.5),
                              arrowprops=dict(arrowstyle="<->", color=color("reference"), lw=1.2))
        gap_label = bottom.text(1, 0.56, "", ha="center", color=color("reference"), fontsize="small",
                                bbox=dict(facecolor="white", edgecolor="none", pad=1))
        cursors = [ax.axvline(c.cursor_h, color=color("reference"), lw=1) for ax in (top, bottom)]
        dots, = bottom.plot([], [], "o", mfc="white", mew=2, ms=7, color=color("reference"))
        st = _remember(fig, hours_vs_weeks, [top, bottom], lines=[k_drug, s_drug, k_eff, s_eff], gap=gap,
                       gap_label=gap_label, cursors=cursors, dots=dots)
    a = st.artists
    for line, y in zip(a["lines"], [c.ketamine_brain_rel, c.ssri_occupancy_rel, c.ketamine_effect_rel,
                                     c.ssri_effect_rel], strict=True):
        line.set_data(c.t_h, y)
    a["gap"].xy, a["gap"].xyann = (c.ssri_effect_half_h, 0.5), (c.ketamine_effect_half_h, 0.5)
    a["gap_label"].set_position((np.sqrt(c.ssri_effect_half_h * c.ketamine_effect_half_h), 0.56))
    a["gap_label"].set_text(f"× {c.lag_factor:.0f} later")
    for line in a["cursors"]:
        line.set_xdata([c.cursor_h, c.cursor_h])
    a["dots"].set_data([c.cursor_h, c.cursor_h], [c.ketamine_at_cursor, c.ssri_at_cursor])
    st.dynamic = [*a["lines"], a["gap"], a["gap_label"], *a["cursors"], a["dots"]]
    return fig
