"""The clinical time course: how much better a patient feels, hours to weeks after SSRIs or ketamine.

Ketamine (time ``t_h`` in hours from the first dose):

* dose schedule → brain ketamine (:mod:`ketamine_sim.pharmacokinetics`), S-ketamine converted to the racemic
  concentration that blocks NMDA receptors as much (:mod:`ketamine_sim.receptors`, Ebert1997 affinities)
* brain ketamine → the two components of :mod:`ketamine_sim.plasticity`: fast **functional** potentiation F(t)
  and slow **structural** extra spine density S(t) = spine_density − 1
* symptom model     D = w_F · F / F₁ + w_S · S / S₁,    E = D / (D + K)

F₁ and S₁ are the peaks of F and S after one standard infusion (0.5 mg/kg over 40 min; Berman2000), so one
standard infusion gives D ≈ 1 at its peak, and E = 1 only as D grows without bound: 0 = no effect, 1 = the
model's maximum.  SSRIs: :func:`ssri_effect` is :func:`ketamine_sim.monoamines.effect` (see there).

**The two-component split is a HYPOTHESIS** (claims #31): a modelling abstraction motivated by mouse data
(ModaSava2019: the first behavioural response does not need new spines, keeping it does; Phoumthipphavong2016:
spines stay raised about two weeks).  Its weights and time constants are assumed or fitted, not measured in
people.  Human data in fact disagree with one consequence: here rapamycin removes the structural component and
so shortens the effect, whereas oral rapamycin in patients *prolonged* the response (Abdallah2020Rapamycin;
claims #16 DEBATED).

Simplifications and assumptions (numbers without a facts.md source are marked ASSUMED):

* One deterministic "average patient"; no placebo response except the fixed midazolam term of
  :func:`madrs_change`, no individual differences, no response/remission statistics.  Population results such
  as Phillips2019's 59% response, the median of 3 infusions to respond, or the SUSTAIN-1 hazard ratios of
  Daly2019 are therefore **not** reproduced; only their direction (repeated dosing adds up, continued dosing
  keeps the effect) is.
* Weights w_F = w_S = 0.5 (ASSUMED: equal shares at the single-dose peak, so the first day stands mostly on the
  functional part and later days on the structural one, after ModaSava2019) and K = 1 (ASSUMED: one infusion
  gives half the model's maximum, leaving room for repeated doses to add up).
* Relapse: the effect falls below a threshold, and the threshold is *defined* as the effect left 8.5 days after
  one standard infusion, the middle of the typical 3–14 days (Abdallah2020Rapamycin): a calibration, not a
  prediction.  That repeated and weekly infusions then keep the effect above it (Phillips2019) is a check.
* MADRS points: a change of −(8.8 + M · E) points, the 8.8 being the midazolam group's 24-h change
  (Murrough2013) held constant (ASSUMED: valid only around 24 h), and M fitted so that one standard infusion
  gives the ketamine group's −16.5 at 24 h (Murrough2013): a calibration.
* Esketamine acts through S-ketamine only and its NMDA block is converted to an equivalent racemic
  concentration; all other S/R differences (claims #26 DEBATED) and the metabolites (claims #27) are ignored.
* Numerics: the circuit and plasticity stages run on one grid, every 5 min for 6 h after each dose start and
  every 30 min otherwise (:func:`brain_drive`, :func:`ketamine_sim.plasticity.on_grid`), so a schedule costs
  one pass over that grid: linear in the number of doses and in the time span.  Schedules up to two years run
  (a year of weekly infusions or of twice-weekly esketamine takes tens of ms).

Dose (Fava2020, dose-ranging 0.1/0.2/0.5/1.0 mg/kg over 40 min against midazolam): a dose counts as
distinguishable from midazolam when its drug-specific MADRS change at 24 h (−M · E) is at least half that of
0.5 mg/kg (the half is ASSUMED: the trial's spread is not in our sources).  The TrkB cooperativity of
:mod:`ketamine_sim.plasticity` is chosen to meet this, so the agreement is a calibration: 0.1 and 0.2 mg/kg give
about 14% and 42% of the standard dose's drug effect, 1.0 mg/kg about 140%.  **Above 1 mg/kg** there are no
human antidepressant data in our sources; the model then assumes that more drug still adds, with saturation
(2 mg/kg ≈ 1.6×, 20 mg/kg ≈ 2× the standard dose), because the block-at-rest route keeps growing while the surge
route shrinks with the rodent inverted U of glutamate (Moghaddam1997).  Treat anaesthetic doses as outside it.

Checks (``literature/clinical.py``): onset within about 2 h (Zarate2006), peak around a day (Fava2020), benefit
outlasting the drug (Berman2000), six infusions acting more than one and weekly infusions keeping the effect
(Phillips2019) are predictions; relapse in 3–14 days (Abdallah2020Rapamycin) and the 24-h MADRS changes
(Murrough2013) are calibrations.  Not reproduced: esketamine at day 28 of TRANSFORM-2 gives a drug-specific
change of about −7 MADRS points here against −4.0 published (95% CI −7.31 to −0.64; Popova2019), so the model
overstates esketamine (its MADRS scale comes from IV racemic ketamine against midazolam).
"""

