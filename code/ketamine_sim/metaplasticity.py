"""Metaplasticity: a training session whose effect on a synapse depends on the LTP threshold at that moment.

The BCM rule (BCM1982; claim #6b, ESTABLISHED as a theory): a synapse active during a session changes its
weight w at the rate

* dw/dt = η · c · (c − θ)      c = NMDA Ca²⁺ influx during the session (relative to its maximum, 0–1)

so it is potentiated where c is above the threshold θ (LTP) and depressed below it (LTD); the sign is that of
:func:`ketamine_sim.plasticity.ltp_induced`.  In BCM the threshold itself slides with the cell's recent average
activity ȳ (relative to its usual average): θ = θ₀ · ȳ² here (:func:`sliding_threshold`; the square is a common
later choice of the exponent, ASSUMED for this book), so busy cells become harder to potentiate and quiet ones
easier.

**The window of opportunity is a HYPOTHESIS** (claim #24; Olson2018; ModaSava2019): ketamine lowers θ for a
while, so the same session potentiates inside the window and depresses outside it.  No human data in our sources
show it.  The lowering comes from :mod:`ketamine_sim.plasticity`, under the package's pharmacokinetic default
(the standard 0.5 mg/kg 40-min infusion, brain peak :data:`ketamine_sim.plasticity.DEFAULT_PEAK_UM`):

* ``driver="functional"``: θ = θ₀ / (1 + g_θ W(t)), the package's own :func:`plasticity.ltp_threshold`
  (W follows TrkB activation with τ_window = 24 h, as the fast functional component does);
* ``driver="structural"``: the same depth of lowering at the peak, but following the slow structural component,
  the extra spine density S(t): θ = θ₀ / (1 + g_θ W₁ · S(t)/S₁), with W₁ and S₁ the peaks after one standard
  infusion.  Which of the two (if either) sets a real threshold is not known; the comparison shows how much the
  width of the window depends on that choice.

Assumptions (ASSUMED unless a key is given): θ₀ = :data:`plasticity.THETA_LTP` = 0.5 and the window gain
g_θ = 7 of :class:`plasticity.PlasticityParams` (illustrative); a session lasts :data:`SESSION_H` = 1 h and θ is
read at its middle (θ barely moves within an hour); the learning rate η = :data:`RATE_PER_H` = 1 per hour, so
Δw is a fraction of the weight (only signs and ratios mean something); the session itself does not move θ
(no slide during the session) and leaves the drug's course unchanged; one synapse, one session.
"""

from dataclasses import dataclass, replace
from functools import lru_cache

import numpy as np

from ketamine_sim import plasticity
from ketamine_sim._checks import in_range, one_of

THETA0 = plasticity.THETA_LTP  # ASSUMED teaching constant (see plasticity.THETA_LTP)
SESSION_H = 1.0  # ASSUMED: one training or therapy session of an hour
RATE_PER_H = 1.0  # ASSUMED learning rate η: weight change per hour per unit c·(c − θ)
DRIVERS = ("functional", "structural")
CALCIUM_RANGE = (0.0, 1.0)  # NMDA Ca²⁺ influx relative to its maximum
GAIN_RANGE = (0.0, 100.0)
ACTIVITY_RANGE = (0.0, 10.0)  # recent average activity relative to the cell's usual average
_PEAK_T_H = np.linspace(0.0, 30 * 24.0, 1441)  # 30 days every 30 min: the standard infusion's component peaks


def weight_change(calcium_rel, theta, duration_h=SESSION_H, rate_per_h=RATE_PER_H):
    """BCM weight change Δw = η · d · c · (c − θ) (fraction of the weight) of a session of ``duration_h`` hours.

    Positive (LTP) where ``calcium_rel`` ≥ ``theta``, as :func:`plasticity.ltp_induced` says; negative (LTD) below.
    """
    c = in_range("calcium_rel", calcium_rel, *CALCIUM_RANGE, "(relative)")
    th = in_range("theta", theta, 0.0, 1.0, "(relative)")
    d = in_range("duration_h", duration_h, 0.0, 24.0, "h")
    eta = in_range("rate_per_h", rate_per_h, 0.0, 100.0, "per h")
    return eta * d * c * (c - th)


