"""Prove it: in the clinic (book/chapters/in_the_clinic.ipynb)."""

from ketamine_sim.quiz import MultipleChoice, Numeric
from ketamine_sim.trials import model_points
from ketamine_sim.widgets.clinic import virtual

_SALINE, _MIDAZOLAM = (virtual(1, c, 200).difference[0] for c in (0, 1))
_EXPECTANCY_GAP = round(_MIDAZOLAM - _SALINE, 1)  # how much an inert comparator flatters the drug, virtual trial
_ESKE_LOW, _ESKE_HIGH = model_points()["TRANSFORM-2"]  # the average patient at 56 and 84 mg

QUESTIONS = [
    # learning objective 1: read a trial's design
    MultipleChoice(
        "Berman 2000 found a 14-point HAM-D fall after ketamine against none after saline; KARMA-Dep 2 (2025) found "
        "no significant difference from midazolam. Which reading of the two is best supported?",
        options=(
            "The early trial was tiny (7 completers) and used an inert placebo; the later one was larger, used an "
            "active placebo and still could not keep the blind, so the true advantage is smaller and less certain",
            "Ketamine has stopped working since 2000",
            "KARMA-Dep 2 proves that ketamine is no better than midazolam",
        ),
        correct=0,
        explanations=(
            "Right: design explains much of the spread. A null result with a confidence interval from about −8.5 to "
            "+2.2 points neither proves an effect nor rules out a moderate one.",
            "The drug has not changed; the trials differ in size, patients (inpatients, adjunctive, repeated "
            "infusions), comparator and read-out.",
            "A non-significant difference is not evidence of no difference: the interval still includes an "
            "advantage of several points.",
        ),
    ),
    # learning objective 2: blinding with a dissociative drug (computed with the package)
    Numeric(
        "Run the virtual trial with one infusion and 200 patients per arm, once against saline and once against "
        "midazolam. By how many MADRS points does the drug's advantage shrink when the comparator is midazolam? "
        "Answer to one decimal.",
        answer=_EXPECTANCY_GAP, tolerance=0.3, unit="points",
        explanation="In the virtual patients midazolam, being felt, adds the expectancy part of the placebo response "
                    "that saline lacks; that part (an ASSUMED share of midazolam's 8.8 points) no longer counts as "
                    "the drug's effect. This is why an active placebo is used with a dissociative drug.",
        hint="Read the MADRS difference in the title of the virtual trial at both comparator settings and subtract.",
    ),
    # learning objective 3: suicidal thoughts
    MultipleChoice(
        "What does the evidence in this chapter show about ketamine and suicide?",
        options=(
            "One dose lowers suicidal ideation within a day, for up to a week; no source here shows fewer suicide "
            "attempts or deaths",
            "Ketamine prevents suicide",
            "Ketamine has no effect on suicidal thoughts",
        ),
        correct=0,
        explanations=(
            "Right: the individual-patient meta-analysis (Wilkinson 2018, n = 167) measured ideation, a symptom. "
            "The esketamine label says that preventing suicide has not been demonstrated.",
            "Lower ideation over days is not the same as fewer attempts or deaths, which none of our sources measured.",
            "The meta-analysis found a rapid fall in ideation (Cohen's d 0.48–0.85), partly independent of the "
            "overall change in depression.",
        ),
    ),
    # learning objective 4: esketamine
    MultipleChoice(
        "Which statement about esketamine nasal spray is right?",
        options=(
            "In TRANSFORM-2 it beat placebo spray by 4 MADRS points at day 28 (both arms started an oral "
            "antidepressant); the fixed-dose TRANSFORM-1 missed its primary endpoint; patients are watched for at "
            "least 2 hours after each dose",
            "It reproduced the 7.7-point advantage of IV ketamine over midazolam at 24 hours",
            "It is approved for use at home without supervision",
        ),
        correct=0,
        explanations=(
            f"Right. Our model overstates this effect ({-_ESKE_HIGH:.1f} to {-_ESKE_LOW:.1f} points for the average "
            "patient): its symptom scale was fitted to IV ketamine against midazolam at 24 hours.",
            "The published day-28 advantage is about half that; the 24-h IV figure (7.7 points, Murrough 2013) is "
            "the model's calibration.",
            "It is given under a restricted programme (REMS) in a certified setting, with blood pressure checked "
            "before and about 40 minutes after dosing.",
        ),
    ),
    # learning objective 5: safety
    MultipleChoice(
        "Who should not receive esketamine according to its label?",
        options=(
            "People with aneurysmal vascular disease or an arteriovenous malformation, a history of bleeding in the "
            "brain, or hypersensitivity to esketamine or ketamine",
            "Everyone over 65",
            "Anyone who has ever taken an SSRI",
        ),
        correct=0,
        explanations=(
            "Right: the drug raises blood pressure for a while after each dose, which is dangerous for a weakened "
            "vessel.",
            "Older patients start at a lower dose in some labels (28 mg), but age is not a contraindication.",
            "The spray is given with an oral antidepressant; previous SSRIs are what define treatment resistance.",
        ),
    ),
]
