"""The glutamate surge meets AMPA receptors: a virtual NBQX experiment, glutamate over dose and time, and the
AMPA and NMDA currents a pyramidal synapse carries at the surge.

Everything here chains existing stages; no new equation is fitted:

* **NBQX experiment** (claim #14, ESTABLISHED in rodents; Maeng2008, Zanos2016): four arms (vehicle, ketamine,
  NBQX, both) through :func:`plasticity.simulate` (AMPA throughput, BDNF, potentiation, spines).  In the model
  every route to BDNF passes through AMPA throughput (:func:`receptors.ampa_throughput`), so NBQX must remove
  the effect: reproducing it tests the wiring, not the biology (role "structural").
* **Glutamate after a dose**: :func:`circuit.simulate` under the brain course of an infusion of any dose
  (:func:`pharmacokinetics.brain_ketamine_uM`), and :func:`circuit.steady_state` at held concentrations.
* **Currents at the surge**: :func:`receptors.ampa_current_pA` and :func:`receptors.nmda_current_pA` at a
  chosen voltage, with the glutamate of the circuit's steady state and the pyramidal cells' NMDA block.

ASSUMED here: at baseline glutamate occupies :data:`BASELINE_BOUND` = 0.2 of the receptors, and occupancy grows
in proportion to glutamate (far from saturation, as :func:`receptors.ampa_throughput` assumes).  Currents are
in units of the 1 nS scale of each channel (ASSUMED in :mod:`receptors`), so AMPA and NMDA sizes compare shapes,
not measured amplitudes.
"""

import functools
from dataclasses import dataclass

import numpy as np

from ketamine_sim import circuit, pharmacokinetics, plasticity, receptors
from ketamine_sim._checks import in_range

ARMS = ("vehicle", "ketamine", "NBQX", "NBQX + ketamine")
READOUT_RANGE_H = (1.0, 72.0)
BASELINE_BOUND = 0.2  # ASSUMED: fraction of receptors bound by glutamate at baseline
DOSE_RANGE_MG_PER_KG = (0.05, 10.0)  # infusions over 40 min, from below the antidepressant dose to anaesthetic levels


@dataclass(frozen=True)
class Arm:
    """One arm of the virtual NBQX experiment: peaks over the first day and readouts at ``readout_h``."""

    name: str
    ketamine_uM: float  # peak brain ketamine of the standard-shaped infusion (0 = vehicle)
    nbqx: float  # fraction of AMPA receptors blocked
    ampa_peak: float  # peak AMPA throughput / drug-free baseline
    bdnf_peak: float  # peak extra BDNF release (relative to basal release)
    potentiation: float  # extra synaptic strength at the readout (functional component)
    spine_rise: float  # spine density − 1 at the readout (structural component)


def nbqx_experiment(peak_uM=plasticity.DEFAULT_PEAK_UM, nbqx_block=0.95, readout_h=24.0):
    """The four arms (:data:`ARMS`) at brain peak ``peak_uM`` (µM, 0.01–100), NBQX blocking ``nbqx_block`` of AMPA
    receptors (0–1; 0.95 is the package's ASSUMED default) and readouts at ``readout_h`` (h, 1–72)."""
    peak = float(in_range("peak_uM", peak_uM, 0.01, 100.0, "uM"))
    block = float(in_range("nbqx_block", nbqx_block, 0.0, 1.0, "(fraction blocked)"))
    t_read = float(in_range("readout_h", readout_h, *READOUT_RANGE_H, "h"))
    return tuple(_arm(name, conc, f, t_read)
                 for name, conc, f in zip(ARMS, (0.0, peak, 0.0, peak), (0.0, 0.0, block, block), strict=True))


@functools.lru_cache(maxsize=256)
def _arm(name, conc_uM, nbqx, readout_h):
    t = np.unique(np.concatenate([np.linspace(0.0, 24.0, 97), [readout_h]]))
    i = int(np.searchsorted(t, readout_h))
    r = plasticity.simulate(t, conc_uM, nbqx=nbqx)
    return Arm(name, conc_uM, nbqx, float(np.max(r.ampa_drive)), float(np.max(r.bdnf)),
               float(r.potentiation[i]), float(r.spine_density[i] - 1.0))


