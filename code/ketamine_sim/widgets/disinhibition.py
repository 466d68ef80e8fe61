"""Explorers of the disinhibition chapter: the circuit over the dose range under the disinhibition or the direct
account, and the circuit's time course under the standard infusion."""

import functools
from dataclasses import dataclass, replace

import numpy as np

from ketamine_sim import circuit, mechanisms, pharmacokinetics
from ketamine_sim.literature import reference
from ketamine_sim.plots import disinhibition as disinhibition_plots
from ketamine_sim.widgets.core import Labelled, Slider, interactive_figure

CONC_UM = np.geomspace(0.01, 100.0, 161)  # held concentrations, µM
LOW_UM = reference("inhibition_falls_at_1uM").at  # Gerhard2020's "antidepressant" level, 1 µM
HIGH_UM = reference("inhibition_falls_at_10uM").at  # and its high one, 10 µM
PEAK_UM = pharmacokinetics.ANTIDEPRESSANT_PEAK_BRAIN_UM  # the model's brain peak of the standard infusion
DEFAULT = circuit.CIRCUIT
LAG_RANGE_MIN = (0.0, 30.0)
INFUSION_MIN = reference("standard_antidepressant_dose").at  # 40 min
T_H = np.linspace(0.0, 3.0, 361)  # the first 3 h in 30-s steps
LABELS = {"disinhibition": "Disinhibition", "direct": "Direct, block at rest"}


def hypothesis_of(switch):
    """The account named by the switch value: 0 "disinhibition", 1 "direct"."""
    return mechanisms.HYPOTHESES[int(round(float(switch)))]


def _hypothesis_text(v):
    return {"disinhibition": "disinhibition", "direct": "direct block at rest"}[hypothesis_of(v)]


def _rates_text(p):
    gap = f", fit {p.calibration_gap:.0%} short" if p.calibration_gap > 0 else ""
    return f"{p.pyramidal_rate_hz:g} Hz pyramidal, {p.interneuron_rate_hz:g} Hz interneurons{gap}"


# --- explorer 1: concentration -> the circuit -------------------------------------------------------------

@dataclass(frozen=True)
class DoseCircuit:
    hypothesis: str
    params: circuit.Microcircuit
    conc_uM: np.ndarray
    state: mechanisms.MechanismState
    marks: tuple = ((LOW_UM, f"{LOW_UM:g} µM"), (HIGH_UM, f"{HIGH_UM:g} µM"))

    @property
    def title(self):
        return f"{LABELS[self.hypothesis]}: {_rates_text(self.params)}"

    def at(self, field, conc_uM):
        """The readout ``field`` at a held concentration (log-interpolated)."""
        return float(np.interp(np.log(conc_uM), np.log(self.conc_uM), getattr(self.state, field)))


def dose_circuit(hypothesis=0, pyramidal_rate_hz=DEFAULT.pyramidal_rate_hz,
                 interneuron_rate_hz=DEFAULT.interneuron_rate_hz):
    """The circuit at held concentrations under one account (switch 0/1 or its name), at the given baseline rates."""
    hyp = hypothesis if isinstance(hypothesis, str) else hypothesis_of(hypothesis)
    p = mechanisms.circuit_for(float(pyramidal_rate_hz), float(interneuron_rate_hz))
    return DoseCircuit(hyp, p, CONC_UM, mechanisms.steady(CONC_UM, hyp, params=p))


def describe_dose(d):
    """Alt text: rates, glutamate and eEF2/BDNF at 1 and 10 µM, and whether glutamate rises then falls."""
    lo, hi = LOW_UM, HIGH_UM
    if d.hypothesis == "direct":
        circuit_text = "Firing rates and glutamate stay at their drug-free levels at every concentration"
    else:
        rises, falls = d.at("glutamate_rel", lo) > 1, d.at("glutamate_rel", hi) < 1
        shape = ("rises then falls below baseline (an inverted U)" if rises and falls else
                 f"rises and stays above baseline at {hi:g} µM (no inverted U at these rates)" if rises else
                 f"does not rise at {lo:g} µM at these rates")
        circuit_text = (f"At {lo:g} µM interneurons fire at {d.at('interneuron_rel', lo):.0%} and pyramidal cells at "
                        f"{d.at('pyramidal_rel', lo):.0%} of their drug-free rates; glutamate "
                        f"({d.at('glutamate_rel', lo):.2f} times baseline at {lo:g} µM, "
                        f"{d.at('glutamate_rel', hi):.2f} at {hi:g} µM) {shape}")
    return (f"{d.title}. {circuit_text}. Phosphorylated eEF2 is {d.at('eef2_phospho', lo):.2f} times baseline at "
            f"{lo:g} µM and {d.at('eef2_phospho', hi):.2f} at {hi:g} µM; extra BDNF release is "
            f"{d.at('bdnf', lo):.2f} and {d.at('bdnf', hi):.2f}.")


