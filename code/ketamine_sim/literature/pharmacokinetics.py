"""Published values for plasma and brain concentrations of ketamine after each route and dose.

Ranges from a review table (low-high) are stored as their midpoint with half the width as tolerance.
"""

from ketamine_sim.literature._reference import Reference

REFERENCES = [
    # --- used by other stages and the book (names and values fixed) ---
    Reference("peak_plasma_antidepressant_dose", 0.78, 0.01, "uM", "0.5 mg/kg IV over 40 min (185 ng/mL)",
              "Zanos2018PharmRev", "VERIFIED", "calibration"),
    Reference("anaesthetic_plasma_low", 5.0, 0.0, "uM", "general anaesthesia, 1-2 mg/kg IV (1200 ng/mL)",
              "Zanos2018PharmRev", "VERIFIED", "input"),
    Reference("anaesthetic_plasma_high", 10.0, 0.0, "uM", "general anaesthesia, 1-2 mg/kg IV (2400 ng/mL)",
              "Zanos2018PharmRev", "VERIFIED", "input"),
    Reference("brain_conc_antidepressant_dose", 1.0, 0.0, "uM", "estimated human brain level, 0.5 mg/kg IV",
              "Gerhard2020", "SECONDARY", "input"),
    # --- inputs of the pharmacokinetic model ---
    Reference("ketamine_molar_mass", 237.7, 0.1, "g/mol",
              "ketamine free base C13H16ClNO; DERIVED from the formula, matches the review's ng/mL-to-uM conversion",
              "Zanos2018PharmRev", "DERIVED", "input"),
    Reference("standard_antidepressant_dose", 0.5, 0.0, "mg/kg", "IV over 40 min (at = infusion length, min)",
              "Berman2000", "VERIFIED", "input", at=40.0),
    Reference("distribution_half_life", 12.5, 2.5, "min", "alpha phase after IV ketamine, t1/2 10-15 min",
              "KetalarLabel", "SECONDARY", "input"),
    Reference("elimination_half_life", 2.5, 0.5, "h",
              "redistribution/elimination (beta) phase, '2 to 3 h'; also read back from the simulated curve",
              "AlShirawi2017", "VERIFIED", "input"),
    Reference("intranasal_bioavailability", 0.45, 0.0, "fraction", "intranasal racemic ketamine (used for esketamine)",
              "AlShirawi2017", "VERIFIED", "input"),
    Reference("anaesthetic_induction_dose", 2.0, 0.0, "mg/kg",
              "IV induction 1-4.5 mg/kg, mean 2 mg/kg: surgical anaesthesia within 30 s lasting 5-10 min "
              "(at = shortest duration, min)", "KetalarLabel", "VERIFIED", "input", at=5.0),
    Reference("esketamine_device_dose", 28.0, 0.0, "mg", "one nasal device (2 sprays); 56 mg = 2, 84 mg = 3 devices",
              "SpravatoLabel", "VERIFIED", "input"),
    Reference("esketamine_device_interval", 5.0, 0.0, "min", "rest between devices", "SpravatoLabel", "VERIFIED",
              "input"),
    Reference("esketamine_induction_doses_per_week", 2.0, 0.0, "doses/week",
              "TRD induction, weeks 1-4 (at = weeks); weekly from week 5", "SpravatoLabel", "VERIFIED", "input",
              at=4.0),
    Reference("repeated_infusions", 6.0, 0.0, "infusions", "0.5 mg/kg over 40 min, Mon/Wed/Fri for 2 weeks",
              "Phillips2019", "VERIFIED", "input"),
    # --- the effect site (Sleigh2019, primary source added by the models helper; not in facts.md) ---
    Reference("effect_site_half_life", 23.0, 4.0, "s",
              "EEG slow-wave effect-site equilibration half-time after 1.5 mg/kg IV, 15 volunteers (mean (SD))",
              "Sleigh2019", "VERIFIED", "input"),
    Reference("anaesthetic_bolus_brain_peak_time", 5.0, 0.0, "min (upper bound)",
              "2 mg/kg IV gives anaesthesia within 30 s lasting 5-10 min: the brain level must peak within the "
              "shortest duration, 5 min after the bolus", "KetalarLabel", "VERIFIED", "validation", at=2.0),
    Reference("anaesthetic_bolus_brain_at_30s", 5.0, 0.0, "uM (lower bound)",
              "anaesthesia within 30 s of 2 mg/kg IV: the brain level at 30 s must reach the anaesthetic plasma "
              "range (5-10 uM, Zanos2018PharmRev). NOT reproduced: the model gives 2.8 uM, a consequence of the "
              "plasma miss below", "KetalarLabel", "VERIFIED", "validation", at=0.5, reproduced=False),
    Reference("loss_of_responsiveness_brain", 6.9, 0.7, "uM",
              "loss of responsiveness at an estimated brain level of 1.64 (0.17) ug/mL after 1.5 mg/kg IV (their "
              "PK/PD model; 6.9 uM); NOT reproduced: the model's brain peak after 1.5 mg/kg is about 3.3 uM",
              "Sleigh2019", "VERIFIED", "validation", at=1.5, reproduced=False),
    # --- validations: predicted, not fitted ---
    Reference("dissociation_plasma_range", 0.76, 0.34, "uM",
              "plasma during dissociation, 0.5 mg/kg over 40 min: 100-250 ng/mL (0.42-1.1 uM); checked over the "
              "second half of the infusion, 20-40 min", "Zanos2018PharmRev", "VERIFIED", "validation"),
    Reference("analgesic_plasma_range", 0.48, 0.19, "uM",
              "analgesic 0.15 mg/kg IV: 70-160 ng/mL (0.29-0.67 uM); taken as a bolus, checked 0.5-5 min after it",
              "Zanos2018PharmRev", "VERIFIED", "validation", at=0.15),
    Reference("anaesthetic_bolus_plasma_range", 7.5, 2.5, "uM",
              "general anaesthesia, 1-2 mg/kg IV: 1200-2400 ng/mL (5-10 uM); checked 0.5-5 min after a 2 mg/kg "
              "bolus, while the label says anaesthesia lasts", "Zanos2018PharmRev", "VERIFIED", "validation", at=2.0,
              reproduced=False),
    Reference("alpha_phase_duration", 45.0, 15.0, "min",
              "the distribution phase lasts about 45 min (taken as: its share of plasma falls below 10%, a threshold "
              "we chose; follows from the 12.5-min input half-life)", "KetalarLabel", "SECONDARY", "structural"),
    Reference("fraction_of_peak_left_at_10h", 0.0625, 0.0, "fraction of peak (upper bound)",
              "0.5 mg/kg over 40 min, 10 h after the start: >4 half-lives have passed, so at most 2^-4 of the peak "
              "is left, long before the 24-h clinical peak (facts.md modelling note; claims #29)",
              "KetalarLabel", "DERIVED", "structural", at=10.0),
]
