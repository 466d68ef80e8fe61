"""Figures of the two-mirror-images chapter: the NMDA block each form reaches over time, and which form "wins".
No model maths: every number comes from a result object (see ``widgets.enantiomers``)."""

import textwrap

import numpy as np

from ketamine_sim.plots.core import _fresh, _live, _remember, narrow_layout
from ketamine_sim.style import color, decorate

LINESTYLES = ("-", "--", ":")


def block_over_time(fig, c):
    """Block (%) over hours for each regimen (left) and its area, block-hours (right).  ``c`` has ``rows``
    ((label, FormBlock, form) triples), ``key`` (redraw from scratch when it changes) and ``title``."""
    st = _live(fig, block_over_time)
    if st is None or st.artists["key"] != c.key:
        _fresh(fig)
        fig.set_layout_engine("constrained")  # a mode change redraws a figure whose layout png_update froze
        narrow = narrow_layout(fig, 6.4)
        ax, bar_ax = fig.subplots(2, 1) if narrow else fig.subplots(1, 2, width_ratios=(1.7, 1))
        lines = []
        for i, (label, b, form) in enumerate(c.rows):
            line, = ax.plot(b.t_h, 100 * b.block, color=color(form), ls=LINESTYLES[i], label=label)
            lines.append(line)
        decorate(ax, xlabel="hours after the dose starts", ylabel="NMDA current blocked (%)",
                 xlim=(0, c.rows[0][1].t_h[-1]), ylim=(0, 60))
        if narrow:  # below the curves: a phone has no room for it beside them
            ax.legend(loc="upper left", bbox_to_anchor=(-0.25, -0.3), fontsize="x-small")
        else:
            ax.legend(loc="upper right", fontsize="x-small")
        labels = [textwrap.fill(label, 14 if narrow else 18) for label, *_ in c.rows]
        bars = bar_ax.barh(range(len(c.rows)), [b.block_hours for _, b, _ in c.rows],
                           color=[color(form) for *_, form in c.rows], height=0.6)
        for patch, ls in zip(bars, LINESTYLES, strict=False):
            patch.set_linestyle(ls)
        bar_ax.set_yticks(range(len(c.rows)), labels, fontsize="x-small")
        bar_ax.invert_yaxis()
        decorate(bar_ax, xlabel="block-hours over 12 h", xlim=(0, 4.5))
        texts = [bar_ax.text(0.05, i, "", va="center", ha="left", color="white", fontsize="x-small")
                 for i in range(len(c.rows))]
        st = _remember(fig, block_over_time, [ax, bar_ax], key=c.key, lines=lines, bars=list(bars), texts=texts,
                       title=fig.suptitle("", wrap=True))
    a = st.artists
    for line, bar, text, (_, b, _) in zip(a["lines"], a["bars"], a["texts"], c.rows, strict=True):
        line.set_data(b.t_h, 100 * b.block)
        bar.set_width(b.block_hours)
        text.set_text(f"{b.block_hours:.2f}")
    a["title"].set_text(c.title)
    st.dynamic = [*a["lines"], *a["bars"], *a["texts"], a["title"]]
    return fig


def which_form_wins(fig, w):
    """Bars of each form's effect (% of the model's maximum): the NMDA route solid, the added NMDA-independent
    route hatched.  ``w`` has ``contest`` (an enantiomers.Contest), ``labels``, ``key`` and ``title``."""
    results = w.contest.results
    nmda = np.array([100 * r.nmda_only_effect for r in results])
    extra = np.array([100 * (r.effect - r.nmda_only_effect) for r in results])
    st = _live(fig, which_form_wins)
    if st is None or st.artists["key"] != w.key:
        _fresh(fig)
        fig.set_layout_engine("constrained")  # as in block_over_time
        narrow_layout(fig, 4.6)
        ax = fig.subplots()
        x = np.arange(len(results))
        colours = [color(r.form) for r in results]
        base = ax.bar(x, nmda, color=colours, width=0.6, label="through NMDA block")
        top = ax.bar(x, extra, bottom=nmda, color="white", edgecolor=colours, hatch="//", width=0.6,
                     label="NMDA-independent route (hypothesis)")
        ax.set_xticks(x, w.labels, fontsize="small")
        decorate(ax, ylabel="antidepressant effect (% of model max)", ylim=(0, 100))
        ax.legend(loc="upper left", fontsize="x-small")
        texts = [ax.text(i, 0, "", ha="center", va="bottom", fontsize="small") for i in x]
        st = _remember(fig, which_form_wins, [ax], key=w.key, base=list(base), top=list(top), texts=texts,
                       title=fig.suptitle("", wrap=True))
    a = st.artists
    for b, t, txt, lo, hi in zip(a["base"], a["top"], a["texts"], nmda, extra, strict=True):
        b.set_height(lo)
        t.set_y(lo)
        t.set_height(hi)
        txt.set_y(lo + hi + 1.0)
        txt.set_text(f"{lo + hi:.0f}%")
    a["title"].set_text(w.title)
    st.dynamic = [*a["base"], *a["top"], *a["texts"], a["title"]]
    return fig
