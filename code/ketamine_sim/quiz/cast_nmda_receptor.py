"""Prove it: the cast card "The NMDA receptor, the coincidence detector" (book/cast/nmda_receptor.ipynb)."""

from ketamine_sim import receptors
from ketamine_sim.quiz import MultipleChoice, Numeric

_HALF_MV = float(receptors.half_unblock_voltage_mV(1.0))

QUESTIONS = [
    MultipleChoice(
        "Which two conditions must hold at once for an NMDA receptor to pass much current?",
        options=(
            "Glutamate bound and the membrane depolarised",
            "Glutamate bound and the membrane at rest",
            "Ketamine bound and the membrane depolarised",
            "GABA bound and the membrane at rest",
        ),
        correct=0,
        explanations=(
            "Right: glutamate (with its co-agonist) opens the gate, depolarisation pushes the Mg²⁺ plug out. "
            "That AND is why it is called a coincidence detector.",
            "At rest the Mg²⁺ ion sits in the pore and blocks almost all of the current.",
            "Ketamine does the opposite: it plugs the open channel.",
            "GABA acts on its own receptors; it does not open NMDA receptors.",
        ),
    ),
    Numeric(
        "In 1 mM Mg²⁺, at what membrane potential is half of the NMDA conductance free of the plug "
        "(receptors.half_unblock_voltage_mV)? Answer in mV.",
        answer=round(_HALF_MV, 1),
        tolerance=1.0,
        unit="mV",
        explanation=f"About {_HALF_MV:.0f} mV, far above the resting potential near −65 mV: a cell must be "
                    "strongly depolarised before the plug lets go.",
        hint="It is negative, but much less negative than rest.",
        mistakes=((-1.0 * _HALF_MV - 1.0, -1.0 * _HALF_MV + 1.0, "Check the sign: the membrane is still negative."),),
    ),
]
