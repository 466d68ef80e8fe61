"""Pharmacokinetics: how much ketamine is in the blood and at the brain after each dose and schedule.

Model (amounts in µmol per kg body weight, concentrations in µM, time in hours):

* depot (nasal)      dD/dt  = −k_a D                                   (intranasal doses only)
* central (plasma)   dA₁/dt = k_a D + input(t) − (k₁₀ + k₁₂) A₁ + k₂₁ A₂,   C_p = A₁ / V₁
* peripheral         dA₂/dt = k₁₂ A₁ − k₂₁ A₂
* effect site        dC_e/dt = k_e0 (C_p − C_e)                         ("brain" concentration)
* norketamine        dN/dt  = f_m k₁₀ A₁ − k_nk N,                      C_nk = N / V_nk

The system is linear, so every dose is solved exactly (eigen-decomposition of the rate matrix, a
zero-order input of the dose's duration) and doses simply add (superposition).  Finished doses are
folded into one decaying amount per mode, so a two-week schedule costs one exponential per mode and
time point on the requested grid (about 1 ms for 2000 points), with no time stepping.

Sources and assumptions (ASSUMED = no number in shared/science/facts.md):

* Two compartments: facts.md's modelling note says one would fit the infusion anchors, but the
  distribution phase is what makes a bolus give higher early levels than an infusion.  The
  bolus response is C_p(t) = (D/V₁)(a e^(−αt) + (1 − a) e^(−βt)) with a distribution half-life of
  12.5 min (midpoint of 10–15 min, KetalarLabel, SECONDARY) and an elimination half-life of 2.5 h
  ("2 to 3 h", AlShirawi2017; KetalarLabel).  The share a = 0.5 of the fast phase is ASSUMED (no
  number in facts.md; it implies a steady-state volume of about 3 L/kg and a clearance of about
  15 mL/kg/min, not checked against a source).  k₁₀, k₁₂, k₂₁ follow from α, β and a.
* The central volume V₁ is CALIBRATED so that 0.5 mg/kg over 40 min (Berman2000; Fava2020) peaks at
  0.78 µM = 185 ng/mL (Zanos2018PharmRev).  Volumes and clearances scale with body weight, so a dose in
  mg/kg gives the same concentrations at any weight; weight matters only for doses given in mg.
* Molar mass 237.7 g/mol (ketamine base, DERIVED in facts.md): 1 µM ≈ 238 ng/mL.
* Effect site ("brain"): a massless compartment with an equilibration half-time of 23 s, the EEG slow-wave
  value after a 1.5 mg/kg bolus in volunteers (Sleigh2019, abstract; not in facts.md, added to the book's
  bibliography; theta power gave 47 s).  It replaces an ASSUMED 3 min that put the brain peak of a 2 mg/kg
  bolus at 11 min and its level at 30 s at 0.51 µM, against the label's anaesthesia within 30 s lasting
  5–10 min (KetalarLabel).  At equilibrium brain = plasma (partition coefficient 1, ASSUMED; protein binding
  and brain uptake are ignored).
* Intranasal doses: bioavailability 45% (AlShirawi2017, measured for *racemic* ketamine; we use it
  for esketamine too), absorption half-time 10 min from a nasal depot (ASSUMED).  A Spravato dose of
  n devices is delivered evenly over (n − 1) × 5 min, the label's 5-min rest between devices
  (SpravatoLabel).  The swallowed part of the spray is not modelled separately.
* Norketamine: a fraction f_m = 0.8 of ketamine elimination forms it (ASSUMED; N-demethylation is the
  main route, Zanos2018PharmRev, SECONDARY), with its own half-life of 5 h and volume 3 L/kg (both
  ASSUMED).  Norketamine's own NMDA block and the hydroxynorketamines (claims.md #27: DEBATED) are
  not modelled here.
* S- and R-ketamine follow the same kinetics: enantiomer differences in clearance are ignored; ``form``
  only labels which molecule is in the blood so later stages can use the right affinity.
* Schedules: six infusions on Mon/Wed/Fri over two weeks (Phillips2019); esketamine twice weekly for
  4 weeks, then weekly (SpravatoLabel), with the first dose 56 mg and the twice-weekly doses on days 0
  and 3 of each week (ASSUMED: the label does not fix the weekdays).
* Everything is linear (no saturation of metabolism, no CYP3A4/2B6 interactions, no age or sex effect).
  Infusions shorter than 3.6 µs are treated as boluses.
* Input limits: doses up to 20 mg/kg (above the label's largest IM induction dose, 13 mg/kg, the model
  has nothing to stand on); times up to two years (maintenance trials ran a year and longer); infusions
  0.1 min to 24 h; body weight 30–250 kg.

Checked (``literature/pharmacokinetics.py``).  Validation (predicted, not fitted): plasma stays in the
dissociation range (0.42–1.1 µM) over the second half of the infusion; 0.15 mg/kg IV gives the analgesic range
(0.29–0.67 µM) for 0.5–5 min, at its low end; the brain level of a 2 mg/kg bolus peaks within the label's 5–10 min
of anaesthesia (at about 2.3 min).  Structural (true by construction): the distribution phase ends near 45 min
(from its 12.5-min half-life and a threshold we chose); at most 2⁻⁴ of the peak (5.2%) is left 10 h after the
start.  Known misses: 2 mg/kg IV gives about 4.1–4.7 µM plasma over 0.5–5 min, below the 5–10 µM quoted for
general anaesthesia (with a 12.5-min distribution phase the central volume is too large for the first minutes
after a bolus; a faster initial mixing phase, not in facts.md, would be needed); so the brain reaches only 2.8 µM
at 30 s (the label: anaesthesia within 30 s) and about 3.3 µM after 1.5 mg/kg, below the 6.9 µM at which
volunteers lost responsiveness (Sleigh2019).
"""

