"""Explorers of the fading chapter: a schedule planner (the average patient and the population's band) and
relapse curves of a virtual randomised withdrawal trial beside SUSTAIN-1; plus the chapter's static figure of
one infusion's two components and its relapse spread."""

import itertools
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from ketamine_sim import clinical, pharmacokinetics, population
from ketamine_sim.literature import reference
from ketamine_sim.literature.population import DALY2019_HR_CI
from ketamine_sim.plots import fading as fplots
from ketamine_sim.widgets.core import Labelled, Slider, interactive_figure, static_mode

PLANNER_DAYS = 84  # twelve weeks
PLANNER_PATIENTS = 500  # enough for the band; a new schedule costs about 4.5 ms, half of it the clinical run
_PLANNER_T = np.arange(0.0, 24.0 * PLANNER_DAYS + 1.0, 8.0)
BAND = (10, 90)  # percentiles of the population's band
GROUPS = ("remitters", "responders")


@lru_cache(maxsize=1)
def _cohort():
    return population.sample(PLANNER_PATIENTS, seed=0)


def _maintenance_label(every):
    """Short slider label: none, weekly, every N weeks."""
    if not every:
        return "none"
    return "weekly" if round(every) == 1 else f"every {every:.0f} weeks"


def _maintenance_text(every):
    if not every:
        return "no maintenance"
    return "weekly maintenance" if round(every) == 1 else f"maintenance every {every:.0f} weeks"


# --- explorer 1: the schedule planner ---------------------------------------------------------------------

@dataclass(frozen=True)
class Plan:
    days: np.ndarray
    average: np.ndarray  # the average patient's MADRS
    low: np.ndarray  # population band (percentiles BAND)
    high: np.ndarray
    dose_days: tuple
    threshold_madrs: float
    response_madrs: float  # half the average baseline
    n_infusions: int
    interval_days: float
    maintenance_weeks: int
    responding_after: tuple  # (rate, low, high) 24 h after the last induction infusion
    responding_end: tuple  # (rate, low, high) on the last day
    relapsed_share: float  # share of those above the threshold after induction who relapse by the last day

    @property
    def title(self):
        doses = "one infusion" if self.n_infusions == 1 else (
            f"{self.n_infusions} infusions {self.interval_days:.0f} day{'s' if self.interval_days > 1 else ''} apart")
        return (f"{doses}, {_maintenance_text(self.maintenance_weeks)}:\n{self.responding_after[0]:.0%} respond "
                f"after the last, {self.responding_end[0]:.0%} at week {PLANNER_DAYS // 7}")  # two lines always


def plan(n_infusions=6, interval_days=2, maintenance_weeks=0):
    """Twelve weeks of a course for the average patient and 500 virtual patients (percentile band); cached per
    schedule (the live planner computes every slider position up front)."""
    return _plan(float(n_infusions), float(interval_days), float(maintenance_weeks))  # one key for 6 and 6.0


@lru_cache(maxsize=512)  # more than the planner's 8 x 7 x 5 slider positions, ~10 KB each
def _plan(n_infusions, interval_days, maintenance_weeks):
    doses = population.schedule(n_infusions, interval_days, maintenance_weeks, PLANNER_DAYS)
    everyone = population.simulate(_PLANNER_T, doses, _cohort())
    average = population.simulate(_PLANNER_T, doses, population.average_patient()).madrs[0]
    low, high = everyone.band(BAND)
    after_h = 24.0 * interval_days * (n_infusions - 1) + 24.0  # a day after the last induction infusion
    return Plan(_PLANNER_T / 24.0, average, low, high, tuple(d.start_h / 24.0 for d in doses),
                population.threshold_madrs(), 0.5 * population.POPULATION.baseline_mean, int(n_infusions),
                float(interval_days), int(maintenance_weeks), everyone.response_rate(after_h),
                everyone.response_rate(_PLANNER_T[-1]), everyone.relapsed_share(after_h))


