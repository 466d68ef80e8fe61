"""Virtual patients: a seeded population around the average patient of :mod:`ketamine_sim.clinical`.

One average patient cannot show that individual variation is large, nor give a response rate or a hazard ratio.
Here each of ``n`` patients differs from the average patient in six numbers (a :class:`Cohort`); the average
patient's two components are computed once per schedule and every patient is a cheap transformation of them,
so 10,000 patients over eight weeks take a fraction of a second (``make bench ONLY=models``).

Patient i, at time t (hours from the first dose):

* drive        D_i(t) = a_i · (w_F F(t) + w_S S_(k_i)(t)),   a_i = x_i^γ · s_i          (clinical.symptom_effect)
* drug effect  E_i = D_i / (D_i + K)
* MADRS        m_i(t) = baseline_i − P_i(t) − M · E_i(t),   clipped to the scale's 0–60
* placebo      P_i(t) = (p_i + [arm is not saline] · q_i) · (1 − e^(−t / 4 h))

F is the average patient's functional component; S_k its structural component recomputed with the extra
spines eliminated k times as fast as in the average patient and formed as in it (the relaxation of
:mod:`ketamine_sim.plasticity`, dX/dt = k₀ g S_synth − k X, on a grid of nine rates; each patient interpolates
in log k).  Slower fading therefore means both more and longer-lasting extra spines.  x_i is the patient's drug
exposure relative to the average patient, γ the model's own elasticity of the drive with respect to dose at the
standard infusion (how much more drive 10% more drug gives, computed once from :mod:`ketamine_sim.clinical`),
s_i the patient's pharmacodynamic sensitivity, p_i the inert placebo response and q_i the expectancy added when a
treatment is felt (ketamine and the active placebo midazolam).  M is
:func:`ketamine_sim.clinical.madrs_points_per_effect`.

Distributions (:class:`PopulationParams`; ASSUMED = no number in shared/science/facts.md):

* baseline MADRS: normal, mean 32, SD 6, cut to 22–54 (ASSUMED: a treatment-resistant trial population).
* exposure x: log-normal, median 1, σ 0.3 (ASSUMED: about 30% between-patient variation of clearance and, for the
  spray, of absorption).
* sensitivity s: log-normal, median 1, σ 0.5, and fading speed k: log-normal, median 1, σ 0.2, cut to 0.25–4:
  both σ are CALIBRATED so that after one standard infusion the middle 80% of relapse times lies within the
  typical 3–14 days (Abdallah2020Rapamycin): the spread is a calibration, not a prediction.
* inert placebo response p: normal, mean 4.4, SD 4.5 MADRS points; expectancy q: normal, mean 4.4, SD 4 points.
  Their sum has the mean of the midazolam group's 24-h change, 8.8 points (Murrough2013, an input); the equal
  split and both SDs are ASSUMED (Berman2000's saline arm changed 0 ± 12 HAM-D points in 7 patients: a small
  mean and a wide spread, a context number only).  The placebo response starts with the first visit, is full
  within a day (time constant 4 h, ASSUMED) and then holds; it does not fade, and it does not grow with doses.

Readouts (:class:`PopulationResult`): response = MADRS at least 50% below baseline; remission = MADRS ≤ 10
(ASSUMED: a common convention, not in facts.md); relapse = the drug effect E_i falls below the average patient's
:func:`ketamine_sim.clinical.relapse_threshold` after having been above it (so placebo responses never relapse,
and a patient whose drug effect never reaches the threshold has no relapse time).

What it leaves out: no visit-to-visit noise, no drug-independent relapse (the natural course of the illness),
no tolerance, no dropouts, no correlation between the six numbers, no change of the placebo response over time.

Checks (``literature/population.py``): the relapse spread (calibration); the cohort's mean 24-h changes against
Murrough2013 (calibration, inherited from :mod:`ketamine_sim.clinical`); validation (fitted to none of them):
Phillips2019's 59% response after six infusions over two weeks is reproduced (inside the trial's 95% interval);
NOT reproduced are that six infusions doubled the response (one infusion already gives about half the cohort a
response) and SUSTAIN-1 (Daly2019) in a virtual randomised withdrawal trial (:func:`withdrawal_trial`): every
patient who stops relapses within weeks and weekly doses prevent almost every relapse, so the hazard ratios are
far below 0.49 and 0.30, because only the drug's fading causes relapse here.
"""

