"""The cortical microcircuit against published findings (each test names its source key) and its own logic."""

from dataclasses import replace

import numpy as np
import pytest

from ketamine_sim import circuit, literature, pharmacokinetics, receptors
from ketamine_sim.literature import circuit as circuit_refs
from ketamine_sim.literature import reference

BASE = circuit.steady_state(0.0)


def _direction(value, baseline):
    return float(np.sign(value - baseline))


# --- published findings -------------------------------------------------------------------------------


def test_every_circuit_reference_is_registered_with_a_role():
    for ref in circuit_refs.REFERENCES:
        assert reference(ref.name) is ref
        assert ref.role in literature.ROLES
        assert ref.role == "context" or np.isfinite(ref.at)


@pytest.mark.parametrize("conc_name", ["peak_plasma_antidepressant_dose", "brain_conc_antidepressant_dose"])
def test_glutamate_rises_at_the_antidepressant_level_moghaddam1997(conc_name):
    ref = reference("glutamate_rise_subanaesthetic")
    assert ref.key == "Moghaddam1997"
    conc = reference(conc_name).value
    glu = float(circuit.steady_state(conc).glutamate_rel)
    assert _direction(glu, 1.0) == ref.value, f"Moghaddam1997: glutamate {glu:.3f} at {conc} uM"


@pytest.mark.parametrize("name,conc_name", [("glutamate_fall_anaesthetic_low", "anaesthetic_plasma_low"),
                                            ("glutamate_fall_anaesthetic_high", "anaesthetic_plasma_high")])
def test_glutamate_falls_below_baseline_at_anaesthetic_levels_moghaddam1997(name, conc_name):
    ref = reference(name)
    assert ref.key == "Moghaddam1997" and ref.at == reference(conc_name).value
    glu = float(circuit.steady_state(ref.at).glutamate_rel)
    assert _direction(glu, 1.0) == ref.value, f"Moghaddam1997: glutamate {glu:.3f} at {ref.at} uM"


def test_glutamate_is_an_inverted_u_with_one_interior_maximum_moghaddam1997():
    conc = np.logspace(-3, 3, 3001)
    glu = circuit.steady_state(conc).glutamate_rel
    peak = int(np.argmax(glu))
    assert 0 < peak < conc.size - 1, "Moghaddam1997: the maximum must lie inside the range"
    slope = np.diff(glu)
    assert np.all(slope[:peak] >= -1e-12) and np.all(slope[peak:] <= 1e-12), "Moghaddam1997: not single-peaked"
    assert glu[peak] > 1.0 > glu[-1]
    # the rise sits at subanaesthetic, the fall at anaesthetic concentrations
    assert conc[peak] < reference("anaesthetic_plasma_low").value


@pytest.mark.parametrize("name", ["inhibition_falls_at_1uM", "excitation_rises_at_1uM", "inhibition_falls_at_10uM",
                                  "excitation_falls_at_10uM"])
def test_spontaneous_ipsc_and_epsc_onto_pyramidal_cells_gerhard2020(name):
    ref = reference(name)
    assert ref.key == "Gerhard2020"
    state = circuit.steady_state(ref.at)
    if name.startswith("inhibition"):
        seen = _direction(float(state.interneuron_hz), float(BASE.interneuron_hz))
    else:
        seen = _direction(float(state.pyramidal_hz), float(BASE.pyramidal_hz))
    assert seen == ref.value, f"Gerhard2020 {name}: direction {seen:+.0f} at {ref.at} uM"


def test_ei_balance_tips_towards_excitation_at_1uM_gerhard2020():
    assert float(circuit.steady_state(reference("inhibition_falls_at_1uM").at).ei_ratio_rel) > 1.0


