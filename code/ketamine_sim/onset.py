"""Onset: one ketamine infusion against daily SSRI treatment on one time axis (the monoamine time lag chapter).

No model of its own: it reads the clinical model (one standard infusion of 0.5 mg/kg over 40 min) and the SSRI
model (daily dosing from t = 0, autoreceptor hypothesis, slow steps sharing one time constant) on a common log
grid from 15 minutes to three months, and measures when each effect reaches half of its largest value in that
window.  Their ratio, :attr:`HoursVsWeeks.lag_factor`, is the distance between the two curves on a log axis.
"""

import functools
from dataclasses import dataclass

import numpy as np

from ketamine_sim import clinical, monoamines, pharmacokinetics
from ketamine_sim._checks import in_range

AXIS_END_H = 90 * 24.0  # three months: past the 12-14 weeks of STAR*D's first step
T_AXIS_H = np.geomspace(0.25, AXIS_END_H, 500)  # 15 min to 90 days
TAU_DAYS = monoamines.TAU_SLOW_DAYS  # the Rush2009 calibration (about a month)


@dataclass(frozen=True)
class HoursVsWeeks:
    t_h: np.ndarray
    tau_days: float
    cursor_h: float
    ketamine_brain_rel: np.ndarray  # brain ketamine / its peak
    ketamine_effect_rel: np.ndarray  # effect / its peak
    ssri_occupancy_rel: np.ndarray  # transporter occupancy / its largest value
    ssri_effect_rel: np.ndarray  # effect / its largest value in the window
    ketamine_effect_half_h: float  # first time at half the peak effect
    ssri_serotonin_half_h: float  # first time terminal serotonin is half-way to its first-day peak
    ssri_effect_half_h: float
    ketamine_at_cursor: float
    ssri_at_cursor: float

    @property
    def lag_factor(self):
        """How many times later the SSRI's effect reaches half its peak than ketamine's."""
        return self.ssri_effect_half_h / self.ketamine_effect_half_h


def _rel(y):
    return y / np.max(y)


@functools.lru_cache(maxsize=1)
def _ketamine_curves():
    """Brain ketamine and effect after one standard infusion (0.5 mg/kg over 40 min), relative to their peaks."""
    r = clinical.simulate(T_AXIS_H, pharmacokinetics.standard_infusion())
    return _rel(r.brain_uM), _rel(r.effect)


def hours_vs_weeks(tau_days=TAU_DAYS, cursor_h=24.0):
    """One ketamine infusion and daily SSRI from t = 0 on one time axis; the SSRI's slow steps share ``tau_days``
    (0.5–1000 days); both effects are read at ``cursor_h`` (within the axis, 0.25 h to three months)."""
    cursor = float(in_range("cursor_h", cursor_h, T_AXIS_H[0], AXIS_END_H, "h"))
    ket_brain, ket_effect = _ketamine_curves()
    s = monoamines.simulate(T_AXIS_H / 24.0, "autoreceptor", adaptation=monoamines.shared_adaptation(tau_days))
    ssri_occupancy, ssri_effect = _rel(s.occupancy), _rel(s.effect)
    day1 = T_AXIS_H <= 24.0
    half = [monoamines.time_to_fraction(T_AXIS_H, ket_effect),
            monoamines.time_to_fraction(T_AXIS_H[day1], s.serotonin_rel[day1]),
            monoamines.time_to_fraction(T_AXIS_H, ssri_effect)]
    at = [float(np.interp(np.log(cursor), np.log(T_AXIS_H), y)) for y in (ket_effect, ssri_effect)]
    return HoursVsWeeks(T_AXIS_H, float(tau_days), cursor, ket_brain, ket_effect, ssri_occupancy,
                        ssri_effect, *half, *at)
