"""Two rival accounts of how NMDA block starts ketamine's cascade, and virtual knockouts that test them.

* **disinhibition** (claim #10, DEBATED): the block on busy interneurons lowers inhibition, pyramidal cells fire
  more, glutamate rises and the surge releases BDNF through AMPA receptors.  This is :mod:`circuit` as it stands,
  with the chain of :mod:`plasticity` fed by the surge route only (its block-at-rest input set to 0).
* **direct** (claim #13, DEBATED; Autry2011, Miller2014): the block of NMDA receptors that resting glutamate
  release activates on pyramidal cells lets eEF2 lose its phosphate and BDNF translation rise, with no
  interneuron step.  Here the firing rates and glutamate stay at their drug-free values (ASSUMED: the receptors
  this account needs are those activated at rest, whose block is a signal rather than a loss of drive, and the
  account says nothing about firing), and the chain is fed by the block-at-rest route only:
  eEF2 → 1 − s·θ_E, BDNF → w_r s θ_E min(a, 1) (``plasticity.PARAMS``).

Both read the same receptor block (:func:`circuit.steady_state` / :func:`circuit.simulate`), so the switch
changes only what the block does.  The two are not mutually exclusive (ZanosGould2018); the package's main
chain (:func:`plasticity.simulate`) keeps both routes.  Where they part: the disinhibition account predicts
interneurons down, pyramidal cells and glutamate up (an inverted U over dose) and eEF2 unchanged; the direct
account predicts rates and glutamate unchanged at every dose but eEF2 down and BDNF up, more so as dose rises.

**Virtual knockouts** remove the NMDA receptors of one population for good (θ = 1 with and without drug, through
the circuit's fixed point :func:`circuit.fixed_point`).  The disinhibition account predicts that an interneuron knockout
mimics the drug (glutamate up without it) and occludes it, and that a pyramidal knockout silences the pyramidal
cells, so there is no surge left to cause.  The direct account predicts that a pyramidal knockout mimics the drug
(eEF2 down without it) and occludes it, and that an interneuron knockout changes nothing.  Real knockouts are
chronic, often of one subunit (GluN2B) and compensated during development: none of that is modelled.

Steady-state signalling is the fixed point of the chain's first two steps (no time constants); numbers are the
package's ASSUMED ones, nothing is fitted here.  Baseline firing rates are UNVERIFIED (facts.md):
:func:`baseline_sweep` repeats the comparison over the documented 1–5 Hz × 10–30 Hz range.
"""

from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from ketamine_sim import circuit, pharmacokinetics, plasticity, receptors
from ketamine_sim._checks import in_range, one_of

HYPOTHESES = ("disinhibition", "direct")
KNOCKOUTS = ("none", "interneuron", "pyramidal")
PYRAMIDAL_RANGE_HZ = (1.0, 5.0)  # the commonly quoted, UNVERIFIED range (facts.md)
INTERNEURON_RANGE_HZ = (10.0, 30.0)  # idem
ONSET_THRESHOLD = 0.05  # a rate has "changed" once it is 5% off its drug-free value (as the validation page)


@lru_cache(maxsize=64)
def _calibrated(pyramidal_rate_hz, interneuron_rate_hz):
    return circuit.calibrated(pyramidal_rate_hz=pyramidal_rate_hz, interneuron_rate_hz=interneuron_rate_hz)


def circuit_for(pyramidal_rate_hz=None, interneuron_rate_hz=None):
    """The calibrated circuit (:func:`circuit.calibrated`) at the given baseline rates (Hz; default the package's).

    Rates must lie in the UNVERIFIED ranges ``PYRAMIDAL_RANGE_HZ`` and ``INTERNEURON_RANGE_HZ``; cached.
    """
    if pyramidal_rate_hz is None and interneuron_rate_hz is None:
        return circuit.CIRCUIT
    e = circuit.CIRCUIT.pyramidal_rate_hz if pyramidal_rate_hz is None else pyramidal_rate_hz
    i = circuit.CIRCUIT.interneuron_rate_hz if interneuron_rate_hz is None else interneuron_rate_hz
    e = float(in_range("pyramidal_rate_hz", e, *PYRAMIDAL_RANGE_HZ, "Hz"))
    i = float(in_range("interneuron_rate_hz", i, *INTERNEURON_RANGE_HZ, "Hz"))
    return _calibrated(e, i)


