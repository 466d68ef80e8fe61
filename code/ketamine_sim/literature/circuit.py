"""Published values for the cortical microcircuit: firing of pyramidal cells and interneurons, glutamate efflux.

Qualitative findings are stored as a direction: ``value`` +1 means "rises above the drug-free level", -1 means
"falls below it" (tolerance 0: the sign must match), ``at`` is the ketamine concentration (uM) where the model is
checked.  Rat doses (mg/kg) are not converted to uM: "subanaesthetic" is checked at the estimated human brain level
for the antidepressant dose (1 uM, Gerhard2020) and "anaesthetic" at human anaesthetic plasma levels (5 and 10 uM,
Zanos2018PharmRev).  That mapping is an assumption of the model.
"""

from ketamine_sim.literature._reference import Reference

_DIRECTION = "direction vs drug-free (+1 rise, -1 fall)"

REFERENCES = [
    # --- Moghaddam1997: inverted-U of PFC glutamate efflux with ketamine dose (conscious rats, microdialysis) ---
    Reference("glutamate_rise_subanaesthetic", +1.0, 0.0, _DIRECTION,
              "PFC glutamate up at 10-30 mg/kg i.p. in rats; model at the human antidepressant brain level",
              "Moghaddam1997", "VERIFIED", "calibration", at=1.0),
    Reference("glutamate_fall_anaesthetic_low", -1.0, 0.0, _DIRECTION,
              "PFC glutamate down at 200 mg/kg i.p. in rats; model at 5 uM (human anaesthetic plasma, low end)",
              "Moghaddam1997", "VERIFIED", "calibration", at=5.0),
    Reference("glutamate_fall_anaesthetic_high", -1.0, 0.0, _DIRECTION,
              "PFC glutamate down at 200 mg/kg i.p. in rats; model at 10 uM (human anaesthetic plasma, high end)",
              "Moghaddam1997", "VERIFIED", "calibration", at=10.0),
    # --- Gerhard2020: spontaneous IPSC/EPSC frequency onto mPFC layer-5 pyramidal cells, mouse slices ---
    Reference("inhibition_falls_at_1uM", -1.0, 0.0, _DIRECTION,
              "sIPSC frequency down at 1 uM ketamine (model: interneuron rate)", "Gerhard2020", "VERIFIED",
              "calibration", at=1.0),
    Reference("excitation_rises_at_1uM", +1.0, 0.0, _DIRECTION,
              "sEPSC frequency up at 1 uM ketamine (model: pyramidal rate)", "Gerhard2020", "VERIFIED",
              "calibration", at=1.0),
    Reference("inhibition_falls_at_10uM", -1.0, 0.0, _DIRECTION,
              "sIPSC frequency down at 10 uM ketamine (model: interneuron rate)", "Gerhard2020", "VERIFIED",
              "calibration", at=10.0),
    Reference("excitation_falls_at_10uM", -1.0, 0.0, _DIRECTION,
              "sEPSC frequency down at 10 uM ketamine (model: pyramidal rate)", "Gerhard2020", "VERIFIED",
              "calibration", at=10.0),
    # --- HomayounMoghaddam2007: order of the firing changes (MK-801, not ketamine; awake rat PFC) ---
    Reference("interneurons_fall_before_pyramidal_rise", +1.0, 0.0, "order (+1: interneuron fall comes first)",
              "MK-801 in awake rat PFC; model: ketamine ramp to 1 uM over 40 min, first 5% change of each rate; "
              "the pyramidal delay is represented by an assumed 10-min lag, not explained",
              "HomayounMoghaddam2007", "VERIFIED", "calibration", at=1.0),
    # --- Abdallah2018MRS: human PFC glutamate-glutamine cycling during ketamine (13C-MRS) ---
    Reference("glutamate_cycling_rise_human", 0.13, 0.01, "fractional rise (glutamate_rel - 1)",
              "+13% 13C-glutamine enrichment vs placebo, n = 21; read as the mean rise of glutamate release over "
              "the 40-min standard infusion, circuit dynamics under the model's brain course (ASSUMED mapping; "
              "at = dose, mg/kg)",
              "Abdallah2018MRS", "VERIFIED", "calibration", at=0.5),
    # context: the rat doses the disinhibition chapter quotes (glued into its prose); no model reads them
    Reference("moghaddam_rise_dose_low", 10.0, 0.0, "mg/kg i.p.",
              "lowest ketamine dose that raised PFC glutamate in conscious rats (microdialysis)", "Moghaddam1997",
              "VERIFIED", "context"),
    Reference("moghaddam_rise_dose_high", 30.0, 0.0, "mg/kg i.p.",
              "highest ketamine dose that raised PFC glutamate in conscious rats", "Moghaddam1997", "VERIFIED",
              "context"),
    Reference("moghaddam_no_change_dose", 50.0, 0.0, "mg/kg i.p.",
              "ketamine dose with no change of PFC glutamate in conscious rats", "Moghaddam1997", "VERIFIED",
              "context"),
    Reference("moghaddam_fall_dose", 200.0, 0.0, "mg/kg i.p.",
              "anaesthetic ketamine dose that lowered PFC glutamate in rats", "Moghaddam1997", "VERIFIED", "context"),
]