import dataclasses
import functools
from dataclasses import dataclass

import numpy as np

from ketamine_sim import monoamines, pharmacokinetics, plasticity, receptors
from ketamine_sim._checks import in_range
from ketamine_sim.literature import reference

T_RANGE_H = (0.0, min(pharmacokinetics.T_MAX_H, plasticity.T_RANGE_H[1]))
DOSE_RANGE_MG_PER_KG = pharmacokinetics.DOSE_RANGE_MG_PER_KG
COMPONENT_RANGE = (0.0, 1.0e3)  # components in units of their single-infusion peak
_STEPS = ((5.0 / 60.0, 3.0), (0.25, 8.0), (0.5, 24.0), 1.0)  # (step h, until h after each dose start)..., coarse step


@dataclass(frozen=True)
class SymptomParams:
    """How the functional and structural components add up to an antidepressant effect (module docstring)."""

    functional_weight: float = 0.5  # ASSUMED (ModaSava2019: first response without new spines)
    structural_weight: float = 0.5  # ASSUMED (ModaSava2019: new spines keep the response)
    half_saturation: float = 1.0  # ASSUMED: one standard infusion gives half the model's maximum
    relapse_after_single_days: float = reference("single_infusion_relapse").value  # Abdallah2020Rapamycin


SYMPTOMS = SymptomParams()


def symptom_drive(functional, structural, params=SYMPTOMS):
    """The drive D = w_F F + w_S S (≥ 0) from the two components (arrays that broadcast), each in units of its peak
    after one standard infusion (≥ 0)."""
    f = in_range("functional", functional, *COMPONENT_RANGE, "(x single-infusion peak)")
    s = in_range("structural", structural, *COMPONENT_RANGE, "(x single-infusion peak)")
    in_range("functional_weight", params.functional_weight, 0.0, 1e6)
    in_range("structural_weight", params.structural_weight, 0.0, 1e6)
    return params.functional_weight * f + params.structural_weight * s


def effect_of_drive(drive, params=SYMPTOMS):
    """Antidepressant effect E = D / (D + K) (0–1) of a drive D ≥ 0 (:func:`symptom_drive`)."""
    d = in_range("drive", drive, 0.0, np.inf, "(x single-infusion drive)")
    k = float(in_range("half_saturation", params.half_saturation, 1e-6, 1e6))
    return d / (d + k)


def symptom_effect(functional, structural, params=SYMPTOMS):
    """Antidepressant effect (0–1) from the functional and structural components (arrays, same shape).

    Each component is in units of its peak after one standard infusion (≥ 0).  D = w_F F + w_S S,
    E = D / (D + K).  The split into two components is a HYPOTHESIS (claims #31).
    """
    return effect_of_drive(symptom_drive(functional, structural, params), params)


