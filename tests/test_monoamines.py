"""The SSRI stage against published findings (CommonsLinnros2019, Rush2009, Trivedi2006) and its own logic."""

import numpy as np
import pytest

from ketamine_sim import monoamines as m
from ketamine_sim.literature import reference

HYPS = m.HYPOTHESES


def test_serotonin_numbers_are_wired_in_commons_linnros_2019():
    raphe, terminal = reference("ssri_raphe_serotonin_rel"), reference("ssri_terminal_serotonin_rel")
    assert raphe.key == terminal.key == "CommonsLinnros2019" and raphe.role == "input"
    # at the first-dose peak of drug level both rises are exactly the rat numbers (autoreceptors still naive)
    t = np.linspace(0.0, 1.0, 24 * 60 + 1)
    r = m.simulate(t, "autoreceptor")
    first_peak = np.argmax(r.occupancy[t < 0.99])
    assert r.raphe_serotonin_rel[first_peak] == pytest.approx(raphe.value, rel=0.01)
    assert r.serotonin_rel[first_peak] == pytest.approx(terminal.value, rel=0.01)


@pytest.mark.parametrize("hypothesis", HYPS)
def test_serotonin_rises_within_hours_commons_linnros_2019(hypothesis):
    ref = reference("ssri_serotonin_rise_within_hours")
    assert ref.key == "CommonsLinnros2019"
    r = m.simulate(np.array([ref.at / 24.0]), hypothesis)
    first_dose_rise = reference("ssri_terminal_serotonin_rel").value - 1.0
    assert r.serotonin_rel[0] - 1.0 > 0.5 * first_dose_rise


@pytest.mark.parametrize("hypothesis", HYPS)
def test_effect_is_absent_at_day_1_while_serotonin_is_up_commons_linnros_2019(hypothesis):
    ref = reference("ssri_effect_at_day_1")
    assert ref.key == "CommonsLinnros2019"
    r = m.simulate(np.array([ref.at]), hypothesis)
    assert r.effect[0] == pytest.approx(ref.value, abs=ref.tolerance)
    assert r.serotonin_rel[0] > 1.5  # the rise is fast; the delay is downstream (claims #1)


@pytest.mark.parametrize("hypothesis", HYPS)
def test_half_of_the_13_week_effect_by_week_6_rush_2009(hypothesis):
    ref = reference("ssri_half_of_remissions_by_6_weeks")
    assert ref.key == "Rush2009" and ref.role == "calibration"
    e6, e13 = m.effect(np.array([42.0, ref.at]), hypothesis)
    assert e6 / e13 == pytest.approx(ref.value, abs=ref.tolerance)


@pytest.mark.parametrize("hypothesis", HYPS)
def test_effect_still_rising_after_week_8_trivedi_2006(hypothesis):
    ref = reference("ssri_substantial_gain_after_week_8")
    assert ref.key == "Trivedi2006"
    e6, e8, e14 = m.effect(np.array([42.0, ref.at, 98.0]), hypothesis)
    assert e6 < e8 < e14
    assert (e14 - e8) / e14 > ref.value


def test_hypotheses_differ_in_serotonin_and_autoreceptors_not_in_effect():
    t = np.arange(0.0, 121.0)
    a, b = m.simulate(t, "autoreceptor"), m.simulate(t, "plasticity")
    # classic hypothesis: autoreceptors desensitise and terminal serotonin keeps rising over weeks
    assert a.autoreceptor_sensitivity[-1] < 0.5 and a.serotonin_rel[-1] > a.serotonin_rel[7] + 0.3
    # alternative: feedback persists, terminal serotonin is flat after the first week
    assert np.all(b.autoreceptor_sensitivity == 1.0)
    assert b.serotonin_rel[-1] == pytest.approx(b.serotonin_rel[7], abs=0.05)
    # both are calibrated to one clinical time course
    assert np.max(np.abs(a.effect - b.effect)) < 0.02