from dataclasses import dataclass, field
from functools import lru_cache

import numpy as np

from ketamine_sim._checks import in_range, one_of
from ketamine_sim.literature import reference

MOLAR_MASS_G_PER_MOL = reference("ketamine_molar_mass").value  # DERIVED in facts.md
T_MAX_H = 24.0 * 730  # longest simulated time: two years
DOSE_RANGE_MG_PER_KG = (0.0, 20.0)
INFUSION_RANGE_MIN = (0.1, 24.0 * 60)
DURATION_RANGE_MIN = (0.0, 24.0 * 60)  # 0 = bolus
BODY_WEIGHT_RANGE_KG = (30.0, 250.0)
ROUTES = ("iv", "intranasal")
FORMS = ("racemic", "S", "R")
UNITS = ("mg/kg", "mg")
DEVICE_MG = reference("esketamine_device_dose").value  # SpravatoLabel: one nasal device
DEVICE_INTERVAL_MIN = reference("esketamine_device_interval").value  # SpravatoLabel
ESKETAMINE_DOSES_MG = (DEVICE_MG, 2 * DEVICE_MG, 3 * DEVICE_MG)  # SpravatoLabel: 28, 56, 84 mg
ANAESTHETIC_IV_RANGE_MG_PER_KG = (1.0, 4.5)  # KetalarLabel
ANAESTHETIC_MEAN_MG_PER_KG = reference("anaesthetic_induction_dose").value  # KetalarLabel: mean 2 mg/kg
MAX_DOSES = 1000

_LN2 = np.log(2.0)


def uM_to_ng_per_mL(conc_uM):
    """Convert ketamine concentration from µM to ng/mL (× 237.7 g/mol)."""
    return np.asarray(conc_uM, dtype=float) * MOLAR_MASS_G_PER_MOL


def ng_per_mL_to_uM(conc_ng_per_mL):
    """Convert ketamine concentration from ng/mL to µM (÷ 237.7 g/mol)."""
    return np.asarray(conc_ng_per_mL, dtype=float) / MOLAR_MASS_G_PER_MOL


def _central_amount_at_infusion_end(t_dist_min, t_elim_h, fast_fraction, infusion_h):
    """Central amount (per unit dose) at the end of an IV infusion, bolus response a e^(−αt) + (1 − a) e^(−βt)."""
    alpha, beta = _LN2 / (t_dist_min / 60.0), _LN2 / t_elim_h
    a = fast_fraction
    return (a / alpha * -np.expm1(-alpha * infusion_h) + (1 - a) / beta * -np.expm1(-beta * infusion_h)) / infusion_h


