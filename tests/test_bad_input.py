"""Bad input raises ValueError naming the parameter, the value and the allowed range."""

import numpy as np
import pytest

from ketamine_sim import receptors as r
from ketamine_sim import style, widgets

CASES = [
    (lambda: r.mg_unblock(-150.0), "v_mV", "-150"),
    (lambda: r.mg_unblock(0.0, mg_mM=-1.0), "mg_mM", "-1"),
    (lambda: r.mg_unblock(0.0, mg_mM=20.0), "mg_mM", "20"),
    (lambda: r.mg_unblock(np.array([0.0, np.nan])), "v_mV", "nan"),
    (lambda: r.mg_unblock("rest"), "v_mV", "'rest'"),
    (lambda: r.nmda_current_pA(-65.0, 1.5), "glutamate_bound", "1.5"),
    (lambda: r.calcium_influx_rel(-65.0, -0.1), "glutamate_bound", "-0.1"),
    (lambda: r.nmda_block_fraction(-1.0), "conc_uM", "-1"),
    (lambda: r.nmda_block_fraction(1.0, form="D"), "form", "'D'"),
    (lambda: r.half_block_conc_uM(form="esketamine"), "form", "'esketamine'"),
    (lambda: r.block_time_course([0.0], 1.0, rate_hz=-2.0), "rate_hz", "-2"),
    (lambda: r.block_time_course([-5.0], 1.0, rate_hz=2.0), "t_min", "-5"),
    (lambda: r.half_unblock_voltage_mV(0.0), "mg_mM", "0"),
    (lambda: style.use("poster"), "variant", "'poster'"),
    (lambda: style.color("dopamine"), "actor", "'dopamine'"),
    (lambda: widgets.Slider("x", "x", 0, 1, 0.1, 2.0), "value", "2"),
    (lambda: widgets.Slider("x", "x", 0, 1, 0.1, 0.5, frames=(0.0, 3.0)), "frames", "3"),
]


@pytest.mark.parametrize("call,name,value", CASES, ids=[c[1] + "=" + c[2] for c in CASES])
def test_bad_input_names_parameter_value_and_range(call, name, value):
    with pytest.raises(ValueError) as err:
        call()
    message = str(err.value)
    assert f"{name}={value}" in message
    assert "allowed" in message or "choose one of" in message