def test_glutamate_cycling_rise_abdallah2018mrs():
    # calibration: the mean rise over the standard infusion, with the circuit's dynamics under the model's PK
    ref = reference("glutamate_cycling_rise_human")
    assert ref.key == "Abdallah2018MRS" and ref.role == "calibration"
    t = np.linspace(0.0, 40.0 / 60.0, 161)
    course = circuit.simulate(t, pharmacokinetics.brain_ketamine_uM(t))
    rise = float(np.trapezoid(course.glutamate_rel, t) / t[-1]) - 1.0
    assert rise == pytest.approx(ref.value, abs=ref.tolerance), f"Abdallah2018MRS: model rise {rise:.3f}"


# --- issue 9 item 6: the calibration works across every documented range --------------------------------

@pytest.mark.parametrize("pyramidal_hz", [1.0, 2.0, 3.0, 4.0, 5.0])  # UNVERIFIED range 1-5 Hz
@pytest.mark.parametrize("interneuron_hz", [10.0, 20.0, 30.0])  # UNVERIFIED range 10-30 Hz
def test_calibration_works_across_the_documented_rate_ranges(pyramidal_hz, interneuron_hz):
    # before: Microcircuit(pyramidal_rate_hz=3) with the closed-form fit raised RuntimeError
    p = circuit.calibrated(pyramidal_rate_hz=pyramidal_hz, interneuron_rate_hz=interneuron_hz)
    assert 0 < p.w_i_to_e <= circuit.W_I_TO_E_MAX and 0 <= p.calibration_gap < 0.1
    t = np.linspace(0.0, 6.0, 145)
    course = circuit.simulate(t, pharmacokinetics.brain_ketamine_uM(t), params=p)
    state = circuit.steady_state(np.logspace(-3, 3, 61), params=p)
    for arr in (course.glutamate_rel, course.pyramidal_hz, state.glutamate_rel, state.interneuron_hz):
        assert np.all(np.isfinite(arr)) and np.all(arr >= 0)
    mean_rise = float(np.trapezoid(course.glutamate_rel[t <= 40 / 60], t[t <= 40 / 60]) / (40 / 60)) - 1.0
    assert mean_rise == pytest.approx(0.13 - p.calibration_gap, abs=0.01)


def test_calibration_is_met_where_the_activity_contrast_allows_it():
    met = {(e, i) for e in (1.0, 2.0, 3.0, 4.0, 5.0) for i in (10.0, 20.0, 30.0)
           if circuit.calibrated(pyramidal_rate_hz=e, interneuron_rate_hz=i).calibration_gap == 0.0}
    assert (1.0, 20.0) in met and len(met) >= 12  # misses only quiet interneurons with busy pyramidal cells


def _onsets(course, threshold=0.05):
    """Minutes to the first 5% fall of interneuron rate and the first 5% rise of pyramidal rate."""
    t_min = course.t_h * 60.0
    i_rel = course.interneuron_hz / course.interneuron_hz[0]
    e_rel = course.pyramidal_hz / course.pyramidal_hz[0]
    assert np.any(i_rel < 1 - threshold) and np.any(e_rel > 1 + threshold)
    return t_min[np.argmax(i_rel < 1 - threshold)], t_min[np.argmax(e_rel > 1 + threshold)]


def _step_and_ramp(conc):
    t_h = np.linspace(0.0, 2.0, 961)
    return t_h, {"step": np.full_like(t_h, conc), "ramp": conc * np.clip(t_h / (40 / 60), 0.0, 1.0)}


@pytest.mark.parametrize("shape", ["step", "ramp"])
def test_interneurons_slow_before_pyramidal_cells_speed_up_homayounmoghaddam2007(shape):
    ref = reference("interneurons_fall_before_pyramidal_rise")
    assert ref.key == "HomayounMoghaddam2007"
    t_h, courses = _step_and_ramp(ref.at)
    first_i, first_e = _onsets(circuit.simulate(t_h, courses[shape]))
    assert (1.0 if first_i < first_e else -1.0) == ref.value, (
        f"HomayounMoghaddam2007 ({shape}): interneurons at {first_i:.1f} min, pyramidal at {first_e:.1f} min")