def describe_plan(p):
    """Alt text: the schedule, the response rates and how many relapse; the band and the two lines."""
    return (f"{p.title.replace(chr(10), ' ')}. The average patient's MADRS falls from {p.average[0]:.0f} to a lowest "
            f"{p.average.min():.0f} and ends at {p.average[-1]:.0f}; the band holds the middle 80% of "
            f"{PLANNER_PATIENTS} virtual patients. Of those above the relapse threshold a day after the last "
            f"induction infusion, {p.relapsed_share:.0%} relapse by week {PLANNER_DAYS // 7}. Dashed line: the "
            f"relapse threshold of the average patient (MADRS {p.threshold_madrs:.0f}); dotted: response, half the "
            f"average baseline (MADRS {p.response_madrs:.0f}).")


def explore_planner():
    """Number of induction infusions × their interval × maintenance → twelve weeks of MADRS."""
    controls = [
        Slider("interval_days", "Days between infusions", 1, 7, 1, 2, (2, 7), "days", ".0f"),
        Slider("n_infusions", "Induction infusions", 1, 8, 1, 6, (3, 6, 8), "", ".0f"),
        Labelled("maintenance_weeks", "Maintenance", 0, 4, 1, 0, (0, 1, 4), "", ".0f", text=_maintenance_label),
    ]
    if not static_mode():  # live: every slider position computed once, up front (280 plans, about 2 s)
        for values in itertools.product(*(np.arange(c.min, c.max + c.step, c.step) for c in controls)):
            plan(**{c.name: v for c, v in zip(controls, values, strict=True)})
    return interactive_figure(controls, plan, fplots.planner, describe_plan, "Plan a course: twelve weeks",
                              figsize=(7.0, 3.6))


# --- explorer 2: relapse curves of a virtual withdrawal trial ---------------------------------------------

TRIAL_PATIENTS = 3000


@dataclass(frozen=True)
class Relapse:
    weeks_kept: np.ndarray  # Kaplan-Meier steps (weeks after randomisation) and relapse-free share
    free_kept: np.ndarray
    weeks_stopped: np.ndarray
    free_stopped: np.ndarray
    follow_up_weeks: float
    group: str
    every_weeks: int
    other_per_month: float
    hr: tuple  # (hr, low, high) of the virtual trial
    published: tuple  # (hr, low, high) of SUSTAIN-1 for the group
    n_kept: int
    n_stopped: int
    relapsed_kept: float
    relapsed_stopped: float

    @property
    def title(self):
        every = "every week" if self.every_weeks == 1 else f"every {self.every_weeks} weeks"
        return (f"Stable {self.group}, esketamine {every}:\nHR {fplots.format_hr(self.hr[0])} (model) vs "
                f"{self.published[0]:.2f} (SUSTAIN-1); other relapse {self.other_per_month:.0%} a month")  # two lines


def _km_weeks(times_h, events, follow_h):
    t, s = population.kaplan_meier(times_h, events)
    return np.append(t, follow_h) / 168.0, np.append(s, s[-1])


@lru_cache(maxsize=64)
def relapse(group_index=1, every_weeks=1, other_per_month=0.0):
    """Relapse-free survival after randomisation, continued vs stopped esketamine, for one SUSTAIN-1 group."""
    group = GROUPS[int(group_index)]
    trial = population.withdrawal_trial(TRIAL_PATIENTS, 0, int(every_weeks),
                                        other_relapse_per_month=float(other_per_month))
    keep = trial.remitter_kept == (group == "remitters")
    stop = trial.remitter_stopped == (group == "remitters")
    kept = _km_weeks(trial.times_kept[keep], trial.events_kept[keep], trial.follow_up_h)
    stopped = _km_weeks(trial.times_stopped[stop], trial.events_stopped[stop], trial.follow_up_h)
    ref = reference(f"daly2019_hr_stable_{group}")
    return Relapse(*kept, *stopped, trial.follow_up_h / 168.0, group, int(every_weeks), float(other_per_month),
                   trial.hazard_ratio(group), (ref.value, *DALY2019_HR_CI[group]), int(keep.sum()), int(stop.sum()),
                   float(trial.events_kept[keep].mean()), float(trial.events_stopped[stop].mean()))


