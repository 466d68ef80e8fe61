"""The synaptogenesis model against published findings (each test names its source key) and its own mechanics.

Qualitative findings are tested as such; the stored references (``literature/plasticity.py``) give the key,
status and role.  Numbers the model was calibrated to are marked "calibration" there.
"""

import numpy as np
import pytest

from ketamine_sim import pharmacokinetics, receptors
from ketamine_sim import plasticity as pl
from ketamine_sim.literature import reference

HOURS_3W = np.linspace(0.0, 21 * 24.0, 2017)  # 15-min samples for three weeks
DAY = 24.0
DOSE_UM = pharmacokinetics.ANTIDEPRESSANT_PEAK_BRAIN_UM  # the standard infusion's brain peak (≈0.74 µM)


def at(result, field, t_h):
    return float(np.interp(t_h, result.t_h, getattr(result, field)))


def excess(result, field="spine_density"):
    return getattr(result, field) - getattr(result, field)[0]


@pytest.fixture(scope="module")
def one_dose():
    return pl.simulate(HOURS_3W, DOSE_UM)


# --- numerics, checked against closed-form solutions (independent of the package) ------------------------

def test_relax_matches_closed_form_for_step_and_ramp():
    t = np.concatenate([np.linspace(0, 2, 25), np.linspace(2.5, 400, 800)])
    dt = np.diff(t)
    tau = 0.7
    assert np.allclose(pl.relax(t, dt, np.ones_like(t), tau), 1 - np.exp(-t / tau), atol=1e-12)
    assert np.allclose(pl.relax(t, dt, t.copy(), tau), t - tau * (1 - np.exp(-t / tau)), atol=1e-9)
    assert np.allclose(pl.relax(t, dt, np.zeros_like(t), tau, x0=2.0), 2 * np.exp(-t / tau), atol=1e-12)


def test_internal_steps_are_fine_enough():
    from dataclasses import replace

    fine = replace(pl.PARAMS, fine_step_h=1 / 60, coarse_step_h=1 / 60)
    ref, res = pl.simulate(HOURS_3W, DOSE_UM, params=fine), pl.simulate(HOURS_3W, DOSE_UM)
    for field in ("spine_density", "potentiation", "ltp_threshold", "synthesis"):
        a, b = getattr(res, field), getattr(ref, field)
        assert np.max(np.abs(a - b)) < 0.02 * np.ptp(b), field


# --- baseline ---------------------------------------------------------------------------------------------

def test_no_drug_leaves_every_stage_at_baseline():
    r = pl.simulate(HOURS_3W, 0.0)
    assert np.allclose(r.spine_density, 1.0) and np.allclose(r.eef2_phospho, 1.0)
    for field in ("bdnf", "trkb", "mtorc1", "synthesis", "potentiation"):
        assert np.allclose(getattr(r, field), 0.0), field
    assert np.allclose(r.ltp_threshold, pl.THETA_LTP)
    assert np.allclose(r.formation_rate_per_day, r.elimination_rate_per_day)


def test_every_stage_responds_to_the_standard_dose(one_dose):
    r = one_dose
    assert r.ampa_drive.max() > 1.0 and r.eef2_phospho.min() < 1.0
    for field in ("bdnf", "trkb", "mtorc1", "synthesis", "potentiation"):
        assert getattr(r, field).max() > 0.01, field
    assert r.spine_density.max() > 1.01 and r.ltp_threshold.min() < pl.THETA_LTP


def test_stages_peak_in_the_order_of_the_chain(one_dose):
    r = one_dose
    peaks = [r.t_h[np.argmax(np.abs(excess(r, f)))] for f in ("bdnf", "trkb", "mtorc1", "synthesis", "spine_density")]
    assert peaks == sorted(peaks)


# --- Phoumthipphavong2016: one dose, spines raised ~2 weeks, by formation --------------------------------

