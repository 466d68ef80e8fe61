"""Published values for the clinical time course: onset, duration, relapse, repeated and maintenance dosing."""

from ketamine_sim.literature._reference import Reference  # noqa: F401 (entries to come)

REFERENCES = [
]