import functools
from dataclasses import dataclass, fields
from statistics import NormalDist

import numpy as np

from ketamine_sim import clinical, pharmacokinetics, plasticity
from ketamine_sim._checks import in_range, one_of

ARMS = ("ketamine", "midazolam", "saline")
N_RANGE = (1, 200_000)
SPEED_RANGE = (0.25, 4.0)  # fading speed: multiple of the spine elimination rate
_SPEEDS = np.geomspace(*SPEED_RANGE, 9)
_PLACEBO_TAU_H = 4.0  # ASSUMED: the placebo response is full within a day
MADRS_RANGE = (0.0, 60.0)


@dataclass(frozen=True)
class PopulationParams:
    """The distributions the virtual patients are drawn from (module docstring: sources and assumptions)."""

    baseline_mean: float = 32.0  # ASSUMED: treatment-resistant trial population
    baseline_sd: float = 6.0  # ASSUMED
    baseline_range: tuple = (22.0, 54.0)  # ASSUMED inclusion range
    exposure_sigma: float = 0.3  # ASSUMED: between-patient variation of drug exposure (log-normal σ)
    sensitivity_sigma: float = 0.5  # CALIBRATED: relapse after one infusion within 3-14 days (Abdallah2020Rapamycin)
    fading_sigma: float = 0.2  # CALIBRATED with sensitivity_sigma
    placebo_mean: float = 4.4  # ASSUMED half of midazolam's 8.8 points at 24 h (Murrough2013)
    placebo_sd: float = 4.5  # ASSUMED
    expectancy_mean: float = 4.4  # ASSUMED the other half
    expectancy_sd: float = 4.0  # ASSUMED
    remission_madrs: float = 10.0  # ASSUMED convention: remission = MADRS at or below this


POPULATION = PopulationParams()


@dataclass(frozen=True, eq=False)
class Cohort:
    """``n`` virtual patients: one length-n array per trait (distributions in :class:`PopulationParams`)."""

    baseline_madrs: np.ndarray  # MADRS before treatment (points)
    exposure: np.ndarray  # drug exposure relative to the average patient (1 = average)
    sensitivity: np.ndarray  # pharmacodynamic sensitivity (1 = average)
    fading_speed: np.ndarray  # spine elimination rate relative to the average patient (1 = average)
    placebo_points: np.ndarray  # inert placebo response (MADRS points of improvement)
    expectancy_points: np.ndarray  # extra placebo response when a treatment is felt (MADRS points)
    params: PopulationParams = POPULATION

    def __len__(self):
        return self.baseline_madrs.size

    def subset(self, mask):
        """The patients selected by a boolean mask or an index array, as a new :class:`Cohort`."""
        picked = {f.name: getattr(self, f.name)[mask] for f in fields(self) if f.name != "params"}
        return Cohort(**picked, params=self.params)


def threshold_madrs(params=POPULATION):
    """MADRS of the average patient whose drug effect sits at the relapse threshold, with the full placebo response
    (the line a plot of the average patient's course crosses at relapse)."""
    drop = -float(clinical.madrs_change(clinical.relapse_threshold(), include_placebo=False))
    return params.baseline_mean - params.placebo_mean - params.expectancy_mean - drop


def average_patient(params=POPULATION):
    """One patient with every trait at its centre (median exposure, sensitivity and speed; mean baseline and
    placebo responses): the average patient of :mod:`ketamine_sim.clinical` on the MADRS scale."""
    one = np.ones(1)
    return Cohort(params.baseline_mean * one, one, one, one, params.placebo_mean * one,
                  params.expectancy_mean * one, params)


def _lognormal(z, sigma):
    return np.exp(sigma * z)


def _whole(name, value, low, high, unit=""):
    """``value`` as an int after checking it is a whole number in [low, high] (a ValueError naming ``name``)."""
    count = int(in_range(name, value, low, high, unit))
    if count != value:
        raise ValueError(f"{name}={value!r} must be a whole number in the allowed range [{low}, {high}]")
    return count


