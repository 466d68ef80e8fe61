"""Published values for the cortical microcircuit: firing of pyramidal cells and interneurons, glutamate efflux."""

from ketamine_sim.literature._reference import Reference  # noqa: F401 (entries to come)

REFERENCES = [
]
