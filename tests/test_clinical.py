"""The clinical stage against published findings (Murrough2013, Zarate2006, Fava2020, Berman2000,
Abdallah2020Rapamycin, Phillips2019, Rush2009) and the logic of its symptom model."""

import numpy as np
import pytest

from ketamine_sim import clinical as c
from ketamine_sim import monoamines, pharmacokinetics
from ketamine_sim.literature import reference

HOURS_1W = np.arange(0.0, 7 * 24.0 + 0.25, 0.25)


# --- the symptom model on its own (no pharmacokinetics, no plasticity) ------------------------------------

def test_symptom_effect_is_zero_without_either_component():
    assert c.symptom_effect(0.0, 0.0) == 0.0


def test_one_single_infusion_peak_of_both_components_gives_one_over_one_plus_k():
    p = c.SYMPTOMS
    d = p.functional_weight + p.structural_weight
    assert c.symptom_effect(1.0, 1.0) == pytest.approx(d / (d + p.half_saturation))


def test_symptom_effect_rises_with_each_component_and_saturates_below_one():
    x = np.linspace(0.0, 50.0, 501)
    assert np.all(np.diff(c.symptom_effect(x, np.zeros_like(x))) > 0)
    assert np.all(np.diff(c.symptom_effect(np.zeros_like(x), x)) > 0)
    assert c.symptom_effect(1000.0, 1000.0) < 1.0


def test_symptom_effect_weights_select_the_component():
    only_structural = c.SymptomParams(functional_weight=0.0, structural_weight=1.0)
    assert c.symptom_effect(5.0, 0.0, only_structural) == 0.0
    assert c.symptom_effect(0.0, 1.0, only_structural) == pytest.approx(0.5)


# --- one infusion -------------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def single():
    return c.simulate(HOURS_1W, pharmacokinetics.standard_infusion())


def test_zero_before_and_at_the_start_of_treatment(single):
    assert single.effect[0] == 0.0
    late = c.schedule_effect(np.array([0.0, 10.0, 48.0]), pharmacokinetics.standard_infusion(24.0))
    assert abs(late[0]) < 1e-9 and abs(late[1]) < 1e-9 and late[2] > 0.01  # zero up to round-off upstream


def test_onset_within_about_two_hours_zarate_2006(single):
    ref = reference("single_infusion_onset")
    assert ref.key == "Zarate2006"
    at = np.interp(ref.value, single.t_h, single.effect)
    assert at >= 0.10 * single.effect.max()


def test_benefit_peaks_around_a_day_fava_2020(single):
    ref = reference("single_infusion_peak_time")
    assert ref.key == "Fava2020" and ref.role == "validation"
    assert single.t_h[np.argmax(single.effect)] == pytest.approx(ref.value, abs=ref.tolerance)


def test_effect_outlasts_the_drug_berman_2000(single):
    ref = reference("effect_outlasts_drug")
    assert ref.key == "Berman2000"
    brain_24, effect_24, effect_72 = (np.interp(h, single.t_h, v) for h, v in
                                      [(24.0, single.brain_uM), (24.0, single.effect), (ref.at, single.effect)])
    assert brain_24 < 0.05 * single.brain_uM.max()  # the drug is gone (claims #29) ...
    assert effect_24 > 0.8 * single.effect.max()  # ... the benefit is near its peak
    assert effect_72 > single.relapse_threshold  # and still there at 72 h


def test_relapse_within_3_to_14_days_abdallah_2020():
    ref = reference("single_infusion_relapse")
    assert ref.key == "Abdallah2020Rapamycin" and ref.role == "calibration"
    days = c.relapse_time_h(pharmacokinetics.standard_infusion()) / 24.0
    assert days == pytest.approx(ref.value, abs=ref.tolerance)


def test_madrs_at_24h_murrough_2013():
    ket, mid = reference("murrough2013_madrs_24h_ketamine"), reference("murrough2013_madrs_24h_midazolam")
    assert ket.key == mid.key == "Murrough2013" and ket.role == "calibration"
    effect_24 = c.single_infusion_effect(np.array([ket.at]))
    assert c.madrs_change(effect_24)[0] == pytest.approx(ket.value, abs=ket.tolerance)
    assert c.madrs_change(0.0) == pytest.approx(mid.value)  # no drug effect: the midazolam change


def test_the_first_day_stands_mostly_on_the_functional_component_modasava_2019():
    # ModaSava2019: the first response does not need new spines; keeping it does
    t = np.array([24.0, 96.0])
    normal = c.simulate(t, pharmacokinetics.standard_infusion()).effect
    no_spines = c.simulate(t, pharmacokinetics.standard_infusion(), spine_formation=False).effect
    assert no_spines[0] > 0.5 * normal[0]
    assert no_spines[1] < 0.5 * normal[1]


