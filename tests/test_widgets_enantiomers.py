"""The two-mirror-images chapter's explorers: live and static builds, frames, alt text that states the finding,
fast live updates that draw what a fresh figure draws."""

import pytest

from explorer_checks import assert_update_matches_fresh
from ketamine_sim.plots import enantiomers as eplots
from ketamine_sim.widgets import enantiomers as ew


def test_block_alt_text_names_the_regimen_with_most_block():
    assert "most block-hours with esketamine 84 mg nasal" in ew.describe_blocks(ew.blocks(0, 1))
    assert "most block-hours with S (esketamine). " in ew.describe_blocks(ew.blocks(1, 1))
    assert "S (esketamine) 0.50 mg/kg IV: peak" in ew.describe_blocks(ew.blocks(1, 1))
    assert "ketamine only" in ew.describe_blocks(ew.blocks(2, 0))


def test_winner_alt_text_flips_with_the_route():
    assert "S (esketamine) wins" in ew.describe_winner(ew.winner(0, 0.0))
    assert "racemic wins" in ew.describe_winner(ew.winner(0, 0.65))
    assert "R (arketamine) wins" in ew.describe_winner(ew.winner(0, 1.0))
    assert "the three forms tie" in ew.describe_winner(ew.winner(1, 0.0))
    assert "R (arketamine) wins" in ew.describe_winner(ew.winner(1, 0.3))


@pytest.mark.parametrize("model, plot, size, first, second", [
    (ew.blocks, eplots.block_over_time, (7.2, 3.4), {"comparison": 0, "norketamine": 1},
     {"comparison": 0, "norketamine": 0}),
    (ew.blocks, eplots.block_over_time, (7.2, 3.4), {"comparison": 0, "norketamine": 1},
     {"comparison": 2, "norketamine": 1}),
    (ew.winner, eplots.which_form_wins, (6.4, 3.6), {"basis": 0, "route_strength": 0.0},
     {"basis": 0, "route_strength": 1.0}),
    (ew.winner, eplots.which_form_wins, (6.4, 3.6), {"basis": 0, "route_strength": 0.3},
     {"basis": 1, "route_strength": 0.3}),
])
def test_live_update_draws_what_a_fresh_figure_draws(model, plot, size, first, second):
    assert_update_matches_fresh(model, plot, size, first, second)
