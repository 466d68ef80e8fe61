"""The NMDA receptor as a coincidence detector, and ketamine as a use-dependent channel blocker.

Equations (V in mV, concentrations in mM for Mg²⁺ and µM for ketamine):

* Mg²⁺ unblock        B(V) = 1 / (1 + [Mg]/β · exp(−α V)),  α = 0.062 /mV, β = 3.57 mM   (JahrStevens1990)
* NMDA current        I = g · p_glu · B(V) · (V − E_NMDA),   E_NMDA = 0 mV                    (Spruston1995)
* Ca²⁺ influx         J ∝ g · p_glu · B(V) · max(E_Ca − V, 0), E_Ca from the Nernst equation
* ketamine block      dθ/dt = o · k · (x (1 − θ) − θ),  x = (Σ c_i / (s K_i))^n,  o = p_glu · B(V)
* partial trapping    dθ/dt = o · k · (x' (1 − θ) − θ) − k_esc · θ,  x' = x / a_typ,  a = o k / (o k + k_esc)
* AMPA current        I = g · p_glu · (1 − f_NBQX) · (V − E_AMPA),   E_AMPA = 0 mV, no Mg²⁺ block  (Spruston1995)

Simplifications and assumptions (UNVERIFIED numbers are marked ASSUMED):

* ``p_glu`` is the fraction of receptors with glutamate (and co-agonist) bound, 0–1; binding kinetics,
  desensitisation and the open probability of a bound channel are folded into it.
* The Mg²⁺ block is instantaneous and follows the single fitted expression above; real block is
  state-dependent.  Its constants were checked in modelling documentation, not in the original paper.
* ``g`` is a scale (1 nS, ASSUMED), so currents are per unit conductance, not a measured synapse.
* Ca²⁺ influx uses a linear driving force toward E_Ca ≈ +132 mV (Nernst at 37 °C for 2 mM outside and
  0.1 µM inside, ASSUMED textbook concentrations) instead of the Goldman–Hodgkin–Katz flux, and is
  reported relative to its peak in 1 mM Mg²⁺ with saturating glutamate.
* Ketamine is a trapping open-channel blocker: it enters and leaves open, Mg²⁺-free channels (``o``), and escapes
  only slowly from closed ones (partial trapping, below).  One model of the block serves the whole package
  (:func:`block_time_course`, :func:`block_kinetics`, :func:`nmda_block_at_activity`); full trapping is its
  special case ``TrappingEscape(k_escape_per_s=0)``, in which the steady state would not depend on activity.
  Affinities follow the [³H]MK-801-site Ki values of S- and R-ketamine (Ebert1997); a racemate is a 50:50
  mixture competing for one site.  The shared potency scale ``s`` and Hill coefficient ``n`` are fitted to
  the functional block of racemic ketamine, ≈50% at 1 µM and ≈80% at 10 µM (Gerhard2020, SECONDARY).
  ``n < 1`` stands in for a mixture of receptor subtypes with different affinities.
* The unblocking rate of an open channel, k = 0.02 /s, is ASSUMED (chosen so that a quiet cell takes
  about an hour to equilibrate and a busy one minutes); the fraction of time a receptor has glutamate
  bound at a firing rate r is 1 − exp(−r τ) with τ = 100 ms, the NMDA decay of network models
  (BrunelWang2001, SECONDARY).
* Partial trapping: ketamine also leaves a *closed* channel, at k_esc = ``ESCAPE.k_escape_per_s`` = 5·10⁻⁴ /s
  (ASSUMED, 40× slower than leaving an open one; memantine is known to trap only partially, ketamine's escape
  rate is not in our sources).  Without escape, under the package's own pharmacokinetics a quiet 1-Hz cell would
  end up *more* blocked than a busy 20-Hz one from about 3 h after an infusion (it sheds the drug more slowly)
  and the 24-h areas would be equal; with it, the busy cell is blocked more at every moment.  The steady state
  then depends on activity:
  θ∞ = a x' / (1 + a x').  x' is scaled so that at a typical activity of 20 Hz (ASSUMED: the repeatedly activated
  receptors of the recordings behind Gerhard2020, and the chapter's "busy" cell) the block equals
  :func:`nmda_block_fraction`, so the Gerhard2020 calibration holds there; quieter cells are blocked less.
  That tonically active interneurons are blocked more for this reason is a HYPOTHESIS (claims.md #11).
* AMPA receptors: no Mg²⁺ block, reversal at 0 mV (Spruston1995); ``g`` is a 1 nS scale (ASSUMED).  NBQX blocks
  a fraction 0.95 (ASSUMED "near-complete": facts.md gives no number).  :func:`ampa_throughput` takes AMPA
  activation to be proportional to glutamate (receptors far from saturation, ASSUMED).
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

    θ∞ = x / (1 + x), x = (Σ c_i / (s K_i))^n: the block at the typical activity (20 Hz) to which Gerhard2020's
    numbers are calibrated.  :func:`nmda_block_at_activity` gives it at other rates (partial trapping: quieter
    cells settle lower), :func:`block_time_course` how long it takes.
    """
    x = _block_odds(conc_uM, form, params)
    return x / (1.0 + x)


