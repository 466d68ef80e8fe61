"""Figures of the two-mirror-images chapter: the NMDA block each form reaches over time, and which form "wins".
No model maths: every number comes from a result object (see ``widgets.enantiomers``)."""

import textwrap

import numpy as np
from matplotlib.transforms import offset_copy

from ketamine_sim.plots.core import _fresh, _live, _remember, narrow_layout
from ketamine_sim.style import color, decorate

LINESTYLES = ("-", "--", ":")
# the widest row labels, drawn invisibly: every mode gets the same room
PLACEHOLDERS = {"y": "racemic 0.50 mg/kg IV", "x": "R (arketamine)\n1.42 mg/kg"}


def _row_labels(ax, n, axis, narrow):
    """Invisible placeholder tick labels (the widest label), so the layout is the same for every mode, and one
    text per row drawn over them that updates with the mode (a mode change then needs no new figure)."""
    dummy = [textwrap.fill(PLACEHOLDERS["y"], 14 if narrow else 18) if axis == "y" else PLACEHOLDERS["x"]] * n
    pts = -(ax.xaxis.get_major_ticks()[0].get_pad() + 3.5)
    if axis == "y":
        ax.set_yticks(range(n), dummy, fontsize="x-small", color=(0, 0, 0, 0))
        where = offset_copy(ax.get_yaxis_transform(), fig=ax.figure, x=pts, units="points")
        return [ax.text(0, i, "", transform=where, ha="right", va="center", fontsize="x-small") for i in range(n)]
    ax.set_xticks(range(n), dummy, fontsize="small", color=(0, 0, 0, 0))
    where = offset_copy(ax.get_xaxis_transform(), fig=ax.figure, y=pts, units="points")
    return [ax.text(i, 0, "", transform=where, ha="center", va="top", fontsize="small") for i in range(n)]


def block_over_time(fig, c):
    """Block (%) over hours for each regimen (left) and its area, block-hours (right).  ``c`` has ``rows``
    ((label, FormBlock, form) triples) and ``title``."""
    st = _live(fig, block_over_time)
    if st is None:
        _fresh(fig)
        narrow = narrow_layout(fig, 6.4)
        ax, bar_ax = fig.subplots(2, 1) if narrow else fig.subplots(1, 2, width_ratios=(1.7, 1))
        t = c.rows[0][1].t_h
        lines = [ax.plot(t, np.zeros_like(t), ls=ls)[0] for ls in LINESTYLES[:len(c.rows)]]
        decorate(ax, xlabel="hours after the dose starts", ylabel="NMDA current blocked (%)", xlim=(0, t[-1]),
                 ylim=(0, 60))
        bars = bar_ax.barh(range(len(c.rows)), np.zeros(len(c.rows)), height=0.6)
        labels = _row_labels(bar_ax, len(c.rows), "y", narrow)
        bar_ax.invert_yaxis()
        decorate(bar_ax, xlabel="block-hours over 12 h", xlim=(0, 4.5))
        texts = [bar_ax.text(0.05, i, "", va="center", ha="left", color="white", fontsize="x-small")
                 for i in range(len(c.rows))]
        st = _remember(fig, block_over_time, [ax, bar_ax], lines=lines, bars=list(bars), texts=texts, labels=labels,
                       narrow=narrow, legend=None, title=fig.suptitle("", wrap=True))
    a = st.artists
    ax, bar_ax = st.axes
    for i, (line, bar, text, label, (name, b, form)) in enumerate(
            zip(a["lines"], a["bars"], a["texts"], a["labels"], c.rows, strict=True)):
        line.set_data(b.t_h, 100 * b.block)
        line.set_color(color(form))
        line.set_label(name)
        bar.set_width(b.block_hours)
        bar.set_color(color(form))
        bar.set_linestyle(LINESTYLES[i])
        text.set_text(f"{b.block_hours:.2f}")
        label.set_text(textwrap.fill(name, 14 if a["narrow"] else 18))
    if a["legend"] is not None:
        a["legend"].remove()
    if a["narrow"]:  # below the curves: a phone has no room for it beside them
        a["legend"] = ax.legend(loc="upper left", bbox_to_anchor=(-0.25, -0.3), fontsize="x-small")
    else:
        a["legend"] = ax.legend(loc="upper right", fontsize="x-small")
    a["title"].set_text(c.title)
    st.dynamic = [*a["lines"], *a["bars"], *a["texts"], *a["labels"], a["legend"], a["title"]]
    return fig


def which_form_wins(fig, w):
    """Bars of each form's effect (% of the model's maximum): the NMDA route solid, the added NMDA-independent
    route hatched.  ``w`` has ``contest`` (an enantiomers.Contest), ``labels`` and ``title``."""
    results = w.contest.results
    nmda = np.array([100 * r.nmda_only_effect for r in results])
    extra = np.array([100 * (r.effect - r.nmda_only_effect) for r in results])
    st = _live(fig, which_form_wins)
    if st is None:
        _fresh(fig)
        narrow = narrow_layout(fig, 4.6)
        ax = fig.subplots()
        x = np.arange(len(results))
        colours = [color(r.form) for r in results]
        base = ax.bar(x, nmda, color=colours, width=0.6, label="through NMDA block")
        top = ax.bar(x, extra, bottom=nmda, color="white", edgecolor=colours, hatch="//", width=0.6,
                     label="NMDA-independent route (hypothesis)")
        labels = _row_labels(ax, len(results), "x", narrow)
        decorate(ax, ylabel="antidepressant effect (% of model max)", ylim=(0, 100))
        ax.legend(loc="upper left", fontsize="x-small")
        texts = [ax.text(i, 0, "", ha="center", va="bottom", fontsize="small") for i in x]
        st = _remember(fig, which_form_wins, [ax], base=list(base), top=list(top), texts=texts, labels=labels,
                       title=fig.suptitle("", wrap=True))
    a = st.artists
    for b, t, txt, label, lo, hi, name in zip(a["base"], a["top"], a["texts"], a["labels"], nmda, extra, w.labels,
                                              strict=True):
        b.set_height(lo)
        t.set_y(lo)
        t.set_height(hi)
        txt.set_y(lo + hi + 1.0)
        txt.set_text(f"{lo + hi:.0f}%")
        label.set_text(name)
    a["title"].set_text(w.title)
    st.dynamic = [*a["base"], *a["top"], *a["texts"], *a["labels"], a["title"]]
    return fig