def test_nbqx_abolishes_the_effect_maeng_2008():
    e = c.simulate(HOURS_1W, pharmacokinetics.standard_infusion(), nbqx=True).effect
    assert e.max() < 0.1 * c.single_infusion_effect(HOURS_1W).max()


def test_more_dose_more_effect_in_the_antidepressant_range():
    peaks = [c.single_infusion_effect(HOURS_1W[::4], d).max() for d in (0.1, 0.2, 0.5)]
    assert peaks[0] < peaks[1] < peaks[2]


# --- repeated and maintenance dosing -----------------------------------------------------------------------

DAYS_46 = np.arange(0.0, 46 * 24.0, 0.5)


def test_six_infusions_act_more_than_one_phillips_2019():
    ref = reference("repeated_infusions_cumulative")
    assert ref.key == "Phillips2019"
    six = c.schedule_effect(DAYS_46, c.repeated_infusions()).max()
    one = c.single_infusion_effect(DAYS_46).max()
    assert six / one > ref.value


def test_weekly_infusions_maintain_the_effect_phillips_2019():
    ref = reference("weekly_infusions_maintain")
    assert ref.key == "Phillips2019"
    sixth = c.repeated_infusions()[-1].start_h
    with_weekly = c.simulate(DAYS_46, c.repeated_infusions(weekly_maintenance=4))
    after = (DAYS_46 >= sixth) & (DAYS_46 <= sixth + 24.0 * ref.value)
    assert np.all(with_weekly.effect[after] > with_weekly.relapse_threshold)
    # without the weekly infusions the effect is lost well within that time
    assert c.relapse_time_h(c.repeated_infusions()) / 24.0 < ref.value


def test_relapse_time_counts_from_the_last_dose():
    one = c.relapse_time_h(pharmacokinetics.standard_infusion())
    shifted = c.relapse_time_h(pharmacokinetics.standard_infusion(start_h=100.0))
    assert shifted == pytest.approx(one, abs=0.5)
    assert c.relapse_time_h(pharmacokinetics.standard_infusion(dose_mg_per_kg=0.0)) == 0.0


def test_esketamine_induction_and_weekly_maintenance_keep_the_effect_spravato_label():
    # schedule from SpravatoLabel (twice weekly 4 weeks, then weekly); a qualitative check of the model only
    course = c.esketamine_course(maintenance_weeks=4)
    t = np.arange(0.0, 8 * 7 * 24.0, 1.0)
    r = c.simulate(t, course)
    assert np.all(r.effect[t >= 48.0] > r.relapse_threshold)
    assert c.relapse_time_h(course) < 14 * 24.0


# --- SSRIs --------------------------------------------------------------------------------------------------

def test_ssri_effect_is_the_monoamine_stage_rush_2009():
    days = np.array([0.0, 42.0, 91.0])
    assert np.array_equal(c.ssri_effect(days), monoamines.effect(days))
    e0, e6, e13 = c.ssri_effect(days, "plasticity")
    ref = reference("ssri_half_of_remissions_by_6_weeks")
    assert e0 == 0.0 and e6 / e13 == pytest.approx(ref.value, abs=ref.tolerance)


def test_ketamine_is_fast_where_ssris_are_slow():
    # the book's contrast: on day 1 ketamine is near its peak, the SSRI has barely started
    assert c.single_infusion_effect(24.0) > 20 * c.ssri_effect(1.0)


# --- one dose returns to baseline (issue 9 item 1: the concentration tail is not clamped) ----------------

def test_one_infusion_returns_to_baseline_over_months_array_path():
    t = np.arange(0.0, 89 * 24.0 + 1.0, 1.0)
    r = c.simulate(t, pharmacokinetics.standard_infusion())
    late = t >= 60 * 24.0
    assert r.effect.max() > 0.3
    assert np.all(r.effect[late] < 1e-3 * r.effect.max())  # was 0.13 (27% of the peak) for ever
    assert np.all(np.abs(r.spine_density[late] - 1.0) < 1e-4)  # was 1.010
    assert np.all(np.abs(r.plasticity.glutamate_rel[late] - 1.0) < 1e-6)  # was 1.0025
    assert np.all(r.plasticity.pyramidal_block[late] < 1e-6)  # was 0.001


def test_relapse_threshold_is_not_inflated_by_a_permanent_tail():
    # 8.5 days after one infusion the effect is what the decaying components leave (was 0.196 with the tail)
    assert c.relapse_threshold() < 0.15


# --- issue 9 item 7: long schedules run, stay finite, and cost grows with the doses, not faster ------------

def _weekly_year():
    return tuple(pharmacokinetics.standard_infusion(24.0 * 7 * k) for k in range(52))


def _esketamine_twice_weekly_year():
    return tuple(pharmacokinetics.esketamine_nasal(24.0 * (7 * w + d)) for w in range(52) for d in (0, 3))


