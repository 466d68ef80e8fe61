"""Figures of the disinhibition chapter: the circuit over the dose range under either account, and the circuit's
time course under the standard infusion.  No model maths: every number comes from a result object (see
``widgets.disinhibition``)."""

import numpy as np

from ketamine_sim.plots.core import _fresh, _live, _remember, narrow_layout
from ketamine_sim.style import OKABE_ITO, color, decorate

EEF2_COLOUR = OKABE_ITO["black"]  # eEF2 is no actor of the style's palette


def _marks(ax, marks, labels=True):
    """Vertical reference lines, labelled unless ``labels`` is False: (x, text) pairs."""
    for x, text in marks:
        ax.axvline(x, color=color("reference"), ls=":", lw=1)
        if labels:
            ax.text(x, 0.98, f" {text}", color=color("reference"), fontsize="x-small", va="top",
                    transform=ax.get_xaxis_transform())


def dose_circuit(fig, d):
    """Three panels over held ketamine concentrations: the two firing rates, glutamate, eEF2 and BDNF.

    ``d`` has ``conc_uM``, ``state`` (a :class:`mechanisms.MechanismState`), ``marks`` and ``title``.
    """
    s = d.state
    st = _live(fig, dose_circuit)
    if st is None:
        _fresh(fig)
        narrow = narrow_layout(fig, 8.0)
        axes = fig.subplots(3, 1, sharex=True) if narrow else fig.subplots(1, 3, sharex=True)
        rate_ax, glu_ax, sig_ax = axes
        pyr, = rate_ax.plot(d.conc_uM, s.pyramidal_rel, color=color("pyramidal"), label="pyramidal cells")
        inter, = rate_ax.plot(d.conc_uM, s.interneuron_rel, color=color("interneuron"), ls="--", label="interneurons")
        decorate(rate_ax, title="Firing rates", ylabel="× drug-free rate", ylim=(0, 2.2))
        rate_ax.legend(loc="lower left", fontsize="small")
        glu, = glu_ax.plot(d.conc_uM, s.glutamate_rel, color=color("glutamate"))
        glu_ax.axhline(1.0, color=color("reference"), lw=0.8)
        decorate(glu_ax, title="Extracellular glutamate", ylabel="× drug-free", ylim=(0, 2.2))
        eef2, = sig_ax.plot(d.conc_uM, s.eef2_phospho, color=EEF2_COLOUR, ls="-.", label="phospho-eEF2 (× baseline)")
        bdnf, = sig_ax.plot(d.conc_uM, s.bdnf, color=color("bdnf"), label="extra BDNF release")
        decorate(sig_ax, title="eEF2 and BDNF", ylabel="relative to baseline", ylim=(-0.05, 1.75))
        sig_ax.set_yticks([0, 0.5, 1.0, 1.5])
        sig_ax.legend(loc="upper center", fontsize="small")
        for ax in axes:
            ax.set_xscale("log")
            ax.set_xlim(d.conc_uM[0], d.conc_uM[-1])
            _marks(ax, d.marks, labels=ax is not sig_ax)
        for ax in axes[-1:] if narrow else axes:
            ax.set_xlabel("ketamine held at (µM, log)")
        st = _remember(fig, dose_circuit, list(axes), lines=[pyr, inter, glu, eef2, bdnf], title=fig.suptitle(""))
    lines = st.artists["lines"]
    for line, y in zip(lines, [s.pyramidal_rel, s.interneuron_rel, s.glutamate_rel, s.eef2_phospho, s.bdnf],
                       strict=True):
        line.set_data(d.conc_uM, y)
    st.artists["title"].set_text(d.title)
    st.dynamic = [*lines, st.artists["title"]]
    return fig


def arrival(fig, a):
    """The standard infusion's brain concentration, then the two rates and glutamate over the first hours, with the
    first 5% change of each rate marked.  ``a`` has ``course`` (a :class:`mechanisms.MechanismCourse`), ``title``."""
    r = a.course
    t_min = r.t_h * 60.0
    st = _live(fig, arrival)
    if st is None:
        _fresh(fig)
        narrow = narrow_layout(fig, 7.0)
        top, mid, bottom = fig.subplots(3, 1, sharex=True)
        conc, = top.plot(t_min, r.ketamine_uM, color=color("ketamine"))
        top.axvspan(0, a.infusion_min, color=color("ketamine"), alpha=0.12, lw=0)
        decorate(top, title="Brain ketamine, standard infusion", ylabel="µM", ylim=(0, 1.0))
        inter, = mid.plot(t_min, r.interneuron_rel, color=color("interneuron"), ls="--", label="interneurons")
        pyr, = mid.plot(t_min, r.pyramidal_rel, color=color("pyramidal"), label="pyramidal cells")
        onset_i = mid.axvline(0, color=color("interneuron"), ls=":", lw=1.2)
        onset_e = mid.axvline(0, color=color("pyramidal"), ls=":", lw=1.2)
        decorate(mid, title="Firing rates (dotted: first 5% change)", ylabel="× drug-free", ylim=(0.5, 1.6))
        mid.legend(loc="upper right", fontsize="small", ncol=1 if narrow else 2)
        glu, = bottom.plot(t_min, r.glutamate_rel, color=color("glutamate"))
        bottom.axhline(1.0, color=color("reference"), lw=0.8)
        decorate(bottom, title="Extracellular glutamate", ylabel="× drug-free", ylim=(0.8, 1.4),
                 xlabel="minutes from the start of the infusion", xlim=(0, t_min[-1]))
        st = _remember(fig, arrival, [top, mid, bottom], lines=[conc, inter, pyr, glu], onsets=[onset_i, onset_e],
                       title=fig.suptitle(""))
    lines = st.artists["lines"]
    for line, y in zip(lines, [r.ketamine_uM, r.interneuron_rel, r.pyramidal_rel, r.glutamate_rel], strict=True):
        line.set_data(t_min, y)
    for line, x in zip(st.artists["onsets"], [r.interneuron_onset_min, r.pyramidal_onset_min], strict=True):
        line.set_xdata([x, x])
        line.set_visible(bool(np.isfinite(x)))
    st.artists["title"].set_text(a.title)
    st.dynamic = [*lines, *st.artists["onsets"], st.artists["title"]]
    return fig
