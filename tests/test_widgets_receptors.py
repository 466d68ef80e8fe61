"""The use-dependent block explorer of the antagonist paradox chapter: driven by the standard infusion, its
alt text states the finding, and the assumption that carries the finding (escape from trapping) can break it."""

import numpy as np
import pytest

from ketamine_sim import pharmacokinetics
from ketamine_sim.widgets import receptors as receptor_widgets


def test_block_follows_the_standard_infusion():
    c = receptor_widgets._compare_block(rate_hz=20, v_mV=-65, escape_e4=5)
    assert np.max(c.busy.conc_uM) == pytest.approx(pharmacokinetics.ANTIDEPRESSANT_PEAK_BRAIN_UM, rel=0.01)
    assert c.busy.block[-1] < 0.6 * np.max(c.busy.block)  # the drug leaves, so does the block


def test_busy_cell_is_blocked_most_only_with_escape():
    partial = receptor_widgets._compare_block(rate_hz=20, v_mV=-65, escape_e4=5)
    full = receptor_widgets._compare_block(rate_hz=20, v_mV=-65, escape_e4=0)
    assert np.all(partial.busy.block >= partial.quiet.block - 1e-9)
    assert full.quiet.block[-1] > full.busy.block[-1]  # full trapping: the quiet cell overtakes
    assert "stays at least as blocked" in receptor_widgets._describe_block(partial)
    assert "overtakes it from" in receptor_widgets._describe_block(full)


def test_depolarisation_speeds_the_block():
    rest = receptor_widgets._compare_block(rate_hz=5, v_mV=-65, escape_e4=5)
    depol = receptor_widgets._compare_block(rate_hz=5, v_mV=-45, escape_e4=5)
    i15 = np.searchsorted(rest.busy.t_min, 15.0)
    assert depol.busy.block[i15] > 1.5 * rest.busy.block[i15]
    assert receptor_widgets._describe_block(rest) != receptor_widgets._describe_block(depol)


def test_escape_outside_its_range_is_refused():
    with pytest.raises(ValueError, match="escape_e4"):
        receptor_widgets._compare_block(rate_hz=5, v_mV=-65, escape_e4=-1)


def _block_controls(monkeypatch):
    seen = {}
    monkeypatch.setattr(receptor_widgets, "interactive_figure",
                        lambda controls, *a, **k: seen.setdefault("c", controls))
    receptor_widgets.explore_use_dependent_block()
    return seen["c"]


def test_live_sliders_start_on_their_grid_with_room_to_move(monkeypatch):
    # before: activation 0.5-20 Hz in 0.5-decade steps put the 20 Hz default off the grid (the live slider showed
    # 16 Hz) and at the top, so ArrowRight did nothing
    for s in _block_controls(monkeypatch):
        lo, hi, v = (np.log10([s.min, s.max, s.value]) if s.log else (s.min, s.max, s.value))
        steps = (v - lo) / s.step
        assert steps == pytest.approx(round(steps), abs=1e-6), f"{s.name}: default {s.value:g} is off the step grid"
        assert lo < v < hi, f"{s.name}: default {s.value:g} sits at an end of its range"


def test_alt_text_follows_every_control(monkeypatch):
    controls = _block_controls(monkeypatch)
    default = {s.name: s.value for s in controls}
    base = receptor_widgets._describe_block(receptor_widgets._compare_block(**default))
    for s in controls:
        for v in s.frame_values():
            if v != s.value:
                moved = receptor_widgets._describe_block(receptor_widgets._compare_block(**{**default, s.name: v}))
                assert moved != base, f"{s.name}={v:g} changed nothing in the alt text"
