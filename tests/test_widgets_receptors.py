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