def test_without_the_assumed_lag_the_pyramidal_rise_is_not_delayed():
    # honesty check: the order above comes from the ASSUMED lag, not from the rate model itself
    t_h, courses = _step_and_ramp(1.0)
    first_i, first_e = _onsets(circuit.simulate(t_h, courses["step"], params=replace(circuit.CIRCUIT,
                                                                                      pyramidal_lag_min=0.0)))
    assert first_e <= first_i


# --- model logic ----------------------------------------------------------------------------------------


def test_no_drug_gives_exactly_the_baseline():
    assert BASE.glutamate_rel == 1.0
    assert BASE.pyramidal_hz == pytest.approx(circuit.CIRCUIT.pyramidal_rate_hz, rel=1e-12)
    assert BASE.interneuron_hz == pytest.approx(circuit.CIRCUIT.interneuron_rate_hz, rel=1e-12)
    assert BASE.pyramidal_block == BASE.interneuron_block == 0.0
    assert BASE.ei_ratio_rel == pytest.approx(1.0, rel=1e-12)


def test_interneurons_are_blocked_more_than_pyramidal_cells_built_in_hypothesis():
    # claims.md #11 (HYPOTHESIS): a property the model is built on, not a validation
    state = circuit.steady_state(np.logspace(-2, 1, 50))
    assert np.all(state.interneuron_block > state.pyramidal_block)


def test_blocks_follow_the_receptor_stage():
    conc = np.array([0.1, 1.0, 10.0])
    state = circuit.steady_state(conc, form="S")
    p = circuit.CIRCUIT
    assert np.allclose(state.pyramidal_block, receptors.nmda_block_at_activity(conc, p.pyramidal_rate_hz, "S"))
    assert np.allclose(state.interneuron_block, receptors.nmda_block_at_activity(conc, p.interneuron_rate_hz, "S"))


def test_fixed_point_satisfies_the_rate_equations():
    p = circuit.CIRCUIT
    s = circuit.steady_state(np.logspace(-2, 3, 40))
    g_e = 1 - p.nmda_share_pyramidal * s.pyramidal_block
    g_i = 1 - p.nmda_share_interneuron * s.interneuron_block
    r_e = np.maximum(g_e * (p.h_e + p.w_e_to_e * s.pyramidal_hz) - p.w_i_to_e * s.interneuron_hz, 0.0)
    r_i = g_i * (p.h_i + p.w_e_to_i * s.pyramidal_hz)
    assert np.allclose(r_e, s.pyramidal_hz, atol=1e-9) and np.allclose(r_i, s.interneuron_hz)


def test_fixed_point_at_the_drugs_blocks_is_the_steady_state_and_a_knockout_is_full_block():
    s = circuit.steady_state(np.logspace(-2, 3, 40))
    r_e, r_i, glu = circuit.fixed_point(s.pyramidal_block, s.interneuron_block)
    assert np.allclose(r_e, s.pyramidal_hz) and np.allclose(r_i, s.interneuron_hz)
    assert np.allclose(glu, s.glutamate_rel)
    r_e0, r_i0, glu0 = circuit.fixed_point(0.0, 0.0)
    p = circuit.CIRCUIT
    assert np.isclose(r_e0, p.pyramidal_rate_hz) and np.isclose(r_i0, p.interneuron_rate_hz) and np.isclose(glu0, 1)
    assert circuit.fixed_point(0.0, 1.0)[0] > r_e0  # interneuron knockout: pyramidal cells released


def test_s_ketamine_is_more_potent_than_racemate():
    s, rac = circuit.steady_state(0.3, "S"), circuit.steady_state(0.3, "racemic")
    assert s.interneuron_block > rac.interneuron_block and s.pyramidal_block > rac.pyramidal_block


def test_sweep_is_one_call_and_keeps_the_shape():
    conc = np.linspace(0, 20, 12).reshape(3, 4)
    state = circuit.steady_state(conc)
    for field in ("pyramidal_hz", "interneuron_hz", "glutamate_rel", "pyramidal_block", "ei_ratio_rel"):
        assert getattr(state, field).shape == (3, 4)


