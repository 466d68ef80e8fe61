"""The models against published numbers from shared/science/facts.md (via ketamine_sim.literature).

Each test names the source key; the tolerance is the one stored with the reference.
"""

import numpy as np
import pytest

from ketamine_sim import receptors
from ketamine_sim.literature import REFERENCES, reference

MG_POINTS = [r for r in REFERENCES.values() if r.name.startswith("mg_unblock_")]


@pytest.mark.parametrize("ref", MG_POINTS, ids=lambda r: r.name)
def test_mg_unblock_reproduces_jahr_stevens_1990(ref):
    assert ref.key == "JahrStevens1990"
    assert float(receptors.mg_unblock(ref.at, 1.0)) == pytest.approx(ref.value, abs=ref.tolerance)


def test_half_unblock_voltage_jahr_stevens_1990():
    ref = reference("mg_half_unblock_voltage")
    assert ref.key == "JahrStevens1990"
    assert receptors.half_unblock_voltage_mV(1.0) == pytest.approx(ref.value, abs=ref.tolerance)


def test_iv_curve_has_negative_slope_at_hyperpolarised_voltages_spruston_1995():
    # Spruston1995: in 1 mM Mg2+ the NMDA I-V has a negative-slope region at hyperpolarised potentials
    v = np.linspace(-100, -40, 121)
    slope = np.gradient(receptors.nmda_current_pA(v, 1.0, 1.0), v)
    assert np.all(slope < 0)
    mg_free = np.gradient(receptors.nmda_current_pA(v, 1.0, 0.0), v)
    assert np.all(mg_free > 0)


def test_nmda_current_reverses_near_zero_spruston_1995():
    ref = reference("nmda_reversal_potential")
    v = np.linspace(-20, 20, 4001)
    i = receptors.nmda_current_pA(v, 1.0)
    assert v[np.argmin(np.abs(i))] == pytest.approx(ref.value, abs=ref.tolerance)


def test_s_to_r_affinity_ratio_ebert_1997():
    ref = reference("S_to_R_affinity_ratio")
    assert ref.key == "Ebert1997"
    ratio = receptors.half_block_conc_uM("R") / receptors.half_block_conc_uM("S")
    assert ratio == pytest.approx(ref.value, abs=ref.tolerance)


@pytest.mark.parametrize("name", ["racemic_block_at_1uM", "racemic_block_at_10uM"])
def test_racemic_block_gerhard_2020(name):
    ref = reference(name)
    assert ref.key == "Gerhard2020" and ref.role == "calibration"
    assert float(receptors.nmda_block_fraction(ref.at, "racemic")) == pytest.approx(ref.value, abs=ref.tolerance)


def test_every_reference_names_a_key_in_the_bibliography():
    import pathlib
    import re

    bib = (pathlib.Path(__file__).resolve().parents[1] / "book" / "references.bib").read_text()
    keys = set(re.findall(r"@\w+\{([^,]+),", bib))
    missing = {r.name: r.key for r in REFERENCES.values() if r.key not in keys}
    assert not missing


# --- issue 9 item 8: every row says what its test tests ------------------------------------------------------

def test_every_row_has_one_of_the_roles():
    from ketamine_sim import literature

    assert literature.ROLES == ("input", "calibration", "structural", "validation", "context")
    assert {r.role for r in REFERENCES.values()} <= set(literature.ROLES)
    counts = literature.role_counts()
    assert sum(counts.values()) == len(REFERENCES) and counts["structural"] > 0


@pytest.mark.parametrize("name", ["fraction_of_peak_left_at_10h", "alpha_phase_duration", "ssri_effect_at_day_1",
                                  "repeated_infusions_cumulative", "effect_outlasts_drug",
                                  "weekly_infusions_maintain"])
def test_rows_true_by_construction_are_not_called_validation(name):
    assert reference(name).role == "structural"


def test_independent_checks_are_counted_honestly():
    from ketamine_sim import literature

    checks = literature.independent_checks()
    rows = [r for r in REFERENCES.values() if r.role == "validation"]
    assert checks == {"validation": len(rows), "reproduced": sum(r.reproduced for r in rows),
                      "missed": sum(not r.reproduced for r in rows)}
    assert checks["missed"] >= 1 and checks["reproduced"] >= 1
    assert all(r.role in {"validation", "calibration"} for r in REFERENCES.values() if not r.reproduced)


def test_the_introduction_states_the_number_of_independent_checks():
    import pathlib

    from ketamine_sim import literature

    words = {n: w for n, w in enumerate("zero one two three four five six seven eight nine ten eleven twelve thirteen "
                                        "fourteen fifteen sixteen seventeen eighteen nineteen twenty".split())}
    checks = literature.independent_checks()
    intro = " ".join((pathlib.Path(__file__).resolve().parents[1] / "book" / "intro.md").read_text().split())
    sentence = f"only {words[checks['validation']]} are independent checks"
    assert sentence in intro, f"book/intro.md must say: {sentence}"
    assert f"reproduce {words[checks['reproduced']]} of them" in intro
