"""Synaptogenesis: from a glutamate surge and NMDA block to BDNF, mTORC1, new spines and a plasticity window.

The chain (every stage a first-order relaxation, dX/dt = (input − X)/τ, integrated exactly for an input
linear between the nodes of an internal grid, then read out at the requested times):

* AMPA drive          a = g_rel · (1 − f_NBQX)                        relative to baseline 1   (Maeng2008)
* eEF2 phosphorylation  p → 1 − s · b_pyr,  dephosphorylation 1 − p   relative to baseline 1   (Autry2011)
* BDNF release        B → f_BDNF · (w_s (a − 1)₊ + w_r (1 − p) · min(a, 1))   extra over basal release
* TrkB activation     T → (B/K)^h / (1 + (B/K)^h)                     fraction, 0–1
* mTORC1              M → T · (1 − f_rapamycin)                        fraction, 0–1            (Li2010)
* protein synthesis   S → M                                           fraction, 0–1
* spines              dN/dt = k_e (1 + g S) − k_e N,  N(0) = 1         density / depressed baseline
* potentiation        F → g_F · T                                     extra synaptic strength (fraction)
* LTP threshold       θ = θ₀ / (1 + g_θ W),  W → T (slow)              Ca²⁺ relative to its maximum

``(x)₊`` is max(x, 0); "X → u" means X relaxes toward u with its own time constant.  ``g_rel`` is the
glutamate level relative to baseline and ``b_pyr`` the fraction of NMDA receptors blocked on pyramidal
cells; both come from the dynamics of :mod:`ketamine_sim.circuit` (:func:`circuit_course`: block kinetics and
the pyramidal lag under the brain concentration course) or are passed in explicitly.

Two routes feed BDNF, and the model keeps both because the field has not settled between them:

* the **surge route** (disinhibition, claim #10 DEBATED): extra glutamate drives AMPA receptors, the
  depolarisation releases BDNF.  NBQX pretreatment removes it (Maeng2008; Zanos2016).
* the **block-at-rest route** (claim #13 DEBATED; Autry2011): NMDA receptors on pyramidal cells, activated
  by spontaneous release, normally keep eEF2 kinase active; blocking them lets eEF2 lose its phosphate
  and BDNF translation rise, with no surge needed.  The extra BDNF is released by ongoing activity, so it
  too needs AMPA throughput (the ``min(a, 1)`` gate).

Two outputs are meant to be combined by the clinical stage (claim #31, a HYPOTHESIS of this book):

* ``potentiation`` -- a fast **functional** component: AMPA/BDNF-dependent strengthening of existing
  synapses, rises within hours and decays over days.  It does not need new spines (ModaSava2019:
  behaviour comes first and survives deleting new spines).
* ``spine_density`` -- the slow **structural** component: new spines formed through mTORC1 and local
  protein synthesis; formation rises, elimination (per spine) is unchanged, so density stays raised
  for about two weeks (Phoumthipphavong2016).  Persistence of the effect needs them (ModaSava2019).

Baseline 1.0 of ``spine_density`` is the **depressed** brain, which has fewer prefrontal spine synapses
than a healthy one (Kang2012; Holmes2019; claim #20 DEBATED; the size of the deficit is UNVERIFIED).
Caution: in humans, SV2A-PET found no mean change in synapse density 24 h after one dose (Holmes2022;
claim #21 HYPOTHESIS), so the rodent spine curve here is not a human measurement.

Rapamycin abolishes the spine increase here, as intracortical rapamycin does in rats (Li2010;
DumanAghajanian2012).  In the model it leaves the early functional component intact; that matches the
human trial in which oral rapamycin did **not** block ketamine's 24-h effect (Abdallah2020Rapamycin) but
not the rat behaviour (Li2010).  Whether mTORC1 is required in humans is DEBATED (claim #16).

The LTP threshold θ₀ = :data:`THETA_LTP` = 0.5 (of the maximal NMDA Ca²⁺ influx) is an illustrative
teaching constant, not a measurement.  The "window of opportunity" in which ketamine lowers θ for a
while (metaplasticity, claim #24) is a HYPOTHESIS with no direct human evidence: a model assumption.

Simplifications and assumptions (every number without a source is ASSUMED):

* Each stage is one linear first-order step; real signalling has many more steps, feedback and
  saturation.  Only TrkB saturates.  Everything is an *extra* over baseline, so with no drug every
  output sits at its baseline and inhibitors (NBQX, rapamycin) cannot push a stage below baseline.
* The circuit enters with its dynamics (issue 9): during an infusion the busy interneurons are blocked within
  minutes and the quiet pyramidal cells lag, so glutamate overshoots its steady state (about +27% at the end of
  the standard infusion against +14% at steady state at the same peak).  The steady state
  (:func:`circuit_drive`) is kept for held concentrations.  Rest-route eEF2 kinase depends only on the fraction
  of pyramidal NMDA receptors blocked, not on firing.
* Exact times for mTORC1 activation (≈1 h), eEF2 dephosphorylation (≈30 min) and spine growth (≈12–24 h)
  in Li2010, Autry2011 and ModaSava2019 are UNVERIFIED (facts.md section 10).  The time constants are
  therefore ASSUMED: τ_eEF2 = 0.25 h, τ_BDNF = 0.5 h, τ_TrkB = 0.25 h, τ_mTORC1 = 0.5 h, τ_synthesis = 3 h,
  τ_potentiation = 24 h, τ_window = 24 h.
* Dose threshold: TrkB activation is cooperative, Hill coefficient h = 4 (ASSUMED, chosen so that the clinical
  dose–response agrees with Fava2020: 0.1 and 0.2 mg/kg not distinguishable from midazolam, 0.5 and 1.0 mg/kg
  distinguishable; a calibration, see :mod:`ketamine_sim.clinical`).  With h = 1 the shallow NMDA block (Hill
  0.6) let 0.1 mg/kg give 69% of the standard dose's drug effect.
* Spine elimination rate k_e = 0.2 per day (1/k_e = 5 days) is ASSUMED and chosen so that one dose keeps
  density raised for about two weeks (Phoumthipphavong2016): that finding is a calibration, not a test.
  It is an effective turnover of the spines that matter here, not a measured baseline turnover.
* Gains are ASSUMED and illustrative (the size of the spine increase in the papers is not in our facts):
  w_s = w_r = 1, K = 0.32, share of eEF2 kinase activity driven by resting NMDA Ca²⁺ s = 0.8, formation gain
  g = 1.5, potentiation gain g_F = 1, window gain g_θ = 7.  ``rapamycin=True`` blocks mTORC1 fully (ASSUMED);
  ``nbqx=True`` blocks 95% of AMPA receptors (:func:`ketamine_sim.receptors.ampa_throughput`, ASSUMED there),
  which removes the surge route entirely and leaves 5% of the block-at-rest route, so NBQX leaves a trace
  (a few % of the spine rise) rather than exactly nothing.
* A scalar ``ketamine_uM`` is the peak brain concentration of one standard 40-min infusion; its shape is
  that of :func:`ketamine_sim.pharmacokinetics.brain_ketamine_uM` scaled to the peak.  The default is
  :data:`ketamine_sim.pharmacokinetics.ANTIDEPRESSANT_PEAK_BRAIN_UM` (≈0.74 µM, the model's own brain peak of
  the standard infusion), so ``simulate(t)`` is the chain under the standard infusion.  Rodent doses are mapped
  onto the same shape (their faster kinetics are ignored); 10 mg/kg in mice is taken as that same peak (ASSUMED).
* Numerics: exact integration for inputs linear between nodes, 5-min steps from each dose (or driver change)
  to 6 h after it and 30-min steps elsewhere; results are interpolated linearly onto ``t_h``.

What the model does and does not reproduce (see ``literature/plasticity.py`` and the tests):

* Reproduced: spines raised about two weeks by formation alone (Phoumthipphavong2016, calibration);
  rapamycin abolishes the rise (Li2010) and NBQX leaves < 5% of it and of the functional component
  (Maeng2008; Zanos2016), both built in; eEF2 dephosphorylation and BDNF without a surge (Autry2011,
  built in); the functional component first, spines for persistence (ModaSava2019).
* Pryazhnikov2018 (daily dosing, somatosensory cortex, female mice): formation is raised more at 72–132 h than
  at 6–24 h, as published, but with the Fava2020 dose threshold the late rise is only about 7%, below the 10% we
  count as detectable (NOT reproduced); the early rise (about 1.5%) counts as "not increased".
* Dose: up to about 1.5 µM spines and potentiation rise with concentration at every time.  Above ~2 µM the
  surge route shrinks (the circuit's inverted U, Moghaddam1997) while the block-at-rest route keeps growing
  and peaks later, so during the first day a higher dose can give slightly less (at most ~7% of the peak
  spine rise, ~10% of the peak potentiation, at 1000 µM); from 48 h on, and for the peaks, more is more.
  Whether anaesthetic doses build more spines is not known to us.
"""

