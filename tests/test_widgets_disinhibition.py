"""The disinhibition chapter's explorers: live and static builds, frames, alt text, fast live updates."""


import numpy as np
import pytest

from explorer_checks import assert_update_matches_fresh, static_data
from ketamine_sim.plots import disinhibition as dplots
from ketamine_sim.widgets import disinhibition as dw


def test_the_switch_reads_as_words(monkeypatch):
    _, data = static_data(dw.explore_dose_circuit, monkeypatch)
    assert data["labels"][0] == ["disinhibition", "direct block at rest"]


def test_dose_alt_text_says_where_the_accounts_part():
    dis, direct = dw.describe_dose(dw.dose_circuit(0)), dw.describe_dose(dw.dose_circuit(1))
    assert "inverted U" in dis and "Phosphorylated eEF2 is 1.00 times baseline at 1 µM" in dis
    assert "stay at their drug-free levels" in direct and "eEF2 is 1.00" not in direct
    busy = dw.describe_dose(dw.dose_circuit(0, pyramidal_rate_hz=5.0))
    assert "no inverted U at these rates" in busy  # the inverted U does not survive the assumed range


def test_arrival_order_depends_on_the_assumed_lag():
    with_lag, no_lag = dw.arrival(30.0), dw.arrival(0.0)
    assert with_lag.lead_min > 0 > no_lag.lead_min
    assert "interneuron fall leads" in dw.describe_arrival(with_lag)
    assert "no later than" in dw.describe_arrival(no_lag)
    assert abs(np.max(with_lag.course.ketamine_uM) - dw.PEAK_UM) < 0.02  # driven by the standard infusion


CASES = [
    (dw.dose_circuit, dplots.dose_circuit, (7.4, 3.4), dict(hypothesis=0), dict(hypothesis=1, pyramidal_rate_hz=3.0)),
    (dw.arrival, dplots.arrival, (7.0, 5.4), dict(), dict(pyramidal_lag_min=0.0, pyramidal_rate_hz=5.0)),
]


@pytest.mark.parametrize("model, plot, size, first, second", CASES, ids=["dose_circuit", "arrival"])
def test_live_update_matches_a_fresh_drawing(model, plot, size, first, second):
    assert_update_matches_fresh(model, plot, size, first, second)


def test_switch_and_bad_rates():
    assert dw.hypothesis_of(0) == "disinhibition" and dw.hypothesis_of(1.0) == "direct"
    with pytest.raises(IndexError):
        dw.hypothesis_of(2)
    with pytest.raises(ValueError, match="pyramidal_rate_hz"):
        dw.dose_circuit(0, pyramidal_rate_hz=0.5)