def sample(n, seed=0, params=POPULATION):
    """``n`` virtual patients drawn with ``seed`` (same seed, same patients). Returns a :class:`Cohort`.

    Each trait has its own block of standard normal draws, so changing one distribution's width moves that trait
    only.
    """
    count = _whole("n", n, *N_RANGE, "patients")
    seed = int(in_range("seed", seed, 0, 2**32 - 1))
    in_range("exposure_sigma", params.exposure_sigma, 0.0, 2.0)
    in_range("sensitivity_sigma", params.sensitivity_sigma, 0.0, 2.0)
    in_range("fading_sigma", params.fading_sigma, 0.0, 2.0)
    z = np.random.default_rng(seed).standard_normal((6, count))
    return Cohort(
        baseline_madrs=np.clip(params.baseline_mean + params.baseline_sd * z[0], *params.baseline_range),
        exposure=_lognormal(z[1], params.exposure_sigma),
        sensitivity=_lognormal(z[2], params.sensitivity_sigma),
        fading_speed=np.clip(_lognormal(z[3], params.fading_sigma), *SPEED_RANGE),
        placebo_points=params.placebo_mean + params.placebo_sd * z[4],
        expectancy_points=params.expectancy_mean + params.expectancy_sd * z[5],
        params=params,
    )


# --- the average patient's components, once per schedule ----------------------------------------------------

@functools.lru_cache(maxsize=1)
def dose_elasticity():
    """γ = d ln D / d ln dose of the average patient's drive at 24 h, around the standard 0.5 mg/kg infusion."""
    lo, hi = (clinical.single_infusion_effect(24.0, 0.5 * f) for f in (0.95, 1.05))
    drive = [float(e / (1.0 - e)) for e in (lo, hi)]  # D = K E / (1 − E); K cancels in the ratio
    return float(np.log(drive[1] / drive[0]) / np.log(1.05 / 0.95))


@functools.lru_cache(maxsize=32)
def _drive_rows(doses, t_key):
    """The average patient's drive w_F F + w_S S_k at the times ``t_key``, one row per fading speed k: (speeds, T)."""
    t = np.frombuffer(t_key)
    avg = clinical.course_on_grid(doses, t[-1])
    grid, p, speed = avg.t_h, plasticity.PARAMS, _SPEEDS[:, None]
    functional, _ = clinical.components(avg.potentiation, avg.spine_density)
    # extra spines X: dX/dt = k₀ g S_synth − k X, formed as in the average patient, eliminated k/k₀ times as fast
    extra = plasticity.relax(grid, np.diff(grid), p.formation_gain * avg.synthesis / speed,
                             24.0 / (p.elimination_per_day * speed))
    structural = np.maximum(extra, 0.0) / clinical.single_infusion_peaks()[1]  # units as in clinical
    rows = clinical.symptom_drive(functional, structural)
    return np.stack([np.interp(t, grid, row) for row in rows])


def _times(t_h):
    t = in_range("t_h", t_h, *clinical.T_RANGE_H, "h")
    if t.ndim != 1 or t.size < 1 or np.any(np.diff(t) <= 0):
        raise ValueError(f"t_h must be a 1-D array of strictly increasing times in [0, {clinical.T_RANGE_H[1]:g}] h "
                         f"(got shape {t.shape})")
    return t


def _speed_weights(speed):
    """Index of the lower neighbouring rate row and the weight of the upper one, interpolating in log rate."""
    x = np.log(speed / _SPEEDS[0]) / np.log(_SPEEDS[1] / _SPEEDS[0])
    j = np.clip(np.floor(x).astype(int), 0, _SPEEDS.size - 2)
    return j, (x - j)[:, None]


def drug_effect(t_h, doses, cohort):
    """Each patient's drug effect E_i (0–1) at ``t_h``: an (n, T) array (module docstring)."""
    rows = _drive_rows(clinical.as_doses(doses), _times(t_h).tobytes())
    j, w = _speed_weights(in_range("fading_speed", cohort.fading_speed, *SPEED_RANGE, "(x average)"))
    drive = np.take(np.diff(rows, axis=0), j, axis=0)  # interpolate in log speed, in place: (n, T)
    drive *= w
    drive += np.take(rows, j, axis=0)
    drive *= (cohort.exposure ** dose_elasticity() * cohort.sensitivity)[:, None]
    return clinical.effect_of_drive(drive)