# --- the pipeline: doses → brain ketamine → plasticity → components -------------------------------------

_AFFINITY_TO_RACEMIC = {f: receptors.half_block_conc_uM("racemic") / receptors.half_block_conc_uM(f)
                        for f in receptors.FORMS}


def _drive_times(t_max_h, starts_h):
    """Increasing sample times for the brain concentration: finest after each dose start, coarser later."""
    *tiers, coarse_h = _STEPS
    starts = np.asarray(starts_h, dtype=float)[:, None]
    parts, begin = [np.arange(0.0, t_max_h + coarse_h, coarse_h), [t_max_h]], 0.0
    for step_h, until_h in tiers:
        parts.append((starts + np.arange(begin, until_h, step_h)).ravel())
        begin = until_h
    t = np.unique(np.round(np.concatenate(parts), 6))  # no sub-ms steps
    return t[t <= t_max_h]


def as_doses(doses):
    doses = (doses,) if isinstance(doses, pharmacokinetics.Dose) else tuple(doses)
    if not doses or not all(isinstance(d, pharmacokinetics.Dose) for d in doses):
        raise ValueError(f"doses={doses!r} is not allowed; give one or more pharmacokinetics.Dose records "
                         "(e.g. pharmacokinetics.standard_infusion())")
    return doses


@dataclass(frozen=True)
class ClinicalResult:
    """Ketamine's antidepressant effect and what carries it, at the times ``t_h`` (hours from the first dose)."""

    t_h: np.ndarray
    brain_uM: np.ndarray  # brain ketamine as the racemic concentration blocking NMDA receptors as much
    potentiation: np.ndarray  # plasticity's functional component (fraction)
    spine_density: np.ndarray  # plasticity's structural component (1 = depressed baseline)
    functional: np.ndarray  # potentiation in units of its single-infusion peak
    structural: np.ndarray  # extra spines in units of their single-infusion peak
    effect: np.ndarray  # antidepressant effect, 0 (none) .. 1 (model's maximum)
    relapse_threshold: float  # effect below which the patient counts as relapsed
    doses: tuple
    plasticity: plasticity.PlasticityResult  # every stage of the synaptogenesis chain at t_h


def _drive(t_max_h, doses, body_weight_kg):
    """The internal drive grid (h) and the NMDA-equivalent racemic brain ketamine on it (µM)."""
    grid = _drive_times(t_max_h, [round(d.start_h, 6) for d in doses])
    pk = pharmacokinetics.simulate(doses, grid, body_weight_kg)
    brain = sum(c * _AFFINITY_TO_RACEMIC[f] for f, c in pk.brain_by_form_uM.items())
    return grid, np.minimum(brain, plasticity.CONC_RANGE_UM[1])


def brain_drive(t_h, doses, body_weight_kg=70.0):
    """(grid, brain) : the times (h) and NMDA-equivalent racemic brain ketamine (µM) that drive the later stages.

    Covers 0 to the latest of ``t_h``; fine steps after each dose start, coarse ones elsewhere.
    """
    return _drive(max(float(np.max(t_h, initial=0.0)), _STEPS[-1]), as_doses(doses), body_weight_kg)


def _raw(t_max_h, doses, body_weight_kg, switches):
    """The plasticity stage on the internal drive grid, fed the NMDA-equivalent racemic brain ketamine."""
    grid, brain = _drive(t_max_h, doses, body_weight_kg)
    return plasticity.on_grid(grid, brain, **switches)


