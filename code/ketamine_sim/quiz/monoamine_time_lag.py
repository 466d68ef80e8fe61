"""Prove it: the monoamine time lag (book/chapters/monoamine_time_lag.ipynb)."""

from ketamine_sim.onset import hours_vs_weeks
from ketamine_sim.quiz import MultipleChoice, Numeric

_LAG = hours_vs_weeks().lag_factor  # the figure's "× … later" at the calibrated time constant

QUESTIONS = [
    # learning objective 1: the monoamine hypothesis and what an SSRI does
    MultipleChoice(
        "What was an SSRI designed to do at a serotonin synapse?",
        options=(
            "Block the transporter that takes released serotonin back up, so serotonin stays outside the cells longer",
            "Make the terminals release more serotonin with each spike",
            "Block the 5-HT1A autoreceptors that brake serotonin neurons",
        ),
        correct=0,
        explanations=(
            "The drug occupies the serotonin transporter (SERT); serotonin that is released is cleared more slowly, "
            "so its level outside the cells rises. That follows from the monoamine hypothesis: raise the messenger "
            "that is thought to be too low.",
            "Release is not the target. In fact the extra serotonin also acts on autoreceptors that brake firing, "
            "which is one of the two explanations of the lag.",
            "The autoreceptors are not the drug's target; in the classic hypothesis they only desensitise, slowly, "
            "because serotonin stays high for weeks.",
        ),
    ),
    # learning objective 2: what is fast, what is slow
    MultipleChoice(
        "A rat receives one oral dose of fluvoxamine, and serotonin is measured by microdialysis. When does "
        "extracellular serotonin rise?",
        options=(
            "Within hours of the dose",
            "Only after two to three weeks, once the autoreceptors have desensitised",
            "Only after the antidepressant effect has appeared",
        ),
        correct=0,
        explanations=(
            "In rats it rises within hours of a single dose, in the raphe and in the hippocampus. The rise is fast; "
            "what takes weeks lies downstream of it.",
            "That is the popular version of the story, and it is wrong: the rise after one dose is fast. The "
            "autoreceptor hypothesis says that terminal serotonin rises *further* over weeks, not that it starts then.",
            "The order is the other way round: serotonin first, within hours; any benefit only after weeks.",
        ),
    ),
    # learning objective 2: reading STAR*D with its design
    MultipleChoice(
        "In STAR*D about a third of outpatients remitted on first-step citalopram. What does that number tell you?",
        options=(
            "How often remission happened in routine-like open-label care, not how much of it the drug caused",
            "That citalopram beats placebo by about a third",
            "That a third of patients feel better within the first week",
        ),
        correct=0,
        explanations=(
            "STAR*D was open-label with no placebo arm. Its rates describe what happened to patients treated "
            "under measurement-based care; the share due to the drug itself cannot be read from them.",
            "Without a placebo arm there is no drug–placebo difference to compute; the third includes placebo "
            "response, natural recovery and the effect of regular contact.",
            "Remission was counted over up to 14 weeks, and many responses and remissions came at or after week 8.",
        ),
    ),
    # learning objective 3: which readout tells the hypotheses apart
    MultipleChoice(
        "In the model, the autoreceptor hypothesis and the plasticity hypothesis give the same clinical curve. Which "
        "measurement, made in the same patients after several weeks on the SSRI, would tell them apart?",
        options=(
            "Serotonin at forebrain terminals (or the sensitivity of the 5-HT1A autoreceptors)",
            "The time at which the clinical effect reaches half its maximum",
            "The share of patients in remission at week 14",
            "Transporter occupancy on the first day",
        ),
        correct=0,
        explanations=(
            "Under the autoreceptor hypothesis terminal serotonin keeps climbing as the brake desensitises; under "
            "the plasticity hypothesis it stays flat and the autoreceptors keep their sensitivity. An intermediate "
            "readout separates mechanisms that the outcome cannot.",
            "Both hypotheses were calibrated to the same clinical time course, so any clinical timing is the same "
            "for both: it cannot decide between them.",
            "A clinical outcome again: the two mechanisms give the same effect curve, so the same remission rate.",
            "Occupancy is the drug at its target; it is the same under both hypotheses, because they differ only "
            "downstream of it.",
        ),
    ),
    # learning objective 5: grades
    MultipleChoice(
        "How does the evidence stand on the claim that the SSRI lag exists because 5-HT1A autoreceptors must "
        "desensitise before serotonin at the terminals can rise?",
        options=("Established", "Debated", "A hypothesis no one has tested"),
        correct=1,
        explanations=(
            "It is the classic account and has supporting data, but it has been seriously challenged: the "
            "feedback inhibition may persist during treatment.",
            "There are data on both sides: the classic desensitisation account, and the argument (Commons and "
            "Linnros) that feedback persists and slower plastic changes set the pace.",
            "It has been tested for decades, with results on more than one side; that makes it debated rather than "
            "an untested idea.",
        ),
    ),
    # learning objective 4: the lag as a distance on a log-time axis
    Numeric(
        "In the figure 'Hours versus weeks' at the calibrated SSRI time constant, how many times later does the SSRI's "
        "effect reach half its 3-month level than ketamine's effect reaches half its peak? (The double arrow is "
        "labelled with it.)",
        answer=round(_LAG),
        tolerance=0.15 * _LAG,
        unit="times",
        explanation=f"About {_LAG:.0f} times: a few hours for one ketamine infusion against about six weeks of "
                    "daily SSRI. On a log axis that factor is a fixed distance, more than two decades.",
        hint="Read the label on the double arrow in the lower panel, with the SSRI time constant at its default.",
        mistakes=((0.5, 10.0, "That is the ratio at a very fast SSRI time constant; set the slider back to its "
                              "default (the calibration, about a month)."),),
    ),
]
