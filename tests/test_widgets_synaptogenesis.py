"""The synaptogenesis chapter's explorers and the synapses module: live and static builds, frames, alt text that
states the finding, fast live updates, and properties of the SV2A readout."""


import numpy as np
import pytest

from explorer_checks import assert_update_matches_fresh
from ketamine_sim import plasticity, synapses
from ketamine_sim.plots import synaptogenesis as splots
from ketamine_sim.widgets import synaptogenesis as sw


def test_chain_alt_text_names_where_each_blocker_cuts():
    assert "no stage cut" in sw.describe_chain(sw.chain())
    assert "cut at AMPA throughput" in sw.describe_chain(sw.chain(0.95))
    rapa = sw.chain(0.0, 1.0)
    assert "cut at mTORC1" in sw.describe_chain(rapa)
    assert rapa.peaks[:3].min() > 0.99 and rapa.peaks[3:].max() < 0.01  # upstream of mTORC1 untouched
    assert "cut at BDNF release" in sw.describe_chain(sw.chain(0.0, 0.0, 0.0))


def test_weeks_one_dose_lasts_about_two_weeks_a_course_more_and_rapamycin_none():
    one, course, rapa = sw.weeks(), sw.weeks(n_infusions=6), sw.weeks(rapamycin=1.0)
    assert 7 <= one.raised_days <= 21  # Phoumthipphavong2016 (a calibration)
    assert one.peak_rise < course.peak_rise < 6 * one.peak_rise
    assert np.allclose(one.result.elimination_rate_per_day, plasticity.PARAMS.elimination_per_day)
    assert "no new spines accumulate" in sw.describe_weeks(rapa)


def test_sv2a_lags_and_is_smaller_than_spines_and_the_alt_marks_the_human_null():
    s = sw.sv2a()
    assert 0 < s.sv2a_24h < s.spine_24h
    c = s.course
    assert c.t_h[c.sv2a.argmax()] > c.t_h[c.spine_density.argmax()]
    assert "no mean change (Holmes 2022)" in sw.describe_sv2a(s)
    assert sw.sv2a(12.0, 1.0).sv2a_24h > s.sv2a_24h


@pytest.mark.parametrize("share", [0.0, 0.3, 1.0])
@pytest.mark.parametrize("tau", [1.0, 48.0, 700.0])
def test_sv2a_density_properties(share, tau):
    t = np.linspace(0.0, 400.0, 801)
    spines = 1.0 + 0.02 * (1 - np.exp(-t / 20.0)) * np.exp(-t / 150.0)
    sv = synapses.sv2a_density(t, spines, tau, share)
    assert sv[0] == pytest.approx(1.0)
    assert np.all(sv >= 1.0 - 1e-12) and np.all(sv - 1.0 <= share * (spines.max() - 1.0) + 1e-12)
    held = synapses.sv2a_density(t, np.full(t.shape, 1.05), tau, share)
    assert np.allclose(held, 1.0 + share * 0.05)  # a held density is followed exactly


def test_relax_converges_to_a_step_with_its_time_constant():
    t = np.linspace(0.0, 100.0, 1001)
    u = np.where(t > 0, 1.0, 0.0)
    x = synapses.relax(t, u, 10.0)
    assert x[np.searchsorted(t, 10.0)] == pytest.approx(1 - np.exp(-1), abs=0.01)


@pytest.mark.parametrize("call, name", [
    (lambda: synapses.sv2a_density([0, 1], [1, 1], maturation_h=0.1), "tau_h"),
    (lambda: synapses.sv2a_density([0, 1], [1, 1], pet_share=1.5), "pet_share"),
    (lambda: synapses.course_times_h(7), "n_infusions"),
    (lambda: synapses.chain_lights(t_max_h=0.0), "t_max_h"),
    (lambda: synapses.daily_formation_ratio(30.0, 10.0), "hi_h"),
])
def test_bad_input_names_the_parameter(call, name):
    with pytest.raises(ValueError, match=name):
        call()


def test_daily_formation_ratio_matches_the_validation_statement():
    early, late = synapses.daily_formation_ratio(6, 24), synapses.daily_formation_ratio(72, 132)
    assert 1.0 < early < late < 1.1  # rises in both windows, more later, below the 10% counted as detectable


CASES = [
    (sw.chain, splots.chain, (7.0, 3.4), dict(), dict(nbqx=0.0, rapamycin=1.0, bdnf_fraction=0.5)),
    (sw.weeks, splots.weeks, (7.0, 3.2), dict(), dict(peak_uM=1.5, n_infusions=6, rapamycin=0.0)),
    (sw.sv2a, splots.sv2a, (7.0, 3.4), dict(), dict(maturation_h=12.0, pet_share=1.0)),
]


@pytest.mark.parametrize("model, plot, size, first, second", CASES, ids=["chain", "weeks", "sv2a"])
def test_live_update_matches_a_fresh_drawing(model, plot, size, first, second):
    assert_update_matches_fresh(model, plot, size, first, second)
