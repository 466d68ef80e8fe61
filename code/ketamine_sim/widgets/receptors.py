"""Explorers of the receptor stage (the antagonist paradox chapter): the coincidence detector and
use-dependent block."""

from dataclasses import dataclass, replace
from functools import cache

import numpy as np

from ketamine_sim import pharmacokinetics, receptors
from ketamine_sim._checks import in_range
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


QUIET_RATE_HZ = 1.0  # the reference cell: synapses activated once a second ...
QUIET_V_MV = -65.0  # ... on a cell near rest
HOURS = 6.0  # the brain level of the standard infusion falls below a tenth of its peak within this span


@dataclass(frozen=True)
class _BlockComparison:
    rate_hz: float
    v_mV: float
    escape_per_s: float
    busy: receptors.BlockTimeCourse
    quiet: receptors.BlockTimeCourse


@cache
def _infusion_course():
    """Brain ketamine (µM) of the standard infusion (0.5 mg/kg over 40 min) every 2 min for HOURS hours."""
    t = np.linspace(0.0, 60.0 * HOURS, int(30 * HOURS) + 1)
    return t, pharmacokinetics.brain_ketamine_uM(t / 60.0)


def _compare_block(rate_hz, v_mV, escape_e4):
    """Block after the standard infusion on the chosen cell and on the quiet reference cell.

    ``escape_e4`` is the escape rate from closed channels in units of 10⁻⁴ /s (0 = full trapping).
    """
    k = float(in_range("escape_e4", escape_e4, 0.0, 100.0, "x 1e-4 /s")) * 1e-4
    escape = replace(receptors.ESCAPE, k_escape_per_s=k)
    t, conc = _infusion_course()
    return _BlockComparison(rate_hz, v_mV, k,
                            receptors.block_time_course(t, conc, rate_hz, v_mV=v_mV, escape=escape),
                            receptors.block_time_course(t, conc, QUIET_RATE_HZ, v_mV=QUIET_V_MV, escape=escape))


def _plot_block(fig, c):
    courses = {"chosen cell": (c.busy, "ketamine"),  # fixed labels: the live update keeps the legend
               f"quiet cell\n{QUIET_RATE_HZ:g} Hz, {QUIET_V_MV:g} mV": (c.quiet, "reference")}
    trap = "full trapping" if c.escape_per_s == 0 else f"escape {c.escape_per_s:.1e} /s"
    return receptor_plots.block_time_courses(fig, courses, f"After 0.5 mg/kg over 40 min ({trap})")


def _describe_block(c):
    t = c.busy.t_min
    ahead = c.busy.block - c.quiet.block
    later = np.flatnonzero(ahead < -0.005)
    i15, i3h = np.searchsorted(t, 15.0), np.searchsorted(t, 180.0)
    trap = "with full trapping (no escape from closed channels)" if c.escape_per_s == 0 else (
        f"with escape from closed channels at {c.escape_per_s:.1e} per second")
    verdict = (f"the quiet cell overtakes it from {t[later[0]]:.0f} minutes on" if later.size else
               "the chosen cell stays at least as blocked as the quiet one throughout")
    return (f"NMDA block after the standard infusion (0.5 mg/kg over 40 minutes; brain ketamine peaks at "
            f"{np.max(c.busy.conc_uM):.2f} µM), {trap}. A cell whose NMDA synapses are activated at {c.rate_hz:g} Hz "
            f"at {c.v_mV:g} mV is {c.busy.block[i15]:.0%} blocked at 15 minutes, peaks at {np.max(c.busy.block):.0%} "
            f"and is {c.busy.block[i3h]:.0%} blocked at 3 hours; the quiet reference cell ({QUIET_RATE_HZ:g} Hz at "
            f"{QUIET_V_MV:g} mV) is {c.quiet.block[i15]:.0%}, peaks at {np.max(c.quiet.block):.0%} and is "
            f"{c.quiet.block[i3h]:.0%} at 3 hours; {verdict}.")


def explore_use_dependent_block():
    """Synaptic activation × membrane potential × escape from trapping → NMDA block after the standard infusion."""
    controls = [
        # log steps of 0.1 decade from 0.2 Hz: the default 20 Hz lies on the live slider's grid (the old 0.5-decade
        # steps from 0.5 Hz snapped it to 16 Hz) and below the top, so a reader can also go busier
        Slider("rate_hz", "NMDA synapse activation", 0.2, 40, 0.1, 20, (1, 5, 20), "Hz", ".2g", log=True),
        Slider("v_mV", "Membrane potential", -70, -40, 1, -65, (-65, -55, -45), "mV", ".0f"),
        Slider("escape_e4", "Escape from trapping (×10⁻⁴ /s)", 0, 10, 0.5, receptors.ESCAPE.k_escape_per_s * 1e4,
               (0, 5, 10), fmt=".2g"),
    ]
    return interactive_figure(controls, _compare_block, _plot_block, _describe_block,
                              "Use-dependent block after an infusion: who is blocked most, and for how long?",
                              figsize=(7.0, 3.4))
