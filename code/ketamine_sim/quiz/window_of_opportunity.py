"""Prove it: a window of opportunity (book/chapters/window_of_opportunity.ipynb)."""

from ketamine_sim.quiz import MultipleChoice, Numeric
from ketamine_sim.widgets.window import widths

_DEFAULT = widths()  # the second explorer at its defaults
_FUNCTIONAL_DAYS = round(_DEFAULT.width_days("functional"), 1)
_STRUCTURAL_DAYS = round(_DEFAULT.width_days("structural"), 1)

QUESTIONS = [
    # learning objective 1: what a psychoplastogen is and where the evidence comes from
    MultipleChoice(
        "Ly and colleagues (2018) reported that LSD, DMT and DOI promote neurite growth, spines and synapses, much "
        "as ketamine does. Where was most of this shown?",
        options=(
            "Mostly in cultured cortical neurons (with some rodent work), not in patients",
            "In a randomised trial of depressed patients given psychedelics and ketamine",
            "In PET scans of synaptic density in healthy volunteers",
        ),
        correct=0,
        explanations=(
            "Right: the plasticity effects are mostly culture data (claim 23). 'Psychoplastogen' is a class coined "
            "for such compounds by one lab (Olson 2018); it names an effect, not a mechanism, and says nothing yet "
            "about therapy in people.",
            "No trial in our sources compared psychedelics with ketamine on synapses in patients.",
            "The human PET test in this book (Holmes 2022) concerned ketamine, and it found no mean change at 24 h.",
        ),
    ),
    # learning objective 2: the BCM rule, LTP above the threshold and LTD below
    MultipleChoice(
        "Under the BCM rule, a synapse is active during a session that lets in Ca²⁺ at 0.45 of its maximum while "
        "the threshold θ is 0.50. What happens to the synapse?",
        options=(
            "It weakens (LTD), because its activity is below θ",
            "It strengthens (LTP), because any activity strengthens an active synapse",
            "Nothing: below θ the synapse does not change",
        ),
        correct=0,
        explanations=(
            "Right: the weight changes at the rate c · (c − θ), negative between 0 and θ. Lower θ below 0.45 and "
            "the same session strengthens the synapse instead.",
            "That is the simplest Hebbian rule; BCM adds a threshold, with depression below it.",
            "Between zero activity and θ the BCM rule depresses the synapse; it is unchanged only with no activity "
            "or exactly at θ.",
        ),
    ),
    # learning objective 4: the width of the window depends on what drives the threshold (computed)
    Numeric(
        "In the second explorer at its defaults (session Ca²⁺ 0.45, gain 7), for how many days is the session "
        "inside the window if the threshold follows the structural component? Answer to one decimal.",
        answer=_STRUCTURAL_DAYS, tolerance=0.3, unit="days",
        explanation=f"About {_STRUCTURAL_DAYS:g} days, against {_FUNCTIONAL_DAYS:g} with the functional component: the "
                    "same depth of lowering lasts as long as the component that drives it. Both are model "
                    "assumptions; which component (if either) sets a real threshold is not known.",
        hint="Read the title of the second explorer at its defaults: it gives both widths.",
        mistakes=((_FUNCTIONAL_DAYS - 0.2, _FUNCTIONAL_DAYS + 0.2,
                   "That is the width under the functional component; the question asks for the structural one."),),
    ),
    # learning objective 5: what is known about pairing the drug with therapy
    MultipleChoice(
        "A clinic advertises ketamine infusions 'paired with therapy during the window of opportunity, when the "
        "brain rewires'. What do the sources of this book say?",
        options=(
            "The window is a hypothesis: attractive and testable, but no human data in our sources show that "
            "therapy during it works better",
            "Randomised trials show that therapy in the first day after ketamine doubles the response rate",
            "The window has been measured in patients with PET and lasts two weeks",
        ),
        correct=0,
        explanations=(
            "Right: claim 24 is graded a hypothesis. The idea rests on rodent and culture data (Ly 2018; "
            "Moda-Sava 2019) and on a theory (BCM); the width of the window in our model is an assumption.",
            "No such trial is in our sources; the pairing is promising, not shown.",
            "No measurement of a plasticity threshold in patients is in our sources; the two weeks are the mouse "
            "spine data of the previous chapter.",
        ),
    ),
]
