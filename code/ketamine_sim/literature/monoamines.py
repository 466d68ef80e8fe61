"""Published values for SSRIs: the fast serotonin rise and the slow clinical response."""

from ketamine_sim.literature._reference import Reference  # noqa: F401 (entries to come)

REFERENCES = [
]
