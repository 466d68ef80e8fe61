"""Which assumptions carry the story: a global sensitivity analysis over the ASSUMED numbers of the whole chain.

One standard infusion (0.5 mg/kg over 40 min) runs through every stage, pharmacokinetics → circuit →
plasticity → symptoms, with a chosen set of ASSUMED parameters, and gives two headline outcomes:

* ``madrs_24h``: the drug-specific MADRS improvement at 24 h, M · E(24 h) (points; M fixed, see below);
* ``duration_days``: days from the start of the infusion until the effect falls below the relapse threshold
  for good (capped at :data:`HORIZON_DAYS`).

Method: Morris elementary-effects screening (SALib; Morris 1991, Campolongo 2007 μ*), each parameter moved
over its range in ``levels`` steps along ``trajectories`` random one-at-a-time paths: (k + 1) · trajectories
runs of the chain for k parameters.  μ* (the mean absolute elementary effect, in the outcome's unit) ranks how
much an outcome moves when one number moves over its range; σ says how much that depends on the others
(interactions, curvature).  Morris ranks; it does not apportion variance (a Sobol analysis would, at tens of
times the cost).

What stays fixed, and why (stated in the chapter):

* The clinical read-outs are held at the default model's values: the component scales F₁ and S₁, the relapse
  threshold (the effect left 8.5 days after one infusion, Abdallah2020Rapamycin) and M (MADRS points per unit
  effect, Murrough2013).  They are calibrations of the *scale*, so re-fitting them after every change would
  hide the change (the duration of one infusion would be 8.5 days by definition).
* The circuit's inhibitory weight w_EI is re-fitted to Abdallah2018MRS for every circuit parameter set
  (:func:`ketamine_sim.circuit.calibrated`), as the circuit stage always does; the central volume is re-fitted
  to the 0.78 µM peak (Zanos2018PharmRev) for every distribution share (:func:`pharmacokinetics.calibrated_params`).

Included: every ASSUMED number on the path from an IV dose to the symptom score that the stages' parameter
records expose (:data:`ASSUMPTIONS`, with where each number comes from), plus the plasticity window's gain, which
feeds only the LTP threshold and not the mood: a negative control that must rank last.  Left out, with the
reason, in :data:`LEFT_OUT`.  Ranges: half to double the assumed value (on a log scale) for rates, time
constants, gains and weights; stated ranges for shares bounded by 0 and 1 and for documented ranges.

The chain here is the clinical stage's, evaluated through the public calls of each stage with explicit drivers
(:func:`ketamine_sim.plasticity.simulate`), so its default outcomes agree with
:func:`ketamine_sim.clinical.single_infusion_effect` to within a few per cent (tested), not to the last digit.
"""

from dataclasses import dataclass, replace
from functools import lru_cache

import numpy as np

from ketamine_sim import circuit, clinical, pharmacokinetics, plasticity
from ketamine_sim._checks import in_range, one_of

HORIZON_DAYS = 60.0  # durations are capped here (the clinical stage's default horizon)
OUTCOMES = ("madrs_24h", "duration_days")
OUTCOME_LABELS = {"madrs_24h": "24-h improvement (MADRS points, drug-specific)",
                  "duration_days": "duration of benefit (days)"}
STAGES = ("pharmacokinetics", "circuit", "plasticity", "clinical")
TRAJECTORIES_RANGE = (2, 200)
LEVELS = 4


@dataclass(frozen=True)
class Assumption:
    """One ASSUMED number: the field of its stage's parameter record, its range, and where it comes from."""

    name: str
    stage: str  # one of STAGES: which parameter record holds it
    label: str
    default: float
    low: float
    high: float
    source: str  # where the number comes from (docstring of its module; chapter)
    log: bool = True

    def value(self, unit):
        """The value at ``unit`` (0–1) of the range: log-spaced for rates and gains, linear for shares."""
        u = np.asarray(unit, dtype=float)
        if self.log:
            return self.low * (self.high / self.low) ** u
        return self.low + u * (self.high - self.low)