# --- the population's result --------------------------------------------------------------------------------

@dataclass(frozen=True, eq=False)
class PopulationResult:
    """Every patient's course: ``madrs`` and ``effect`` are (n, T) arrays at the times ``t_h`` (h)."""

    t_h: np.ndarray
    madrs: np.ndarray  # MADRS points (0-60)
    baseline: np.ndarray  # MADRS before treatment, (n,)
    effect: np.ndarray  # drug effect 0-1 (zeros in the placebo arms)
    threshold: float  # drug effect below which a patient who was above it has relapsed
    arm: str
    remission_madrs: float

    def _column(self, values, at_h):
        at = float(in_range("at_h", at_h, self.t_h[0], self.t_h[-1], "h"))
        j = int(np.clip(np.searchsorted(self.t_h, at) - 1, 0, max(self.t_h.size - 2, 0)))
        if self.t_h.size == 1:
            return values[:, 0]
        w = (at - self.t_h[j]) / (self.t_h[j + 1] - self.t_h[j])
        return values[:, j] * (1.0 - w) + values[:, j + 1] * w

    def madrs_at(self, at_h):
        """MADRS of every patient at ``at_h`` hours (interpolated between stored times), (n,)."""
        return self._column(self.madrs, at_h)

    def effect_at(self, at_h):
        """Drug effect (0–1) of every patient at ``at_h`` hours (interpolated between stored times), (n,)."""
        return self._column(self.effect, at_h)

    def above_threshold(self, at_h):
        """Whose drug effect is at or above the relapse :attr:`threshold` at ``at_h`` (bool, n)."""
        return self.effect_at(at_h) >= self.threshold

    def relapsed_share(self, from_h):
        """Share of the patients above the threshold at ``from_h`` whose drug effect falls below it later (0 if
        nobody is above it)."""
        above = self.above_threshold(from_h)
        return float((np.isfinite(self.relapse_h(from_h)) & above).sum() / max(above.sum(), 1))

    def change(self, at_h):
        """MADRS change from baseline at ``at_h`` (points; negative = better), (n,)."""
        return self.madrs_at(at_h) - self.baseline

    def responders(self, at_h):
        """Who responds at ``at_h``: MADRS at least 50% below baseline (bool, n)."""
        return self.change(at_h) <= -0.5 * self.baseline

    def response_rate(self, at_h, level=0.95):
        """(rate, low, high): the share responding at ``at_h`` with its Wilson interval (:func:`rate_ci`)."""
        return rate_ci(int(self.responders(at_h).sum()), self.baseline.size, level)

    def remitters(self, at_h):
        """Who remits at ``at_h``: MADRS ≤ ``remission_madrs`` (10, ASSUMED convention) (bool, n)."""
        return self.madrs_at(at_h) <= self.remission_madrs

    def band(self, q=(10, 90), change=False):
        """Percentiles ``q`` (0–100) across patients of the MADRS (or, ``change=True``, of its change from baseline)
        at every stored time: a (len(q), T) array (:func:`percentiles`)."""
        return percentiles(self.madrs - self.baseline[:, None] if change else self.madrs, q)

    def relapse_h(self, from_h=0.0):
        """Time (h from the first dose) of each patient's first relapse at or after ``from_h``, ``inf`` if none.

        A relapse is the drug effect falling below :attr:`threshold` at a stored time after it was above it (at or
        after ``from_h``); its time is resolved to the stored times ``t_h``.
        """
        start = float(in_range("from_h", from_h, 0.0, clinical.T_RANGE_H[1], "h"))
        keep = self.t_h >= start
        above = self.effect[:, keep] >= self.threshold
        first = np.where(above.any(axis=1), np.argmax(above, axis=1), above.shape[1])  # first time above
        fell = ~above & (np.arange(above.shape[1]) > first[:, None])  # below again, after that
        return np.where(fell.any(axis=1), self.t_h[keep][np.argmax(fell, axis=1)], np.inf)


