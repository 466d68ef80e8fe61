"""Indications: one molecule at four doses — plasma, brain and NMDA block against the bands where each effect
is reported.

Each regimen is a dose record of :mod:`~ketamine_sim.pharmacokinetics`; its brain (effect-site) course drives the
package's one model of the block (:func:`~ketamine_sim.receptors.block_kinetics`, partial trapping, at the
typical activity of 20 Hz to which the Gerhard2020 calibration refers).  Nothing new is fitted here.

* Regimens: the analgesic IV bolus 0.15 mg/kg (Zanos2018PharmRev), the antidepressant infusion 0.5 mg/kg over
  40 min (Berman2000; Fava2020), the esketamine nasal spray 56 mg, the label's day-1 dose (SpravatoLabel; a
  70-kg adult, ASSUMED), and the anaesthetic IV bolus 2 mg/kg, the label's mean induction dose (KetalarLabel).
* Bands: plasma levels reported with each effect (Zanos2018PharmRev, table of a review): analgesia at 0.15 mg/kg
  IV 70–160 ng/mL, dissociation during the antidepressant infusion 100–250 ng/mL, general anaesthesia 1200–2400
  ng/mL.  They are read from ``literature.pharmacokinetics``, with the role each has there: the analgesic and
  dissociation bands are *validations* (the model was fitted to neither), the anaesthesia band a validation the
  model *misses* (its 2 mg/kg bolus peaks at about 4.8 µM plasma); the antidepressant infusion's own 0.78 µM peak
  is the *calibration* of the central volume.  The esketamine spray has no published level in our sources: its
  course is a prediction nobody has checked here.
* A band is a plasma band: the reported numbers are plasma levels.  The brain level is the model's effect site
  (23-s equilibration, Sleigh2019), with brain = plasma at equilibrium (ASSUMED partition coefficient 1).
* Block: the kinetic block lags the brain level because ketamine enters only open channels (unblocking rate
  ``k_unblock_per_s`` = 0.02 /s, ASSUMED in :mod:`~ketamine_sim.receptors`); ``block_equilibrium`` is the block
  each moment's level would give if held.  What block each *effect* needs is not in our sources: the block at a
  band's edges is the model's translation of a plasma band, not a measurement.
"""

from dataclasses import dataclass, replace
from functools import lru_cache

import numpy as np

from ketamine_sim import pharmacokinetics as pk
from ketamine_sim import receptors
from ketamine_sim._checks import in_range, one_of
from ketamine_sim.literature import reference

T_MAX_H = 12.0
TYPICAL_RATE_HZ = receptors.ESCAPE.typical_rate_hz  # the activity of the Gerhard2020 calibration (ASSUMED 20 Hz)
ESKETAMINE_MG = 56.0  # SpravatoLabel: the day-1 dose
BODY_WEIGHT_KG = 70.0  # ASSUMED adult, for the spray's dose in mg
K_UNBLOCK_RANGE_PER_S = (0.002, 1.0)
DOSE_RANGE_MG_PER_KG = (0.02, pk.ANAESTHETIC_IV_RANGE_MG_PER_KG[1])  # up to the label's largest IV dose
INFUSION_RANGE_MIN = (0.0, 60.0)  # 0 = bolus


@dataclass(frozen=True)
class Regimen:
    """A named dose with the source of its route and amount."""

    name: str
    label: str
    dose: pk.Dose
    key: str

    @property
    def mg_per_kg(self):
        """The nominal dose in mg/kg (a spray in mg divided by the ASSUMED 70 kg)."""
        return self.dose.mg_per_kg(BODY_WEIGHT_KG)


REGIMENS = (
    Regimen("analgesic", "analgesic 0.15 mg/kg IV bolus", pk.iv_bolus(0.0, 0.15), "Zanos2018PharmRev"),
    Regimen("antidepressant", "antidepressant 0.5 mg/kg IV over 40 min", pk.standard_infusion(),
            "Berman2000"),
    Regimen("esketamine", "esketamine 56 mg nasal spray", pk.esketamine_nasal(0.0, ESKETAMINE_MG), "SpravatoLabel"),
    Regimen("anaesthetic", "anaesthetic 2 mg/kg IV bolus", pk.anaesthetic_bolus(), "KetalarLabel"),
)
NAMES = tuple(r.name for r in REGIMENS)


