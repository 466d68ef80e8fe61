"""A cortical microcircuit: pyramidal cells, fast-spiking interneurons, and how ketamine tips their balance.

Two populations, each described by its firing rate (threshold-linear, at a fixed point):

* pyramidal (E)    r_E = [g_E · (h_E + w_EE r_E) − w_EI r_I]₊
* interneurons (I) r_I = [g_I · (h_I + w_IE r_E)]₊
* NMDA left        g_X = 1 − s_X θ_X   (s_X: NMDA share of the excitation onto X; θ_X: NMDA block on X)
* block            θ_X from :func:`receptors.nmda_block_at_activity` (steady state) or
                   :func:`receptors.block_kinetics` (time course), with the activity of population X
* glutamate        G_rel = f_b + (1 − f_b) · r_E / r_E0    (1.0 exactly without ketamine)

Ketamine blocks NMDA receptors on both populations.  Because it is a use-dependent blocker that escapes only
slowly from closed channels, the busy interneurons are blocked more, and sooner, than the quiet pyramidal
cells.  At low concentration this mostly removes inhibition (disinhibition), so pyramidal firing and glutamate
rise; at high concentration the pyramidal cells' own NMDA drive is lost and both fall (an inverted U).

Evidence grades (shared/science/claims.md): the rise of glutamate at subanaesthetic and its fall at anaesthetic
doses is ESTABLISHED in rodents (#8, Moghaddam1997); interneurons slowing before pyramidal cells speed up is
ESTABLISHED in rodents with MK-801 (#9, HomayounMoghaddam2007); the **disinhibition hypothesis** itself is
DEBATED (#10), and the idea that interneurons are blocked more *because* they fire more is a HYPOTHESIS (#11)
that this model builds in.  The competing "block at rest on pyramidal cells" account (#13, Autry2011) is not
modelled here.  This is a teaching abstraction, not a fitted model of cortex.

Simplifications:

* Two homogeneous populations with threshold-linear rates at their fixed point; no spikes, no layers, no
  other interneuron types (SST cells, claim #10) and no long-range inputs.  Rates are quasi-steady given the
  NMDA blocks, except for an assumed first-order lag of the pyramidal response in :func:`simulate`.
* The activity that sets each population's use-dependent block is its *drug-free* rate (the drug-induced rate
  changes are not fed back into block kinetics); the rate stands in for both presynaptic glutamate and
  postsynaptic depolarisation, at a fixed −65 mV.
* Only the NMDA share of excitation is blocked; AMPA drive and the external drives h_E, h_I are untouched.
* Extracellular glutamate is a fixed share of activity-independent glutamate plus a share proportional to
  pyramidal firing.
* One set of parameters for the whole concentration range; the mapping of rat doses (mg/kg) onto µM is not
  modelled: the tests compare with human antidepressant and anaesthetic concentrations (Zanos2018PharmRev).

Numbers (ASSUMED unless a key is given):

* baseline rates r_E0 = 1 Hz, r_I0 = 20 Hz: ASSUMED.  Rates of 1–5 Hz for PFC pyramidal cells and 10–30 Hz for
  fast-spiking interneurons are commonly quoted but UNVERIFIED in facts.md; we take the quiet end for pyramidal
  cells and the middle for interneurons, the same 1 Hz "quiet" and 20 Hz "busy" cells as the receptor chapter.
* NMDA share of excitation s_E = 0.7 onto pyramidal cells, s_I = 0.5 onto interneurons: ASSUMED.
* weights w_EE = 0.5, w_IE = 2: ASSUMED; w_EI is fitted (:func:`calibrated`) so that glutamate rises 13% on
  average over the standard infusion (calibration to Abdallah2018MRS, mapping below); h_E and h_I are then set
  by the baseline rates.  The fit works across the documented 1–5 Hz and 10–30 Hz ranges: with busy pyramidal
  cells (≥ 3 Hz) the NMDA share onto interneurons must rise too, and with pyramidal cells at 3–5 Hz and
  interneurons at 10 Hz even that leaves the rise short (``calibration_gap`` 0.01–0.07) — the disinhibition
  hypothesis needs a large activity contrast.  Outside 1–2 Hz pyramidal rates the anaesthetic fall
  (Moghaddam1997) is generally lost: a known limit of the assumed values, tested in ``tests/test_circuit.py``.
* activity-independent glutamate share f_b = 0.3: ASSUMED (keeps glutamate above zero if pyramidal cells
  fall silent at very high concentration).
* pyramidal response lag τ = 10 min: ASSUMED, and put in by hand: a quasi-steady rate model changes both
  populations together, so the delay of the pyramidal rise after the interneuron fall (HomayounMoghaddam2007)
  is not explained by this model, only represented.
* escape from trapping and the typical activity of the Gerhard2020 calibration: see :mod:`receptors`.
* Mapping to human MRS (Abdallah2018MRS): the +13% rise of ¹³C-glutamine enrichment (glutamate–glutamine
  cycling) is read as a +13% mean rise of glutamate release over the 40-min standard infusion, the circuit's
  dynamics driven by the model's own brain course (peak ≈0.74 µM,
  :data:`ketamine_sim.pharmacokinetics.ANTIDEPRESSANT_PEAK_BRAIN_UM`).  This is an ASSUMED mapping; cycling is
  not extracellular glutamate.  Transient vs steady state: under the infusion glutamate peaks at about +27%
  just after its end (interneurons are blocked within minutes, pyramidal cells lag), while the steady state at
  the same peak concentration gives +14%; the later stages use the dynamics (:func:`simulate`).
"""