def percentiles(values, q):
    """Percentiles ``q`` (0–100, linear interpolation as numpy's default) of an (n, T) array over its n rows: a
    (len(q), T) array.  Sorted in float32 (a SIMD sort, several times faster than float64's partition): exact to
    about 1e-6 of the values' size, enough for a band on a figure."""
    qs = in_range("q", q, 0.0, 100.0, "%")
    v = np.asarray(values)
    if v.ndim != 2 or v.shape[0] < 1:
        raise ValueError(f"values has shape {v.shape}; allowed: (patients, times) with at least one patient")
    ordered = np.sort(v.T.astype(np.float32), axis=1)
    pos = np.atleast_1d(qs) / 100.0 * (v.shape[0] - 1)
    low = np.floor(pos).astype(int)
    high = np.minimum(low + 1, v.shape[0] - 1)
    w = pos - low
    return (ordered[:, low] * (1.0 - w) + ordered[:, high] * w).T.astype(float)


def simulate(t_h, doses, cohort, arm="ketamine"):
    """Every patient of ``cohort`` at ``t_h`` (hours from the first dose) in one ``arm``.

    ``arm``: "ketamine" (drug + placebo response with expectancy), "midazolam" (active placebo: placebo response
    with expectancy) or "saline" (inert placebo).  ``doses`` as in :func:`ketamine_sim.clinical.schedule_effect`;
    the placebo arms ignore them.  Returns a :class:`PopulationResult`.
    """
    one_of("arm", arm, ARMS)
    if not isinstance(cohort, Cohort):
        raise ValueError(f"cohort={type(cohort).__name__} is not allowed; give a population.Cohort from sample()")
    t = _times(t_h)
    felt = arm != "saline"
    placebo = (cohort.placebo_points + felt * cohort.expectancy_points)[:, None] * -np.expm1(-t / _PLACEBO_TAU_H)
    if arm == "ketamine":
        effect = drug_effect(t, doses, cohort)
        drug = -clinical.madrs_change(effect, include_placebo=False)
    else:
        effect, drug = np.zeros((len(cohort), t.size)), 0.0
    madrs = np.clip(cohort.baseline_madrs[:, None] - placebo - drug, *MADRS_RANGE)
    return PopulationResult(t, madrs, cohort.baseline_madrs.copy(), effect, clinical.relapse_threshold(), arm,
                            cohort.params.remission_madrs)


# --- statistics ---------------------------------------------------------------------------------------------

def _z(level):
    return NormalDist().inv_cdf(0.5 + float(in_range("level", level, 0.5, 0.999)) / 2.0)


def rate_ci(k, n, level=0.95):
    """(rate, low, high): the share k/n with its Wilson score interval at ``level`` (0.5–0.999)."""
    n_ = float(in_range("n", n, 1, 1e9))
    k_ = float(in_range("k", k, 0, n_))
    z, p = _z(level), k_ / n_
    centre = (p + z * z / (2 * n_)) / (1 + z * z / n_)
    half = z * np.sqrt(p * (1 - p) / n_ + z * z / (4 * n_ * n_)) / (1 + z * z / n_)
    low = 0.0 if k_ == 0 else max(0.0, centre - half)
    high = 1.0 if k_ == n_ else min(1.0, centre + half)
    return p, float(low), float(high)


def _survival_data(name, times, observed):
    t = in_range(name, times, 0.0, 1e9, "h").ravel()
    e = np.asarray(observed, dtype=bool).ravel()
    if e.shape != t.shape:
        raise ValueError(f"observed has {e.size} entries but {name} has {t.size}; give one flag per time")
    return t, e


def kaplan_meier(times_h, observed):
    """(t, survival): the Kaplan–Meier estimate, a step function starting at (0, 1) with one step per event time.

    ``times_h``: event or censoring times (h, finite); ``observed``: True for an event, False for censoring.
    """
    t, e = _survival_data("times_h", times_h, observed)
    event_times = np.unique(t[e])
    at_risk = t.size - np.searchsorted(np.sort(t), event_times, side="left")
    deaths = np.bincount(np.searchsorted(event_times, t[e]), minlength=event_times.size)
    surv = np.cumprod(1.0 - deaths / at_risk)
    return np.concatenate([[0.0], event_times]), np.concatenate([[1.0], surv])


