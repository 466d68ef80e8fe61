"""Fast live redraws: updating a figure in place must look the same as drawing it anew."""

import numpy as np
import pytest

from explorer_checks import assert_update_matches_fresh, pixels
from ketamine_sim import plots, receptors
from ketamine_sim.plots import receptors as receptor_plots
from ketamine_sim.widgets import receptors as receptor_widgets


def test_encode_png_round_trips_exactly():
    rgb = np.random.default_rng(0).integers(0, 256, (7, 5, 3), dtype=np.uint8)
    png = plots.encode_png(rgb)
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    assert np.array_equal(pixels(png), rgb)
    rgba = np.random.default_rng(1).integers(0, 256, (6, 9, 4), dtype=np.uint8)  # the live path's strided view
    assert np.array_equal(pixels(plots.encode_png(rgba[:, :, :3])), rgba[:, :, :3])


CASES = [
    (receptors.nmda_snapshot, receptor_plots.nmda_iv, dict(v_mV=-65, glutamate_bound=1.0, mg_mM=1.0),
     dict(v_mV=-20, glutamate_bound=0.4, mg_mM=0.2)),
    (receptor_widgets._compare_block, receptor_widgets._plot_block, dict(rate_hz=20, v_mV=-65, escape_e4=5),
     dict(rate_hz=3, v_mV=-45, escape_e4=0)),
]


@pytest.mark.parametrize("model, plot, first, second", CASES, ids=["nmda_iv", "block_time_courses"])
def test_updated_figure_matches_a_fresh_drawing(model, plot, first, second):
    assert_update_matches_fresh(model, plot, (7.0, 3.4), first, second)


def test_a_cleared_figure_is_drawn_from_scratch():
    fig = plots.figure((7.0, 3.4))
    receptor_plots.nmda_iv(fig, receptors.nmda_snapshot(v_mV=-65))
    plots.png_update(fig)
    fig.clear()
    assert not plots.updatable(fig)
    receptor_plots.nmda_iv(fig, receptors.nmda_snapshot(v_mV=-30))
    assert len(fig.axes) == 2 and fig.get_layout_engine() is not None


def test_lecture_style_is_one_call_and_enlarges_figures_and_fonts():
    from ketamine_sim import style

    book = plots.figure((7.0, 3.4)).get_size_inches()
    try:
        style.use("lecture")
        assert style.current() == "lecture"
        fig = plots.figure((7.0, 3.4))
        assert np.allclose(fig.get_size_inches(), 1.5 * book)
        receptor_plots.nmda_iv(fig, receptors.nmda_snapshot(v_mV=-65))
        title = fig.axes[0].title
        assert title.get_fontsize() > 15 and fig.axes[0].lines[1].get_linewidth() >= 3
    finally:
        style.use("book")
    assert style.current() == "book" and np.allclose(plots.figure((7.0, 3.4)).get_size_inches(), book)