from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from ketamine_sim import circuit, pharmacokinetics, receptors
from ketamine_sim._checks import in_range

T_RANGE_H = (0.0, 730 * 24.0)  # up to two years
CONC_RANGE_UM = (0.0, 1000.0)
DEFAULT_PEAK_UM = pharmacokinetics.ANTIDEPRESSANT_PEAK_BRAIN_UM  # the standard infusion's brain peak, ≈0.74 µM
THETA_LTP = 0.5
"""Illustrative LTP threshold: NMDA Ca²⁺ influx (relative to its maximum in 1 mM Mg²⁺) above which a synapse
is potentiated.  A teaching constant (ASSUMED), not a measured value; real induction depends on the amount,
timing and location of Ca²⁺ (and the threshold itself moves with history: metaplasticity)."""


@dataclass(frozen=True)
class PlasticityParams:
    """Time constants and gains of the synaptogenesis chain (see the module docstring)."""

    fine_step_h: float = 1.0 / 12.0  # numerical step while the drug acts (5 min)
    coarse_step_h: float = 0.5  # numerical step elsewhere
    active_h: float = 6.0  # fine steps from each dose (or driver change) to this long after it
    rapamycin_block: float = 1.0  # ASSUMED: rapamycin=True blocks mTORC1 fully (Li2010: abolishes)
    tau_eef2_h: float = 0.25  # ASSUMED (Autry2011: ≈30 min UNVERIFIED)
    eef2k_nmda_share: float = 0.8  # ASSUMED
    tau_bdnf_h: float = 0.5  # ASSUMED
    w_surge: float = 1.0  # ASSUMED
    w_rest: float = 1.0  # ASSUMED
    tau_trkb_h: float = 0.25  # ASSUMED
    k_trkb: float = 0.32  # ASSUMED (with h = 4: the standard dose activates TrkB as much as K = 0.5, h = 1 did)
    trkb_hill: float = 4.0  # ASSUMED, calibrated to Fava2020's dose-ranging (see the module docstring)
    tau_mtor_h: float = 0.5  # ASSUMED (Li2010: "rapid"; ≈1 h UNVERIFIED)
    tau_synth_h: float = 3.0  # ASSUMED
    formation_gain: float = 1.5  # ASSUMED
    elimination_per_day: float = 0.2  # ASSUMED, calibrated to Phoumthipphavong2016 (raised ~2 weeks)
    tau_potentiation_h: float = 24.0  # ASSUMED (decays over days; ModaSava2019)
    potentiation_gain: float = 1.0  # ASSUMED
    tau_window_h: float = 24.0  # ASSUMED (claim #24 HYPOTHESIS)
    window_gain: float = 7.0  # ASSUMED, illustrative (a visible window with the cooperative TrkB)


