"""Virtual patients (ketamine_sim.population): the average patient kept, the statistics, and the cohort against
published numbers, each labelled as in literature/population.py (calibration, input or validation)."""

import dataclasses

import numpy as np
import pytest

from ketamine_sim import clinical, pharmacokinetics
from ketamine_sim import population as pop
from ketamine_sim.literature import reference
from ketamine_sim.literature.population import DALY2019_HR_CI

ONE = (pharmacokinetics.standard_infusion(),)
SIX = clinical.repeated_infusions(0)
HOURS_3W = np.arange(0.0, 21 * 24.0 + 1.0, 3.0)
HOURS_8W = np.arange(0.0, 8 * 7 * 24.0 + 1.0, 6.0)


@pytest.fixture(scope="module")
def cohort():
    return pop.sample(4000, seed=1)


@pytest.fixture(scope="module")
def trial():
    return pop.withdrawal_trial(n=3000, seed=2)


# --- the average patient and the cohort's construction --------------------------------------------------

def test_same_seed_same_patients_other_seed_others():
    a, b, c = pop.sample(50, seed=3), pop.sample(50, seed=3), pop.sample(50, seed=4)
    for f in dataclasses.fields(pop.Cohort):
        if f.name != "params":
            assert np.array_equal(getattr(a, f.name), getattr(b, f.name))
            assert not np.array_equal(getattr(a, f.name), getattr(c, f.name))


def test_the_average_patient_is_clinicals_average_patient():
    # the structural component recomputed at fading speed 1 is plasticity's spine curve, so nothing is re-fitted
    result = pop.simulate(HOURS_3W, ONE, pop.average_patient())
    assert np.allclose(result.effect[0], clinical.simulate(HOURS_3W, ONE).effect, atol=1e-12)
    assert result.relapse_h()[0] == pytest.approx(clinical.relapse_time_h(ONE), abs=3.0)


def test_changing_one_distribution_moves_only_that_trait():
    wider = pop.sample(200, seed=5, params=dataclasses.replace(pop.POPULATION, sensitivity_sigma=1.0))
    base = pop.sample(200, seed=5)
    assert np.array_equal(wider.baseline_madrs, base.baseline_madrs)
    assert np.array_equal(wider.fading_speed, base.fading_speed)
    assert np.std(np.log(wider.sensitivity)) > 1.5 * np.std(np.log(base.sensitivity))


def test_faster_fading_relapses_sooner_and_more_sensitive_later():
    avg = pop.average_patient()
    fast = dataclasses.replace(avg, fading_speed=np.array([2.0]))
    keen = dataclasses.replace(avg, sensitivity=np.array([2.0]))
    t = np.arange(0.0, 40 * 24.0, 3.0)
    relapse = {name: pop.simulate(t, ONE, c).relapse_h()[0] for name, c in
               (("avg", avg), ("fast", fast), ("keen", keen))}
    assert relapse["fast"] < relapse["avg"] - 48.0 and relapse["keen"] > relapse["avg"] + 48.0


def test_placebo_arms_have_no_drug_and_rank_below_ketamine(cohort):
    arms = {arm: pop.simulate(HOURS_3W, ONE, cohort, arm) for arm in pop.ARMS}
    change = {arm: r.change(24.0).mean() for arm, r in arms.items()}
    assert change["ketamine"] < change["midazolam"] < change["saline"] < 0.0
    for arm in ("midazolam", "saline"):
        assert not arms[arm].effect.any() and np.all(np.isinf(arms[arm].relapse_h()))


def test_readouts_follow_their_definitions(cohort):
    r = pop.simulate(HOURS_3W, SIX[:1], cohort)
    assert np.array_equal(r.responders(24.0), r.madrs_at(24.0) <= 0.5 * r.baseline)
    assert np.array_equal(r.remitters(24.0), r.madrs_at(24.0) <= pop.POPULATION.remission_madrs)
    assert r.madrs_at(24.0) == pytest.approx(r.madrs[:, 8])  # 24 h is the ninth stored time
    assert r.response_rate(24.0) == pop.rate_ci(int(r.responders(24.0).sum()), len(cohort))
    above = r.effect[:, 8] >= r.threshold
    assert np.array_equal(r.above_threshold(24.0), above)
    assert r.relapsed_share(24.0) == pytest.approx(np.isfinite(r.relapse_h(24.0))[above].mean())


def test_threshold_line_is_where_the_average_patient_relapses():
    t = np.arange(0.0, 40 * 24.0, 1.0)
    r = pop.simulate(t, ONE, pop.average_patient())
    at = r.relapse_h()[0]
    assert r.madrs_at(at - 1.0)[0] < pop.threshold_madrs() < r.madrs_at(at)[0]


