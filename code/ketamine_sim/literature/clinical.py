"""Published values for the clinical time course: onset, duration, relapse, repeated and maintenance dosing."""

from ketamine_sim.literature._reference import Reference

REFERENCES = [
    # --- one infusion of 0.5 mg/kg over 40 min ---
    Reference("murrough2013_madrs_24h_ketamine", -16.5, 0.05, "MADRS points",
              "change at 24 h after 0.5 mg/kg IV ketamine, n = 72 (2:1 vs midazolam)", "Murrough2013", "VERIFIED",
              "calibration", at=24.0),
    Reference("murrough2013_madrs_24h_midazolam", -8.8, 0.0, "MADRS points",
              "change at 24 h after midazolam (active placebo), n = 73 (2:1)", "Murrough2013", "VERIFIED", "input",
              at=24.0),
    Reference("single_infusion_onset", 2.0, 0.0, "h",
              "onset within about 2 h: the effect at this time is at least 10% of its peak (share ASSUMED)",
              "Zarate2006", "SECONDARY", "validation", at=2.0),
    Reference("single_infusion_peak_time", 24.0, 12.0, "h",
              "benefit peaks around a day after one infusion ('most of the effect at day 1')", "Fava2020",
              "VERIFIED", "validation"),
    Reference("effect_outlasts_drug", 72.0, 0.0, "h",
              "HAM-D fell within 72 h of one infusion although plasma ketamine is mostly gone (< 5% of peak) by "
              "10 h: at 24 h the drug is gone and the effect near its peak, at 72 h the effect is still above the "
              "relapse threshold (follows from the threshold's calibration at 8.5 days)", "Berman2000", "VERIFIED",
              "structural", at=72.0),
    Reference("single_infusion_relapse", 8.5, 5.5, "days",
              "typical relapse 3-14 days after a single dose; model: the effect falls below the relapse threshold",
              "Abdallah2020Rapamycin", "VERIFIED", "calibration"),
    # --- dose-ranging (Fava2020): 0.1/0.2/0.5/1.0 mg/kg over 40 min against midazolam ---
    Reference("fava2020_low_doses_not_distinguishable", 0.5, 0.0, "drug effect at 24 h / that of 0.5 mg/kg (below)",
              "0.1 and 0.2 mg/kg did not beat midazolam; model: drug-specific MADRS change at 24 h below half that "
              "of 0.5 mg/kg (the half is ASSUMED; TrkB cooperativity chosen to meet it)", "Fava2020", "VERIFIED",
              "calibration", at=0.2),
    Reference("fava2020_standard_doses_distinguishable", 0.5, 0.0, "drug effect at 24 h / that of 0.5 mg/kg (above)",
              "0.5 and 1.0 mg/kg beat midazolam; model: 1.0 mg/kg at least half the drug effect of 0.5 mg/kg "
              "(same ASSUMED half)", "Fava2020", "VERIFIED", "calibration", at=1.0),
    # --- human rapamycin trial: the response was prolonged (model: shortened) ---
    Reference("rapamycin_prolongs_response", 1.0, 0.0, "effect at 14 d, rapamycin / placebo (lower bound)",
              "oral rapamycin 6 mg before ketamine: 2-week response 41% vs 13% with placebo (n = 20 crossover); "
              "model: effect at 14 days with rapamycin at least that without. NOT reproduced: in the model "
              "rapamycin removes the structural component and shortens the effect", "Abdallah2020Rapamycin",
              "VERIFIED", "validation", at=14.0, reproduced=False),
    # --- repeated and maintenance dosing ---
    Reference("repeated_infusions_cumulative", 1.0, 0.0, "peak effect, six / one infusion",
              "six infusions over two weeks act more than one (qualitative: the ratio must exceed this value)",
              "Phillips2019", "VERIFIED", "structural"),
    Reference("weekly_infusions_maintain", 28.0, 0.0, "days",
              "weekly infusions kept the response: with four weekly infusions after the six, the effect stays "
              "above the relapse threshold for at least this long after the sixth (qualitative; weekly doses come "
              "sooner than the calibrated 8.5-day relapse, so this holds by construction)", "Phillips2019",
              "VERIFIED", "structural"),
]