PARAMS = PlasticityParams()


@dataclass(frozen=True)
class PlasticityResult:
    """Every stage of the chain at the times ``t_h`` (hours after the start of the first dose)."""

    t_h: np.ndarray
    ketamine_uM: np.ndarray  # brain concentration driving the chain
    glutamate_rel: np.ndarray  # extracellular glutamate / baseline
    pyramidal_block: np.ndarray  # fraction of pyramidal NMDA receptors blocked
    ampa_drive: np.ndarray  # AMPA throughput / baseline (0 under NBQX)
    eef2_phospho: np.ndarray  # phosphorylated eEF2 / baseline (falls when eEF2 kinase is inhibited)
    bdnf: np.ndarray  # extra BDNF release, relative to basal release
    trkb: np.ndarray  # extra TrkB activation, fraction of maximum
    mtorc1: np.ndarray  # extra mTORC1 activity, fraction of maximum
    synthesis: np.ndarray  # extra local protein synthesis, fraction of maximum
    formation_rate_per_day: np.ndarray  # spines formed per day, fraction of baseline density
    elimination_rate_per_day: np.ndarray  # fraction of existing spines eliminated per day (unchanged)
    spine_density: np.ndarray  # spine density / depressed baseline (structural component)
    potentiation: np.ndarray  # extra strength of existing synapses, fraction (functional component)
    ltp_threshold: np.ndarray  # θ, NMDA Ca2+ influx relative to its maximum needed for LTP


