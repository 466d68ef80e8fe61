"""Clinical trials of ketamine and esketamine for depression: the published results as data, and virtual trials.

**Published trials** (:data:`TRIALS`, :func:`published`): one :class:`Trial` per comparison, built from the
rows of ``literature/clinical.py`` (role "context"), so every number has its source key there.  Two outcomes:

* ``"points"``: change in a depression scale, ketamine (or esketamine) minus comparator (negative favours the
  drug); MADRS except Berman2000 (HAM-D-25);
* ``"share"``: share of patients responding (or remitting, KetECT), ketamine minus comparator, in percentage
  points (positive favours ketamine).

``low``/``high`` are the published 95% confidence limits, NaN where our sources give none (we do not invent
them: Berman2000 gives a spread but not whether it is an SD, Murrough2013's interval is not in our sources).
Murrough2013's difference (−16.5 − (−8.8)) is DERIVED from the two arms' changes.

**The average patient beside the trials** (:func:`model_points`): the drug-specific MADRS change of
:func:`ketamine_sim.clinical.madrs_change` for the trial's schedule at its read-out.  Murrough2013 is the
calibration of that scale (agreement by construction); TRANSFORM-2 (Popova2019) and KARMA-Dep 2 (Jelovac2025)
were not used to fit anything, so they show what the model cannot do: it gives the early single-infusion
effect at every later read-out.  Read-out times we chose: KARMA-Dep 2 24 h after the eighth of eight
twice-weekly infusions (the trial's "end of treatment"; ASSUMED schedule days 0, 3, 7, 10, 14, 17, 21, 24).

**Virtual trials** (:func:`virtual_trial`): 2n virtual patients of :mod:`ketamine_sim.population` drawn with
one seed and split in two arms of n (random allocation, as the draws are independent), one given 1–6 infusions
of 0.5 mg/kg on Phillips2019's schedule (Monday, Wednesday, Friday), the other a comparator (``"saline"``, inert,
or ``"midazolam"``, the active placebo whose felt effects add the expectancy part of the placebo response).
Read-out 24 h after the start of the last infusion: response rates with Wilson 95% intervals
(:func:`ketamine_sim.population.rate_ci`) and the difference in mean MADRS change with a normal-approximation
95% interval.  Beside them, :func:`published_rates` gives the published response rates for the same number of
infusions (one: the Cochrane pooled rates at 24 h against midazolam, Dean2021; six: Phillips2019, the
ketamine arm of ELEKT-D, both arms of KARMA-Dep 2).  Where a paper gives a rate and its n but no interval,
the Wilson interval of round(rate × n) of n is DERIVED here; KARMA-Dep 2's arm sizes (32 and 30) are DERIVED
from its percentages and n = 62.
"""

from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from ketamine_sim import clinical, pharmacokinetics, population
from ketamine_sim._checks import in_range, one_of
from ketamine_sim.literature import reference

OUTCOMES = ("points", "share")
YEAR_RANGE = (2000, 2025)
KARMA_DAYS = (0, 3, 7, 10, 14, 17, 21, 24)  # ASSUMED: twice weekly for four weeks, "up to 8 infusions"
CALIBRATED = "Murrough 2013"  # the trial the model's MADRS scale was fitted to (clinical.madrs_points_per_effect)
ESKETAMINE_DOSES_MG = (56.0, 84.0)  # TRANSFORM-2's flexible doses (Popova2019)
_NAN = float("nan")


@dataclass(frozen=True)
class Trial:
    """One published comparison: who, how, what was measured, the difference and its 95% CI (NaN: not given)."""

    key: str  # bib key
    label: str  # short name shown in the figure
    year: int
    design: str
    comparator: str
    blinded: bool  # double-blind by design (KARMA-Dep 2: by design, although the blind largely failed)
    outcome: str  # "points" or "share" (see the module docstring)
    measure: str
    estimate: float
    low: float = _NAN
    high: float = _NAN

    @property
    def has_ci(self):
        return bool(np.isfinite(self.low) and np.isfinite(self.high))

    @property
    def has_estimate(self):
        return bool(np.isfinite(self.estimate))

    @property
    def excludes_zero(self):
        """True when the published 95% CI lies entirely on one side of no difference."""
        return self.has_ci and (self.high < 0.0 or self.low > 0.0)


def _v(name):
    return reference(name).value


