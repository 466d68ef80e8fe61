"""Explorers of the window-of-opportunity chapter: when a training session falls after a dose (inside or outside the
window of a lowered LTP threshold), and how wide the window is under the functional and structural drivers.
The window itself is a HYPOTHESIS (claim #24); see :mod:`ketamine_sim.metaplasticity`."""

from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from ketamine_sim import metaplasticity, plasticity
from ketamine_sim.plots import window as wplots
from ketamine_sim.widgets.core import Slider, interactive_figure

GAIN = plasticity.PARAMS.window_gain  # the package's ASSUMED window gain g_θ
_DAYS = {"session": np.linspace(0.0, 7.0, 337), "widths": np.linspace(0.0, 21.0, 505)}  # 30-min and 1-h samples
_CURVE_CALCIUM = np.linspace(0.0, 0.6, 121)


@lru_cache(maxsize=16)
def _course(grid, window_gain=GAIN):
    """The threshold's course on an explorer's day grid (cached per grid and gain)."""
    return metaplasticity.threshold_course(24.0 * _DAYS[grid], window_gain=window_gain)


def _verb(change):
    return "strengthens" if change > 0 else "weakens"


# --- explorer 1: when does the session happen? ------------------------------------------------------------

@dataclass(frozen=True)
class Session:
    course: metaplasticity.ThresholdCourse
    session_day: float
    calcium: float
    theta_session: float
    change: float
    no_drug: float
    curve_calcium: np.ndarray
    curve_drug: np.ndarray
    curve_none: np.ndarray

    @property
    def days(self):
        return self.course.t_h / 24.0

    @property
    def theta(self):
        return self.course.functional

    @property
    def theta0(self):
        return self.course.theta0

    @property
    def title(self):
        return (f"Session on day {self.session_day:g} at Ca²⁺ {self.calcium:.2f}: synapse {self.change:+.1%} "
                f"(without ketamine {self.no_drug:+.1%})")


@lru_cache(maxsize=256)
def session(session_day=0.25, calcium=0.45):
    """A one-hour session ``session_day`` days after the standard infusion at NMDA Ca²⁺ ``calcium`` (of maximum)."""
    course = _course("session")
    start_h = 24.0 * float(session_day)
    theta = float(course.at("functional", start_h + 0.5 * metaplasticity.SESSION_H))
    return Session(course, float(session_day), float(calcium), theta,
                   float(metaplasticity.session_change(course, start_h, calcium)),
                   float(metaplasticity.no_drug_change(calcium)), _CURVE_CALCIUM,
                   metaplasticity.weight_change(_CURVE_CALCIUM, theta),
                   metaplasticity.weight_change(_CURVE_CALCIUM, metaplasticity.THETA0))


def describe_session(s):
    """Alt text: the session's threshold, the weight change with and without the drug, and why."""
    side = "above" if s.calcium >= s.theta_session else "below"
    return (f"{s.title}. On day {s.session_day:g} after one standard infusion the model's LTP threshold is "
            f"{s.theta_session:.3f} (without the drug {s.theta0:.2f}); the session's Ca²⁺ of {s.calcium:.2f} is "
            f"{side} it, so the session {_verb(s.change)} the synapse by {abs(s.change):.1%}; without ketamine the "
            f"same session {_verb(s.no_drug)} it by {abs(s.no_drug):.1%}.")


def explore_session():
    """Session day × session Ca²⁺ → the weight change inside or outside the window."""
    controls = [
        Slider("session_day", "Session: days after the dose", 0.0, 7.0, 0.25, 0.25, (0.25, 1.0, 3.0, 7.0), "days",
               ".2f"),
        Slider("calcium", "Session NMDA Ca²⁺ (of max)", 0.3, 0.6, 0.01, 0.45, (0.45, 0.55), "", ".2f"),
    ]
    return interactive_figure(controls, session, wplots.session, describe_session,
                              "When does the training session happen?", figsize=(7.0, 3.2))


# --- explorer 2: how wide is the window? ------------------------------------------------------------------

@dataclass(frozen=True)
class Widths:
    course: metaplasticity.ThresholdCourse
    calcium: float
    window_gain: float

    @property
    def days(self):
        return self.course.t_h / 24.0

    @property
    def functional(self):
        return self.course.functional

    @property
    def structural(self):
        return self.course.structural

    @property
    def theta0(self):
        return self.course.theta0

    def width_days(self, driver):
        return self.course.window_h(driver, self.calcium) / 24.0

    @property
    def title(self):
        return (f"Ca²⁺ {self.calcium:.2f}, gain {self.window_gain:g}: window {self.width_days('functional'):.1f} "
                f"days (functional) vs {self.width_days('structural'):.1f} days (structural)")


@lru_cache(maxsize=256)
def widths(calcium=0.45, window_gain=GAIN):
    """The window for a session at ``calcium`` under both drivers over three weeks, with window gain g_θ."""
    return Widths(_course("widths", float(window_gain)), float(calcium), float(window_gain))


def describe_widths(w):
    """Alt text: the deepest threshold and the width of each window."""
    low = float(w.functional.min())
    if w.calcium >= w.theta0:
        verdict = "the session is above the drug-free threshold, so it potentiates at any time: no window is needed"
    elif w.calcium <= low:
        verdict = "the session stays below the threshold at every time under both drivers: there is no window"
    else:
        verdict = (f"the window in which the session potentiates lasts {w.width_days('functional'):.1f} days if the "
                   f"threshold follows the functional component and {w.width_days('structural'):.1f} days if it "
                   f"follows the structural one")
    return (f"{w.title}. With window gain {w.window_gain:g} the threshold falls from {w.theta0:.2f} to {low:.3f} at "
            f"its lowest; for a session at Ca²⁺ {w.calcium:.2f} {verdict}.")


def explore_widths():
    """Session Ca²⁺ × window gain → the window's width under the two drivers."""
    controls = [
        Slider("calcium", "Session NMDA Ca²⁺ (of max)", 0.35, 0.5, 0.01, 0.45, (0.42, 0.45, 0.48), "", ".2f"),
        Slider("window_gain", "Window gain g_θ (assumed)", 1.0, 14.0, 1.0, GAIN, (GAIN, 2 * GAIN), "", ".0f"),
    ]
    return interactive_figure(controls, widths, wplots.widths, describe_widths, "How wide is the window?",
                              figsize=(7.0, 3.4))
