"""The capstone's explorers: live and static builds, frames with their own alt text, fast live updates equal to a
fresh drawing, and what each figure must show (the slow stages outlast the drug; the control ranks last)."""

import numpy as np
import pytest

from explorer_checks import assert_update_matches_fresh
from ketamine_sim import monoamines, sensitivity
from ketamine_sim.plots import capstone as cplots
from ketamine_sim.widgets import capstone as cw


def test_dashboard_update_equals_a_fresh_drawing():
    assert_update_matches_fresh(cw.dashboard, cplots.dashboard, cw.DASHBOARD_SIZE_IN,
                                {"dose_mg_per_kg": 0.5, "schedule": 0}, {"dose_mg_per_kg": 1.0, "schedule": 1})


def test_the_drug_is_gone_within_a_day_but_the_slow_stages_carry_the_effect_for_days():
    d = cw.dashboard()
    r = d.result
    late = r.t_h >= 48.0
    assert r.brain_uM[late].max() < 0.01 * r.brain_uM.max()
    assert r.circuit.glutamate_rel[late].max() - 1 < 0.02 * (r.circuit.glutamate_rel.max() - 1)
    assert 3.0 <= d.relapse_days <= 14.0  # Abdallah2020Rapamycin: 3-14 days (the threshold is a calibration)
    six = cw.dashboard(0.5, 1)
    assert six.relapse_days > d.relapse_days and six.result.effect.max() > r.effect.max()  # Phillips2019
    assert d.effect_at(24.0) > 0.3 > float(monoamines.effect(1.0))  # hours vs weeks


def test_dashboard_slider_values_off_the_grid_reuse_the_cached_run():
    assert cw.dashboard(0.30000000000000004, 1.0) is cw.dashboard(0.3, 1)
    with pytest.raises(ValueError, match="dose_mg_per_kg"):
        cw.dashboard(-1.0, 0)


def test_ranking_alt_text_names_the_top_group_and_the_control_last():
    for outcome in (0, 1):
        r = cw.rested(outcome)
        assert r.names[-1] == sensitivity.CONTROL and r.mu_star[-1] == 0.0
        assert np.all(np.diff(r.mu_star) <= 1e-12)  # most influential first
        text = cw.describe_rested(r)
        assert r.labels[0] in text and "control" in text.split("Last:")[1]


def test_links_off_alt_text_gives_every_link_and_its_verdict():
    text = cw.describe_links_off(sensitivity.links_off())
    for row in sensitivity.links_off():
        assert row.link in text
    assert "partly with experiment" in text and "agrees with experiment" in text