def half_block_conc_uM(form="racemic", params=KETAMINE_BLOCK):
    """Concentration (µM) at which the steady-state block is 50% for ``form``."""
    one_of("form", form, FORMS)
    return params.potency_scale / _affinity_sum(1.0, form)


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


# --- AMPA receptors and NBQX ------------------------------------------------------------------------


@dataclass(frozen=True)
class AmpaChannel:
    """Conductance scale, reversal potential and NBQX block of the AMPA receptor channel."""

    g_max_nS: float = 1.0  # ASSUMED scale
    e_rev_mV: float = reference("ampa_reversal_potential").value  # Spruston1995
    nbqx_block: float = 0.95  # ASSUMED: near-complete block by NBQX; facts.md has no number


AMPA = AmpaChannel()
GLUTAMATE_REL_RANGE = (0.0, 100.0)


def _nbqx_blocked(nbqx, channel):
    """Fraction of AMPA receptors blocked: ``True``/``False`` use the default, a number 0–1 is taken as is."""
    if isinstance(nbqx, (bool, np.bool_)):
        return channel.nbqx_block if nbqx else 0.0
    return in_range("nbqx", nbqx, 0.0, 1.0, "(fraction blocked)")


def ampa_current_pA(v_mV, glutamate_bound, nbqx=False, channel=AMPA):
    """AMPA receptor current (pA, inward negative): I = g · p_glu · (1 − f_NBQX) · (V − E_AMPA).

    No Mg²⁺ block; reversal ≈ 0 mV (Spruston1995).  ``nbqx`` is ``True``/``False`` (default block 0.95,
    ASSUMED) or the fraction of receptors blocked, 0–1.
    """
    v = in_range("v_mV", v_mV, *V_RANGE_MV, "mV")
    p = _bound("glutamate_bound", glutamate_bound)
    return channel.g_max_nS * p * (1.0 - _nbqx_blocked(nbqx, channel)) * (v - channel.e_rev_mV)


def ampa_throughput(glutamate_rel, nbqx=False, channel=AMPA):
    """AMPA receptor activation relative to the drug-free baseline for glutamate ``glutamate_rel`` (1 = baseline).

    A = G_rel · (1 − f_NBQX): receptors are taken to be far from saturation, so activation follows glutamate
    linearly (ASSUMED).  1.0 at baseline without NBQX.
    """
    g = in_range("glutamate_rel", glutamate_rel, *GLUTAMATE_REL_RANGE, "(relative to baseline)")
    return g * (1.0 - _nbqx_blocked(nbqx, channel))


# --- use-dependent block with partial trapping --------------------------------------------------------


@dataclass(frozen=True)
class TrappingEscape:
    """Slow escape of ketamine from closed (trapped) channels, and the activity the calibration refers to."""

    k_escape_per_s: float = 5e-4  # ASSUMED: 40× slower than leaving an open channel (k = 0.02 /s)
    typical_rate_hz: float = 20.0  # ASSUMED: activity at which the Gerhard2020 block applies
    typical_v_mV: float = -65.0  # ASSUMED, as in open_fraction


ESCAPE = TrappingEscape()
T_RANGE_H = (0.0, 24.0 * 731)  # a little over two years


def _access(rate_hz, v_mV, mg_mM, params, escape):
    """a = o k / (o k + k_esc): how much of the full-trapping odds a cell firing at ``rate_hz`` reaches."""
    ok = open_fraction(rate_hz, v_mV, mg_mM) * params.k_unblock_per_s
    total = ok + escape.k_escape_per_s
    return np.divide(ok, total, out=np.zeros_like(total, dtype=float), where=total > 0)


def _intrinsic_odds(conc_uM, form, params, escape):
    """x / a_typ: the odds of block on a channel that is always open, scaled so that the typical cell gets x."""
    a_typ = _access(escape.typical_rate_hz, escape.typical_v_mV, 1.0, params, escape)
    return _block_odds(conc_uM, form, params) / a_typ