# --- the trials of the clinic chapter (ketamine_sim.trials): published numbers the forest plot and the virtual
# trial quote.  Role "context": no model is fitted to them.  Differences are ketamine (or esketamine) minus the
# comparator; "_ci_low"/"_ci_high" are the published 95% confidence limits.
REFERENCES += [
    Reference("berman2000_hamd_72h_ketamine", -14.0, 0.0, "HAM-D-25 points",
              "change within 72 h after 0.5 mg/kg IV ketamine (spread ± 10); crossover against saline, "
              "n = 7 completers", "Berman2000", "VERIFIED", "context", at=72.0),
    Reference("berman2000_hamd_72h_saline", 0.0, 0.0, "HAM-D-25 points",
              "change within 72 h after saline (spread ± 12); same crossover, n = 7 completers", "Berman2000",
              "VERIFIED", "context", at=72.0),
    Reference("popova2019_madrs_day28_diff", -4.0, 0.0, "MADRS points",
              "TRANSFORM-2: esketamine nasal spray 56/84 mg (flexible) + new oral antidepressant minus placebo spray "
              "+ new oral antidepressant, LS-mean difference at day 28 (SE 1.69)", "Popova2019", "VERIFIED",
              "context", at=28 * 24.0),
    Reference("popova2019_madrs_day28_diff_ci_low", -7.31, 0.0, "MADRS points", "95% CI, lower limit",
              "Popova2019", "VERIFIED", "context", at=28 * 24.0),
    Reference("popova2019_madrs_day28_diff_ci_high", -0.64, 0.0, "MADRS points", "95% CI, upper limit",
              "Popova2019", "VERIFIED", "context", at=28 * 24.0),
    Reference("jelovac2025_madrs_diff", -3.16, 0.0, "MADRS points",
              "KARMA-Dep 2: inpatients, up to 8 adjunctive infusions of 0.5 mg/kg ketamine minus midazolam, end of "
              "treatment (p = 0.25; blinding largely failed), n = 62 analysed", "Jelovac2025", "VERIFIED",
              "context"),
    Reference("jelovac2025_madrs_diff_ci_low", -8.54, 0.0, "MADRS points", "95% CI, lower limit", "Jelovac2025",
              "VERIFIED", "context"),
    Reference("jelovac2025_madrs_diff_ci_high", 2.22, 0.0, "MADRS points", "95% CI, upper limit", "Jelovac2025",
              "VERIFIED", "context"),
    Reference("jelovac2025_response_ketamine", 46.9, 0.0, "% responders",
              "KARMA-Dep 2 ketamine arm, end of treatment (not significant; 15 of 32 fits, arm size DERIVED)",
              "Jelovac2025", "SECONDARY", "context"),
    Reference("jelovac2025_response_midazolam", 33.3, 0.0, "% responders",
              "KARMA-Dep 2 midazolam arm, end of treatment (10 of 30 fits, arm size DERIVED)", "Jelovac2025",
              "SECONDARY", "context"),
    Reference("anand2023_response_ketamine", 55.4, 0.0, "% responders",
              "ELEKT-D: six infusions of 0.5 mg/kg over 3 weeks, open-label, QIDS-SR-16 response, n = 195 treated",
              "Anand2023", "VERIFIED", "context"),
    Reference("anand2023_response_ect", 41.2, 0.0, "% responders",
              "ELEKT-D ECT arm, three sessions a week for 3 weeks, open-label, n = 170 treated", "Anand2023",
              "VERIFIED", "context"),
    Reference("anand2023_response_diff_ci_low", 3.9, 0.0, "percentage points",
              "95% CI of the difference 14.2 (ketamine minus ECT), lower limit; read in the PubMed abstract",
              "Anand2023", "VERIFIED", "context"),
    Reference("anand2023_response_diff_ci_high", 24.2, 0.0, "percentage points", "95% CI, upper limit",
              "Anand2023", "VERIFIED", "context"),
    Reference("ekstrand2022_remission_ketamine", 46.0, 0.0, "% remitted",
              "KetECT: inpatients, thrice-weekly 0.5 mg/kg ketamine (up to 12 sessions), open-label, MADRS ≤ 10, "
              "n = 186 in both arms", "Ekstrand2022", "VERIFIED", "context"),
    Reference("ekstrand2022_remission_ect", 63.0, 0.0, "% remitted", "KetECT ECT arm (P = 0.026)", "Ekstrand2022",
              "VERIFIED", "context"),
    Reference("ekstrand2022_remission_diff_ci_low", -30.0, 0.0, "percentage points",
              "95% CI of the difference ketamine minus ECT (published as ECT minus ketamine, 2 to 30), lower limit",
              "Ekstrand2022", "VERIFIED", "context"),
    Reference("ekstrand2022_remission_diff_ci_high", -2.0, 0.0, "percentage points", "95% CI, upper limit",
              "Ekstrand2022", "VERIFIED", "context"),
    Reference("phillips2019_response_six", 59.0, 0.0, "% responders",
              "six infusions of 0.5 mg/kg over two weeks, open-label phase, n = 41", "Phillips2019", "VERIFIED",
              "context"),
    Reference("dean2021_response_24h_ketamine", 46.5, 0.0, "% responders",
              "Cochrane review, ketamine against midazolam at 24 h, 4 RCTs, n = 296 (OR 2.48, 1.00 to 6.18; "
              "certainty very low); 95% CI of this rate 25.9 to 68.4", "Dean2021", "VERIFIED", "context", at=24.0),
    Reference("dean2021_response_24h_ketamine_ci_low", 25.9, 0.0, "% responders", "95% CI, lower limit",
              "Dean2021", "VERIFIED", "context", at=24.0),
    Reference("dean2021_response_24h_ketamine_ci_high", 68.4, 0.0, "% responders", "95% CI, upper limit",
              "Dean2021", "VERIFIED", "context", at=24.0),
    Reference("dean2021_response_24h_midazolam", 25.9, 0.0, "% responders",
              "same review: the midazolam arms' response at 24 h", "Dean2021", "VERIFIED", "context", at=24.0),
]