# --- numerics ------------------------------------------------------------------------------------------

def relax(t, dt, u, tau_h, x0=0.0):
    """Exact solution of dX/dt = (u − X)/τ on the grid ``t`` (h, from 0; steps ``dt``) for ``u`` linear between nodes.

    Per step: X₁ = a X₀ + v, a = e^(−Δt/τ), v = u₁(1 − q) + u₀(q − a), q = τ(1 − a)/Δt; the recurrence is
    evaluated as a prefix scan (:func:`ketamine_sim.receptors._relax`), linear in the number of steps.
    """
    r = dt / tau_h
    a = np.exp(-r)
    moving = r > 0  # a zero-length step (coincident nodes) leaves X unchanged: q → 1
    q = np.where(moving, -np.expm1(-r) / np.where(moving, r, 1.0), 1.0)
    d = u - x0  # relax the departure from the start, so an input held at x0 stays exactly at x0
    v = d[..., 1:] * (1.0 - q) + d[..., :-1] * (q - a)
    return x0 + receptors._relax(r, v, 0.0)


def _merge(intervals):
    """Union of (start, end) intervals as a short list of disjoint intervals."""
    if len(intervals) == 0:
        return []
    iv = np.asarray(intervals, dtype=float)
    iv = iv[np.argsort(iv[:, 0])]
    reach = np.maximum.accumulate(iv[:, 1])
    new = np.concatenate([[True], iv[1:, 0] > reach[:-1]])
    starts = iv[new, 0]
    ends = reach[np.append(np.flatnonzero(new)[1:] - 1, iv.shape[0] - 1)]
    return list(zip(starts, ends, strict=True))


def _grid(t_max_h, active, fine_h, coarse_h, points=()):
    """Time grid from 0 to ``t_max_h``: steps of ``fine_h`` inside the ``active`` intervals, ``coarse_h`` elsewhere.

    ``active`` is a sequence of (start, end) in hours; ``points`` are extra times that must be grid nodes.
    """
    t_max = max(float(t_max_h), fine_h)
    active = _merge(active)
    edges = [0.0, t_max, *np.asarray(points, dtype=float).ravel()]
    for lo, hi in active:
        edges += [min(max(lo, 0.0), t_max), min(max(hi, 0.0), t_max)]
    edges = np.unique(np.asarray(edges))
    mids = 0.5 * (edges[:-1] + edges[1:])
    fine = np.zeros(mids.shape, dtype=bool)
    for lo, hi in active:
        fine |= (mids > lo) & (mids < hi)
    length = np.diff(edges)
    n = np.maximum(np.ceil(length / np.where(fine, fine_h, coarse_h) - 1e-9).astype(int), 1)
    seg = np.repeat(np.arange(n.size), n)
    k = np.arange(seg.size) - np.repeat(np.cumsum(n) - n, n)
    return np.append(edges[seg] + length[seg] * k / n[seg], t_max)


# --- drivers: pharmacokinetics and circuit -----------------------------------------------------------

@lru_cache(maxsize=1)
def _infusion_shape():
    """Brain ketamine of one standard 40-min infusion, normalised to peak 1, on a fine 48-h grid."""
    t = np.linspace(0.0, 48.0, 5761)
    c = np.asarray(pharmacokinetics.brain_ketamine_uM(t), dtype=float)
    return t, c / c.max()


