"""The monoamine time lag chapter's explorers: live and static builds, frames, alt text, fast live updates."""

import numpy as np
import pytest

from explorer_checks import assert_update_matches_fresh, static_data
from ketamine_sim import monoamines, onset, plots
from ketamine_sim.plots import monoamines as monoamine_plots
from ketamine_sim.widgets import monoamines as mw


def test_static_labels_read_as_words(monkeypatch):
    _, data = static_data(mw.explore_ssri_course, monkeypatch)
    assert data["labels"][0] == ["autoreceptor", "plasticity"]
    _, data = static_data(mw.explore_hours_vs_weeks, monkeypatch)
    assert data["labels"][0] == ["2 h", "1 day", "1 week", "6 weeks", "12 weeks"]


def test_ssri_alt_text_states_which_readout_tells_the_hypotheses_apart():
    a, p = mw.ssri_course(0), mw.ssri_course(1)
    alt_a, alt_p = mw.describe_course(a), mw.describe_course(p)
    assert "climbs to" in alt_a and "autoreceptor sensitivity falls" in alt_a
    assert "stays near" in alt_p and "unchanged" in alt_p
    # the effect sentence is the same under both hypotheses: the clinical curve cannot tell them apart
    assert alt_a.split("The antidepressant effect")[1] == alt_p.split("The antidepressant effect")[1]
    assert mw.describe_course(mw.ssri_course(0, 7.0)) != alt_a


def test_the_effect_is_the_same_under_both_hypotheses_at_every_time_constant():
    for tau in (mw.TAU_RANGE_DAYS[0], 7.0, mw.TAU_DAYS, mw.TAU_RANGE_DAYS[1]):
        a, p = mw.ssri_course(0, tau).result, mw.ssri_course(1, tau).result
        assert np.max(np.abs(a.effect - p.effect)) < 0.05  # within 0.05 on the 0-1 scale, 0.001 at the calibration
        assert a.serotonin_rel[-1] - p.serotonin_rel[-1] > 0.5  # while terminal serotonin differs by half a baseline


def test_hours_vs_weeks_puts_the_lag_at_two_orders_of_magnitude_at_the_calibration():
    c = mw.hours_vs_weeks()
    assert c.ssri_serotonin_half_h < 6.0  # serotonin within hours (CommonsLinnros2019)
    assert c.ketamine_effect_half_h < 12.0  # ketamine's effect within hours
    assert 28 * 24.0 < c.ssri_effect_half_h < 10 * 7 * 24.0  # the SSRI's within weeks
    assert c.lag_factor > 100
    fast = mw.hours_vs_weeks(tau_days=1.0)
    assert fast.lag_factor < c.lag_factor / 5  # a faster adaptation shortens the lag ...
    assert fast.ssri_effect_half_h > c.ketamine_effect_half_h  # ... yet even 1 day stays behind ketamine


def test_hours_vs_weeks_alt_text_follows_the_cursor():
    early, late = mw.hours_vs_weeks(cursor_h=24.0), mw.hours_vs_weeks(cursor_h=6 * 7 * 24.0)
    assert "At 1 day ketamine" in mw.describe_hours_vs_weeks(early)
    assert "At 6 weeks ketamine" in mw.describe_hours_vs_weeks(late)
    assert early.ketamine_at_cursor > 0.9 > late.ssri_at_cursor > 0.3 > early.ssri_at_cursor


@pytest.mark.parametrize("kwargs, message", [(dict(cursor_h=0.1), "cursor_h=0.1"),
                                             (dict(tau_days=0.1), "tau_days=0.1")])
def test_hours_vs_weeks_refuses_a_reading_off_its_axis_or_a_bad_time_constant(kwargs, message):
    with pytest.raises(ValueError, match=message):
        onset.hours_vs_weeks(**kwargs)


@pytest.mark.parametrize("text, t_h", [("2 h", 2.0), ("1 day", 24.0), ("3 days", 72.0), ("1 week", 168.0),
                                        ("6 weeks", 1008.0)])
def test_time_text(text, t_h):
    assert mw.time_text(t_h) == text


CASES = [
    (mw.ssri_course, monoamine_plots.ssri_course, (7.0, 4.8), dict(hypothesis=0), dict(hypothesis=1, tau_days=9.0)),
    (mw.hours_vs_weeks, monoamine_plots.hours_vs_weeks, (7.0, 4.6), dict(), dict(tau_days=3.0, cursor_h=300.0)),
]


@pytest.mark.parametrize("model, plot, size, first, second", CASES, ids=["ssri_course", "hours_vs_weeks"])
def test_live_update_matches_a_fresh_drawing(model, plot, size, first, second):
    assert_update_matches_fresh(model, plot, size, first, second)


def test_switch_accepts_only_its_two_positions_and_names():
    assert mw.hypothesis_of(0.0) == "autoreceptor" and mw.hypothesis_of(1) == "plasticity"
    assert mw.ssri_course("plasticity").hypothesis == "plasticity"
    with pytest.raises(IndexError):
        mw.hypothesis_of(2)
    with pytest.raises(ValueError, match="tau_days"):
        mw.ssri_course(0, 0.1)
    assert monoamines.HYPOTHESES == ("autoreceptor", "plasticity")


@pytest.mark.parametrize("model, plot, size, first, second", CASES, ids=["ssri_course", "hours_vs_weeks"])
def test_phone_frames_stack_the_panels_in_one_column(model, plot, size, first, second):
    from ketamine_sim import style

    fig = plots.figure(size)
    fig.set_size_inches(style.NARROW_WIDTH_IN, size[1])
    plot(fig, model(**first))
    lefts = {round(ax.get_position().x0, 3) for ax in fig.axes}
    assert len(lefts) == 1 and fig.get_size_inches()[1] > size[1]
    wide = plot(plots.figure(size), model(**first))
    assert len({round(ax.get_position().x0, 3) for ax in wide.axes}) == (2 if len(wide.axes) == 4 else 1)
