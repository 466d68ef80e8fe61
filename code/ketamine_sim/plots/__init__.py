"""Figures drawn from model results: the generic core here, one module per stage beside it.

Every plot function takes the :class:`~matplotlib.figure.Figure` to draw into (so a widget can redraw the same
figure) and returns it; no model maths in any of them.
"""

from ketamine_sim.plots.core import encode_png, figure, min_text_px, narrow, png_bytes, png_update, updatable

__all__ = ["encode_png", "figure", "min_text_px", "narrow", "png_bytes", "png_update", "updatable"]
