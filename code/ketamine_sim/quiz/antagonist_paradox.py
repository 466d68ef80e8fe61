"""Prove it: the antagonist paradox (book/chapters/antagonist_paradox.ipynb)."""

from ketamine_sim import receptors
from ketamine_sim.quiz import MultipleChoice, Numeric

_FREE_AT_REST_PCT = 100 * float(receptors.mg_unblock(-65.0))

QUESTIONS = [
    # learning objective 2: Hebb's rule and LTP
    MultipleChoice(
        "Hebb's rule says a connection strengthens when the sending cell repeatedly takes part in firing the "
        "receiving cell. Which property lets an NMDA receptor detect that this has happened?",
        options=(
            "It conducts only when glutamate is bound and the receiving cell is depolarised at the same time",
            "It opens faster than an AMPA receptor when glutamate arrives",
            "It releases glutamate back onto the sending cell",
            "It is blocked by ketamine",
        ),
        correct=0,
        explanations=(
            "Glutamate from the sending cell opens the gate and firing of the receiving cell pushes the Mg²⁺ plug "
            "out; only together do they let in enough calcium to start long-term potentiation.",
            "NMDA receptors are in fact slower than AMPA receptors; speed says nothing about whether the two "
            "cells were active together.",
            "Receptors receive glutamate, they do not release it. What matters is that the receptor needs input "
            "from the sending cell and depolarisation of the receiving cell at once.",
            "Ketamine's block is the puzzle of this chapter, not the mechanism of Hebbian learning: the block "
            "takes away the coincidence signal rather than providing it.",
        ),
    ),
    # learning objective 1: the Mg2+ block, computed from the model
    Numeric(
        "In 1 mM extracellular Mg²⁺, what percentage of the NMDA conductance is free of the Mg²⁺ plug at −65 mV, "
        "close to rest? (The chapter's B(V), or receptors.mg_unblock(-65.0), gives it.)",
        answer=round(_FREE_AT_REST_PCT, 1),
        tolerance=1.0,
        unit="%",
        explanation=f"B(−65 mV) is about {_FREE_AT_REST_PCT:.0f}%: at rest the plug blocks almost every open "
                    "channel, which is why glutamate alone lets in little calcium.",
        hint="Evaluate B(V) = 1 / (1 + [Mg²⁺]/3.57 mM · e^(−0.062·V/mV)) at V = −65 mV, then give it in per cent.",
        mistakes=((0.0, 1.0, "That looks like a fraction; give it in per cent (multiply by 100)."),
                  (100 - _FREE_AT_REST_PCT - 1.0, 100 - _FREE_AT_REST_PCT + 1.0,
                   "That is the share still plugged; the question asks for the share that is free.")),
    ),
    # learning objective 2: the evidence that LTP needs NMDA receptors
    MultipleChoice(
        "In rat hippocampal slices, the NMDA antagonist APV was applied before high-frequency stimulation of CA1 "
        "synapses. What happened?",
        options=(
            "Ordinary synaptic responses were unchanged, but LTP failed to appear",
            "Ordinary synaptic responses disappeared, so nothing could be potentiated",
            "LTP was larger than usual, because Mg²⁺ no longer competed with glutamate",
        ),
        correct=0,
        explanations=(
            "Right: everyday transmission there is carried by AMPA receptors, so it survived; the NMDA receptor "
            "is needed to *induce* LTP (Collingridge and colleagues, 1983).",
            "Blocking NMDA receptors does not silence ordinary transmission, which runs through AMPA receptors; "
            "that is exactly what made the experiment informative.",
            "APV blocks the NMDA receptor; it removes the calcium signal that starts LTP rather than enlarging it.",
        ),
    ),
    # learning objective 4: use-dependent, trapping block
    MultipleChoice(
        "Fifteen minutes into the standard infusion, which cell's NMDA receptors are blocked most?",
        options=(
            "A cell whose synapses are activated at 20 Hz",
            "A quiet cell whose synapses are activated at 1 Hz",
            "Both equally, because the drug reaches both at the same concentration",
        ),
        correct=0,
        explanations=(
            "Ketamine enters only open channels, so receptors that glutamate reaches often give it far more "
            "chances to get in: that block rises within minutes.",
            "A quiet cell opens its channels rarely, so ketamine gets in slowly; after 15 minutes it has reached "
            "only a small part of its block.",
            "The concentration is the same, but the chances to enter are not: the block is use-dependent.",
        ),
    ),
    # learning objective 4: the assumption behind "blocked most"
    MultipleChoice(
        "In the chapter's model, which assumption makes the busy cell stay *more* blocked than the quiet one "
        "hours after the infusion, not just blocked sooner?",
        options=(
            "Ketamine slowly escapes from closed, trapped channels",
            "Ketamine binds S- and R-forms with different affinities",
            "The Mg²⁺ block is instantaneous",
        ),
        correct=0,
        explanations=(
            "With full trapping (no escape) the quiet cell keeps the drug it has trapped while the brain level "
            "falls, and it overtakes the busy cell after a few hours; the escape rate is ASSUMED.",
            "The enantiomers' affinities set how strong the block is at a given concentration, not which cell "
            "holds it longer.",
            "The speed of the Mg²⁺ block does not decide how long ketamine stays trapped in a closed channel.",
        ),
    ),
    # learning objective 3: the paradox
    MultipleChoice(
        "Why did ketamine's antidepressant effect puzzle the field?",
        options=(
            "It blocks the receptor that lets synapses strengthen, yet recovery is thought to need new plasticity",
            "It raises serotonin faster than any other drug",
            "It works only at anaesthetic doses",
        ),
        correct=0,
        explanations=(
            "An antagonist of the plasticity gate should, if anything, dampen plasticity; instead one low dose "
            "relieves symptoms within about a day, and the benefit outlasts the drug.",
            "Ketamine is an NMDA receptor antagonist; its puzzle is about glutamate and plasticity, not serotonin.",
            "The antidepressant dose is far below the anaesthetic one; that is part of what needs explaining.",
        ),
    ),
]