def _trials():
    murrough = round(_v("murrough2013_madrs_24h_ketamine") - _v("murrough2013_madrs_24h_midazolam"), 2)
    return (
        Trial("Berman2000", "Berman 2000", 2000, "crossover, n = 7 completers", "saline", True, "points",
              "HAM-D-25 within 72 h, one infusion",
              _v("berman2000_hamd_72h_ketamine") - _v("berman2000_hamd_72h_saline")),
        Trial("Murrough2013", "Murrough 2013", 2013, "parallel, 2:1, n = 73", "midazolam", True, "points",
              "MADRS at 24 h, one infusion", murrough),
        Trial("Fedgchin2019", "TRANSFORM-1", 2019, "fixed-dose esketamine, n = 346", "placebo spray", True, "points",
              "MADRS at day 28: missed its primary endpoint (difference not in our sources)", _NAN),
        Trial("Popova2019", "TRANSFORM-2", 2019, "flexible-dose esketamine + new oral antidepressant",
              "placebo spray", True, "points", "MADRS at day 28", _v("popova2019_madrs_day28_diff"),
              _v("popova2019_madrs_day28_diff_ci_low"), _v("popova2019_madrs_day28_diff_ci_high")),
        Trial("Ekstrand2022", "KetECT", 2022, "open-label inpatients, n = 186", "ECT", False, "share",
              "remission (MADRS ≤ 10), up to 12 sessions",
              round(_v("ekstrand2022_remission_ketamine") - _v("ekstrand2022_remission_ect"), 2),
              _v("ekstrand2022_remission_diff_ci_low"), _v("ekstrand2022_remission_diff_ci_high")),
        Trial("Anand2023", "ELEKT-D", 2023, "open-label, n = 403", "ECT", False, "share",
              "response (QIDS-SR-16) after 3 weeks",
              round(_v("anand2023_response_ketamine") - _v("anand2023_response_ect"), 2),
              _v("anand2023_response_diff_ci_low"), _v("anand2023_response_diff_ci_high")),
        Trial("Jelovac2025", "KARMA-Dep 2", 2025, "inpatients, n = 62; blind largely failed", "midazolam", True,
              "points", "MADRS at end of treatment, up to 8 infusions", _v("jelovac2025_madrs_diff"),
              _v("jelovac2025_madrs_diff_ci_low"), _v("jelovac2025_madrs_diff_ci_high")),
        Trial("Jelovac2025", "KARMA-Dep 2", 2025, "inpatients, n = 62; blind largely failed", "midazolam", True,
              "share", "response at end of treatment",
              round(_v("jelovac2025_response_ketamine") - _v("jelovac2025_response_midazolam"), 2)),
    )


TRIALS = _trials()


def published(outcome, until_year=YEAR_RANGE[1], blinded_only=False):
    """The trials with ``outcome`` ("points" or "share") published up to ``until_year``, in order of year."""
    one_of("outcome", outcome, OUTCOMES)
    year = in_range("until_year", until_year, *YEAR_RANGE)
    return tuple(t for t in TRIALS if t.outcome == outcome and t.year <= year and (t.blinded or not blinded_only))


def _drug_points(doses, read_h):
    """The average patient's drug-specific MADRS change (points) at ``read_h`` hours for ``doses``."""
    effect = clinical.simulate(np.array([read_h]), doses).effect
    return float(clinical.madrs_change(effect, include_placebo=False)[0])


def karma_schedule(dose_mg_per_kg=0.5):
    """KARMA-Dep 2's eight infusions as we model them (days :data:`KARMA_DAYS`; ASSUMED spacing)."""
    return tuple(pharmacokinetics.standard_infusion(24.0 * d, dose_mg_per_kg) for d in KARMA_DAYS)


@lru_cache(maxsize=1)
def model_points():
    """The average patient's drug-specific MADRS change for each trial it can be set up like: {label: (low, high)}.

    One value gives low == high; TRANSFORM-2 spans its two doses (56 and 84 mg).  Murrough 2013 is the
    calibration (module docstring); the others were not fitted.
    """
    one = _drug_points(pharmacokinetics.standard_infusion(), 24.0)
    eske = [_drug_points(clinical.esketamine_course(0, mg), 28 * 24.0) for mg in ESKETAMINE_DOSES_MG]
    karma = _drug_points(karma_schedule(), 24.0 * (KARMA_DAYS[-1] + 1))
    return {"Murrough 2013": (one, one), "TRANSFORM-2": (min(eske), max(eske)), "KARMA-Dep 2": (karma, karma)}


# --- virtual trials ---------------------------------------------------------------------------------------

COMPARATORS = ("saline", "midazolam")
N_PER_ARM_RANGE = (5, 2000)
INFUSIONS_RANGE = (1, 6)
FOLLOW_H = 7 * 24.0  # every virtual trial runs this long after the read-out of six infusions
_Z95 = 1.959963984540054
HORIZON_H = pharmacokinetics.six_infusions_two_weeks()[-1].start_h + 24.0 + FOLLOW_H  # the same for every trial