from dataclasses import dataclass, replace

import numpy as np

from ketamine_sim import pharmacokinetics, receptors
from ketamine_sim._checks import in_range, one_of
from ketamine_sim.literature import reference

CONC_RANGE_UM = receptors.CONC_RANGE_UM
FORMS = receptors.FORMS


@dataclass(frozen=True)
class Microcircuit:
    """Parameters of the two-population rate model (see the module docstring for what is ASSUMED)."""

    pyramidal_rate_hz: float = 1.0  # ASSUMED (UNVERIFIED range 1-5 Hz)
    interneuron_rate_hz: float = 20.0  # ASSUMED (UNVERIFIED range 10-30 Hz)
    v_mV: float = -65.0  # ASSUMED, as in receptors.open_fraction
    nmda_share_pyramidal: float = 0.7  # ASSUMED
    nmda_share_interneuron: float = 0.5  # ASSUMED
    w_e_to_e: float = 0.5  # ASSUMED recurrent excitation (Hz per Hz)
    w_e_to_i: float = 2.0  # ASSUMED pyramidal -> interneuron (Hz per Hz)
    w_i_to_e: float = float("nan")  # fitted to Abdallah2018MRS (see calibrated)
    basal_glutamate_share: float = 0.3  # ASSUMED
    pyramidal_lag_min: float = 10.0  # ASSUMED, represents HomayounMoghaddam2007's delay
    calibration_gap: float = 0.0  # how far the fitted circuit falls short of Abdallah2018MRS (0 = met)

    @property
    def h_i(self):
        """External drive to interneurons that gives the baseline rates (Hz)."""
        return self.interneuron_rate_hz - self.w_e_to_i * self.pyramidal_rate_hz

    @property
    def h_e(self):
        """External drive to pyramidal cells that gives the baseline rates (Hz)."""
        return self.pyramidal_rate_hz * (1.0 - self.w_e_to_e) + self.w_i_to_e * self.interneuron_rate_hz


def _blocks(conc_uM, form, p):
    rates = np.array([p.pyramidal_rate_hz, p.interneuron_rate_hz]).reshape((2,) + (1,) * np.ndim(conc_uM))
    theta = receptors.nmda_block_at_activity(conc_uM, rates, form, p.v_mV)
    return theta[0], theta[1]


W_I_TO_E_MAX = 20.0  # largest inhibitory weight the calibration may choose (Hz per Hz)
_CALIBRATION_T_H = np.linspace(0.0, reference("standard_antidepressant_dose").at / 60.0, 81)  # the infusion


