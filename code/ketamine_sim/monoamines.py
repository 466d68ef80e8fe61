"""Why SSRIs take weeks: serotonin rises within hours, the antidepressant effect follows a slow downstream change.

Daily SSRI dosing (time ``t_days`` in days, first dose at t = 0):

* drug level          C(t) = Σ_k [exp(−k_e (t − t_k)) − exp(−k_a (t − t_k))], scaled so the first dose peaks at 1
* transporter block   o(t) = C / (C + c50)                                     (fraction of SERT occupied)
* raphe 5-HT          R(t) = 1 + (R₁ − 1) · o / o₁          R₁ = 2.70 at the first-dose peak o₁ (CommonsLinnros2019)
* terminal 5-HT       T(t) = 1 + (R − 1) · (1 − f · s),     f set so that T = 1.91 at the first-dose peak, s = 1
* autoreceptor        ds/dt = (1 − d · o − s) / τ_des        (only in the "autoreceptor" hypothesis; else s = 1)
* slow driver D       "autoreceptor": D ∝ (R − 1) · f · (1 − s), the *extra* terminal 5-HT that desensitisation
                      lets through;  "plasticity": dP/dt = (u − P) / τ_plast, u = (T − 1) / (R₁ − 1), D = P
* effect              dE/dt = (D − E) / τ_resp, normalised so that 1 is the largest effect of continuous dosing

Two explanations of the lag, chosen with ``hypothesis`` (claims #1 ESTABLISHED, #3 DEBATED):

* ``"autoreceptor"`` — the classic hypothesis: somatodendritic 5-HT1A autoreceptors first brake raphe firing,
  so terminal serotonin rises less than raphe serotonin; as they desensitise over weeks terminal output rises,
  and the effect follows.  Commons & Linnros (CommonsLinnros2019) argue that the feedback in fact persists.
* ``"plasticity"`` — their alternative: the serotonin rise is there from day 1 and the feedback never goes
  away; what is slow is a downstream plastic change (for example slow BDNF transcription or glutamatergic
  synaptic remodelling), lumped here into one state P.

Both are calibrated to the same clinical time course, so **the effect curve cannot tell them apart**; the
intermediate readouts (terminal serotonin rising over weeks or not, autoreceptor sensitivity falling or not)
can.  That is the teaching point, not a claim that either is right.

Simplifications and assumptions (numbers without a facts.md source are marked ASSUMED):

* One generic SSRI with first-order absorption (time constant 2 h, ASSUMED) and elimination (t½ 35 h, ASSUMED,
  citalopram-like).  Transporter occupancy is a one-site binding curve with c50 = 0.3 of the first-dose peak
  level (ASSUMED).  Adherence is perfect and the dose does not change.
* The serotonin numbers are **rat microdialysis after one high dose of fluvoxamine** (30 mg/kg p.o.: 270% of
  baseline in the raphe, 191% in the hippocampus; CommonsLinnros2019, SECONDARY via PubMed 7566484).  They are
  used as the rise at the first-dose peak of a generic human SSRI: a transfer across species and drugs (ASSUMED).
* The difference between raphe and terminal rise is read as 5-HT1A feedback with strength f (derived from the
  two numbers above).  Full desensitisation at full occupancy (d = 1) is ASSUMED.
* The response step (τ_resp, ASSUMED equal to the slow step, see below) stands for "symptoms follow biology
  with a lag"; it is shared by both hypotheses.  The slow time constant of each hypothesis (τ_des, τ_plast) is
  a **calibration**: it is chosen so that the effect at 6 weeks is half its level at 13 weeks, our
  single-patient stand-in for "about half of step-1 remissions occurred within 6 weeks" of up to 12–14 weeks of
  citalopram (Rush2009).  A real
  cohort has a spread of time courses; one deterministic curve is a teaching abstraction.
* The clinical effect is dimensionless, 0 (none) to 1 (the largest effect continuous dosing reaches in the
  model); it is not a rating-scale score and says nothing about who responds.
* The slow step, the response step and (in "autoreceptor") desensitisation share one time constant, about
  30 days (ASSUMED equal; the value is the Rush2009 calibration).  Desensitisation is then half done after
  about 3 weeks, in line with the "2–3 weeks" of the classic account (not a facts.md number).

Checks (``literature/monoamines.py``): serotonin more than halfway up within 6 h and no effect at day 1
(CommonsLinnros2019), a substantial share of the effect still to come after week 8 (Trivedi2006) are
predictions; half the 13-week effect at 6 weeks (Rush2009) is the calibration.  For comparison only: the model
gains about a third of its 14-week effect after week 8, where 40.3% of STAR*D remitters needed 8 weeks or more
(Trivedi2006, SECONDARY); a population share and one patient's curve are not the same quantity.
"""

