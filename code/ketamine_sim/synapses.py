"""Synapses seen two ways: the synaptogenesis chain stage by stage, and a presynaptic SV2A readout beside spines.

Built on :func:`ketamine_sim.plasticity.simulate` (the chain AMPA → BDNF → TrkB → mTORC1 → synthesis → spines);
nothing here changes that model.

* :func:`chain_lights` -- each stage's *extra* activity over the first hours, as a fraction of the same stage's
  peak without any blocker, so a blocker shows where it cuts the chain.
* :func:`sv2a_density` -- what an SV2A-PET scan would see if it saw only the model's new synapses.  SV2A is a
  protein of synaptic vesicles in presynaptic terminals, not a spine marker.  Two ASSUMED numbers link it to the
  spine curve: a new spine gains a vesicle-filled presynaptic partner with a delay (first-order, time constant
  :data:`MATURATION_H`), and the affected synapses make up only a share :data:`PET_SHARE` of the SV2A signal of
  the scanned region.  Both are teaching assumptions, not measurements.  In people, the first SV2A-PET test
  found no measurable mean change 24 h after one dose (Holmes2022; claim #21 HYPOTHESIS).
"""

from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from ketamine_sim import plasticity
from ketamine_sim._checks import in_range

STAGES = ("ampa", "bdnf", "trkb", "mtorc1", "synthesis", "spines")
STAGE_LABELS = ("AMPA throughput", "BDNF release", "TrkB", "mTORC1", "protein synthesis", "new spines")
MATURATION_H = 48.0  # ASSUMED: time constant for a new spine to gain a presynaptic partner with SV2A-rich vesicles
PET_SHARE = 0.5  # ASSUMED: share of the region's SV2A signal carried by the synapse population the model grows
MATURATION_RANGE_H = (1.0, 720.0)
COURSE_DOSE_TIMES_H = (0.0, 48.0, 96.0, 168.0, 216.0, 264.0)  # three infusions a week for two weeks (a common course)


def _extras(r):
    """Extra activity of each stage over baseline (never below zero)."""
    return np.array([np.maximum(r.ampa_drive - 1.0, 0.0), r.bdnf, r.trkb, r.mtorc1, r.synthesis,
                     np.maximum(r.spine_density - 1.0, 0.0)])


@lru_cache(maxsize=16)
def _reference_peaks(t_max_h, n, peak_uM):
    r = plasticity.simulate(np.linspace(0.0, t_max_h, n), peak_uM)
    return _extras(r).max(axis=1)


@dataclass(frozen=True)
class ChainLights:
    """``lights[i, j]``: stage ``STAGES[i]`` at ``t_h[j]`` as a fraction of its unblocked peak (about 0–1)."""

    t_h: np.ndarray
    lights: np.ndarray
    result: plasticity.PlasticityResult


def chain_lights(t_max_h=48.0, n=97, peak_uM=plasticity.DEFAULT_PEAK_UM, *, nbqx=0.0, rapamycin=0.0,
                 bdnf_fraction=1.0):
    """Every stage over ``0–t_max_h`` hours (``n`` times) after one standard infusion with brain peak ``peak_uM``.

    ``nbqx`` and ``rapamycin`` are fractions blocked (0–1) of AMPA receptors and mTORC1; ``bdnf_fraction`` scales
    BDNF (1 normal).  Each stage is divided by its own peak in the same run without blockers.
    """
    t_max = float(in_range("t_max_h", t_max_h, 1.0, 24.0 * 60, "h"))
    t = np.linspace(0.0, t_max, int(n))
    r = plasticity.simulate(t, peak_uM, nbqx=float(nbqx), rapamycin=float(rapamycin), bdnf_fraction=bdnf_fraction)
    peaks = _reference_peaks(t_max, int(n), float(peak_uM))
    return ChainLights(t, _extras(r) / np.where(peaks > 0, peaks, 1.0)[:, None], r)


def course_times_h(n_infusions):
    """Start times (h) of the first ``n_infusions`` (1–6) of a course of three infusions a week for two weeks."""
    k = int(in_range("n_infusions", n_infusions, 1, len(COURSE_DOSE_TIMES_H), "(infusions)"))
    return COURSE_DOSE_TIMES_H[:k]


def relax(t_h, u, tau_h):
    """First-order lag of the input ``u`` sampled at increasing times ``t_h``: dx/dt = (u − x)/τ, x(0) = u(0).

    Exact for an input held constant over each step (steps should be short compared with ``tau_h``).
    """
    tau = float(in_range("tau_h", tau_h, *MATURATION_RANGE_H, "h"))
    t, u = np.asarray(t_h, dtype=float), np.asarray(u, dtype=float)
    decay = np.exp(-np.diff(t) / tau)
    x = np.empty_like(u)
    x[0] = u[0]
    for i, d in enumerate(decay):
        x[i + 1] = u[i] + (x[i] - u[i]) * d
    return x


def sv2a_density(t_h, spine_density, maturation_h=MATURATION_H, pet_share=PET_SHARE):
    """SV2A signal relative to baseline that follows the spine density ``spine_density`` (relative, on ``t_h``).

    New synapses carry SV2A once their presynaptic side has matured (lag ``maturation_h``, ASSUMED) and make up
    ``pet_share`` (0–1, ASSUMED) of the region's signal: SV2A = 1 + share · (lagged density − 1).
    """
    share = float(in_range("pet_share", pet_share, 0.0, 1.0, "(fraction)"))
    return 1.0 + share * (relax(t_h, spine_density, maturation_h) - 1.0)


@dataclass(frozen=True)
class SpinesAndSv2a:
    t_h: np.ndarray
    spine_density: np.ndarray
    sv2a: np.ndarray

    def at(self, field, t_h):
        return float(np.interp(t_h, self.t_h, getattr(self, field)))


@lru_cache(maxsize=8)
def _spines(t_max_h, n, peak_uM):
    t = np.linspace(0.0, t_max_h, n)
    return t, plasticity.simulate(t, peak_uM).spine_density


def spines_and_sv2a(maturation_h=MATURATION_H, pet_share=PET_SHARE, peak_uM=plasticity.DEFAULT_PEAK_UM,
                    t_max_h=14 * 24.0, n=673):
    """Spine density and the SV2A readout over ``t_max_h`` hours after one standard infusion (30-min steps)."""
    t, spines = _spines(float(t_max_h), int(n), float(peak_uM))
    return SpinesAndSv2a(t, spines, sv2a_density(t, spines, maturation_h, pet_share))


DAILY_DOSE_TIMES_H = (0.0, 24.0, 48.0, 72.0, 96.0)  # Pryazhnikov2018: 10 mg/kg a day for 5 days (5 exposures)


def daily_formation_ratio(lo_h, hi_h, peak_uM=plasticity.DEFAULT_PEAK_UM):
    """Mean spine formation / elimination between ``lo_h`` and ``hi_h`` (h, within 0–144 h) under five daily doses,
    as the validation checks it against Pryazhnikov2018 (10 mg/kg taken as the standard brain peak, ASSUMED)."""
    lo = float(in_range("lo_h", lo_h, 0.0, 144.0, "h"))
    hi = float(in_range("hi_h", hi_h, lo, 144.0, "h"))
    t = np.linspace(0.0, 144.0, 1729)
    r = plasticity.simulate(t, peak_uM, dose_times_h=DAILY_DOSE_TIMES_H)
    sel = (t >= lo) & (t <= hi)
    return float(np.mean(r.formation_rate_per_day[sel] / r.elimination_rate_per_day[sel]))
