"""Figures of the clinic chapter: the forest plot of the published trials and the virtual trial.
No model maths: every number comes from a result object (see ``widgets.clinic``)."""

from matplotlib import transforms
from matplotlib.lines import Line2D

from ketamine_sim.plots.core import _fresh, _live, _remember, narrow_layout
from ketamine_sim.style import OKABE_ITO, color, decorate

POINTS_XLIM = (-20.0, 8.0)
SHARE_XLIM = (-40.0, 40.0)


def _forest_panel(ax, rows, xlim, xlabel, title, narrow):
    """One panel: every row's CI line, estimate marker and label (kept, so that filters only change visibility).
    ``narrow`` (a phone): labels without the comparator, a shorter note."""
    ax.axvline(0.0, color=color("reference"), lw=1.0)
    label_at = transforms.blended_transform_factory(ax.transAxes, ax.transData)
    artists = []
    for i, r in enumerate(rows):
        ci, = ax.plot([r.low, r.high] if r.has_ci else [], [i, i] if r.has_ci else [], color=color("ketamine"),
                      lw=2.5)
        face = color("ketamine") if r.has_ci else "white"
        est, = ax.plot([r.estimate] if r.has_estimate else [], [i] if r.has_estimate else [], "s", ms=8,
                       color=color("ketamine"), markerfacecolor=face, markeredgewidth=2, zorder=3)
        if not r.has_estimate:
            note = "missed its primary endpoint" + ("" if narrow else " (no number in our sources)")
            est = ax.text(xlim[0] + 0.5, i, note, va="center", fontsize="small")
        text = r.label if narrow else f"{r.label} ({r.comparator})"
        label = ax.text(-0.02, i, text, transform=label_at, ha="right", va="center")
        artists.append((ci, est, label))
    ax.set_yticks([])
    ax.grid(False, axis="y")
    decorate(ax, title=title, xlabel=xlabel, xlim=xlim, ylim=(len(rows) - 0.5, -0.5))
    return artists


def _show_rows(artists, shown):
    for (ci, est, _label), s in zip(artists, shown, strict=True):
        ci.set_visible(bool(s))
        est.set_visible(bool(s))


def _legend(fig, narrow):
    """The markers' meaning, drawn once (proxy artists), below the panels."""
    k = color("ketamine")
    handles = [Line2D([], [], color=k, marker="s", lw=2.5, markerfacecolor=k, label="published, 95% CI"),
               Line2D([], [], color=k, marker="s", lw=0, markerfacecolor="white", markeredgewidth=2,
                      label="published, no CI in our sources"),
               Line2D([], [], color=OKABE_ITO["black"], marker="D", lw=2, label="model, average patient")]
    fig.legend(handles=handles, loc="outside lower center", ncols=1 if narrow else 3, fontsize="x-small")


def forest(fig, f):
    """Published differences (drug minus comparator) with 95% CIs, one panel per outcome; rows the filters hide
    lose their markers (labels stay: redrawing text would slow the live update); the average patient's value
    beside the trials it can be set up like (a line spans a range).

    ``f`` has ``points_rows``/``share_rows`` (all :class:`trials.Trial` rows), ``points_shown``/``share_shown``
    (bool per row), ``model`` ({label: (low, high)}), ``calibrated`` (the label the model was fitted to),
    ``show_model`` and ``title``."""
    st = _live(fig, forest)
    if st is None:
        _fresh(fig)
        narrow = narrow_layout(fig, 6.4)
        pts_ax, share_ax = fig.subplots(2, 1, height_ratios=[len(f.points_rows), len(f.share_rows) + 0.8])
        pts = _forest_panel(pts_ax, f.points_rows, POINTS_XLIM,
                            "drug minus comparator, points" + ("" if narrow else " (MADRS; Berman: HAM-D-25)"),
                            "Symptom score (← favours the drug)", narrow)
        share = _forest_panel(share_ax, f.share_rows, SHARE_XLIM, "ketamine minus comparator, % points",
                              "Response; KetECT: remission (→ favours ketamine)", narrow)
        model = []
        for i, r in enumerate(f.points_rows):
            if r.label in f.model:
                low, high = f.model[r.label]
                span, = pts_ax.plot([low, high], [i + 0.3, i + 0.3], color=OKABE_ITO["black"], lw=2)
                dot, = pts_ax.plot([(low + high) / 2], [i + 0.3], "D", ms=6, color=OKABE_ITO["black"], zorder=3)
                model.append((i, span, dot))
                if r.label == f.calibrated and not narrow:
                    note = pts_ax.text(high + 0.8, i + 0.3, "calibrated here", va="center", fontsize="x-small")
                    model.append((i, note, note))
        _legend(fig, narrow)
        st = _remember(fig, forest, [pts_ax, share_ax], pts=pts, share=share, model=model,
                       title=fig.suptitle("", wrap=True))
    a = st.artists
    _show_rows(a["pts"], f.points_shown)
    _show_rows(a["share"], f.share_shown)
    for i, span, dot in a["model"]:
        span.set_visible(bool(f.show_model and f.points_shown[i]))
        dot.set_visible(bool(f.show_model and f.points_shown[i]))
    a["title"].set_text(f.title)
    rows = [x for row in (*a["pts"], *a["share"]) for x in row[:2]]  # labels stay: redrawing text is slow
    st.dynamic = [*rows, *{x for _, *pair in a["model"] for x in pair}, a["title"]]
    return fig


