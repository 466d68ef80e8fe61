"""Prove it: the cast card "Ketamine and its two mirror images" (book/cast/ketamine.ipynb)."""

from ketamine_sim.literature import reference
from ketamine_sim.quiz import MultipleChoice, Numeric

_RATIO = reference("ki_R_ketamine").value / reference("ki_S_ketamine").value

QUESTIONS = [
    Numeric(
        "In rat brain membranes S-ketamine binds the NMDA channel site with Ki 0.30 µM and R-ketamine with "
        "1.4 µM. How many times more tightly does S-ketamine bind?",
        answer=round(_RATIO, 1),
        tolerance=0.3,
        unit="times",
        explanation=f"1.4 / 0.30 ≈ {_RATIO:.1f}: a smaller Ki means tighter binding, so S binds about five times "
                    "more tightly.",
        hint="Divide the larger Ki by the smaller one.",
        mistakes=((0.0, 0.5, "That is the inverse: divide R's Ki by S's."),),
    ),
    MultipleChoice(
        "Is R-ketamine a longer-lasting antidepressant than S-ketamine in people?",
        options=(
            "Unknown: the evidence is from rodents, and the human phase-2 trial missed its main endpoints",
            "Yes, shown in several large human trials",
            "No, shown in a head-to-head human trial",
        ),
        correct=0,
        explanations=(
            "Right: strong rodent data, mostly from one group; no head-to-head human trial exists, and the "
            "sponsor's phase-2 trial of R-ketamine showed only a post hoc signal.",
            "There are no such human trials; the durability claim rests on rodent work.",
            "No head-to-head human trial has been done; the question is open.",
        ),
    ),
]