import functools
from dataclasses import dataclass

import numpy as np

from ketamine_sim._checks import in_range, one_of
from ketamine_sim.literature import reference

HYPOTHESES = ("autoreceptor", "plasticity")
T_RANGE_DAYS = (0.0, 730.0)
_GRID_STEP_DAYS = 1.0 / 24.0  # slow states are integrated on an hourly grid, then interpolated
_STEADY_DAYS = 730.0  # long enough for every slow state to settle (used for the normalisation)


@dataclass(frozen=True)
class SsriDrug:
    """Dosing, drug level, transporter occupancy and the acute serotonin rise of a generic SSRI."""

    dose_interval_h: float = 24.0  # daily dosing
    absorption_tau_h: float = 2.0  # ASSUMED
    half_life_h: float = 35.0  # ASSUMED (citalopram-like)
    c50_rel: float = 0.3  # ASSUMED, in units of the first-dose peak level
    raphe_rel_first_peak: float = reference("ssri_raphe_serotonin_rel").value  # CommonsLinnros2019 (SECONDARY)
    terminal_rel_first_peak: float = reference("ssri_terminal_serotonin_rel").value  # CommonsLinnros2019 (SECONDARY)
    max_desensitisation: float = 1.0  # ASSUMED

    @property
    def feedback(self):
        """Strength f of 5-HT1A feedback: the share of the raphe rise that does not reach the terminals."""
        return 1.0 - (self.terminal_rel_first_peak - 1.0) / (self.raphe_rel_first_peak - 1.0)


DRUG = SsriDrug()


def _check_t(t_days):
    return in_range("t_days", t_days, *T_RANGE_DAYS, "days")


def _level(t_h, drug):
    """Drug level after doses at 0, T, 2T, … (closed-form sum of Bateman functions), first-dose peak = 1."""
    t_h = np.asarray(t_h, dtype=float)
    ke = np.log(2.0) / drug.half_life_h
    ka = 1.0 / drug.absorption_tau_h
    period = drug.dose_interval_h
    n_before = np.floor(t_h / period)  # index of the latest dose given
    since = t_h - n_before * period

    def train(rate):
        # Σ_{j=0..n} exp(−rate (since + j T)) as a geometric series
        return np.exp(-rate * since) * -np.expm1(-rate * period * (n_before + 1)) / -np.expm1(-rate * period)

    t_peak = np.log(ka / ke) / (ka - ke)
    peak = np.exp(-ke * t_peak) - np.exp(-ka * t_peak)
    return (train(ke) - train(ka)) / peak


def _occupancy(t_h, drug):
    c = _level(t_h, drug)
    return c / (c + drug.c50_rel)


def _raphe_excess(occupancy, drug):
    """R − 1: raphe serotonin above baseline, anchored at the first-dose peak occupancy."""
    return (drug.raphe_rel_first_peak - 1.0) * occupancy / (1.0 / (1.0 + drug.c50_rel))


def _lowpass(x, dt, tau):
    """First-order low-pass y' = (x − y)/τ of samples ``x`` at step ``dt``, y(0) = 0.

    Exact when the input over each step is the mean of its two end samples.  Vectorised with a scaled
    cumulative sum, in blocks short enough that the scale factor a^−n cannot overflow.
    """
    a = np.exp(-dt / tau)
    xm = np.concatenate([[0.0], 0.5 * (x[1:] + x[:-1])])  # y[n] = a y[n−1] + (1 − a) xm[n], y[−1] = 0
    y = np.empty_like(xm)
    block = max(1, int(500.0 * tau / dt))
    y_prev = 0.0
    for lo in range(0, xm.size, block):
        seg = xm[lo:lo + block]
        decay = a ** np.arange(1, seg.size + 1)
        y[lo:lo + seg.size] = decay * (y_prev + np.cumsum((1.0 - a) * seg / decay))
        y_prev = y[lo + seg.size - 1]
    return y


