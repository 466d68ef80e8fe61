"""Two mirror images: how much NMDA block racemic ketamine, esketamine (S) and arketamine (R) reach, and which
form "wins" once a hypothetical NMDA-independent route is added.

Block of a mixture (concentrations in µM, time in hours):

* S-equivalent concentration   c_eq = K_S · Σ c_i / K_i   over S- and R-ketamine and S- and R-norketamine
* block over time              θ(t) from :func:`ketamine_sim.receptors.block_kinetics` driven by c_eq as "S"

The receptor model depends on the drugs only through Σ c_i / K_i (one site, competitive occupancy), so c_eq
blocks exactly as much as the mixture.  Ki values: S-ketamine 0.30, R-ketamine 1.4, S-norketamine 1.7,
R-norketamine 13 µM ([³H]MK-801 site, rat brain; Ebert1997).  The pharmacokinetic stage already computes
norketamine (:mod:`ketamine_sim.pharmacokinetics`); this module is where its block is counted.

Which form wins (HYPOTHESIS route, claims #26 and #27 DEBATED):

* the NMDA route is the package's clinical chain (:func:`ketamine_sim.clinical.simulate`): block → plasticity →
  a fast functional and a slow structural component → effect E = D / (D + K);
* the optional NMDA-independent route adds ρ · r to each component in units of what one standard racemic
  infusion gives: F' = F + ρ r F₀(t), S' = S + ρ r S₀(t), where r is the R-ketamine dose relative to the
  0.25 mg/kg of R in that infusion and ρ = ``route_strength``.  ρ = 1 means the R in one standard infusion
  acts through the route as strongly again as the whole infusion's NMDA block.

Simplifications and assumptions (ASSUMED = no number in shared/science/facts.md):

* S and R follow the same kinetics, and racemic ketamine gives 50:50 S- and R-norketamine (ASSUMED: no
  stereoselective metabolism); norketamine's brain level equals its plasma level (partition 1, no delay, ASSUMED).
  Norketamine's own kinetics (fraction formed 0.8, half-life 5 h, volume 3 L/kg) are the ASSUMED values of
  :class:`ketamine_sim.pharmacokinetics.PkParams`.
* Binding Ki values from rat brain homogenate stand in for functional block in human cortex; the potency scale
  and Hill coefficient are the racemic calibration of :mod:`ketamine_sim.receptors` (Gerhard2020).
* The block is read on the typical 20-Hz cell of :mod:`ketamine_sim.receptors` (ASSUMED there).
* "Equal block" doses: the 40-min infusion of a form whose peak block equals that of a reference racemic dose.
* The clinical chain counts ketamine only (no norketamine), as :mod:`ketamine_sim.clinical` does.
* The NMDA-independent route is a HYPOTHESIS.  Its strength ρ is ASSUMED (default 0: no such route); it is
  taken to scale linearly with the R dose, to feed the same downstream chain with the time course of one
  standard infusion (Zanos2016 reported that HNK's effect in mice needs AMPA receptors; claims #14, #27), and to
  be carried by R-derived molecules only (R-ketamine itself or (2R,6R)-HNK: with linear kinetics both scale with
  the R dose, so the answer is the same); (2S,6S)-HNK and opioid signalling (claims #28) are not modelled.
"""

import functools
from dataclasses import dataclass

import numpy as np

from ketamine_sim import clinical, pharmacokinetics, receptors
from ketamine_sim._checks import in_range, one_of
from ketamine_sim.literature import reference

