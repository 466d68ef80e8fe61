"""The pharmacokinetic model: published numbers (source key in each test name), schedules and bad input."""

import numpy as np
import pytest

from ketamine_sim import pharmacokinetics as pk
from ketamine_sim.literature import reference

MIN = 1.0 / 60.0  # one minute in hours


def _bounds(ref):
    return ref.value - ref.tolerance, ref.value + ref.tolerance


# --- calibration --------------------------------------------------------------------------------------------

def test_peak_plasma_calibration_zanos2018():
    ref = reference("peak_plasma_antidepressant_dose")
    assert ref.key == "Zanos2018PharmRev" and ref.role == "calibration"
    t = np.linspace(0.0, 3.0, 18001)
    c = pk.plasma_ketamine_uM(t)
    assert c.max() == pytest.approx(ref.value, abs=ref.tolerance)
    # ... reached at the end of the 40-min infusion (Berman2000 regimen)
    assert t[np.argmax(c)] == pytest.approx(reference("standard_antidepressant_dose").at * MIN, abs=2 * MIN)


def test_ng_per_mL_conversion_zanos2018():
    # 185 ng/mL is quoted as about 0.78 uM with a molar mass of 237.7 g/mol (facts.md)
    assert pk.ng_per_mL_to_uM(185.0) == pytest.approx(0.78, abs=0.005)
    assert pk.uM_to_ng_per_mL(1.0) == pytest.approx(237.7)


# --- validations: predicted, not fitted ----------------------------------------------------------------------

def test_plasma_in_dissociation_range_over_late_infusion_zanos2018():
    ref = reference("dissociation_plasma_range")
    assert ref.key == "Zanos2018PharmRev" and ref.role == "validation"
    low, high = _bounds(ref)
    c = pk.plasma_ketamine_uM(np.linspace(20 * MIN, 40 * MIN, 41))
    assert np.all((c >= low) & (c <= high)), f"{c.min():.3f}-{c.max():.3f} uM outside {low}-{high} (Zanos2018PharmRev)"


def test_analgesic_bolus_in_range_zanos2018():
    ref = reference("analgesic_plasma_range")
    assert ref.key == "Zanos2018PharmRev" and ref.role == "validation"
    low, high = _bounds(ref)
    c = pk.simulate(pk.iv_bolus(0.0, ref.at), np.linspace(0.5 * MIN, 5 * MIN, 10)).plasma_uM
    assert np.all((c >= low) & (c <= high)), f"{c.min():.3f}-{c.max():.3f} uM outside {low}-{high} (Zanos2018PharmRev)"


def _anaesthetic_window():
    dose = reference("anaesthetic_induction_dose")  # KetalarLabel: 2 mg/kg, anaesthesia lasts at least 5 min
    t = np.linspace(0.5 * MIN, dose.at * MIN, 10)
    return pk.simulate(pk.anaesthetic_bolus(0.0, dose.value), t).plasma_uM


@pytest.mark.xfail(strict=True, reason="known miss: 2 mg/kg gives ~4.1-4.7 uM, below the 5-10 uM of Zanos2018PharmRev; "
                                       "a 12.5-min distribution phase leaves the central volume too large")
def test_anaesthetic_bolus_in_range_zanos2018():
    ref = reference("anaesthetic_bolus_plasma_range")
    assert ref.key == "Zanos2018PharmRev" and ref.role == "validation"
    low, high = _bounds(ref)
    c = _anaesthetic_window()
    assert np.all((c >= low) & (c <= high))


def test_anaesthetic_bolus_lies_above_the_dissociative_range_zanos2018():
    # what the model does reproduce: an induction dose puts plasma above the dissociation band, below the top of
    # the anaesthetic band, while the label says the patient is anaesthetised (KetalarLabel)
    c = _anaesthetic_window()
    assert np.all(c > _bounds(reference("dissociation_plasma_range"))[1])
    assert np.all(c < _bounds(reference("anaesthetic_bolus_plasma_range"))[1])


def test_terminal_half_life_from_the_curve_alshirawi2017():
    ref = reference("elimination_half_life")
    assert ref.key == "AlShirawi2017"
    t = np.linspace(6.0, 12.0, 61)
    slope = np.polyfit(t, np.log(pk.plasma_ketamine_uM(t)), 1)[0]
    assert np.log(2) / -slope == pytest.approx(ref.value, abs=ref.tolerance)