def _x2(name, stage, label, default, source):
    return Assumption(name, stage, label, default, default / 2.0, default * 2.0, source)


_P, _C, _S = plasticity.PARAMS, circuit.CIRCUIT, clinical.SYMPTOMS
ASSUMPTIONS = (
    Assumption("fast_fraction", "pharmacokinetics", "share of the distribution phase", 0.5, 0.3, 0.7,
               "pharmacokinetics: no number in facts.md; V₁ re-fitted to the 0.78 µM peak", log=False),
    Assumption("pyramidal_rate_hz", "circuit", "pyramidal baseline rate", _C.pyramidal_rate_hz, 0.5, 2.0,
               "circuit: 1–5 Hz commonly quoted, UNVERIFIED; the anaesthetic fall needs 1–2 Hz"),
    Assumption("interneuron_rate_hz", "circuit", "interneuron baseline rate", _C.interneuron_rate_hz, 10.0, 30.0,
               "circuit: 10–30 Hz commonly quoted, UNVERIFIED", log=False),
    Assumption("nmda_share_pyramidal", "circuit", "NMDA share onto pyramidal cells", _C.nmda_share_pyramidal,
               0.5, 0.9, "circuit: ASSUMED", log=False),
    Assumption("nmda_share_interneuron", "circuit", "NMDA share onto interneurons", _C.nmda_share_interneuron,
               0.3, 0.7, "circuit: ASSUMED (raised by the MRS fit where needed)", log=False),
    Assumption("w_e_to_e", "circuit", "recurrent excitation w_EE", _C.w_e_to_e, 0.25, 0.75,
               "circuit: ASSUMED (must stay below 1)", log=False),
    _x2("w_e_to_i", "circuit", "pyramidal → interneuron w_IE", _C.w_e_to_i, "circuit: ASSUMED"),
    Assumption("basal_glutamate_share", "circuit", "activity-independent glutamate", _C.basal_glutamate_share,
               0.15, 0.6, "circuit: ASSUMED", log=False),
    _x2("pyramidal_lag_min", "circuit", "pyramidal response lag", _C.pyramidal_lag_min,
        "circuit: ASSUMED, stands for HomayounMoghaddam2007's delay"),
    _x2("tau_eef2_h", "plasticity", "τ eEF2", _P.tau_eef2_h, "plasticity: Autry2011 ≈30 min UNVERIFIED"),
    Assumption("eef2k_nmda_share", "plasticity", "eEF2 kinase share driven by NMDA", _P.eef2k_nmda_share, 0.4,
               1.0, "plasticity: ASSUMED", log=False),
    _x2("tau_bdnf_h", "plasticity", "τ BDNF", _P.tau_bdnf_h, "plasticity: ASSUMED"),
    _x2("w_surge", "plasticity", "surge route weight", _P.w_surge, "plasticity: ASSUMED (claim #10)"),
    _x2("w_rest", "plasticity", "block-at-rest route weight", _P.w_rest, "plasticity: ASSUMED (claim #13)"),
    _x2("tau_trkb_h", "plasticity", "τ TrkB", _P.tau_trkb_h, "plasticity: ASSUMED"),
    _x2("k_trkb", "plasticity", "TrkB half-activation K", _P.k_trkb, "plasticity: ASSUMED, with h set to Fava2020"),
    Assumption("trkb_hill", "plasticity", "TrkB cooperativity h", _P.trkb_hill, 2.0, 6.0,
               "plasticity: ASSUMED, calibrated to Fava2020's dose threshold", log=False),
    _x2("tau_mtor_h", "plasticity", "τ mTORC1", _P.tau_mtor_h, "plasticity: Li2010 ≈1 h UNVERIFIED"),
    _x2("tau_synth_h", "plasticity", "τ protein synthesis", _P.tau_synth_h, "plasticity: ASSUMED"),
    _x2("formation_gain", "plasticity", "spine formation gain", _P.formation_gain, "plasticity: ASSUMED"),
    _x2("elimination_per_day", "plasticity", "spine elimination rate", _P.elimination_per_day,
        "plasticity: ASSUMED, calibrated to Phoumthipphavong2016 (~2 weeks)"),
    _x2("tau_potentiation_h", "plasticity", "τ potentiation", _P.tau_potentiation_h,
        "plasticity: ASSUMED (decays over days, ModaSava2019)"),
    _x2("potentiation_gain", "plasticity", "potentiation gain", _P.potentiation_gain, "plasticity: ASSUMED"),
    _x2("window_gain", "plasticity", "plasticity-window gain (control)", _P.window_gain,
        "plasticity: ASSUMED (claim #24); feeds only the LTP threshold"),
    _x2("functional_weight", "clinical", "weight of the functional part", _S.functional_weight,
        "clinical: ASSUMED equal shares (ModaSava2019)"),
    _x2("structural_weight", "clinical", "weight of the structural part", _S.structural_weight,
        "clinical: ASSUMED equal shares (ModaSava2019)"),
    _x2("half_saturation", "clinical", "half-saturation K", _S.half_saturation,
        "clinical: ASSUMED (one infusion = half the maximum)"),
)
NAMES = tuple(a.name for a in ASSUMPTIONS)
BY_NAME = {a.name: a for a in ASSUMPTIONS}
CONTROL = "window_gain"  # the negative control: no path to the mood

