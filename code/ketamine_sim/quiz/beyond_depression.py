"""Prove it: beyond depression (book/chapters/beyond_depression.ipynb)."""

from ketamine_sim.quiz import MultipleChoice, Numeric
from ketamine_sim.widgets.indications import block

_ANAESTHETIC_PEAK_BLOCK = round(100 * block(2.0, 0).course.peak("block"))  # the second explorer at 2 mg/kg bolus

QUESTIONS = [
    # learning objective 1: one concentration axis, one band per effect
    MultipleChoice(
        "In the first explorer, which reported band does the plasma of the antidepressant infusion (0.5 mg/kg over "
        "40 min) spend its second half in?",
        options=(
            "The band in which dissociation is reported (about 0.42 to 1.1 µM)",
            "The band of general anaesthesia (about 5 to 10 µM)",
            "None: the antidepressant dose stays below every reported band",
        ),
        correct=0,
        explanations=(
            "Right: the antidepressant dose sits in the same plasma range in which dissociation is reported, which "
            "is one reason a dissociative drug is so hard to blind in trials.",
            "The anaesthesia band is roughly ten times higher; the infusion peaks near 0.78 µM.",
            "It passes through the analgesic band and spends the second half of the infusion in the dissociation "
            "band.",
        ),
    ),
    # learning objective 3: validation, calibration, known miss
    MultipleChoice(
        "The model's 2 mg/kg bolus peaks at about 4.8 µM plasma, while the review table gives 5 to 10 µM during "
        "general anaesthesia. How does the chapter treat this?",
        options=(
            "As a known miss: the band is a published number the model was not fitted to, and it falls short",
            "As a calibration: the model was fitted to the anaesthesia band",
            "As a success, because 4.8 is close enough to 5",
        ),
        correct=0,
        explanations=(
            "Right: only the antidepressant infusion's 0.78 µM peak was used to fit the model. The anaesthesia band "
            "is an independent check, and the model misses it (the validation page lists it).",
            "The only fitted number is the 0.78 µM peak of the antidepressant infusion; the bands are checks.",
            "The model's plasma stays below the band's lower edge for the whole time the label says anaesthesia "
            "lasts; calling that a success would move the goalposts.",
        ),
    ),
    # learning objective 2: concentration against block (computed with the package)
    Numeric(
        "In the second explorer, set the IV dose to 2 mg/kg given as a bolus, with the assumed unblocking rate at its "
        "default. What peak NMDA block does the model reach? Answer in percent.",
        answer=_ANAESTHETIC_PEAK_BLOCK, tolerance=2.0, unit="%",
        explanation="About two-thirds of the current: with a Hill coefficient below 1, about six times the brain "
                    "level of the antidepressant infusion buys only about one and a half times its block.",
        hint="Read the title of the second explorer's figure at 2.00 mg/kg, bolus.",
        mistakes=((90.0, 100.0, "That would be near-complete block; the model's block curve is shallow and stays "
                                "well below that even at 4.5 mg/kg."),),
    ),
    # learning objective 4: what the sources cover
    MultipleChoice(
        "A friend asks what this book says about ketamine for a neurological disorder it does not discuss. What is "
        "the honest answer?",
        options=(
            "The book's sources do not cover it, so the book makes no claim either way",
            "The mechanism predicts it works, because NMDA receptors are everywhere in the brain",
            "It cannot work, because the antidepressant dose is too low",
        ),
        correct=0,
        explanations=(
            "Right: a mechanism that fits one use is not evidence for another; only a trial of that use in that "
            "condition could say.",
            "Sharing a receptor is not evidence of a benefit; the chapter refuses to fill such gaps.",
            "The book has no evidence against it either; absence of sources is not evidence of absence.",
        ),
    ),
]