@dataclass(frozen=True)
class SsriResult:
    """Daily SSRI treatment: serotonin, autoreceptor sensitivity, the slow downstream state and the effect."""

    t_days: np.ndarray
    hypothesis: str
    occupancy: np.ndarray  # fraction of serotonin transporters blocked
    raphe_serotonin_rel: np.ndarray  # extracellular 5-HT in the raphe, 1 = baseline
    serotonin_rel: np.ndarray  # extracellular 5-HT at forebrain terminals, 1 = baseline
    autoreceptor_sensitivity: np.ndarray  # 1 = naive, 0 = fully desensitised
    downstream: np.ndarray  # the slow driver D, 1 = its level under long continuous dosing
    effect: np.ndarray  # antidepressant effect, 0 (none) .. 1 (model's maximum)


@functools.lru_cache(maxsize=8)
def _occupancy_grid(n, drug):
    """The hourly grid of ``n`` points and the occupancy on it (the same for every hypothesis and time constant)."""
    grid = np.arange(n) * _GRID_STEP_DAYS
    grid.flags.writeable = False
    occ = _occupancy(grid * 24.0, drug)
    occ.flags.writeable = False
    return grid, occ


def _states(t_days, hypothesis, drug, tau_slow_days, tau_response_days):
    """All states at ``t_days`` (validated array); the effect is not yet normalised."""
    t_max = float(np.max(t_days, initial=0.0))
    grid, occ_grid = _occupancy_grid(int(np.ceil(t_max / _GRID_STEP_DAYS)) + 2, drug)
    excess_grid = _raphe_excess(occ_grid, drug)
    f = drug.feedback
    if hypothesis == "autoreceptor":
        sens_grid = 1.0 - drug.max_desensitisation * _lowpass(occ_grid, _GRID_STEP_DAYS, tau_slow_days)
        drive_grid = excess_grid * f * (1.0 - sens_grid)
        drive_grid = drive_grid / (drug.raphe_rel_first_peak - 1.0)
    else:
        sens_grid = np.ones_like(grid)
        u = excess_grid * (1.0 - f) / (drug.raphe_rel_first_peak - 1.0)
        drive_grid = _lowpass(u, _GRID_STEP_DAYS, tau_slow_days)
    effect_grid = _lowpass(drive_grid, _GRID_STEP_DAYS, tau_response_days)

    occ = _occupancy(t_days * 24.0, drug)  # fast quantities: exact at the requested times
    sens = np.interp(t_days, grid, sens_grid)
    excess = _raphe_excess(occ, drug)
    terminal = 1.0 + excess * (1.0 - f * sens)
    return occ, 1.0 + excess, terminal, sens, np.interp(t_days, grid, drive_grid), np.interp(t_days, grid, effect_grid)


@functools.lru_cache(maxsize=64)
def _steady_scale(hypothesis, drug, tau_slow_days, tau_response_days):
    """Largest driver and effect over the last week of two years of continuous daily dosing."""
    t = np.arange(_STEADY_DAYS - 7.0, _STEADY_DAYS, _GRID_STEP_DAYS)
    *_, drive, effect = _states(t, hypothesis, drug, tau_slow_days, tau_response_days)
    return float(drive.max()), float(effect.max())


def _calibrate():
    """Shared slow time constant (days): the effect at 6 weeks is half its 13-week level (Rush2009).

    Calibrated on the classic "autoreceptor" hypothesis; the normalisation cancels in the ratio.
    """
    ref = reference("ssri_half_of_remissions_by_6_weeks")
    t = np.array([42.0, ref.at])  # 6 weeks and the end of step 1 (13 weeks)
    lo, hi = 1.0, 400.0
    for _ in range(30):  # bisection on a log scale: a slower process lowers the 6-week share
        mid = np.sqrt(lo * hi)
        *_, e = _states(t, "autoreceptor", DRUG, mid, mid)
        lo, hi = (mid, hi) if e[0] / e[1] > ref.value else (lo, mid)
    return float(np.sqrt(lo * hi))