def _infusion_mean_rise(p, kin):
    """Mean glutamate rise over the standard infusion for circuit ``p``, given the block kinetics ``kin``."""
    theta_e, theta_i = kin.block
    target, _, g_e, _ = _rates(theta_e, theta_i, p)
    r_e = _lagged(target, kin.t_h, p.pyramidal_lag_min, target[0])
    r_e0 = _rates(0.0, 0.0, p)[0]
    glu = p.basal_glutamate_share + (1.0 - p.basal_glutamate_share) * r_e / r_e0
    return float(np.trapezoid(glu, kin.t_h) / kin.t_h[-1]) - 1.0


def _bisect(f, lo, hi, target, steps=60):
    """x in [lo, hi] with f(x) = target for an increasing f (f(lo) < target <= f(hi))."""
    for _ in range(steps):
        mid = 0.5 * (lo + hi)
        lo, hi = (mid, hi) if f(mid) < target else (lo, mid)
    return 0.5 * (lo + hi)


def calibrated(**changes):
    """:class:`Microcircuit` with ``changes`` applied and its inhibition fitted to Abdallah2018MRS (never raises
    for parameters inside their documented ranges).

    The +13% of Abdallah2018MRS is read as the *mean* glutamate rise over the 40-min standard infusion, with the
    circuit's own dynamics (:func:`simulate`) driven by the model's brain course of that infusion
    (:func:`ketamine_sim.pharmacokinetics.brain_ketamine_uM`).  w_EI is fitted in [0, ``W_I_TO_E_MAX``].  Where
    even the largest w_EI cannot reach +13% (busy pyramidal cells or quiet interneurons: the activity contrast
    that makes interneurons lose more NMDA drive is then small), the NMDA share onto interneurons is raised
    towards 1 as well; where that is still not enough the closest circuit is returned and ``calibration_gap``
    says how far short it falls (0 = calibration met).
    """
    base = Microcircuit(**{**changes, "w_i_to_e": 0.0})
    _check(base)
    target = reference("glutamate_cycling_rise_human").value
    brain = pharmacokinetics.brain_ketamine_uM(_CALIBRATION_T_H)
    kin = receptors.block_kinetics(_CALIBRATION_T_H, brain, [base.pyramidal_rate_hz, base.interneuron_rate_hz],
                                   "racemic", base.v_mV)

    def rise(w, share=base.nmda_share_interneuron):
        return _infusion_mean_rise(replace(base, w_i_to_e=w, nmda_share_interneuron=share), kin)

    if rise(W_I_TO_E_MAX) >= target:
        return replace(base, w_i_to_e=_bisect(rise, 0.0, W_I_TO_E_MAX, target))
    if rise(W_I_TO_E_MAX, 1.0) >= target:
        share = _bisect(lambda s: rise(W_I_TO_E_MAX, s), base.nmda_share_interneuron, 1.0, target)
        return replace(base, w_i_to_e=W_I_TO_E_MAX, nmda_share_interneuron=share)
    return replace(base, w_i_to_e=W_I_TO_E_MAX, nmda_share_interneuron=1.0,
                   calibration_gap=target - rise(W_I_TO_E_MAX, 1.0))


def _check(p):
    if not np.isfinite(p.w_i_to_e):
        raise ValueError("params.w_i_to_e=nan is not set; allowed: a finite weight (use circuit.CIRCUIT)")
    in_range("params.pyramidal_rate_hz", p.pyramidal_rate_hz, 0.01, receptors.RATE_RANGE_HZ[1], "Hz")
    in_range("params.interneuron_rate_hz", p.interneuron_rate_hz, 0.01, receptors.RATE_RANGE_HZ[1], "Hz")
    in_range("params.nmda_share_pyramidal", p.nmda_share_pyramidal, 0.0, 1.0)
    in_range("params.nmda_share_interneuron", p.nmda_share_interneuron, 0.0, 1.0)
    in_range("params.basal_glutamate_share", p.basal_glutamate_share, 0.0, 0.99)
    in_range("params.pyramidal_lag_min", p.pyramidal_lag_min, 0.0, 1440.0, "min")
    in_range("params.w_e_to_i", p.w_e_to_i, 0.0, 1e3)
    in_range("params.w_i_to_e", p.w_i_to_e, 0.0, 1e3)
    if p.h_i < 0 or p.h_e < 0:
        raise ValueError(f"params give negative external drive (h_E={p.h_e:g}, h_I={p.h_i:g}); allowed: >= 0")
    if p.w_e_to_e >= 1:
        raise ValueError(f"params.w_e_to_e={p.w_e_to_e:g} makes the circuit unstable; allowed range [0, 1)")


