"""Explorers of the two-mirror-images chapter: the NMDA block each form reaches over time (clinical doses, equal
mass, equal block; norketamine counted or not), and which form wins with and without an NMDA-independent route."""

import re
from dataclasses import dataclass
from functools import lru_cache

from ketamine_sim import enantiomers
from ketamine_sim.plots import enantiomers as eplots
from ketamine_sim.widgets.core import Labelled, Slider, interactive_figure

COMPARISON_TEXT = ("clinical doses", "equal mass", "equal block")
BASIS_TEXT = ("equal mass", "equal block")
SHORT = {"racemic": "racemic", "S": "S (esketamine)", "R": "R (arketamine)"}
DOSE_IV = r" [0-9.]+ mg/kg IV$"  # cut from a title: the dose is in the legend


def _comparison_text(v):
    return COMPARISON_TEXT[int(round(v))]


def _on_off(v):
    return "counted" if round(v) else "ignored"


def _basis_text(v):
    return BASIS_TEXT[int(round(v))]


# --- explorer 1: the block each form reaches ------------------------------------------------------------------

@dataclass(frozen=True)
class Blocks:
    comparison: str
    include_norketamine: bool
    rows: tuple  # (label, FormBlock, form)

    @property
    def key(self):
        return self.comparison

    @property
    def title(self):
        ranked = sorted(self.rows, key=lambda r: -r[1].block_hours)
        nk = "norketamine counted" if self.include_norketamine else "ketamine only"
        if ranked[0][1].block_hours - ranked[1][1].block_hours < 0.05 * ranked[0][1].block_hours:
            return f"{self.comparison.capitalize()}, {nk}: block-hours within 5% of each other"
        return f"{self.comparison.capitalize()}, {nk}: most block-hours with {re.sub(DOSE_IV, '', ranked[0][0])}"


@lru_cache(maxsize=16)
def blocks(comparison=0, norketamine=1):
    """The three regimens of ``comparison`` (0 clinical, 1 equal mass, 2 equal block) over 12 h."""
    name = enantiomers.COMPARISONS[int(round(comparison))]
    nk = bool(round(norketamine))
    rows = tuple((label, enantiomers.block_course(doses, include_norketamine=nk), form)
                 for label, doses, form in enantiomers.regimens(name))
    return Blocks(name, nk, rows)


def describe_blocks(b):
    """Alt text: each regimen's peak block, block-hours and hours above a quarter block."""
    parts = [f"{label}: peak {r.peak_block:.0%}, {r.block_hours:.2f} block-hours, above 25% for "
             f"{r.hours_above(0.25):.1f} h" for label, r, _ in b.rows]
    return f"{b.title}. NMDA block on a typical cell over 12 hours. " + "; ".join(parts) + "."


def explore_block():
    """Comparison (clinical doses, equal mass, equal block) × norketamine → block over 12 h."""
    controls = [
        Labelled("comparison", "Compare", 0, 2, 1, 0, (0, 1, 2), text=_comparison_text, live_readout=False),
        Labelled("norketamine", "Norketamine", 0, 1, 1, 1, (0, 1), text=_on_off, live_readout=False),
    ]
    return interactive_figure(controls, blocks, eplots.block_over_time, describe_blocks,
                              "The NMDA block each form reaches", figsize=(7.2, 3.4))


# --- explorer 2: which form wins? ----------------------------------------------------------------------------

@dataclass(frozen=True)
class Winner:
    contest: enantiomers.Contest

    @property
    def key(self):
        return self.contest.basis

    @property
    def labels(self):
        return tuple(f"{SHORT[r.form]}\n{r.dose_mg_per_kg:.2f} mg/kg" for r in self.contest.results)

    @property
    def title(self):
        c = self.contest
        who = "the three forms tie" if c.winner == "tie" else f"{SHORT[c.winner]} wins"
        route = "no NMDA-independent route" if c.route_strength == 0 else f"route strength {c.route_strength:.2f}"
        return f"{c.basis.capitalize()}, {route}: {who} at 24 h"


@lru_cache(maxsize=128)
def winner(basis=0, route_strength=0.0):
    """Racemic, S and R at 24 h on ``basis`` (0 equal mass, 1 equal block) with the route at ``route_strength``."""
    name = enantiomers.BASES[int(round(basis))]
    return Winner(enantiomers.contest(name, round(float(route_strength), 4)))


def describe_winner(w):
    """Alt text: the winner and each form's effect, split into NMDA route and added route."""
    parts = [f"{SHORT[r.form]} at {r.dose_mg_per_kg:.2f} mg/kg: {r.effect:.0%} of the model's maximum "
             f"({r.nmda_only_effect:.0%} through NMDA block)" for r in w.contest.results]
    return f"{w.title}. Antidepressant effect 24 hours after a 40-minute infusion. " + "; ".join(parts) + "."


def explore_winner():
    """Basis (equal mass, equal block) × strength of the hypothetical route → effect of each form at 24 h."""
    controls = [
        Labelled("basis", "Dose the forms by", 0, 1, 1, 0, (0, 1), text=_basis_text, live_readout=False),
        Slider("route_strength", "NMDA-independent route (assumed)", 0.0, 1.5, 0.05, 0.0,
               (0.0, 0.3, 0.65, 1.0, 1.5), "", ".2f"),
    ]
    return interactive_figure(controls, winner, eplots.which_form_wins, describe_winner, "Which form wins?",
                              figsize=(6.4, 3.6))
