"""Published values the models are checked against.

Each entry gives the value, the tolerance the model must meet, the conditions, the source key in
``references.bib`` and the status from ``shared/science/facts.md``.  ``role`` says how the model uses it:

* ``"input"``       – the number is a model parameter (the test checks it is wired in correctly);
* ``"equation"``    – the model implements a published fitted equation; the test checks it reproduces it;
* ``"calibration"`` – a free parameter was fitted to it (the test checks the fit holds);
* ``"validation"``  – the model predicts it without having been fitted to it.

The tests and the book's pages both read this table, so a number lives in one place.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Reference:
    """One published number with the tolerance the model must meet."""

    name: str
    value: float
    tolerance: float
    unit: str
    conditions: str
    key: str
    status: str
    role: str
    at: float = float("nan")  # where the value applies: the voltage (mV) or concentration (uM) named in conditions


_REFERENCES = [
    # --- Mg2+ block of the NMDA receptor: B(V) = 1 / (1 + [Mg]/3.57 * exp(-0.062 V)), 1 mM Mg ---
    *[
        Reference(f"mg_unblock_{v:+d}mV", b, 0.005, "fraction unblocked", f"V = {v} mV, [Mg2+]o = 1 mM",
                  "JahrStevens1990", "DERIVED", "equation", at=v)
        for v, b in [(-70, 0.045), (-65, 0.060), (-60, 0.080), (-40, 0.23), (-20, 0.51), (0, 0.78), (20, 0.93)]
    ],
    Reference("mg_half_unblock_voltage", -20.5, 0.25, "mV", "[Mg2+]o = 1 mM", "JahrStevens1990", "DERIVED",
              "equation"),
    Reference("nmda_reversal_potential", 0.0, 2.0, "mV", "rat CA3/CA1 dendritic patches", "Spruston1995",
              "VERIFIED", "input"),
    # --- ketamine at the NMDA receptor channel site ([3H]MK-801 binding, rat brain) ---
    Reference("ki_S_ketamine", 0.30, 0.0, "uM", "[3H]MK-801 site, rat brain homogenate", "Ebert1997",
              "VERIFIED", "input"),
    Reference("ki_R_ketamine", 1.4, 0.0, "uM", "[3H]MK-801 site, rat brain homogenate", "Ebert1997",
              "VERIFIED", "input"),
    Reference("S_to_R_affinity_ratio", 4.7, 0.3, "fold", "Ki(R) / Ki(S)", "Ebert1997", "VERIFIED", "input"),
    Reference("racemic_block_at_1uM", 0.50, 0.02, "fraction of NMDA current", "racemic ketamine, 1 uM",
              "Gerhard2020", "SECONDARY", "calibration", at=1.0),
    Reference("racemic_block_at_10uM", 0.80, 0.02, "fraction of NMDA current", "racemic ketamine, 10 uM",
              "Gerhard2020", "SECONDARY", "calibration", at=10.0),
    Reference("peak_plasma_antidepressant_dose", 0.78, 0.0, "uM", "0.5 mg/kg IV over 40 min (185 ng/mL)",
              "Zanos2018PharmRev", "VERIFIED", "input"),
    Reference("anaesthetic_plasma_low", 5.0, 0.0, "uM", "general anaesthesia, 1-2 mg/kg IV (1200 ng/mL)",
              "Zanos2018PharmRev", "VERIFIED", "input"),
    Reference("anaesthetic_plasma_high", 10.0, 0.0, "uM", "general anaesthesia, 1-2 mg/kg IV (2400 ng/mL)",
              "Zanos2018PharmRev", "VERIFIED", "input"),
    Reference("brain_conc_antidepressant_dose", 1.0, 0.0, "uM", "estimated human brain level, 0.5 mg/kg IV",
              "Gerhard2020", "SECONDARY", "input"),
]

REFERENCES = {r.name: r for r in _REFERENCES}


def reference(name):
    """The :class:`Reference` called ``name``; ``KeyError`` lists the known names if it is missing."""
    try:
        return REFERENCES[name]
    except KeyError:
        raise KeyError(f"no reference {name!r}; known: {', '.join(sorted(REFERENCES))}") from None
