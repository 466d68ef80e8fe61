"""Published values for SSRIs: the fast serotonin rise and the slow clinical response.

Rows with role ``"context"`` are published numbers the monoamine time lag chapter quotes (glued into its prose)
that no model uses or is checked against: STAR*D's population rates cannot be compared with one deterministic
patient's curve.  They sit here so that every number in the book has one home and one source.
"""

from ketamine_sim.literature._reference import Reference

REFERENCES = [
    # --- the rise is fast (rat microdialysis; claims #1) ---
    Reference("ssri_raphe_serotonin_rel", 2.70, 0.0, "x baseline", "rat raphe, one dose of fluvoxamine 30 mg/kg p.o.",
              "CommonsLinnros2019", "SECONDARY", "input"),
    Reference("ssri_terminal_serotonin_rel", 1.91, 0.0, "x baseline",
              "rat hippocampus, one dose of fluvoxamine 30 mg/kg p.o.", "CommonsLinnros2019", "SECONDARY", "input"),
    Reference("ssri_serotonin_rise_within_hours", 6.0, 0.0, "h",
              "terminal serotonin is more than halfway to its first-dose rise within this many hours of the first "
              "dose ('rises quickly'; the fast rise is built in)", "CommonsLinnros2019", "VERIFIED", "structural",
              at=6.0),
    Reference("ssri_effect_at_day_1", 0.0, 0.02, "effect (0-1)",
              "one day after the first dose: serotonin is up, the antidepressant effect is not (the delay is "
              "downstream; true by construction of the slow step)", "CommonsLinnros2019", "VERIFIED", "structural",
              at=1.0),
    # --- the effect is slow (STAR*D step 1, citalopram up to 12-14 weeks) ---
    Reference("ssri_half_of_remissions_by_6_weeks", 0.50, 0.05, "effect(6 wk) / effect(13 wk)",
              "about half of step-1 remissions occurred within 6 weeks; single-patient stand-in: the effect at "
              "6 weeks is half its level at 13 weeks (mid 12-14)", "Rush2009", "VERIFIED", "calibration", at=91.0),
    Reference("ssri_substantial_gain_after_week_8", 0.20, 0.0, "share of the 14-week effect",
              "'a substantial portion' of responses and remissions came at or after week 8: at least this share "
              "of the 14-week effect is still to come at week 8 (qualitative; threshold ASSUMED)",
              "Trivedi2006", "VERIFIED", "structural", at=56.0),
    # --- quoted in the chapter, neither used nor checked by a model (STAR*D: open-label, no placebo arm) ---
    Reference("ssri_rat_fluvoxamine_dose", 30.0, 0.0, "mg/kg p.o.",
              "the single oral fluvoxamine dose of the rat microdialysis numbers above", "CommonsLinnros2019",
              "SECONDARY", "context"),
    Reference("stard_step1_n", 2876.0, 0.0, "outpatients",
              "STAR*D level 1: citalopram for up to 14 weeks, open-label, no placebo arm", "Trivedi2006", "VERIFIED",
              "context"),
    Reference("stard_step1_remission_hamd", 0.28, 0.0, "fraction",
              "STAR*D level 1 remission on the HAM-D (citalopram, up to 14 weeks, open-label)", "Trivedi2006",
              "VERIFIED", "context"),
    Reference("stard_step1_remission_qids", 0.33, 0.0, "fraction",
              "STAR*D level 1 remission on the QIDS-SR (citalopram, up to 14 weeks, open-label)", "Trivedi2006",
              "VERIFIED", "context"),
    Reference("stard_step1_response", 0.47, 0.0, "fraction",
              "STAR*D level 1 response (citalopram, up to 14 weeks, open-label)", "Trivedi2006", "VERIFIED",
              "context"),
    Reference("stard_step1_exit_dose", 41.8, 0.0, "mg/day",
              "STAR*D level 1: mean citalopram dose at exit", "Trivedi2006", "VERIFIED", "context"),
    Reference("stard_remission_step1", 0.368, 0.0, "fraction",
              "reported QIDS-SR remission rate at the first of up to four sequential steps", "Rush2006", "VERIFIED",
              "context"),
    Reference("stard_remission_step4", 0.130, 0.0, "fraction",
              "reported QIDS-SR remission rate at the fourth step", "Rush2006", "VERIFIED", "context"),
    Reference("stard_cumulative_remission", 0.67, 0.0, "fraction",
              "reported cumulative remission over four steps; criticised in later reanalyses (not checked here)",
              "Rush2006", "VERIFIED", "context"),
]