def regimen(name):
    """The :class:`Regimen` called ``name`` (one of :data:`NAMES`)."""
    one_of("name", name, NAMES)
    return REGIMENS[NAMES.index(name)]


@dataclass(frozen=True)
class Band:
    """A plasma range (µM) in which an effect is reported, with the literature row it comes from and its role."""

    name: str
    label: str
    low_uM: float
    high_uM: float
    key: str
    role: str
    reproduced: bool


def _band(name, label, row, low=None, high=None):
    ref = reference(row)
    lo = ref.value - ref.tolerance if low is None else reference(low).value
    hi = ref.value + ref.tolerance if high is None else reference(high).value
    return Band(name, label, float(lo), float(hi), ref.key, ref.role, ref.reproduced)


BANDS = (
    _band("analgesia", "analgesia (0.15 mg/kg)", "analgesic_plasma_range"),
    _band("dissociation", "dissociation (0.5 mg/kg)", "dissociation_plasma_range"),
    _band("anaesthesia", "general anaesthesia", "anaesthetic_bolus_plasma_range", "anaesthetic_plasma_low",
          "anaesthetic_plasma_high"),
)
BAND_NAMES = tuple(b.name for b in BANDS)


def band(name):
    """The :class:`Band` called ``name`` (one of :data:`BAND_NAMES`)."""
    one_of("name", name, BAND_NAMES)
    return BANDS[BAND_NAMES.index(name)]


def time_grid_h(t_max_h=6.0, n=720):
    """Times (h) from 0 to ``t_max_h``: 6-s steps over the first 6 min (boluses), then even steps."""
    end = float(in_range("t_max_h", t_max_h, 0.2, T_MAX_H, "h"))
    if not 50 <= n <= 20000:
        raise ValueError(f"n={n!r} is outside the allowed range [50, 20000] points")
    early = np.linspace(0.0, 0.1, 61)
    return np.concatenate([early, np.linspace(0.1, end, n - 60)[1:]])


@dataclass(frozen=True)
class Course:
    """Plasma, brain and NMDA block (fractions, at :data:`TYPICAL_RATE_HZ`) over ``t_h`` for one dose."""

    t_h: np.ndarray
    plasma_uM: np.ndarray
    brain_uM: np.ndarray
    block: np.ndarray  # kinetic block: the channel must open to be blocked or unblocked
    block_equilibrium: np.ndarray  # the block each moment's brain level would give if held
    form: str
    label: str = ""

    def peak(self, field):
        """The largest value of ``field`` ("plasma_uM", "brain_uM", "block", "block_equilibrium")."""
        return float(np.max(getattr(self, field)))

    def peak_time_min(self, field):
        """When ``field`` peaks, minutes after the dose starts."""
        return float(60.0 * self.t_h[int(np.argmax(getattr(self, field)))])

    def at(self, field, t_min):
        """``field`` at ``t_min`` minutes (linear interpolation)."""
        return float(np.interp(t_min / 60.0, self.t_h, getattr(self, field)))

    def minutes_in(self, band_or_name, field="plasma_uM"):
        """Minutes ``field`` spends inside a band (low ≤ level ≤ high), counted on the time grid."""
        b = band(band_or_name) if isinstance(band_or_name, str) else band_or_name
        level = getattr(self, field)
        inside = (level >= b.low_uM) & (level <= b.high_uM)
        return _minutes(self.t_h, inside)

    def minutes_above(self, level_uM, field="plasma_uM"):
        """Minutes ``field`` spends at or above ``level_uM``."""
        return _minutes(self.t_h, getattr(self, field) >= level_uM)

    def bands_reached(self, field="plasma_uM"):
        """Names of the bands whose lower edge ``field`` reaches."""
        top = self.peak(field)
        return tuple(b.name for b in BANDS if top >= b.low_uM)


def _minutes(t_h, mask):
    """Total minutes of the grid intervals whose two ends both satisfy ``mask``."""
    both = mask[1:] & mask[:-1]
    return float(60.0 * np.sum(np.diff(t_h)[both]))


def _blocks(t_h, brain_uM, form, k_unblock_per_s):
    params = replace(receptors.KETAMINE_BLOCK, k_unblock_per_s=k_unblock_per_s)
    kin = receptors.block_kinetics(t_h, brain_uM, TYPICAL_RATE_HZ, form, params=params)
    return kin.block, receptors.nmda_block_fraction(brain_uM, form)


