"""Explorers of the clinic chapter: the published trials as a forest plot (by year, blinding, with the model
beside them) and a virtual trial of the virtual patients (infusions, comparator, patients per arm)."""

from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from ketamine_sim import trials
from ketamine_sim.plots import clinic as cplots
from ketamine_sim.widgets.core import Slider, interactive_figure

FOREST_YEARS = (2000, 2013, 2019, 2022, 2023, 2025)  # the years in which a plotted result appeared


# --- explorer 1: the trials, one by one ------------------------------------------------------------------

@dataclass(frozen=True)
class Forest:
    until_year: int
    blinded_only: bool
    show_model: bool
    points_rows: tuple
    share_rows: tuple
    points_shown: tuple
    share_shown: tuple
    model: dict
    calibrated: str = trials.CALIBRATED

    @property
    def shown(self):
        return tuple(r for r, s in zip((*self.points_rows, *self.share_rows), (*self.points_shown,
                                                                                 *self.share_shown), strict=True) if s)

    @property
    def title(self):
        which = "double-blind trials" if self.blinded_only else "trials"
        n = sum(r.has_estimate for r in self.shown)
        results = "1 result" if n == 1 else f"{n} results"
        return f"Published {which} up to {self.until_year}: {results}" + (", model beside them" if self.show_model
                                                                           else "")


@lru_cache(maxsize=64)
def forest(until_year=2025, blinded_only=0, show_model=0):
    """The forest plot's data: every trial row, which ones the filters show, and the model's values."""
    rows = {o: trials.published(o) for o in trials.OUTCOMES}
    shown = {o: tuple(r in trials.published(o, until_year, bool(blinded_only)) for r in rows[o])
             for o in trials.OUTCOMES}
    return Forest(int(until_year), bool(blinded_only), bool(show_model), rows["points"], rows["share"],
                  shown["points"], shown["share"], trials.model_points())


def _row_text(r):
    if not r.has_estimate:
        return f"{r.label} ({r.year}, {r.design}, against {r.comparator}): {r.measure}"
    unit = "points" if r.outcome == "points" else "percentage points"
    ci = f" (95% CI {r.low:g} to {r.high:g})" if r.has_ci else " (no confidence interval in our sources)"
    return f"{r.label} ({r.year}, {r.design}, against {r.comparator}), {r.measure}: {r.estimate:+g} {unit}{ci}"


def describe_forest(f):
    """Alt text: which trials are shown, each difference with its CI, and the model where it is drawn."""
    parts = [_row_text(r) for r in f.shown]
    text = f"{f.title}. " + ("; ".join(parts) if parts else "no trial matches the filters") + "."
    if f.show_model:
        model = [f"{label} {low:.1f}" + (f" to {high:.1f}" if high != low else "") + " points"
                 + (" (the calibration)" if label == f.calibrated else "")
                 for label, (low, high) in f.model.items()
                 if any(r.label == label and r.outcome == "points" for r in f.shown)]
        if model:
            text += " Model, average patient, drug minus comparator: " + "; ".join(model) + "."
    return text


def explore_forest():
    """Year of publication × double-blind only × the model beside the trials → the forest plot."""
    controls = [
        Slider("until_year", "Published up to", *trials.YEAR_RANGE, 1, 2025, FOREST_YEARS, "", ".0f"),
        Slider("blinded_only", "Double-blind trials only (0 no, 1 yes)", 0, 1, 1, 0, (0, 1), "", ".0f"),
        Slider("show_model", "Show the model (0 no, 1 yes)", 0, 1, 1, 0, (0, 1), "", ".0f"),
    ]
    return interactive_figure(controls, forest, cplots.forest, describe_forest, "The trials, one by one",
                              figsize=(7.0, 4.6))


# --- explorer 2: a virtual trial ---------------------------------------------------------------------------

COMPARATOR_CODES = trials.COMPARATORS  # slider value 0 = saline, 1 = midazolam


@dataclass(frozen=True, eq=False)
class VirtualView:
    trial: trials.VirtualTrial
    days: np.ndarray
    drug_mean: np.ndarray
    control_mean: np.ndarray
    drug_band: tuple
    control_band: tuple
    virtual: tuple  # ((rate, low, high) in % for drug, control)
    published: tuple = trials.PUBLISHED_RATES

    @property
    def comparator(self):
        return self.trial.comparator

    @property
    def dose_days(self):
        return tuple(h / 24.0 for h in self.trial.dose_h)

    @property
    def readout_day(self):
        return self.trial.readout_h / 24.0

    @property
    def published_shown(self):
        return tuple(r.n_infusions == self.trial.n_infusions for r in self.published)

    @property
    def difference(self):
        return self.trial.change_difference()

    @property
    def title(self):
        t, (d, lo, hi) = self.trial, self.difference
        doses = "1 infusion" if t.n_infusions == 1 else f"{t.n_infusions} infusions"
        return f"{doses}, {t.n_per_arm} per arm vs {t.comparator}: MADRS difference {d:+.1f} ({lo:+.1f} to {hi:+.1f})"


def _band(result):
    return tuple(result.band((25, 75), change=True))


@lru_cache(maxsize=64)
def virtual(n_infusions=1, comparator=1, n_per_arm=40):
    """A virtual trial with the reader's settings (``comparator`` 0 = saline, 1 = midazolam; seed 0)."""
    t = trials.virtual_trial(int(n_per_arm), COMPARATOR_CODES[int(comparator)], int(n_infusions))
    change = {arm: r.madrs - r.baseline[:, None] for arm, r in (("drug", t.drug), ("control", t.control))}
    rates = tuple(tuple(100.0 * x for x in t.response(arm)) for arm in ("drug", "control"))
    return VirtualView(t, t.t_h / 24.0, change["drug"].mean(axis=0), change["control"].mean(axis=0),
                       _band(t.drug), _band(t.control), rates)


def _rate_text(rate, low, high):
    if not np.isfinite(low):
        return f"{rate:.0f}% (no interval in our sources)"
    return f"{rate:.0f}% ({low:.0f} to {high:.0f})"


def describe_virtual(v):
    """Alt text: both arms' response with intervals, the published rates beside them, the MADRS difference."""
    t = v.trial
    (dr, dl, dh), (cr, cl, ch) = v.virtual
    shown = [p for p, s in zip(v.published, v.published_shown, strict=True) if s]
    beside = ("; ".join(f"{p.label}, {p.arm}: {_rate_text(p.rate, p.low, p.high)}" for p in shown)
              if shown else "no published rate in our sources for this number of infusions")
    return (f"{v.title} points, 95% CI. At the read-out, 24 hours after the last infusion, {_rate_text(dr, dl, dh)} "
            f"of the virtual ketamine arm respond and {_rate_text(cr, cl, ch)} of the {t.comparator} arm; shading: "
            f"the middle half of the patients. Published, for the same number of infusions: {beside}.")


def explore_virtual_trial():
    """Infusions × comparator × patients per arm → a virtual trial beside the published response rates."""
    controls = [
        Slider("n_infusions", "Infusions (Mon, Wed, Fri)", *trials.INFUSIONS_RANGE, 1, 1, (1, 6), "", ".0f"),
        Slider("comparator", "Comparator (0 saline, 1 midazolam)", 0, 1, 1, 1, (0, 1), "", ".0f"),
        Slider("n_per_arm", "Patients per arm", 10, 200, 10, 40, (10, 40, 200), "", ".0f"),
    ]
    return interactive_figure(controls, virtual, cplots.virtual_trial, describe_virtual, "A virtual trial",
                              figsize=(7.0, 3.6))