def _params(hypothesis, params):
    one_of("hypothesis", hypothesis, HYPOTHESES)
    return circuit.CIRCUIT if params is None else params


def _signalling(hypothesis, glutamate_rel, pyramidal_block, p=plasticity.PARAMS):
    """Steady eEF2 phosphorylation (baseline 1) and extra BDNF release for one hypothesis's route."""
    ampa = receptors.ampa_throughput(glutamate_rel)
    if hypothesis == "disinhibition":
        return np.ones_like(ampa), p.w_surge * np.clip(ampa - 1.0, 0.0, None)
    dephos = p.eef2k_nmda_share * np.asarray(pyramidal_block, dtype=float)
    return 1.0 - dephos, p.w_rest * dephos * np.clip(ampa, 0.0, 1.0)


@dataclass(frozen=True)
class MechanismState:
    """One hypothesis at held ketamine concentrations (arrays shaped like ``conc_uM``), rates relative to the
    intact drug-free circuit."""

    hypothesis: str
    knockout: str
    conc_uM: np.ndarray
    pyramidal_rel: np.ndarray  # pyramidal rate / intact drug-free rate
    interneuron_rel: np.ndarray  # interneuron rate / intact drug-free rate
    glutamate_rel: np.ndarray  # extracellular glutamate / intact drug-free
    pyramidal_block: np.ndarray  # pyramidal NMDA receptors blocked or removed (fraction)
    interneuron_block: np.ndarray
    eef2_phospho: np.ndarray  # phosphorylated eEF2 / baseline (1 = unchanged)
    bdnf: np.ndarray  # extra BDNF release, relative to basal release


def steady(conc_uM, hypothesis="disinhibition", knockout="none", params=None):
    """Steady state of one hypothesis at ketamine ``conc_uM`` (µM, number or array, 0–1000), with the NMDA receptors
    of ``knockout`` ("none", "interneuron", "pyramidal") removed; ``params`` a calibrated :class:`circuit.Microcircuit`.
    """
    one_of("knockout", knockout, KNOCKOUTS)
    p = _params(hypothesis, params)
    ss = circuit.steady_state(conc_uM, params=p)
    theta_e = np.ones_like(ss.pyramidal_block) if knockout == "pyramidal" else ss.pyramidal_block
    theta_i = np.ones_like(ss.interneuron_block) if knockout == "interneuron" else ss.interneuron_block
    if hypothesis == "direct":  # no interneuron step: the circuit keeps its drug-free rates (ASSUMED)
        e_rel = i_rel = glu = np.ones_like(theta_e)
    else:
        r_e, r_i, glu = circuit.fixed_point(theta_e, theta_i, p)
        r_e0, r_i0, _ = circuit.fixed_point(0.0, 0.0, p)
        e_rel, i_rel = r_e / r_e0, r_i / r_i0
    eef2, bdnf = _signalling(hypothesis, glu, theta_e)
    return MechanismState(hypothesis, knockout, ss.conc_uM, e_rel, i_rel, glu, theta_e, theta_i, eef2, bdnf)


@dataclass(frozen=True)
class MechanismCourse:
    """One hypothesis over time under a brain concentration course (arrays shaped like ``t_h``)."""

    hypothesis: str
    t_h: np.ndarray
    ketamine_uM: np.ndarray
    pyramidal_rel: np.ndarray
    interneuron_rel: np.ndarray
    glutamate_rel: np.ndarray
    eef2_phospho: np.ndarray
    bdnf: np.ndarray
    interneuron_onset_min: float  # first 5% fall of the interneuron rate (nan if none)
    pyramidal_onset_min: float  # first 5% rise of the pyramidal rate (nan if none)