@pytest.mark.parametrize("schedule", [_weekly_year, _esketamine_twice_weekly_year], ids=["weekly", "esketamine"])
def test_a_year_of_maintenance_runs_and_keeps_the_effect(schedule):
    doses = schedule()  # before: refused beyond 90 days (start_h <= 2160 h)
    t = np.linspace(0.0, 372 * 24.0, 3001)
    r = c.simulate(t, doses)
    assert np.all(np.isfinite(r.effect)) and np.all((r.effect >= 0) & (r.effect < 1))
    kept = (t > 14 * 24.0) & (t < doses[-1].start_h + 24.0)
    assert np.all(r.effect[kept] > r.relapse_threshold)  # maintained all year (Phillips2019, SUSTAIN-1 direction)
    assert r.effect[-1] < r.effect[kept].min()  # and fading after the last dose


def test_internal_grid_grows_linearly_with_the_number_of_doses():
    sizes = {}
    for n in (13, 26, 52):
        doses = tuple(pharmacokinetics.standard_infusion(168.0 * k) for k in range(n))
        grid, brain = c.brain_drive(n * 7 * 24.0, doses)
        assert grid.shape == brain.shape and np.all(np.diff(grid) > 0)
        sizes[n] = grid.size
    per_dose = [(sizes[b] - sizes[a]) / (b - a) for a, b in ((13, 26), (26, 52))]
    assert per_dose[1] == pytest.approx(per_dose[0], rel=0.02) and per_dose[0] < 300


def test_course_on_grid_is_simulate_on_its_own_grid():
    doses = c.repeated_infusions(2)
    course = c.course_on_grid(doses, 30 * 24.0)
    r = c.simulate(course.t_h, doses)
    assert course.t_h[0] == 0.0 and course.t_h[-1] == pytest.approx(30 * 24.0)
    np.testing.assert_allclose(course.spine_density, r.spine_density, rtol=0, atol=1e-12)
    functional, structural = c.components(course.potentiation, course.spine_density)
    np.testing.assert_allclose(c.symptom_effect(functional, structural), r.effect, rtol=0, atol=1e-12)


def test_effect_is_the_saturating_drive():
    f, s = np.array([0.0, 1.0, 2.0]), np.array([0.0, 1.0, 0.5])
    p = c.SYMPTOMS
    drive = c.symptom_drive(f, s)
    np.testing.assert_allclose(drive, p.functional_weight * f + p.structural_weight * s)
    np.testing.assert_allclose(c.symptom_effect(f, s), drive / (drive + p.half_saturation))
    with pytest.raises(ValueError, match="drive=-1"):
        c.effect_of_drive([0.5, -1.0])
    with pytest.raises(ValueError, match="until_h=-5"):
        c.course_on_grid(c.repeated_infusions(0), -5.0)


def test_scalar_dose_path_of_plasticity_runs_a_year():
    from ketamine_sim import plasticity

    t = np.linspace(0.0, 365 * 24.0, 2001)
    r = plasticity.simulate(t, dose_times_h=tuple(168.0 * k for k in range(52)))
    assert np.all(np.isfinite(r.spine_density)) and r.spine_density.max() > 1.0


# --- issue 9 item 3: the dose-response agrees with Fava2020 ----------------------------------------------

def _drug_points_24h(dose_mg_per_kg):
    return -float(c.madrs_change(c.single_infusion_effect(24.0, dose_mg_per_kg), include_placebo=False))


def test_dose_ranging_fava2020_only_0_5_and_1_0_distinguishable_from_midazolam():
    low = reference("fava2020_low_doses_not_distinguishable")
    high = reference("fava2020_standard_doses_distinguishable")
    assert low.key == high.key == "Fava2020"
    standard = _drug_points_24h(0.5)
    ratio = {d: _drug_points_24h(d) / standard for d in (0.1, 0.2, 0.5, 1.0)}
    assert ratio[0.1] < low.value and ratio[0.2] < low.value  # before: 0.69 and 0.83 of the standard dose
    assert ratio[0.5] >= high.value and ratio[1.0] >= high.value


def test_above_one_mg_per_kg_more_still_adds_but_saturates():
    # no human antidepressant data above 1 mg/kg in our sources: the model's stated assumption
    points = [_drug_points_24h(d) for d in (1.0, 2.0, 5.0, 20.0)]
    assert np.all(np.diff(points) > 0) and points[-1] < 2.5 * _drug_points_24h(0.5)


@pytest.mark.xfail(strict=True, reason="known miss (Abdallah2020Rapamycin): in the model rapamycin removes the "
                   "structural component and shortens the effect; in patients it prolonged the response")
def test_rapamycin_prolongs_the_human_response_abdallah2020():
    ref = reference("rapamycin_prolongs_response")
    assert ref.role == "validation" and not ref.reproduced
    dose = pharmacokinetics.standard_infusion()
    with_rapa = float(c.simulate(ref.at * 24.0, dose, rapamycin=True).effect)
    assert with_rapa >= ref.value * float(c.simulate(ref.at * 24.0, dose).effect)