def ketamine_course_uM(t_h, peak_uM=DEFAULT_PEAK_UM, dose_times_h=(0.0,)):
    """Brain ketamine (µM) at ``t_h`` for standard 40-min infusions starting at ``dose_times_h``.

    Each dose has the shape of ``pharmacokinetics.brain_ketamine_uM`` scaled to ``peak_uM``; doses add.
    """
    t = in_range("t_h", t_h, *T_RANGE_H, "h")
    peak = float(in_range("peak_uM", peak_uM, *CONC_RANGE_UM, "uM"))
    starts = np.atleast_1d(in_range("dose_times_h", dose_times_h, *T_RANGE_H, "h"))
    return np.minimum(peak * _doses(t, starts), CONC_RANGE_UM[1])


def _doses(t, starts):
    """Sum of standard infusions of peak 1 starting at ``starts`` (h), at the times ``t`` (h)."""
    shape_t, shape_c = _infusion_shape()
    flat = np.ravel(np.asarray(t, dtype=float))
    order = np.argsort(flat, kind="stable")
    ts = flat[order]
    total = np.zeros(ts.shape)
    for s in starts:  # each dose only touches the 48 h it lasts: cost linear in the number of doses
        lo, hi = np.searchsorted(ts, [s, s + shape_t[-1]])
        total[lo:hi] += np.interp(ts[lo:hi] - s, shape_t, shape_c, left=0.0, right=0.0)
    out = np.empty_like(total)
    out[order] = total
    return out.reshape(np.shape(t))


_LUT_CONC = np.logspace(-4, 3, 281)  # µM; below the first entry the drive follows the low-concentration limit


@lru_cache(maxsize=1)
def _circuit_table():
    """Glutamate (relative) and pyramidal NMDA block at steady state over 1e-4–1000 µM, from the circuit stage."""
    ss = circuit.steady_state(_LUT_CONC)
    return ss.glutamate_rel, ss.pyramidal_block


def circuit_drive(conc_uM):
    """Glutamate relative to baseline and fraction of pyramidal NMDA receptors blocked at ``conc_uM`` (µM).

    The circuit stage's steady state, read from a table computed once (log-spaced, 1e-4–1000 µM).  Below the table
    both departures from rest shrink as the block does at low concentration, ∝ c^n (n = the receptors' Hill
    coefficient), so the pharmacokinetic tail of a dose (down to 1e-12 µM and less) is not read as 1e-4 µM for ever.
    """
    c = in_range("conc_uM", conc_uM, *CONC_RANGE_UM, "uM")
    glu, block = _circuit_table()
    floor = _LUT_CONC[0]
    x = np.log10(np.maximum(c, floor))
    xp = np.log10(_LUT_CONC)
    scale = np.where(c < floor, (c / floor) ** receptors.KETAMINE_BLOCK.hill, 1.0)
    g = 1.0 + (np.interp(x, xp, glu) - 1.0) * scale
    b = np.interp(x, xp, block) * scale
    return g, b


def circuit_course(t_h, conc_uM, params=None):
    """Glutamate relative to baseline and pyramidal NMDA block over a brain concentration course (µM on ``t_h``).

    The circuit stage's dynamics (:func:`ketamine_sim.circuit.simulate`: use-dependent block kinetics on each
    population and the pyramidal lag), as the chain uses them; repeated times are allowed.
    """
    t = np.asarray(t_h, dtype=float)
    c = np.asarray(conc_uM, dtype=float)
    u, first, inverse = np.unique(t, return_index=True, return_inverse=True)
    if u.size < 2:
        glu, block = circuit_drive(c)
        return np.asarray(glu, dtype=float), np.asarray(block, dtype=float)
    net = circuit.simulate(u, c[first], params=params)
    return net.glutamate_rel[inverse], net.pyramidal_block[inverse]


# --- the chain -----------------------------------------------------------------------------------------

def _as_times(t_h):
    t = in_range("t_h", t_h, *T_RANGE_H, "h")
    if t.ndim > 1:
        raise ValueError(f"t_h has shape {t.shape}; allowed: a number or a 1-D array of times in hours")
    return t


def _increasing(name, t):
    if t.ndim == 1 and t.size > 1 and np.any(np.diff(t) <= 0):
        raise ValueError(f"{name} must be strictly increasing when a time course is given; allowed: increasing "
                         f"times in [{T_RANGE_H[0]:g}, {T_RANGE_H[1]:g}] h")


