"""Prove it: the cast card "Glutamate, the accelerator" (book/cast/glutamate.ipynb)."""

from ketamine_sim.literature import reference
from ketamine_sim.quiz import MultipleChoice, Numeric

_MRS_PCT = 100 * reference("glutamate_cycling_rise_human").value

QUESTIONS = [
    MultipleChoice(
        "Ketamine blocks one kind of glutamate receptor. What did microdialysis in rats find for prefrontal "
        "glutamate at subanaesthetic doses?",
        options=(
            "It rose",
            "It fell, as you would expect from blocking an excitatory receptor",
            "It did not change at any dose",
        ),
        correct=0,
        explanations=(
            "Right: at 10–30 mg/kg glutamate rose; only the anaesthetic dose of 200 mg/kg lowered it, an "
            "inverted U. A blocker that raises excitation is the paradox.",
            "That is the intuition the data contradict: only anaesthetic doses lowered glutamate in rats.",
            "The dose mattered: up at subanaesthetic doses, down at anaesthetic ones.",
        ),
    ),
    Numeric(
        "In healthy people and patients scanned with ¹³C magnetic resonance spectroscopy during ketamine, "
        "prefrontal glutamate–glutamine cycling rose by how many per cent over placebo?",
        answer=round(_MRS_PCT, 1),
        tolerance=1.0,
        unit="%",
        explanation=f"About {_MRS_PCT:.0f}%: a modest, indirect human signal, much smaller than the rat "
                    "microdialysis changes, and a measure of cycling rather than of glutamate outside cells.",
        hint="The card gives the number; it is a rise of well under a quarter.",
    ),
]
