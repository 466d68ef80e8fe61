"""The indications model: four regimens against the reported plasma bands (Zanos2018PharmRev), the NMDA block each
reaches, the honest role of each band, and properties over the allowed range (hypothesis)."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ketamine_sim import indications as ind
from ketamine_sim import pharmacokinetics as pk
from ketamine_sim import receptors
from ketamine_sim.literature import reference


def test_bands_are_the_literature_rows_with_their_roles():
    analgesia, dissociation, anaesthesia = (ind.band(n) for n in ("analgesia", "dissociation", "anaesthesia"))
    assert (analgesia.low_uM, analgesia.high_uM) == pytest.approx((0.29, 0.67))  # 70-160 ng/mL
    assert (dissociation.low_uM, dissociation.high_uM) == pytest.approx((0.42, 1.10))  # 100-250 ng/mL
    assert (anaesthesia.low_uM, anaesthesia.high_uM) == (reference("anaesthetic_plasma_low").value,
                                                        reference("anaesthetic_plasma_high").value)
    assert all(b.key == "Zanos2018PharmRev" and b.role == "validation" for b in ind.BANDS)
    assert analgesia.reproduced and dissociation.reproduced and not anaesthesia.reproduced


def test_antidepressant_infusion_peak_is_the_calibration():
    c = ind.course("antidepressant")
    assert c.peak("plasma_uM") == pytest.approx(reference("peak_plasma_antidepressant_dose").value, abs=0.01)


def test_analgesic_bolus_enters_the_analgesic_band_only_briefly():
    # validation (Zanos2018PharmRev, model not fitted to it): 0.15 mg/kg IV lands inside 0.29-0.67 uM
    c = ind.course("analgesic")
    b = ind.band("analgesia")
    assert b.low_uM <= c.peak("plasma_uM") <= b.high_uM
    assert 1.0 < c.minutes_in("analgesia") < 15.0
    assert c.bands_reached() == ("analgesia",)


def test_antidepressant_infusion_spends_its_second_half_in_the_dissociation_band():
    c = ind.course("antidepressant")
    t = np.linspace(20.0, 40.0, 21)
    b = ind.band("dissociation")
    assert all(b.low_uM <= c.at("plasma_uM", m) <= b.high_uM for m in t)  # validation, Zanos2018PharmRev
    assert c.minutes_in("dissociation") > 40.0


def test_anaesthetic_bolus_misses_the_anaesthesia_band_a_known_miss():
    # Known miss, also on the validation page: if this fails the model now reaches 5-10 uM; update the chapter.
    c = ind.course("anaesthetic")
    assert c.peak("plasma_uM") < ind.band("anaesthesia").low_uM
    assert c.minutes_in("anaesthesia") == 0.0
    assert 4.0 < c.peak("plasma_uM") < 5.0


def test_regimens_are_ordered_in_concentration_and_block():
    peaks = {n: ind.course(n) for n in ind.NAMES}
    brain = [peaks[n].peak("brain_uM") for n in ("analgesic", "esketamine", "antidepressant", "anaesthetic")]
    assert brain == sorted(brain)
    block = [peaks[n].peak("block") for n in ("analgesic", "antidepressant", "anaesthetic")]
    assert block == sorted(block)
    # S-ketamine binds about 5x more tightly (Ebert1997): the spray's lower level blocks as much as the infusion
    assert peaks["esketamine"].peak("brain_uM") < 0.7 * peaks["antidepressant"].peak("brain_uM")
    assert peaks["esketamine"].peak("block") == pytest.approx(peaks["antidepressant"].peak("block"), abs=0.05)
    # ten times the concentration, far less than ten times the block (Hill coefficient below 1)
    ratio_c = peaks["anaesthetic"].peak("brain_uM") / peaks["antidepressant"].peak("brain_uM")
    ratio_b = peaks["anaesthetic"].peak("block") / peaks["antidepressant"].peak("block")
    assert ratio_c > 5 and ratio_b < 2


def test_block_lags_the_brain_level_with_the_assumed_unblocking_rate():
    slow, fast = ind.course("anaesthetic"), ind.course("anaesthetic", k_unblock_per_s=1.0)
    assert slow.at("block", 0.5) < 0.1 < slow.at("block_equilibrium", 0.5)
    assert slow.peak_time_min("block") > 3 * slow.peak_time_min("brain_uM")
    assert fast.at("block", 0.5) > 5 * slow.at("block", 0.5)
    assert np.max(np.abs(fast.block - fast.block_equilibrium)[fast.t_h > 0.05]) < 0.05


def test_band_edge_block_follows_the_calibrated_block():
    edges = ind.band_edge_block()
    assert edges["anaesthesia"][1] == pytest.approx(reference("racemic_block_at_10uM").value, abs=1e-9)
    assert edges["analgesia"][0] < edges["dissociation"][0] < edges["anaesthesia"][0]
    assert all(lo < hi for lo, hi in edges.values())
    assert ind.band_edge_block("S")["analgesia"][0] > edges["analgesia"][0]


def test_dose_block_rows_equal_one_course_each():
    doses = np.array([0.15, 0.5, 2.0])
    t = ind.time_grid_h(6.0, 240)
    d = ind.dose_block(doses, 40.0, t_h=t)
    for dose, peak in zip(doses, d.peak_block, strict=True):
        single = ind.course(ind.iv_dose(dose, 40.0), t_h=t)
        assert peak == pytest.approx(single.peak("block"), abs=1e-12)
        assert d.minutes_above["analgesia"][list(doses).index(dose)] == pytest.approx(
            single.minutes_above(ind.band("analgesia").low_uM, "brain_uM"))


def test_block_kinetics_accepts_one_course_per_row():
    t = np.linspace(0.0, 2.0, 101)
    conc = np.outer([0.2, 1.0, 8.0], np.exp(-t))
    rows = receptors.block_kinetics(t, conc, 20.0).block
    assert rows.shape == conc.shape
    for c, row in zip(conc, rows, strict=True):
        assert np.allclose(receptors.block_kinetics(t, c, 20.0).block, row)
    with pytest.raises(ValueError, match="conc_uM"):
        receptors.block_kinetics(t, conc[:, :-1], 20.0)


def test_a_larger_fast_share_recalibrates_and_raises_the_bolus_peak():
    base, big = ind.regimen_course("anaesthetic"), ind.regimen_course("anaesthetic", 0.8)
    assert big.peak("plasma_uM") > base.peak("plasma_uM")
    assert ind.regimen_course("antidepressant", 0.8).peak("plasma_uM") == pytest.approx(0.78, abs=0.01)


@pytest.mark.parametrize("call, name", [
    (lambda: ind.regimen("ketamine"), "name"),
    (lambda: ind.band("sedation"), "name"),
    (lambda: ind.course("analgesic", k_unblock_per_s=5.0), "k_unblock_per_s"),
    (lambda: ind.iv_dose(10.0), "dose_mg_per_kg"),
    (lambda: ind.iv_dose(1.0, 90.0), "infusion_min"),
    (lambda: ind.time_grid_h(100.0), "t_max_h"),
    (lambda: ind.time_grid_h(6.0, 10), "n"),
    (lambda: ind.regimen_course("analgesic", 0.99), "fast_fraction"),
    (lambda: ind.course("analgesic", t_h=[0.0, 20.0]), "t_h"),
])
def test_bad_input_names_the_parameter(call, name):
    with pytest.raises(ValueError, match=name):
        call()


@settings(max_examples=25, deadline=None)
@given(st.floats(0.02, 4.5), st.sampled_from([0.0, 10.0, 40.0]), st.floats(0.005, 0.5))
def test_block_properties(dose, minutes, k):
    c = ind.course(ind.iv_dose(dose, minutes), k_unblock_per_s=k)
    assert np.all((c.block >= 0) & (c.block < 1)) and np.all(np.isfinite(c.plasma_uM))
    assert c.peak("block") <= c.peak("block_equilibrium") + 1e-9  # the lagging block never overtakes its target
    bigger = ind.course(ind.iv_dose(min(1.5 * dose, 4.5), minutes), k_unblock_per_s=k)
    assert bigger.peak("block") >= c.peak("block") - 1e-12
    assert all(c.minutes_in(b) <= 60.0 * c.t_h[-1] + 1e-9 for b in ind.BANDS)


def test_peak_block_rises_with_dose_for_both_deliveries():
    for minutes in (0.0, 40.0):
        d = ind.dose_block(infusion_min=minutes)
        assert np.all(np.diff(d.peak_block) > 0)
        assert np.all(np.diff(d.minutes_above["analgesia"]) >= 0)


def test_spray_dose_in_mg_uses_the_assumed_weight():
    r = ind.regimen("esketamine")
    assert r.mg_per_kg == pytest.approx(56.0 / ind.BODY_WEIGHT_KG)
    assert r.dose.route == "intranasal" and r.dose.form == "S"
    assert ind.regimen("anaesthetic").dose.amount == pk.ANAESTHETIC_MEAN_MG_PER_KG