def onset_min(t_h, rel, direction):
    """Minutes to the first time ``rel`` departs by ``ONSET_THRESHOLD`` from 1 (direction +1 rise, −1 fall), or nan."""
    moved = (np.asarray(rel) - 1.0) * direction > ONSET_THRESHOLD
    return float(np.asarray(t_h)[np.argmax(moved)] * 60.0) if np.any(moved) else float("nan")


def course(t_h, hypothesis="disinhibition", ketamine_uM=None, params=None, signalling=True):
    """One hypothesis over ``t_h`` (h from 0, increasing) under brain ketamine ``ketamine_uM`` (µM on ``t_h``;
    default the standard infusion's brain course, :func:`pharmacokinetics.brain_ketamine_uM`).

    Circuit: :func:`circuit.simulate` (the pyramidal lag ``params.pyramidal_lag_min`` is ASSUMED).  Signalling:
    :func:`plasticity.simulate` fed by this hypothesis's route only (``signalling=False`` skips it: eEF2 and BDNF
    are then nan, and the call costs a third).  The direct account keeps the drug-free rates (ASSUMED, see above).
    """
    p = _params(hypothesis, params)
    t = np.asarray(t_h, dtype=float)
    c = pharmacokinetics.brain_ketamine_uM(t) if ketamine_uM is None else ketamine_uM
    net = circuit.simulate(t, c, params=p)
    if hypothesis == "direct":
        e_rel = i_rel = glu = np.ones_like(net.t_h)
    else:
        e_rel, i_rel = net.pyramidal_hz / net.pyramidal_hz[0], net.interneuron_hz / net.interneuron_hz[0]
        glu = net.glutamate_rel
    eef2 = bdnf = np.full(net.t_h.shape, np.nan)
    if signalling:
        block = 0.0 if hypothesis == "disinhibition" else net.pyramidal_block
        chain = plasticity.simulate(net.t_h, net.ketamine_uM, glutamate_rel=glu, pyramidal_block=block)
        eef2, bdnf = chain.eef2_phospho, chain.bdnf
    return MechanismCourse(hypothesis, net.t_h, net.ketamine_uM, e_rel, i_rel, glu, eef2, bdnf,
                           onset_min(net.t_h, i_rel, -1), onset_min(net.t_h, e_rel, +1))


@dataclass(frozen=True)
class SweepRow:
    """What the disinhibition account predicts at one pair of (ASSUMED) baseline rates."""

    pyramidal_rate_hz: float
    interneuron_rate_hz: float
    calibration_gap: float  # how far the fit falls short of Abdallah2018MRS (0 = met)
    glutamate_at_1uM: float  # steady glutamate / drug-free at 1 µM (Gerhard2020's "antidepressant" level)
    glutamate_at_10uM: float  # ... at 10 µM (anaesthetic range)
    interneuron_at_1uM: float  # interneuron rate / drug-free at 1 µM
    direct_glutamate_at_1uM: float  # the direct account's glutamate at 1 µM
    direct_eef2_at_1uM: float  # the direct account's eEF2 phosphorylation at 1 µM


def baseline_sweep(pyramidal_rates_hz=(1.0, 2.0, 3.0, 5.0), interneuron_rates_hz=(10.0, 20.0, 30.0)):
    """Both accounts at 1 and 10 µM for every pair of baseline rates (each circuit recalibrated): which conclusions
    survive the UNVERIFIED baseline rates."""
    rows = []
    for e in pyramidal_rates_hz:
        for i in interneuron_rates_hz:
            p = circuit_for(e, i)
            dis, direct = steady([1.0, 10.0], "disinhibition", params=p), steady(1.0, "direct", params=p)
            rows.append(SweepRow(float(e), float(i), p.calibration_gap, float(dis.glutamate_rel[0]),
                                 float(dis.glutamate_rel[1]), float(dis.interneuron_rel[0]),
                                 float(direct.glutamate_rel), float(direct.eef2_phospho)))
    return rows
