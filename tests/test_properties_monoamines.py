"""Property tests of the SSRI stage over its whole input range (hypothesis)."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ketamine_sim import monoamines as m

DAYS = st.floats(0.0, 729.0, allow_nan=False)
HYP = st.sampled_from(m.HYPOTHESES)


@settings(max_examples=40, deadline=None)
@given(st.lists(DAYS, min_size=1, max_size=30), HYP)
def test_outputs_finite_and_in_physical_range(days, hypothesis):
    r = m.simulate(np.array(days), hypothesis)
    for name in ("occupancy", "raphe_serotonin_rel", "serotonin_rel", "autoreceptor_sensitivity", "downstream",
                 "effect"):
        assert np.all(np.isfinite(getattr(r, name))), name
    assert np.all((r.effect >= 0) & (r.effect <= 1))
    assert np.all((r.occupancy >= 0) & (r.occupancy < 1))
    assert np.all((r.autoreceptor_sensitivity >= 0) & (r.autoreceptor_sensitivity <= 1))
    assert np.all(r.serotonin_rel >= 1.0) and np.all(r.raphe_serotonin_rel >= r.serotonin_rel - 1e-12)


@settings(max_examples=40, deadline=None)
@given(DAYS, HYP)
def test_effect_never_falls_from_one_day_to_the_next_under_continuous_dosing(day, hypothesis):
    # the same time of day one day later: the drug has only accumulated, so every slow state is higher
    e0, e1 = m.effect(np.array([day, day + 1.0]), hypothesis)
    assert e1 >= e0 - 1e-12


@pytest.mark.parametrize("hypothesis", m.HYPOTHESES)
def test_effect_non_decreasing_day_by_day_over_four_months(hypothesis):
    e = m.effect(np.arange(0.0, 121.0), hypothesis)
    assert e[0] == 0.0 and np.all(np.diff(e) >= 0)


@settings(max_examples=40, deadline=None)
@given(st.one_of(st.floats(-1e6, -1e-9), st.floats(730.001, 1e9), st.just(float("nan")), st.just(float("inf"))))
def test_bad_days_raise_naming_t_days(bad):
    with pytest.raises(ValueError, match="t_days"):
        m.simulate(np.array([0.0, bad]))


@settings(max_examples=40, deadline=None)
@given(st.text(max_size=12).filter(lambda s: s not in m.HYPOTHESES))
def test_unknown_hypothesis_raises_naming_it(name):
    with pytest.raises(ValueError, match="hypothesis"):
        m.simulate(1.0, name)


@pytest.mark.parametrize("bad", ["three", None, [1.0, "x"]])
def test_non_numeric_days_raise(bad):
    with pytest.raises(ValueError, match="t_days"):
        m.effect(bad)


def test_bad_time_constant_raises():
    with pytest.raises(ValueError, match="tau_response_days"):
        m.simulate(1.0, adaptation=m.SsriAdaptation(tau_response_days=0.0))


@settings(max_examples=40, deadline=None)
@given(st.lists(st.floats(-1e3, 1e3, allow_nan=False), min_size=2, max_size=40), st.floats(0.0, 1.0))
def test_time_to_fraction_lies_within_the_time_span_and_grows_with_the_fraction(values, fraction):
    t = np.arange(len(values), dtype=float)
    got = m.time_to_fraction(t, values, fraction)
    if not max(values) > values[0]:
        assert np.isnan(got)
        return
    assert t[0] <= got <= t[-1]
    assert got <= m.time_to_fraction(t, values, min(1.0, fraction + 0.1)) + 1e-9
