"""Published values for the synaptogenesis cascade: AMPA, BDNF, mTORC1, eEF2, dendritic spines.

Most findings here are qualitative (a switch abolishes an effect, one thing comes before another).  They are
stored as value 1.0 with unit "qualitative (1 = finding holds)"; the test named in ``conditions`` checks the
finding itself.  Several are built into the model's structure (role "input"), and the spine time constant was
chosen to give the two-week persistence (role "calibration").  Exact timings in these papers are UNVERIFIED
(facts.md section 10), so no hour-level number is stored.
"""

from ketamine_sim.literature._reference import Reference

QUALITATIVE = "qualitative (1 = finding holds)"

REFERENCES = [
    # --- one dose: spine density raised ~2 weeks, by formation (Phoumthipphavong2016, facts.md section 7) ---
    Reference("spine_density_raised_days", 14.0, 7.0, "days",
              "one dose, two-photon imaging, mouse medial frontal cortex; model: last day on which the spine "
              "excess is still >= 10% of its peak (10% is our ASSUMED detection limit)",
              "Phoumthipphavong2016", "VERIFIED", "calibration"),
    Reference("spine_elimination_rate_ratio", 1.0, 0.0, "ratio (ketamine / no drug)",
              "per-spine elimination rate after one dose is unchanged; the rise comes from formation",
              "Phoumthipphavong2016", "VERIFIED", "input"),
    # --- inhibitors abolish the spine increase (rodent) ---
    Reference("rapamycin_abolishes_spine_increase", 1.0, 0.0, QUALITATIVE,
              "rapamycin (intracortical, rat PFC) blocks the ketamine-induced rise in layer-V spines "
              "(also reviewed in DumanAghajanian2012)",
              "Li2010", "VERIFIED", "input"),
    Reference("nbqx_spine_increase_left", 0.0, 0.05, "fraction of the peak spine rise left",
              "NBQX pretreatment (AMPA receptor antagonist) blocks ketamine's antidepressant-like effect in mice; "
              "model: 1 uM peak, NBQX blocking 95% of AMPA receptors (ASSUMED in receptors), every downstream "
              "stage needs AMPA throughput",
              "Maeng2008", "VERIFIED", "structural", at=1.0),
    Reference("nbqx_functional_component_left", 0.0, 0.05, "fraction of the peak potentiation left",
              "NBQX blocks the antidepressant-like effects (mice; ketamine and (2R,6R)-HNK), so the fast "
              "functional component is AMPA-dependent; model conditions as above",
              "Zanos2016", "SECONDARY", "structural", at=1.0),
    # --- human rapamycin trial: the 24-h effect survives (model: the functional component survives) ---
    Reference("rapamycin_spares_functional_component", 1.0, 0.0, QUALITATIVE,
              "oral rapamycin 6 mg did not block ketamine's 24-h effect in depressed patients (n = 20); "
              "in the model rapamycin leaves the early potentiation untouched (mTORC1 in humans: DEBATED)",
              "Abdallah2020Rapamycin", "VERIFIED", "input"),
    # --- block at rest (Autry2011): eEF2 dephosphorylation and BDNF without a glutamate surge ---
    Reference("block_at_rest_dephosphorylates_eef2", 1.0, 0.0, QUALITATIVE,
              "NMDA receptor block at rest (no glutamate surge) lowers eEF2 phosphorylation and raises BDNF "
              "translation (mice; time ~30 min UNVERIFIED)",
              "Autry2011", "VERIFIED", "input"),
    # --- behaviour first, spines keep it (ModaSava2019) ---
    Reference("functional_component_rises_before_spines", 1.0, 0.0, QUALITATIVE,
              "behavioural rescue comes before new spines (mouse chronic stress); model: the potentiation "
              "reaches half its peak before the spine excess does (depends on ASSUMED time constants)",
              "ModaSava2019", "VERIFIED", "calibration"),
    Reference("early_effect_without_new_spines", 1.0, 0.0, QUALITATIVE,
              "deleting new spines leaves the initial behavioural effect but not its maintenance; model: with "
              "spine formation removed the potentiation is unchanged and nothing is left after a week",
              "ModaSava2019", "VERIFIED", "input"),
    # --- daily dosing (Pryazhnikov2018): formation up at 72-132 h but not at 6-24 h ---
    Reference("daily_dosing_formation_72_132h", 1.0, 0.1, "formation rate / baseline",
              "10 mg/kg/day x 5 days, somatosensory cortex, female mice: spine formation INCREASED at 72-132 h "
              "(model: mean formation ratio over 72-132 h above 1 + tolerance, the 10% a threshold we chose; 5 daily "
              "exposures). NOT reproduced since the Fava2020 dose threshold: the model's rise is about 7%",
              "Pryazhnikov2018", "VERIFIED", "validation", reproduced=False),
    Reference("daily_dosing_formation_6_24h", 1.0, 0.1, "formation rate / baseline",
              "same schedule: spine formation NOT increased at 6-24 h (mean ratio within 1 +/- tolerance, a "
              "threshold we chose); the model's rise is about 1.5%, smaller than at 72-132 h",
              "Pryazhnikov2018", "VERIFIED", "validation"),
]