def _rates(theta_e, theta_i, p):
    """Fixed point of the threshold-linear pair for given blocks (closed form; r_I > 0 always)."""
    g_e = 1.0 - p.nmda_share_pyramidal * theta_e
    g_i = 1.0 - p.nmda_share_interneuron * theta_i
    drive = g_e * p.h_e - p.w_i_to_e * g_i * p.h_i  # P: input to E when r_E = 0
    loop = 1.0 - g_e * p.w_e_to_e + p.w_i_to_e * g_i * p.w_e_to_i  # 1 − Q > 0
    r_e = np.maximum(drive / loop, 0.0)
    return r_e, g_i * (p.h_i + p.w_e_to_i * r_e), g_e, g_i


def _observables(r_e, r_i, g_e, p):
    """Glutamate, excitation and inhibition onto pyramidal cells, each relative to the drug-free circuit."""
    r_e0, r_i0 = _rates(0.0, 0.0, p)[:2]
    glutamate = p.basal_glutamate_share + (1.0 - p.basal_glutamate_share) * r_e / r_e0
    excitation = g_e * (p.h_e + p.w_e_to_e * r_e) / (p.h_e + p.w_e_to_e * r_e0)
    inhibition = r_i / r_i0
    return glutamate, excitation, inhibition, excitation / inhibition


@dataclass(frozen=True)
class CircuitState:
    """Steady state of the microcircuit at each ketamine concentration (arrays shaped like ``conc_uM``)."""

    conc_uM: np.ndarray  # ketamine, µM
    form: str
    pyramidal_hz: np.ndarray  # pyramidal firing rate, Hz
    interneuron_hz: np.ndarray  # interneuron firing rate, Hz
    pyramidal_block: np.ndarray  # fraction of NMDA receptors blocked on pyramidal cells
    interneuron_block: np.ndarray  # fraction of NMDA receptors blocked on interneurons
    glutamate_rel: np.ndarray  # extracellular glutamate / drug-free (1.0 at 0 µM)
    excitation_rel: np.ndarray  # excitatory synaptic drive onto pyramidal cells / drug-free
    inhibition_rel: np.ndarray  # inhibitory drive onto pyramidal cells (∝ interneuron rate) / drug-free
    ei_ratio_rel: np.ndarray  # excitation / inhibition onto pyramidal cells, relative to drug-free


def steady_state(ketamine_uM, form="racemic", params=None):
    """Steady state of the circuit with ketamine held at ``ketamine_uM`` (µM, number or array; 0–1000).

    Blocks θ_E, θ_I from each population's drug-free activity, then the closed-form fixed point
    r_E = [g_E h_E − w_EI g_I h_I]₊ / (1 − g_E w_EE + w_EI g_I w_IE), r_I = g_I (h_I + w_IE r_E).
    """
    one_of("form", form, FORMS)
    c = in_range("ketamine_uM", ketamine_uM, *CONC_RANGE_UM, "uM")
    params = CIRCUIT if params is None else params
    _check(params)
    theta_e, theta_i = _blocks(c, form, params)
    r_e, r_i, g_e, _ = _rates(theta_e, theta_i, params)
    glu, exc, inh, ei = _observables(r_e, r_i, g_e, params)
    return CircuitState(c, form, r_e, r_i, theta_e, theta_i, glu, exc, inh, ei)