def test_distribution_phase_lasts_about_45_min_ketalarlabel():
    ref = reference("alpha_phase_duration")
    assert ref.key == "KetalarLabel" and ref.role == "structural"
    # curve stripping, as a pharmacologist would: extrapolate the terminal line back, see when the rest is < 10%
    late = np.linspace(6.0, 12.0, 61)
    bolus = pk.iv_bolus(0.0, 1.0)
    slope, intercept = np.polyfit(late, np.log(pk.simulate(bolus, late).plasma_uM), 1)
    t = np.linspace(0.0, 3.0, 1801)
    c = pk.simulate(bolus, t).plasma_uM
    fast_share = 1.0 - np.exp(intercept + slope * t) / c
    over_min = t[np.argmax(fast_share < 0.10)] * 60
    assert over_min == pytest.approx(ref.value, abs=ref.tolerance)


def test_mostly_gone_long_before_the_24h_clinical_peak_ketalarlabel():
    ref = reference("fraction_of_peak_left_at_10h")
    assert ref.role == "structural"
    t = np.linspace(0.0, ref.at, 6001)
    c = pk.plasma_ketamine_uM(t)
    assert c[-1] / c.max() <= ref.value
    assert pk.plasma_ketamine_uM(24.0) / c.max() < 0.01


# --- inputs wired in --------------------------------------------------------------------------------------------

def test_intranasal_exposure_is_45_percent_of_iv_alshirawi2017():
    ref = reference("intranasal_bioavailability")
    t = np.linspace(0.0, 48.0, 48001)
    nasal = pk.simulate(pk.Dose(0.0, 56.0, "intranasal", 0.0, "S", "mg"), t).plasma_uM
    iv = pk.simulate(pk.Dose(0.0, 56.0, "iv", 0.0, "S", "mg"), t).plasma_uM
    assert np.trapezoid(nasal, t) / np.trapezoid(iv, t) == pytest.approx(ref.value, rel=1e-3)


def test_iv_exposure_equals_dose_over_clearance():
    # AUC = dose / clearance for any linear model with elimination from plasma
    t = np.linspace(0.0, 60.0, 60001)
    auc_uM_h = np.trapezoid(pk.plasma_ketamine_uM(t), t)
    dose_umol_per_kg = 0.5 * 1e3 / 237.7
    clearance_L_per_h_per_kg = pk.PK.clearance_mL_per_min_per_kg * 60 / 1e3
    assert auc_uM_h == pytest.approx(dose_umol_per_kg / clearance_L_per_h_per_kg, rel=1e-3)


@pytest.mark.parametrize("dose_mg,devices", [(28, 1), (56, 2), (84, 3)])
def test_esketamine_devices_spravatolabel(dose_mg, devices):
    d = pk.esketamine_nasal(1.0, dose_mg)
    assert (d.form, d.route, d.unit, d.amount) == ("S", "intranasal", "mg", dose_mg)
    assert d.duration_min == (devices - 1) * reference("esketamine_device_interval").value


def test_esketamine_schedule_twice_weekly_then_weekly_spravatolabel():
    per_week = reference("esketamine_induction_doses_per_week")
    doses = pk.esketamine_schedule(84, 56, maintenance_weeks=4)
    starts_day = np.array([d.start_h for d in doses]) / 24
    induction = starts_day < 7 * per_week.at
    assert induction.sum() == per_week.value * per_week.at
    assert np.all(np.diff(starts_day[~induction]) == 7) and (~induction).sum() == 4
    assert doses[0].amount == 56 and all(d.amount == 84 for d in doses[1:8])
    assert all(d.amount == 56 for d in doses[8:])


def test_six_infusions_over_two_weeks_phillips2019():
    doses = pk.six_infusions_two_weeks()
    assert len(doses) == reference("repeated_infusions").value
    days = np.array([d.start_h for d in doses]) / 24
    assert days[-1] < 14 and list(np.diff(days)) == [2, 2, 3, 2, 2]  # Mon, Wed, Fri twice


def test_repeated_infusions_do_not_accumulate_alshirawi2017():
    # with t1/2 ~2.5 h nothing is left two days later, so every Mon/Wed/Fri peak is the same
    doses = pk.six_infusions_two_weeks()
    t = np.linspace(0.0, 14 * 24.0, 14 * 24 * 60 + 1)
    c = pk.simulate(doses, t).plasma_uM
    peaks = [c[(t >= d.start_h) & (t < d.start_h + 2)].max() for d in doses]
    assert np.allclose(peaks, peaks[0], rtol=1e-3)
    assert peaks[0] == pytest.approx(reference("peak_plasma_antidepressant_dose").value, abs=0.01)