def sliding_threshold(mean_activity_rel, theta0=THETA0):
    """BCM's sliding threshold θ = θ₀ · ȳ² for recent average activity ȳ relative to the usual average (1 → θ₀)."""
    y = in_range("mean_activity_rel", mean_activity_rel, *ACTIVITY_RANGE, "(relative)")
    th0 = in_range("theta0", theta0, 0.0, 1.0, "(relative)")
    return np.minimum(th0 * y**2, 1.0)


@dataclass(frozen=True)
class ThresholdCourse:
    """The LTP threshold after one dose under both drivers, at the times ``t_h`` (hours after the dose start)."""

    t_h: np.ndarray
    functional: np.ndarray  # θ following the fast functional component (the package's ltp_threshold)
    structural: np.ndarray  # θ following the slow structural component, same depth at the peak
    theta0: float = THETA0

    def theta(self, driver):
        return getattr(self, one_of("driver", driver, DRIVERS))

    def at(self, driver, t_h):
        """θ of ``driver`` at the times ``t_h`` (linear interpolation; θ₀ beyond the simulated span)."""
        t = in_range("t_h", t_h, *plasticity.T_RANGE_H, "h")
        return np.interp(t, self.t_h, self.theta(driver), right=self.theta0)

    def window_h(self, driver, calcium_rel):
        """Hours within ``t_h`` during which a session at ``calcium_rel`` potentiates (θ below c) but would
        not without the drug (c below θ₀): the window of opportunity.  0 when c ≥ θ₀ (no window needed)."""
        c = float(in_range("calcium_rel", calcium_rel, *CALCIUM_RANGE, "(relative)"))
        if c >= self.theta0:
            return 0.0
        inside = (self.theta(driver) < c).astype(float)
        mid = 0.5 * (inside[1:] + inside[:-1])  # a step half inside counts half
        return float(np.sum(np.diff(self.t_h) * mid))


@lru_cache(maxsize=8)
def _standard_peaks(params):
    """Peaks of the window trace W and of the extra spine density S after one standard infusion (neither depends
    on the window gain, so callers pass ``params`` with the gain set to 1: one cache entry per chain)."""
    r = plasticity.simulate(_PEAK_T_H, params=params)
    window = (THETA0 / r.ltp_threshold - 1.0) / params.window_gain
    return float(window.max()), float((r.spine_density - 1.0).max())


def threshold_course(t_h, peak_uM=plasticity.DEFAULT_PEAK_UM, window_gain=None, params=plasticity.PARAMS):
    """θ(t) after one standard infusion of brain peak ``peak_uM`` (µM) under both drivers (a :class:`ThresholdCourse`).

    ``window_gain`` is g_θ (ASSUMED; None takes ``params.window_gain``, 7 by default); 0 leaves θ at θ₀ for ever.
    ``params``: the :class:`plasticity.PlasticityParams` of the chain (e.g. another ``tau_window_h``).
    ``t_h``: increasing times in hours from the start of the infusion.
    """
    g = float(in_range("window_gain", params.window_gain if window_gain is None else window_gain, *GAIN_RANGE))
    if g == 0.0:
        t = np.atleast_1d(in_range("t_h", t_h, *plasticity.T_RANGE_H, "h"))
        flat = np.full(t.shape, THETA0)
        return ThresholdCourse(t, flat, flat.copy())
    params = replace(params, window_gain=g)
    r = plasticity.simulate(t_h, peak_uM, params=params)
    w1, s1 = _standard_peaks(replace(params, window_gain=1.0))
    structural = THETA0 / (1.0 + g * w1 * (r.spine_density - 1.0) / s1)
    return ThresholdCourse(np.atleast_1d(r.t_h), np.atleast_1d(r.ltp_threshold), np.atleast_1d(structural))


def session_change(course, session_h, calcium_rel, driver="functional", duration_h=SESSION_H):
    """Weight change of a session starting at ``session_h`` (h after the dose) at ``calcium_rel``, θ read at its
    middle from ``course`` (a :class:`ThresholdCourse`) for ``driver``."""
    start = in_range("session_h", session_h, *plasticity.T_RANGE_H, "h")
    theta = course.at(driver, start + 0.5 * float(in_range("duration_h", duration_h, 0.0, 24.0, "h")))
    return weight_change(calcium_rel, theta, duration_h)


def no_drug_change(calcium_rel, duration_h=SESSION_H):
    """The same session without ketamine: θ = θ₀."""
    return weight_change(calcium_rel, THETA0, duration_h)