FORMS = receptors.FORMS  # ("racemic", "S", "R")
KI_UM = {"S": reference("ki_S_ketamine").value, "R": reference("ki_R_ketamine").value}  # Ebert1997
NORKETAMINE_KI_UM = {"S": reference("ki_S_norketamine").value, "R": reference("ki_R_norketamine").value}  # Ebert1997
SHARES = {"racemic": {"S": 0.5, "R": 0.5}, "S": {"S": 1.0}, "R": {"R": 1.0}}
TYPICAL_RATE_HZ = receptors.ESCAPE.typical_rate_hz  # the 20-Hz cell the block is calibrated on
REFERENCE_DOSE_MG_PER_KG = 0.5  # the standard infusion (Berman2000)
REFERENCE_R_MG_PER_KG = REFERENCE_DOSE_MG_PER_KG * SHARES["racemic"]["R"]  # 0.25 mg/kg of R in it
ROUTE_RANGE = (0.0, 5.0)
BASES = ("equal mass", "equal block")
COMPARISONS = ("clinical", "equal mass", "equal block")
HOURS = np.linspace(0.0, 12.0, 361)  # 2-min steps over the half day after a dose
TIE = 0.002  # effects closer than this (0-1 scale) count as a tie


def s_equivalent_uM(ketamine_uM, norketamine_uM=0.0, form="racemic"):
    """S-ketamine concentration (µM) that blocks as much as ``form`` at these ketamine and norketamine levels.

    c_eq = K_S Σ share_i (c_ket / K_i + c_nk / K_nk,i); arrays broadcast (Ebert1997 Ki values).
    """
    one_of("form", form, FORMS)
    c = in_range("ketamine_uM", ketamine_uM, *receptors.CONC_RANGE_UM, "uM")
    n = in_range("norketamine_uM", norketamine_uM, *receptors.CONC_RANGE_UM, "uM")
    occupancy = sum(share * (c / KI_UM[e] + n / NORKETAMINE_KI_UM[e]) for e, share in SHARES[form].items())
    return KI_UM["S"] * occupancy


@dataclass(frozen=True)
class FormBlock:
    """Brain ketamine, norketamine and the NMDA block they reach over time for one dose or schedule."""

    t_h: np.ndarray  # time, h
    ketamine_uM: np.ndarray  # brain (effect-site) ketamine, all forms, µM
    norketamine_uM: np.ndarray  # norketamine, all forms, µM
    s_equivalent_uM: np.ndarray  # S-ketamine that blocks as much, µM
    block: np.ndarray  # fraction of NMDA current blocked on the typical 20-Hz cell
    include_norketamine: bool

    @property
    def peak_block(self):
        return float(self.block.max())

    @property
    def block_hours(self):
        """Area under the block curve (fraction × h) over ``t_h``."""
        return float(np.sum(np.diff(self.t_h) * 0.5 * (self.block[1:] + self.block[:-1])))

    def hours_above(self, level):
        """Hours (on ``t_h``) during which the block exceeds ``level`` (fraction)."""
        lvl = float(in_range("level", level, 0.0, 1.0, "(fraction)"))
        step = np.gradient(self.t_h)
        return float(np.sum(step[self.block > lvl]))


def block_course(doses, t_h=HOURS, body_weight_kg=70.0, include_norketamine=True, rate_hz=TYPICAL_RATE_HZ,
                 params=pharmacokinetics.PK):
    """NMDA block over ``t_h`` (h, increasing) for a :class:`~ketamine_sim.pharmacokinetics.Dose` or a schedule.

    Each form's brain ketamine and norketamine (pharmacokinetics, with ``params``) → S-equivalent concentration →
    trapping block (receptors.block_kinetics).  ``include_norketamine=False`` counts ketamine only.
    """
    doses = (doses,) if isinstance(doses, pharmacokinetics.Dose) else tuple(doses)
    if not doses:
        raise ValueError("doses=() is not allowed; give one or more pharmacokinetics.Dose records")
    t = np.asarray(t_h, dtype=float)
    ket, nk, eq = np.zeros(t.shape), np.zeros(t.shape), np.zeros(t.shape)
    for form in dict.fromkeys(d.form for d in doses):
        pk = pharmacokinetics.simulate([d for d in doses if d.form == form], t, body_weight_kg, params)
        nk_form = pk.norketamine_uM if include_norketamine else 0.0
        ket, nk = ket + pk.brain_uM, nk + pk.norketamine_uM
        eq = eq + s_equivalent_uM(pk.brain_uM, nk_form, form)
    kin = receptors.block_kinetics(t, np.minimum(eq, receptors.CONC_RANGE_UM[1]), rate_hz, "S")
    return FormBlock(t, ket, nk, eq, kin.block, bool(include_norketamine))


