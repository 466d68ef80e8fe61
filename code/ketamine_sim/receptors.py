"""The NMDA receptor as a coincidence detector, and ketamine as a use-dependent channel blocker.

Equations (V in mV, concentrations in mM for Mg²⁺ and µM for ketamine):

* Mg²⁺ unblock        B(V) = 1 / (1 + [Mg]/β · exp(−α V)),  α = 0.062 /mV, β = 3.57 mM   (JahrStevens1990)
* NMDA current        I = g · p_glu · B(V) · (V − E_NMDA),   E_NMDA = 0 mV                    (Spruston1995)
* Ca²⁺ influx         J ∝ g · p_glu · B(V) · max(E_Ca − V, 0), E_Ca from the Nernst equation
* ketamine block      dθ/dt = o · k · (x (1 − θ) − θ),  x = (Σ c_i / (s K_i))^n,  o = p_glu · B(V)

Simplifications and assumptions (UNVERIFIED numbers are marked ASSUMED):

* ``p_glu`` is the fraction of receptors with glutamate (and co-agonist) bound, 0–1; binding kinetics,
  desensitisation and the open probability of a bound channel are folded into it.
* The Mg²⁺ block is instantaneous and follows the single fitted expression above; real block is
  state-dependent.  Its constants were checked in modelling documentation, not in the original paper.
* ``g`` is a scale (1 nS, ASSUMED), so currents are per unit conductance, not a measured synapse.
* Ca²⁺ influx uses a linear driving force toward E_Ca ≈ +132 mV (Nernst at 37 °C for 2 mM outside and
  0.1 µM inside, ASSUMED textbook concentrations) instead of the Goldman–Hodgkin–Katz flux, and is
  reported relative to its peak in 1 mM Mg²⁺ with saturating glutamate.
* Ketamine is a full trapping open-channel blocker: it enters and leaves only open, Mg²⁺-free channels
  (``o``), so the steady state does not depend on activity but the time needed to reach it does.
  Affinities follow the [³H]MK-801-site Ki values of S- and R-ketamine (Ebert1997); a racemate is a 50:50
  mixture competing for one site.  The shared potency scale ``s`` and Hill coefficient ``n`` are fitted to
  the functional block of racemic ketamine, ≈50% at 1 µM and ≈80% at 10 µM (Gerhard2020, SECONDARY).
  ``n < 1`` stands in for a mixture of receptor subtypes with different affinities.
* The unblocking rate of an open channel, k = 0.02 /s, is ASSUMED (chosen so that a quiet cell takes
  about an hour to equilibrate and a busy one minutes); the fraction of time a receptor has glutamate
  bound at a firing rate r is 1 − exp(−r τ) with τ = 100 ms, the NMDA decay of network models
  (BrunelWang2001, SECONDARY).
"""

from dataclasses import dataclass

import numpy as np

from ketamine_sim._checks import in_range, one_of
from ketamine_sim.literature import reference

V_RANGE_MV = (-120.0, 60.0)
MG_RANGE_MM = (0.0, 10.0)  # the fit of JahrStevens1990 covers 1 µM to 10 mM
CONC_RANGE_UM = (0.0, 1000.0)
RATE_RANGE_HZ = (0.0, 200.0)
FORMS = ("racemic", "S", "R")


@dataclass(frozen=True)
class MgBlock:
    """Constants of the Mg²⁺ block, B(V) = 1 / (1 + [Mg]/beta · exp(−alpha · V))."""

    alpha_per_mV: float = 0.062  # JahrStevens1990
    beta_mM: float = 3.57  # JahrStevens1990


@dataclass(frozen=True)
class NmdaChannel:
    """Conductance scale and reversal potentials of the NMDA receptor channel."""

    g_max_nS: float = 1.0  # ASSUMED scale
    e_rev_mV: float = reference("nmda_reversal_potential").value  # Spruston1995
    ca_out_mM: float = 2.0  # ASSUMED textbook value
    ca_in_uM: float = 0.1  # ASSUMED textbook value
    temperature_C: float = 37.0
    tau_bound_ms: float = 100.0  # BrunelWang2001 (SECONDARY): NMDA decay of network models

    @property
    def e_ca_mV(self):
        """Nernst potential of Ca²⁺ (z = 2), mV."""
        kelvin = self.temperature_C + 273.15
        rt_over_zf_mV = 8.314 * kelvin / (2 * 96485.0) * 1e3
        return rt_over_zf_mV * np.log(self.ca_out_mM * 1e3 / self.ca_in_uM)


MG_BLOCK = MgBlock()
CHANNEL = NmdaChannel()


def mg_unblock(v_mV, mg_mM=1.0, params=MG_BLOCK):
    """Fraction of NMDA conductance not blocked by Mg²⁺ at membrane potential ``v_mV`` (array-friendly).

    B(V) = 1 / (1 + [Mg]/3.57 · exp(−0.062 V)), dimensionless, 0–1 (JahrStevens1990).
    """
    v = in_range("v_mV", v_mV, *V_RANGE_MV, "mV")
    mg = in_range("mg_mM", mg_mM, *MG_RANGE_MM, "mM")
    return 1.0 / (1.0 + mg / params.beta_mM * np.exp(-params.alpha_per_mV * v))


