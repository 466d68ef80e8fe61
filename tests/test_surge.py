"""The surge module: the virtual NBQX experiment, glutamate after a dose, and synapse currents."""

import numpy as np
import pytest

from ketamine_sim import cascade, circuit, surge
from ketamine_sim.literature import reference


def test_nbqx_is_structural_every_route_passes_through_ampa():
    for name in ("nbqx_spine_increase_left", "nbqx_functional_component_left"):
        assert reference(name).role == "structural"
    arms = surge.nbqx_experiment(nbqx_block=1.0)
    assert surge.share_left(arms, "potentiation") == 0.0 and surge.share_left(arms, "bdnf_peak") == 0.0


@pytest.mark.parametrize("peak", [0.25, 0.77, 2.0])
def test_more_nbqx_never_leaves_more(peak):
    left = [surge.share_left(surge.nbqx_experiment(peak, f), "potentiation") for f in np.linspace(0, 1, 11)]
    assert left[0] == pytest.approx(1.0) and np.all(np.diff(left) <= 1e-12)
    vehicle, _, nbqx_alone, _ = surge.nbqx_experiment(peak, 0.5)
    assert nbqx_alone.potentiation == vehicle.potentiation == 0.0  # no drug: nothing downstream moves


def test_cascade_nbqx_leaves_glutamate_and_removes_the_effect():
    t = np.array([24.0])
    plain, blocked = cascade.run(t), cascade.run(t, nbqx=True)
    assert np.allclose(plain.circuit.glutamate_rel, blocked.circuit.glutamate_rel)
    assert blocked.effect[0] < 0.01 * plain.effect[0]


def test_glutamate_follows_the_drug_and_a_high_dose_goes_up_then_down():
    std = surge.glutamate_after_dose(0.5)
    peak_min = 60 * std.t_h[std.glutamate_rel.argmax()]
    assert 30 <= peak_min <= 60  # near the end of the 40-min infusion, not after the drug has gone
    assert std.at(4.0) < std.glutamate_rel.max() and std.glutamate_rel.min() >= 1.0 - 1e-9
    high = surge.glutamate_after_dose(5.0)
    assert high.at(20 / 60) > 1.05 and high.at(1.5) < 0.95
    assert std.steady_glutamate_rel[0] > 1.0 > std.steady_glutamate_rel[-1]  # the steady inverted U


def test_the_human_fit_holds_at_the_antidepressant_dose():
    std = surge.glutamate_after_dose(0.5, t_h=np.linspace(0, 40 / 60, 81))
    rise = reference("glutamate_cycling_rise_human")
    assert rise.role == "calibration"
    assert np.mean(std.glutamate_rel) - 1 == pytest.approx(rise.value, abs=0.02)


def test_currents_ampa_is_unblocked_and_nmda_is_blocked():
    for v in (-70.0, -40.0, -10.0):
        c = surge.synapse_currents(v, 0.77)
        ss = circuit.steady_state(0.77)
        assert c.ampa_drug_pA / c.ampa_free_pA == pytest.approx(float(ss.glutamate_rel))
        assert abs(c.nmda_drug_pA) < abs(c.nmda_free_pA) * float(ss.glutamate_rel)
    assert surge.synapse_currents(0.0).ampa_drug_pA == 0.0  # AMPA reverses at 0 mV


@pytest.mark.parametrize("call, name", [
    (lambda: surge.nbqx_experiment(nbqx_block=1.5), "nbqx_block"),
    (lambda: surge.nbqx_experiment(peak_uM=-1), "peak_uM"),
    (lambda: surge.nbqx_experiment(readout_h=100), "readout_h"),
    (lambda: surge.glutamate_after_dose(50.0), "dose_mg_per_kg"),
    (lambda: surge.synapse_currents(-200.0), "v_mV"),
])
def test_bad_input_names_the_parameter(call, name):
    with pytest.raises(ValueError, match=name):
        call()