def infusion(form, dose_mg_per_kg=REFERENCE_DOSE_MG_PER_KG):
    """A 40-min IV infusion of ``form`` at ``dose_mg_per_kg`` (the standard infusion's shape)."""
    return pharmacokinetics.standard_infusion(0.0, dose_mg_per_kg, 40.0, one_of("form", form, FORMS))


@functools.lru_cache(maxsize=32)
def equal_block_dose_mg_per_kg(form, reference_mg_per_kg=REFERENCE_DOSE_MG_PER_KG, include_norketamine=True):
    """Dose (mg/kg over 40 min) of ``form`` whose peak block equals that of ``reference_mg_per_kg`` racemic.

    Found by bisection (the peak block grows with the dose).  Without norketamine all three forms share one
    concentration shape, so the dose is simply scaled by the affinity ratio.
    """
    ref = float(in_range("reference_mg_per_kg", reference_mg_per_kg, 0.01, 2.0, "mg/kg"))
    target = block_course(infusion("racemic", ref), include_norketamine=include_norketamine).peak_block
    lo, hi = 0.0, pharmacokinetics.DOSE_RANGE_MG_PER_KG[1]
    for _ in range(40):
        mid = 0.5 * (lo + hi)
        peak = block_course(infusion(form, mid), include_norketamine=include_norketamine).peak_block
        lo, hi = (mid, hi) if peak < target else (lo, mid)
    return 0.5 * (lo + hi)


# --- which form wins? -----------------------------------------------------------------------------------------

@dataclass(frozen=True)
class FormEffect:
    """The antidepressant effect of one form at one time, with the share the NMDA-independent route carries."""

    form: str
    dose_mg_per_kg: float
    t_h: float
    functional: float  # NMDA-route functional component (units of the standard infusion's peak)
    structural: float  # NMDA-route structural component (same units)
    route_functional: float  # added by the NMDA-independent route (HYPOTHESIS)
    route_structural: float
    effect: float  # 0 (none) .. 1 (the model's maximum)
    nmda_only_effect: float  # the effect without the route


@functools.lru_cache(maxsize=8)
def _reference_components(t_h):
    """F₀, S₀: the components of one standard racemic infusion at ``t_h``."""
    r = clinical.simulate(np.array([t_h]), pharmacokinetics.standard_infusion())
    return float(r.functional[0]), float(r.structural[0])


@functools.lru_cache(maxsize=256)
def _nmda_components(form, dose_mg_per_kg, t_h):
    r = clinical.simulate(np.array([t_h]), infusion(form, dose_mg_per_kg))
    return float(r.functional[0]), float(r.structural[0])


def form_effect(form, dose_mg_per_kg=REFERENCE_DOSE_MG_PER_KG, route_strength=0.0, t_h=24.0):
    """Antidepressant effect of a 40-min infusion of ``form`` at ``t_h`` hours, NMDA route plus optional route.

    F' = F + ρ r F₀(t), S' = S + ρ r S₀(t), E = clinical.symptom_effect(F', S'); r = R dose / 0.25 mg/kg,
    ρ = ``route_strength`` (ASSUMED, 0 = no NMDA-independent route; the route is a HYPOTHESIS).
    """
    one_of("form", form, FORMS)
    dose = round(float(in_range("dose_mg_per_kg", dose_mg_per_kg, *pharmacokinetics.DOSE_RANGE_MG_PER_KG,
                                "mg/kg")), 9)
    rho = float(in_range("route_strength", route_strength, *ROUTE_RANGE))
    t = round(float(in_range("t_h", t_h, 1.0, 60 * 24.0, "h")), 6)
    f, s = _nmda_components(form, dose, t)
    f0, s0 = _reference_components(t)
    r = dose * SHARES[form].get("R", 0.0) / REFERENCE_R_MG_PER_KG
    rf, rs = rho * r * f0, rho * r * s0
    effect = float(clinical.symptom_effect(f + rf, s + rs))
    return FormEffect(form, dose, t, f, s, rf, rs, effect, float(clinical.symptom_effect(f, s)))