def test_spines_stay_raised_for_about_two_weeks_phoumthipphavong2016(one_dose):
    ref = reference("spine_density_raised_days")
    assert ref.key == "Phoumthipphavong2016" and ref.role == "calibration"
    ex = excess(one_dose)
    raised = one_dose.t_h[ex >= 0.10 * ex.max()]
    assert raised[-1] / DAY == pytest.approx(ref.value, abs=ref.tolerance)
    assert at(one_dose, "spine_density", 7 * DAY) > 1.0 + 0.1 * ex.max()  # still raised at one week
    assert at(one_dose, "spine_density", 21 * DAY) < 1.0 + 0.1 * ex.max()  # back near baseline by three weeks


def test_rise_comes_from_formation_elimination_unchanged_phoumthipphavong2016(one_dose):
    ref = reference("spine_elimination_rate_ratio")
    control = pl.simulate(HOURS_3W, 0.0)
    ratio = one_dose.elimination_rate_per_day / control.elimination_rate_per_day
    assert np.allclose(ratio, ref.value, atol=ref.tolerance + 1e-12), "Phoumthipphavong2016"
    assert one_dose.formation_rate_per_day.max() > 1.1 * control.formation_rate_per_day.max()
    # the density change is formation minus elimination, integrated (a mass balance, independent of the solver)
    t = one_dose.t_h
    flux = one_dose.formation_rate_per_day - one_dose.elimination_rate_per_day * one_dose.spine_density
    integral = np.concatenate([[0], np.cumsum(0.5 * (flux[1:] + flux[:-1]) * np.diff(t) / DAY)])
    assert np.allclose(1.0 + integral, one_dose.spine_density, atol=2e-3)


# --- inhibitors ------------------------------------------------------------------------------------------

def test_rapamycin_abolishes_spine_increase_li2010_dumanaghajanian2012(one_dose):
    ref = reference("rapamycin_abolishes_spine_increase")
    assert ref.key == "Li2010"
    r = pl.simulate(HOURS_3W, DOSE_UM, rapamycin=True)
    assert np.allclose(r.spine_density, 1.0, atol=1e-12) and np.allclose(r.mtorc1, 0.0)
    assert one_dose.spine_density.max() > 1.01
    assert np.allclose(pl.spine_density(HOURS_3W, DOSE_UM, rapamycin=True), 1.0, atol=1e-12)


def test_nbqx_abolishes_spines_maeng2008(one_dose):
    ref = reference("nbqx_spine_increase_left")
    assert ref.key == "Maeng2008"
    r = pl.simulate(HOURS_3W, ref.at, nbqx=True)
    assert np.all(r.ampa_drive < 0.1)  # AMPA throughput far below baseline, no surge can get through
    left = (r.spine_density.max() - 1.0) / (one_dose.spine_density.max() - 1.0)
    assert left == pytest.approx(ref.value, abs=ref.tolerance)
    assert np.all(pl.spine_density(HOURS_3W, ref.at, nbqx=True) <= pl.spine_density(HOURS_3W, ref.at))


def test_nbqx_abolishes_functional_component_zanos2016(one_dose):
    ref = reference("nbqx_functional_component_left")
    assert ref.key == "Zanos2016"
    r = pl.simulate(HOURS_3W, ref.at, nbqx=True)
    left = r.potentiation.max() / one_dose.potentiation.max()
    assert left == pytest.approx(ref.value, abs=ref.tolerance)


def test_a_full_ampa_block_leaves_exactly_nothing():
    r = pl.simulate(HOURS_3W, DOSE_UM, nbqx=1.0)
    assert np.allclose(r.spine_density, 1.0, atol=1e-12) and np.allclose(r.potentiation, 0.0)


def test_rapamycin_spares_the_early_functional_component_abdallah2020rapamycin(one_dose):
    assert reference("rapamycin_spares_functional_component").key == "Abdallah2020Rapamycin"
    r = pl.simulate(HOURS_3W, DOSE_UM, rapamycin=True)
    assert at(r, "potentiation", DAY) == pytest.approx(at(one_dose, "potentiation", DAY), rel=1e-9)


def test_losing_bdnf_removes_both_components_autry2011():
    t = HOURS_3W
    full, half, none = (pl.simulate(t, DOSE_UM, bdnf_fraction=f) for f in (1.0, 0.5, 0.0))
    assert np.allclose(none.spine_density, 1.0) and np.allclose(none.potentiation, 0.0)
    assert 1.0 < half.spine_density.max() < full.spine_density.max()
    assert 0.0 < half.potentiation.max() < full.potentiation.max()


