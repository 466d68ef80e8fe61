"""The capstone's global sensitivity analysis: the chain it runs agrees with the clinical stage, the design is
reproducible with a seed, bad input raises, a parameter with no path to the mood ranks last, and the top group of
the ranking is stable between seeds and sample sizes."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ketamine_sim import clinical, pharmacokinetics, plasticity, sensitivity

TOP_24H = {"k_trkb", "w_surge"}  # the group the chapter names for the 24-h improvement
TOP_DURATION = {"k_trkb", "w_surge", "elimination_per_day"}  # ... and for the duration


def test_default_chain_agrees_with_the_clinical_stage():
    r = sensitivity.run()
    published = clinical.madrs_points_per_effect() * float(clinical.single_infusion_effect(24.0))
    assert r.madrs_24h == pytest.approx(published, rel=0.02)  # Murrough2013 calibration: 16.5 - 8.8 points
    days = clinical.relapse_time_h((pharmacokinetics.standard_infusion(),)) / 24.0
    assert r.duration_days == pytest.approx(days, abs=0.3)  # the 8.5-day relapse calibration


def test_every_assumption_is_an_assumed_field_of_its_stage_with_the_default_inside_its_range():
    records = {"pharmacokinetics": pharmacokinetics.PK, "circuit": sensitivity.circuit.CIRCUIT,
               "plasticity": plasticity.PARAMS, "clinical": clinical.SYMPTOMS}
    for a in sensitivity.ASSUMPTIONS:
        assert getattr(records[a.stage], a.name) == pytest.approx(a.default), a.name
        assert a.low < a.default < a.high, a.name
        assert a.value(0.0) == pytest.approx(a.low) and a.value(1.0) == pytest.approx(a.high)
    assert len(set(sensitivity.NAMES)) == len(sensitivity.NAMES)


def test_each_outcome_moves_the_right_way_with_a_number_whose_effect_is_known():
    base = sensitivity.run()
    slow = sensitivity.run({"elimination_per_day": 0.1})
    assert slow.duration_days > base.duration_days  # spines removed more slowly: the benefit lasts longer
    steep = sensitivity.run({"k_trkb": 0.64})
    assert steep.madrs_24h < base.madrs_24h  # a higher TrkB half-activation: less effect at 24 h


def test_the_design_is_reproducible_with_a_seed_and_changes_with_it():
    a, _ = sensitivity.design(4, seed=3)
    b, _ = sensitivity.design(4, seed=3)
    c, _ = sensitivity.design(4, seed=4)
    assert a.shape == (4 * (len(sensitivity.NAMES) + 1), len(sensitivity.NAMES))
    assert np.array_equal(a, b) and not np.array_equal(a, c)
    lows = np.array([x.low for x in sensitivity.ASSUMPTIONS])
    highs = np.array([x.high for x in sensitivity.ASSUMPTIONS])
    assert np.all(a >= lows - 1e-12) and np.all(a <= highs + 1e-12)


@pytest.mark.parametrize("call, name", [
    (lambda: sensitivity.design(1), "trajectories"),
    (lambda: sensitivity.design(4, seed=-1), "seed"),
    (lambda: sensitivity.run({"k_trkb": 5.0}), "k_trkb"),
    (lambda: sensitivity.run({"tau_window_h": 24.0}), "tau_window_h"),
    (lambda: sensitivity.problem(("k_trkb", "nonsense")), "names"),
    (lambda: sensitivity.morris(4, 0).order("mood"), "outcome"),
])
def test_bad_input_raises_a_value_error_naming_the_parameter(call, name):
    with pytest.raises(ValueError, match=name):
        call()


def test_a_parameter_with_no_path_to_the_mood_ranks_last_with_zero_effect():
    rank = sensitivity.morris(4, 0)
    for outcome in sensitivity.OUTCOMES:
        assert rank.order(outcome)[-1] == sensitivity.CONTROL
        assert rank.mu_star[outcome][rank.names.index(sensitivity.CONTROL)] == 0.0
        others = np.delete(rank.mu_star[outcome], rank.names.index(sensitivity.CONTROL))
        assert others.max() > 0.5  # the analysis sees real effects too


def test_the_book_ranking_is_reproducible_and_its_top_group_stable_between_seeds_and_sizes():
    book = sensitivity.morris(8, 0)
    again = sensitivity.morris.__wrapped__(8, 0)  # uncached: a second, independent computation
    for outcome in sensitivity.OUTCOMES:
        assert np.allclose(book.mu_star[outcome], again.mu_star[outcome])
    for other in (sensitivity.morris(8, 1), sensitivity.morris(16, 0)):
        assert set(other.top("madrs_24h", 2)) == TOP_24H == set(book.top("madrs_24h", 2))
        assert set(other.top("duration_days", 3)) == TOP_DURATION == set(book.top("duration_days", 3))


def test_switching_links_off_removes_what_the_experiments_say_it_removes():
    rows = {r.link.split(" (")[0]: r for r in sensitivity.links_off()}
    full = rows["none"]
    assert rows["AMPA receptors"].madrs_24h < 0.05 * full.madrs_24h  # Maeng2008 (built in)
    spines = rows["new spines"]
    assert 0.2 * full.madrs_24h < spines.madrs_24h < full.madrs_24h  # ModaSava2019: the first response stays...
    assert spines.duration_days < 0.5 * full.duration_days  # ... its maintenance goes
    # rapamycin feeds only the spines in the model, so it does the same as removing them
    assert rows["mTORC1"].madrs_24h == pytest.approx(spines.madrs_24h, rel=1e-6)
    for route in ("block at rest", "surge route"):  # each route alone: most of the effect is gone
        assert rows[route].madrs_24h < 0.3 * full.madrs_24h


@settings(max_examples=25, deadline=None)
@given(st.lists(st.floats(0.0, 1.0), min_size=len(sensitivity.NAMES), max_size=len(sensitivity.NAMES)))
def test_any_point_of_the_ranges_gives_bounded_reproducible_outcomes(units):
    # (not monotonic in the elimination rate: k_e also scales formation, so a slow turnover builds fewer spines)
    values = {a.name: float(a.value(x)) for a, x in zip(sensitivity.ASSUMPTIONS, units, strict=True)}
    r = sensitivity.run(values)
    assert np.isfinite(r.madrs_24h) and r.madrs_24h >= 0.0
    assert 0.0 <= r.duration_days <= sensitivity.HORIZON_DAYS
    assert np.all((r.effect >= 0.0) & (r.effect < 1.0))
    again = sensitivity.run(dict(reversed(values.items())))  # the order of the names does not matter
    assert (again.madrs_24h, again.duration_days) == (r.madrs_24h, r.duration_days)
