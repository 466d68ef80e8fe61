"""Explorers of the receptor stage (the antagonist paradox chapter): the coincidence detector and
use-dependent block."""

from dataclasses import dataclass

import numpy as np

from ketamine_sim import receptors
from ketamine_sim.literature import reference
from ketamine_sim.plots import receptors as receptor_plots
from ketamine_sim.widgets.core import Slider, interactive_figure


def _describe_nmda(s):
    return (f"NMDA current–voltage curve with {s.glutamate_bound:.0%} of receptors glutamate-bound in "
            f"{s.mg_mM:g} mM Mg²⁺. At {s.v_mV:g} mV {s.unblocked_at_v:.0%} of the conductance is free of Mg²⁺, "
            f"the current is {s.current_at_v_pA:.1f} pA and Ca²⁺ influx is {s.calcium_at_v_rel:.2f} of its peak "
            "in 1 mM Mg²⁺.")


def explore_nmda():
    """Membrane potential × glutamate × Mg²⁺ → NMDA current and Ca²⁺ influx."""
    controls = [
        Slider("v_mV", "Membrane potential", -100, 40, 1, -65, (-80, -60, -40, -20, 0, 20), "mV", ".0f"),
        Slider("glutamate_bound", "Glutamate-bound receptors", 0, 1, 0.05, 1.0, (0.0, 0.5, 1.0), fmt=".0%"),
        Slider("mg_mM", "Extracellular Mg²⁺", 0, 2, 0.1, 1.0, (0.0, 1.0), "mM", ".1f"),
    ]
    return interactive_figure(controls, receptors.nmda_snapshot, receptor_plots.nmda_iv, _describe_nmda,
                              "The NMDA receptor as a coincidence detector")


QUIET_RATE_HZ = 1.0


@dataclass(frozen=True)
class _BlockComparison:
    conc_uM: float
    rate_hz: float
    busy: receptors.BlockTimeCourse
    quiet: receptors.BlockTimeCourse


def _compare_block(conc_uM, rate_hz, t_max_min=60.0):
    t = np.linspace(0.0, t_max_min, 121)
    return _BlockComparison(conc_uM, rate_hz, receptors.block_time_course(t, conc_uM, rate_hz),
                            receptors.block_time_course(t, conc_uM, QUIET_RATE_HZ))


def _plot_block(fig, c):
    courses = {"cell at the chosen activity": (c.busy, "ketamine"),
               f"quiet cell, {QUIET_RATE_HZ:g} Hz": (c.quiet, "reference")}
    return receptor_plots.block_time_courses(fig, courses, c.conc_uM)


def _describe_block(c):
    i = np.searchsorted(c.busy.t_min, 15.0)
    return (f"NMDA block over 60 minutes of {c.conc_uM:.2g} µM racemic ketamine. After 15 minutes a cell whose "
            f"synapses are active at {c.rate_hz:g} Hz has {c.busy.block[i]:.0%} of its receptors blocked, a quiet "
            f"cell at {QUIET_RATE_HZ:g} Hz {c.quiet.block[i]:.0%}; they settle at {c.busy.steady_state:.0%} and "
            f"{c.quiet.steady_state:.0%}, because ketamine slowly escapes from closed channels.")


def explore_use_dependent_block():
    """Ketamine concentration × synaptic activity → NMDA block over time."""
    antidepressant = reference("brain_conc_antidepressant_dose").value
    controls = [
        Slider("conc_uM", "Ketamine concentration", 0.1, 10, 0.05, antidepressant, (0.3, 1.0, 3.0, 10.0), "µM",
               ".2g", log=True),
        Slider("rate_hz", "Synaptic activity", 0.5, 40, 0.5, 20, (1, 2, 5, 10, 20, 40), "Hz"),
    ]
    return interactive_figure(controls, _compare_block, _plot_block, _describe_block,
                              "Use-dependent block: busy synapses are blocked first")
