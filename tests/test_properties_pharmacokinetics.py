"""Properties the pharmacokinetic model must have over its whole allowed input range (hypothesis)."""

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from ketamine_sim import pharmacokinetics as pk

FAST = settings(max_examples=40, deadline=None)
ROUND_OFF_UM = 1e-12  # exponentials that cancel exactly at a dose's start leave ~1e-15 uM of round-off
T = np.linspace(0.0, 72.0, 1441)

doses_mg_per_kg = st.floats(0.01, 10.0)
infusion_mins = st.floats(0.1, 24 * 60.0)
starts_h = st.floats(0.0, 48.0)
durations_min = st.floats(0.0, 120.0)
routes = st.sampled_from(pk.ROUTES)
forms = st.sampled_from(pk.FORMS)
weights = st.floats(*pk.BODY_WEIGHT_RANGE_KG)
dose_records = st.builds(pk.Dose, starts_h, doses_mg_per_kg, routes, durations_min, forms)


def _outputs(result):
    return np.stack([result.plasma_uM, result.brain_uM, result.norketamine_uM])


@FAST
@given(st.lists(dose_records, max_size=6), weights, st.lists(st.floats(0.0, pk.T_MAX_H), min_size=1, max_size=50))
def test_concentrations_are_finite_and_non_negative(doses, weight, times):
    out = _outputs(pk.simulate(doses, np.array(times), weight))
    assert np.all(np.isfinite(out)) and np.all(out >= 0)


@FAST
@given(st.lists(dose_records, min_size=1, max_size=6))
def test_round_off_below_zero_is_negligible(doses):
    # the exact solution subtracts exponentials; anything below zero must be round-off, not model error
    start, duration, amount, route = pk._dose_arrays(doses, 70.0, pk.PK)
    raw = pk._contributions(T, start, duration, amount, route, pk.PK)
    scale = np.abs(raw).max(axis=-1, keepdims=True) + 1e-300
    assert np.all(raw >= -1e-9 * scale)


@FAST
@given(dose_records)
def test_concentration_is_linear_in_dose(dose):
    double = pk.Dose(dose.start_h, 2 * dose.amount, dose.route, dose.duration_min, dose.form)
    doubled, single = _outputs(pk.simulate(double, T)), _outputs(pk.simulate(dose, T))
    assert np.allclose(doubled, 2 * single, rtol=1e-9, atol=ROUND_OFF_UM)


@FAST
@given(dose_records, dose_records)
def test_two_doses_are_the_sum_of_single_doses(first, second):
    both = _outputs(pk.simulate([first, second], T))
    apart = _outputs(pk.simulate(first, T)) + _outputs(pk.simulate(second, T))
    assert np.allclose(both, apart, rtol=1e-9, atol=ROUND_OFF_UM)


@FAST
@given(dose_records, st.floats(0.0, 24.0))
def test_a_later_dose_gives_the_same_curve_later(dose, shift_h):
    later = pk.Dose(dose.start_h + shift_h, dose.amount, dose.route, dose.duration_min, dose.form)
    after = np.linspace(0.005, 48.0, 481)  # hours after each dose's start (a bolus jumps exactly at its start)
    assert np.allclose(pk.simulate(later, later.start_h + after).plasma_uM,
                       pk.simulate(dose, dose.start_h + after).plasma_uM, rtol=1e-7, atol=ROUND_OFF_UM)


@FAST
@given(doses_mg_per_kg, infusion_mins)
def test_plasma_and_brain_fall_monotonically_after_the_infusion_and_past_their_peak(dose, infusion_min):
    end_h = infusion_min / 60.0
    t = np.linspace(end_h, end_h + 48.0, 2001)
    for c in (pk.plasma_ketamine_uM(t, dose, infusion_min), pk.brain_ketamine_uM(t, dose, infusion_min)):
        after_peak = c[np.argmax(c):]
        assert np.all(np.diff(after_peak) <= 1e-12 * c.max())


@FAST
@given(doses_mg_per_kg, infusion_mins)
def test_plasma_rises_during_the_infusion(dose, infusion_min):
    t = np.linspace(0.0, infusion_min / 60.0, 200)
    assert np.all(np.diff(pk.plasma_ketamine_uM(t, dose, infusion_min)) > 0)


@FAST
@given(st.sampled_from(pk.ESKETAMINE_DOSES_MG), weights)
def test_nasal_dose_rises_then_falls(dose_mg, weight):
    c = pk.simulate(pk.esketamine_nasal(0.0, dose_mg), T, weight).plasma_uM
    peak = np.argmax(c)
    assert 0 < peak < len(T) - 1
    assert np.all(np.diff(c[: peak + 1]) >= 0) and np.all(np.diff(c[peak:]) <= 1e-12 * c.max())


@FAST
@given(doses_mg_per_kg, infusion_mins)
def test_a_longer_infusion_of_the_same_dose_peaks_lower(dose, infusion_min):
    longer_min = min(2 * infusion_min, 24 * 60.0)
    short = pk.plasma_ketamine_uM(infusion_min / 60.0, dose, infusion_min)  # the peak is at the end of infusion
    long = pk.plasma_ketamine_uM(longer_min / 60.0, dose, longer_min)
    assert long <= short * (1 + 1e-9)


@FAST
@given(st.lists(dose_records, min_size=1, max_size=8), st.lists(st.floats(0.0, 96.0), min_size=1, max_size=60))
def test_fast_superposition_equals_the_plain_sum_over_doses(doses, times):
    # simulate() folds finished doses into one decaying amount per mode; check it against the plain per-dose sum,
    # for overlapping doses and unsorted times
    t = np.array(times)
    start, duration, amount, route = pk._dose_arrays(doses, 70.0, pk.PK)
    plain = np.maximum(pk._contributions(t, start, duration, amount, route, pk.PK).sum(axis=0), 0.0)
    assert np.allclose(_outputs(pk.simulate(doses, t)), plain, rtol=1e-9, atol=ROUND_OFF_UM)
