"""The metaplasticity module: BCM weight change, the sliding threshold and the window after one dose."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ketamine_sim import metaplasticity as mp
from ketamine_sim import plasticity

T = np.linspace(0.0, 21 * 24.0, 1009)


def test_functional_driver_is_the_package_ltp_threshold():
    course = mp.threshold_course(T)
    assert np.allclose(course.functional, plasticity.ltp_threshold(T))


def test_both_drivers_reach_the_same_lowest_threshold_but_structural_lasts_longer():
    course = mp.threshold_course(T)
    assert course.structural.min() == pytest.approx(course.functional.min(), abs=2e-3)
    assert course.functional.min() < mp.THETA0
    for c in (0.42, 0.45, 0.48):
        assert 0 < course.window_h("functional", c) < course.window_h("structural", c)


def test_a_session_inside_the_window_potentiates_and_the_same_session_outside_depresses():
    course = mp.threshold_course(T)
    inside, outside = mp.session_change(course, 6.0, 0.45), mp.session_change(course, 7 * 24.0, 0.45)
    assert inside > 0 > outside
    assert outside == pytest.approx(mp.no_drug_change(0.45), rel=0.01)  # the window has closed by day 7


def test_no_gain_means_no_window_and_a_session_above_theta0_needs_none():
    assert mp.threshold_course(T, window_gain=0.0).window_h("structural", 0.45) == 0.0
    assert mp.threshold_course(T).window_h("functional", 0.55) == 0.0


def test_window_width_counts_hours():
    course = mp.ThresholdCourse(np.array([0.0, 1.0, 2.0, 3.0]), np.array([0.5, 0.4, 0.4, 0.5]),
                                np.full(4, 0.5))
    assert course.window_h("functional", 0.45) == pytest.approx(2.0)
    assert course.window_h("structural", 0.45) == 0.0


def test_sliding_threshold_follows_bcm():
    assert mp.sliding_threshold(1.0) == pytest.approx(mp.THETA0)
    assert mp.sliding_threshold(0.5) < mp.THETA0 < mp.sliding_threshold(1.2)


@settings(max_examples=60, deadline=None)
@given(c=st.floats(0.0, 1.0), theta=st.floats(0.0, 1.0), d=st.floats(0.01, 24.0))
def test_sign_of_the_weight_change_is_the_ltp_rule(c, theta, d):
    dw = float(mp.weight_change(c, theta, d))
    if c > 1e-9 and abs(c - theta) > 1e-9:  # closer to 0 or to θ the product underflows to 0.0 (sign unreadable)
        assert (dw > 0) == bool(plasticity.ltp_induced(c, theta))
    assert dw >= -theta**2 / 4 * d - 1e-12  # the BCM curve's minimum, at c = θ/2


@settings(max_examples=25, deadline=None)
@given(g=st.floats(0.5, 30.0), c=st.floats(0.3, 0.49))
def test_more_gain_never_narrows_the_window(g, c):
    t = np.linspace(0.0, 14 * 24.0, 337)
    low, high = mp.threshold_course(t, window_gain=g), mp.threshold_course(t, window_gain=1.5 * g)
    for driver in mp.DRIVERS:
        assert np.all(high.theta(driver) <= low.theta(driver) + 1e-12)
        assert high.window_h(driver, c) >= low.window_h(driver, c)


@pytest.mark.parametrize("call, name", [
    (lambda: mp.weight_change(1.5, 0.5), "calcium_rel"),
    (lambda: mp.weight_change(0.5, -0.1), "theta"),
    (lambda: mp.weight_change(0.5, 0.5, duration_h=30.0), "duration_h"),
    (lambda: mp.sliding_threshold(-1.0), "mean_activity_rel"),
    (lambda: mp.threshold_course(T, window_gain=-1.0), "window_gain"),
    (lambda: mp.threshold_course(T).theta("emotional"), "driver"),
    (lambda: mp.session_change(mp.threshold_course(T), -5.0, 0.4), "session_h"),
])
def test_bad_input_names_the_parameter(call, name):
    with pytest.raises(ValueError, match=name):
        call()
