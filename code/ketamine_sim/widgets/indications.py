"""Explorers of the chapter "Beyond depression": four doses against the plasma bands where each effect is reported,
and the NMDA block each dose reaches."""

from dataclasses import dataclass
from functools import lru_cache

from ketamine_sim import indications, pharmacokinetics, receptors
from ketamine_sim.literature import reference
from ketamine_sim.plots import indications as iplots
from ketamine_sim.widgets.core import Labelled, Slider, interactive_figure

FAST_FRACTION = pharmacokinetics.PK.fast_fraction  # ASSUMED share of the distribution phase (0.5)
K_UNBLOCK = receptors.KETAMINE_BLOCK.k_unblock_per_s  # ASSUMED open-channel unblocking rate (0.02 /s)
ONSET_MIN = 0.5  # KetalarLabel: surgical anaesthesia within 30 s of the IV induction dose
SHORT = {"analgesic": "analgesic", "antidepressant": "antidepressant", "esketamine": "esketamine",
         "anaesthetic": "anaesthetic"}
DELIVERY_MIN = (0.0, float(reference("standard_antidepressant_dose").at))  # bolus, 40 min


def regimen_of(switch):
    """The regimen named by the switch value 0–3 (analgesic, antidepressant, esketamine, anaesthetic)."""
    return indications.NAMES[int(round(float(switch)))]


def _regimen_text(v):
    return SHORT[regimen_of(v)]


def _delivery_text(v):
    return "bolus" if round(float(v)) == 0 else f"{DELIVERY_MIN[1]:.0f}-min infusion"


def _when(t_min):
    return "at the injection" if t_min < 0.5 else f"{t_min:.0f} min after the dose starts"


def _band_minutes(c):
    return ", ".join(f"{b.name} {c.minutes_in(b):.0f} min" for b in indications.BANDS)


# --- explorer 1: four doses against the bands ---------------------------------------------------------------

@dataclass(frozen=True)
class Bands:
    course: indications.Course
    name: str
    fast_fraction: float
    bands: tuple = indications.BANDS
    onset_min: float = ONSET_MIN

    @property
    def title(self):
        c = self.course
        return f"{c.label}: plasma peak {c.peak('plasma_uM'):.2f} µM (fast share {self.fast_fraction:.0%})"


@lru_cache(maxsize=64)
def bands(regimen=1, fast_fraction=FAST_FRACTION):
    """The course of regimen ``regimen`` (switch 0–3) with the ASSUMED fast share of the distribution phase."""
    name = regimen_of(regimen)
    return Bands(indications.regimen_course(name, float(fast_fraction)), name, float(fast_fraction))


def describe_bands(v):
    """Alt text: the peaks, the minutes the plasma spends in each band, and which bands it never reaches."""
    c = v.course
    missed = [b.name for b in v.bands if b.name not in c.bands_reached()]
    never = f" It never reaches the {' or the '.join(missed)} band." if missed else ""
    return (f"{v.title}. The brain level 30 s after the dose starts is {c.at('brain_uM', ONSET_MIN):.2f} µM. "
            f"Plasma peaks {_when(c.peak_time_min('plasma_uM'))} and the brain {_when(c.peak_time_min('brain_uM'))}, "
            f"at {c.peak('brain_uM'):.2f} µM. Minutes "
            f"the plasma spends inside each reported band: {_band_minutes(c)}.{never}")


def explore_bands():
    """Regimen × the ASSUMED fast share of the distribution phase → plasma and brain against the bands."""
    controls = [
        Labelled("regimen", "Dose and route", 0, 3, 1, 1, (0, 1, 2, 3), text=_regimen_text, live_readout=False),
        Slider("fast_fraction", "Fast share of distribution (assumed)", 0.2, 0.8, 0.05, FAST_FRACTION,
               (0.3, FAST_FRACTION, 0.8), "", ".0%"),
    ]
    return interactive_figure(controls, bands, iplots.courses, describe_bands,
                              "Four doses against the bands where each effect is reported", figsize=(7.0, 3.6))


# --- explorer 2: the block each dose reaches ----------------------------------------------------------------

@dataclass(frozen=True)
class Block:
    course: indications.Course
    curve: indications.DoseBlock
    dose_mg_per_kg: float
    delivery: str
    k_unblock_per_s: float
    edges: dict
    regimens: tuple  # (short label, mg/kg, peak block) of the four regimens at this unblocking rate

    @property
    def title(self):
        c = self.course
        return (f"{self.dose_mg_per_kg:.2f} mg/kg IV, {self.delivery}: peak block {c.peak('block'):.0%} at "
                f"{c.peak_time_min('block'):.0f} min")


CURVE_T_H = indications.time_grid_h(6.0, 240)  # the grid of indications.dose_block, for the regimens' diamonds


@lru_cache(maxsize=16)
def _regimen_peaks(k_unblock_per_s):
    return tuple((SHORT[r.name], r.mg_per_kg, indications.course(r.dose, CURVE_T_H, k_unblock_per_s=k_unblock_per_s)
                  .peak("block")) for r in indications.REGIMENS)


@lru_cache(maxsize=16)
def _curve(minutes, k):
    """Peak block over the dose range: it does not depend on the chosen dose, so a dose move reuses it."""
    return indications.dose_block(infusion_min=minutes, k_unblock_per_s=k)


@lru_cache(maxsize=128)
def block(dose_mg_per_kg=0.5, delivery=1, k_unblock_per_s=K_UNBLOCK):
    """Block over time for one IV dose (bolus or 40-min infusion) and peak block over the dose range."""
    minutes = DELIVERY_MIN[int(round(float(delivery)))]
    k = float(k_unblock_per_s)
    c = indications.course(indications.iv_dose(dose_mg_per_kg, minutes), k_unblock_per_s=k)
    curve = _curve(minutes, k)
    edges = {name: lo for name, (lo, _) in indications.band_edge_block().items()}
    return Block(c, curve, float(dose_mg_per_kg), _delivery_text(delivery), k, edges, _regimen_peaks(k))


def describe_block(v):
    """Alt text: peak block, how late it comes, the block at 30 s and which band edges the peak passes."""
    c = v.course
    passed = [name for name, level in v.edges.items() if c.peak("block") >= level]
    bands = f"passes the block of the {', '.join(passed)} band edge" if passed else "stays below every band edge"
    regs = "; ".join(f"{label} {peak:.0%}" for label, _, peak in v.regimens)
    return (f"{v.title}, with an assumed unblocking rate of {v.k_unblock_per_s:.2f} per second. 30 s after the "
            f"dose starts {c.at('block', ONSET_MIN):.0%} of the NMDA current is blocked, "
            f"against {c.at('block_equilibrium', ONSET_MIN):.0%} if the block kept up with the brain level; the peak "
            f"{bands}. Peak block of the four regimens: {regs}.")


def explore_block():
    """IV dose × bolus or infusion × the ASSUMED unblocking rate → NMDA block over time and peak block vs dose."""
    controls = [
        Slider("dose_mg_per_kg", "IV dose", 0.05, 4.5, 0.05, 0.5, (0.15, 0.5, 2.0, 4.5), "mg/kg", ".2f"),
        Labelled("delivery", "Given as", 0, 1, 1, 1, (0, 1), text=_delivery_text, live_readout=False),
        Slider("k_unblock_per_s", "Open-channel unblocking (assumed)", 0.01, 0.2, 0.01, K_UNBLOCK, (K_UNBLOCK, 0.2),
               "/s", ".2f"),
    ]
    return interactive_figure(controls, block, iplots.block, describe_block, "The NMDA block each dose reaches",
                              figsize=(7.0, 3.4))