@dataclass(frozen=True, eq=False)
class VirtualTrial:
    """Two arms of virtual patients and their read-out (module docstring)."""

    n_per_arm: int
    comparator: str
    n_infusions: int
    seed: int
    readout_h: float
    drug: population.PopulationResult
    control: population.PopulationResult

    @property
    def t_h(self):
        return self.drug.t_h

    @property
    def dose_h(self):
        return tuple(d.start_h for d in pharmacokinetics.six_infusions_two_weeks()[:self.n_infusions])

    def response(self, arm):
        """(rate, low, high) of responders at the read-out in ``arm`` ("drug" or "control"), Wilson 95%."""
        result = {"drug": self.drug, "control": self.control}[one_of("arm", arm, ("drug", "control"))]
        return result.response_rate(self.readout_h)

    def change_difference(self):
        """(difference, low, high): mean MADRS change, drug minus control, at the read-out (points, 95%)."""
        a, b = self.drug.change(self.readout_h), self.control.change(self.readout_h)
        diff = float(a.mean() - b.mean())
        se = float(np.sqrt(a.var(ddof=1) / a.size + b.var(ddof=1) / b.size))
        return diff, diff - _Z95 * se, diff + _Z95 * se


def infusions(n_infusions):
    """The first ``n_infusions`` (1–6) of Phillips2019's six infusions over two weeks."""
    n = int(in_range("n_infusions", n_infusions, *INFUSIONS_RANGE, "infusions"))
    return pharmacokinetics.six_infusions_two_weeks()[:n]


def virtual_trial(n_per_arm=40, comparator="midazolam", n_infusions=1, seed=0, params=population.POPULATION):
    """A randomised virtual trial: ``n_per_arm`` patients get ketamine, as many the ``comparator``.

    Returns a :class:`VirtualTrial`; same arguments, same patients.
    """
    n = int(in_range("n_per_arm", n_per_arm, *N_PER_ARM_RANGE, "patients"))
    one_of("comparator", comparator, COMPARATORS)
    doses = infusions(n_infusions)
    readout = doses[-1].start_h + 24.0
    t = np.arange(0.0, HORIZON_H + 1e-9, 2.0)
    cohort = population.sample(2 * n, seed, params)
    drug = population.simulate(t, doses, cohort.subset(slice(0, n)), "ketamine")
    control = population.simulate(t, doses, cohort.subset(slice(n, 2 * n)), comparator)
    return VirtualTrial(n, comparator, len(doses), int(seed), readout, drug, control)


@dataclass(frozen=True)
class PublishedRate:
    """A published response rate (%) with its 95% interval (published or DERIVED, see ``interval``)."""

    key: str
    label: str
    arm: str  # "ketamine" or the comparator's name
    n_infusions: int
    rate: float
    low: float
    high: float
    interval: str  # "published", "derived" or "none"


def _derived(key, label, arm, n_infusions, name, n):
    rate = _v(name)
    _, low, high = population.rate_ci(round(rate / 100.0 * n), n)
    return PublishedRate(key, label, arm, n_infusions, rate, 100.0 * low, 100.0 * high, "derived")


def _published_rates():
    return (
        PublishedRate("Dean2021", "Cochrane 2021", "ketamine", 1, _v("dean2021_response_24h_ketamine"),
                      _v("dean2021_response_24h_ketamine_ci_low"), _v("dean2021_response_24h_ketamine_ci_high"),
                      "published"),
        PublishedRate("Dean2021", "Cochrane 2021", "midazolam", 1, _v("dean2021_response_24h_midazolam"),
                      _NAN, _NAN, "none"),
        _derived("Phillips2019", "Phillips 2019", "ketamine", 6, "phillips2019_response_six", 41),
        _derived("Anand2023", "ELEKT-D", "ketamine", 6, "anand2023_response_ketamine", 195),
        _derived("Jelovac2025", "KARMA-Dep 2", "ketamine", 6, "jelovac2025_response_ketamine", 32),
        _derived("Jelovac2025", "KARMA-Dep 2", "midazolam", 6, "jelovac2025_response_midazolam", 30),
    )


PUBLISHED_RATES = _published_rates()


def published_rates(n_infusions):
    """The published response rates for ``n_infusions`` infusions (1 or 6; none for 2–5)."""
    n = int(in_range("n_infusions", n_infusions, *INFUSIONS_RANGE, "infusions"))
    return tuple(r for r in PUBLISHED_RATES if r.n_infusions == n)