def describe_relapse(r):
    """Alt text: the two arms' relapse shares, the model's hazard ratio and the published one."""
    _, low, high = r.hr
    ci = "" if not np.isfinite(low * high) else f" (95% interval {fplots.format_hr(low)}–{fplots.format_hr(high)})"
    other = ("no relapse from other causes" if not r.other_per_month else
             f"an assumed {r.other_per_month:.0%} a month relapsing from other causes")
    return (f"{r.title.replace(chr(10), ' ')}. With {other}, {r.relapsed_stopped:.0%} of the {r.n_stopped} "
            f"virtual patients who stop relapse within {r.follow_up_weeks:.0f} weeks against "
            f"{r.relapsed_kept:.0%} of the {r.n_kept} who continue; "
            f"hazard ratio {fplots.format_hr(r.hr[0])}{ci}. SUSTAIN-1 (Daly 2019): {r.published[0]:.2f} "
            f"({r.published[1]:.2f}–{r.published[2]:.2f}).")


def _group_text(v):
    return f"stable {GROUPS[round(v)]}"


def explore_relapse():
    """SUSTAIN-1 group × maintenance interval × assumed other relapse → Kaplan–Meier curves and hazard ratios."""
    controls = [
        Labelled("group_index", "Group", 0, 1, 1, 1, (0, 1), "", ".0f", text=_group_text, live_readout=False),
        Slider("every_weeks", "Esketamine every", 1, 4, 1, 1, (1, 2, 4), "weeks", ".0f"),
        Slider("other_per_month", "Relapse from other causes (assumed)", 0.0, 0.2, 0.02, 0.0, (0.0, 0.1), "per month",
               ".0%"),
    ]
    return interactive_figure(controls, relapse, fplots.relapse, describe_relapse,
                              "A virtual withdrawal trial beside SUSTAIN-1", figsize=(7.0, 3.4))


# --- the static figure: one infusion, two components, many patients -----------------------------------------

@dataclass(frozen=True)
class OneInfusion:
    days: np.ndarray
    functional: np.ndarray  # weighted contributions to the drive (w_F F, w_S S)
    structural: np.ndarray
    effect: np.ndarray
    effect_rapamycin: np.ndarray
    threshold: float
    relapse_days: np.ndarray  # of the virtual patients (finite ones)
    spread: tuple  # 10th, 50th, 90th percentile (days)
    window: tuple  # the published 3-14 days

    @property
    def alt(self):
        p10, p50, p90 = self.spread
        return (f"Left: after one standard infusion the fast functional part of the model's drive peaks within a day "
                f"and is mostly gone within a week, the slow structural part peaks later and carries the effect "
                f"for about two weeks; with rapamycin only the fast part is left and the effect falls below the "
                f"relapse threshold sooner. Right: relapse days of {self.relapse_days.size} virtual patients, "
                f"median {p50:.1f}, middle 80% from {p10:.1f} to {p90:.1f} days, against the published "
                f"{self.window[0]:.0f}–{self.window[1]:.0f} days.")


@lru_cache(maxsize=1)
def one_infusion(n=4000):
    """The average patient's two components after one infusion (with and without rapamycin) and the relapse days
    of ``n`` virtual patients."""
    t = np.arange(0.0, 28 * 24.0 + 1.0, 2.0)
    dose = (pharmacokinetics.standard_infusion(),)
    avg, rapa = clinical.simulate(t, dose), clinical.simulate(t, dose, rapamycin=True)
    p = clinical.SYMPTOMS
    days = population.simulate(np.arange(0.0, 40 * 24.0, 6.0), dose, population.sample(n, 1)).relapse_h() / 24.0
    days = days[np.isfinite(days)]
    ref = reference("population_relapse_spread")
    return OneInfusion(t / 24.0, p.functional_weight * avg.functional, p.structural_weight * avg.structural,
                       avg.effect, rapa.effect, avg.relapse_threshold, days,
                       tuple(float(x) for x in np.percentile(days, [10, 50, 90])),
                       (ref.value - ref.tolerance, ref.value + ref.tolerance))


def show_one_infusion():
    """Draw the static figure (works in a kernel and on the site)."""
    from ketamine_sim.plots import figure
    from ketamine_sim.widgets.core import show

    o = one_infusion()
    fig = figure((7.0, 3.2))
    fplots.one_infusion(fig, o)
    show(fig, o.alt)
