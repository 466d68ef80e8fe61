"""Prove-it questions for the chapter <title> (copy to code/ketamine_sim/quiz/<slug>.py, slug = notebook name).

At least two questions, each assessing a learning objective. Every option of a multiple-choice question has an
explanation saying why it is right or wrong. A numeric answer is computed from the package, so it stays right
when a model changes. Quiz text is not typeset: write maths in Unicode (Mg²⁺, µM), never with ``$``.
"""

from ketamine_sim import receptors
from ketamine_sim.quiz import MultipleChoice, Numeric

QUESTIONS = [
    MultipleChoice(
        question="Placeholder: which statement does this chapter's model support?",
        options=("The right answer", "A common misconception", "A statement the chapter grades as a hypothesis"),
        correct=0,
        explanations=("Say why it is right, in one or two sentences.",
                      "Say where the misconception comes from and what the model shows instead.",
                      "Say why an open question cannot be the settled answer."),
    ),
    Numeric(
        question="Placeholder: what share of NMDA conductance is free of Mg²⁺ at −65 mV, in per cent?",
        answer=round(100 * float(receptors.mg_unblock(-65.0)), 1),
        tolerance=1.0,
        unit="%",
        explanation="Say how the number follows from the model (here the Mg²⁺ block at rest).",
        hint="Say where to look: the equation or the figure that gives the number.",
    ),
]
