"""The chained mechanism: a dose followed from plasma to mood, against published qualitative findings."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ketamine_sim import cascade, pharmacokinetics

T = np.linspace(0.0, 21 * 24.0, 2017)  # three weeks, 15-min steps


@pytest.fixture(scope="module")
def single():
    return cascade.run(T)


def _peak_time(values):
    return T[int(np.argmax(values))]


def test_effect_outlasts_the_drug_claim29_ketalar_zarate2006(single):
    # claims #29: ketamine is cleared within hours, yet the benefit peaks around a day and lasts days
    brain_24h = np.interp(24.0, T, single.brain_uM)
    assert brain_24h < 0.05 * single.brain_uM.max(), "KetalarLabel: t1/2 ~2.5 h, drug mostly gone by 24 h"
    assert np.interp(24.0, T, single.effect) > 0.8 * single.effect.max(), "Zarate2006: benefit at 24 h"
    assert np.interp(72.0, T, single.effect) > single.relapse_threshold, "Berman2000: still better at 72 h"


def test_stages_peak_in_causal_order(single):
    # each stage is driven by the one before it, so no stage can peak before its cause
    order = [single.brain_uM, single.circuit.glutamate_rel, single.plasticity.bdnf, single.plasticity.mtorc1,
             single.plasticity.synthesis, single.plasticity.spine_density]
    peaks = [_peak_time(v) for v in order]
    assert peaks == sorted(peaks), f"peak times (h) out of causal order: {peaks}"


def test_glutamate_surge_is_over_long_before_spines_peak_moghaddam1997_phoumthipphavong2016(single):
    glutamate_24h = np.interp(24.0, T, single.circuit.glutamate_rel)
    assert glutamate_24h == pytest.approx(1.0, abs=0.01), "the surge follows the drug (Moghaddam1997)"
    assert np.interp(7 * 24.0, T, single.plasticity.spine_density) > 1.0, "spines still raised at day 7"


def test_nbqx_abolishes_the_effect_maeng2008(single):
    # claims #14: AMPA-receptor block (NBQX pretreatment) attenuates ketamine's antidepressant-like effects
    blocked = cascade.run(T, nbqx=True)
    assert blocked.effect.max() < 0.1 * single.effect.max()
    assert np.allclose(blocked.brain_uM, single.brain_uM), "NBQX acts downstream of the drug level"


def test_interneurons_are_blocked_more_than_pyramidal_cells_during_the_infusion(single):
    # the use-dependent block built into the circuit (claims #11, a HYPOTHESIS) carries through the chain
    during = (T > 0.25) & (T < 1.0)
    assert np.all(single.circuit.interneuron_block[during] > single.circuit.pyramidal_block[during])


def test_six_infusions_carry_further_than_one_phillips2019(single):
    course = cascade.run(T, pharmacokinetics.six_infusions_two_weeks())
    assert course.effect[-1] > single.effect[-1]
    assert course.plasticity.spine_density.max() > single.plasticity.spine_density.max()


@settings(max_examples=25, deadline=None)
@given(dose=st.floats(0.0, 4.5), hours=st.floats(0.0, 24.0 * 30))
def test_every_stage_finite_and_in_range(dose, hours):
    t = np.linspace(0.0, hours, 50)
    r = cascade.run(t, pharmacokinetics.standard_infusion(0.0, dose))
    for name, v in [("plasma", r.plasma_uM), ("brain", r.brain_uM), ("glutamate", r.circuit.glutamate_rel),
                    ("spines", r.plasticity.spine_density), ("effect", r.effect)]:
        assert np.all(np.isfinite(v)), name
    assert np.all(r.plasma_uM >= 0) and np.all(r.circuit.glutamate_rel > 0)
    assert np.all((r.effect >= 0) & (r.effect <= 1))
    assert np.all((r.circuit.pyramidal_block >= 0) & (r.circuit.interneuron_block <= 1))


@pytest.mark.parametrize("call,name", [
    (lambda: cascade.run([-1.0]), "t_h"),
    (lambda: cascade.run(T, doses=["0.5 mg/kg"]), "doses"),
    (lambda: cascade.run(T, nbqx=2.0), "nbqx"),
    (lambda: cascade.run(T, body_weight_kg=5.0), "body_weight_kg"),
])
def test_bad_input_names_the_parameter(call, name):
    with pytest.raises(ValueError, match=name):
        call()


# --- issue 9 item 6: the chain uses the circuit's dynamics, not its steady state ----------------------------

def test_the_chain_carries_the_circuit_transient():
    from ketamine_sim import circuit, pharmacokinetics

    t = np.linspace(0.0, 3.0, 361)
    dynamic = circuit.simulate(t, pharmacokinetics.brain_ketamine_uM(t))
    steady = circuit.steady_state(pharmacokinetics.ANTIDEPRESSANT_PEAK_BRAIN_UM)
    assert dynamic.glutamate_rel.max() > float(steady.glutamate_rel) + 0.05  # the transient overshoots
    run = cascade.run(t)
    # before: the chain read the steady state and topped out at +15% while the dynamics gave +27%
    assert run.circuit.glutamate_rel.max() == pytest.approx(dynamic.glutamate_rel.max(), abs=0.01)
    assert run.plasticity.glutamate_rel.max() == pytest.approx(dynamic.glutamate_rel.max(), abs=0.01)