def nmda_block_at_activity(conc_uM, rate_hz, form="racemic", v_mV=-65.0, mg_mM=1.0, params=KETAMINE_BLOCK,
                           escape=ESCAPE):
    """Steady-state NMDA block at ``conc_uM`` (µM) on a cell whose synapses are active at ``rate_hz`` (Hz).

    θ∞ = a x' / (1 + a x'), a = o k / (o k + k_esc), x' = x / a_typ, o = :func:`open_fraction`.  With a slow
    escape from closed channels (partial trapping, k_esc ASSUMED) busier cells are blocked more; at the typical
    rate (20 Hz, −65 mV, 1 mM Mg²⁺) this equals :func:`nmda_block_fraction` (Gerhard2020 calibration).
    Arrays broadcast.  That interneurons are blocked more *because* they fire more is a HYPOTHESIS (claim #11).
    """
    one_of("form", form, FORMS)
    c = in_range("conc_uM", conc_uM, *CONC_RANGE_UM, "uM")
    y = _access(rate_hz, v_mV, mg_mM, params, escape) * _intrinsic_odds(c, form, params, escape)
    return y / (1.0 + y)


@dataclass(frozen=True)
class BlockKinetics:
    """NMDA block over time for a time-varying ketamine concentration, one row per activity level."""

    t_h: np.ndarray  # time, h
    conc_uM: np.ndarray  # ketamine concentration, µM
    rate_hz: np.ndarray  # activity of each row, Hz
    block: np.ndarray  # fraction blocked, shape rate_hz.shape + t_h.shape
    steady_state: np.ndarray  # block each row would settle at if the concentration were held, same shape
    tau_min: np.ndarray  # relaxation time constant at each moment, min, same shape


def _time_axis(t_h):
    t = in_range("t_h", t_h, *T_RANGE_H, "h")
    if t.ndim != 1 or t.size < 1:
        raise ValueError(f"t_h has shape {t.shape}; allowed: a 1-D array of at least one time in h")
    step = np.diff(t)
    if np.any(step <= 0):
        raise ValueError(f"t_h={t[1:][step <= 0][0]:g} h does not increase; allowed: strictly increasing times")
    return t


def _concentration_course(conc_uM, t):
    c = in_range("conc_uM", conc_uM, *CONC_RANGE_UM, "uM")
    if c.ndim == 0:
        c = np.full(t.shape, float(c))
    if c.shape[-1:] != t.shape:  # leading axes: several courses at once (e.g. one row per dose)
        raise ValueError(f"conc_uM has shape {c.shape}; allowed: a number or a shape ending in t_h's {t.shape}")
    return c


def _relax(rate_dt, drive, start):
    """θ[n+1] = θ[n] · e^(−rate_dt[n]) + drive[n] along the last axis, vectorised (leading axes broadcast).

    Slow rows (Σ rate_dt ≤ 600): θ_n = e^(−R_n) (θ₀ + Σ_(j<n) drive_j e^(R_(j+1))), R the running sum.  Otherwise
    each step is an affine map θ → a θ + b and their running composition is a prefix scan in at most
    log₂(steps) whole-array passes (compose (a₁, b₁) then (a₂, b₂) = (a₁a₂, a₂b₁ + b₂)); every a is ≤ 1, so
    nothing overflows.  Either way the cost grows linearly with the number of steps.
    """
    rate_dt = np.asarray(rate_dt, dtype=float)
    b = np.array(np.broadcast_to(drive, rate_dt.shape), dtype=float)
    theta0 = np.broadcast_to(np.asarray(start, dtype=float), rate_dt.shape[:-1])[..., None]
    total = np.cumsum(rate_dt, axis=-1)
    if total.size == 0 or np.max(total[..., -1]) <= 600.0:  # slow rows: one cumulative sum, e^600 still finite
        grow = np.exp(total)
        return np.concatenate([theta0, (theta0 + np.cumsum(b * grow, axis=-1)) / grow], axis=-1)
    a = np.exp(-rate_dt)
    shift = 1
    while shift < a.shape[-1] and np.max(a[..., shift:]) > 1e-20:  # later passes would add < 1e-20 of a term
        b[..., shift:] = a[..., shift:] * b[..., :-shift] + b[..., shift:]
        a[..., shift:] = a[..., shift:] * a[..., :-shift]
        shift *= 2
    return np.concatenate([theta0, a * theta0 + b], axis=-1)


