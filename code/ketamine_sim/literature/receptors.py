"""Published values for the receptor stage: Mg2+ block, NMDA channel, ketamine affinity and block."""

from ketamine_sim.literature._reference import Reference

REFERENCES = [
    # --- Mg2+ block of the NMDA receptor: B(V) = 1 / (1 + [Mg]/3.57 * exp(-0.062 V)), 1 mM Mg ---
    *[
        Reference(f"mg_unblock_{v:+d}mV", b, 0.005, "fraction unblocked", f"V = {v} mV, [Mg2+]o = 1 mM",
                  "JahrStevens1990", "DERIVED", "input", at=v)
        for v, b in [(-70, 0.045), (-65, 0.060), (-60, 0.080), (-40, 0.23), (-20, 0.51), (0, 0.78), (20, 0.93)]
    ],
    Reference("mg_half_unblock_voltage", -20.5, 0.25, "mV", "[Mg2+]o = 1 mM", "JahrStevens1990", "DERIVED",
              "input"),
    Reference("nmda_reversal_potential", 0.0, 2.0, "mV", "rat CA3/CA1 dendritic patches", "Spruston1995",
              "VERIFIED", "input"),
    Reference("ampa_reversal_potential", 0.0, 2.0, "mV", "rat CA3/CA1 dendritic patches", "Spruston1995",
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
]
