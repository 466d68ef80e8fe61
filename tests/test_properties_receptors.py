"""Property tests (hypothesis) of the receptor additions: AMPA/NBQX, partial trapping, block kinetics."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ketamine_sim import receptors as r

FAST = settings(max_examples=40, deadline=None)
conc = st.floats(0.0, 1000.0)
rate = st.floats(0.0, 200.0)
volt = st.floats(-120.0, 60.0)
frac = st.floats(0.0, 1.0)
forms = st.sampled_from(r.FORMS)


@FAST
@given(conc, conc, rate, forms, volt)
def test_activity_block_is_a_fraction_rising_with_concentration(c1, c2, f_hz, form, v):
    lo, hi = sorted((c1, c2))
    b_lo, b_hi = (float(r.nmda_block_at_activity(c, f_hz, form, v)) for c in (lo, hi))
    assert np.isfinite(b_lo) and 0.0 <= b_lo <= b_hi <= 1.0


@FAST
@given(conc, rate, rate, forms)
def test_activity_block_rises_with_activity(c, f1, f2, form):
    lo, hi = sorted((f1, f2))
    assert r.nmda_block_at_activity(c, lo, form) <= r.nmda_block_at_activity(c, hi, form) + 1e-15


@FAST
@given(conc, forms)
def test_typical_activity_reproduces_the_calibrated_block(c, form):
    typical = r.nmda_block_at_activity(c, r.ESCAPE.typical_rate_hz, form, r.ESCAPE.typical_v_mV)
    assert float(typical) == pytest.approx(float(r.nmda_block_fraction(c, form)), rel=1e-12, abs=1e-15)


@FAST
@given(conc)
def test_silent_cells_are_never_blocked_with_escape(c):
    assert r.nmda_block_at_activity(c, 0.0) == 0.0


@FAST
@given(st.lists(conc, min_size=2, max_size=30), st.floats(0.1, 48.0), st.lists(rate, min_size=1, max_size=3), frac)
def test_block_kinetics_stays_a_finite_fraction(course, span_h, rates, start):
    t = np.linspace(0.0, span_h, len(course))
    kin = r.block_kinetics(t, course, rates, block0=start)
    assert kin.block.shape == (len(rates), len(course))
    assert np.all(np.isfinite(kin.block)) and np.all((kin.block >= 0) & (kin.block <= 1))
    assert np.all((kin.steady_state >= 0) & (kin.steady_state <= 1)) and np.all(kin.tau_min > 0)


@FAST
@given(st.floats(0.01, 1000.0), st.floats(1.0, 200.0), forms)
def test_constant_concentration_relaxes_to_the_activity_steady_state(c, f_hz, form):
    t = np.linspace(0.0, 100.0, 200)  # hours: many time constants even for a 1 Hz cell
    kin = r.block_kinetics(t, c, f_hz, form)
    assert kin.block[-1] == pytest.approx(float(r.nmda_block_at_activity(c, f_hz, form)), rel=1e-6)


def test_block_kinetics_under_constant_drug_matches_the_exponential():
    t = np.linspace(0.0, 2.0, 25)
    kin = r.block_kinetics(t, 1.0, 5.0)
    tau_h = kin.tau_min[0] / 60.0
    expected = kin.steady_state[0] * -np.expm1(-t / tau_h)
    assert np.allclose(kin.block, expected, rtol=1e-9, atol=1e-12)


def test_faster_escape_means_less_block_on_quiet_cells():
    slow, fast = r.TrappingEscape(k_escape_per_s=1e-4), r.TrappingEscape(k_escape_per_s=5e-3)
    assert r.nmda_block_at_activity(1.0, 1.0, escape=fast) < r.nmda_block_at_activity(1.0, 1.0, escape=slow)


def test_full_trapping_limit_is_activity_independent():
    full = r.TrappingEscape(k_escape_per_s=0.0)
    blocks = r.nmda_block_at_activity(1.0, np.array([0.5, 5.0, 50.0]), escape=full)
    assert np.allclose(blocks, r.nmda_block_fraction(1.0))


@FAST
@given(volt, frac, st.one_of(st.booleans(), frac))
def test_ampa_current_reverses_at_zero_and_scales(v, p, nbqx):
    i = float(r.ampa_current_pA(v, p, nbqx))
    assert np.isfinite(i)
    assert i * v >= 0  # inward below 0 mV, outward above (Spruston1995: reversal near 0 mV)
    assert abs(i) <= abs(float(r.ampa_current_pA(v, p))) + 1e-12


def test_ampa_reversal_potential_spruston1995():
    from ketamine_sim.literature import reference

    ref = reference("ampa_reversal_potential")
    v = np.linspace(-20, 20, 4001)
    assert v[np.argmin(np.abs(r.ampa_current_pA(v, 1.0)))] == pytest.approx(ref.value, abs=ref.tolerance)


def test_ampa_has_no_magnesium_block_unlike_nmda():
    v = np.linspace(-100, -40, 61)
    assert np.allclose(np.gradient(r.ampa_current_pA(v, 1.0), v), r.AMPA.g_max_nS)


@FAST
@given(st.floats(0.0, 100.0), st.one_of(st.booleans(), frac))
def test_ampa_throughput_is_nonnegative_and_nbqx_only_lowers_it(g, nbqx):
    a = float(r.ampa_throughput(g, nbqx))
    assert 0.0 <= a <= g
    assert float(r.ampa_throughput(g, True)) == pytest.approx(g * (1 - r.AMPA.nbqx_block))


def test_ampa_throughput_is_one_at_baseline():
    assert r.ampa_throughput(1.0) == 1.0


@pytest.mark.parametrize("call,name", [
    (lambda: r.nmda_block_at_activity(-1.0, 5.0), "conc_uM"),
    (lambda: r.nmda_block_at_activity(1.0, 250.0), "rate_hz"),
    (lambda: r.nmda_block_at_activity(1.0, 5.0, form="D"), "form"),
    (lambda: r.nmda_block_at_activity(1.0, 5.0, v_mV=100.0), "v_mV"),
    (lambda: r.block_kinetics([0.0, 1.0], [1.0, 2000.0], 5.0), "conc_uM"),
    (lambda: r.block_kinetics([0.0, 1.0, 1.0], 1.0, 5.0), "t_h"),
    (lambda: r.block_kinetics([[0.0, 1.0]], 1.0, 5.0), "t_h"),
    (lambda: r.block_kinetics([0.0, 1.0], [1.0, 1.0, 1.0], 5.0), "conc_uM"),
    (lambda: r.block_kinetics([0.0, 1.0], 1.0, -5.0), "rate_hz"),
    (lambda: r.block_kinetics([0.0, 1.0], 1.0, 5.0, block0=1.5), "block0"),
    (lambda: r.ampa_current_pA(-65.0, 1.2), "glutamate_bound"),
    (lambda: r.ampa_current_pA(-200.0, 0.5), "v_mV"),
    (lambda: r.ampa_current_pA(-65.0, 0.5, nbqx=1.5), "nbqx"),
    (lambda: r.ampa_throughput(-0.1), "glutamate_rel"),
    (lambda: r.ampa_throughput(1.0, nbqx="yes"), "nbqx"),
])
def test_bad_input_names_the_parameter(call, name):
    with pytest.raises(ValueError, match=name):
        call()