def test_feedback_strength_follows_from_the_two_rat_numbers():
    raphe, terminal = reference("ssri_raphe_serotonin_rel").value, reference("ssri_terminal_serotonin_rel").value
    assert m.DRUG.feedback == pytest.approx((raphe - terminal) / (raphe - 1.0))


def test_drug_accumulates_to_steady_state_within_about_a_week():
    # 35-h half-life (ASSUMED): 5 half-lives ~ 7 days; compare troughs just before each daily dose
    troughs = m.simulate(np.arange(1.0, 15.0) - 1e-6).occupancy
    assert np.all(np.diff(troughs) > 0)
    assert troughs[-1] - troughs[6] < 0.02 * troughs[-1]


def test_effect_approaches_one_under_long_treatment_and_is_zero_at_start():
    e = m.effect(np.array([0.0, 365.0, 730.0]))
    assert e[0] == 0.0 and e[1] > 0.95 and e[2] == pytest.approx(1.0, abs=0.01)


def test_lowpass_matches_the_analytic_step_response():
    dt, tau = 0.01, 2.0
    t = np.arange(0.0, 50.0, dt)
    y = m._lowpass(np.ones_like(t), dt, tau)
    # the first step averages x[0] and x[1]; after that the response is the exact 1 - exp(-t/tau)
    assert np.allclose(y[1:], -np.expm1(-t[1:] / tau), atol=1e-12)
    # many blocks: a long series with a short time constant stays finite and exact
    y = m._lowpass(np.ones(200_000), 1.0, 0.5)
    assert np.all(np.isfinite(y)) and y[-1] == pytest.approx(1.0)


def test_simulate_keeps_the_shape_and_order_of_times():
    t = np.array([[30.0, 1.0], [0.0, 60.0]])
    r = m.simulate(t)
    assert r.effect.shape == (2, 2)
    assert r.effect[1, 1] > r.effect[0, 0] > r.effect[0, 1] > r.effect[1, 0] == 0.0
    assert np.ndim(m.effect(14.0)) == 0


def test_shared_adaptation_is_the_default_at_the_calibration():
    assert m.shared_adaptation(m.TAU_SLOW_DAYS) == m.ADAPTATION
    with pytest.raises(ValueError, match="tau_days"):
        m.shared_adaptation(0.1)


def test_time_to_fraction_reads_a_known_curve():
    t = np.linspace(0.0, 50.0, 5001)
    tau = 3.0
    # half-rise of 1 - exp(-t/tau) is tau ln 2 (to within the last few per cent of its rise on this window)
    assert m.time_to_fraction(t, -np.expm1(-t / tau)) == pytest.approx(tau * np.log(2), rel=1e-3)
    assert m.time_to_fraction(t, np.ones_like(t)) != m.time_to_fraction(t, np.ones_like(t))  # nan: no rise
    for bad in (dict(t=[0.0, 1.0], values=[0.0]), dict(t=[1.0, 0.0], values=[0.0, 1.0])):
        with pytest.raises(ValueError, match="t and values"):
            m.time_to_fraction(**bad)
    with pytest.raises(ValueError, match="fraction"):
        m.time_to_fraction(t, t, 1.5)


def test_context_numbers_are_quoted_by_the_chapter_and_used_by_no_model():
    import inspect
    import json
    import pathlib

    from ketamine_sim.literature import BY_STAGE

    notebook = json.loads((pathlib.Path(__file__).parents[1] / "book/chapters/monoamine_time_lag.ipynb").read_text())
    chapter = "".join("".join(c["source"]) for c in notebook["cells"] if c["cell_type"] == "code")
    model_source = inspect.getsource(m)
    context = [r for r in BY_STAGE["monoamines"] if r.role == "context"]
    assert context and {r.role for r in BY_STAGE["monoamines"]} <= {"input", "calibration", "structural",
                                                                      "validation", "context"}
    for r in context:
        assert f'reference("{r.name}")' in chapter, f"{r.name} is quoted nowhere"
        assert r.name not in model_source, f"{r.name} is a context number but the model reads it"
