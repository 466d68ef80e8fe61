"""Explorers of the monoamine time lag chapter: what is fast and what is slow in an SSRI course, and ketamine
against an SSRI on one log-time axis."""

from dataclasses import dataclass

import numpy as np

from ketamine_sim import monoamines
from ketamine_sim.onset import AXIS_END_H, hours_vs_weeks
from ketamine_sim.plots import monoamines as monoamine_plots
from ketamine_sim.widgets.core import Labelled, Slider, interactive_figure

HYPOTHESIS_LABELS = {"autoreceptor": "Autoreceptor", "plasticity": "Plasticity"}
TAU_RANGE_DAYS = (1.0, 90.0)
TAU_DAYS = monoamines.TAU_SLOW_DAYS  # the Rush2009 calibration (about a month)
COURSE_DAYS = 112.0  # 16 weeks: past the 12-14 weeks of STAR*D's first step


def hypothesis_of(switch):
    """The hypothesis named by the switch value: 0 "autoreceptor", 1 "plasticity"."""
    return monoamines.HYPOTHESES[int(round(float(switch)))]


def _hypothesis_text(v):
    return hypothesis_of(v)  # short: the label sits beside the slider (on phones and in the lecture deck)


def time_text(t_h):
    """A time in hours as a reader says it: "2 h", "1 day", "6 weeks"."""
    if t_h < 23.5:
        return f"{t_h:.0f} h"
    if t_h < 7 * 24 - 12:
        return f"{t_h / 24:.0f} day" + ("s" if round(t_h / 24) != 1 else "")
    weeks = t_h / (7 * 24)
    return f"{weeks:.0f} week" + ("s" if round(weeks) != 1 else "")


def days_text(days):
    """``days`` rounded to whole days, with the right plural."""
    return f"{days:.0f} day" + ("" if round(days) == 1 else "s")


# --- explorer 1: days of SSRI treatment ----------------------------------------------------------------

@dataclass(frozen=True)
class SsriCourse:
    hypothesis: str
    tau_days: float
    result: monoamines.SsriResult

    @property
    def hypothesis_label(self):
        return HYPOTHESIS_LABELS[self.hypothesis]

    def at(self, field, day):
        """The readout ``field`` of the result at ``day`` (interpolated)."""
        return float(np.interp(day, self.result.t_days, getattr(self.result, field)))


# the first day every 30 min (the fast rise), then once a day 6 h after the dose (no daily ripple in the plot)
_COURSE_T = np.concatenate([np.arange(0.0, 1.0, 1.0 / 48.0), np.arange(1.25, COURSE_DAYS, 1.0)])


def ssri_course(hypothesis=0, tau_days=TAU_DAYS):
    """Daily SSRI for 16 weeks under one hypothesis (switch 0/1 or its name), slow steps sharing ``tau_days``."""
    hyp = hypothesis if isinstance(hypothesis, str) else hypothesis_of(hypothesis)
    result = monoamines.simulate(_COURSE_T, hyp, adaptation=monoamines.shared_adaptation(tau_days))
    return SsriCourse(hyp, float(tau_days), result)


def describe_course(c):
    """Alt text: what each panel shows at day 1 and at week 16, and which readout moved."""
    end = COURSE_DAYS
    s1, s16 = c.at("serotonin_rel", 1.0), c.at("serotonin_rel", end)
    serotonin = (f"terminal serotonin is {s1:.1f} times baseline after one day and climbs to {s16:.1f} times by "
                 f"week 16 as autoreceptor sensitivity falls to {c.at('autoreceptor_sensitivity', end):.0%}"
                 if c.hypothesis == "autoreceptor" else
                 f"terminal serotonin is {s1:.1f} times baseline after one day and stays near {s16:.1f} times, "
                 "with autoreceptor sensitivity unchanged, while a downstream plastic state builds up")
    return (f"{c.hypothesis_label} hypothesis, adaptation time constant {days_text(c.tau_days)}. The transporter is "
            f"{c.at('occupancy', 1.0):.0%} blocked on day 1 and {serotonin}. The antidepressant effect is "
            f"{c.at('effect', 1.0):.2f} on day 1, {c.at('effect', 42.0):.2f} at week 6 and "
            f"{c.at('effect', end):.2f} at week 16 (0 = none, 1 = the model's maximum).")


def explore_ssri_course():
    """Hypothesis switch × adaptation time constant → four readouts of a 16-week SSRI course."""
    controls = [
        Labelled("hypothesis", "Hypothesis", 0, 1, 1, 0, (0, 1), text=_hypothesis_text,
                 live_readout=False),
        Slider("tau_days", "Adaptation time constant", *TAU_RANGE_DAYS, 0.5, TAU_DAYS, (7.0, TAU_DAYS, 60.0),
               "days", ".0f"),
    ]
    return interactive_figure(controls, ssri_course, monoamine_plots.ssri_course, describe_course,
                              "Days of SSRI treatment: what is fast, what is slow", figsize=(7.0, 4.8))


# --- explorer 2: hours versus weeks ----------------------------------------------------------------------

CURSOR_FRAMES_H = (2.0, 24.0, 7 * 24.0, 6 * 7 * 24.0, 12 * 7 * 24.0)


def describe_hours_vs_weeks(c):
    """Alt text: the two half-peak times, their ratio, and both effects at the cursor."""
    return (f"On a log-time axis from 15 minutes to 3 months, one ketamine infusion reaches half its peak effect "
            f"after {time_text(c.ketamine_effect_half_h)}. With daily SSRI, serotonin is half-way to its first-day "
            f"peak after {time_text(c.ssri_serotonin_half_h)}, but the effect reaches half its 3-month level only "
            f"after {time_text(c.ssri_effect_half_h)}, {c.lag_factor:.0f} times later than ketamine's (SSRI "
            f"adaptation time constant {days_text(c.tau_days)}). At {time_text(c.cursor_h)} ketamine's effect is "
            f"at {c.ketamine_at_cursor:.0%} of its peak and the SSRI's at {c.ssri_at_cursor:.0%} of its 3-month "
            "level.")


def explore_hours_vs_weeks():
    """Reading time × the SSRI's slow time constant → ketamine and SSRI time courses on one log axis."""
    controls = [
        Labelled("cursor_h", "Read the curves at", 1.0, AXIS_END_H, 0.01, 24.0, CURSOR_FRAMES_H, "h",
                 log=True, text=time_text),
        Slider("tau_days", "SSRI adaptation time constant", *TAU_RANGE_DAYS, 0.01, TAU_DAYS, (1.0, 7.0, TAU_DAYS),
               "days", ".0f", log=True),
    ]
    return interactive_figure(controls, hours_vs_weeks, monoamine_plots.hours_vs_weeks, describe_hours_vs_weeks,
                              "Hours versus weeks: ketamine and an SSRI on one time axis", figsize=(7.0, 4.6))