def _calibrate_central_volume(t_dist_min=12.5, t_elim_h=2.5, fast_fraction=0.5):
    """V₁ (L/kg) such that 0.5 mg/kg over 40 min peaks (at the end of the infusion) at 0.78 µM (Zanos2018PharmRev)."""
    peak = reference("peak_plasma_antidepressant_dose")
    dose = reference("standard_antidepressant_dose")
    dose_umol_per_kg = dose.value * 1e3 / MOLAR_MASS_G_PER_MOL
    amount = dose_umol_per_kg * _central_amount_at_infusion_end(t_dist_min, t_elim_h, fast_fraction, dose.at / 60.0)
    return float(amount / peak.value)


_V1_L_PER_KG = _calibrate_central_volume()


@dataclass(frozen=True)
class PkParams:
    """Constants of the two-compartment model with nasal depot, effect site and norketamine (module docstring)."""

    distribution_half_life_min: float = reference("distribution_half_life").value  # KetalarLabel
    elimination_half_life_h: float = reference("elimination_half_life").value  # AlShirawi2017; KetalarLabel
    fast_fraction: float = 0.5  # ASSUMED share of the distribution phase in the bolus response
    central_volume_L_per_kg: float = _V1_L_PER_KG  # calibrated to Zanos2018PharmRev (0.78 uM peak)
    effect_site_half_life_min: float = 23.0 / 60.0  # Sleigh2019: EEG slow waves, 23 s
    intranasal_bioavailability: float = reference("intranasal_bioavailability").value  # AlShirawi2017
    absorption_half_life_min: float = 10.0  # ASSUMED nasal absorption
    norketamine_fraction: float = 0.8  # ASSUMED share of elimination that forms norketamine
    norketamine_half_life_h: float = 5.0  # ASSUMED
    norketamine_volume_L_per_kg: float = 3.0  # ASSUMED

    @property
    def alpha_per_h(self):
        """Distribution rate constant α = ln 2 / t½,α (1/h)."""
        return _LN2 / (self.distribution_half_life_min / 60.0)

    @property
    def beta_per_h(self):
        """Terminal rate constant β = ln 2 / t½,β (1/h)."""
        return _LN2 / self.elimination_half_life_h

    @property
    def micro_constants_per_h(self):
        """(k₁₀, k₁₂, k₂₁) in 1/h from α, β and the fast share a: k₂₁ = aβ + (1 − a)α, k₁₀ = αβ/k₂₁."""
        alpha, beta, a = self.alpha_per_h, self.beta_per_h, self.fast_fraction
        k21 = a * beta + (1 - a) * alpha
        k10 = alpha * beta / k21
        return k10, alpha + beta - k21 - k10, k21

    @property
    def clearance_mL_per_min_per_kg(self):
        """Clearance k₁₀ V₁ (mL/min/kg), implied by the half-lives, a and the calibrated V₁."""
        return self.micro_constants_per_h[0] * self.central_volume_L_per_kg * 1e3 / 60.0

    @property
    def steady_state_volume_L_per_kg(self):
        """Volume of distribution at steady state, V₁ (1 + k₁₂/k₂₁) (L/kg)."""
        _, k12, k21 = self.micro_constants_per_h
        return self.central_volume_L_per_kg * (1 + k12 / k21)


PK = PkParams()


def calibrated_params(**changes):
    """:class:`PkParams` with ``changes`` applied and V₁ re-calibrated to the 0.78 µM peak (for exercises).

    E.g. ``calibrated_params(fast_fraction=0.8)`` asks what a larger distribution phase would predict.
    """
    base = PkParams(**changes)
    in_range("fast_fraction", base.fast_fraction, 0.01, 0.99)
    in_range("distribution_half_life_min", base.distribution_half_life_min, 1.0, 60.0, "min")
    in_range("elimination_half_life_h", base.elimination_half_life_h, 1.5, 24.0, "h")
    v1 = _calibrate_central_volume(base.distribution_half_life_min, base.elimination_half_life_h, base.fast_fraction)
    return PkParams(**{**base.__dict__, "central_volume_L_per_kg": v1})