@dataclass(frozen=True)
class Contest:
    """The three forms compared on one basis at one time."""

    basis: str
    route_strength: float
    t_h: float
    results: tuple  # one FormEffect per form, in FORMS order

    @property
    def leaders(self):
        """The forms within :data:`TIE` of the largest effect (more than one: a tie)."""
        top = max(r.effect for r in self.results)
        return tuple(r.form for r in self.results if r.effect >= top - TIE)

    @property
    def winner(self):
        """The form with the largest effect, or "tie" when several are within :data:`TIE` of it."""
        return self.leaders[0] if len(self.leaders) == 1 else "tie"

    def effect(self, form):
        return next(r.effect for r in self.results if r.form == form)


def contest(basis="equal mass", route_strength=0.0, t_h=24.0, dose_mg_per_kg=REFERENCE_DOSE_MG_PER_KG):
    """Racemic, S and R compared at ``t_h``: each at ``dose_mg_per_kg`` ("equal mass") or at the dose that blocks
    NMDA receptors as much as that racemic dose ("equal block", ketamine only, as the clinical chain sees it)."""
    one_of("basis", basis, BASES)
    ref = float(in_range("dose_mg_per_kg", dose_mg_per_kg, 0.01, 2.0, "mg/kg"))
    doses = {f: ref if basis == "equal mass" or f == "racemic" else
             equal_block_dose_mg_per_kg(f, ref, include_norketamine=False) for f in FORMS}
    return Contest(basis, float(route_strength), float(t_h),
                   tuple(form_effect(f, doses[f], route_strength, t_h) for f in FORMS))


def crossover_strength(a="R", b="S", basis="equal mass", t_h=24.0, dose_mg_per_kg=REFERENCE_DOSE_MG_PER_KG):
    """Smallest route strength ρ at which form ``a`` beats form ``b`` (bisection; inf if not within ROUTE_RANGE)."""
    def ahead(rho):
        c = contest(basis, rho, t_h, dose_mg_per_kg)
        return c.effect(a) > c.effect(b)
    lo, hi = ROUTE_RANGE
    if ahead(lo):
        return 0.0
    if not ahead(hi):
        return float("inf")
    for _ in range(40):
        mid = 0.5 * (lo + hi)
        lo, hi = (lo, mid) if ahead(mid) else (mid, hi)
    return 0.5 * (lo + hi)


# --- clinical doses against each other ------------------------------------------------------------------------

def regimens(comparison="clinical"):
    """(label, doses, form) for the three regimens compared: clinical doses, equal mass or equal block."""
    one_of("comparison", comparison, COMPARISONS)
    if comparison == "clinical":
        return (("racemic 0.5 mg/kg IV", infusion("racemic"), "racemic"),
                ("esketamine 56 mg nasal", pharmacokinetics.esketamine_nasal(0.0, 56.0), "S"),
                ("esketamine 84 mg nasal", pharmacokinetics.esketamine_nasal(0.0, 84.0), "S"))
    rows = []
    for form in FORMS:
        dose = REFERENCE_DOSE_MG_PER_KG if comparison == "equal mass" or form == "racemic" else \
            equal_block_dose_mg_per_kg(form)
        name = {"racemic": "racemic", "S": "S (esketamine)", "R": "R (arketamine)"}[form]
        rows.append((f"{name} {dose:.2f} mg/kg IV", infusion(form, dose), form))
    return tuple(rows)