_LIMITS = {"ketamine_uM": (*CONC_RANGE_UM, "uM"), "glutamate_rel": (0.0, 100.0, "(relative)"),
           "pyramidal_block": (0.0, 1.0, "(fraction)")}
GLU_RANGE = _LIMITS["glutamate_rel"][:2]
_REST = {"ketamine_uM": 0.0, "glutamate_rel": 1.0, "pyramidal_block": 0.0}
_QUIET = 1e-2  # drivers closer than this to rest are integrated with coarse steps (changes < 1e-4)


def _given(name, values, t):
    """Check a driver time course given on the times ``t`` (one value per time)."""
    v = in_range(name, values, *_LIMITS[name])
    if v.shape != t.shape:
        raise ValueError(f"{name} has shape {v.shape} but t_h has shape {t.shape}; allowed: one value per time")
    return v


def _switch(name, value):
    if isinstance(value, bool | np.bool_):
        return float(value)
    raise ValueError(f"{name}={value!r} is not allowed; choose one of True, False")


def _blocked(name, value, full):
    """Fraction of the target blocked: True → ``full``, False → 0, a number 0–1 as is."""
    if isinstance(value, bool | np.bool_):
        return full if value else 0.0
    return float(in_range(name, value, 0.0, 1.0, "(fraction blocked)"))


def _chain(t, conc, glu, block, nbqx, rapamycin, bdnf_fraction, spine_formation, p):
    """Integrate every stage on the internal grid ``t`` (hours); returns a dict of arrays."""
    dt = np.diff(t)
    ampa = receptors.ampa_throughput(glu, nbqx)
    eef2 = relax(t, dt, 1.0 - p.eef2k_nmda_share * block, p.tau_eef2_h, x0=1.0)
    dephos = np.clip(1.0 - eef2, 0.0, None)
    release = bdnf_fraction * (p.w_surge * np.clip(ampa - 1.0, 0.0, None) + p.w_rest * dephos * np.clip(ampa, 0, 1))
    bdnf = relax(t, dt, release, p.tau_bdnf_h)
    bound = (bdnf / p.k_trkb) ** p.trkb_hill
    trkb = relax(t, dt, bound / (1.0 + bound), p.tau_trkb_h)
    mtor = relax(t, dt, trkb * (1.0 - rapamycin), p.tau_mtor_h)
    # the two slow traces of TrkB in one pass: potentiation and the plasticity window
    slow, window = relax(t, dt, np.stack([trkb, trkb]), np.array([[p.tau_potentiation_h], [p.tau_window_h]]))
    synth = relax(t, dt, mtor, p.tau_synth_h)
    k_e = p.elimination_per_day
    formation = k_e * (1.0 + p.formation_gain * synth * spine_formation)
    spines = relax(t, dt, formation / k_e, 24.0 / k_e, x0=1.0)
    potentiation = p.potentiation_gain * slow
    return {
        "ketamine_uM": conc, "glutamate_rel": glu, "pyramidal_block": block, "ampa_drive": ampa,
        "eef2_phospho": eef2, "bdnf": bdnf, "trkb": trkb, "mtorc1": mtor, "synthesis": synth,
        "formation_rate_per_day": formation, "elimination_rate_per_day": np.full(t.shape, k_e),
        "spine_density": spines, "potentiation": potentiation,
        "ltp_threshold": THETA_LTP / (1.0 + p.window_gain * window),
    }


@lru_cache(maxsize=32)
def _dose_grid(t_max, starts, fine_h, coarse_h, active_h):
    grid = _grid(t_max, [(s0, s0 + active_h) for s0 in starts], fine_h, coarse_h)
    grid.flags.writeable = False
    return grid


@lru_cache(maxsize=32)
def _unit_course(t_max, starts, fine_h, coarse_h, active_h):
    """Brain ketamine on the dose grid for doses of peak 1 µM at ``starts`` (cached)."""
    course = _doses(_dose_grid(t_max, starts, fine_h, coarse_h, active_h), starts)
    course.flags.writeable = False
    return course


