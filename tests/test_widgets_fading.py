"""The fading chapter's explorers: live and static builds, frames, alt text that states the finding, fast live
updates, and what each explorer shows at the positions the prose discusses."""

import numpy as np
import pytest

from explorer_checks import assert_update_matches_fresh
from ketamine_sim import plots, population
from ketamine_sim.literature import reference
from ketamine_sim.plots import fading as fplots
from ketamine_sim.widgets import fading as fw

CASES = [
    (fw.plan, fplots.planner, (7.0, 3.6), dict(), dict(n_infusions=1, interval_days=7, maintenance_weeks=4)),
    (fw.relapse, fplots.relapse, (7.0, 3.4), dict(), dict(group_index=0, every_weeks=4, other_per_month=0.1)),
]


@pytest.mark.parametrize("model, plot, size, first, second", CASES, ids=["planner", "relapse"])
def test_live_update_matches_a_fresh_drawing(model, plot, size, first, second):
    assert_update_matches_fresh(model, plot, size, first, second)


def test_planner_six_infusions_respond_more_and_maintenance_holds_the_gain():
    one, six, weekly = fw.plan(1, 2, 0), fw.plan(6, 2, 0), fw.plan(6, 2, 1)
    assert six.responding_after[0] > one.responding_after[0]
    assert six.relapsed_share > 0.95 and weekly.relapsed_share < 0.5  # without maintenance nearly all relapse
    assert weekly.responding_end[0] > six.responding_end[0] + 0.1
    assert np.all(six.low <= six.high) and six.low.min() >= 0 and six.high.max() <= 60
    assert six.dose_days == (0.0, 2.0, 4.0, 6.0, 8.0, 10.0)
    assert weekly.dose_days[6] == 17.0  # the first maintenance infusion a week after the last induction one
    text = fw.describe_plan(six)
    assert "6 infusions 2 days apart" in text and "relapse by week 12" in text


def test_planner_threshold_line_is_the_average_patient_at_the_relapse_threshold():
    # the average patient's MADRS crosses the drawn threshold when one infusion's effect crosses the threshold
    one = fw.plan(1, 2, 0)
    crossing = one.days[(one.days > 2) & (one.average >= one.threshold_madrs)][0]
    assert crossing == pytest.approx(reference("single_infusion_relapse").value, abs=0.5)


def test_relapse_curves_weekly_maintenance_misses_sustain1_and_the_alt_says_so():
    weekly = fw.relapse(1, 1, 0.0)
    assert weekly.relapsed_stopped > 0.95 and weekly.relapsed_kept < 0.1
    assert weekly.hr[0] < 0.05 < weekly.published[1]  # far below SUSTAIN-1's interval
    assert weekly.free_kept[0] == 1.0 and np.all(np.diff(weekly.free_stopped) <= 0)
    text = fw.describe_relapse(weekly)
    assert "SUSTAIN-1 (Daly 2019): 0.30 (0.16–0.55)" in text and "no relapse from other causes" in text


def test_relapse_curves_sparser_maintenance_and_other_causes_raise_the_ratio():
    hrs = [fw.relapse(1, every, 0.0).hr[0] for every in (1, 2, 4)]
    assert hrs[0] < hrs[1] < hrs[2] < 1.0
    assert fw.relapse(1, 1, 0.1).relapsed_kept > fw.relapse(1, 1, 0.0).relapsed_kept
    assert "an assumed 10% a month" in fw.describe_relapse(fw.relapse(1, 1, 0.1))


def test_one_infusion_figure_states_the_spread_and_rapamycin_shortens():
    o = fw.one_infusion()
    assert o.window == (3.0, 14.0) and o.window[0] <= o.spread[0] < o.spread[2] <= o.window[1]
    below = o.effect_rapamycin < o.threshold
    assert o.days[(o.days > 1) & below][0] < o.days[(o.days > 1) & (o.effect < o.threshold)][0] - 3
    fig = plots.figure((7.0, 3.2))
    fplots.one_infusion(fig, o)
    assert len(fig.axes) == 2 and "median 8.5" in o.alt


def test_hr_text_and_schedule_input():
    assert fplots.format_hr(0.0031) == "< 0.01" and fplots.format_hr(0.304) == "0.3"
    with pytest.raises(ValueError, match="n_infusions"):
        population.schedule(0)
    with pytest.raises(ValueError, match="maintenance_every_weeks"):
        population.schedule(6, 2, 9)