def test_simulation_settles_on_the_steady_state():
    t_h = np.linspace(0.0, 12.0, 600)
    course = circuit.simulate(t_h, 2.0)
    state = circuit.steady_state(2.0)
    for field in ("pyramidal_block", "interneuron_block", "pyramidal_hz", "interneuron_hz", "glutamate_rel"):
        assert getattr(course, field)[-1] == pytest.approx(float(getattr(state, field)), rel=1e-4), field


def test_busy_interneurons_are_blocked_sooner_than_quiet_pyramidal_cells():
    t_h = np.linspace(0.0, 1.0, 121)
    course = circuit.simulate(t_h, 1.0)
    tau_e, tau_i = course.block_tau_min[:, 0]
    assert tau_i < tau_e
    frac_e = course.pyramidal_block / course.pyramidal_block[-1]
    frac_i = course.interneuron_block / course.interneuron_block[-1]
    assert np.all(frac_i[1:-1] > frac_e[1:-1])


def test_washout_returns_the_circuit_to_baseline():
    t_h = np.linspace(0.0, 48.0, 600)
    conc = np.where(t_h < 1.0, 1.0, 0.0)
    course = circuit.simulate(t_h, conc)
    assert course.glutamate_rel[0] == 1.0
    assert course.glutamate_rel[-1] == pytest.approx(1.0, abs=1e-3)
    assert course.pyramidal_block.max() > 0.05 and course.pyramidal_block[-1] < 1e-3


def test_single_time_point_is_the_drug_free_start():
    course = circuit.simulate([3.0], 5.0)
    assert course.glutamate_rel.tolist() == [1.0] and course.pyramidal_block.tolist() == [0.0]


def test_simulate_without_drug_stays_at_baseline():
    course = circuit.simulate(np.linspace(0, 5, 50), 0.0)
    assert np.all(course.glutamate_rel == 1.0) and np.all(course.pyramidal_block == 0.0)


def test_calibrated_circuit_has_sensible_parameters():
    p = circuit.CIRCUIT
    assert p.w_i_to_e > 0 and p.h_e > 0 and p.h_i > 0 and 0 <= p.w_e_to_e < 1


@pytest.mark.parametrize("call,name", [
    (lambda: circuit.steady_state(-1.0), "ketamine_uM"),
    (lambda: circuit.steady_state(2000.0), "ketamine_uM"),
    (lambda: circuit.steady_state(1.0, form="D"), "form"),
    (lambda: circuit.fixed_point(1.5, 0.0), "theta_e=1.5"),
    (lambda: circuit.fixed_point(0.0, [0.2, -0.1]), "theta_i=-0.1"),
    (lambda: circuit.simulate([0.0, 1.0, 0.5], 1.0), "t_h"),
    (lambda: circuit.simulate([0.0, 1.0], [1.0, 1.0, 1.0]), "ketamine_uM"),
    (lambda: circuit.simulate([0.0, 1.0], [1.0, np.nan]), "ketamine_uM"),
    (lambda: circuit.simulate([-1.0, 1.0], 1.0), "t_h"),
    (lambda: circuit.steady_state(1.0, params=replace(circuit.CIRCUIT, w_e_to_e=1.2)), "w_e_to_e"),
    (lambda: circuit.steady_state(1.0, params=replace(circuit.CIRCUIT, nmda_share_pyramidal=1.5)),
     "nmda_share_pyramidal"),
    (lambda: circuit.simulate([0.0, 1.0], 1.0, params=replace(circuit.CIRCUIT, pyramidal_lag_min=-1.0)),
     "pyramidal_lag_min"),
    (lambda: circuit.steady_state(1.0, params=replace(circuit.CIRCUIT, w_i_to_e=float("nan"))), "w_i_to_e"),
    (lambda: circuit.steady_state(1.0, params=replace(circuit.CIRCUIT, w_e_to_i=30.0)), "negative external drive"),
])
def test_bad_input_names_the_parameter(call, name):
    with pytest.raises(ValueError, match=name):
        call()