def _sample(t, grid, values):
    """Linear interpolation of the rows of ``values`` (on the increasing ``grid``) at the times ``t``."""
    x = np.atleast_1d(t)
    i = np.clip(np.searchsorted(grid, x, side="right") - 1, 0, grid.size - 2)
    w = np.clip((x - grid[i]) / (grid[i + 1] - grid[i]), 0.0, 1.0)
    out = values[:, i] * (1.0 - w) + values[:, i + 1] * w
    return out.reshape((values.shape[0], *np.shape(t)))


def simulate(t_h, ketamine_uM=DEFAULT_PEAK_UM, *, nbqx=False, rapamycin=False, bdnf_fraction=1.0, spine_formation=True,
             dose_times_h=(0.0,), glutamate_rel=None, pyramidal_block=None, params=PARAMS):
    """Every stage from ketamine to spines at the times ``t_h`` (hours after the first dose, 0–17520 h).

    ``ketamine_uM``: a number is the peak brain concentration (µM) of a standard 40-min infusion given at
    each of ``dose_times_h``; an array of the same shape as ``t_h`` (increasing times) is the brain
    concentration time course itself, linearly interpolated (sample it finely enough to resolve the infusion).
    ``glutamate_rel`` / ``pyramidal_block``: optional explicit driver time courses on ``t_h`` that replace the
    circuit stage (e.g. glutamate held at 1 with pyramidal block > 0 for the block-at-rest route, Autry2011).
    Switches (True/False or the fraction blocked, 0–1): ``nbqx`` blocks AMPA receptors (True = 95%, the
    receptors stage's default; Maeng2008), ``rapamycin`` blocks mTORC1 (True = fully; Li2010),
    ``bdnf_fraction`` scales BDNF (0 = knockout, 1 = normal), ``spine_formation=False`` removes new spines
    (as in ModaSava2019).  Returns a :class:`PlasticityResult`.
    """
    t = _as_times(t_h)
    nbqx_on, rapa_on, f_bdnf, form_on = _switches(nbqx, rapamycin, bdnf_fraction, spine_formation, params)
    t_max = float(np.max(t)) if t.size else 0.0
    courses = {name: value for name, value in
               (("ketamine_uM", ketamine_uM), ("glutamate_rel", glutamate_rel), ("pyramidal_block", pyramidal_block))
               if value is not None and np.ndim(value) > 0}
    starts = tuple(np.atleast_1d(in_range("dose_times_h", dose_times_h, *T_RANGE_H, "h")).tolist())
    step = (params.fine_step_h, params.coarse_step_h)
    if courses:  # drivers given on the caller's times: fine steps wherever any of them departs from rest
        _increasing("t_h", t)
        tt = np.atleast_1d(t)
        given = {name: _given(name, value, t) for name, value in courses.items()}
        moving = np.zeros(tt.shape, dtype=bool)
        for name, v in given.items():
            moving |= np.abs(np.atleast_1d(v) - _REST[name]) > _QUIET
        lead = np.concatenate([[tt[0]], tt[:-1]])
        active = [(lo, hi + params.active_h) for lo, hi in zip(lead[moving], tt[moving], strict=True)]
        if "ketamine_uM" not in given:
            active += [(s0, s0 + params.active_h) for s0 in starts]
        grid = _grid(t_max, active, *step, points=tt)
        at_grid = {name: np.interp(grid, tt, np.atleast_1d(v)) for name, v in given.items()}
    else:
        grid = _dose_grid(t_max, starts, *step, params.active_h)
        at_grid = {}
    if "ketamine_uM" in at_grid:
        conc = at_grid["ketamine_uM"]
    else:
        peak = float(in_range("ketamine_uM", ketamine_uM, *CONC_RANGE_UM, "uM"))
        unit = _unit_course(t_max, starts, *step, params.active_h) if not courses else _doses(grid, starts)
        conc = np.minimum(peak * unit, CONC_RANGE_UM[1])
    if glutamate_rel is None or pyramidal_block is None:
        glu_c, block_c = circuit_course(grid, conc)
    glu = at_grid.get("glutamate_rel", glu_c if glutamate_rel is None else None)
    block = at_grid.get("pyramidal_block", block_c if pyramidal_block is None else None)
    if glu is None:
        glu = np.full(grid.shape, float(in_range("glutamate_rel", glutamate_rel, *GLU_RANGE, "(relative)")))
    if block is None:
        block = np.full(grid.shape, float(in_range("pyramidal_block", pyramidal_block, 0.0, 1.0, "(fraction)")))
    stages = _chain(grid, conc, glu, block, nbqx_on, rapa_on, f_bdnf, form_on, params)
    sampled = _sample(t, grid, np.array(list(stages.values())))
    return PlasticityResult(t_h=t, **dict(zip(stages, sampled, strict=True)))