@dataclass(frozen=True)
class Dose:
    """One dose: ``amount`` in ``unit`` ("mg/kg" or "mg") given from ``start_h`` over ``duration_min`` (0 = bolus).

    ``route`` "iv" enters the plasma; "intranasal" enters a nasal depot at 45% bioavailability.  ``form``
    ("racemic", "S", "R") labels the molecule; all three share one set of kinetics.
    """

    start_h: float
    amount: float
    route: str = "iv"
    duration_min: float = 0.0
    form: str = "racemic"
    unit: str = "mg/kg"

    def __post_init__(self):
        one_of("route", self.route, ROUTES)
        one_of("form", self.form, FORMS)
        one_of("unit", self.unit, UNITS)
        high = DOSE_RANGE_MG_PER_KG[1] * (1.0 if self.unit == "mg/kg" else BODY_WEIGHT_RANGE_KG[1])
        for name, low, top, unit in (("start_h", 0.0, T_MAX_H, "h"), ("duration_min", *DURATION_RANGE_MIN, "min"),
                                     ("amount", 0.0, high, self.unit)):
            object.__setattr__(self, name, _scalar(name, getattr(self, name), low, top, unit))

    def mg_per_kg(self, body_weight_kg=70.0):
        """The dose in mg per kg body weight."""
        return float(self.amount) if self.unit == "mg/kg" else float(self.amount) / body_weight_kg


def _scalar(name, value, low, high, unit):
    """A single number in [low, high] (ValueError naming ``name`` otherwise)."""
    arr = in_range(name, value, low, high, unit)
    if arr.ndim:
        raise ValueError(f"{name}={value!r} must be a single number in the allowed range [{low:g}, {high:g}] {unit}")
    return float(arr)


# --- dose and schedule constructors ---------------------------------------------------------------------

def standard_infusion(start_h=0.0, dose_mg_per_kg=0.5, infusion_min=40.0, form="racemic"):
    """The antidepressant infusion: 0.5 mg/kg IV over 40 min (Berman2000; Fava2020)."""
    dose = _scalar("dose_mg_per_kg", dose_mg_per_kg, *DOSE_RANGE_MG_PER_KG, "mg/kg")
    return Dose(start_h, dose, "iv", _scalar("infusion_min", infusion_min, *INFUSION_RANGE_MIN, "min"), form)


def iv_bolus(start_h=0.0, dose_mg_per_kg=0.15, form="racemic"):
    """A single IV bolus (given instantly), e.g. the analgesic 0.15 mg/kg (Zanos2018PharmRev)."""
    return Dose(start_h, _scalar("dose_mg_per_kg", dose_mg_per_kg, *DOSE_RANGE_MG_PER_KG, "mg/kg"), "iv", 0.0, form)


def anaesthetic_bolus(start_h=0.0, dose_mg_per_kg=ANAESTHETIC_MEAN_MG_PER_KG):
    """An anaesthetic induction bolus, IV 1–4.5 mg/kg (mean 2 mg/kg; KetalarLabel)."""
    dose = _scalar("dose_mg_per_kg", dose_mg_per_kg, *ANAESTHETIC_IV_RANGE_MG_PER_KG, "mg/kg")
    return Dose(start_h, dose, "iv", 0.0, "racemic")


def esketamine_nasal(start_h=0.0, dose_mg=56.0):
    """Esketamine nasal spray, 28/56/84 mg = 1/2/3 devices, 5 min apart (SpravatoLabel)."""
    one_of("dose_mg", dose_mg, ESKETAMINE_DOSES_MG)
    devices = round(float(dose_mg) / DEVICE_MG)
    return Dose(start_h, float(dose_mg), "intranasal", DEVICE_INTERVAL_MIN * (devices - 1), "S", "mg")


def six_infusions_two_weeks(dose_mg_per_kg=0.5, infusion_min=40.0, start_h=0.0):
    """Six infusions over two weeks, Monday/Wednesday/Friday (days 0, 2, 4, 7, 9, 11; Phillips2019)."""
    days = (0, 2, 4, 7, 9, 11)
    return tuple(standard_infusion(start_h + 24.0 * d, dose_mg_per_kg, infusion_min) for d in days)


