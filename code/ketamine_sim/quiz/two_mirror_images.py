"""Prove it: two mirror images — S- and R-ketamine (book/chapters/two_mirror_images.ipynb)."""

from ketamine_sim import enantiomers
from ketamine_sim.quiz import MultipleChoice, Numeric

_R_EQUAL_BLOCK = round(enantiomers.equal_block_dose_mg_per_kg("R"), 2)  # mg/kg of R blocking like 0.5 racemic

QUESTIONS = [
    # learning objective 1: affinities
    MultipleChoice(
        "In rat brain binding (Ebert 1997), which of these binds the NMDA channel site most tightly?",
        options=(
            "S-ketamine (Ki 0.3 µM)",
            "R-ketamine (Ki 1.4 µM)",
            "S-norketamine (Ki 1.7 µM)",
        ),
        correct=0,
        explanations=(
            "Right: a smaller inhibition constant means tighter binding. S-ketamine binds about 5 times more "
            "tightly than R-ketamine, and both norketamines bind more weakly than their parents.",
            "R-ketamine's Ki is about 5 times larger than S-ketamine's: it binds less tightly.",
            "S-norketamine is the weaker metabolite: its Ki is several times that of S-ketamine.",
        ),
    ),
    # learning objective 2: equal mass against equal block (computed with the package)
    Numeric(
        "In the first explorer's 'equal block' setting, how many mg/kg of R-ketamine over 40 minutes block NMDA "
        "receptors at their peak as much as 0.5 mg/kg of racemic ketamine? Answer to two decimals.",
        answer=_R_EQUAL_BLOCK, tolerance=0.03, unit="mg/kg",
        explanation="Almost three times the racemic dose: half of the racemate is S-ketamine, which binds about 5 "
                    "times more tightly, so R alone needs far more mass for the same block.",
        hint="Read the label of the R bar in the first explorer set to 'equal block'.",
    ),
    # learning objective 3: affinity is not efficacy
    MultipleChoice(
        "In the second explorer, with no NMDA-independent route, every form is given at the dose that blocks "
        "NMDA receptors as much as the standard infusion. What happens, and why?",
        options=(
            "They tie: when only the block counts, affinity just sets how many milligrams are needed",
            "S-ketamine wins, because it has the highest affinity",
            "R-ketamine wins, because more of it is given",
        ),
        correct=0,
        explanations=(
            "Right: higher affinity means a smaller dose for the same block, not a better drug. Only a route that "
            "does not go through the block can separate the forms at equal block.",
            "Its affinity has already been used up in choosing its smaller dose; at equal block the model cannot "
            "tell the forms apart.",
            "More milligrams of a weaker blocker give the same block, and in this model the block is all that counts "
            "until you switch the hypothetical route on.",
        ),
    ),
    # learning objective 4: grading the evidence
    MultipleChoice(
        "What does the human evidence say about arketamine (R-ketamine) as an antidepressant, in our sources?",
        options=(
            "The sponsor's phase-2 trial missed its pre-specified endpoints, with only a post hoc signal; no trial "
            "has compared it head to head with esketamine",
            "A large phase-3 trial showed it lasts longer than esketamine",
            "It has been approved for treatment-resistant depression",
        ),
        correct=0,
        explanations=(
            "Right: the rodent case (Yang 2015, mice) is strong, but in people it is unproven, so the claim is graded "
            "debated.",
            "No such trial is in our sources; 'R-ketamine is more durable in humans' is unproven.",
            "The approved nasal spray is esketamine, the S form.",
        ),
    ),
    MultipleChoice(
        "Which statement about (2R,6R)-hydroxynorketamine (HNK) fits the evidence?",
        options=(
            "Whether it acts without blocking NMDA receptors is disputed: one group saw NMDA block in rodent "
            "neurons, and a large search found no direct binding target",
            "It is proven to be the real antidepressant and ketamine itself is inactive",
            "It is proven to act only by blocking NMDA receptors more strongly than ketamine",
        ),
        correct=0,
        explanations=(
            "Right: Zanos 2016 reported NMDA-independent effects in mice, Suzuki 2017 found open-channel block of "
            "NMDA receptors, and Bonaventura 2022 found no direct binding partner. The claim is debated.",
            "That overstates a debated mouse finding; the book grades it debated.",
            "No source shows that; the evidence is split on whether it blocks NMDA receptors at all at relevant "
            "levels.",
        ),
    ),
    MultipleChoice(
        "Naltrexone, an opioid-receptor blocker, was given before ketamine in a small crossover trial (Williams "
        "2018). What can we conclude?",
        options=(
            "In 12 completers it blunted the antidepressant but not the dissociative effect; the finding is small, "
            "was challenged and is graded debated",
            "Ketamine is an opioid, so its antidepressant effect is an opioid effect",
            "Opioid receptors have been shown to play no role",
        ),
        correct=0,
        explanations=(
            "Right: a planned interim analysis of 12 completers, halted early; other readings (for example through "
            "expectation and endogenous opioids) were raised in letters.",
            "The trial tested whether blocking opioid receptors changes the effect; it does not show ketamine is an "
            "opioid.",
            "The small trial pointed the other way; the question is open.",
        ),
    ),
]