def course_on_grid(doses, until_h, body_weight_kg=70.0):
    """Every plasticity stage of a schedule on the internal drive grid from 0 to ``until_h`` (h), not resampled:
    a :class:`ketamine_sim.plasticity.PlasticityResult` whose ``t_h`` is that grid (:func:`brain_drive`)."""
    until = float(in_range("until_h", until_h, *T_RANGE_H, "h"))
    return _raw(max(until, _STEPS[-1]), as_doses(doses), body_weight_kg, {})


@functools.lru_cache(maxsize=1)
def single_infusion_peaks():
    """Peaks of potentiation and of extra spine density after one standard 0.5 mg/kg, 40-min infusion."""
    pl = _raw(21 * 24.0, (pharmacokinetics.standard_infusion(),), 70.0, {})
    return float(pl.potentiation.max()), float(pl.spine_density.max() - 1.0)


def components(potentiation, spine_density):
    """(functional, structural): potentiation and extra spine density in units of their single-infusion peaks."""
    f1, s1 = single_infusion_peaks()
    return np.maximum(potentiation, 0.0) / f1, np.maximum(spine_density - 1.0, 0.0) / s1


@functools.lru_cache(maxsize=8)
def relapse_threshold(params=SYMPTOMS):
    """Effect below which the model patient counts as relapsed (0–1).

    Defined as the effect left ``relapse_after_single_days`` after one standard infusion (default 8.5 days, the
    middle of the typical 3–14 days, Abdallah2020Rapamycin): a calibration of the threshold.
    """
    days = in_range("relapse_after_single_days", params.relapse_after_single_days, 2.0, 60.0, "days")
    *_, effect, _ = _evaluate(24.0 * days, (pharmacokinetics.standard_infusion(),), {}, 70.0, params)
    return float(effect)


def _evaluate(t, doses, switches, body_weight_kg, params):
    """Brain ketamine, both plasticity outputs, both components, the effect and every plasticity stage at ``t``."""
    t_max = max(float(np.max(t, initial=0.0)), _STEPS[-1])
    pl = _raw(t_max, doses, body_weight_kg, switches)
    stages = plasticity.PlasticityResult(**{f.name: t if f.name == "t_h" else np.interp(t, pl.t_h, getattr(pl, f.name))
                                            for f in dataclasses.fields(pl)})
    functional, structural = components(stages.potentiation, stages.spine_density)
    effect = symptom_effect(functional, structural, params)
    return stages.ketamine_uM, stages.potentiation, stages.spine_density, functional, structural, effect, stages


def simulate(t_h, doses, *, nbqx=False, rapamycin=False, spine_formation=True, body_weight_kg=70.0,
             params=SYMPTOMS):
    """Effect of a ketamine or esketamine schedule at ``t_h`` (hours from the first dose, 0–17520; any order).

    ``doses``: a :class:`ketamine_sim.pharmacokinetics.Dose` or a sequence of them.  Switches are passed to the
    plasticity stage (AMPA block, mTORC1 block, no new spines).  Returns a :class:`ClinicalResult`.
    """
    doses = as_doses(doses)
    t = in_range("t_h", t_h, *T_RANGE_H, "h")
    switches = {"nbqx": nbqx, "rapamycin": rapamycin, "spine_formation": spine_formation}
    *parts, stages = _evaluate(t, doses, switches, body_weight_kg, params)
    return ClinicalResult(t, *parts, relapse_threshold(params), doses, stages)


def schedule_effect(t_h, doses, params=SYMPTOMS):
    """Antidepressant effect (0–1) at ``t_h`` hours for a schedule of ``doses``; see :func:`simulate`."""
    return simulate(t_h, doses, params=params).effect


def single_infusion_effect(t_h, dose_mg_per_kg=0.5, infusion_min=40.0, params=SYMPTOMS):
    """Antidepressant effect (0–1) at ``t_h`` hours after the start of one IV infusion (default 0.5 mg/kg/40 min).

    Fast functional plus slow structural component (claims #31, a HYPOTHESIS); onset within hours, peak around
    a day, gone within days to two weeks.
    """
    dose = float(in_range("dose_mg_per_kg", dose_mg_per_kg, *DOSE_RANGE_MG_PER_KG, "mg/kg"))
    return schedule_effect(t_h, pharmacokinetics.standard_infusion(0.0, dose, infusion_min), params)


