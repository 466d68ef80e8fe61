"""Property tests of the virtual patients and their statistics (hypothesis)."""

import dataclasses

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from ketamine_sim import clinical, pharmacokinetics
from ketamine_sim import population as pop

FAST = settings(max_examples=25, deadline=None)
SEEDS = st.integers(0, 2**32 - 1)
HOURS = np.arange(0.0, 14 * 24.0 + 1.0, 6.0)
SCHEDULES = st.sampled_from([(pharmacokinetics.standard_infusion(),), clinical.repeated_infusions(0),
                             clinical.esketamine_course(0),
                             (pharmacokinetics.standard_infusion(0.0, 1.0),)])


@FAST
@given(SEEDS, st.integers(1, 60), SCHEDULES, st.sampled_from(pop.ARMS))
def test_courses_stay_on_the_scale_and_readouts_agree(seed, n, doses, arm):
    r = pop.simulate(HOURS, doses, pop.sample(n, seed), arm)
    assert r.madrs.shape == r.effect.shape == (n, HOURS.size)
    assert np.all((r.madrs >= 0) & (r.madrs <= 60)) and np.all((r.effect >= 0) & (r.effect < 1))
    at = 24.0
    assert np.all(r.change(at)[r.responders(at)] <= -0.5 * r.baseline[r.responders(at)])
    relapse = r.relapse_h(at)
    finite = np.isfinite(relapse)
    assert np.all(relapse[finite] > at) and np.all(relapse[finite] <= HOURS[-1])
    assert np.all(r.effect[finite, np.searchsorted(HOURS, relapse[finite])] < r.threshold) if finite.any() else True


@FAST
@given(SEEDS, st.floats(1.0, 4.0), SCHEDULES)
def test_more_sensitive_patients_have_at_least_the_effect(seed, factor, doses):
    cohort = pop.sample(20, seed)
    keener = dataclasses.replace(cohort, sensitivity=cohort.sensitivity * factor)
    assert np.all(pop.drug_effect(HOURS, doses, keener) >= pop.drug_effect(HOURS, doses, cohort) - 1e-12)


@FAST
@given(SEEDS, st.floats(1.0, 4.0))
def test_slower_fading_never_relapses_sooner(seed, factor):
    cohort = pop.sample(20, seed)
    slower = dataclasses.replace(cohort, fading_speed=np.clip(cohort.fading_speed / factor, *pop.SPEED_RANGE))
    t = np.arange(0.0, 40 * 24.0, 6.0)
    doses = (pharmacokinetics.standard_infusion(),)
    assert np.all(pop.simulate(t, doses, slower).relapse_h() >= pop.simulate(t, doses, cohort).relapse_h())


@FAST
@given(st.integers(0, 500), st.integers(1, 500), st.floats(0.5, 0.999))
def test_wilson_interval_brackets_the_rate(k, n, level):
    k = min(k, n)
    rate, low, high = pop.rate_ci(k, n, level)
    assert 0.0 <= low <= rate <= high <= 1.0
    assert high - low <= pop.rate_ci(k, n, min(level + 0.0005, 0.999))[2] - pop.rate_ci(k, n, level)[1] + 1e-12


@FAST
@given(st.lists(st.tuples(st.floats(0.0, 100.0), st.booleans()), min_size=1, max_size=80))
def test_kaplan_meier_is_a_falling_step_in_the_unit_interval(rows):
    times, observed = np.array(rows, dtype=object).T
    t, s = pop.kaplan_meier(times.astype(float), observed.astype(bool))
    assert t[0] == 0.0 and s[0] == 1.0 and np.all(np.diff(s) <= 0) and np.all((s >= 0) & (s <= 1))
    assert t.size == 1 + np.unique(times.astype(float)[observed.astype(bool)]).size


@FAST
@given(SEEDS, st.integers(5, 200), st.integers(5, 200))
def test_swapping_the_groups_inverts_the_hazard_ratio(seed, na, nb):
    rng = np.random.default_rng(seed)
    ta, tb = rng.exponential(1.0, na), rng.exponential(2.0, nb)
    ea, eb = ta < 2.5, tb < 2.5
    ta, tb = np.minimum(ta, 2.5), np.minimum(tb, 2.5)
    hr, low, high = pop.hazard_ratio(ta, ea, tb, eb)
    back, blow, bhigh = pop.hazard_ratio(tb, eb, ta, ea)
    if 0.0 < hr < np.inf:  # estimable (events in both groups, no complete separation)
        assert abs(hr * back - 1.0) < 1e-6 and abs(low * bhigh - 1.0) < 1e-6 and low <= hr <= high
    elif not np.isnan(hr):
        assert {hr, back} == {0.0, np.inf}


@FAST
@given(st.integers(1, 12), st.integers(1, 14), st.integers(0, 8), st.integers(1, 200))
def test_schedules_are_ordered_and_end_by_their_last_day(n, gap, every, until):
    doses = pop.schedule(n, gap, every, until)
    starts = np.array([d.start_h for d in doses])
    assert np.all(np.diff(starts) > 0) and starts[-1] <= 24.0 * until and starts[0] == 0.0
    induction = min(n, 1 + until // gap)
    assert len(doses) >= induction and (every or len(doses) == induction)
