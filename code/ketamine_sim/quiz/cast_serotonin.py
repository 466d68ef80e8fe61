"""Prove it: the cast card "Serotonin and the monoamines" (book/cast/serotonin.ipynb)."""

from ketamine_sim.quiz import MultipleChoice

QUESTIONS = [
    MultipleChoice(
        "In rats given a single dose of an SSRI, when does extracellular serotonin rise?",
        options=(
            "Within hours of the dose",
            "Only after about two weeks of daily dosing",
            "Only after about eight weeks, when patients improve",
            "It does not rise; SSRIs lower serotonin",
        ),
        correct=0,
        explanations=(
            "Right: microdialysis in rats shows the rise within hours. The weeks-long delay of the clinical "
            "benefit therefore lies downstream of serotonin itself.",
            "That is the popular account, but the chemical rise is fast; what takes weeks is the response.",
            "Eight weeks is how long many STAR*D patients needed to remit, not how long serotonin takes to rise.",
            "An SSRI blocks the serotonin transporter, so serotonin stays longer outside the cell: it rises.",
        ),
    ),
    MultipleChoice(
        "Why is the 5-HT1A autoreceptor explanation of the SSRI delay graded 'debated'?",
        options=(
            "Some data suggest feedback inhibition persists and slower plastic changes explain the delay",
            "Nobody has ever measured serotonin after an SSRI",
            "SSRIs act within a day in most patients",
        ),
        correct=0,
        explanations=(
            "Right: Commons and Linnros argue that the autoreceptor brake does not simply wear off, and that "
            "slower changes downstream, for example in glutamate synapses, fit better.",
            "Serotonin after an SSRI has been measured many times in animals; it rises within hours.",
            "The clinical benefit of SSRIs builds over weeks; that delay is what needs explaining.",
        ),
    ),
]
