"""The rival accounts (disinhibition vs direct block at rest) and the virtual knockouts of ketamine_sim.mechanisms."""

from dataclasses import replace

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ketamine_sim import circuit, mechanisms, plasticity

CONC = np.geomspace(0.01, 100.0, 81)
T_H = np.linspace(0.0, 3.0, 181)


def test_the_accounts_part_on_rates_and_glutamate_versus_eef2():
    dis, direct = mechanisms.steady(CONC, "disinhibition"), mechanisms.steady(CONC, "direct")
    at1 = np.argmin(abs(CONC - 1.0))
    assert dis.glutamate_rel[at1] > 1.05 and dis.interneuron_rel[at1] < 0.95 and dis.pyramidal_rel[at1] > 1.05
    assert np.allclose(dis.eef2_phospho, 1.0)
    assert np.allclose(direct.glutamate_rel, 1.0) and np.allclose(direct.pyramidal_rel, 1.0)
    assert direct.eef2_phospho[at1] < 0.9 and np.all(np.diff(direct.eef2_phospho) <= 1e-12)
    assert np.allclose(dis.pyramidal_block, direct.pyramidal_block)  # same block, different consequence


def test_disinhibition_gives_the_inverted_u_at_the_default_rates():
    s = mechanisms.steady([1.0, 10.0], "disinhibition")
    assert s.glutamate_rel[0] > 1 > s.glutamate_rel[1]
    assert s.bdnf[0] > 0 and s.bdnf[1] == 0  # the surge route needs a surge


def test_knockouts_mimic_and_occlude_for_their_own_account():
    intact, ko_i = (mechanisms.steady([0.0, 1.0], "disinhibition", k) for k in ("none", "interneuron"))
    assert ko_i.glutamate_rel[0] > intact.glutamate_rel[1] > 1  # mimics without the drug
    assert ko_i.glutamate_rel[1] < ko_i.glutamate_rel[0]  # the drug adds no surge on top
    ko_e = mechanisms.steady([0.0, 1.0], "disinhibition", "pyramidal")
    assert np.all(ko_e.bdnf == 0) and np.all(ko_e.pyramidal_rel == 0)  # silent pyramidal cells: no surge to cause
    d_none, d_i, d_e = (mechanisms.steady([0.0, 1.0], "direct", k) for k in mechanisms.KNOCKOUTS)
    assert np.allclose(d_i.eef2_phospho, d_none.eef2_phospho)  # interneurons do not matter to this account
    assert d_e.eef2_phospho[0] == d_e.eef2_phospho[1] < d_none.eef2_phospho[1]  # mimics and occludes


def test_the_time_course_order_rests_on_the_assumed_lag():
    r = mechanisms.course(T_H, "disinhibition", signalling=False)
    assert r.interneuron_onset_min < r.pyramidal_onset_min
    no_lag = mechanisms.course(T_H, params=replace(circuit.CIRCUIT, pyramidal_lag_min=0.0), signalling=False)
    assert no_lag.pyramidal_onset_min <= no_lag.interneuron_onset_min
    direct = mechanisms.course(T_H, "direct")
    assert np.isnan(direct.pyramidal_onset_min) and np.nanmin(direct.eef2_phospho) < 0.95
    assert np.allclose(r.glutamate_rel, circuit.simulate(T_H, r.ketamine_uM).glutamate_rel)


def test_signalling_follows_the_chosen_route_of_the_chain():
    dis, direct = mechanisms.course(T_H, "disinhibition"), mechanisms.course(T_H, "direct")
    assert np.allclose(dis.eef2_phospho, 1.0) and np.max(dis.bdnf) > 0.05
    both = plasticity.simulate(T_H, dis.ketamine_uM)  # the main chain keeps both routes
    assert np.max(both.bdnf) > max(np.max(dis.bdnf), np.max(direct.bdnf))


def test_which_conclusions_survive_the_unverified_baseline_rates():
    rows = mechanisms.baseline_sweep()
    assert len(rows) == 12
    for r in rows:  # these survive every pair of baseline rates: the accounts part on the interneurons and eEF2
        assert r.interneuron_at_1uM < 0.9, r
        assert r.direct_glutamate_at_1uM == 1 and r.direct_eef2_at_1uM < 0.9, r
    # this one does not: the anaesthetic fall of glutamate is lost with busier pyramidal cells or quieter interneurons
    assert any(r.glutamate_at_10uM > 1 for r in rows) and any(r.glutamate_at_10uM < 1 for r in rows)
    assert sum(r.glutamate_at_1uM > 1 for r in rows) > len(rows) / 2  # the steady rise at 1 uM holds for most pairs


@pytest.mark.parametrize("call, name", [
    (lambda: mechanisms.steady(1.0, "both"), "hypothesis"),
    (lambda: mechanisms.steady(1.0, knockout="astrocyte"), "knockout"),
    (lambda: mechanisms.steady(-1.0), "ketamine_uM"),
    (lambda: mechanisms.circuit_for(pyramidal_rate_hz=8.0), "pyramidal_rate_hz"),
    (lambda: mechanisms.circuit_for(interneuron_rate_hz=5.0), "interneuron_rate_hz"),
    (lambda: mechanisms.course(T_H, "none"), "hypothesis"),
])
def test_bad_input_names_the_parameter(call, name):
    with pytest.raises(ValueError, match=name):
        call()


@settings(max_examples=30, deadline=None)
@given(st.lists(st.floats(0.0, 1000.0), min_size=1, max_size=20), st.sampled_from(mechanisms.HYPOTHESES),
       st.sampled_from(mechanisms.KNOCKOUTS))
def test_steady_states_are_physical(c, hypothesis, knockout):
    s = mechanisms.steady(np.array(c), hypothesis, knockout)
    share = plasticity.PARAMS.eef2k_nmda_share
    assert np.all(s.glutamate_rel > 0) and np.all(s.pyramidal_rel >= 0) and np.all(s.interneuron_rel > 0)
    assert np.all((s.eef2_phospho >= 1 - share - 1e-12) & (s.eef2_phospho <= 1 + 1e-12)) and np.all(s.bdnf >= 0)


def test_the_rat_doses_are_quoted_by_the_chapter_and_read_by_no_model():
    import inspect
    import json
    import pathlib

    from ketamine_sim.literature import BY_STAGE

    notebook = json.loads((pathlib.Path(__file__).parents[1] / "book/chapters/disinhibition.ipynb").read_text())
    chapter = "".join("".join(c["source"]) for c in notebook["cells"] if c["cell_type"] == "code")
    models = inspect.getsource(circuit) + inspect.getsource(mechanisms)
    context = [r for r in BY_STAGE["circuit"] if r.role == "context"]
    assert len(context) == 4 and all(r.key == "Moghaddam1997" for r in context)
    for r in context:
        assert r.name in chapter, f"{r.name} is quoted nowhere"
        assert r.name not in models, f"{r.name} is a context number but a model reads it"
