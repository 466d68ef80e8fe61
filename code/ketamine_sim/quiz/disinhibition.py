"""Prove it: releasing the brakes — disinhibition (book/chapters/disinhibition.ipynb)."""

from ketamine_sim.quiz import MultipleChoice, Numeric
from ketamine_sim.widgets.disinhibition import dose_circuit

_INTERNEURON_AT_1UM = 100 * dose_circuit(0).at("interneuron_rel", 1.0)  # % of drug-free rate in the first explorer

QUESTIONS = [
    # learning objective 1: the circuit and the disinhibition idea
    MultipleChoice(
        "In the disinhibition account, why would blocking an excitatory receptor make pyramidal cells fire more?",
        options=(
            "The block falls mostly on the interneurons that inhibit them, so their brake weakens",
            "Ketamine opens NMDA receptors on pyramidal cells at low concentration",
            "Blocked NMDA receptors release glutamate themselves",
        ),
        correct=0,
        explanations=(
            "Right: the interneurons lose part of their excitatory drive and fire less; less GABA reaches the "
            "pyramidal cells, which then fire more. Whether the block really falls mostly on interneurons is the "
            "debated part.",
            "Ketamine is a channel blocker at every concentration; it never opens the receptor.",
            "Receptors do not release transmitter. Extra glutamate in this account comes from pyramidal cells "
            "firing more.",
        ),
    ),
    # learning objective 2: weighing the evidence
    MultipleChoice(
        "Homayoun and Moghaddam (2007) saw interneurons in rat prefrontal cortex slow down before pyramidal cells "
        "sped up. What can you conclude about ketamine in people with depression?",
        options=(
            "Little directly: the drug was MK-801, the animals were rats, and the study was framed around "
            "schizophrenia",
            "That ketamine works by disinhibition in patients",
            "That interneurons are blocked more because they fire more",
        ),
        correct=0,
        explanations=(
            "The order of events is an established rodent finding with a different NMDA receptor blocker. It makes "
            "disinhibition plausible; it does not show it for ketamine at the human dose.",
            "That is the leap the evidence does not allow. The disinhibition hypothesis is debated, and a rival "
            "account explains the same antidepressant signals without interneurons.",
            "That is an inference (a hypothesis in our grading): the study observed an order, not why it happened.",
        ),
    ),
    # learning objective 3: where the two accounts part
    MultipleChoice(
        "Which measurement would best tell the disinhibition account from the direct (block-at-rest) account?",
        options=(
            "Glutamate and pyramidal firing at the antidepressant dose, with eEF2 phosphorylation measured too",
            "BDNF alone",
            "The antidepressant effect at 24 hours",
        ),
        correct=0,
        explanations=(
            "In the models the accounts part exactly there: disinhibition predicts a rise of firing and glutamate "
            "with eEF2 unchanged, the direct account the reverse. Measuring both sides tests both.",
            "Both accounts end in more BDNF, so BDNF alone cannot choose between them.",
            "Both accounts were built to explain the same effect; the outcome cannot tell them apart.",
        ),
    ),
    # learning objective 2/4: reading the first explorer
    Numeric(
        "In the first explorer (disinhibition account, default baseline rates), at what percentage of their "
        "drug-free rate do interneurons fire with ketamine held at 1 µM? Answer to the nearest 5%.",
        answer=round(_INTERNEURON_AT_1UM),
        tolerance=5.0,
        unit="%",
        explanation="About three quarters of the drug-free rate: the use-dependent block removes part of the "
                    "interneurons' NMDA drive, and the pyramidal cells, released from part of their inhibition, "
                    "fire more.",
        hint="Read the dashed blue curve of the first panel at the dotted line marked 1 µM.",
        mistakes=((0.0, 10.0, "That is how much of the drive is gone, not how much is left: read the height of "
                   "the curve."),),
    ),
]