def ssri_effect(t_days, hypothesis="autoreceptor"):
    """Antidepressant effect (0–1) after ``t_days`` days of daily SSRI treatment (0–730 days).

    Serotonin rises within hours, the effect over weeks (claims #1); ``hypothesis`` "autoreceptor" or
    "plasticity" says what is slow (claims #3, DEBATED).  See :mod:`ketamine_sim.monoamines`.
    """
    return monoamines.effect(t_days, hypothesis)


# --- schedules and readouts ----------------------------------------------------------------------------

def repeated_infusions(weekly_maintenance=0, dose_mg_per_kg=0.5):
    """Six 0.5 mg/kg infusions over two weeks (Phillips2019), then ``weekly_maintenance`` weekly infusions.

    Weekly doses start one week after the last of the six (day 11 + 7, ...).
    """
    n = int(in_range("weekly_maintenance", weekly_maintenance, 0, 10, "infusions"))
    dose = float(in_range("dose_mg_per_kg", dose_mg_per_kg, *DOSE_RANGE_MG_PER_KG, "mg/kg"))
    six = pharmacokinetics.six_infusions_two_weeks(dose)
    last = six[-1].start_h
    return six + tuple(pharmacokinetics.standard_infusion(last + 7 * 24.0 * (k + 1), dose) for k in range(n))


def esketamine_course(maintenance_weeks=4, dose_mg=56.0):
    """Spravato for resistant depression: twice weekly for 4 weeks, then ``maintenance_weeks`` weekly doses."""
    return pharmacokinetics.esketamine_schedule(dose_mg, dose_mg, maintenance_weeks)


def relapse_time_h(doses, params=SYMPTOMS, horizon_h=60 * 24.0, **switches):
    """Hours from the start of the last dose until the effect falls below :func:`relapse_threshold` for good.

    0 if the effect never reaches the threshold after the last dose; ``inf`` if it is still above it
    ``horizon_h`` hours later (default 60 days; cut at the model's two-year range).
    """
    doses = as_doses(doses)
    last = max(d.start_h for d in doses)
    horizon = min(float(in_range("horizon_h", horizon_h, 1.0, T_RANGE_H[1], "h")), T_RANGE_H[1] - last)
    t = np.arange(last, last + horizon + 0.25, 0.25)
    r = simulate(t, doses, params=params, **switches)
    above = np.flatnonzero(r.effect >= r.relapse_threshold)
    if above.size == 0:
        return 0.0
    if above[-1] == t.size - 1:
        return float("inf")
    return float(t[above[-1] + 1] - last)


def madrs_change(effect, include_placebo=True):
    """MADRS change (points, negative = better) for an ``effect`` (0–1), as read 24 h after dosing.

    −(8.8 + M · E): 8.8 is the midazolam group's 24-h change and M is fitted so that one standard infusion gives
    the ketamine group's −16.5 (Murrough2013, a calibration).  ``include_placebo=False`` returns −M · E only.
    """
    e = in_range("effect", effect, 0.0, 1.0, "(0-1)")
    return -(_PLACEBO_POINTS * bool(include_placebo) + madrs_points_per_effect() * e)


_PLACEBO_POINTS = -reference("murrough2013_madrs_24h_midazolam").value  # 8.8 points (Murrough2013)


@functools.lru_cache(maxsize=1)
def madrs_points_per_effect():
    """M: MADRS points per unit effect, fitted to Murrough2013 (ketamine −16.5 vs midazolam −8.8 at 24 h)."""
    ket = reference("murrough2013_madrs_24h_ketamine")
    return (-ket.value - _PLACEBO_POINTS) / float(single_infusion_effect(ket.at))