# --- statistics against textbook values -------------------------------------------------------------------

def test_wilson_interval_textbook_value():
    rate, low, high = pop.rate_ci(50, 100)
    assert (rate, low, high) == pytest.approx((0.5, 0.4038, 0.5962), abs=1e-4)
    assert pop.rate_ci(0, 20)[1] == pytest.approx(0.0, abs=1e-12) and pop.rate_ci(20, 20)[2] == pytest.approx(1.0)


def test_kaplan_meier_textbook_example():
    t, s = pop.kaplan_meier([1, 2, 2, 3, 4], [True, True, False, True, False])
    assert np.array_equal(t, [0, 1, 2, 3]) and s == pytest.approx([1.0, 0.8, 0.6, 0.3])


def test_cox_recovers_a_known_hazard_ratio():
    rng = np.random.default_rng(0)
    a, b = rng.exponential(1 / 0.5, 4000), rng.exponential(1.0, 4000)  # hazards 0.5 and 1
    cut = 3.0
    hr, low, high = pop.hazard_ratio(np.minimum(a, cut), a < cut, np.minimum(b, cut), b < cut)
    assert low < 0.5 < high and high - low < 0.1 and hr == pytest.approx(0.5, abs=0.04)


def test_cox_without_events_in_one_group():
    assert pop.hazard_ratio([5, 6], [False, False], [1, 2], [True, True])[0] == 0.0
    assert pop.hazard_ratio([1, 2], [True, True], [5, 6], [False, False])[0] == np.inf


# --- calibrations (the cohort was fitted to these) ---------------------------------------------------------

def test_relapse_spread_after_one_infusion_calibration_abdallah2020(cohort):
    ref = reference("population_relapse_spread")
    assert ref.role == "calibration" and ref.key == "Abdallah2020Rapamycin"
    days = pop.simulate(np.arange(0.0, 40 * 24.0, 6.0), ONE, cohort).relapse_h() / 24.0
    p10, p50, p90 = np.percentile(days[np.isfinite(days)], [10, 50, 90])
    low, high = ref.value - ref.tolerance, ref.value + ref.tolerance
    assert low <= p10 and p90 <= high  # the middle 80% inside 3-14 days
    assert p90 - p10 >= 0.5 * (high - low)  # and spread over most of it: individual variation is large
    assert p50 == pytest.approx(ref.value, abs=1.0)  # the median is the average patient's calibrated 8.5 days


@pytest.mark.parametrize("arm, name", [("ketamine", "population_madrs_24h_ketamine"),
                                       ("midazolam", "population_madrs_24h_midazolam")])
def test_mean_24h_change_murrough2013(cohort, arm, name):
    ref = reference(name)
    assert ref.key == "Murrough2013" and ref.role in ("calibration", "input")
    change = pop.simulate(HOURS_3W, ONE, cohort, arm).change(ref.at).mean()
    assert change == pytest.approx(ref.value, abs=ref.tolerance)


# --- validations (published numbers the cohort was not fitted to) ------------------------------------------

def _response_after(doses, cohort):
    at = doses[-1].start_h + 24.0
    return pop.simulate(HOURS_8W, doses, cohort).responders(at).mean()


def test_six_infusion_response_inside_the_trial_interval_phillips2019(cohort):
    ref = reference("phillips2019_six_infusion_response")
    assert ref.role == "validation" and ref.reproduced and ref.key == "Phillips2019"
    _, low, high = pop.rate_ci(round(ref.value * 41), 41)
    assert low <= _response_after(SIX, cohort) <= high


@pytest.mark.xfail(strict=True, reason="known miss (Phillips2019, claims #32): one infusion already gives about "
                   "half the virtual cohort a response, so six cannot double it")
def test_six_infusions_double_the_response_phillips2019(cohort):
    ref = reference("phillips2019_response_doubled")
    assert ref.role == "validation" and not ref.reproduced
    ratio = _response_after(SIX, cohort) / _response_after(SIX[:1], cohort)
    assert ratio == pytest.approx(ref.value, abs=ref.tolerance)


def test_maintenance_lowers_relapse_direction_daly2019(trial):
    # the direction of SUSTAIN-1 is reproduced: continuing esketamine cuts relapse in both groups
    for group in ("remitters", "responders"):
        hr, _, high = trial.hazard_ratio(group)
        assert hr < 1.0 and high < 1.0
    assert trial.times_kept.size > 100 and trial.times_stopped.size > 100


@pytest.mark.xfail(strict=True, reason="known miss (Daly2019): relapse in the model comes only from the drug "
                   "fading, so weekly maintenance almost abolishes it and the HR is far below SUSTAIN-1's")