def hazard_ratio(times_a, events_a, times_b, events_b, level=0.95):
    """(hr, low, high): hazard of group a relative to group b from a Cox model with one binary covariate.

    Breslow ties, Newton–Raphson on the partial likelihood, Wald interval on log HR.  If one group has no events
    (or every event of a comes after those of b, so the likelihood has no maximum) the HR is 0 (or ``inf`` the
    other way round) and the interval's open end is ``nan``; if no event time has both groups at risk, all three
    are ``nan``.
    """
    ta, ea = _survival_data("times_a", times_a, events_a)
    tb, eb = _survival_data("times_b", times_b, events_b)
    z = _z(level)
    if not ea.any() or not eb.any():
        if not ea.any() and not eb.any():
            return float("nan"), float("nan"), float("nan")
        return (0.0, 0.0, float("nan")) if not ea.any() else (float("inf"), float("nan"), float("inf"))
    times = np.unique(np.concatenate([ta[ea], tb[eb]]))
    risk_a = ta.size - np.searchsorted(np.sort(ta), times, side="left")
    risk_b = tb.size - np.searchsorted(np.sort(tb), times, side="left")
    d_a = np.bincount(np.searchsorted(times, ta[ea]), minlength=times.size)
    d = d_a + np.bincount(np.searchsorted(times, tb[eb]), minlength=times.size)
    beta = 0.0
    for _ in range(60):
        share = risk_a * np.exp(beta) / (risk_a * np.exp(beta) + risk_b)
        score, info = float(np.sum(d_a - d * share)), float(np.sum(d * share * (1.0 - share)))
        if info < 1e-12:  # no event time with both groups at risk: the ratio is not estimable
            return float("nan"), float("nan"), float("nan")
        step = score / info
        beta = float(np.clip(beta + np.clip(step, -2.0, 2.0), -30.0, 30.0))
        if abs(step) < 1e-10:
            break
    if abs(beta) >= 30.0:  # complete separation (every event of one group before the other's): HR at its limit
        return (0.0, 0.0, float("nan")) if beta < 0 else (float("inf"), float("nan"), float("inf"))
    half = z / np.sqrt(info)
    return float(np.exp(beta)), float(np.exp(beta - half)), float(np.exp(beta + half))


# --- a virtual randomised withdrawal trial (SUSTAIN-1's design) ----------------------------------------------

@dataclass(frozen=True, eq=False)
class WithdrawalTrial:
    """Relapse times (h from randomisation, censored at ``follow_up_h``) of stable patients in two arms."""

    follow_up_h: float
    randomised_h: float
    times_kept: np.ndarray  # continued esketamine
    events_kept: np.ndarray
    times_stopped: np.ndarray  # switched to placebo spray
    events_stopped: np.ndarray
    remitter_kept: np.ndarray  # stable remitters among the kept (bool); the others are stable responders
    remitter_stopped: np.ndarray

    def hazard_ratio(self, group="all"):
        """(hr, low, high) of continued vs stopped esketamine; ``group`` "all", "remitters" or "responders"."""
        one_of("group", group, ("all", "remitters", "responders"))
        ka = np.ones_like(self.events_kept) if group == "all" else self.remitter_kept == (group == "remitters")
        kb = np.ones_like(self.events_stopped) if group == "all" else self.remitter_stopped == (group == "remitters")
        return hazard_ratio(self.times_kept[ka], self.events_kept[ka], self.times_stopped[kb],
                            self.events_stopped[kb])


MAINTENANCE_WEEKS_RANGE = (1, 4)


def _maintained(weeks_total, every_weeks, start_weeks):
    """Weekly esketamine from week 4 until ``start_weeks``, then one 56-mg dose every ``every_weeks`` weeks."""
    doses = list(pharmacokinetics.esketamine_schedule(56.0, 56.0, start_weeks - 4))
    doses += [pharmacokinetics.esketamine_nasal(168.0 * w) for w in range(start_weeks, weeks_total, every_weeks)]
    return tuple(doses)


