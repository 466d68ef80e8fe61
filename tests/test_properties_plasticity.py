"""Property tests of the synaptogenesis model over its whole allowed input range, and its input checks."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ketamine_sim import plasticity as pl

FAST = settings(max_examples=40, deadline=None)
T_MAX = pl.T_RANGE_H[1]

doses = st.floats(0.0, pl.CONC_RANGE_UM[1])
low_doses = st.floats(0.0, 1.5)
horizons = st.floats(1.0, T_MAX)
switches = st.booleans()
FIELDS = ("ampa_drive", "eef2_phospho", "bdnf", "trkb", "mtorc1", "synthesis", "formation_rate_per_day",
          "elimination_rate_per_day", "spine_density", "potentiation", "ltp_threshold")


def grid(t_max, n=300):
    return np.linspace(0.0, t_max, n)


@FAST
@given(doses, horizons, switches | st.floats(0.0, 1.0), switches | st.floats(0.0, 1.0), st.floats(0.0, 1.0), switches)
def test_outputs_are_finite_and_physical(dose, t_max, nbqx, rapamycin, bdnf, spines):
    r = pl.simulate(grid(t_max), dose, nbqx=nbqx, rapamycin=rapamycin, bdnf_fraction=bdnf, spine_formation=spines)
    for field in FIELDS:
        assert np.all(np.isfinite(getattr(r, field))), field
    assert np.all(r.spine_density > 0) and np.all(r.spine_density >= 1.0 - 1e-12)
    assert np.all(r.spine_density <= 1.0 + pl.PARAMS.formation_gain + 1e-9)
    for field in ("trkb", "mtorc1", "synthesis"):
        v = getattr(r, field)
        assert np.all((v >= -1e-12) & (v < 1.0)), field
    assert np.all((r.eef2_phospho > 0) & (r.eef2_phospho <= 1.0 + 1e-12))
    assert np.all((r.ltp_threshold > 0) & (r.ltp_threshold <= pl.THETA_LTP + 1e-12))
    assert np.all(r.potentiation >= -1e-12)


@FAST
@given(horizons, switches, switches)
def test_no_drug_means_baseline_spines(t_max, nbqx, rapamycin):
    assert np.allclose(pl.spine_density(grid(t_max), 0.0, nbqx=nbqx, rapamycin=rapamycin), 1.0, atol=1e-12)


@FAST
@given(doses, horizons)
def test_inhibitors_never_increase_spines(dose, t_max):
    t = grid(t_max)
    base = pl.spine_density(t, dose)
    for kw in ({"nbqx": True}, {"rapamycin": True}, {"nbqx": True, "rapamycin": True}):
        assert np.all(pl.spine_density(t, dose, **kw) <= base + 1e-12), kw


@FAST
@given(doses, st.floats(0.0, 1.0), st.floats(0.0, 1.0))
def test_more_block_never_means_more_spines(dose, f1, f2):
    t = grid(14 * 24.0, 200)
    lo, hi = sorted((f1, f2))
    for name in ("nbqx", "rapamycin"):
        weak, strong = (pl.spine_density(t, dose, **{name: f}) for f in (lo, hi))
        assert np.all(strong <= weak + 1e-12), name


@FAST
@given(doses, horizons, st.floats(0.0, 1.0), st.floats(0.0, 1.0))
def test_more_bdnf_never_means_fewer_spines_or_less_potentiation(dose, t_max, f1, f2):
    lo, hi = sorted((f1, f2))
    a, b = (pl.simulate(grid(t_max), dose, bdnf_fraction=f) for f in (lo, hi))
    assert np.all(b.spine_density >= a.spine_density - 1e-12)
    assert np.all(b.potentiation >= a.potentiation - 1e-12)


@FAST
@given(low_doses, low_doses, st.floats(1.0, 21 * 24.0))
def test_spines_rise_with_dose_up_to_the_antidepressant_range(c1, c2, t_h):
    # Up to 1.5 uM (the standard dose peaks near 1 uM) spines rise with dose at every time.  Not beyond: the
    # circuit's glutamate surge is an inverted U (Moghaddam1997) while the block-at-rest route keeps growing,
    # so during the first day the sum can dip slightly with dose above ~2 uM; see the next tests.
    lo, hi = sorted((c1, c2))
    assert float(pl.spine_density(t_h, hi)) >= float(pl.spine_density(t_h, lo)) - 1e-9


def test_peak_effects_rise_with_dose_over_the_whole_range():
    # what the model does at high concentration (documented, not a published finding): the surge route falls
    # with dose (inverted U), the block-at-rest route rises, and the peaks of both components still rise
    peaks = np.concatenate([[0.0], np.logspace(-2, 3, 26)])
    t = np.linspace(0.0, 7 * 24.0, 337)
    runs = [pl.simulate(t, c) for c in peaks]
    glutamate = np.array([r.glutamate_rel.max() for r in runs])
    assert glutamate.argmax() not in (0, peaks.size - 1)  # the circuit's surge peaks at an intermediate dose
    for field in ("spine_density", "potentiation"):
        top = np.array([getattr(r, field).max() for r in runs])
        assert np.all(np.diff(top) >= -1e-12), field


@FAST
@given(doses, doses, st.floats(48.0, 21 * 24.0))
def test_spines_rise_with_dose_over_the_whole_range_after_two_days(c1, c2, t_h):
    lo, hi = sorted((c1, c2))
    assert float(pl.spine_density(t_h, hi)) >= float(pl.spine_density(t_h, lo)) - 1e-9


@FAST
@given(st.lists(st.floats(0.0, 21 * 24.0), min_size=1, max_size=20), low_doses)
def test_any_order_of_times_is_accepted_for_a_scalar_dose(times, dose):
    out = pl.spine_density(np.array(times), dose)
    assert out.shape == (len(times),) and np.all(np.isfinite(out))


@FAST
@given(st.floats(0.0, 100.0), st.floats(0.0, 1.0))
def test_ltp_rule_is_a_threshold(ca, theta):
    assert bool(pl.ltp_induced(ca, theta)) == (ca >= theta)


# --- bad input -----------------------------------------------------------------------------------------

T = np.linspace(0.0, 48.0, 5)

BAD = [
    (lambda: pl.spine_density(-1.0), "t_h"),
    (lambda: pl.spine_density([0.0, -2.0]), "t_h"),
    (lambda: pl.spine_density(T_MAX + 1.0), "t_h"),
    (lambda: pl.spine_density(np.nan), "t_h"),
    (lambda: pl.spine_density("noon"), "t_h"),
    (lambda: pl.spine_density(T, -0.5), "ketamine_uM"),
    (lambda: pl.spine_density(T, 1000.5), "ketamine_uM"),
    (lambda: pl.spine_density(T, np.full(5, 2000.0)), "ketamine_uM"),
    (lambda: pl.spine_density(T, np.ones(3)), "ketamine_uM"),
    (lambda: pl.spine_density(T[::-1], np.ones(5)), "t_h"),
    (lambda: pl.spine_density(np.zeros((2, 2))), "t_h"),
    (lambda: pl.spine_density(T, nbqx="yes"), "nbqx"),
    (lambda: pl.spine_density(T, rapamycin=2), "rapamycin"),
    (lambda: pl.spine_density(T, nbqx=-0.1), "nbqx"),
    (lambda: pl.simulate(T, spine_formation=None), "spine_formation"),
    (lambda: pl.simulate(T, bdnf_fraction=1.5), "bdnf_fraction"),
    (lambda: pl.simulate(T, dose_times_h=(0.0, -24.0)), "dose_times_h"),
    (lambda: pl.simulate(T, glutamate_rel=np.full(5, -1.0)), "glutamate_rel"),
    (lambda: pl.simulate(T, pyramidal_block=np.full(5, 1.2)), "pyramidal_block"),
    (lambda: pl.ketamine_course_uM(T, peak_uM=-1.0), "peak_uM"),
    (lambda: pl.circuit_drive(-1.0), "conc_uM"),
    (lambda: pl.ltp_induced(-0.1), "calcium_rel"),
    (lambda: pl.ltp_induced(0.5, theta=1.5), "theta"),
    (lambda: pl.ltp_threshold(-3.0), "t_h"),
]


@pytest.mark.parametrize("call,name", BAD, ids=[f"{i}-{b[1]}" for i, b in enumerate(BAD)])
def test_bad_input_raises_value_error_naming_the_parameter(call, name):
    with pytest.raises(ValueError, match=name):
        call()


def test_times_closer_than_float_resolution_stay_finite():
    # a dose time of 5e-324 h used to give a zero-length step and 0/0 in the exact integrator
    t = np.array([0.0, 5e-324, 1.0, 24.0])
    result = pl.simulate(t, 1.0, dose_times_h=(0.0, 5e-324))
    assert all(np.all(np.isfinite(getattr(result, f))) for f in ("spine_density", "potentiation", "bdnf"))