@pytest.mark.parametrize("group, name", [("remitters", "daly2019_hr_stable_remitters"),
                                         ("responders", "daly2019_hr_stable_responders")])
def test_hazard_ratio_inside_published_interval_daly2019(trial, group, name):
    ref = reference(name)
    assert ref.role == "validation" and not ref.reproduced
    low, high = DALY2019_HR_CI[group]
    assert low <= trial.hazard_ratio(group)[0] <= high


@pytest.mark.xfail(strict=True, reason="known miss (Daly2019): every virtual patient who stops relapses within "
                   "weeks; in SUSTAIN-1 about half of those switched to placebo did not")
@pytest.mark.parametrize("remitter, name", [(True, "daly2019_relapse_on_placebo_remitters"),
                                            (False, "daly2019_relapse_on_placebo_responders")])
def test_relapse_share_on_placebo_daly2019(trial, remitter, name):
    ref = reference(name)
    assert ref.role == "validation" and not ref.reproduced
    share = trial.events_stopped[trial.remitter_stopped == remitter].mean()
    assert share == pytest.approx(ref.value, abs=ref.tolerance)


def test_stopping_relapses_everyone_within_weeks(trial):
    # the measured miss behind the two xfails above, stated as what the model does
    assert trial.events_stopped.mean() > 0.95 and np.median(trial.times_stopped) < 21 * 24.0
    assert trial.events_kept.mean() < 0.2


def test_band_is_numpys_percentile(cohort):
    r = pop.simulate(HOURS_3W, SIX, cohort.subset(np.arange(501)))
    for q, change in (((10, 90), False), ((25, 50, 75), True)):
        values = r.madrs - r.baseline[:, None] if change else r.madrs
        np.testing.assert_allclose(r.band(q, change), np.percentile(values, q, axis=0), rtol=0, atol=1e-4)


def test_relapse_time_is_the_first_fall_after_being_above():
    t = np.arange(6.0)
    effect = np.array([[0.0, 0.6, 0.6, 0.2, 0.6, 0.2],  # above from 1 h, falls at 3 h
                       [0.6, 0.6, 0.6, 0.6, 0.6, 0.6],  # never falls
                       [0.1, 0.2, 0.1, 0.2, 0.1, 0.2],  # never above: no relapse
                       [0.6, 0.1, 0.1, 0.6, 0.6, 0.1]])  # falls at 1 h, and again at 5 h
    r = pop.PopulationResult(t, np.zeros_like(effect), np.zeros(4), effect, 0.5, "ketamine", 10.0)
    np.testing.assert_array_equal(r.relapse_h(), [3.0, np.inf, np.inf, 1.0])
    np.testing.assert_array_equal(r.relapse_h(from_h=2.0), [3.0, np.inf, np.inf, 5.0])


# --- bad input ---------------------------------------------------------------------------------------------

@pytest.mark.parametrize("call, name", [
    (lambda: pop.sample(0), "n"), (lambda: pop.sample(2.5), "n"), (lambda: pop.sample(10, seed=-1), "seed"),
    (lambda: pop.simulate(HOURS_3W, ONE, pop.average_patient(), arm="placebo"), "arm"),
    (lambda: pop.simulate(HOURS_3W[::-1], ONE, pop.average_patient()), "t_h"),
    (lambda: pop.simulate(HOURS_3W, ONE, "patients"), "cohort"),
    (lambda: pop.simulate(HOURS_3W, ONE, pop.average_patient()).change(1e6), "at_h"),
    (lambda: pop.percentiles(np.zeros((3, 2)), (50, 120)), "q"),
    (lambda: pop.percentiles(np.zeros(3), (50,)), "values"),
    (lambda: pop.drug_effect(HOURS_3W, ONE, dataclasses.replace(pop.average_patient(), fading_speed=np.full(1, 9.0))),
     "fading_speed"),
    (lambda: pop.schedule(2.5), "n_infusions"), (lambda: pop.schedule(6, 2, 1.5), "maintenance_every_weeks"),
    (lambda: pop.rate_ci(5, 3), "k"), (lambda: pop.rate_ci(1, 3, level=1.5), "level"),
    (lambda: pop.kaplan_meier([1, 2], [True]), "observed"),
    (lambda: pop.kaplan_meier([-1, 2], [True, True]), "times_h"),
    (lambda: pop.withdrawal_trial(n=50, every_weeks=6), "every_weeks"),
    (lambda: pop.withdrawal_trial(n=50, other_relapse_per_month=2.0), "other_relapse_per_month"),
])
def test_bad_input_names_the_parameter(call, name):
    with pytest.raises(ValueError, match=name):
        call()
