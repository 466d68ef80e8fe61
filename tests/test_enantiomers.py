"""The enantiomers module: S-equivalent concentrations from the Ebert1997 Ki values, the norketamine block, equal
block doses, and the hypothetical NMDA-independent route (its strength ASSUMED)."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ketamine_sim import clinical, enantiomers, pharmacokinetics, receptors
from ketamine_sim.literature import BY_STAGE, reference


def test_ki_values_are_ebert_1997_and_norketamine_binds_more_weakly():
    for name in ("ki_S_norketamine", "ki_R_norketamine", "ki_S_ketamine", "ki_R_ketamine"):
        assert reference(name).key == "Ebert1997" and reference(name).role == "input"
    assert enantiomers.NORKETAMINE_KI_UM == {"S": 1.7, "R": 13.0}
    for e in ("S", "R"):
        assert enantiomers.NORKETAMINE_KI_UM[e] > enantiomers.KI_UM[e]
    assert {r.role for r in BY_STAGE["enantiomers"]} <= {"input", "context"}


def test_s_equivalent_reproduces_the_receptor_model_for_every_form():
    c = np.logspace(-2, 1.5, 30)
    for form in enantiomers.FORMS:
        eq = enantiomers.s_equivalent_uM(c, 0.0, form)
        assert np.allclose(receptors.nmda_block_fraction(eq, "S"), receptors.nmda_block_fraction(c, form))
    assert enantiomers.s_equivalent_uM(1.0, 0.0, "R") == pytest.approx(0.30 / 1.4)
    # 1 uM S-norketamine occupies the site like 0.3/1.7 uM S-ketamine (Ebert1997)
    assert enantiomers.s_equivalent_uM(0.0, 1.0, "S") == pytest.approx(0.30 / 1.7)


def test_block_course_is_the_receptor_kinetics_driven_by_the_pk_stage():
    dose = enantiomers.infusion("racemic")
    b = enantiomers.block_course(dose, include_norketamine=False)
    pk = pharmacokinetics.simulate(dose, b.t_h)
    direct = receptors.block_kinetics(b.t_h, pk.brain_uM, enantiomers.TYPICAL_RATE_HZ, "racemic").block
    assert np.allclose(b.block, direct, atol=1e-12)
    assert np.allclose(b.norketamine_uM, pk.norketamine_uM)


def test_norketamine_lengthens_the_block_more_than_it_raises_the_peak():
    dose = enantiomers.infusion("racemic")
    with_nk, without = (enantiomers.block_course(dose, include_norketamine=k) for k in (True, False))
    assert with_nk.block_hours > 1.05 * without.block_hours
    assert with_nk.peak_block - without.peak_block < 0.01
    late = with_nk.t_h > 8
    assert np.all(with_nk.block[late] > without.block[late])


def test_equal_block_doses_follow_the_affinity_ratio_without_norketamine():
    s = enantiomers.equal_block_dose_mg_per_kg("S", include_norketamine=False)
    r = enantiomers.equal_block_dose_mg_per_kg("R", include_norketamine=False)
    ratio = reference("S_to_R_affinity_ratio")
    assert r / s == pytest.approx(1.4 / 0.30, rel=1e-3)
    assert r / s == pytest.approx(ratio.value, abs=ratio.tolerance)
    assert enantiomers.equal_block_dose_mg_per_kg("racemic") == pytest.approx(0.5, rel=1e-6)
    for name, dose in (("S", s), ("R", r)):
        peak = enantiomers.block_course(enantiomers.infusion(name, dose), include_norketamine=False).peak_block
        base = enantiomers.block_course(enantiomers.infusion("racemic"), include_norketamine=False).peak_block
        assert peak == pytest.approx(base, abs=1e-3)


def test_mixed_schedule_adds_the_forms():
    both = (enantiomers.infusion("S", 0.25), enantiomers.infusion("R", 0.25))
    mixed = enantiomers.block_course(both)
    racemic = enantiomers.block_course(enantiomers.infusion("racemic", 0.5))
    assert np.allclose(mixed.block, racemic.block, atol=1e-9)


def test_esketamine_56_mg_blocks_about_as_much_as_the_standard_infusion_and_84_mg_more():
    rows = {label: enantiomers.block_course(d) for label, d, _ in enantiomers.regimens("clinical")}
    rac, s56, s84 = rows.values()
    assert abs(s56.peak_block - rac.peak_block) < 0.05
    assert s84.peak_block > s56.peak_block and s84.block_hours > s56.block_hours > 0


def test_without_the_route_higher_affinity_wins_at_equal_mass_and_all_tie_at_equal_block():
    mass = enantiomers.contest("equal mass", 0.0)
    assert mass.effect("S") > mass.effect("racemic") > mass.effect("R") and mass.winner == "S"
    block = enantiomers.contest("equal block", 0.0)
    assert block.winner == "tie"
    r = clinical.simulate(np.array([24.0]), enantiomers.infusion("S"))
    assert mass.effect("S") == pytest.approx(float(r.effect[0]))


def test_the_route_flips_the_answer_and_racemic_leads_in_between():
    s_over_racemic = enantiomers.crossover_strength("racemic", "S")
    r_over_s = enantiomers.crossover_strength("R", "S")
    r_over_racemic = enantiomers.crossover_strength("R", "racemic")
    assert 0 < s_over_racemic < r_over_s < r_over_racemic < 1.5
    middle = enantiomers.contest("equal mass", 0.5 * (r_over_s + r_over_racemic))
    assert middle.winner == "racemic"
    assert enantiomers.contest("equal mass", 1.5).winner == "R"
    assert enantiomers.crossover_strength("R", "S", "equal block") == pytest.approx(0.0, abs=1e-6)
    assert enantiomers.crossover_strength("S", "R") == 0.0  # S is ahead without the route
    block = enantiomers.contest("equal block", 0.5)
    assert block.effect("S") < block.effect("racemic") < block.effect("R")


@settings(max_examples=30, deadline=None)
@given(st.floats(0.0, 4.0), st.floats(0.0, 4.0), st.floats(0.0, 1.0))
def test_route_raises_r_containing_forms_only(low, high, dose_frac):
    low, high = sorted((low, high))
    dose = 0.05 + dose_frac
    for form in enantiomers.FORMS:
        a = enantiomers.form_effect(form, dose, low)
        b = enantiomers.form_effect(form, dose, high)
        if form == "S":
            assert a.effect == b.effect == a.nmda_only_effect
        else:
            assert b.effect >= a.effect >= a.nmda_only_effect
        assert 0 <= a.effect < 1


@settings(max_examples=40, deadline=None)
@given(st.floats(0.0, 50.0), st.floats(0.0, 50.0), st.floats(0.0, 10.0), st.sampled_from(enantiomers.FORMS))
def test_s_equivalent_is_linear_and_increasing(c1, c2, n, form):
    f = enantiomers.s_equivalent_uM
    assert f(c1 + c2, 2 * n, form) == pytest.approx(f(c1, n, form) + f(c2, n, form), rel=1e-9, abs=1e-12)
    assert f(c1, n, form) <= f(c1 + 1.0, n, form) and f(c1, n, form) <= f(c1, n + 1.0, form)


@pytest.mark.parametrize("call, name", [
    (lambda: enantiomers.s_equivalent_uM(1.0, 0.0, "L"), "form"),
    (lambda: enantiomers.s_equivalent_uM(-1.0), "ketamine_uM"),
    (lambda: enantiomers.s_equivalent_uM(1.0, float("nan")), "norketamine_uM"),
    (lambda: enantiomers.form_effect("R", 0.5, 9.0), "route_strength"),
    (lambda: enantiomers.form_effect("R", 25.0), "dose_mg_per_kg"),
    (lambda: enantiomers.form_effect("R", 0.5, 0.0, 0.1), "t_h"),
    (lambda: enantiomers.contest("equal joy"), "basis"),
    (lambda: enantiomers.regimens("cheapest"), "comparison"),
    (lambda: enantiomers.equal_block_dose_mg_per_kg("S", 5.0), "reference_mg_per_kg"),
    (lambda: enantiomers.block_course(()), "doses"),
    (lambda: enantiomers.block_course(enantiomers.infusion("S")).hours_above(2.0), "level"),
])
def test_bad_input_names_the_parameter(call, name):
    with pytest.raises(ValueError, match=name):
        call()
