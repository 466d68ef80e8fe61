"""The whole mechanism in one call: dosing schedule → concentration → NMDA block → circuit → plasticity → mood.

Each stage lives in its own module and states its own simplifications; this module only chains them and keeps
every intermediate, so one figure can follow a dose from the arm to the symptom score:

* schedule → plasma and brain ketamine          :mod:`ketamine_sim.pharmacokinetics`
* brain ketamine → NMDA block on each population,
  firing rates and extracellular glutamate      :mod:`ketamine_sim.receptors`, :mod:`ketamine_sim.circuit`
* glutamate and block → AMPA, eEF2, BDNF, TrkB,
  mTORC1, protein synthesis, spines, potentiation  :mod:`ketamine_sim.plasticity`
* potentiation and spines → antidepressant effect  :mod:`ketamine_sim.clinical`

Simplifications of the chain itself:

* The circuit runs with its dynamics (:func:`ketamine_sim.circuit.simulate`: use-dependent block kinetics and the
  pyramidal lag) under the brain concentration course, exactly as the plasticity stage uses it, on the same
  internal time grid (fine after each dose), then read out at ``t_h``.
* The circuit and plasticity stages receive the racemic concentration that blocks NMDA receptors as much as
  the doses' mixture of enantiomers (Ebert1997 affinities), so esketamine differs from racemic ketamine only
  through its potency.
* The chain runs one way: nothing downstream (new spines, a better mood) feeds back on the circuit.
"""

import dataclasses
from dataclasses import dataclass

import numpy as np

from ketamine_sim import circuit, clinical, pharmacokinetics, plasticity


@dataclass(frozen=True)
class CascadeResult:
    """Every stage of the mechanism at the times ``t_h`` (hours from the first dose)."""

    t_h: np.ndarray
    plasma_uM: np.ndarray  # plasma ketamine (all forms), µM
    brain_uM: np.ndarray  # brain (effect-site) ketamine (all forms), µM
    circuit: circuit.CircuitCourse  # blocks, firing rates, glutamate under the NMDA-equivalent brain course
    plasticity: plasticity.PlasticityResult  # AMPA drive … spine density, potentiation, LTP threshold
    effect: np.ndarray  # antidepressant effect, 0 (none) .. 1 (the model's maximum)
    relapse_threshold: float  # effect below which the model patient counts as relapsed
    doses: tuple


def run(t_h, doses=None, *, nbqx=False, rapamycin=False, spine_formation=True, body_weight_kg=70.0):
    """Follow ``doses`` (default: one 0.5 mg/kg infusion over 40 min) through every stage at ``t_h`` hours.

    ``doses``: a :class:`ketamine_sim.pharmacokinetics.Dose` or a sequence of them.  The switches act on the
    plasticity stage: ``nbqx`` blocks AMPA receptors (Maeng2008), ``rapamycin`` blocks mTORC1 (Li2010),
    ``spine_formation=False`` prevents new spines (as in ModaSava2019).  Returns a :class:`CascadeResult`.
    """
    doses = pharmacokinetics.standard_infusion() if doses is None else doses
    late = clinical.simulate(t_h, doses, nbqx=nbqx, rapamycin=rapamycin, spine_formation=spine_formation,
                             body_weight_kg=body_weight_kg)
    early = pharmacokinetics.simulate(late.doses, late.t_h, body_weight_kg)
    grid, brain = clinical.brain_drive(late.t_h, late.doses, body_weight_kg)
    course = circuit.simulate(grid, brain)
    net = circuit.CircuitCourse(**{f.name: _at(late.t_h, grid, getattr(course, f.name)) if f.name != "form" else
                                   course.form for f in dataclasses.fields(course)})
    return CascadeResult(late.t_h, early.plasma_uM, early.brain_uM, net, late.plasticity, late.effect,
                         late.relapse_threshold, late.doses)


def _at(t, grid, values):
    """``values`` on ``grid`` (last axis) read out at the times ``t`` by linear interpolation."""
    values = np.asarray(values, dtype=float)
    if values.ndim == 1:
        return np.interp(t, grid, values)
    return np.stack([np.interp(t, grid, row) for row in values])