def half_unblock_voltage_mV(mg_mM=1.0, params=MG_BLOCK):
    """Membrane potential (mV) at which half the NMDA conductance is free of Mg²⁺: ln([Mg]/β)/α."""
    mg = in_range("mg_mM", mg_mM, 1e-3, MG_RANGE_MM[1], "mM")
    return np.log(mg / params.beta_mM) / params.alpha_per_mV


def _bound(name, glutamate_bound):
    return in_range(name, glutamate_bound, 0.0, 1.0, "(fraction)")


def nmda_current_pA(v_mV, glutamate_bound, mg_mM=1.0, channel=CHANNEL):
    """NMDA receptor current (pA, inward negative): I = g · p_glu · B(V) · (V − E_NMDA)."""
    b = mg_unblock(v_mV, mg_mM)
    v = np.asarray(v_mV, dtype=float)
    return channel.g_max_nS * _bound("glutamate_bound", glutamate_bound) * b * (v - channel.e_rev_mV)


def _raw_calcium(v_mV, glutamate_bound, mg_mM, channel):
    b = mg_unblock(v_mV, mg_mM)
    drive = np.clip(channel.e_ca_mV - np.asarray(v_mV, dtype=float), 0.0, None)
    return channel.g_max_nS * _bound("glutamate_bound", glutamate_bound) * b * drive


def _calcium_peak(channel):
    v = np.linspace(*V_RANGE_MV, 3601)
    return float(np.max(_raw_calcium(v, 1.0, 1.0, channel)))


_CA_PEAK = _calcium_peak(CHANNEL)


def calcium_influx_rel(v_mV, glutamate_bound, mg_mM=1.0, channel=CHANNEL):
    """Ca²⁺ influx through NMDA receptors, relative to its peak in 1 mM Mg²⁺ with all receptors bound.

    J ∝ p_glu · B(V) · max(E_Ca − V, 0); 1.0 is the largest influx physiological Mg²⁺ allows.
    """
    peak = _CA_PEAK if channel is CHANNEL else _calcium_peak(channel)
    return _raw_calcium(v_mV, glutamate_bound, mg_mM, channel) / peak


@dataclass(frozen=True)
class Coincidence:
    """NMDA current and Ca²⁺ influx for the four combinations of glutamate and depolarisation."""

    conditions: tuple
    glutamate_bound: np.ndarray
    v_mV: np.ndarray
    current_pA: np.ndarray
    calcium_rel: np.ndarray


def coincidence(v_rest_mV=-70.0, v_depol_mV=-10.0, glutamate_bound=1.0, mg_mM=1.0):
    """The coincidence detector: neither input, glutamate alone, depolarisation alone, both together."""
    conditions = ("neither", "glutamate alone", "depolarisation alone", "both")
    glu = np.array([0.0, 1.0, 0.0, 1.0]) * _bound("glutamate_bound", glutamate_bound)
    v = np.array([v_rest_mV, v_rest_mV, v_depol_mV, v_depol_mV], dtype=float)
    return Coincidence(conditions, glu, v, nmda_current_pA(v, glu, mg_mM), calcium_influx_rel(v, glu, mg_mM))


def open_fraction(rate_hz, v_mV=-65.0, mg_mM=1.0, channel=CHANNEL):
    """Fraction of time a receptor is glutamate-bound *and* free of Mg²⁺ for a presynaptic rate ``rate_hz``.

    o = (1 − exp(−r τ)) · B(V): each spike binds glutamate for about τ = 100 ms (ASSUMED mapping).
    """
    r = in_range("rate_hz", rate_hz, *RATE_RANGE_HZ, "Hz")
    return (1.0 - np.exp(-r * channel.tau_bound_ms / 1e3)) * mg_unblock(v_mV, mg_mM)


# --- ketamine -----------------------------------------------------------------------------------------

_KI_UM = {"S": reference("ki_S_ketamine").value, "R": reference("ki_R_ketamine").value}  # Ebert1997
_MIXTURE = {"racemic": {"S": 0.5, "R": 0.5}, "S": {"S": 1.0}, "R": {"R": 1.0}}


def _affinity_sum(conc_uM, form):
    """Σ c_i / K_i for the enantiomers in ``form`` at total concentration ``conc_uM`` (dimensionless)."""
    return sum(share * conc_uM / _KI_UM[e] for e, share in _MIXTURE[form].items())


def _calibrate():
    """Potency scale s and Hill n such that racemic 1 µM and 10 µM block as reported (Gerhard2020)."""
    lo, hi = reference("racemic_block_at_1uM"), reference("racemic_block_at_10uM")
    (c1, b1), (c2, b2) = (lo.at, lo.value), (hi.at, hi.value)
    odds1, odds2 = b1 / (1 - b1), b2 / (1 - b2)
    n = np.log(odds2 / odds1) / np.log(c2 / c1)
    s = _affinity_sum(c1, "racemic") / odds1 ** (1 / n)
    return float(s), float(n)


