"""The window-of-opportunity chapter's explorers: live and static builds, frames, alt text that states the finding,
fast live updates."""

import pytest

from explorer_checks import assert_update_matches_fresh
from ketamine_sim.plots import window as wplots
from ketamine_sim.widgets import window as ww


def test_session_alt_text_says_inside_strengthens_and_outside_weakens():
    early, late = ww.session(0.25, 0.45), ww.session(7.0, 0.45)
    assert "strengthens the synapse" in ww.describe_session(early)
    assert "weakens the synapse" in ww.describe_session(late)
    assert early.no_drug < 0 < early.change


def test_widths_alt_text_gives_both_windows_and_the_no_window_cases():
    w = ww.widths()
    assert 0 < w.width_days("functional") < w.width_days("structural")
    assert "days if the threshold follows the functional" in ww.describe_widths(w)
    assert "no window is needed" in ww.describe_widths(ww.widths(0.5))
    assert "there is no window" in ww.describe_widths(ww.widths(0.35))


CASES = [
    (ww.session, wplots.session, (7.0, 3.2), dict(), dict(session_day=3.0, calcium=0.55)),
    (ww.widths, wplots.widths, (7.0, 3.4), dict(), dict(calcium=0.48, window_gain=14.0)),
]


@pytest.mark.parametrize("model, plot, size, first, second", CASES, ids=["session", "widths"])
def test_live_update_matches_a_fresh_drawing(model, plot, size, first, second):
    assert_update_matches_fresh(model, plot, size, first, second)