# --- Autry2011: block at rest --------------------------------------------------------------------------

def test_block_at_rest_dephosphorylates_eef2_and_raises_bdnf_autry2011():
    ref = reference("block_at_rest_dephosphorylates_eef2")
    assert ref.key == "Autry2011"
    t = np.linspace(0.0, 48.0, 577)
    block = np.where(t < 2.0, receptors.nmda_block_fraction(DOSE_UM), 0.0)  # pyramidal block, no surge
    r = pl.simulate(t, 0.0, glutamate_rel=np.ones_like(t), pyramidal_block=block)
    assert np.allclose(r.ampa_drive, 1.0)  # no glutamate surge at all
    assert r.eef2_phospho.min() < 0.8 and r.bdnf.max() > 0.05
    assert r.spine_density.max() > 1.0
    dephos_time = r.t_h[np.argmin(r.eef2_phospho)]
    assert dephos_time <= 2.0 + 1e-9  # dephosphorylation is at its deepest while the block lasts
    rest = pl.simulate(t, 0.0, glutamate_rel=np.ones_like(t), pyramidal_block=np.zeros_like(t))
    assert np.allclose(rest.eef2_phospho, 1.0) and np.allclose(rest.bdnf, 0.0)


# --- ModaSava2019: functional first, spines keep it ------------------------------------------------------

def test_functional_component_rises_before_spines_modasava2019(one_dose):
    assert reference("functional_component_rises_before_spines").key == "ModaSava2019"

    def half_rise(field):
        ex = excess(one_dose, field)
        return one_dose.t_h[np.argmax(ex >= 0.5 * ex.max())]

    assert half_rise("potentiation") < half_rise("spine_density")


def test_early_effect_survives_without_new_spines_but_not_its_persistence_modasava2019(one_dose):
    assert reference("early_effect_without_new_spines").key == "ModaSava2019"
    no_spines = pl.simulate(HOURS_3W, DOSE_UM, spine_formation=False)
    assert np.allclose(no_spines.potentiation, one_dose.potentiation)  # the early effect does not need spines
    assert np.allclose(no_spines.spine_density, 1.0)
    # a week later the functional component has faded; only the new spines are left to carry the effect
    week = 7 * DAY
    assert at(one_dose, "potentiation", week) < 0.05 * one_dose.potentiation.max()
    assert at(one_dose, "spine_density", week) - 1.0 > 0.1 * excess(one_dose).max()


# --- Pryazhnikov2018: daily dosing ---------------------------------------------------------------------

DAILY = (0.0, 24.0, 48.0, 72.0, 96.0)  # 10 mg/kg x 5 days, modelled as 5 daily exposures


def _formation_ratio(lo_h, hi_h):
    t = np.linspace(0.0, 144.0, 1729)
    r = pl.simulate(t, DOSE_UM, dose_times_h=DAILY)
    sel = (t >= lo_h) & (t <= hi_h)
    return float(np.mean(r.formation_rate_per_day[sel] / r.elimination_rate_per_day[sel]))


@pytest.mark.xfail(strict=True, reason="Pryazhnikov2018 NOT reproduced since the Fava2020 dose threshold (TrkB "
                   "Hill 4): formation is raised about 7% at 72-132 h, below the 10% we count as a detectable rise")
def test_daily_dosing_raises_formation_at_72_132h_pryazhnikov2018():
    ref = reference("daily_dosing_formation_72_132h")
    assert ref.key == "Pryazhnikov2018" and not ref.reproduced
    assert _formation_ratio(72.0, 132.0) > ref.value + ref.tolerance


def test_daily_dosing_does_not_raise_formation_at_6_24h_pryazhnikov2018():
    ref = reference("daily_dosing_formation_6_24h")
    assert ref.reproduced
    assert abs(_formation_ratio(6.0, 24.0) - ref.value) <= ref.tolerance