def fixed_point(theta_e, theta_i, params=None):
    """The circuit's fixed point with the NMDA receptors of pyramidal cells and interneurons blocked by the
    fractions ``theta_e`` and ``theta_i`` (0–1, numbers or arrays of one shape; 1 removes them all, a knockout),
    whatever blocks them: ``(pyramidal_hz, interneuron_hz, glutamate_rel)``, glutamate relative to drug-free."""
    params = CIRCUIT if params is None else params
    _check(params)
    theta_e = in_range("theta_e", theta_e, 0.0, 1.0)
    theta_i = in_range("theta_i", theta_i, 0.0, 1.0)
    r_e, r_i, g_e, _ = _rates(theta_e, theta_i, params)
    return r_e, r_i, _observables(r_e, r_i, g_e, params)[0]


@dataclass(frozen=True)
class CircuitCourse:
    """The microcircuit over time for a ketamine concentration course (arrays shaped like ``t_h``)."""

    t_h: np.ndarray  # time, h
    ketamine_uM: np.ndarray  # ketamine, µM
    form: str
    pyramidal_hz: np.ndarray
    interneuron_hz: np.ndarray
    pyramidal_block: np.ndarray
    interneuron_block: np.ndarray
    glutamate_rel: np.ndarray
    excitation_rel: np.ndarray
    inhibition_rel: np.ndarray
    ei_ratio_rel: np.ndarray
    pyramidal_target_hz: np.ndarray  # the quasi-steady pyramidal rate the lagged rate is moving towards
    block_tau_min: np.ndarray  # block relaxation time constants, shape (2, t): pyramidal, interneuron


def _lagged(target, t_h, lag_min, start):
    """First-order lag dr/dt = (target − r)/τ, exact for a target held at each step's mean."""
    if lag_min == 0 or target.size == 1:
        return target.copy()
    rate_dt = np.diff(t_h) * 60.0 / lag_min
    base = float(start)  # the lag acts on the departure from the start, so a constant target stays exact
    mid = 0.5 * (target[1:] + target[:-1]) - base
    return base + receptors._relax(rate_dt, mid * -np.expm1(-rate_dt), np.zeros(()))


def simulate(t_h, ketamine_uM, form="racemic", params=None):
    """The circuit over time ``t_h`` (h, increasing) for brain ketamine ``ketamine_uM`` (µM, same shape or a number).

    NMDA blocks follow dθ/dt = o k (x'(c(t)) (1 − θ) − θ) − k_esc θ per population (:func:`receptors.block_kinetics`;
    fast for busy interneurons, slow for quiet pyramidal cells); the pyramidal rate follows its quasi-steady value
    with a first-order lag (τ = ``params.pyramidal_lag_min``, ASSUMED) and the interneurons follow the pyramidal
    cells at once.  The circuit is drug-free before t_h[0].
    """
    one_of("form", form, FORMS)
    params = CIRCUIT if params is None else params
    _check(params)
    t = receptors._time_axis(t_h)
    c = in_range("ketamine_uM", ketamine_uM, *CONC_RANGE_UM, "uM")
    if c.ndim and c.shape != t.shape:
        raise ValueError(f"ketamine_uM has shape {c.shape}; allowed: a number or the shape of t_h {t.shape}")
    kin = receptors.block_kinetics(t, c, [params.pyramidal_rate_hz, params.interneuron_rate_hz],
                                   form, params.v_mV)
    theta_e, theta_i = kin.block
    target, _, g_e, g_i = _rates(theta_e, theta_i, params)
    r_e = _lagged(target, kin.t_h, params.pyramidal_lag_min, target[0])
    r_i = g_i * (params.h_i + params.w_e_to_i * r_e)
    glu, exc, inh, ei = _observables(r_e, r_i, g_e, params)
    return CircuitCourse(kin.t_h, kin.conc_uM, form, r_e, r_i, theta_e, theta_i, glu, exc, inh, ei, target,
                         kin.tau_min)


CIRCUIT = calibrated()
"""The circuit every later stage uses: the default :class:`Microcircuit`, w_EI fitted (:func:`calibrated`)."""
