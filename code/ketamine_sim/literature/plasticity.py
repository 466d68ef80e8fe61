"""Published values for the synaptogenesis cascade: AMPA, BDNF, mTORC1, eEF2, dendritic spines."""

from ketamine_sim.literature._reference import Reference  # noqa: F401 (entries to come)

REFERENCES = [
]