# --- behaviour --------------------------------------------------------------------------------------------------

def test_brain_lags_plasma_and_then_follows_it():
    t = np.linspace(0.0, 6.0, 3601)
    r = pk.simulate(pk.standard_infusion(), t)
    assert r.brain_uM[0] == 0 and r.plasma_uM[0] == 0
    assert t[np.argmax(r.brain_uM)] > t[np.argmax(r.plasma_uM)]
    assert r.brain_uM.max() < r.plasma_uM.max()
    late = t > 2.0
    assert np.allclose(r.brain_uM[late], r.plasma_uM[late], rtol=0.05)


def test_norketamine_forms_after_ketamine_and_outlasts_it():
    t = np.linspace(0.0, 24.0, 2401)
    r = pk.simulate(pk.standard_infusion(), t)
    assert r.norketamine_uM[0] == 0
    assert t[np.argmax(r.norketamine_uM)] > t[np.argmax(r.plasma_uM)]
    assert r.norketamine_uM[-1] > r.plasma_uM[-1]


def test_intranasal_peaks_later_and_lower_than_iv_bolus_of_same_mg():
    t = np.linspace(0.0, 4.0, 2401)
    nasal = pk.simulate(pk.Dose(0.0, 56.0, "intranasal", unit="mg"), t).plasma_uM
    iv = pk.simulate(pk.Dose(0.0, 56.0, "iv", unit="mg"), t).plasma_uM
    assert abs(nasal[0]) < 1e-12 and t[np.argmax(nasal)] > 0.1
    assert nasal.max() < iv.max()


def test_forms_are_labelled_and_summed():
    t = np.linspace(0.0, 30.0, 301)
    ske = pk.simulate(pk.esketamine_nasal(0.0, 56), t)
    assert ske.form == "S" and set(ske.brain_by_form_uM) == {"S"}
    mixed = pk.simulate([pk.standard_infusion(0.0), pk.esketamine_nasal(24.0, 56)], t)
    assert mixed.form == "mixed"
    assert np.allclose(mixed.brain_by_form_uM["racemic"] + mixed.brain_by_form_uM["S"], mixed.brain_uM)


def test_weight_matters_only_for_doses_in_mg():
    t = np.linspace(0.0, 5.0, 51)
    per_kg = [pk.simulate(pk.standard_infusion(), t, w).plasma_uM for w in (50.0, 100.0)]
    assert np.allclose(per_kg[0], per_kg[1])
    fixed = [pk.simulate(pk.esketamine_nasal(0.0, 56), t, w).plasma_uM for w in (50.0, 100.0)]
    assert np.allclose(fixed[0], 2 * fixed[1])


def test_shapes_and_convenience_functions():
    assert np.ndim(pk.plasma_ketamine_uM(1.0)) == 0
    grid = np.linspace(0, 4, 12).reshape(3, 4)
    assert pk.brain_ketamine_uM(grid).shape == (3, 4)
    r = pk.simulate(pk.standard_infusion(0.0, 0.5, 40.0), grid)
    assert np.array_equal(r.plasma_uM, pk.plasma_ketamine_uM(grid))
    assert np.array_equal(r.brain_uM, pk.brain_ketamine_uM(grid))
    assert np.allclose(r.plasma_ng_per_mL, r.plasma_uM * 237.7)
    assert np.all(pk.simulate([], grid).plasma_uM == 0)


def test_recalibrated_params_keep_the_peak_zanos2018():
    params = pk.calibrated_params(fast_fraction=0.8)
    t = np.linspace(0.0, 2.0, 12001)
    c = pk.simulate(pk.standard_infusion(), t, params=params).plasma_uM
    assert c.max() == pytest.approx(reference("peak_plasma_antidepressant_dose").value, abs=0.01)


# --- bad input ----------------------------------------------------------------------------------------------

