"""Published values for the two mirror images: norketamine's affinity, and the numbers the chapter quotes."""

from ketamine_sim.literature._reference import Reference

REFERENCES = [
    # --- norketamine at the NMDA receptor channel site ([3H]MK-801 binding, rat brain; Ebert1997) ---
    Reference("ki_S_norketamine", 1.7, 0.0, "uM", "[3H]MK-801 site, rat brain homogenate", "Ebert1997",
              "VERIFIED", "input"),
    Reference("ki_R_norketamine", 13.0, 0.0, "uM", "[3H]MK-801 site, rat brain homogenate", "Ebert1997",
              "VERIFIED", "input"),
    # --- quoted by the chapter; no model reads them ---
    Reference("williams2018_completers", 12.0, 0.0, "patients",
              "planned interim analysis of a crossover trial: naltrexone 50 mg before IV ketamine blocked "
              "the antidepressant but not the dissociative effect; trial halted", "Williams2018", "VERIFIED",
              "context"),
]