LEFT_OUT = {
    "receptor kinetics (k_unblock, k_escape, typical rate)": "module constants of the receptor stage that the "
    "chain's calls do not take; the circuit's MRS fit absorbs part of them",
    "nbqx_block, rapamycin_block": "the strength of a blocker, used only when a link is switched off below",
    "tau_window_h": "like the window gain it feeds only the LTP threshold (one control is enough)",
    "norketamine constants, nasal absorption, intranasal bioavailability": "no path to the IV chain: norketamine "
    "does not feed the later stages, and the dose is intravenous",
    "relapse threshold (8.5 days), M, F₁, S₁": "calibrations of the clinical scale, held fixed (see above)",
    "numerical steps (fine/coarse step, active hours)": "numerics, not biology",
}


# --- one run of the chain --------------------------------------------------------------------------------

@lru_cache(maxsize=1)
def _grid_h():
    grid, _ = clinical.brain_drive(24.0 * HORIZON_DAYS, (pharmacokinetics.standard_infusion(),))
    grid.flags.writeable = False
    return grid


@lru_cache(maxsize=64)
def _brain_uM(pk_items):
    params = pharmacokinetics.calibrated_params(**dict(pk_items)) if pk_items else pharmacokinetics.PK
    pk = pharmacokinetics.simulate((pharmacokinetics.standard_infusion(),), _grid_h(), 70.0, params)
    return np.minimum(pk.brain_uM, plasticity.CONC_RANGE_UM[1])


@lru_cache(maxsize=256)
def _drivers(pk_items, circuit_items):
    """Brain ketamine, glutamate and pyramidal block on the grid (cached: one Morris step moves one number)."""
    brain = _brain_uM(pk_items)
    params = circuit.calibrated(**dict(circuit_items)) if circuit_items else circuit.CIRCUIT
    glu, block = plasticity.circuit_course(_grid_h(), brain, params=params)
    return brain, np.clip(glu, *plasticity.GLU_RANGE), np.clip(block, 0.0, 1.0)


def _split(values):
    """Group ``values`` (name → number) by stage as sorted item tuples; names must be in :data:`NAMES`."""
    groups = {stage: [] for stage in STAGES}
    for name, v in values.items():
        if name not in BY_NAME:
            raise ValueError(f"parameter {name!r} is not one of the chain's ASSUMED parameters; allowed: "
                             f"{', '.join(NAMES)}")
        a = BY_NAME[name]
        lo, hi = (a.low, a.high) if name != "w_surge" and name != "w_rest" else (0.0, a.high)
        groups[a.stage].append((name, float(in_range(name, v, lo, hi))))
    return {stage: tuple(sorted(items)) for stage, items in groups.items()}


