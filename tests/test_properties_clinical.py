"""Property tests of the clinical stage over its whole input range (hypothesis)."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ketamine_sim import clinical as c
from ketamine_sim import pharmacokinetics

COMPONENT = st.floats(0.0, 1000.0, allow_nan=False)
HOURS = st.floats(0.0, c.T_RANGE_H[1], allow_nan=False)
FAST = settings(max_examples=40, deadline=None)


@FAST
@given(st.lists(st.tuples(COMPONENT, COMPONENT), min_size=1, max_size=20))
def test_symptom_effect_in_unit_interval(pairs):
    f, s = np.array(pairs).T
    e = c.symptom_effect(f, s)
    assert np.all(np.isfinite(e)) and np.all((e >= 0) & (e < 1))


@FAST
@given(st.floats(0.0, 990.0), st.floats(0.0, 990.0), st.floats(0.0, 10.0), st.floats(0.0, 10.0))
def test_symptom_effect_monotone_in_both_components(f, s, df, ds):
    assert c.symptom_effect(f + df, s + ds) >= c.symptom_effect(f, s)


@FAST
@given(st.lists(st.floats(0.0, 21 * 24.0), min_size=1, max_size=40), st.floats(0.0, 20.0))
def test_single_infusion_effect_finite_in_range(hours, dose):
    e = c.single_infusion_effect(np.array(hours), dose)
    assert np.all(np.isfinite(e)) and np.all((e >= 0) & (e <= 1))


@FAST
@given(st.floats(1.0, 60 * 24.0), st.floats(0.05, 2.0))
def test_zero_before_the_first_dose(start, dose):
    e = c.schedule_effect(np.array([0.0, start * 0.5, start]), pharmacokinetics.standard_infusion(start, dose))
    assert np.all(np.abs(e) < 1e-9)  # zero up to floating-point round-off in the upstream stages


@FAST
@given(st.lists(st.floats(0.0, 40 * 24.0), min_size=1, max_size=6), st.sampled_from([28.0, 56.0, 84.0]))
def test_any_esketamine_schedule_gives_finite_effect_in_range(starts, mg):
    doses = [pharmacokinetics.esketamine_nasal(s, mg) for s in starts]
    e = c.schedule_effect(np.linspace(0.0, 50 * 24.0, 300), doses)
    assert np.all(np.isfinite(e)) and np.all((e >= 0) & (e <= 1))


@FAST
@given(st.one_of(st.floats(-1e6, -1e-9), st.floats(c.T_RANGE_H[1] + 1e-3, 1e9), st.just(float("nan"))))
def test_bad_hours_raise_naming_t_h(bad):
    with pytest.raises(ValueError, match="t_h"):
        c.single_infusion_effect(np.array([0.0, bad]))


@FAST
@given(st.one_of(st.floats(-1e6, -1e-9), st.floats(20.001, 1e9), st.just(float("inf"))))
def test_bad_dose_raises_naming_dose(bad):
    with pytest.raises(ValueError, match="dose_mg_per_kg"):
        c.single_infusion_effect(1.0, bad)


@FAST
@given(st.one_of(st.floats(-1e6, -1e-9), st.floats(730.001, 1e9)))
def test_bad_days_raise_naming_t_days(bad):
    with pytest.raises(ValueError, match="t_days"):
        c.ssri_effect(bad)


@FAST
@given(st.text(max_size=10).filter(lambda s: s not in ("autoreceptor", "plasticity")))
def test_unknown_hypothesis_raises(name):
    with pytest.raises(ValueError, match="hypothesis"):
        c.ssri_effect(10.0, name)


@pytest.mark.parametrize("call,name", [
    (lambda: c.symptom_effect(-0.1, 0.0), "functional"),
    (lambda: c.symptom_effect(0.0, np.nan), "structural"),
    (lambda: c.schedule_effect(1.0, []), "doses"),
    (lambda: c.schedule_effect(1.0, ["0.5 mg/kg"]), "doses"),
    (lambda: c.madrs_change(1.5), "effect"),
    (lambda: c.repeated_infusions(weekly_maintenance=-1), "weekly_maintenance"),
    (lambda: c.relapse_time_h(pharmacokinetics.standard_infusion(), horizon_h=0.0), "horizon_h"),
    (lambda: c.relapse_threshold(c.SymptomParams(relapse_after_single_days=0.5)), "relapse_after_single_days"),
    (lambda: c.symptom_effect(1.0, 1.0, c.SymptomParams(half_saturation=0.0)), "half_saturation"),
])
def test_bad_input_names_the_parameter(call, name):
    with pytest.raises(ValueError, match=name):
        call()
