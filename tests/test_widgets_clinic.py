"""The clinic chapter's explorers: static frames (distinct, each with its own alt text), live controls that
redraw, an in-place update equal to a fresh drawing, and alt text that states the finding."""

import pytest

from explorer_checks import assert_update_matches_fresh
from ketamine_sim.plots import clinic as cplots
from ketamine_sim.widgets import clinic as cw


def test_forest_alt_text_lists_the_trials_the_filters_keep():
    early = cw.describe_forest(cw.forest(2013))
    assert "Berman 2000" in early and "Murrough 2013" in early and "TRANSFORM-2" not in early
    blinded = cw.describe_forest(cw.forest(2025, blinded_only=1))
    assert "ELEKT-D" not in blinded and "KetECT" not in blinded and "KARMA-Dep 2" in blinded
    model = cw.describe_forest(cw.forest(2025, show_model=1))
    assert "(the calibration)" in model and "TRANSFORM-2 -8.6 to -7.0 points" in model
    assert "95% CI -7.31 to -0.64" in model  # Popova2019


def test_virtual_alt_text_sets_the_published_rates_beside_the_virtual_ones():
    one = cw.describe_virtual(cw.virtual(1, 1, 40))
    assert "Cochrane 2021" in one and "Phillips 2019" not in one
    six = cw.describe_virtual(cw.virtual(6, 0, 40))
    assert "Phillips 2019, ketamine: 59%" in six and "saline arm" in six
    assert "no published rate" in cw.describe_virtual(cw.virtual(3, 1, 40))


def test_midazolam_narrows_the_virtual_difference_against_saline():
    saline, midazolam = cw.virtual(1, 0, 200).difference[0], cw.virtual(1, 1, 200).difference[0]
    assert saline < midazolam < 0


CASES = [
    (cw.forest, cplots.forest, (7.0, 4.6), dict(until_year=2013), dict(until_year=2025, blinded_only=1, show_model=1)),
    (cw.virtual, cplots.virtual_trial, (7.0, 3.6), dict(), dict(n_infusions=6, comparator=0, n_per_arm=200)),
]


@pytest.mark.parametrize("model, plot, size, first, second", CASES, ids=["forest", "virtual"])
def test_live_update_matches_a_fresh_drawing(model, plot, size, first, second):
    assert_update_matches_fresh(model, plot, size, first, second)
