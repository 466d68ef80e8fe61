"""One look for every figure: a colour per actor, a book variant and a large lecture variant.

Colours are the Okabe–Ito palette, chosen to stay distinguishable with the common forms of colour-blind
vision; every actor keeps its colour in every chapter.  Line styles add a second cue where curves compare.
"""

import matplotlib as mpl

# Okabe & Ito (2008) colour-universal-design palette
OKABE_ITO = {
    "orange": "#E69F00",
    "sky": "#56B4E9",
    "green": "#009E73",
    "yellow": "#F0E442",
    "blue": "#0072B2",
    "vermillion": "#D55E00",
    "purple": "#CC79A7",
    "black": "#000000",
    "grey": "#767676",
}

ACTORS = {
    "glutamate": OKABE_ITO["vermillion"],
    "gaba": OKABE_ITO["blue"],
    "ketamine": OKABE_ITO["purple"],
    "ampa": OKABE_ITO["orange"],
    "bdnf": OKABE_ITO["green"],
    "serotonin": OKABE_ITO["sky"],
    "calcium": OKABE_ITO["green"],
    "magnesium": OKABE_ITO["grey"],
    "pyramidal": OKABE_ITO["vermillion"],
    "interneuron": OKABE_ITO["blue"],
    "S": OKABE_ITO["vermillion"],
    "R": OKABE_ITO["blue"],
    "racemic": OKABE_ITO["black"],
    "reference": OKABE_ITO["grey"],
}

_COMMON = {
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.grid": True,
    "grid.alpha": 0.3,
    "figure.facecolor": "white",
    "savefig.facecolor": "white",
    "axes.prop_cycle": mpl.cycler(color=[ACTORS[k] for k in ("glutamate", "gaba", "ketamine", "ampa", "bdnf")]),
    "legend.frameon": False,
}

VARIANTS = {
    "book": {**_COMMON, "font.size": 10, "axes.titlesize": 11, "lines.linewidth": 2.0,
             "figure.figsize": (6.4, 3.4), "figure.dpi": 100},
    "lecture": {**_COMMON, "font.size": 16, "axes.titlesize": 18, "axes.labelsize": 16, "lines.linewidth": 3.5,
                "lines.markersize": 10, "xtick.labelsize": 14, "ytick.labelsize": 14, "legend.fontsize": 14,
                "figure.figsize": (10, 5.6), "figure.dpi": 100},
}


def color(actor):
    """The colour of ``actor`` (e.g. ``"glutamate"``); ``ValueError`` lists the actors otherwise."""
    if actor not in ACTORS:
        raise ValueError(f"actor={actor!r} has no colour; choose one of {', '.join(ACTORS)}")
    return ACTORS[actor]


# Phones.  A figure drawn 7 in wide and shown 340 CSS px wide has 10 pt text at about 7 px.  Each site figure
# is therefore drawn a second time for narrow screens (plots.narrow): NARROW_WIDTH_IN wide, no text below
# NARROW_MIN_PT, at NARROW_DPI, and the page picks it when NARROW_MEDIA matches.  Text size on screen is
# pt / 72 × (shown width / width in inches): at 3.6 in shown 320 CSS px (a 360-px phone), 9 pt is 11.1 px;
# 720 pixels across stay sharp at twice the density up to 360 CSS px.
NARROW_MEDIA = "(max-width: 36em)"
NARROW_WIDTH_IN = 3.6
NARROW_MIN_PT = 9.0
NARROW_DPI = 200
NARROW_MAX_HEIGHT_IN = 6.4  # about 600 CSS px: pinned under the header, it leaves a slider room below


def narrow_figsize(figsize):
    """The phone size of a figure drawn at ``figsize`` (inches): narrow, taller in shape, never over a screen."""
    return NARROW_WIDTH_IN, min(max(figsize[1], 0.8 * NARROW_WIDTH_IN), NARROW_MAX_HEIGHT_IN)


# How much larger a figure is drawn in each variant, so that larger fonts still fit (see plots.figure)
SCALE = {"book": 1.0, "lecture": 1.5}
_current = ["book"]


def use(variant="book"):
    """Switch every later figure to the ``"book"`` or ``"lecture"`` (projector) style.

    One call at the top of a notebook, ``style.use("lecture")``, gives large fonts and thick lines for a
    lecture hall; re-run the figure cells afterwards.  ``style.use("book")`` switches back.
    """
    if variant not in VARIANTS:
        raise ValueError(f"variant={variant!r} is not allowed; choose one of {', '.join(map(repr, VARIANTS))}")
    mpl.rcParams.update(VARIANTS[variant])
    _current[0] = variant


def current():
    """The variant in use: ``"book"`` or ``"lecture"``."""
    return _current[0]


def figure_scale():
    """Factor by which figure sizes grow in the current variant (1 for the book)."""
    return SCALE[_current[0]]


def decorate(ax, title=None, xlabel=None, ylabel=None, legend=False, **limits):
    """Label an Axes in one call (ThinkDSP-style); ``limits`` go to ``ax.set`` (``xlim=``, ``ylim=`` …)."""
    ax.set(**{k: v for k, v in dict(title=title, xlabel=xlabel, ylabel=ylabel).items() if v}, **limits)
    if legend:
        ax.legend(loc="best")
    return ax


use("book")  # the book look is the default for every figure drawn after importing the package's plots