def esketamine_schedule(induction_dose_mg=56.0, maintenance_dose_mg=56.0, maintenance_weeks=0, start_h=0.0):
    """Spravato for resistant depression: twice weekly for 4 weeks, then weekly (SpravatoLabel).

    The first dose is always 56 mg (label); the induction doses fall on days 0 and 3 of each week (Monday and
    Thursday, ASSUMED), maintenance doses on day 0 of weeks 5, 6, ... (``maintenance_weeks`` of them).
    """
    if _scalar("maintenance_weeks", maintenance_weeks, 0, 100, "weeks") % 1:
        raise ValueError(f"maintenance_weeks={maintenance_weeks!r} must be a whole number in the allowed range "
                         "[0, 100]")
    one_of("induction_dose_mg", induction_dose_mg, ESKETAMINE_DOSES_MG)
    one_of("maintenance_dose_mg", maintenance_dose_mg, ESKETAMINE_DOSES_MG)
    induction_days = [7 * w + d for w in range(4) for d in (0, 3)]
    doses = [esketamine_nasal(start_h + 24.0 * day, 56.0 if i == 0 else induction_dose_mg)
             for i, day in enumerate(induction_days)]
    weeks = range(4, 4 + round(maintenance_weeks))
    doses += [esketamine_nasal(start_h + 24.0 * 7 * w, maintenance_dose_mg) for w in weeks]
    return tuple(doses)


# --- the linear solution --------------------------------------------------------------------------------

_OUTPUTS = ("plasma_uM", "brain_uM", "norketamine_uM")


@lru_cache(maxsize=32)
def _modes(params):
    """Eigenvalues λ (1/h) and weights W[route, output, mode] so that output(t) = Σ W g_mode(t)."""
    k10, k12, k21 = params.micro_constants_per_h
    ka = _LN2 / (params.absorption_half_life_min / 60.0)
    ke0 = _LN2 / (params.effect_site_half_life_min / 60.0)
    knk = _LN2 / params.norketamine_half_life_h
    v1 = params.central_volume_L_per_kg
    rates = {"absorption": ka, "distribution": params.alpha_per_h, "elimination": params.beta_per_h,
             "effect site": ke0, "norketamine": knk}
    values = sorted(rates.values())
    if params.alpha_per_h <= params.beta_per_h or not 0 < params.fast_fraction < 1 or k12 <= 0:
        raise ValueError("params: need a distribution half-life shorter than the elimination half-life and "
                         "0 < fast_fraction < 1")
    if np.min(np.diff(values) / values[1:]) < 1e-6:
        raise ValueError(f"params: rate constants must differ, got {rates}")
    # states: nasal depot, central, peripheral (µmol/kg), effect site (µM), norketamine (µmol/kg)
    k = np.array([
        [-ka, 0.0, 0.0, 0.0, 0.0],
        [ka, -(k10 + k12), k21, 0.0, 0.0],
        [0.0, k12, -k21, 0.0, 0.0],
        [0.0, ke0 / v1, 0.0, -ke0, 0.0],
        [0.0, params.norketamine_fraction * k10, 0.0, 0.0, -knk],
    ])
    lam, vec = np.linalg.eig(k)
    lam, vec = np.real(lam), np.real(vec)
    out = np.zeros((3, 5))
    out[0, 1], out[1, 3], out[2, 4] = 1.0 / v1, 1.0, 1.0 / params.norketamine_volume_L_per_kg
    inv = np.linalg.inv(vec)
    weights = np.stack([(out @ vec) * inv[:, j] for j in (1, 0)])  # route 0 = iv (central), 1 = intranasal
    return lam, weights


def _dose_arrays(doses, body_weight_kg, params):
    """Start (h), duration (h), amount entering the body (µmol/kg), route index and form of each dose."""
    start = np.array([d.start_h for d in doses], dtype=float)
    duration = np.array([d.duration_min for d in doses], dtype=float) / 60.0
    duration[duration < 1e-9] = 0.0  # shorter than 3.6 µs: a bolus (avoids a start == end round-off tie)
    mg_per_kg = np.array([d.mg_per_kg(body_weight_kg) for d in doses], dtype=float)
    in_range("amount", mg_per_kg, *DOSE_RANGE_MG_PER_KG, "mg/kg")
    route = np.array([ROUTES.index(d.route) for d in doses], dtype=int)
    bio = np.where(route == 1, params.intranasal_bioavailability, 1.0)
    return start, duration, mg_per_kg * bio * 1e3 / MOLAR_MASS_G_PER_MOL, route