def _switches(nbqx, rapamycin, bdnf_fraction, spine_formation, params):
    nbqx_on = nbqx if isinstance(nbqx, bool | np.bool_) else _blocked("nbqx", nbqx, 1.0)
    rapa_on = _blocked("rapamycin", rapamycin, params.rapamycin_block)
    form_on = _switch("spine_formation", spine_formation)
    return nbqx_on, rapa_on, float(in_range("bdnf_fraction", bdnf_fraction, 0.0, 1.0, "(fraction)")), form_on


def on_grid(grid_h, ketamine_uM, *, nbqx=False, rapamycin=False, bdnf_fraction=1.0, spine_formation=True,
            params=PARAMS):
    """Every stage on the caller's own integration grid ``grid_h`` (h, strictly increasing, from 0) for the brain
    concentration course ``ketamine_uM`` (µM, one value per node): no resampling, so a long schedule costs one
    pass over its grid.  The grid must be fine (minutes) wherever the drug acts, as
    :func:`ketamine_sim.clinical.brain_drive` makes it; switches as in :func:`simulate`.
    """
    grid = receptors._time_axis(grid_h)
    if grid[0] != 0.0:
        raise ValueError(f"grid_h starts at {grid[0]:g} h; allowed: a grid starting at 0 h (the drug-free state)")
    conc = _given("ketamine_uM", ketamine_uM, grid)
    nbqx_on, rapa_on, f_bdnf, form_on = _switches(nbqx, rapamycin, bdnf_fraction, spine_formation, params)
    glu, block = circuit_course(grid, conc)
    stages = _chain(grid, conc, glu, block, nbqx_on, rapa_on, f_bdnf, form_on, params)
    return PlasticityResult(t_h=grid, **stages)


def spine_density(t_h, ketamine_uM=DEFAULT_PEAK_UM, nbqx=False, rapamycin=False):
    """Spine density relative to the depressed baseline (1.0) at ``t_h`` hours after the dose.

    ``ketamine_uM``: a number is the peak brain concentration (µM) of one standard 40-min infusion starting at
    t = 0 (shape of ``pharmacokinetics.brain_ketamine_uM`` scaled to that peak); an array of the same shape as
    ``t_h`` (increasing times) is a brain concentration time course.  dN/dt = k_e (1 + g S(t)) − k_e N
    (Phoumthipphavong2016: formation up, elimination unchanged).  ``rapamycin=True`` abolishes the rise
    (Li2010); ``nbqx=True`` (95% AMPA block) leaves a few % of it (Maeng2008).  Either may be a fraction 0–1.
    """
    return simulate(t_h, ketamine_uM, nbqx=nbqx, rapamycin=rapamycin).spine_density


def ltp_threshold(t_h, ketamine_uM=DEFAULT_PEAK_UM, nbqx=False, rapamycin=False):
    """The LTP threshold θ(t) (Ca²⁺ relative to its maximum) after ketamine: θ = θ₀ / (1 + g_θ W(t)).

    θ₀ = :data:`THETA_LTP`; W follows TrkB activation slowly (τ 24 h, ASSUMED), so θ is lowered for a limited
    time.  The "window of opportunity" is a HYPOTHESIS (claim #24; Olson2018; ModaSava2019), not a measurement.
    """
    return simulate(t_h, ketamine_uM, nbqx=nbqx, rapamycin=rapamycin).ltp_threshold


def ltp_induced(calcium_rel, theta=THETA_LTP):
    """Hebbian rule: True where NMDA Ca²⁺ influx ``calcium_rel`` (relative to its maximum) reaches ``theta``."""
    ca = in_range("calcium_rel", calcium_rel, 0.0, 100.0, "(relative)")
    th = in_range("theta", theta, 0.0, 1.0, "(relative)")
    return ca >= th