@dataclass(frozen=True)
class ChainRun:
    """One standard infusion through the chain: the effect on the grid and the two headline outcomes."""

    t_h: np.ndarray
    functional: np.ndarray  # potentiation / F₁ (default model's single-infusion peak)
    structural: np.ndarray  # extra spines / S₁
    effect: np.ndarray  # 0–1
    madrs_24h: float  # drug-specific MADRS improvement at 24 h (points)
    duration_days: float  # days from the infusion's start until the effect stays below the threshold


def _components(values, switches):
    groups = _split(values)
    brain, glu, block = _drivers(groups["pharmacokinetics"], groups["circuit"])
    p = replace(plasticity.PARAMS, **dict(groups["plasticity"]))
    r = plasticity.simulate(_grid_h(), brain, glutamate_rel=glu, pyramidal_block=block, params=p, **switches)
    return r.potentiation, r.spine_density - 1.0, dict(groups["clinical"])


@lru_cache(maxsize=1)
def _scales():
    """F₁, S₁ and the relapse threshold of the default chain (held fixed for every parameter set)."""
    f, s, _ = _components({}, {})
    f1, s1 = float(f.max()), float(s.max())
    effect = clinical.symptom_effect(f / f1, np.maximum(s, 0.0) / s1)
    at = 24.0 * clinical.SYMPTOMS.relapse_after_single_days
    return f1, s1, float(np.interp(at, _grid_h(), effect))


def duration_days(t_h, effect, threshold):
    """Days from 0 until ``effect`` (on ``t_h``, h) falls below ``threshold`` for good; 0 if it never reaches it,
    :data:`HORIZON_DAYS` if it is still above it at the end."""
    above = np.flatnonzero(np.asarray(effect) >= threshold)
    if above.size == 0:
        return 0.0
    i = above[-1]
    if i == len(t_h) - 1:
        return HORIZON_DAYS
    e0, e1 = effect[i], effect[i + 1]
    frac = (e0 - threshold) / (e0 - e1) if e0 > e1 else 0.0
    return float((t_h[i] + frac * (t_h[i + 1] - t_h[i])) / 24.0)


def run(values=None, *, nbqx=False, rapamycin=False, spine_formation=True):
    """The chain under one standard infusion with the ASSUMED parameters ``values`` (name → number; others at
    their defaults) and the link switches of :func:`ketamine_sim.plasticity.simulate`.  Returns a :class:`ChainRun`.
    """
    f, s, symptoms = _components(values or {}, {"nbqx": nbqx, "rapamycin": rapamycin,
                                                "spine_formation": spine_formation})
    f1, s1, threshold = _scales()
    fn, sn = np.maximum(f, 0.0) / f1, np.maximum(s, 0.0) / s1
    effect = clinical.symptom_effect(np.minimum(fn, 1e3), np.minimum(sn, 1e3), replace(clinical.SYMPTOMS, **symptoms))
    t = _grid_h()
    points = clinical.madrs_points_per_effect() * float(np.interp(24.0, t, effect))
    return ChainRun(t, fn, sn, effect, points, duration_days(t, effect, threshold))


def outcomes(values=None):
    """(madrs_24h, duration_days) of :func:`run` for ``values``."""
    r = run(values)
    return r.madrs_24h, r.duration_days


# --- Morris screening ------------------------------------------------------------------------------------

def problem(names=NAMES):
    """The SALib problem: each named parameter on the unit interval (mapped by :meth:`Assumption.value`)."""
    for n in names:
        one_of("names", n, NAMES)
    return {"num_vars": len(names), "names": list(names), "bounds": [[0.0, 1.0]] * len(names)}


def design(trajectories=8, seed=0, names=NAMES):
    """The Morris design: an array (runs, k) of parameter values (their own units), (k + 1) · trajectories rows."""
    from SALib.sample import morris as morris_sample

    n = int(in_range("trajectories", trajectories, *TRAJECTORIES_RANGE, "trajectories"))
    s = int(in_range("seed", seed, 0, 2**32 - 1))
    unit = morris_sample.sample(problem(names), N=n, num_levels=LEVELS, seed=s)
    return np.column_stack([BY_NAME[name].value(unit[:, j]) for j, name in enumerate(names)]), unit


