"""Published values for plasma and brain concentrations of ketamine after each route and dose."""

from ketamine_sim.literature._reference import Reference

REFERENCES = [
    Reference("peak_plasma_antidepressant_dose", 0.78, 0.0, "uM", "0.5 mg/kg IV over 40 min (185 ng/mL)",
              "Zanos2018PharmRev", "VERIFIED", "input"),
    Reference("anaesthetic_plasma_low", 5.0, 0.0, "uM", "general anaesthesia, 1-2 mg/kg IV (1200 ng/mL)",
              "Zanos2018PharmRev", "VERIFIED", "input"),
    Reference("anaesthetic_plasma_high", 10.0, 0.0, "uM", "general anaesthesia, 1-2 mg/kg IV (2400 ng/mL)",
              "Zanos2018PharmRev", "VERIFIED", "input"),
    Reference("brain_conc_antidepressant_dose", 1.0, 0.0, "uM", "estimated human brain level, 0.5 mg/kg IV",
              "Gerhard2020", "SECONDARY", "input"),
]