@functools.lru_cache(maxsize=16)
def _withdrawal_core(n, seed, every, follow, params):
    """Drug-caused relapse times (h after randomisation, inf if none), arm and remitter flags of the stable."""
    cohort = sample(n, seed, params)
    start, total = 8, 8 + follow
    t = np.arange(0.0, 168.0 * total + 1e-9, 12.0)
    visits = [168.0 * w - 12.0 for w in (7, 8)]  # 12 h before the dose of weeks 7 and 8
    kept = simulate(t, _maintained(total, every, start), cohort)
    stopped = simulate(t, _maintained(start, every, start), cohort)  # no dose from week 8 on
    rand_h = visits[1]
    stable = np.logical_and.reduce([stopped.responders(v) for v in visits])
    stable &= stopped.above_threshold(rand_h)  # not relapsed at randomisation
    remitter = np.logical_and.reduce([stopped.remitters(v) for v in visits])
    arm_kept = np.random.default_rng([seed, 1]).permutation(n) % 2 == 0
    drug_h = np.where(arm_kept, kept.relapse_h(rand_h), stopped.relapse_h(rand_h)) - rand_h
    return rand_h, stable, arm_kept, remitter, drug_h


def withdrawal_trial(n=2000, seed=0, every_weeks=1, follow_up_weeks=24, other_relapse_per_month=0.0,
                     params=POPULATION):
    """A virtual SUSTAIN-1: esketamine for 8 weeks, then stable patients randomised 1:1 to continue or stop.

    Induction twice weekly for 4 weeks, then weekly to week 8 (SpravatoLabel schedule; SUSTAIN-1's own 12-week
    optimisation phase is shortened, ASSUMED).  Stable = responder at both weekly visits of weeks 7 and 8, just
    before that week's dose (ASSUMED); stable remitters also meet remission at both.  At week 8 half continue one
    56-mg dose every ``every_weeks`` weeks (1–4), half stop (placebo spray: the placebo response stays).  Relapse
    as in :meth:`PopulationResult.relapse_h`, plus an optional drug-independent relapse rate
    ``other_relapse_per_month`` (0–0.5 per month, ASSUMED; the model has none by default), the same in both arms.
    The simulation is cached per (n, seed, every_weeks, follow_up_weeks, params); the other relapses are drawn anew.
    """
    every = int(in_range("every_weeks", every_weeks, *MAINTENANCE_WEEKS_RANGE, "weeks"))
    follow = int(in_range("follow_up_weeks", follow_up_weeks, 4, 52, "weeks"))
    other = float(in_range("other_relapse_per_month", other_relapse_per_month, 0.0, 0.5, "per month"))
    count = int(in_range("n", n, 10, N_RANGE[1], "patients"))
    rand_h, stable, arm_kept, remitter, drug_h = _withdrawal_core(count, int(seed), every, follow, params)
    rng = np.random.default_rng([int(seed), 2])
    other_h = rng.exponential(730.5 / other, count) if other > 0 else np.full(count, np.inf)
    when = np.minimum(drug_h, other_h)
    follow_h = 168.0 * follow
    out = {}
    for name, mask in (("kept", stable & arm_kept), ("stopped", stable & ~arm_kept)):
        out[f"times_{name}"] = np.minimum(when[mask], follow_h)
        out[f"events_{name}"] = when[mask] <= follow_h
        out[f"remitter_{name}"] = remitter[mask]
    return WithdrawalTrial(follow_h, rand_h, **out)


def schedule(n_infusions=6, interval_days=2, maintenance_every_weeks=0, until_days=84, dose_mg_per_kg=0.5):
    """Standard infusions: ``n_infusions`` (1–12) every ``interval_days`` (1–14), then one every
    ``maintenance_every_weeks`` weeks (0 = none, 1–8) from that long after the last induction dose up to
    ``until_days`` (the planner of the fading chapter)."""
    n = _whole("n_infusions", n_infusions, 1, 12, "infusions")
    gap = float(in_range("interval_days", interval_days, 1, 14, "days"))
    every = _whole("maintenance_every_weeks", maintenance_every_weeks, 0, 8, "weeks")
    until = float(in_range("until_days", until_days, 1, clinical.T_RANGE_H[1] / 24.0, "days"))
    days = [gap * k for k in range(n)]
    if every:
        days += list(np.arange(days[-1] + 7 * every, until, 7 * every))
    return tuple(pharmacokinetics.standard_infusion(24.0 * d, dose_mg_per_kg) for d in days if d <= until)
