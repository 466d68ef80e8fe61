"""Prove it: the cast card "The AMPA receptor, the fast relay" (book/cast/ampa_receptor.ipynb)."""

from ketamine_sim.quiz import MultipleChoice

QUESTIONS = [
    MultipleChoice(
        "In rodents, what does blocking AMPA receptors with NBQX before ketamine do to ketamine's "
        "antidepressant-like effect?",
        options=(
            "It attenuates it",
            "It makes it stronger",
            "Nothing: ketamine acts only on NMDA receptors",
        ),
        correct=0,
        explanations=(
            "Right: shown repeatedly in mice and rats. The downstream effect seems to need throughput through "
            "the AMPA receptors that ketamine leaves open. No such test has been done in people.",
            "The opposite was found: with AMPA receptors blocked, the effect was weaker.",
            "Ketamine's direct target is the NMDA receptor, but the effects that follow need AMPA receptors.",
        ),
    ),
    MultipleChoice(
        "Which ion mainly carries the fast AMPA receptor current into the cell?",
        options=("Sodium", "Chloride", "Magnesium"),
        correct=0,
        explanations=(
            "Right: sodium rushes in and depolarises the cell within milliseconds.",
            "Chloride flows through GABA-A receptors, the brake, not through AMPA receptors.",
            "Magnesium is the plug of the NMDA receptor, not a current carrier of the AMPA receptor.",
        ),
    ),
]
