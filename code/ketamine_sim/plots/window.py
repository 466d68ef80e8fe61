"""Figures of the window-of-opportunity chapter: a training session against the threshold's course, and the
window's width under the functional and structural drivers.  No model maths: every number comes from a result
object (see ``widgets.window``)."""

import numpy as np

from ketamine_sim.plots.core import _fresh, _live, _remember, narrow_layout
from ketamine_sim.style import OKABE_ITO, color, decorate

_THETA_LIM = (0.38, 0.52)


def session(fig, s):
    """Left: the threshold θ over days with the session (time, Ca²⁺ level) marked.  Right: the BCM weight
    change against Ca²⁺ at the session's θ and without the drug, the session's point marked.
    ``s`` has ``days``, ``theta``, ``theta0``, ``session_day``, ``calcium``, ``theta_session``, ``curve_calcium``,
    ``curve_drug``, ``curve_none``, ``change``, ``no_drug`` and ``title``."""
    st = _live(fig, session)
    if st is None:
        _fresh(fig)
        narrow = narrow_layout(fig, 6.0)
        th_ax, w_ax = fig.subplots(2, 1) if narrow else fig.subplots(1, 2)
        th_ax.plot(s.days, s.theta, color=color("ketamine"), label="threshold θ after one dose")
        th_ax.axhline(s.theta0, color=color("reference"), ls="--", lw=1, label="θ₀ without the drug")
        level = th_ax.axhline(s.calcium, color=color("calcium"), lw=1.2, label="session Ca²⁺")
        when = th_ax.axvline(s.session_day, color=OKABE_ITO["black"], lw=1)
        dot, = th_ax.plot([s.session_day], [s.theta_session], "o", color=OKABE_ITO["black"], ms=6)
        decorate(th_ax, title="Threshold and session", xlabel="days after the infusion",
                 ylabel="NMDA Ca²⁺ (of maximum)", xlim=(0, s.days[-1]), ylim=_THETA_LIM)
        th_ax.legend(loc="lower right", fontsize="x-small")
        drug, = w_ax.plot(s.curve_calcium, 100 * s.curve_drug, color=color("ketamine"), label="at the session's θ")
        w_ax.plot(s.curve_calcium, 100 * s.curve_none, color=color("reference"), ls="--", label="without the drug")
        w_ax.axhline(0.0, color=OKABE_ITO["black"], lw=0.8)
        w_ax.text(0.03, 0.95, "LTP", transform=w_ax.transAxes, va="top", fontsize="small")
        w_ax.text(0.03, 0.05, "LTD", transform=w_ax.transAxes, va="bottom", fontsize="small")
        point, = w_ax.plot([s.calcium], [100 * s.change], "o", color=color("calcium"), ms=7, label="this session")
        decorate(w_ax, title="BCM rule: weight change", xlabel="session NMDA Ca²⁺ (of maximum)",
                 ylabel="weight change per session (%)", xlim=(s.curve_calcium[0], s.curve_calcium[-1]),
                 ylim=(-7.0, 12.0))
        w_ax.legend(loc="upper center", fontsize="x-small")
        st = _remember(fig, session, [th_ax, w_ax], level=level, when=when, dot=dot, drug=drug, point=point,
                       title=fig.suptitle("", wrap=True))
    a = st.artists
    a["level"].set_ydata([s.calcium, s.calcium])
    a["when"].set_xdata([s.session_day, s.session_day])
    a["dot"].set_data([s.session_day], [s.theta_session])
    a["drug"].set_data(s.curve_calcium, 100 * s.curve_drug)
    a["point"].set_data([s.calcium], [100 * s.change])
    a["title"].set_text(s.title)
    st.dynamic = [a["level"], a["when"], a["dot"], a["drug"], a["point"], a["title"]]
    return fig


def _inside(theta, calcium):
    """θ where it is below the session's Ca²⁺ (inside the window), NaN elsewhere: a line drawn only there."""
    return np.where(theta < calcium, theta, np.nan)


def widths(fig, w):
    """θ over three weeks under the functional and the structural driver, the session's Ca²⁺ level, and each
    window (θ below that level) drawn thick.  ``w`` has ``days``, ``functional``, ``structural``, ``theta0``,
    ``calcium`` and ``title``."""
    st = _live(fig, widths)
    if st is None:
        _fresh(fig)
        narrow_layout(fig, 4.2)
        ax = fig.subplots()
        fun, = ax.plot(w.days, w.functional, color=color("ampa"), label="follows the functional component")
        struc, = ax.plot(w.days, w.structural, color=color("bdnf"), ls="--", label="follows the structural component")
        fun_in, = ax.plot(w.days, _inside(w.functional, w.calcium), color=color("ampa"), lw=6, alpha=0.45)
        struc_in, = ax.plot(w.days, _inside(w.structural, w.calcium), color=color("bdnf"), lw=6, alpha=0.45)
        ax.axhline(w.theta0, color=color("reference"), ls=":", lw=1, label="θ₀ without the drug")
        level = ax.axhline(w.calcium, color=OKABE_ITO["black"], lw=1, label="session Ca²⁺ (window: θ below it)")
        decorate(ax, xlabel="days after one infusion", ylabel="threshold θ (Ca²⁺, of max)",
                 xlim=(0, w.days[-1]), ylim=(0.30, 0.52))
        ax.legend(loc="lower right", fontsize="x-small")
        st = _remember(fig, widths, [ax], fun=fun, struc=struc, fun_in=fun_in, struc_in=struc_in, level=level,
                       title=fig.suptitle("", wrap=True))
    a = st.artists
    a["fun"].set_data(w.days, w.functional)
    a["struc"].set_data(w.days, w.structural)
    a["fun_in"].set_data(w.days, _inside(w.functional, w.calcium))
    a["struc_in"].set_data(w.days, _inside(w.structural, w.calcium))
    a["level"].set_ydata([w.calcium, w.calcium])
    a["title"].set_text(w.title)
    st.dynamic = [a["fun"], a["struc"], a["fun_in"], a["struc_in"], a["level"], a["title"]]
    return fig
