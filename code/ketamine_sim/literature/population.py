"""Published numbers for the virtual patients (:mod:`ketamine_sim.population`): spread, response, relapse.

The withdrawal-trial rows compare a virtual SUSTAIN-1 (:func:`ketamine_sim.population.withdrawal_trial`) with
Daly2019; the model was fitted to none of them.  Confidence limits of the published hazard ratios are in
:data:`DALY2019_HR_CI` (the tests read them from there).
"""

from ketamine_sim.literature._reference import Reference

DALY2019_HR_CI = {"remitters": (0.29, 0.84), "responders": (0.16, 0.55)}  # Daly2019, 95% CI

REFERENCES = [
    # --- calibrations: what the population was fitted to ---
    Reference("population_relapse_spread", 8.5, 5.5, "days",
              "typical relapse 3-14 days after one infusion, large individual variation; model: the middle 80% "
              "of relapse times (10th to 90th percentile) after one standard infusion lies within 3-14 days "
              "(sensitivity and fading-speed spreads chosen to meet it)", "Abdallah2020Rapamycin", "VERIFIED",
              "calibration"),
    Reference("population_madrs_24h_ketamine", -16.5, 1.0, "MADRS points",
              "mean change of the virtual cohort 24 h after one 0.5 mg/kg infusion (ketamine arm); inherited from "
              "the average patient's MADRS scale", "Murrough2013", "VERIFIED", "calibration", at=24.0),
    Reference("population_madrs_24h_midazolam", -8.8, 0.5, "MADRS points",
              "mean change of the virtual cohort's midazolam arm at 24 h: the placebo and expectancy means add up "
              "to it", "Murrough2013", "VERIFIED", "input", at=24.0),
    # --- validations: published numbers the population could have missed ---
    Reference("phillips2019_six_infusion_response", 0.59, 0.0, "share responding",
              "six 0.5 mg/kg infusions over two weeks (open-label phase, n = 41): 59% responded; model: share with "
              "MADRS >= 50% below baseline 24 h after the sixth infusion must lie inside the trial's own 95% "
              "Wilson interval (24 of 41)", "Phillips2019", "VERIFIED", "validation", at=24.0),
    Reference("phillips2019_response_doubled", 2.0, 0.5, "response rate, six infusions / one",
              "repeated infusions doubled the response (claims.md #32; the single-infusion rate is not in our "
              "sources); model: response 24 h after the sixth over response 24 h after the first. NOT reproduced: "
              "the model's single infusion already gives about half the cohort a response", "Phillips2019",
              "SECONDARY", "validation", reproduced=False),
    Reference("daly2019_hr_stable_remitters", 0.49, 0.0, "hazard ratio",
              "SUSTAIN-1, esketamine continued vs placebo spray, stable remitters (n = 176): HR 0.49 (95% CI "
              "0.29-0.84); model: virtual withdrawal trial, weekly 56 mg, inside the CI. NOT reproduced: the model "
              "gives a far smaller HR, because in it only the drug's fading causes relapse", "Daly2019", "VERIFIED",
              "validation", reproduced=False),
    Reference("daly2019_hr_stable_responders", 0.30, 0.0, "hazard ratio",
              "SUSTAIN-1, stable responders (n = 121): HR 0.30 (95% CI 0.16-0.55); model as above. NOT reproduced",
              "Daly2019", "VERIFIED", "validation", reproduced=False),
    Reference("daly2019_relapse_on_placebo_remitters", 0.453, 0.15, "share relapsing",
              "SUSTAIN-1: 45.3% of stable remitters switched to placebo spray relapsed (26.7% on esketamine); "
              "model: share relapsing within 24 weeks of stopping. NOT reproduced: every virtual patient who stops "
              "relapses within weeks", "Daly2019", "VERIFIED", "validation", reproduced=False),
    Reference("daly2019_relapse_on_esketamine_remitters", 0.267, 0.0, "share relapsing",
              "SUSTAIN-1: 26.7% of stable remitters who continued esketamine relapsed (quoted by the fading "
              "chapter beside the virtual trial)", "Daly2019", "VERIFIED", "context"),
    Reference("daly2019_relapse_on_esketamine_responders", 0.258, 0.0, "share relapsing",
              "SUSTAIN-1: 25.8% of stable responders who continued esketamine relapsed (quoted as above)", "Daly2019",
              "VERIFIED", "context"),
    Reference("daly2019_relapse_on_placebo_responders", 0.576, 0.15, "share relapsing",
              "SUSTAIN-1: 57.6% of stable responders switched to placebo relapsed (25.8% on esketamine); model as "
              "above. NOT reproduced", "Daly2019", "VERIFIED", "validation", reproduced=False),
]
