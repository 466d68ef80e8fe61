"""Figures of the receptor stage (the antagonist paradox chapter): the NMDA I–V curve, coincidence detection,
use-dependent block and the dose–response.  No model maths: every number comes from a result object."""

import numpy as np

from ketamine_sim.plots.core import _fresh, _live, _remember
from ketamine_sim.style import color, decorate


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


def block_time_courses(fig, courses, conc_uM=None):
    """NMDA block over time for several cells: ``courses`` maps a label to (BlockTimeCourse, actor).

    With a concentration course (``first.conc_uM`` an array) a top panel shows the brain level that drives the
    block; with a held concentration a dotted line marks the first cell's steady state.
    """
    first = next(iter(courses.values()))[0]
    course = np.ndim(first.conc_uM) > 0
    st = _live(fig, block_time_courses)
    if st is not None and (st.artists["labels"] != list(courses) or st.artists["t_max"] != first.t_min[-1]
                           or st.artists["course"] != course):
        st = None  # other cells, another time span or another kind of drive: draw anew
    if st is None:
        _fresh(fig)
        if course:
            top, ax = fig.subplots(2, 1, sharex=True, height_ratios=[1, 2.2])
            conc, = top.plot(first.t_min, first.conc_uM, color=color("racemic"))
            decorate(top, ylabel="brain (µM)", ylim=(0, 1.1 * float(np.max(first.conc_uM))))
            axes = [ax, top]
        else:
            ax, conc = fig.subplots(), None
            axes = [ax]
        lines = [ax.plot(c.t_min, 100 * c.block, color=color(actor), label=label)[0]
                 for label, (c, actor) in courses.items()]
        steady = None if course else ax.axhline(0, color=color("reference"), ls=":", label="steady state")
        decorate(ax, xlabel="time after the start of the infusion (min)" if course else "time after drug (min)",
                 ylabel="NMDA receptors blocked (%)", xlim=(0, first.t_min[-1]),
                 ylim=(0, 60) if course else (0, 100))
        fig.legend(loc="outside right upper")  # beside the axes: no curve ever runs under it
        st = _remember(fig, block_time_courses, axes, lines=lines, steady=steady, conc=conc, t_max=first.t_min[-1],
                       labels=list(courses), course=course)
    ax, lines, steady = st.axes[0], st.artists["lines"], st.artists["steady"]
    for line, (c, _actor) in zip(lines, courses.values(), strict=True):
        line.set_data(c.t_min, 100 * c.block)
    dynamic = [*lines]
    if steady is not None:
        steady.set_ydata([100 * first.steady_state] * 2)
        dynamic.append(steady)
    if st.artists["conc"] is not None:
        st.artists["conc"].set_data(first.t_min, first.conc_uM)
        dynamic.append(st.artists["conc"])
    title = st.axes[-1] if course else ax
    held = f"Use-dependent block by {conc_uM:.2g} µM racemic ketamine" if not isinstance(conc_uM, str) else ""
    title.set_title(held or conc_uM)
    st.dynamic = [*dynamic, title.title]
    return fig


def dose_response(fig, dr, measured=(), bands=()):
    """Steady-state block against concentration for each form, with half-block marks, points and shaded ranges.

    ``measured`` is an iterable of (conc_uM, block, label) drawn as open circles (label them for what they are:
    the curves' calibration points are not independent data); ``bands`` of (low_uM, high_uM, label, actor)
    shade concentration ranges behind the curves.
    """
    ax = fig.subplots()
    for low, high, label, actor in bands:
        ax.axvspan(low, high, color=color(actor), alpha=0.15, lw=0, label=label)
    for form, block in dr.block.items():
        name = "racemic" if form == "racemic" else f"{form}-ketamine"
        ax.semilogx(dr.conc_uM, 100 * block, color=color(form),
                    label=f"{name} (half block {dr.half_block_uM[form]:.2g} µM)")
    for conc, block, label in measured:
        ax.plot([conc], [100 * block], "o", mfc="white", mec=color("racemic"), ms=8, mew=2, label=label)
    ax.axhline(50, color=color("reference"), lw=0.8)
    decorate(ax, title="Steady-state NMDA block", xlabel="ketamine concentration (µM)",
             ylabel="NMDA current blocked (%)", ylim=(0, 100))
    fig.legend(loc="outside right upper", fontsize="small")
    return fig