def test_what_the_model_predicts_for_daily_dosing_pryazhnikov2018():
    # the direction of the finding holds: formation is raised more after repeated doses than in the first day
    early, late = _formation_ratio(6.0, 24.0), _formation_ratio(72.0, 132.0)
    assert 1.0 < early < late < 1.1


# --- Hebbian threshold and the window of opportunity (claim #24, HYPOTHESIS) -----------------------------

def test_threshold_separates_coincidence_from_glutamate_alone():
    c = receptors.coincidence()
    neither, glu_alone, depol_alone, both = pl.ltp_induced(c.calcium_rel, pl.THETA_LTP)
    assert both and not (neither or glu_alone or depol_alone)


def test_window_of_opportunity_is_time_limited(one_dose):
    theta = one_dose.ltp_threshold
    assert np.all(theta <= pl.THETA_LTP + 1e-12) and np.all(theta > 0)
    assert at(one_dose, "ltp_threshold", DAY) < 0.9 * pl.THETA_LTP
    assert at(one_dose, "ltp_threshold", 14 * DAY) == pytest.approx(pl.THETA_LTP, abs=1e-3)
    window = pl.ltp_threshold(HOURS_3W, DOSE_UM)
    assert np.allclose(window, theta)
    # a moderate Ca2+ signal that does not potentiate at rest does so inside the window
    ca = 0.5 * (pl.THETA_LTP + theta.min())
    assert not pl.ltp_induced(ca) and pl.ltp_induced(ca, theta.min())


# --- API shapes ----------------------------------------------------------------------------------------

def test_scalar_dose_equals_the_same_course_given_as_an_array():
    t = np.linspace(0.0, 72.0, 2881)
    course = pl.ketamine_course_uM(t, DOSE_UM)
    assert course.max() == pytest.approx(DOSE_UM, rel=1e-2)
    assert np.allclose(pl.spine_density(t, course), pl.spine_density(t, DOSE_UM), atol=2e-3)


def test_spine_density_keeps_the_shape_of_t():
    assert np.ndim(pl.spine_density(24.0)) == 0
    assert pl.spine_density([0.0, 24.0, 48.0]).shape == (3,)
    assert float(pl.spine_density(0.0)) == pytest.approx(1.0)


def test_unsorted_times_give_the_same_values_for_a_scalar_dose():
    t = np.array([48.0, 6.0, 200.0, 24.0])
    assert np.allclose(pl.spine_density(t), [float(pl.spine_density(x)) for x in t], atol=1e-3)


def test_result_is_frozen(one_dose):
    with pytest.raises(AttributeError):
        one_dose.spine_density = None


# --- issue 9 item 5: one antidepressant concentration -------------------------------------------------------

def test_one_named_antidepressant_concentration_follows_the_standard_infusion():
    from ketamine_sim import circuit, clinical

    t = np.linspace(0.0, 3.0, 3601)
    assert pharmacokinetics.ANTIDEPRESSANT_PEAK_BRAIN_UM == pytest.approx(pharmacokinetics.brain_ketamine_uM(t).max())
    assert pharmacokinetics.ANTIDEPRESSANT_PEAK_PLASMA_UM == pytest.approx(pharmacokinetics.plasma_ketamine_uM(t).max(),
                                                                           abs=1e-3)
    assert pharmacokinetics.PUBLISHED_BRAIN_ESTIMATE_UM == reference("brain_conc_antidepressant_dose").value
    assert pl.DEFAULT_PEAK_UM == pharmacokinetics.ANTIDEPRESSANT_PEAK_BRAIN_UM
    assert circuit.CIRCUIT.calibration_gap == 0.0
    # the plasticity default is the chain under the standard infusion (was a 1 µM peak: potentiation +25%)
    hours = np.arange(0.0, 14 * 24.0, 0.5)
    alone = pl.simulate(hours)
    chain = clinical.simulate(hours, pharmacokinetics.standard_infusion()).plasticity
    assert alone.potentiation.max() == pytest.approx(chain.potentiation.max(), rel=0.02)
    assert alone.spine_density.max() == pytest.approx(chain.spine_density.max(), rel=0.02)