def share_left(arms, field):
    """``field`` of the NBQX + ketamine arm as a share of the ketamine arm's change over vehicle (nan if none)."""
    by = {a.name: getattr(a, field) for a in arms}
    change = by["ketamine"] - by["vehicle"]
    return (by["NBQX + ketamine"] - by["vehicle"]) / change if change > 0 else float("nan")


@dataclass(frozen=True)
class GlutamateAfterDose:
    """Glutamate after one 40-min infusion of ``dose_mg_per_kg``, with the steady state at held concentrations."""

    dose_mg_per_kg: float
    t_h: np.ndarray
    ketamine_uM: np.ndarray  # brain ketamine, µM
    glutamate_rel: np.ndarray  # circuit dynamics (block kinetics, pyramidal lag), × drug-free
    conc_uM: np.ndarray  # held concentrations for the steady state
    steady_glutamate_rel: np.ndarray  # steady state at each held concentration

    def at(self, t_h):
        """Glutamate (× drug-free) at ``t_h`` hours after the start of the infusion (linear interpolation)."""
        return float(np.interp(t_h, self.t_h, self.glutamate_rel))


def glutamate_after_dose(dose_mg_per_kg=0.5, t_h=None, conc_uM=None):
    """Glutamate under one 40-min infusion of ``dose_mg_per_kg`` (0.05–10 mg/kg) over ``t_h`` (default 0–4 h) and
    at held concentrations ``conc_uM`` (default 0.01–100 µM)."""
    dose = float(in_range("dose_mg_per_kg", dose_mg_per_kg, *DOSE_RANGE_MG_PER_KG, "mg/kg"))
    t = np.linspace(0.0, 4.0, 241) if t_h is None else np.asarray(t_h, dtype=float)
    c = np.geomspace(0.01, 100.0, 121) if conc_uM is None else np.asarray(conc_uM, dtype=float)
    brain = pharmacokinetics.brain_ketamine_uM(t, dose)
    net = circuit.simulate(t, brain)
    return GlutamateAfterDose(dose, net.t_h, net.ketamine_uM, net.glutamate_rel, c,
                              circuit.steady_state(c).glutamate_rel)


@dataclass(frozen=True)
class SynapseCurrents:
    """AMPA and NMDA currents of a pyramidal synapse without and with ketamine held at ``conc_uM`` (pA per nS)."""

    v_mV: float
    conc_uM: float
    glutamate_rel: float  # steady glutamate at ``conc_uM`` (the surge), × drug-free
    nmda_block: float  # fraction of pyramidal NMDA receptors blocked by ketamine
    ampa_free_pA: float
    ampa_drug_pA: float
    nmda_free_pA: float
    nmda_drug_pA: float

    @property
    def ampa_share_drug(self):
        """AMPA share of the total glutamate current with ketamine (0–1; nan at the reversal potential)."""
        total = self.ampa_drug_pA + self.nmda_drug_pA
        return self.ampa_drug_pA / total if total != 0 else float("nan")


def synapse_currents(v_mV=-70.0, conc_uM=plasticity.DEFAULT_PEAK_UM, mg_mM=1.0):
    """AMPA and NMDA currents at ``v_mV`` (mV) with ketamine held at ``conc_uM`` (µM) and Mg²⁺ ``mg_mM``: the drug
    raises glutamate (circuit steady state) and blocks a share of the NMDA receptors; AMPA receptors are not
    blocked.  Occupancy is :data:`BASELINE_BOUND` × glutamate (ASSUMED, capped at 1)."""
    ss = circuit.steady_state(conc_uM)
    glu, block = float(ss.glutamate_rel), float(ss.pyramidal_block)
    free, drug = BASELINE_BOUND, min(BASELINE_BOUND * glu, 1.0)
    return SynapseCurrents(
        float(v_mV), float(conc_uM), glu, block,
        float(receptors.ampa_current_pA(v_mV, free)), float(receptors.ampa_current_pA(v_mV, drug)),
        float(receptors.nmda_current_pA(v_mV, free, mg_mM)),
        float(receptors.nmda_current_pA(v_mV, drug, mg_mM) * (1.0 - block)))