def _contributions(t_h, start, duration, amount, route, params):
    """Each dose's plasma, brain and norketamine over ``t_h``: array (doses, 3, times), exact linear solution.

    A zero-order input of total ``amount`` over ``duration`` T excites mode λ as
    g(τ) = amount · e^(λ(τ − m)) (e^(λm) − 1)/(λT), m = clip(τ, 0, T); a bolus (T = 0) as amount · e^(λτ).
    This is the plain (doses × times × modes) form; :func:`_superposed` gives the same sum much faster.
    """
    lam, weights = _modes(params)
    tau = t_h[None, :, None] - start[:, None, None]
    started = tau >= 0
    tau = np.maximum(tau, 0.0)  # before a dose starts its contribution is masked out below; avoids exp overflow
    dur = duration[:, None, None]
    m = np.minimum(tau, dur)
    lam_t = lam[None, None, :] * np.where(dur > 0, dur, 1.0)
    infused = np.where(dur > 0, np.expm1(lam[None, None, :] * m) / lam_t, 1.0)
    g = np.where(started, amount[:, None, None] * np.exp(lam[None, None, :] * (tau - m)) * infused, 0.0)
    return np.einsum("dnm,dom->don", g, weights[route])


def _superposed(t_sorted, start, duration, amount, route, params):
    """Sum over doses of :func:`_contributions` at sorted times ``t_sorted``: array (3, times).

    Once a dose is fully given (t ≥ end e_k) each mode simply decays, amount · φ_k · e^(λ(t − e_k)) with
    φ_k = (e^(λT) − 1)/(λT).  The finished doses are folded into one modal amount per dose end,
    Z_j = Z_(j−1) e^(λ(e_j − e_(j−1))) + q_j φ_j, so each time point needs one exponential per mode; doses
    still running at t add their partial input.  Every exponent is ≤ 0, so nothing overflows.
    """
    lam, weights = _modes(params)
    q = amount[:, None, None] * weights[route]  # (doses, outputs, modes)
    lam_dur = lam[None, :] * duration[:, None]
    phi = np.ones_like(lam_dur)
    running = duration > 0
    phi[running] = np.expm1(lam_dur[running]) / lam_dur[running]
    end = start + duration
    order = np.argsort(end, kind="stable")
    end_sorted = end[order]
    kick = q[order] * phi[order][:, None, :]
    decay = np.exp(lam[None, :] * np.diff(end_sorted, prepend=end_sorted[0])[:, None])
    z = np.zeros((len(end) + 1,) + q.shape[1:])
    for j in range(len(end)):
        z[j + 1] = z[j] * decay[j] + kick[j]
    n_done = np.searchsorted(end_sorted, t_sorted, side="right")
    anchor = np.where(n_done > 0, end_sorted[np.maximum(n_done - 1, 0)], t_sorted)
    out = np.einsum("nom,nm->on", z[n_done], np.exp(lam[None, :] * (t_sorted - anchor)[:, None]))
    for k in np.flatnonzero(running):
        lo, hi = np.searchsorted(t_sorted, [start[k], end[k]], side="left")
        if hi > lo:
            partial = np.expm1(lam[:, None] * (t_sorted[lo:hi] - start[k])[None, :]) / lam_dur[k][:, None]
            out[:, lo:hi] += q[k] @ partial
    return out


@dataclass(frozen=True)
class PkResult:
    """Concentrations over time for a dosing schedule (µM; ``t_h`` in hours)."""

    t_h: np.ndarray
    plasma_uM: np.ndarray
    brain_uM: np.ndarray
    norketamine_uM: np.ndarray
    brain_by_form_uM: dict
    form: str  # the common form of all doses, or "mixed"
    doses: tuple
    body_weight_kg: float
    params: PkParams = field(default=PK, repr=False)

    @property
    def plasma_ng_per_mL(self):
        """Plasma ketamine in ng/mL."""
        return uM_to_ng_per_mL(self.plasma_uM)


