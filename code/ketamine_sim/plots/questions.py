"""Figures of the page "Questions readers ask".  No model maths: every number comes from a result object."""

import numpy as np

from ketamine_sim.plots.core import _fresh
from ketamine_sim.style import color, decorate


def glutamate_over_dose_and_time(fig, sweep, course, brain_uM, marks):
    """Does ketamine raise or lower glutamate?  Left: the circuit's steady state over concentration (log axis),
    with the antidepressant brain level, the anaesthetic plasma range and the human MRS point.  Right: the
    circuit over time after one antidepressant infusion, with brain ketamine on a second axis.

    ``sweep``: :class:`ketamine_sim.circuit.CircuitState` over a concentration grid; ``course``:
    :class:`ketamine_sim.circuit.CircuitCourse`; ``brain_uM``: the brain concentration behind ``course``;
    ``marks``: dict with ``antidepressant_uM``, ``anaesthetic_uM`` (low, high), ``mrs`` (conc_uM, rise) and
    ``infusion`` (its name in the right panel's title)."""
    _fresh(fig)
    dose_ax, time_ax = fig.subplots(1, 2)
    conc = np.asarray(sweep.conc_uM)
    keep = conc > 0
    dose_ax.axhline(0, color=color("reference"), lw=0.8)
    low, high = marks["anaesthetic_uM"]
    dose_ax.axvspan(low, high, color=color("reference"), alpha=0.18, label="anaesthetic plasma range")
    dose_ax.axvline(marks["antidepressant_uM"], color=color("ketamine"), ls=":", lw=1.5,
                    label="antidepressant brain level")
    dose_ax.plot(conc[keep], 100 * (sweep.glutamate_rel[keep] - 1), color=color("glutamate"), label="model")
    mrs_at, mrs_rise = marks["mrs"]
    dose_ax.plot([mrs_at], [100 * mrs_rise], "o", mfc="white", mec=color("racemic"), mew=1.8, ms=8,
                 label="human ¹³C-MRS (fitted)")
    dose_ax.set_xscale("log")
    decorate(dose_ax, title="Over dose (steady state)", xlabel="brain ketamine (µM, log scale)",
             ylabel="glutamate change (%)")
    dose_ax.legend(loc="lower left", fontsize="small")

    t = np.asarray(course.t_h)
    time_ax.axhline(0, color=color("reference"), lw=0.8)
    time_ax.plot(t, 100 * (course.glutamate_rel - 1), color=color("glutamate"), label="glutamate change")
    drug_ax = time_ax.twinx()
    drug_ax.plot(t, brain_uM, color=color("ketamine"), ls="--", label="brain ketamine")
    drug_ax.set_ylabel("brain ketamine (µM)", color=color("ketamine"))
    drug_ax.set_ylim(0, 1.15 * float(np.max(brain_uM)))
    drug_ax.grid(False)
    decorate(time_ax, title=f"Over time ({marks['infusion']})", xlabel="time from start of infusion (h)",
             ylabel="glutamate change (%)", xlim=(t[0], t[-1]))
    lines = time_ax.get_lines()[1:] + drug_ax.get_lines()
    time_ax.legend(lines, [line.get_label() for line in lines], loc="upper right", fontsize="small")
    return fig
