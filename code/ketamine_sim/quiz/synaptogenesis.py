"""Prove it: from electricity to architecture — synaptogenesis (book/chapters/synaptogenesis.ipynb)."""

from ketamine_sim.quiz import MultipleChoice, Numeric
from ketamine_sim.widgets.synaptogenesis import weeks

_RAISED_DAYS = round(weeks().raised_days)  # the second explorer's default: days the rise stays above a tenth

QUESTIONS = [
    # learning objective 2: where a blocker cuts the chain
    MultipleChoice(
        "In the first explorer you block mTORC1 fully with rapamycin. Which stages still light up?",
        options=(
            "AMPA throughput, BDNF release and TrkB: the stages before mTORC1",
            "None: rapamycin switches off the whole chain",
            "Only the new spines, because rapamycin acts on the spine itself",
        ),
        correct=0,
        explanations=(
            "Right: a blocker cuts the chain where it acts. Everything upstream of mTORC1 runs as before; protein "
            "synthesis and new spines stay at baseline.",
            "Rapamycin acts on mTORC1, downstream of AMPA, BDNF and TrkB; those stages are not affected by it.",
            "Spines are at the end of the chain; rapamycin blocks mTORC1, two steps before them.",
        ),
    ),
    # learning objective 4: the human surprises
    MultipleChoice(
        "What happened when depressed patients took oral rapamycin before ketamine (Abdallah 2020)?",
        options=(
            "The 24-hour effect was not blocked, and the response lasted longer (41% vs 13% responders at two weeks)",
            "Rapamycin abolished the antidepressant effect, as in rats",
            "Rapamycin had no effect at any time point",
        ),
        correct=0,
        explanations=(
            "Right: the human result did not match the rat prediction, and our model, in which rapamycin removes "
            "the structural component, gets the two-week result wrong (the validation page marks it not reproduced).",
            "That is the rat result with rapamycin injected into the cortex (Li 2010); in patients it was not blocked.",
            "The response at two weeks differed: 41% with rapamycin against 13% with placebo, in a small crossover "
            "trial (n = 20).",
        ),
    ),
    MultipleChoice(
        "A news story says a PET scan showed that ketamine rebuilds synapses in people within a day. What does "
        "the evidence say?",
        options=(
            "The first SV2A-PET test found no measurable mean change 24 hours after one dose; the spine data are "
            "from rodents, and SV2A marks presynaptic terminals, not spines",
            "SV2A rose by about the same amount as spines rose in mice",
            "SV2A-PET counts dendritic spines directly, so the story is right",
        ),
        correct=0,
        explanations=(
            "Right: Holmes 2022 found no mean change (only an exploratory rise in patients with low baseline "
            "SV2A). Claim 21 is a hypothesis.",
            "No mean change was found at 24 hours in monkeys, healthy people or patients.",
            "SV2A is a protein of synaptic vesicles in presynaptic terminals; a spine is the postsynaptic side.",
        ),
    ),
    # learning objective 3: spines over weeks (computed with the package)
    Numeric(
        "In the second explorer at its defaults (one standard infusion), for how many days after the infusion does "
        "the spine rise stay above a tenth of its peak? Answer in whole days.",
        answer=_RAISED_DAYS, tolerance=1.0, unit="days",
        explanation="The rise lasts about two weeks because formation stays up while elimination removes 20% of the "
                    "spines a day: a calibration to the mouse data (Phoumthipphavong 2016), not a test.",
        hint="Read the alt text or the title of the second explorer with one infusion and no rapamycin.",
    ),
]