# --- the virtual trial ------------------------------------------------------------------------------------

def _rate_rows(ax, rows, narrow):
    """Response-rate rows (rate, low, high in %): a CI line, a marker (filled with a CI, hollow without), a label
    (left of the axes; on a phone inside them, above its row).  ``rows`` are (label, actor, has_interval)
    tuples; returns the artists per row."""
    label_at = transforms.blended_transform_factory(ax.transAxes, ax.transData)
    artists = []
    for i, (label, actor, filled) in enumerate(rows):
        ci, = ax.plot([], [], color=color(actor), lw=2.5)
        dot, = ax.plot([], [], "o", ms=8, color=color(actor), markerfacecolor=color(actor) if filled else "white",
                       markeredgewidth=2, zorder=3)
        if narrow:
            text = ax.text(0.01, i - 0.42, label, transform=label_at, ha="left", va="center", fontsize="small")
        else:
            text = ax.text(-0.02, i, label, transform=label_at, ha="right", va="center")
        artists.append((ci, dot, text))
    ax.set_yticks([])
    ax.grid(False, axis="y")
    return artists


def _set_rate(artists, i, rate, low, high, shown=True):
    ci, dot, _text = artists[i]
    ci.set_data([low, high], [i, i])
    dot.set_data([rate], [i])
    ci.set_visible(bool(shown))
    dot.set_visible(bool(shown))


def virtual_trial(fig, v):
    """Mean MADRS change of both arms over days (middle half of the patients shaded; infusions and read-out
    marked) and the response rates at the read-out with 95% intervals beside the published ones.

    ``v`` has ``days``, ``drug_mean``/``control_mean`` and ``drug_band``/``control_band`` ((low, high) arrays),
    ``dose_days``, ``readout_day``, ``comparator``, ``virtual`` ((rate, low, high) in % for drug and control),
    ``published`` (all :class:`trials.PublishedRate` rows), ``published_shown`` (bools) and ``title``."""
    st = _live(fig, virtual_trial)
    if st is None:
        _fresh(fig)
        narrow = narrow_layout(fig, 6.4)
        course_ax, rate_ax = fig.subplots(2, 1) if narrow else fig.subplots(1, 2, width_ratios=[1.1, 1])
        k, c = color("ketamine"), color("reference")
        drug_band = course_ax.fill_between([0, 1], [0, 0], [0, 0], color=k, alpha=0.2, lw=0)
        ctrl_band = course_ax.fill_between([0, 1], [0, 0], [0, 0], color=c, alpha=0.2, lw=0)
        drug, = course_ax.plot([], [], color=k, label="ketamine")
        ctrl, = course_ax.plot([], [], color=c, ls="--", label="comparator")
        readout = course_ax.axvline(1.0, color=OKABE_ITO["black"], lw=1, ls=":")
        ticks = course_ax.vlines([], -1.5, 0.0, color=k, lw=2)
        decorate(course_ax, title="Mean MADRS change", xlabel="days after the first infusion",
                 ylabel="MADRS change (points)", xlim=(0.0, v.days[-1]), ylim=(-32, 2))
        course_ax.legend(loc="lower right", fontsize="x-small")
        rows = [("virtual ketamine", "ketamine", True), ("virtual comparator", "reference", True)]
        rows += [(f"{r.label}: {r.arm}", "ketamine" if r.arm == "ketamine" else "reference", r.interval != "none")
                 for r in v.published]
        rate = _rate_rows(rate_ax, rows, narrow)
        decorate(rate_ax, title="Responders at the read-out", xlabel="responders (%, 95% interval)", xlim=(0, 100),
                 ylim=(len(rows) - 0.5, -0.5 - 0.5 * narrow))
        rate_ax.axhline(1.5, color=color("reference"), lw=0.8)
        st = _remember(fig, virtual_trial, [course_ax, rate_ax], drug=drug, ctrl=ctrl, readout=readout,
                       ticks=ticks, bands=[drug_band, ctrl_band], rate=rate,
                       title=fig.suptitle("", wrap=True))
    a = st.artists
    a["drug"].set_data(v.days, v.drug_mean)
    a["ctrl"].set_data(v.days, v.control_mean)
    for band, (low, high) in zip(a["bands"], (v.drug_band, v.control_band), strict=True):
        band.set_data(v.days, low, high)
    a["readout"].set_xdata([v.readout_day, v.readout_day])
    a["ticks"].set_segments([[(d, -1.5), (d, 0.0)] for d in v.dose_days])
    for i, (r, lo, hi) in enumerate(v.virtual):
        _set_rate(a["rate"], i, r, lo, hi)
    for i, (p, shown) in enumerate(zip(v.published, v.published_shown, strict=True)):
        _set_rate(a["rate"], i + 2, p.rate, p.low, p.high, shown)
    a["title"].set_text(v.title)
    st.dynamic = [a["drug"], a["ctrl"], *a["bands"], a["readout"], a["ticks"],
                  *(x for row in a["rate"] for x in row[:2]), a["title"]]  # labels and legend stay (text is slow)
    return fig
