"""Explorers of the synaptogenesis chapter: the chain lights up (where each blocker cuts it), spines over weeks
(one dose or a course, with rapamycin), and spines are not SV2A (a presynaptic PET readout beside spine density)."""

from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from ketamine_sim import plasticity, synapses
from ketamine_sim.plots import synaptogenesis as splots
from ketamine_sim.widgets.core import Slider, interactive_figure

PEAK_UM = plasticity.DEFAULT_PEAK_UM  # the model's brain peak of the standard infusion (≈0.74 µM)
NBQX_ON = 0.95  # the package's ASSUMED near-complete AMPA block
HUMAN_PET_H = 24.0  # Holmes2022: SV2A-PET 24 h after one dose


def _cut(values):
    """The first stage whose peak falls below half of its unblocked peak, or None."""
    below = [label for label, v in zip(synapses.STAGE_LABELS, values, strict=True) if v < 0.5]
    return below[0] if below else None


# --- explorer 1: the chain lights up ----------------------------------------------------------------------

@dataclass(frozen=True)
class Chain:
    lights: synapses.ChainLights
    nbqx: float
    rapamycin: float
    bdnf_fraction: float
    labels: tuple = synapses.STAGE_LABELS

    @property
    def peaks(self):
        return self.lights.lights.max(axis=1)

    @property
    def title(self):
        cut = _cut(self.peaks)
        where = "no stage cut" if cut is None else f"cut at {cut}"
        return f"NBQX {self.nbqx:.0%}, rapamycin {self.rapamycin:.0%}, BDNF {self.bdnf_fraction:.0%}: {where}"


@lru_cache(maxsize=64)
def chain(nbqx=0.0, rapamycin=0.0, bdnf_fraction=1.0):
    """Every stage over 48 h after the standard infusion with the blockers set (fractions blocked, BDNF scale)."""
    return Chain(synapses.chain_lights(nbqx=nbqx, rapamycin=rapamycin, bdnf_fraction=bdnf_fraction),
                 float(nbqx), float(rapamycin), float(bdnf_fraction))


def describe_chain(c):
    """Alt text: the blockers and each stage's peak as a share of its unblocked peak."""
    shares = ", ".join(f"{label} {v:.0%}" for label, v in zip(c.labels, c.peaks, strict=True))
    return (f"{c.title}. NBQX blocks {c.nbqx:.0%} of AMPA receptors, rapamycin {c.rapamycin:.0%} of mTORC1, BDNF is "
            f"at {c.bdnf_fraction:.0%} of normal. Peak of each stage over 48 hours as a share of its peak without "
            f"blockers: {shares}.")


def explore_chain():
    """NBQX × rapamycin × BDNF → each stage over the first 48 h."""
    controls = [
        Slider("nbqx", "NBQX: AMPA block", 0.0, 1.0, 0.05, 0.0, (0.0, NBQX_ON), "", ".0%"),
        Slider("rapamycin", "Rapamycin: mTORC1 block", 0.0, 1.0, 0.05, 0.0, (0.0, 1.0), "", ".0%"),
        Slider("bdnf_fraction", "BDNF (of normal)", 0.0, 1.0, 0.05, 1.0, (0.0, 0.5, 1.0), "", ".0%"),
    ]
    return interactive_figure(controls, chain, splots.chain, describe_chain, "The chain lights up (first 48 h)",
                              figsize=(7.0, 3.4))


# --- explorer 2: spines over weeks ------------------------------------------------------------------------

_WEEKS_T = np.linspace(0.0, 42 * 24.0, 505)  # six weeks, 2-h samples


@dataclass(frozen=True)
class Weeks:
    result: plasticity.PlasticityResult
    peak_uM: float
    n_infusions: int
    rapamycin: float

    @property
    def dose_days(self):
        return tuple(t / 24.0 for t in synapses.course_times_h(self.n_infusions))

    @property
    def peak_rise(self):
        return float(self.result.spine_density.max() - 1.0)

    @property
    def raised_days(self):
        """Days after the last infusion until the rise falls below a tenth of its peak."""
        r, last = self.result, 24.0 * self.dose_days[-1]
        rise = r.spine_density - 1.0
        after = (r.t_h > last) & (r.t_h > r.t_h[int(rise.argmax())]) & (rise < 0.1 * max(self.peak_rise, 1e-12))
        return float((r.t_h[after][0] - last) / 24.0) if after.any() else float("inf")

    @property
    def title(self):
        doses = "one infusion" if self.n_infusions == 1 else f"{self.n_infusions} infusions"
        return (f"{doses}, {self.peak_uM:.2f} µM, rapamycin {self.rapamycin:.0%}: spines up to "
                f"+{100 * self.peak_rise:.1f}%")


@lru_cache(maxsize=64)
def weeks(peak_uM=PEAK_UM, n_infusions=1, rapamycin=0.0):
    """Six weeks of formation, elimination and density after ``n_infusions`` of a course at brain peak ``peak_uM``."""
    starts = synapses.course_times_h(n_infusions)
    r = plasticity.simulate(_WEEKS_T, peak_uM, rapamycin=float(rapamycin), dose_times_h=starts)
    return Weeks(r, float(peak_uM), int(n_infusions), float(rapamycin))


def describe_weeks(w):
    """Alt text: the peak rise, how long it lasts, and what formation and elimination do."""
    r = w.result
    if w.peak_rise < 1e-4:
        last = "no new spines accumulate"
    elif np.isinf(w.raised_days):
        last = "it stays above a tenth of its peak for the whole six weeks"
    else:
        last = f"it falls below a tenth of its peak {w.raised_days:.0f} days after the last infusion"
    return (f"{w.title}. Spine formation rises to {r.formation_rate_per_day.max():.3f} per day (baseline "
            f"{r.elimination_rate_per_day[0]:.2f}), while elimination stays at {r.elimination_rate_per_day[0]:.2f} of "
            f"the existing spines per day, so density rises by {100 * w.peak_rise:.2f}% and {last}.")


