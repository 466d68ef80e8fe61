"""Interactive figures: the generic core (:mod:`.core`, :mod:`.frames`) and one module of explorers per stage.

A chapter imports its explorers from its stage's module, e.g. ``from ketamine_sim.widgets.receptors import
explore_nmda``; the core's names are re-exported here.
"""

from ketamine_sim.widgets.core import STATIC_ENV, Labelled, Slider, interactive_figure, show, static_mode

__all__ = ["STATIC_ENV", "Labelled", "Slider", "interactive_figure", "show", "static_mode"]
