"""Explorers of the glutamate surge chapter: the virtual NBQX experiment, "does ketamine increase or decrease
glutamate?" over dose and time, and AMPA versus NMDA current at the surge."""

from dataclasses import dataclass

from ketamine_sim import pharmacokinetics, surge
from ketamine_sim.literature import reference
from ketamine_sim.plots import surge as surge_plots
from ketamine_sim.widgets.core import Slider, interactive_figure

PEAK_UM = pharmacokinetics.ANTIDEPRESSANT_PEAK_BRAIN_UM  # the model's brain peak of the standard infusion
NBQX_DEFAULT = 0.95  # the package's ASSUMED near-complete AMPA block (receptors.AMPA.nbqx_block)
HUMAN_RISE = reference("glutamate_cycling_rise_human").value  # Abdallah2018MRS, +13%
HUMAN_DOSE = reference("standard_antidepressant_dose").value  # 0.5 mg/kg
INFUSION_MIN = reference("standard_antidepressant_dose").at  # 40 min
ANAESTHETIC_UM = (reference("anaesthetic_plasma_low").value, reference("anaesthetic_plasma_high").value)
RAT_TEXT = (f"Rat PFC, mg/kg i.p. (Moghaddam 1997):\n↑ at {reference('moghaddam_rise_dose_low').value:g}–"
            f"{reference('moghaddam_rise_dose_high').value:g}, = at {reference('moghaddam_no_change_dose').value:g}, "
            f"↓ at {reference('moghaddam_fall_dose').value:g}\n(directions only: not on this axis)")


# --- explorer 1: the virtual NBQX experiment --------------------------------------------------------------

@dataclass(frozen=True)
class NbqxExperiment:
    arms: tuple
    nbqx_block: float
    peak_uM: float

    def left(self, field):
        return surge.share_left(self.arms, field)

    @property
    def title(self):
        return (f"NBQX {self.nbqx_block:.0%} block, ketamine {self.peak_uM:.2f} µM: "
                f"{self.left('potentiation'):.0%} of the potentiation left")


def nbqx_experiment(nbqx_block=NBQX_DEFAULT, peak_uM=PEAK_UM):
    """The four arms at 24 h with NBQX blocking ``nbqx_block`` of AMPA receptors and a ketamine peak ``peak_uM``."""
    return NbqxExperiment(surge.nbqx_experiment(peak_uM, nbqx_block), float(nbqx_block), float(peak_uM))


def describe_nbqx(e):
    """Alt text: each readout of the ketamine arm and how much of it survives NBQX."""
    k, both = e.arms[1], e.arms[3]
    return (f"{e.title}. Ketamine alone raises peak AMPA throughput to {k.ampa_peak:.2f} times baseline and "
            f"extra BDNF to {k.bdnf_peak:.3f}; with NBQX the AMPA peak is {both.ampa_peak:.2f} and BDNF keeps "
            f"{e.left('bdnf_peak'):.0%} of its rise, potentiation {e.left('potentiation'):.0%} and the spine rise "
            f"{e.left('spine_rise'):.0%} at 24 h. NBQX alone leaves every downstream readout at baseline.")


def explore_nbqx():
    """ASSUMED NBQX block × ketamine peak → the four arms."""
    controls = [
        Slider("nbqx_block", "NBQX: AMPA block (assumed)", 0.0, 1.0, 0.05, NBQX_DEFAULT, (0.0, 0.25, 0.5, 0.95),
               "", ".0%"),
        Slider("peak_uM", "Ketamine brain peak", 0.25, 3.0, 0.05, round(PEAK_UM, 2), (0.25, round(PEAK_UM, 2), 2.0),
               "µM", ".2f"),
    ]
    return interactive_figure(controls, nbqx_experiment, surge_plots.nbqx, describe_nbqx,
                              "The virtual NBQX experiment (readouts at 24 h)", figsize=(7.6, 3.2))


# --- explorer 2: increase or decrease? --------------------------------------------------------------------

@dataclass(frozen=True)
class IncreaseDecrease:
    result: surge.GlutamateAfterDose
    t_h: float
    human_rise: float = HUMAN_RISE
    human_min: float = INFUSION_MIN
    anaesthetic_uM: tuple = ANAESTHETIC_UM
    rat_text: str = RAT_TEXT

    @property
    def glutamate_now(self):
        return self.result.at(self.t_h)

    @property
    def direction(self):
        g = self.glutamate_now
        return "raised" if g > 1.02 else "lowered" if g < 0.98 else "near baseline"

    @property
    def title(self):
        return (f"{self.result.dose_mg_per_kg:g} mg/kg over {INFUSION_MIN:.0f} min, at {60 * self.t_h:.0f} min: "
                f"glutamate {self.direction} ({self.glutamate_now:.2f}×)")


