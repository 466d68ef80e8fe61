"""Prove it: the cast card "Dendritic spines and SV2A" (book/cast/spines_sv2a.ipynb)."""

from ketamine_sim.quiz import MultipleChoice

QUESTIONS = [
    MultipleChoice(
        "The first human SV2A-PET study measured synaptic density 24 hours after ketamine. What did it find?",
        options=(
            "No measurable mean change; only an exploratory signal in patients with low baseline density",
            "A large rise in every patient",
            "A fall in synaptic density",
        ),
        correct=0,
        explanations=(
            "Right: so 'ketamine rebuilds synapses in the human brain overnight' remains a hypothesis.",
            "That is the popular claim; the study did not see a mean change.",
            "No fall was found either; the mean did not change measurably.",
        ),
    ),
    MultipleChoice(
        "What does an SV2A PET scan count?",
        options=(
            "Synaptic vesicle protein in presynaptic terminals",
            "Dendritic spines on pyramidal cells",
            "NMDA receptors blocked by ketamine",
        ),
        correct=0,
        explanations=(
            "Right: SV2A sits on synaptic vesicles, so it indexes presynaptic terminals, not spines.",
            "Spines are postsynaptic; they are imaged in mice with two-photon microscopy, not with SV2A-PET.",
            "SV2A is a vesicle protein; it says nothing directly about receptor block.",
        ),
    ),
]
