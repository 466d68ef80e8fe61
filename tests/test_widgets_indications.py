"""The explorers of "Beyond depression": live and static builds, every frame distinct with its own alt text, alt
text that states the finding, and a fast in-place update that draws what a fresh figure draws."""

import pytest

from explorer_checks import assert_update_matches_fresh
from ketamine_sim import indications
from ketamine_sim.plots import indications as iplots
from ketamine_sim.widgets import indications as iw


def test_bands_alt_text_names_the_band_each_dose_misses():
    assert "never reaches the anaesthesia band" in iw.describe_bands(iw.bands(3))
    assert "never reaches the dissociation or the anaesthesia band" in iw.describe_bands(iw.bands(0))
    infusion = iw.describe_bands(iw.bands(1))
    assert "antidepressant 0.5 mg/kg IV over 40 min" in infusion and "plasma peak 0.78 µM" in infusion


def test_switch_names_follow_the_regimens():
    assert [iw.regimen_of(v) for v in range(4)] == list(indications.NAMES)
    assert iw.bands(2).course.form == "S"


def test_block_alt_text_states_the_lag_and_the_band_edges_passed():
    text = iw.describe_block(iw.block(2.0, 0))
    assert "bolus" in text and "passes the block of the analgesia, dissociation band edge" in text
    assert "stays below every band edge" in iw.describe_block(iw.block(0.05, 0))
    fast = iw.block(2.0, 0, 0.2)
    assert fast.course.at("block", iw.ONSET_MIN) > iw.block(2.0, 0).course.at("block", iw.ONSET_MIN)
    assert [label for label, _, _ in fast.regimens] == [iw.SHORT[n] for n in indications.NAMES]


CASES = [
    (iw.bands, iplots.courses, (7.0, 3.6), dict(), dict(regimen=3, fast_fraction=0.8)),
    (iw.block, iplots.block, (7.0, 3.4), dict(), dict(dose_mg_per_kg=2.0, delivery=0, k_unblock_per_s=0.2)),
]


@pytest.mark.parametrize("model, plot, size, first, second", CASES, ids=["bands", "block"])
def test_live_update_matches_a_fresh_drawing(model, plot, size, first, second):
    assert_update_matches_fresh(model, plot, size, first, second)