def explore_dose_circuit():
    """Account switch × the two ASSUMED baseline rates → rates, glutamate, eEF2 and BDNF over the dose range."""
    controls = [
        Labelled("hypothesis", "Account (disinhibition ↔ direct)", 0, 1, 1, 0, (0, 1), text=_hypothesis_text,
                 live_readout=False),
        Slider("pyramidal_rate_hz", "Pyramidal baseline (assumed)", *mechanisms.PYRAMIDAL_RANGE_HZ, 1.0,
               DEFAULT.pyramidal_rate_hz, (1.0, 3.0, 5.0), "Hz", ".0f"),
        Slider("interneuron_rate_hz", "Interneuron baseline (assumed)", *mechanisms.INTERNEURON_RANGE_HZ, 5.0,
               DEFAULT.interneuron_rate_hz, (10.0, 20.0, 30.0), "Hz", ".0f"),
    ]
    return interactive_figure(controls, dose_circuit, disinhibition_plots.dose_circuit, describe_dose,
                              "Concentration → the circuit: two accounts", figsize=(7.4, 3.4))


# --- explorer 2: when the drug arrives --------------------------------------------------------------------

@functools.lru_cache(maxsize=1)
def _brain_course():
    c = pharmacokinetics.brain_ketamine_uM(T_H)
    c.flags.writeable = False
    return c


@dataclass(frozen=True)
class Arrival:
    params: circuit.Microcircuit
    course: mechanisms.MechanismCourse
    infusion_min: float = INFUSION_MIN

    @property
    def lead_min(self):
        """How many minutes the interneuron fall leads the pyramidal rise (negative: the rise comes first)."""
        return self.course.pyramidal_onset_min - self.course.interneuron_onset_min

    @property
    def title(self):
        return f"Assumed pyramidal lag {self.params.pyramidal_lag_min:.0f} min; {_rates_text(self.params)}"


def arrival(pyramidal_lag_min=DEFAULT.pyramidal_lag_min, pyramidal_rate_hz=DEFAULT.pyramidal_rate_hz):
    """The disinhibition circuit over the first 3 h of the standard infusion, with an ASSUMED pyramidal lag."""
    lag = float(np.clip(pyramidal_lag_min, *LAG_RANGE_MIN))
    base = mechanisms.circuit_for(float(pyramidal_rate_hz), DEFAULT.interneuron_rate_hz)
    p = replace(base, pyramidal_lag_min=lag)
    return Arrival(p, mechanisms.course(T_H, "disinhibition", _brain_course(), params=p, signalling=False))


def describe_arrival(a):
    """Alt text: when each rate first changes by 5%, which comes first, and the glutamate peak."""
    r = a.course
    peak = int(np.argmax(r.glutamate_rel))
    order = (f"the interneuron fall leads by {a.lead_min:.1f} min" if a.lead_min > 0 else
             "the pyramidal rise comes no later than the interneuron fall")
    return (f"{a.title}. Brain ketamine peaks at {np.max(r.ketamine_uM):.2f} µM at the end of the "
            f"{a.infusion_min:.0f}-min infusion. Interneurons first fall 5% at {r.interneuron_onset_min:.0f} min and "
            f"pyramidal cells first rise 5% at {r.pyramidal_onset_min:.0f} min: {order}. Glutamate peaks at "
            f"{r.glutamate_rel[peak]:.2f} times baseline at {60 * r.t_h[peak]:.0f} min and is "
            f"{r.glutamate_rel[-1]:.2f} times baseline at 3 h.")


def explore_arrival():
    """ASSUMED pyramidal lag × ASSUMED pyramidal baseline → the circuit under the standard infusion."""
    controls = [
        Slider("pyramidal_lag_min", "Pyramidal lag (assumed)", *LAG_RANGE_MIN, 1.0, DEFAULT.pyramidal_lag_min,
               (0.0, 10.0, 30.0), "min", ".0f"),
        Slider("pyramidal_rate_hz", "Pyramidal baseline (assumed)", *mechanisms.PYRAMIDAL_RANGE_HZ, 1.0,
               DEFAULT.pyramidal_rate_hz, (1.0, 3.0, 5.0), "Hz", ".0f"),
    ]
    return interactive_figure(controls, arrival, disinhibition_plots.arrival, describe_arrival,
                              "When the drug arrives: the circuit under the standard infusion", figsize=(7.0, 5.4))
