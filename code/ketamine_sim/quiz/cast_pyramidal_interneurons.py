"""Prove it: the cast card "Pyramidal cells and interneurons" (book/cast/pyramidal_interneurons.ipynb)."""

from ketamine_sim.quiz import MultipleChoice

QUESTIONS = [
    MultipleChoice(
        "Which of these statements is graded a hypothesis in this book, not an established finding?",
        options=(
            "Interneurons are blocked first because they fire more, so ketamine finds their channels open",
            "Ketamine is a trapping open-channel blocker of NMDA receptors",
            "In rats, NMDA antagonists suppress putative fast-spiking interneurons before pyramidal cells",
        ),
        correct=0,
        explanations=(
            "Right: trapping block is established and so is the order of firing changes in rodents, but that "
            "interneurons are blocked more *because* they are busier is an inference, not a measurement.",
            "This is well documented; what is inferred is its consequence for which cells are blocked first.",
            "This was recorded in rodents (with MK-801 in one key study); it is established for rodents.",
        ),
    ),
    MultipleChoice(
        "Which cells send their signals to other brain areas over long distances?",
        options=("Pyramidal cells", "Fast-spiking interneurons", "Both equally"),
        correct=0,
        explanations=(
            "Right: pyramidal cells are the cortex's output; their axons reach other areas.",
            "Interneurons mostly act locally, shaping the activity of their neighbours.",
            "Most interneurons act locally; the long-range output is carried by pyramidal cells.",
        ),
    ),
]
