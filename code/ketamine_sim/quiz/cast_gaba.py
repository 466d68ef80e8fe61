"""Prove it: the cast card "GABA, the brake" (book/cast/gaba.ipynb)."""

from ketamine_sim.quiz import MultipleChoice

QUESTIONS = [
    MultipleChoice(
        "Interneurons release GABA onto pyramidal cells. If a drug makes the interneurons fire less, what do "
        "the pyramidal cells do, all else equal?",
        options=("They fire more", "They fire less", "Nothing changes"),
        correct=0,
        explanations=(
            "Right: less GABA means less inhibition, so the pyramidal cells are released. This is "
            "disinhibition, one candidate first step of ketamine's action.",
            "That would follow if interneurons excited their targets; GABA inhibits, so losing it releases "
            "the pyramidal cells.",
            "Inhibition is constantly at work in the cortex; taking part of it away changes the balance.",
        ),
    ),
    MultipleChoice(
        "The recordings in which NMDA antagonists slowed fast-spiking interneurons before pyramidal cells sped "
        "up (Homayoun and Moghaddam, 2007) used which drug and species?",
        options=("MK-801 in awake rats", "Ketamine in depressed patients", "Esketamine in mice"),
        correct=0,
        explanations=(
            "Right: MK-801, another NMDA channel blocker, in rat prefrontal cortex, in a study framed around "
            "schizophrenia. Applying it to ketamine in depression is an extrapolation.",
            "No one has recorded single interneurons in patients receiving ketamine; the data are from rodents.",
            "The study used MK-801 in rats; the species and the drug matter when we carry a result over.",
        ),
    ),
]
