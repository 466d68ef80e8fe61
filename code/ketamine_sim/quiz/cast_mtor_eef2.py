"""Prove it: the cast card "mTOR and eEF2" (book/cast/mtor_eef2.ipynb)."""

from ketamine_sim.quiz import MultipleChoice

QUESTIONS = [
    MultipleChoice(
        "Depressed patients took the mTOR inhibitor rapamycin by mouth before ketamine. What happened to "
        "ketamine's 24-hour antidepressant effect?",
        options=(
            "It was not blocked, and the response lasted longer",
            "It was abolished, as in rats",
            "It turned into a worsening of mood",
        ),
        correct=0,
        explanations=(
            "Right: in a small crossover trial oral rapamycin did not block the 24-hour effect and more "
            "patients were still responding at two weeks. Whether mTORC1 is required in people is debated.",
            "In rats, rapamycin injected into the cortex blocked the effect; the human trial with oral dosing "
            "did not reproduce that. Systemic and local dosing may differ.",
            "No such reversal was seen.",
        ),
    ),
    MultipleChoice(
        "What do mTORC1 and eEF2 have in common?",
        options=(
            "Both control how fast a neuron translates mRNA into protein",
            "Both are glutamate receptors",
            "Both are blocked directly by ketamine",
        ),
        correct=0,
        explanations=(
            "Right: mTORC1 turns up the start of translation, eEF2 drives its elongation; new synaptic proteins "
            "need both.",
            "They work inside the cell, far downstream of the receptors.",
            "Ketamine blocks NMDA receptors; mTORC1 and eEF2 change as a consequence.",
        ),
    ),
]