# --- suicidal ideation and the esketamine label (the clinic chapter quotes them; no model reads them) ---
REFERENCES += [
    Reference("wilkinson2018_ideation_d_low", 0.48, 0.0, "Cohen's d",
              "fall in suicidal ideation after one ketamine dose, within a day and up to a week; smallest effect "
              "size across time points and scales (individual-patient meta-analysis, n = 167)", "Wilkinson2018",
              "VERIFIED", "context"),
    Reference("wilkinson2018_ideation_d_high", 0.85, 0.0, "Cohen's d", "same, largest effect size",
              "Wilkinson2018", "VERIFIED", "context"),
    Reference("spravato_monitoring_h", 2.0, 0.0, "h",
              "at least this long under observation after each dose, in a REMS-certified setting", "SpravatoLabel",
              "VERIFIED", "context"),
    Reference("spravato_bp_check_min", 40.0, 0.0, "min", "blood pressure checked before dosing and about this long "
              "after", "SpravatoLabel", "VERIFIED", "context"),
    Reference("spravato_suicidal_ideation_dose_mg", 84.0, 0.0, "mg",
              "MDD with acute suicidal ideation or behaviour: twice weekly for 4 weeks (may be reduced to 56 mg)",
              "SpravatoLabel", "VERIFIED", "context"),
]