def simulate(doses, t_h, body_weight_kg=70.0, params=PK):
    """Plasma, brain (effect-site) and norketamine concentrations (µM) at ``t_h`` for a schedule of doses.

    ``doses``: a :class:`Dose` or a sequence of them; ``t_h``: hours (0–17520, two years) on the same clock as the
    doses' ``start_h``.  Exact solution of the linear model, doses summed by superposition.
    """
    doses = (doses,) if isinstance(doses, Dose) else tuple(doses)
    if len(doses) > MAX_DOSES or not all(isinstance(d, Dose) for d in doses):
        raise ValueError(f"doses: need at most {MAX_DOSES} Dose records, got {len(doses)} items")
    t = in_range("t_h", t_h, 0.0, T_MAX_H, "h")
    weight = float(in_range("body_weight_kg", body_weight_kg, *BODY_WEIGHT_RANGE_KG, "kg"))
    flat = np.atleast_1d(t).ravel()
    forms = tuple(dict.fromkeys(d.form for d in doses))
    if not doses:
        zero = np.zeros_like(t)
        return PkResult(t, zero, zero.copy(), zero.copy(), {}, "racemic", doses, weight, params)
    start, duration, amount, route = _dose_arrays(doses, weight, params)
    order = np.argsort(flat, kind="stable")
    sums = {}
    for f in forms:
        mask = np.array([d.form == f for d in doses])
        sums[f] = np.empty((3, flat.size))
        sums[f][:, order] = _superposed(flat[order], start[mask], duration[mask], amount[mask], route[mask], params)
    # exact sums of positive quantities; clip only floating-point round-off below zero
    total = np.maximum(sum(sums.values()), 0.0).reshape((3,) + t.shape)
    by_form = {f: np.maximum(v[1], 0.0).reshape(t.shape) for f, v in sums.items()}
    form = forms[0] if len(forms) == 1 else "mixed"
    return PkResult(t, total[0], total[1], total[2], by_form, form, doses, weight, params)


def plasma_ketamine_uM(t_h, dose_mg_per_kg=0.5, infusion_min=40.0):
    """Plasma racemic ketamine (µM) at ``t_h`` hours after the start of an IV infusion of ``dose_mg_per_kg``.

    Two-compartment model calibrated to 0.78 µM at the end of 0.5 mg/kg over 40 min (Zanos2018PharmRev).
    """
    return simulate(standard_infusion(0.0, dose_mg_per_kg, infusion_min), t_h).plasma_uM


def brain_ketamine_uM(t_h, dose_mg_per_kg=0.5, infusion_min=40.0):
    """Effect-site (brain) ketamine (µM) for the same infusion: dC_e/dt = k_e0 (C_p − C_e), t½ 23 s (Sleigh2019)."""
    return simulate(standard_infusion(0.0, dose_mg_per_kg, infusion_min), t_h).brain_uM


# --- the antidepressant concentration: each quantity named once ----------------------------------------

ANTIDEPRESSANT_PEAK_PLASMA_UM = reference("peak_plasma_antidepressant_dose").value
"""Peak *plasma* ketamine of the standard infusion, 0.78 µM (Zanos2018PharmRev): the calibration target of V₁."""

PUBLISHED_BRAIN_ESTIMATE_UM = reference("brain_conc_antidepressant_dose").value
"""Gerhard2020's *estimate* of the human brain level at the antidepressant dose, ≈1 µM (SECONDARY).  A number from
the literature, quoted for comparison; no stage uses it as its default."""


def _standard_brain_peak_uM():
    t = np.linspace(0.0, 3.0, 3601)  # 3-s steps over the infusion and the hours after it
    return float(np.max(brain_ketamine_uM(t)))


ANTIDEPRESSANT_PEAK_BRAIN_UM = _standard_brain_peak_uM()
"""Peak *brain* (effect-site) ketamine of the standard infusion in this model, ≈0.74 µM: "the antidepressant
concentration" of the package.  Every stage's default dose follows it (circuit calibration, plasticity, clinic)."""