def increase_decrease(dose_mg_per_kg=HUMAN_DOSE, t_min=INFUSION_MIN):
    """Glutamate after one infusion of ``dose_mg_per_kg``, read at ``t_min`` minutes from its start."""
    return IncreaseDecrease(surge.glutamate_after_dose(dose_mg_per_kg), float(t_min) / 60.0)


def describe_increase_decrease(g):
    """Alt text: glutamate now, the peak and the lowest point after this dose, and the brain level now."""
    r = g.result
    i_max, i_min = int(r.glutamate_rel.argmax()), int(r.glutamate_rel.argmin())
    low = (f"falls to {r.glutamate_rel[i_min]:.2f} at {60 * r.t_h[i_min]:.0f} min" if r.glutamate_rel[i_min] < 0.98
           else "never falls below baseline")
    now_c = float(g.result.ketamine_uM[int(abs(r.t_h - g.t_h).argmin())])
    return (f"{g.title}. Brain ketamine is {now_c:.2f} µM at that time. After this dose glutamate peaks at "
            f"{r.glutamate_rel[i_max]:.2f} times baseline at {60 * r.t_h[i_max]:.0f} min and {low}. Held "
            f"steady, glutamate rises at low concentrations and falls below baseline above a few µM. Marked: the "
            f"human +{g.human_rise:.0%} at 0.5 mg/kg (the model's fit target) and the rat directions over dose "
            f"(rise, no change, fall), which are not placed on the µM axis.")


def explore_increase_decrease():
    """Dose × time after the start → glutamate over time and at held concentrations."""
    controls = [
        Slider("dose_mg_per_kg", "Dose over 40 min", 0.1, 10.0, 0.1, HUMAN_DOSE, (0.1, HUMAN_DOSE, 2.0, 5.0, 10.0),
               "mg/kg", ".1f"),
        Slider("t_min", "Time from the start", 5.0, 240.0, 5.0, INFUSION_MIN, (20.0, INFUSION_MIN, 90.0, 180.0),
               "min", ".0f"),
    ]
    return interactive_figure(controls, increase_decrease, surge_plots.increase_decrease,
                              describe_increase_decrease, "Increase or decrease? Dose and time decide",
                              figsize=(7.6, 3.4))


# --- explorer 3: AMPA versus NMDA current at the surge ----------------------------------------------------

@dataclass(frozen=True)
class Currents:
    currents: surge.SynapseCurrents

    @property
    def title(self):
        c = self.currents
        return f"{c.v_mV:.0f} mV, ketamine {c.conc_uM:g} µM: AMPA carries {c.ampa_share_drug:.0%} of the current"


def currents(v_mV=-70.0, conc_uM=PEAK_UM):
    """AMPA and NMDA currents at ``v_mV`` with ketamine held at ``conc_uM``."""
    return Currents(surge.synapse_currents(v_mV, conc_uM))


def describe_currents(s):
    """Alt text: both currents without and with ketamine, the glutamate level and the NMDA block."""
    c = s.currents
    return (f"{s.title}. Glutamate is {c.glutamate_rel:.2f} times drug-free and {c.nmda_block:.0%} of the pyramidal "
            f"NMDA receptors are blocked. AMPA current goes from {-c.ampa_free_pA:.1f} to {-c.ampa_drug_pA:.1f} "
            f"pA per nS (not blocked, it follows glutamate); NMDA current from {-c.nmda_free_pA:.2f} to "
            f"{-c.nmda_drug_pA:.2f} (magnesium limits it at rest, ketamine blocks part of it).")


def explore_currents():
    """Membrane voltage × held ketamine → AMPA and NMDA currents without and with the drug."""
    controls = [
        Slider("v_mV", "Membrane voltage", -80.0, -10.0, 5.0, -70.0, (-70.0, -40.0, -10.0), "mV", ".0f"),
        Slider("conc_uM", "Ketamine held at", 0.1, 10.0, 0.05, round(PEAK_UM, 2), (0.1, round(PEAK_UM, 2), 10.0),
               "µM", ".2f"),
    ]
    return interactive_figure(controls, currents, surge_plots.currents, describe_currents,
                              "AMPA versus NMDA current at the surge", figsize=(6.4, 3.4))