@dataclass(frozen=True)
class Ranking:
    """μ* and σ of each parameter for each outcome, and the design that gave them."""

    names: tuple
    mu_star: dict  # outcome -> array (k,), in the outcome's unit
    sigma: dict  # outcome -> array (k,)
    defaults: dict  # outcome -> value of the default chain
    runs: int
    trajectories: int
    seed: int

    def order(self, outcome):
        """Parameter names from most to least influential for ``outcome``."""
        one_of("outcome", outcome, OUTCOMES)
        return tuple(self.names[i] for i in np.argsort(-self.mu_star[outcome], kind="stable"))

    def top(self, outcome, n=3):
        return self.order(outcome)[:n]


@lru_cache(maxsize=8)
def morris(trajectories=8, seed=0, names=NAMES):
    """Morris screening of ``names`` (default: all of :data:`ASSUMPTIONS`) for both outcomes; cached."""
    from SALib.analyze import morris as morris_analyze

    values, unit = design(trajectories, seed, names)
    y = np.array([outcomes(dict(zip(names, row, strict=True))) for row in values])
    prob = problem(names)
    mu, sig = {}, {}
    for j, outcome in enumerate(OUTCOMES):
        res = morris_analyze.analyze(prob, unit, y[:, j], num_levels=LEVELS, num_resamples=10, seed=seed)
        mu[outcome] = np.asarray(res["mu_star"], dtype=float)
        sig[outcome] = np.asarray(res["sigma"], dtype=float)
    return Ranking(tuple(names), mu, sig, dict(zip(OUTCOMES, outcomes(), strict=True)), len(values),
                   int(trajectories), int(seed))


# --- switch each link off --------------------------------------------------------------------------------

@dataclass(frozen=True)
class LinkOff:
    """The chain with one link removed, beside what experiments found when that link was blocked."""

    link: str
    madrs_24h: float
    duration_days: float
    found: str  # what the experiment found (species, drug, design)
    key: str  # bibliography key
    grade: str  # claims.md grade of the claim the experiment bears on
    agrees: str  # "agrees", "disagrees" or "partly"


LINKS = (
    ("none (the full chain)", {}, {}, "the reference run", "Berman2000", "established", "agrees"),
    ("AMPA receptors (NBQX)", {}, {"nbqx": True},
     "mice: NBQX pretreatment blocks ketamine's antidepressant-like effect", "Maeng2008", "established", "agrees"),
    ("mTORC1 (rapamycin)", {}, {"rapamycin": True},
     "rats: intracortical rapamycin blocks spines and behaviour; patients: oral rapamycin kept the 24-h effect and "
     "prolonged the response", "Abdallah2020Rapamycin", "debated", "partly"),
    ("new spines", {}, {"spine_formation": False},
     "mice: deleting new spines keeps the first response, loses its maintenance", "ModaSava2019", "established",
     "partly"),
    ("block at rest (disinhibition alone)", {"w_rest": 0.0}, {},
     "mice: the rapid effect needs eEF2-dependent BDNF synthesis, set off by the NMDA block at rest", "Autry2011",
     "debated", "agrees"),
    ("surge route (direct model alone)", {"w_surge": 0.0}, {},
     "mice: GluN2B knock-down in interneurons blocks the effect; deleting it from pyramidal cells mimics it",
     "Gerhard2020", "debated", "partly"),
)


@lru_cache(maxsize=1)
def links_off():
    """One :class:`LinkOff` per row of :data:`LINKS` (the full chain first)."""
    rows = []
    for link, values, switches, found, key, grade, agrees in LINKS:
        r = run(values, **switches)
        rows.append(LinkOff(link, r.madrs_24h, r.duration_days, found, key, grade, agrees))
    return tuple(rows)