TAU_SLOW_DAYS = _calibrate()


@dataclass(frozen=True)
class SsriAdaptation:
    """Time constants (days) of the slow adaptation of each hypothesis and of the symptom response.

    All three share one value by default (ASSUMED equal), fitted so the effect curve meets Rush2009.
    """

    tau_desensitisation_days: float = TAU_SLOW_DAYS  # calibrated to Rush2009
    tau_plasticity_days: float = TAU_SLOW_DAYS  # calibrated to Rush2009
    tau_response_days: float = TAU_SLOW_DAYS  # calibrated to Rush2009 (ASSUMED equal to the slow step)

    def slow(self, hypothesis):
        """The slow time constant used by ``hypothesis``."""
        return self.tau_desensitisation_days if hypothesis == "autoreceptor" else self.tau_plasticity_days


ADAPTATION = SsriAdaptation()


def simulate(t_days, hypothesis="autoreceptor", drug=DRUG, adaptation=ADAPTATION):
    """Daily SSRI treatment from t = 0: serotonin within hours, the antidepressant effect over weeks.

    ``t_days`` in days (0–730, any order), ``hypothesis`` "autoreceptor" or "plasticity" (claims #3, DEBATED).
    Serotonin is relative to baseline; the effect is 0–1 (see the module docstring for the equations).
    """
    one_of("hypothesis", hypothesis, HYPOTHESES)
    t = _check_t(t_days)
    tau_slow, tau_resp = adaptation.slow(hypothesis), adaptation.tau_response_days
    in_range("tau_slow_days", tau_slow, 0.5, 1000.0, "days")
    in_range("tau_response_days", tau_resp, 0.5, 1000.0, "days")
    occ, raphe, terminal, sens, drive, effect = _states(t, hypothesis, drug, tau_slow, tau_resp)
    drive_max, effect_max = _steady_scale(hypothesis, drug, tau_slow, tau_resp)
    return SsriResult(t, hypothesis, occ, raphe, terminal, sens, drive / drive_max,
                      np.clip(effect / effect_max, 0.0, 1.0))


def effect(t_days, hypothesis="autoreceptor", drug=DRUG, adaptation=ADAPTATION):
    """Antidepressant effect (0–1) after ``t_days`` days of daily SSRI treatment; see :func:`simulate`."""
    return simulate(t_days, hypothesis, drug, adaptation).effect


def shared_adaptation(tau_days):
    """An :class:`SsriAdaptation` whose slow step and response step share ``tau_days`` (0.5–1000 days).

    The model's default is this equality (ASSUMED) at the Rush2009 calibration, ``shared_adaptation(TAU_SLOW_DAYS)``.
    """
    tau = float(in_range("tau_days", tau_days, 0.5, 1000.0, "days"))
    return SsriAdaptation(tau, tau, tau)


def time_to_fraction(t, values, fraction=0.5):
    """First time at which ``values`` (sampled at increasing ``t``) have gone ``fraction`` of the way from their
    first value to their maximum.

    Linear interpolation between samples; the units of ``t`` are kept.  ``nan`` if the maximum is not above the
    first value (nothing rises).  Used to read the lag off a time course: half-rise of serotonin, of an effect.
    """
    frac = float(in_range("fraction", fraction, 0.0, 1.0))
    t = in_range("t", t, -np.inf, np.inf)
    y = in_range("values", values, -np.inf, np.inf)
    if t.ndim != 1 or t.shape != y.shape or t.size < 2 or np.any(np.diff(t) <= 0):
        raise ValueError(f"t and values must be 1-D, of one length (≥ 2), t increasing; got shapes {t.shape} "
                         f"and {y.shape}")
    start, top = y[0], y.max()
    if not top > start:
        return float("nan")
    level = start + frac * (top - start)
    i = int(np.argmax(y >= level))
    if i == 0:
        return float(t[0])
    return float(t[i - 1] + (level - y[i - 1]) / (y[i] - y[i - 1]) * (t[i] - t[i - 1]))
