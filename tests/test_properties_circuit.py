"""Property tests (hypothesis) of the microcircuit over its whole allowed input range."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ketamine_sim import circuit

FAST = settings(max_examples=40, deadline=None)
conc = st.floats(0.0, 1000.0)
forms = st.sampled_from(circuit.FORMS)
FIELDS = ("pyramidal_hz", "interneuron_hz", "pyramidal_block", "interneuron_block", "glutamate_rel",
          "excitation_rel", "inhibition_rel", "ei_ratio_rel")


def _physical(state):
    for name in FIELDS:
        assert np.all(np.isfinite(getattr(state, name))), name
    assert np.all(state.pyramidal_hz >= 0) and np.all(state.interneuron_hz > 0)
    for name in ("pyramidal_block", "interneuron_block"):
        block = getattr(state, name)
        assert np.all((block >= 0) & (block <= 1)), name
    assert np.all(state.glutamate_rel > 0) and np.all(state.ei_ratio_rel > 0)


@FAST
@given(st.lists(conc, min_size=1, max_size=50), forms)
def test_steady_state_is_finite_and_physical(c, form):
    _physical(circuit.steady_state(np.array(c), form))


@FAST
@given(conc, conc, forms)
def test_blocks_never_fall_with_concentration(c1, c2, form):
    lo, hi = (circuit.steady_state(c, form) for c in sorted((c1, c2)))
    assert lo.pyramidal_block <= hi.pyramidal_block and lo.interneuron_block <= hi.interneuron_block


@FAST
@given(conc, conc)
def test_interneurons_fire_less_the_more_drug(c1, c2):
    lo, hi = (circuit.steady_state(c) for c in sorted((c1, c2)))
    assert hi.interneuron_hz <= lo.interneuron_hz + 1e-12


@FAST
@given(st.lists(conc, min_size=2, max_size=40), st.floats(0.05, 200.0), forms)
def test_simulation_is_finite_and_physical(course, span_h, form):
    t = np.linspace(0.0, span_h, len(course))
    sim = circuit.simulate(t, np.array(course), form)
    _physical(sim)
    assert sim.glutamate_rel[0] == 1.0 and sim.pyramidal_block[0] == 0.0


@FAST
@given(st.floats(0.0, 1000.0), st.floats(0.1, 1.0))
def test_simulated_block_never_exceeds_the_steady_state_of_the_highest_concentration(c, span_h):
    t = np.linspace(0.0, span_h, 30)
    sim = circuit.simulate(t, c * t / span_h)
    top = circuit.steady_state(c)
    assert np.all(sim.pyramidal_block <= top.pyramidal_block + 1e-12)
    assert np.all(sim.interneuron_block <= top.interneuron_block + 1e-12)


@pytest.mark.parametrize("bad", [-0.5, 1000.5, np.inf, np.nan, "high"])
def test_steady_state_rejects_bad_concentrations(bad):
    with pytest.raises(ValueError, match="ketamine_uM"):
        circuit.steady_state(bad)


@pytest.mark.parametrize("t_h", [[1.0, 0.5], [0.0, 0.0], [-1.0, 0.0], [0.0, 2e4]])
def test_simulate_rejects_bad_time_axes(t_h):
    with pytest.raises(ValueError, match="t_h"):
        circuit.simulate(t_h, 1.0)
