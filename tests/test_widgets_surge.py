"""The glutamate surge chapter's explorers: live and static builds, frames, alt text, fast live updates."""


import pytest

from explorer_checks import assert_update_matches_fresh
from ketamine_sim.plots import surge as splots
from ketamine_sim.widgets import surge as sw


def test_nbqx_alt_text_states_the_attenuation_and_changes_with_the_block():
    full, none = sw.describe_nbqx(sw.nbqx_experiment(0.95)), sw.describe_nbqx(sw.nbqx_experiment(0.0))
    assert "0% of the potentiation left" in full and "100% of the potentiation left" in none
    assert "NBQX alone leaves every downstream readout at baseline" in full


def test_increase_decrease_alt_text_says_up_then_down_at_a_high_dose():
    low, high_early = sw.increase_decrease(0.5, 40), sw.increase_decrease(5.0, 20)
    high_late = sw.increase_decrease(5.0, 90)
    assert low.direction == "raised" and "never falls below baseline" in sw.describe_increase_decrease(low)
    assert high_early.direction == "raised" and high_late.direction == "lowered"
    assert "falls to" in sw.describe_increase_decrease(high_late)


def test_currents_alt_text_ampa_dominates_at_rest_and_less_when_depolarised():
    rest, depol = sw.currents(-70.0), sw.currents(-10.0)
    assert rest.currents.ampa_share_drug > 0.9 > depol.currents.ampa_share_drug
    assert "AMPA carries 97%" in sw.describe_currents(rest)


CASES = [
    (sw.nbqx_experiment, splots.nbqx, (7.6, 3.2), dict(), dict(nbqx_block=0.25, peak_uM=2.0)),
    (sw.increase_decrease, splots.increase_decrease, (7.6, 3.4), dict(), dict(dose_mg_per_kg=5.0, t_min=90.0)),
    (sw.currents, splots.currents, (6.4, 3.4), dict(), dict(v_mV=-10.0, conc_uM=10.0)),
]


@pytest.mark.parametrize("model, plot, size, first, second", CASES, ids=["nbqx", "increase_decrease", "currents"])
def test_live_update_matches_a_fresh_drawing(model, plot, size, first, second):
    assert_update_matches_fresh(model, plot, size, first, second)
