"""Unit and property tests of the receptor model (behaviour the physics demands, not published numbers)."""

import numpy as np
import pytest

from ketamine_sim import receptors as r

V = np.linspace(-120, 60, 181)


def test_mg_unblock_is_a_fraction_rising_with_voltage():
    b = r.mg_unblock(V)
    assert np.all((b > 0) & (b < 1))
    assert np.all(np.diff(b) > 0)


def test_mg_unblock_without_magnesium_is_complete():
    assert np.allclose(r.mg_unblock(V, 0.0), 1.0)


@pytest.mark.parametrize("v", [-90.0, -60.0, -30.0, 0.0])
def test_more_magnesium_blocks_more(v):
    b = r.mg_unblock(v, np.array([0.1, 0.5, 1.0, 2.0, 5.0]))
    assert np.all(np.diff(b) < 0)


def test_mg_unblock_is_array_friendly():
    assert r.mg_unblock(np.zeros((3, 4))).shape == (3, 4)
    assert np.ndim(r.mg_unblock(-65.0)) == 0


def test_current_is_zero_without_glutamate_and_inward_below_reversal():
    assert np.allclose(r.nmda_current_pA(V, 0.0), 0.0)
    i = r.nmda_current_pA(V, 1.0)
    assert np.all(i[V < -1] < 0) and np.all(i[V > 1] > 0)


def test_current_scales_with_bound_fraction():
    assert np.allclose(r.nmda_current_pA(V, 0.5), 0.5 * r.nmda_current_pA(V, 1.0))


def test_calcium_influx_peaks_at_one_in_physiological_magnesium():
    ca = r.calcium_influx_rel(np.linspace(-120, 60, 3601), 1.0)
    assert np.all(ca >= 0)
    assert ca.max() == pytest.approx(1.0, abs=1e-9)


def test_coincidence_detector_needs_both_inputs():
    c = r.coincidence()
    neither, glu, depol, both = c.calcium_rel
    assert neither == 0 and depol == 0
    assert both > 5 * glu > 0


def test_calcium_driving_force_is_the_nernst_potential():
    # RT/2F ln(2 mM / 0.1 uM) at 37 C, computed independently of the package
    expected = 8.314 * 310.15 / (2 * 96485.0) * 1e3 * np.log(2e-3 / 1e-7)
    assert r.CHANNEL.e_ca_mV == pytest.approx(expected, rel=1e-6)


def test_block_rises_with_concentration_and_orders_the_enantiomers():
    c = np.logspace(-2, 2, 50)
    for form in r.FORMS:
        b = r.nmda_block_fraction(c, form)
        assert np.all(np.diff(b) > 0) and np.all((b >= 0) & (b < 1))
    assert np.all(r.nmda_block_fraction(c, "S") > r.nmda_block_fraction(c, "racemic"))
    assert np.all(r.nmda_block_fraction(c, "racemic") > r.nmda_block_fraction(c, "R"))


def test_no_drug_no_block():
    assert r.nmda_block_fraction(0.0) == 0.0


def test_half_block_concentration_gives_half_block():
    for form in r.FORMS:
        assert r.nmda_block_fraction(r.half_block_conc_uM(form), form) == pytest.approx(0.5)


def test_one_block_model_quiet_cells_settle_lower_with_escape():
    # issue 9 item 2: block_time_course is the partial-trapping model of the circuit, not full trapping
    t = np.array([0.0, 60.0, 1440.0])
    quiet, busy = (r.block_time_course(t, 1.0, rate) for rate in (1.0, 20.0))
    assert busy.steady_state == pytest.approx(r.nmda_block_fraction(1.0))  # Gerhard2020 calibration at 20 Hz
    assert quiet.steady_state == pytest.approx(float(r.nmda_block_at_activity(1.0, 1.0)))
    assert quiet.steady_state < 0.5 * busy.steady_state  # was equal (full trapping)
    assert busy.block[-1] == pytest.approx(busy.steady_state, rel=1e-3)
    assert quiet.block[-1] == pytest.approx(quiet.steady_state, rel=1e-3)


def test_full_trapping_is_the_zero_escape_case():
    full = r.TrappingEscape(k_escape_per_s=0.0)
    t = np.array([0.0, 60.0, 1440.0])
    quiet, busy = (r.block_time_course(t, 1.0, rate, escape=full) for rate in (1.0, 20.0))
    assert quiet.steady_state == pytest.approx(busy.steady_state) == pytest.approx(r.nmda_block_fraction(1.0))


def test_block_time_course_follows_a_pharmacokinetic_course_busy_blocked_most():
    from ketamine_sim import pharmacokinetics

    t = np.linspace(0.0, 1440.0, 1441)
    brain = pharmacokinetics.brain_ketamine_uM(t / 60.0)
    quiet, busy = (r.block_time_course(t, brain, rate) for rate in (1.0, 20.0))
    assert quiet.block.shape == t.shape and np.all(np.isfinite(busy.block))
    assert np.all(busy.block[1:] > quiet.block[1:])  # full trapping: quiet > busy from 211 min on
    assert np.trapezoid(busy.block, t) > 2.0 * np.trapezoid(quiet.block, t)  # full trapping: 200 vs 209 %·min
    kin = r.block_kinetics(t / 60.0, brain, [1.0, 20.0])
    assert np.allclose(kin.block[1], busy.block) and np.allclose(kin.block[0], quiet.block)


def test_held_concentration_closed_form_matches_the_integrator():
    t = np.linspace(0.0, 120.0, 241)
    held = r.block_time_course(t, 3.0, 5.0)
    course = r.block_time_course(t, np.full(t.shape, 3.0), 5.0)
    assert np.allclose(held.block, course.block, atol=1e-9)


def test_use_dependence_busy_synapses_are_blocked_sooner():
    t = np.linspace(0, 60, 61)
    quiet, busy = (r.block_time_course(t, 1.0, rate) for rate in (1.0, 20.0))
    assert busy.tau_min < quiet.tau_min
    assert np.all(busy.block[1:] > quiet.block[1:])
    assert np.all(np.diff(busy.block) > 0)


def test_silent_synapses_are_never_blocked():
    course = r.block_time_course([0.0, 600.0], 10.0, rate_hz=0.0)
    assert np.all(course.block == 0.0) and course.steady_state == 0.0
    assert course.tau_min == pytest.approx(1.0 / (60.0 * r.ESCAPE.k_escape_per_s))  # only escape is left
