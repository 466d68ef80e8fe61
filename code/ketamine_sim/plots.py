"""Figures drawn from model results.  No model maths here: every number comes from a result object.

Every function takes the :class:`~matplotlib.figure.Figure` to draw into (so a widget can redraw the same
figure) and returns it; :func:`figure` makes a fresh one outside pyplot.
"""

import io

from matplotlib.figure import Figure

from ketamine_sim.style import color, decorate


def figure(figsize=None):
    """A new Figure not managed by pyplot (it is never shown twice by the inline backend)."""
    return Figure(figsize=figsize, layout="constrained")


def nmda_iv(fig, snap):
    """NMDA current–voltage curve with and without Mg²⁺, the chosen voltage marked, and its Ca²⁺ influx."""
    ax, bar = fig.subplots(1, 2, width_ratios=[3, 1])
    ax.axhline(0, color=color("reference"), lw=0.8)
    ax.plot(snap.v_grid_mV, snap.current_mg_free_pA, ls="--", color=color("reference"), label="no Mg²⁺")
    ax.plot(snap.v_grid_mV, snap.current_pA, color=color("glutamate"), label=f"{snap.mg_mM:g} mM Mg²⁺")
    ax.plot([snap.v_mV], [snap.current_at_v_pA], "o", color=color("ketamine"), ms=9, label=f"{snap.v_mV:g} mV")
    decorate(ax, title=f"NMDA current, {snap.glutamate_bound:.0%} of receptors bound", xlabel="membrane potential (mV)",
             ylabel="current (pA, inward < 0)", legend=True, xlim=(-100, 40), ylim=(-105, 45))
    bar.bar([0], [snap.calcium_at_v_rel], color=color("calcium"), width=0.6)
    bar.set_xticks([])
    decorate(bar, title="Ca²⁺ influx", ylabel="relative to peak in 1 mM Mg²⁺", ylim=(0, 2.0))
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
    ax = fig.subplots()
    for label, (course, actor) in courses.items():
        ax.plot(course.t_min, 100 * course.block, color=color(actor), label=label)
    first = next(iter(courses.values()))[0]
    steady = first.steady_state
    ax.axhline(100 * steady, color=color("reference"), ls=":", label=f"steady state {steady:.0%}")
    decorate(ax, title=f"Use-dependent block by {conc_uM:.2g} µM racemic ketamine", xlabel="time after drug (min)",
             ylabel="NMDA receptors blocked (%)", legend=True, ylim=(0, 100), xlim=(0, first.t_min[-1]))
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

