"""Prove it: the glutamate surge and the AMPA receptor (book/chapters/glutamate_surge.ipynb)."""

from ketamine_sim.quiz import MultipleChoice, Numeric
from ketamine_sim.widgets.surge import currents

_AMPA_SHARE_AT_REST = 100 * currents(-70.0).currents.ampa_share_drug  # % in the third explorer's default

QUESTIONS = [
    # learning objective 2: what the NBQX result can and cannot tell us
    MultipleChoice(
        "In our model, NBQX removes almost all of ketamine's downstream effect. What does reproducing this "
        "rodent result show?",
        options=(
            "That the model is wired as intended: every route to BDNF passes through AMPA receptors by design",
            "That AMPA receptors are required for ketamine's antidepressant effect in people",
            "That the model has been validated against an independent number",
        ),
        correct=0,
        explanations=(
            "Right: the result is built into the structure, so the test checks the wiring, not the biology. The "
            "rodent experiments (Maeng 2008, Zanos 2016) are the evidence; no human AMPA-antagonist test is known "
            "to us.",
            "The experiments were done in rodents and showed that NBQX attenuates the antidepressant-like effects; "
            "no one has tested an AMPA blocker with ketamine in patients.",
            "A validation needs a number the model was not built or fitted to reproduce; this one was built in.",
        ),
    ),
    # learning objective 3: increase or decrease
    MultipleChoice(
        "A friend asks: does ketamine increase or decrease glutamate? Which answer fits the evidence best?",
        options=(
            "It depends: in rats low doses raise prefrontal glutamate and an anaesthetic dose lowers it; in people "
            "the antidepressant dose gives a modest rise in an indirect measure",
            "It causes a massive glutamate surge in everyone",
            "It decreases glutamate, because it blocks a glutamate receptor",
        ),
        correct=0,
        explanations=(
            "Right: the direction depends on dose (an inverted U in rats, Moghaddam 1997), on time after the dose "
            "and on region, and the human measurement is a 13% rise in glutamate–glutamine cycling, not a surge.",
            "The human change is modest and indirect (13C spectroscopy), and the rat rise was seen at doses far "
            "above the human one.",
            "Blocking a receptor does not remove the transmitter; at low doses the circuit releases more of it. "
            "Only at anaesthetic doses did rat glutamate fall.",
        ),
    ),
    # learning objective 1: AMPA receptors at rest
    Numeric(
        "In the third explorer at −70 mV with ketamine at the infusion peak, what percentage of the glutamate "
        "current do AMPA receptors carry? Answer to the nearest 5%.",
        answer=round(_AMPA_SHARE_AT_REST),
        tolerance=5.0,
        unit="%",
        explanation="Nearly all of it: at rest magnesium plugs most NMDA channels and ketamine blocks part of the "
                    "rest, while AMPA receptors have no magnesium block and ketamine does not block them.",
        hint="Compare the AMPA bars with the NMDA bars at the default setting; the title gives the share.",
        mistakes=((0.0, 20.0, "That is the NMDA share: AMPA receptors carry the larger current at rest."),),
    ),
    # learning objective 4: traps
    MultipleChoice(
        "A source says the glutamate surge comes after the drug wears off, and that NBQX makes ketamine's effect "
        "vanish completely. How should we grade these statements?",
        options=(
            "Neither is supported: in the model glutamate follows the drug and falls as it leaves, and in rodents "
            "NBQX attenuates the effects",
            "Both are established findings",
            "The first is established, the second is a hypothesis",
        ),
        correct=0,
        explanations=(
            "Right: no source in our science notes puts the surge after the drug has gone, and the rodent "
            "experiments report attenuation, not a complete and definitive abolition.",
            "Our sources support neither wording.",
            "No source we have puts the surge after the drug has left the brain.",
        ),
    ),
]
