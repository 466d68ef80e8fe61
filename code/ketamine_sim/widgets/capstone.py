"""Explorers of the capstone: the cascade dashboard (dose × schedule → every stage stacked, beside a daily SSRI)
and "What the story rests on" (the Morris ranking of the chain's ASSUMED numbers for either outcome)."""

from dataclasses import dataclass
from functools import lru_cache
from html import escape

import numpy as np

from ketamine_sim import cascade, clinical, monoamines, pharmacokinetics, plots, sensitivity
from ketamine_sim.plots import capstone as cplots
from ketamine_sim.widgets.core import Labelled, Slider, interactive_figure, show, static_mode

SCHEDULES = ("one infusion", "six infusions over two weeks", "six, then weekly")
HORIZON_H = 8 * 7 * 24.0  # eight weeks
TRAJECTORIES = 8  # Morris trajectories in the book: (27 + 1) x 8 = 224 runs of the chain
SEED = 0
DASHBOARD_SIZE_IN = (6.6, 5.8)
SHOWN = 13  # bars in the ranking: the top twelve and the last


def doses_for(schedule, dose_mg_per_kg):
    """The Dose records of ``schedule`` (an index into :data:`SCHEDULES`) at ``dose_mg_per_kg``."""
    k = int(schedule)
    if k == 0:
        return (pharmacokinetics.standard_infusion(0.0, dose_mg_per_kg),)
    return clinical.repeated_infusions(0 if k == 1 else 4, dose_mg_per_kg)


def _times_h(starts_h):
    """Log-spaced times from 6 min to eight weeks, plus fine steps over the first 6 h after each dose."""
    fine = (np.asarray(starts_h)[:, None] + np.linspace(0.0, 6.0, 25)).ravel()
    return np.unique(np.concatenate([[0.0], np.geomspace(0.1, HORIZON_H, 180), fine[fine <= HORIZON_H]]))


_SSRI_T_H = np.geomspace(0.1, HORIZON_H, 200)
_SSRI_EFFECT = monoamines.effect(_SSRI_T_H / 24.0)


@dataclass(frozen=True)
class Dashboard:
    result: cascade.CascadeResult
    dose_mg_per_kg: float
    schedule: int
    ssri_t_h = _SSRI_T_H  # class constants: the SSRI course does not depend on the controls
    ssri_effect = _SSRI_EFFECT

    @property
    def dose_h(self):
        return tuple(d.start_h for d in self.result.doses)

    @property
    def relapse_days(self):
        """Days after the last dose until the effect stays below the threshold (inf if beyond eight weeks)."""
        r, last = self.result, max(self.dose_h)
        below = (r.t_h > last) & (r.effect < r.relapse_threshold) & (r.t_h > r.t_h[int(r.effect.argmax())])
        return float((r.t_h[below][0] - last) / 24.0) if below.any() else float("inf")

    def effect_at(self, t_h):
        return float(np.interp(t_h, self.result.t_h, self.result.effect))

    @property
    def title(self):
        return f"{self.dose_mg_per_kg:.1f} mg/kg, {SCHEDULES[self.schedule]}"


def dashboard(dose_mg_per_kg=0.5, schedule=0):
    """Every stage over eight weeks for ``schedule`` (0, 1, 2: :data:`SCHEDULES`) at ``dose_mg_per_kg``."""
    return _dashboard(round(float(dose_mg_per_kg), 3), int(round(schedule)))


@lru_cache(maxsize=64)
def _dashboard(dose_mg_per_kg, schedule):
    doses = doses_for(schedule, dose_mg_per_kg)
    result = cascade.run(_times_h([d.start_h for d in doses]), doses)
    return Dashboard(result, dose_mg_per_kg, schedule)


def describe_dashboard(d):
    """Alt text: what each stage does and how the mood curve compares with the SSRI's."""
    r = d.result
    lasts = "beyond the eight weeks shown" if np.isinf(d.relapse_days) else f"{d.relapse_days:.0f} days"
    ssri_day1, ssri_week4 = (float(x) for x in monoamines.effect(np.array([1.0, 28.0])))
    return (f"{d.title}. Five stacked panels over time on a log scale from 6 minutes to 8 weeks. Brain ketamine "
            f"peaks at {r.brain_uM.max():.2f} µM and is gone within a day of each dose; the NMDA block on "
            f"interneurons peaks at {100 * r.circuit.interneuron_block.max():.0f}%, on pyramidal cells at "
            f"{100 * r.circuit.pyramidal_block.max():.0f}%; glutamate rises by up to "
            f"{100 * (r.circuit.glutamate_rel.max() - 1):.0f}%; spines rise by up to "
            f"{100 * (r.plasticity.spine_density.max() - 1):.1f}%. The ketamine effect is {d.effect_at(24.0):.2f} "
            f"at one day and stays above the relapse threshold for {lasts} after the last dose; a daily SSRI is at "
            f"{ssri_day1:.2f} after one day and {ssri_week4:.2f} after four weeks.")


def _schedule_text(v):
    return SCHEDULES[int(round(v))]