BAD = [
    (lambda: pk.plasma_ketamine_uM(-1.0), "t_h", "-1"),
    (lambda: pk.plasma_ketamine_uM(20000.0), "t_h", "20000"),  # beyond two years
    (lambda: pk.plasma_ketamine_uM(np.array([1.0, np.nan])), "t_h", "nan"),
    (lambda: pk.brain_ketamine_uM(1.0, dose_mg_per_kg=25.0), "dose_mg_per_kg", "25"),
    (lambda: pk.brain_ketamine_uM(1.0, dose_mg_per_kg=-0.5), "dose_mg_per_kg", "-0.5"),
    (lambda: pk.plasma_ketamine_uM(1.0, infusion_min=0.0), "infusion_min", "0"),
    (lambda: pk.plasma_ketamine_uM(1.0, infusion_min=2000.0), "infusion_min", "2000"),
    (lambda: pk.Dose(0.0, 0.5, route="oral"), "route", "'oral'"),
    (lambda: pk.Dose(0.0, 0.5, form="D"), "form", "'D'"),
    (lambda: pk.Dose(0.0, 0.5, unit="g"), "unit", "'g'"),
    (lambda: pk.Dose(-2.0, 0.5), "start_h", "-2"),
    (lambda: pk.Dose(0.0, 0.5, duration_min=-1.0), "duration_min", "-1"),
    (lambda: pk.Dose(0.0, 21.0), "amount", "21"),
    (lambda: pk.simulate(pk.Dose(0.0, 1500.0, unit="mg"), 1.0, body_weight_kg=60.0), "amount", "25"),
    (lambda: pk.simulate(pk.standard_infusion(), 1.0, body_weight_kg=10.0), "body_weight_kg", "10"),
    (lambda: pk.esketamine_nasal(0.0, 40), "dose_mg", "40"),
    (lambda: pk.esketamine_schedule(maintenance_weeks=-1), "maintenance_weeks", "-1"),
    (lambda: pk.anaesthetic_bolus(0.0, 0.5), "dose_mg_per_kg", "0.5"),
    (lambda: pk.esketamine_schedule(maintenance_weeks=1.5), "maintenance_weeks", "1.5"),
    (lambda: pk.esketamine_schedule(induction_dose_mg=70), "induction_dose_mg", "70"),
    (lambda: pk.calibrated_params(fast_fraction=1.2), "fast_fraction", "1.2"),
    (lambda: pk.Dose([0.0, 1.0], 0.5), "start_h", "[0.0, 1.0]"),
]


@pytest.mark.parametrize("call,name,value", BAD, ids=[b[1] + "=" + b[2] for b in BAD])
def test_bad_input_names_parameter_value_and_range(call, name, value):
    with pytest.raises(ValueError, match=name) as err:
        call()
    assert f"{name}={value}" in str(err.value)
    assert "allowed" in str(err.value) or "choose one of" in str(err.value)


def test_simulate_rejects_things_that_are_not_doses():
    with pytest.raises(ValueError, match="doses"):
        pk.simulate([0.5], 1.0)


# --- issue 9 item 4: the effect site against the Ketalar label (Sleigh2019 equilibration) -----------------

def _bolus_brain(dose_mg_per_kg, t_h):
    return pk.simulate(pk.iv_bolus(0.0, dose_mg_per_kg), t_h).brain_uM


def test_effect_site_half_life_is_sleigh2019():
    ref = reference("effect_site_half_life")
    assert ref.key == "Sleigh2019" and ref.role == "input"
    assert pk.PK.effect_site_half_life_min * 60.0 == pytest.approx(ref.value, abs=ref.tolerance)


def test_anaesthetic_bolus_brain_peaks_within_the_anaesthesia_ketalar_label():
    ref = reference("anaesthetic_bolus_brain_peak_time")
    assert ref.role == "validation" and ref.reproduced
    t = np.linspace(0.0, 1.0, 3601)
    peak_min = 60.0 * t[np.argmax(_bolus_brain(ref.at, t))]
    assert peak_min <= ref.value  # before (3-min effect site, ASSUMED): 10.8 min


@pytest.mark.xfail(strict=True, reason="known miss: 2 mg/kg gives 2.8 uM in the brain at 30 s (0.51 uM before "
                   "the Sleigh2019 equilibration), below the 5 uM of anaesthesia, because plasma is too low")
def test_anaesthetic_bolus_brain_at_30s_ketalar_label():
    ref = reference("anaesthetic_bolus_brain_at_30s")
    assert not ref.reproduced
    assert float(_bolus_brain(2.0, ref.at / 60.0)) >= ref.value


@pytest.mark.xfail(strict=True, reason="known miss: after 1.5 mg/kg the model's brain level peaks near 3.3 uM, "
                   "below the 6.9 uM at which Sleigh2019 volunteers lost responsiveness")
def test_loss_of_responsiveness_level_is_reached_sleigh2019():
    ref = reference("loss_of_responsiveness_brain")
    t = np.linspace(0.0, 1.0, 3601)
    assert _bolus_brain(ref.at, t).max() >= ref.value - ref.tolerance
