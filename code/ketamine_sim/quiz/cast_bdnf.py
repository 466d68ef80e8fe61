"""Prove it: the cast card "BDNF, the growth signal" (book/cast/bdnf.ipynb)."""

from ketamine_sim.quiz import MultipleChoice

QUESTIONS = [
    MultipleChoice(
        "Through which receptor does BDNF tell a neuron to grow synapses?",
        options=("TrkB", "The NMDA receptor", "The serotonin transporter"),
        correct=0,
        explanations=(
            "Right: BDNF binds TrkB, a receptor tyrosine kinase, which starts the signalling toward mTORC1 and "
            "new proteins.",
            "The NMDA receptor is ketamine's target, several steps upstream of BDNF.",
            "The transporter is the target of SSRIs; BDNF has its own receptor.",
        ),
    ),
    MultipleChoice(
        "In mice, how is BDNF made quickly after ketamine?",
        options=(
            "By faster translation of existing mRNA, when eEF2 is released from its brake",
            "By new genes copied over several weeks",
            "By BDNF leaking from blood into the brain",
        ),
        correct=0,
        explanations=(
            "Right: Autry and colleagues found that NMDA block at rest lets eEF2 work, and BDNF protein is made "
            "from mRNA already in place, within the time of the behavioural response.",
            "A weeks-long route could not explain a response within a day.",
            "The BDNF in these experiments is made by neurons themselves.",
        ),
    ),
]
