"""Figures of the fading chapter: one infusion's two components and relapse spread, the schedule planner, and
the relapse curves of a virtual withdrawal trial.  No model maths: every number comes from a result object
(see ``widgets.fading``)."""

import numpy as np

from ketamine_sim.plots.core import _fresh, _live, _remember, narrow_layout
from ketamine_sim.style import OKABE_ITO, color, decorate

KEPT, STOPPED = color("ketamine"), color("reference")
HR_LIM = (0.003, 3.0)


def format_hr(hr):
    """A hazard ratio as text: two significant digits, '< 0.01' below that."""
    if not np.isfinite(hr) or hr < 0.01:
        return "< 0.01" if np.isfinite(hr) or hr == 0 else "n/a"
    return f"{hr:.2g}"


def one_infusion(fig, o):
    """Left: weighted fast and slow components and the effect (with rapamycin dashed), threshold marked.
    Right: histogram of the virtual patients' relapse days with the published window shaded.  One-shot."""
    _fresh(fig)
    narrow = narrow_layout(fig, 6.2)
    comp_ax, hist_ax = fig.subplots(2, 1) if narrow else fig.subplots(1, 2, width_ratios=[1.3, 1])
    comp_ax.plot(o.days, o.functional, color=color("ampa"), label="fast: functional")
    comp_ax.plot(o.days, o.structural, color=color("bdnf"), label="slow: structural")
    comp_ax.plot(o.days, o.effect, color=color("ketamine"), label="effect")
    comp_ax.plot(o.days, o.effect_rapamycin, color=color("ketamine"), ls="--", label="effect with rapamycin")
    comp_ax.axhline(o.threshold, color=OKABE_ITO["black"], lw=0.8, ls=":", label="relapse threshold")
    decorate(comp_ax, title="One infusion, the average patient", xlabel="days after the infusion",
             ylabel="share of the drive / effect (0–1)", xlim=(0, o.days[-1]), ylim=(0, 0.6))
    comp_ax.legend(loc="upper right", fontsize="x-small")
    hist_ax.axvspan(*o.window, color=color("reference"), alpha=0.2, lw=0, label="published 3–14 days")
    hist_ax.hist(o.relapse_days, bins=np.arange(0.0, 30.5, 1.0), color=color("ketamine"), alpha=0.85,
                 label="virtual patients")
    decorate(hist_ax, title="When each patient relapses", xlabel="days after the infusion", ylabel="patients",
             xlim=(0, 30))
    hist_ax.legend(loc="upper right", fontsize="x-small")
    return fig


def planner(fig, p):
    """MADRS over twelve weeks: the population's band, the average patient, the relapse threshold and the
    response line; infusions marked.  ``p`` is a ``widgets.fading.Plan``."""
    st = _live(fig, planner)
    if st is None:
        _fresh(fig)
        narrow = narrow_layout(fig, 5.4)
        ax = fig.subplots()
        band = ax.fill_between([0, 1], [0, 0], [0, 0], color=color("ketamine"), alpha=0.2, lw=0,
                               label="middle 80% of patients")
        avg, = ax.plot([], [], color=color("ketamine"), label="average patient")
        thr = ax.axhline(p.threshold_madrs, color=OKABE_ITO["black"], lw=1, ls="--",
                         label="relapse threshold (average patient)")
        resp = ax.axhline(p.response_madrs, color=color("reference"), lw=1, ls=":", label="response (half of baseline)")
        ticks = ax.vlines([], 0.0, 2.0, color=color("ketamine"), lw=2)
        decorate(ax, xlabel="days after the first infusion", ylabel="MADRS (points)", xlim=(0, p.days[-1]),
                 ylim=(0, 45))
        if narrow:  # on a phone the legend goes below the axes
            fig.legend(*ax.get_legend_handles_labels(), loc="outside lower center", fontsize="x-small", ncols=2)
        else:
            ax.legend(loc="upper right", fontsize="x-small", ncols=2)
        st = _remember(fig, planner, [ax], band=band, avg=avg, thr=thr, resp=resp, ticks=ticks,
                       title=fig.suptitle("", wrap=True))
    a = st.artists
    a["band"].set_data(p.days, p.low, p.high)
    a["avg"].set_data(p.days, p.average)
    a["ticks"].set_segments([[(d, 0.0), (d, 2.0)] for d in p.dose_days])
    a["title"].set_text(p.title)
    st.dynamic = [a["band"], a["avg"], a["ticks"], a["title"]]
    return fig


def _hr_row(ax, y, color_, label):
    ci, = ax.plot([], [], color=color_, lw=2)
    dot, = ax.plot([], [], "o", color=color_, ms=7)
    ax.text(HR_LIM[0] * 1.3, y - 0.28, label, fontsize="x-small", va="bottom")
    return ci, dot


def _set_hr(row, y, hr, low, high):
    ci, dot = row
    clip = [float(np.clip(x if np.isfinite(x) else (HR_LIM[0] if x == 0 else HR_LIM[1]), *HR_LIM))
            for x in (hr, low if np.isfinite(low) else HR_LIM[0], high if np.isfinite(high) else HR_LIM[0])]
    ci.set_data([clip[1], clip[2]], [y, y])
    dot.set_data([clip[0]], [y])


def relapse(fig, r):
    """Kaplan–Meier relapse-free share (continued vs stopped esketamine) and the hazard ratios (model,
    SUSTAIN-1) on a log axis.  ``r`` is a ``widgets.fading.Relapse``."""
    st = _live(fig, relapse)
    if st is None:
        _fresh(fig)
        narrow = narrow_layout(fig, 6.0)
        km_ax, hr_ax = fig.subplots(2, 1, height_ratios=[2, 1]) if narrow else fig.subplots(
            1, 2, width_ratios=[1.6, 1])
        kept, = km_ax.step([], [], where="post", color=KEPT, label="continue esketamine")
        stopped, = km_ax.step([], [], where="post", color=STOPPED, ls="--", label="switch to placebo spray")
        decorate(km_ax, xlabel="weeks after randomisation", ylabel="relapse-free (%)", xlim=(0, r.follow_up_weeks),
                 ylim=(-2, 102))
        km_ax.legend(loc="lower left", fontsize="x-small")
        model = _hr_row(hr_ax, 0.0, KEPT, "virtual trial")
        published = _hr_row(hr_ax, 1.0, OKABE_ITO["black"], "SUSTAIN-1 (Daly 2019)")
        hr_ax.axvline(1.0, color=color("reference"), lw=0.8)
        hr_ax.set_xscale("log")
        decorate(hr_ax, title="Hazard ratio (95% CI)", xlabel="continue vs stop (log scale)", xlim=HR_LIM,
                 ylim=(1.6, -0.6))
        hr_ax.set_yticks([])
        hr_ax.grid(False, axis="y")
        st = _remember(fig, relapse, [km_ax, hr_ax], kept=kept, stopped=stopped, model=model, published=published,
                       title=fig.suptitle("", wrap=True))
    a = st.artists
    a["kept"].set_data(r.weeks_kept, 100 * r.free_kept)
    a["stopped"].set_data(r.weeks_stopped, 100 * r.free_stopped)
    _set_hr(a["model"], 0.0, *r.hr)
    _set_hr(a["published"], 1.0, *r.published)
    a["title"].set_text(r.title)
    st.dynamic = [a["kept"], a["stopped"], *a["model"], *a["published"], a["title"]]
    return fig