_POTENCY_SCALE, _HILL = _calibrate()


@dataclass(frozen=True)
class KetamineBlock:
    """Constants of the trapping open-channel block (see the module docstring)."""

    potency_scale: float = _POTENCY_SCALE  # fitted to Gerhard2020
    hill: float = _HILL  # fitted to Gerhard2020
    k_unblock_per_s: float = 0.02  # ASSUMED


KETAMINE_BLOCK = KetamineBlock()


def _block_odds(conc_uM, form, params):
    one_of("form", form, FORMS)
    c = in_range("conc_uM", conc_uM, *CONC_RANGE_UM, "uM")
    return (_affinity_sum(c, form) / params.potency_scale) ** params.hill


def nmda_block_fraction(conc_uM, form="racemic", params=KETAMINE_BLOCK):
    """Steady-state fraction of NMDA current blocked by ketamine at ``conc_uM`` (µM); ``form`` racemic/S/R.

    θ∞ = x / (1 + x), x = (Σ c_i / (s K_i))^n.  For a trapping blocker this is reached at any activity, given
    time; see :func:`block_time_course` for how long that takes.
    """
    x = _block_odds(conc_uM, form, params)
    return x / (1.0 + x)


def half_block_conc_uM(form="racemic", params=KETAMINE_BLOCK):
    """Concentration (µM) at which the steady-state block is 50% for ``form``."""
    one_of("form", form, FORMS)
    return params.potency_scale / _affinity_sum(1.0, form)


@dataclass(frozen=True)
class BlockTimeCourse:
    """Block of NMDA receptors over time at a constant ketamine concentration."""

    t_min: np.ndarray
    block: np.ndarray
    steady_state: float
    open_fraction: float
    tau_min: float


def block_time_course(t_min, conc_uM, rate_hz, v_mV=-65.0, mg_mM=1.0, form="racemic", params=KETAMINE_BLOCK):
    """Block θ(t) after ketamine is applied at t = 0 to a cell whose synapses fire at ``rate_hz``.

    θ(t) = θ∞ (1 − exp(−t/τ)), τ = 1 / (o k (1 + x)): the drug binds and leaves only while channels are open,
    so a busy cell reaches the steady state sooner.  ``t_min`` in minutes, 0–1440.
    """
    t = in_range("t_min", t_min, 0.0, 1440.0, "min")
    x = _block_odds(conc_uM, form, params)
    o = open_fraction(rate_hz, v_mV, mg_mM)
    rate_per_min = o * params.k_unblock_per_s * 60.0 * (1.0 + x)
    theta_inf = x / (1.0 + x)
    tau = np.inf if rate_per_min == 0 else 1.0 / rate_per_min
    block = theta_inf * -np.expm1(-rate_per_min * t)
    return BlockTimeCourse(t, block, float(theta_inf), float(o), float(tau))


@dataclass(frozen=True)
class NmdaSnapshot:
    """The NMDA current–voltage curve for one glutamate level and Mg²⁺ concentration, and one chosen voltage."""

    v_grid_mV: np.ndarray
    current_pA: np.ndarray
    current_mg_free_pA: np.ndarray
    v_mV: float
    glutamate_bound: float
    mg_mM: float
    current_at_v_pA: float
    unblocked_at_v: float
    calcium_at_v_rel: float


def nmda_snapshot(v_mV=-65.0, glutamate_bound=1.0, mg_mM=1.0, n_points=141):
    """I–V curve of the NMDA current (with and without Mg²⁺) and its value, block and Ca²⁺ at ``v_mV``."""
    grid = np.linspace(-100.0, 40.0, n_points)
    at = float(in_range("v_mV", v_mV, *V_RANGE_MV, "mV"))
    return NmdaSnapshot(
        grid, nmda_current_pA(grid, glutamate_bound, mg_mM), nmda_current_pA(grid, glutamate_bound, 0.0),
        at, float(glutamate_bound), float(mg_mM), float(nmda_current_pA(at, glutamate_bound, mg_mM)),
        float(mg_unblock(at, mg_mM)), float(calcium_influx_rel(at, glutamate_bound, mg_mM)),
    )


@dataclass(frozen=True)
class DoseResponse:
    """Steady-state NMDA block against ketamine concentration for each form."""

    conc_uM: np.ndarray
    block: dict
    half_block_uM: dict


def dose_response(conc_uM=None, forms=FORMS):
    """Steady-state block of each form over ``conc_uM`` (default 0.01–100 µM, log-spaced)."""
    c = np.logspace(-2, 2, 161) if conc_uM is None else in_range("conc_uM", conc_uM, *CONC_RANGE_UM, "uM")
    return DoseResponse(c, {f: nmda_block_fraction(c, f) for f in forms}, {f: half_block_conc_uM(f) for f in forms})