def explore_weeks():
    """Dose × number of infusions × rapamycin → spines over six weeks."""
    controls = [
        Slider("peak_uM", "Ketamine brain peak", 0.25, 1.5, 0.05, round(PEAK_UM, 2), (0.4, round(PEAK_UM, 2), 1.5),
               "µM", ".2f"),
        Slider("n_infusions", "Infusions (3 a week)", 1, 6, 1, 1, (1, 6), "", ".0f"),
        Slider("rapamycin", "Rapamycin: mTORC1 block", 0.0, 1.0, 0.05, 0.0, (0.0, 1.0), "", ".0%"),
    ]
    return interactive_figure(controls, weeks, splots.weeks, describe_weeks, "Spines over weeks",
                              figsize=(7.0, 3.2))


# --- explorer 3: spines are not SV2A ----------------------------------------------------------------------

@dataclass(frozen=True)
class Sv2a:
    course: synapses.SpinesAndSv2a
    maturation_h: float
    pet_share: float
    human_h: float = HUMAN_PET_H

    @property
    def spine_24h(self):
        return self.course.at("spine_density", self.human_h) - 1.0

    @property
    def sv2a_24h(self):
        return self.course.at("sv2a", self.human_h) - 1.0

    @property
    def title(self):
        return (f"At 24 h: spines +{100 * self.spine_24h:.2f}%, SV2A +{100 * self.sv2a_24h:.2f}% "
                f"({self.sv2a_24h / self.spine_24h:.0%} of the spine rise)")


@lru_cache(maxsize=64)
def sv2a(maturation_h=synapses.MATURATION_H, pet_share=synapses.PET_SHARE):
    """Spines and the SV2A readout over two weeks with the ASSUMED maturation lag and PET share."""
    return Sv2a(synapses.spines_and_sv2a(maturation_h, pet_share), float(maturation_h), float(pet_share))


def describe_sv2a(s):
    """Alt text: the two rises at 24 h, when each peaks, and the human null result."""
    c = s.course
    i_sp, i_sv = int(c.spine_density.argmax()), int(c.sv2a.argmax())
    return (f"{s.title}. With a {s.maturation_h:.0f}-hour presynaptic maturation lag and {s.pet_share:.0%} of the "
            f"PET signal from the affected synapses, spines peak at +{100 * (c.spine_density[i_sp] - 1):.2f}% on "
            f"day {c.t_h[i_sp] / 24:.1f} and SV2A at +{100 * (c.sv2a[i_sv] - 1):.2f}% on day {c.t_h[i_sv] / 24:.1f}. "
            f"Marked: the human PET scan at 24 hours found no mean change (Holmes 2022).")


def explore_sv2a():
    """Presynaptic maturation lag × PET share → spines and SV2A over two weeks."""
    controls = [
        Slider("maturation_h", "Presynaptic maturation (assumed)", 6.0, 168.0, 6.0, synapses.MATURATION_H,
               (12.0, synapses.MATURATION_H, 120.0), "h", ".0f"),
        Slider("pet_share", "Share of PET signal (assumed)", 0.1, 1.0, 0.05, synapses.PET_SHARE, (0.25, 0.5, 1.0),
               "", ".0%"),
    ]
    return interactive_figure(controls, sv2a, splots.sv2a, describe_sv2a, "Spines are not SV2A",
                              figsize=(7.0, 3.4))


# --- the pathway diagram ----------------------------------------------------------------------------------

def chain_diagram():
    """The chain from ketamine to new spines, with the two BDNF routes and where each blocker acts."""
    from ketamine_sim.diagrams import Edge, Node, diagram

    nodes = [Node("ket", "Ketamine\nblocks NMDA receptors", "ketamine"),
             Node("surge", "Glutamate surge\n(disinhibition)", "glutamate"),
             Node("rest", "Block at rest:\neEF2 dephosphorylated", "pyramidal"),
             Node("ampa", "AMPA throughput", "ampa"),
             Node("bdnf", "BDNF release", "bdnf"),
             Node("trkb", "TrkB activation", "bdnf"),
             Node("mtor", "mTORC1", "reference"),
             Node("synth", "Local protein synthesis", "reference"),
             Node("spines", "New spines\n(density up for weeks)", "bdnf", bold=True),
             Node("nbqx", "NBQX", "reference", shape="plain"),
             Node("rapa", "Rapamycin", "reference", shape="plain")]
    edges = [Edge("ket", "surge"), Edge("ket", "rest"), Edge("surge", "ampa", "excites"),
             Edge("ampa", "bdnf", "leads to", "surge"), Edge("rest", "bdnf", "leads to", "translation"),
             Edge("bdnf", "trkb"), Edge("trkb", "mtor"), Edge("mtor", "synth"), Edge("synth", "spines"),
             Edge("nbqx", "ampa", "blocks"), Edge("rapa", "mtor", "blocks")]
    return diagram("synaptogenesis-chain", nodes, edges, title="From ketamine to new spines: the chain",
                   description="Ketamine blocks NMDA receptors. Two routes lead to BDNF: a glutamate surge that "
                               "drives AMPA receptors, and the block at rest, which lets eEF2 lose its phosphate so "
                               "more BDNF is made. BDNF activates TrkB, then mTORC1, then local protein synthesis, "
                               "then new spines. NBQX blocks AMPA receptors; rapamycin blocks mTORC1.")
