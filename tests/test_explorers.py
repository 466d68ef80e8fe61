"""Every chapter explorer (but the antagonist paradox's, tested in test_widgets.py): a static build with one
distinct frame per combination of the frame values, each with its own alt text, and a live build whose figure
follows each control.  One row per explorer: (explorer, number of static frames, number of controls)."""

import pytest

from explorer_checks import assert_live_redraw, assert_static_frames
from ketamine_sim.widgets import (
    capstone,
    clinic,
    disinhibition,
    enantiomers,
    fading,
    indications,
    monoamines,
    surge,
    synaptogenesis,
    window,
)

EXPLORERS = {
    "monoamines.ssri_course": (monoamines.explore_ssri_course, 2 * 3, 2),
    "monoamines.hours_vs_weeks": (monoamines.explore_hours_vs_weeks, 5 * 3, 2),
    "disinhibition.dose_circuit": (disinhibition.explore_dose_circuit, 2 * 3 * 3, 3),
    "disinhibition.arrival": (disinhibition.explore_arrival, 3 * 3, 2),
    "surge.nbqx": (surge.explore_nbqx, 4 * 3, 2),
    "surge.increase_decrease": (surge.explore_increase_decrease, 5 * 4, 2),
    "surge.currents": (surge.explore_currents, 3 * 3, 2),
    "synaptogenesis.chain": (synaptogenesis.explore_chain, 2 * 2 * 3, 3),
    "synaptogenesis.weeks": (synaptogenesis.explore_weeks, 3 * 2 * 2, 3),
    "synaptogenesis.sv2a": (synaptogenesis.explore_sv2a, 3 * 3, 2),
    "window.session": (window.explore_session, 4 * 2, 2),
    "window.widths": (window.explore_widths, 3 * 2, 2),
    "enantiomers.block": (enantiomers.explore_block, 3 * 2, 2),
    "enantiomers.winner": (enantiomers.explore_winner, 2 * 5, 2),
    "fading.planner": (fading.explore_planner, 3 * 2 * 3, 3),
    "fading.relapse": (fading.explore_relapse, 2 * 3 * 2, 3),
    "clinic.forest": (clinic.explore_forest, len(clinic.FOREST_YEARS) * 2 * 2, 3),
    "clinic.virtual": (clinic.explore_virtual_trial, 2 * 2 * 3, 3),
    "indications.bands": (indications.explore_bands, 4 * 3, 2),
    "indications.block": (indications.explore_block, 4 * 2 * 2, 3),
    "capstone.cascade": (capstone.explore_cascade, 3 * 3, 2),
    "capstone.assumptions": (capstone.explore_assumptions, 2, 1),
}


@pytest.mark.parametrize("name", EXPLORERS)
def test_static_build_has_every_frame_distinct_with_its_own_alt(name, monkeypatch):
    assert_static_frames(*EXPLORERS[name], monkeypatch)


@pytest.mark.parametrize("name", EXPLORERS)
def test_explorers_build_live_and_redraw_when_a_control_moves(name, monkeypatch):
    explorer, _, n_controls = EXPLORERS[name]
    assert_live_redraw(explorer, n_controls, monkeypatch)
