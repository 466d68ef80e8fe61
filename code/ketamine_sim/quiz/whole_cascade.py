"""Prove it: the whole cascade (book/chapters/whole_cascade.ipynb)."""

from ketamine_sim import sensitivity
from ketamine_sim.quiz import MultipleChoice, Numeric
from ketamine_sim.widgets.capstone import dashboard

_DAYS = round(dashboard().relapse_days)  # the dashboard's default: one 0.5 mg/kg infusion

QUESTIONS = [
    # learning objective 1: follow one dose through the stages
    MultipleChoice(
        "In the dashboard, brain ketamine is gone within a day of one infusion. What carries the effect after that?",
        options=(
            "The slow stages downstream: potentiation fading over days and extra spines fading over about two weeks",
            "Ketamine still blocking NMDA receptors at a low level for weeks",
            "The glutamate surge, which goes on for days after the drug has gone",
        ),
        correct=0,
        explanations=(
            "Right: the model carries the effect on the two slow components (claim 31, a hypothesis of the book); "
            "the receptor and circuit stages return to rest within a day.",
            "The block follows the drug: it is gone within a day in the dashboard's receptor panel.",
            "Glutamate is back at baseline within hours; only the downstream traces last.",
        ),
    ),
    # learning objective 3: what the story rests on
    MultipleChoice(
        "The sensitivity analysis ranks the window gain (the plasticity window's strength) last for both outcomes, "
        "with a μ* of exactly zero. Why?",
        options=(
            "It feeds only the LTP threshold, which has no path to the mood in this model: a negative control",
            "Because its assumed value happens to be right",
            "Because Morris screening cannot move it",
        ),
        correct=0,
        explanations=(
            "Right: a parameter the outcome provably does not depend on must rank last; if it did not, the "
            "analysis would be broken. It says nothing about whether a window exists (claim 24, a hypothesis).",
            "Rank says how much an outcome depends on a number, not whether the number is right.",
            "It is moved like every other number; the outcome just does not change.",
        ),
    ),
    MultipleChoice(
        "Which kind of measurement would most narrow the model's prediction of how long one infusion helps?",
        options=(
            "How fast the extra synapses are removed after one dose, and how steep the TrkB dose threshold is",
            "The exact distribution share of the pharmacokinetics",
            "The interneurons' firing rate, measured more precisely",
        ),
        correct=0,
        explanations=(
            "Right: the spine elimination rate and the TrkB threshold (K and h) lead the duration ranking; the "
            "pharmacokinetic and most circuit numbers rank far lower.",
            "It ranks low: the peak concentration is held by a calibration, so the share hardly matters.",
            "It matters, but less than the downstream numbers; the circuit is re-fitted to the MRS rise anyway.",
        ),
    ),
    # learning objective 4: switching links off
    MultipleChoice(
        "With new spines switched off, the model keeps about half of the 24-h improvement and loses most of the "
        "duration. How does that compare with the mouse experiment that deleted new spines (Moda-Sava 2019)?",
        options=(
            "Partly: in mice the first response was kept whole and only its maintenance was lost; the model's "
            "equal weights (an assumption) put half of the 24-h effect on spines",
            "Exactly: mice also lost half their first response",
            "Not at all: in mice deleting spines had no effect",
        ),
        correct=0,
        explanations=(
            "Right: the direction matches, the size at 24 h depends on the assumed weights of the two components.",
            "In mice the initial behavioural response survived deleting the new spines.",
            "Deleting new spines did remove the maintenance of the response in mice.",
        ),
    ),
    # learning objective 2: computed with the package
    Numeric(
        "In the dashboard at its defaults (one 0.5 mg/kg infusion), for how many days after the dose does the "
        "effect stay above the relapse threshold? Answer in whole days.",
        answer=_DAYS, tolerance=1.0, unit="days",
        explanation="About 8 to 9 days: the threshold is defined as the effect left 8.5 days after one infusion "
                    "(the middle of the typical 3 to 14 days), so this is a calibration, not a prediction.",
        hint="Read the alt text under the dashboard with one infusion.",
    ),
]

assert sensitivity.CONTROL in sensitivity.NAMES  # the negative control the second question is about