def course(dose, t_h=None, params=pk.PK, k_unblock_per_s=receptors.KETAMINE_BLOCK.k_unblock_per_s, label=""):
    """The :class:`Course` of one :class:`~ketamine_sim.pharmacokinetics.Dose` (or a regimen's name) over ``t_h``.

    ``params``: pharmacokinetic constants (e.g. ``pk.calibrated_params(fast_fraction=0.8)``); ``k_unblock_per_s``:
    the ASSUMED rate at which ketamine enters and leaves an open channel (0.002–1 /s).
    """
    if isinstance(dose, str):
        r = regimen(dose)
        dose, label = r.dose, label or r.label
    k = float(in_range("k_unblock_per_s", k_unblock_per_s, *K_UNBLOCK_RANGE_PER_S, "/s"))
    t = time_grid_h() if t_h is None else in_range("t_h", t_h, 0.0, T_MAX_H, "h")
    r = pk.simulate(dose, t, BODY_WEIGHT_KG, params)
    block, equilibrium = _blocks(t, r.brain_uM, r.form, k)
    return Course(t, r.plasma_uM, r.brain_uM, block, equilibrium, r.form, label)


@lru_cache(maxsize=64)
def regimen_course(name, fast_fraction=pk.PK.fast_fraction, k_unblock_per_s=receptors.KETAMINE_BLOCK.k_unblock_per_s):
    """:func:`course` of a named regimen on the default grid, with the ASSUMED fast share and unblocking rate."""
    in_range("fast_fraction", fast_fraction, 0.05, 0.95)
    params = pk.PK if fast_fraction == pk.PK.fast_fraction else pk.calibrated_params(fast_fraction=fast_fraction)
    return course(name, params=params, k_unblock_per_s=k_unblock_per_s)


def iv_dose(dose_mg_per_kg, infusion_min=0.0):
    """An IV dose (mg/kg) given as a bolus (``infusion_min`` 0) or over ``infusion_min`` minutes (≤ 60)."""
    d = float(in_range("dose_mg_per_kg", dose_mg_per_kg, *DOSE_RANGE_MG_PER_KG, "mg/kg"))
    m = float(in_range("infusion_min", infusion_min, *INFUSION_RANGE_MIN, "min"))
    return pk.iv_bolus(0.0, d) if m == 0 else pk.standard_infusion(0.0, d, m)


def band_edge_block(form="racemic"):
    """{band name: (block at its low edge, at its high edge)}: the equilibrium block the model gives a band."""
    return {b.name: (float(receptors.nmda_block_fraction(b.low_uM, form)),
                     float(receptors.nmda_block_fraction(b.high_uM, form))) for b in BANDS}


@dataclass(frozen=True)
class DoseBlock:
    """Peak kinetic block and minutes of brain level above each band's low edge over a range of IV doses."""

    dose_mg_per_kg: np.ndarray
    infusion_min: float
    peak_block: np.ndarray
    minutes_above: dict  # band name -> array over doses (brain level at or above the band's low edge)


def dose_block(dose_mg_per_kg=None, infusion_min=0.0, k_unblock_per_s=receptors.KETAMINE_BLOCK.k_unblock_per_s,
               t_h=None):
    """Peak block and time above each band vs IV dose.  The pharmacokinetics are linear, so one unit-dose course
    is scaled; the block of every dose is integrated in one call (one row per dose)."""
    doses = np.geomspace(*DOSE_RANGE_MG_PER_KG, 17) if dose_mg_per_kg is None else np.atleast_1d(
        in_range("dose_mg_per_kg", dose_mg_per_kg, *DOSE_RANGE_MG_PER_KG, "mg/kg"))
    k = float(in_range("k_unblock_per_s", k_unblock_per_s, *K_UNBLOCK_RANGE_PER_S, "/s"))
    t = time_grid_h(6.0, 240) if t_h is None else in_range("t_h", t_h, 0.0, T_MAX_H, "h")
    unit = pk.simulate(iv_dose(1.0, infusion_min), t).brain_uM
    brain = doses[:, None] * unit[None, :]
    peaks = _blocks(t, brain, "racemic", k)[0].max(axis=-1)
    above = {b.name: np.array([_minutes(t, row >= b.low_uM) for row in brain]) for b in BANDS}
    return DoseBlock(doses, float(infusion_min), peaks, above)