def block_kinetics(t_h, conc_uM, rate_hz, form="racemic", v_mV=-65.0, mg_mM=1.0, block0=0.0,
                   params=KETAMINE_BLOCK, escape=ESCAPE):
    """Block θ(t) of NMDA receptors for a concentration course ``conc_uM`` (µM, shape of ``t_h``, h).

    dθ/dt = o k (x' (1 − θ) − θ) − k_esc θ, integrated exactly for coefficients held at each step's mean
    concentration.  ``rate_hz`` may be an array (one row per population), and ``conc_uM`` may have leading axes
    (one row per course, broadcast against ``rate_hz``); ``block0`` is the block at t_h[0].
    """
    one_of("form", form, FORMS)
    t = _time_axis(t_h)
    c = _concentration_course(conc_uM, t)
    r = np.asarray(in_range("rate_hz", rate_hz, *RATE_RANGE_HZ, "Hz"))
    start = np.broadcast_to(in_range("block0", block0, 0.0, 1.0, "(fraction)"), r.shape)
    ok = (open_fraction(r, v_mV, mg_mM) * params.k_unblock_per_s)[..., None]  # per s
    x = _intrinsic_odds(c, form, params, escape)
    lam = ok * (1.0 + x) + escape.k_escape_per_s  # relaxation rate, per s
    beta = ok * x
    theta_inf = np.divide(beta, lam, out=np.zeros_like(lam), where=lam > 0)
    if t.size > 1:
        lam_mid = 0.5 * (lam[..., 1:] + lam[..., :-1])
        inf_mid = np.divide(0.5 * (beta[..., 1:] + beta[..., :-1]), lam_mid, out=np.zeros_like(lam_mid),
                            where=lam_mid > 0)
        rate_dt = lam_mid * np.diff(t) * 3600.0
        block = _relax(rate_dt, inf_mid * -np.expm1(-rate_dt), start)
    else:
        block = np.asarray(start, dtype=float)[..., None].copy()
    tau = np.divide(1.0, lam * 60.0, out=np.full_like(lam, np.inf), where=lam > 0)
    return BlockKinetics(t, c, r, block, theta_inf, tau)


@dataclass(frozen=True)
class BlockTimeCourse:
    """Block of NMDA receptors over time on one cell, for a held concentration or a concentration course."""

    t_min: np.ndarray  # time, min
    block: np.ndarray  # fraction blocked
    steady_state: float | np.ndarray  # block the cell settles at (an array for a course: at each moment's level)
    open_fraction: float  # fraction of time a receptor is glutamate-bound and Mg2+-free
    tau_min: float | np.ndarray  # relaxation time constant, min (an array for a course)
    conc_uM: float | np.ndarray = 0.0  # the concentration (course), µM


def block_time_course(t_min, conc_uM, rate_hz, v_mV=-65.0, mg_mM=1.0, form="racemic", params=KETAMINE_BLOCK,
                      escape=ESCAPE, block0=0.0):
    """Block θ(t) on a cell whose synapses fire at ``rate_hz``: the package's one model of the block.

    dθ/dt = o k (x' (1 − θ) − θ) − k_esc θ (partial trapping; ``escape.k_escape_per_s`` ASSUMED, 0 = full
    trapping).  ``conc_uM`` is either a number, the concentration applied at t = 0 and held (closed form
    θ(t) = θ∞ (1 − e^(−t/τ)), τ = 1 / (o k (1 + x') + k_esc), θ∞ = :func:`nmda_block_at_activity`), or a
    concentration course of the shape of ``t_min`` (e.g. ``pharmacokinetics.brain_ketamine_uM(t_min / 60)``),
    integrated by :func:`block_kinetics`.  ``t_min`` in minutes, 0–600000, increasing for a course.
    """
    t = in_range("t_min", t_min, 0.0, T_RANGE_H[1] * 60.0, "min")
    o = float(open_fraction(rate_hz, v_mV, mg_mM))
    if np.ndim(conc_uM) == 0:
        one_of("form", form, FORMS)
        c = float(in_range("conc_uM", conc_uM, *CONC_RANGE_UM, "uM"))
        ok = o * params.k_unblock_per_s
        x = _intrinsic_odds(c, form, params, escape)
        lam = ok * (1.0 + x) + escape.k_escape_per_s  # per s
        theta_inf = float(ok * x / lam) if lam > 0 else 0.0
        theta0 = float(in_range("block0", block0, 0.0, 1.0, "(fraction)"))
        block = theta_inf + (theta0 - theta_inf) * np.exp(-lam * 60.0 * t)
        tau = np.inf if lam == 0 else 1.0 / (lam * 60.0)
        return BlockTimeCourse(t, block, theta_inf, o, float(tau), c)
    kin = block_kinetics(np.atleast_1d(t) / 60.0, conc_uM, rate_hz, form, v_mV, mg_mM, block0, params, escape)
    return BlockTimeCourse(t, kin.block.reshape(t.shape), kin.steady_state, o, kin.tau_min, kin.conc_uM)