def explore_cascade():
    """Dose × schedule → plasma, NMDA block, glutamate and TrkB, potentiation and spines, mood beside an SSRI."""
    controls = [
        Slider("dose_mg_per_kg", "IV dose", 0.1, 1.0, 0.1, 0.5, (0.2, 0.5, 1.0), "mg/kg", ".1f"),
        Labelled("schedule", "Schedule", 0, 2, 1, 0, (0, 1, 2), text=_schedule_text, live_readout=False),
    ]
    if not static_mode():  # live: every slider position computed once, up front (30 runs, well under a second)
        for dose in np.arange(1, 11) / 10.0:
            for schedule in range(len(SCHEDULES)):
                dashboard(float(dose), schedule)
    return interactive_figure(controls, dashboard, cplots.dashboard, describe_dashboard,
                              "The whole cascade: one dose or a course, every stage", figsize=DASHBOARD_SIZE_IN)


# --- What the story rests on -------------------------------------------------------------------------------

@dataclass(frozen=True)
class Rested:
    outcome: str
    labels: tuple
    stages: tuple
    mu_star: np.ndarray
    sigma: np.ndarray
    names: tuple
    default: float
    runs: int
    xmax: float  # one x range for both outcomes, so the axis stays put when the outcome changes

    @property
    def unit(self):
        return "MADRS points" if self.outcome == "madrs_24h" else "days"

    @property
    def title(self):
        return (f"What the {sensitivity.OUTCOME_LABELS[self.outcome].split(' (')[0]} rests on "
                f"(default {self.default:.1f} {self.unit}; top {len(self.labels) - 1} of "
                f"{len(sensitivity.NAMES)} and the last)")


@lru_cache(maxsize=4)
def rested(outcome=0, trajectories=TRAJECTORIES, seed=SEED):
    """The ranking for outcome 0 (24-h improvement) or 1 (duration): the top ``SHOWN - 1`` numbers and the last
    (one Morris design for both outcomes, computed once)."""
    name = sensitivity.OUTCOMES[int(outcome)]
    rank = sensitivity.morris(trajectories, seed)
    ranked = rank.order(name)
    shown = (*ranked[:SHOWN - 1], ranked[-1])  # the top numbers and the last one (the negative control)
    order = [rank.names.index(n) for n in shown]
    a = [sensitivity.BY_NAME[rank.names[i]] for i in order]
    xmax = 1.08 * max(max(rank.mu_star[o].max(), rank.sigma[o].max()) for o in sensitivity.OUTCOMES)
    return Rested(name, tuple(x.label for x in a), tuple(x.stage for x in a), rank.mu_star[name][order],
                  rank.sigma[name][order], tuple(x.name for x in a), rank.defaults[name], rank.runs, float(xmax))


def describe_rested(r):
    """Alt text: the three most influential numbers with μ*, and the last one."""
    top = "; ".join(f"{label} ({stage}, μ* {mu:.1f} {r.unit})" for label, stage, mu in
                    zip(r.labels[:3], r.stages[:3], r.mu_star[:3], strict=True))
    return (f"{r.title}. Bars of the Morris μ* ({r.runs} runs of the chain) of the most influential assumed numbers, "
            f"largest on top. "
            f"The top three: {top}. Last: {r.labels[-1]} (μ* {r.mu_star[-1]:.2f}).")


def _outcome_text(v):
    return ("24-h improvement", "duration of benefit")[int(round(v))]


def explore_assumptions():
    """Outcome → the ranking of the chain's ASSUMED numbers (Morris μ*, σ), coloured by stage."""
    controls = [Labelled("outcome", "Outcome", 0, 1, 1, 0, (0, 1), text=_outcome_text, live_readout=False)]
    return interactive_figure(controls, rested, cplots.ranking, describe_rested, "What the story rests on",
                              figsize=(7.0, 4.6))


# --- static figures and tables of the chapter --------------------------------------------------------------

STAGE_CHAPTERS = {"pharmacokinetics": "beyond_depression", "circuit": "disinhibition",
                  "plasticity": "synaptogenesis", "clinical": "why_the_effect_fades"}


def assumptions_table():
    """HTML table of every ASSUMED number in the analysis: stage, value, range and where the number comes from."""
    from IPython.display import HTML

    head = "".join(f'<th scope="col">{h}</th>' for h in ("number", "stage", "assumed", "range", "where it comes from"))
    rows = "".join(
        f"<tr><td>{escape(a.label)} (<code>{a.name}</code>)</td><td>{a.stage}</td><td>{a.default:g}</td>"
        f"<td>{a.low:g}–{a.high:g}{' (log)' if a.log else ''}</td><td>{escape(a.source)}</td></tr>"
        for a in sensitivity.ASSUMPTIONS)
    return HTML(f'<table class="ks-table"><caption>The {len(sensitivity.ASSUMPTIONS)} assumed numbers moved by the '
                f"analysis</caption><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>")


def describe_links_off(rows):
    """Alt text of the switch-off figure: each link's 24-h improvement and duration, and the verdict."""
    parts = "; ".join(f"{r.link}: {r.madrs_24h:.1f} points, {r.duration_days:.1f} days ({r.agrees} with "
                      f"experiment)" for r in rows)
    return (f"Two bar charts, the drug-specific 24-hour MADRS improvement and the duration of benefit after one "
            f"standard infusion, with one link of the chain switched off at a time. {parts}.")


def show_links_off():
    """Display the switch-off figure with its alt text (:func:`ketamine_sim.widgets.show`)."""
    rows = sensitivity.links_off()
    fig = plots.figure((6.4, 4.6))
    cplots.links_off(fig, rows)
    show(fig, describe_links_off(rows))
