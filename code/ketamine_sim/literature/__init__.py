"""Published values the models are checked against.

Each entry gives the value, the tolerance the model must meet, the conditions, the source key in
``references.bib`` and the status from ``shared/science/facts.md``.  ``role`` says what its test tests:

* ``"input"``       – the number (or published fitted equation) is part of the model; the test checks the wiring;
* ``"calibration"`` – a free parameter was fitted to it, so agreement is expected (the test checks the fit holds);
* ``"structural"``  – true by construction: it follows from inputs, calibrations or the model's form (e.g. the
  share left after four half-lives, a ratio that only has to exceed 1), or rests on a threshold we chose;
* ``"validation"``  – a published number the model was not fitted to and could have missed: the only rows that
  are evidence (``reproduced`` says whether the model meets it);
* ``"context"``     – a published number the chapters quote and no model reads.

The tests and the book's pages both read this table, so a number lives in one place.
"""

from ketamine_sim.literature import (
    circuit,
    clinical,
    enantiomers,
    monoamines,
    pharmacokinetics,
    plasticity,
    population,
    receptors,
)
from ketamine_sim.literature._reference import Reference

# one file per stage of the mechanism, each with a list REFERENCES
_STAGES = (pharmacokinetics, receptors, circuit, plasticity, monoamines, clinical, enantiomers, population)
BY_STAGE = {stage.__name__.rsplit(".", 1)[1]: tuple(stage.REFERENCES) for stage in _STAGES}

ROLES = ("input", "calibration", "structural", "validation", "context")

REFERENCES = {}
for _ref in (r for refs in BY_STAGE.values() for r in refs):
    if _ref.role not in ROLES:
        raise RuntimeError(f"reference {_ref.name!r} has role {_ref.role!r}; allowed: {', '.join(ROLES)}")
    if _ref.name in REFERENCES:
        raise RuntimeError(f"reference {_ref.name!r} is defined twice")
    REFERENCES[_ref.name] = _ref


def reference(name):
    """The :class:`Reference` called ``name``; ``KeyError`` lists the known names if it is missing."""
    try:
        return REFERENCES[name]
    except KeyError:
        raise KeyError(f"no reference {name!r}; known: {', '.join(sorted(REFERENCES))}") from None


def independent_checks(references=None):
    """Counts of the validation rows (the independent checks): ``{"validation": n, "reproduced": k, "missed": m}``."""
    rows = [r for r in (REFERENCES.values() if references is None else references) if r.role == "validation"]
    hit = sum(r.reproduced for r in rows)
    return {"validation": len(rows), "reproduced": hit, "missed": len(rows) - hit}


def role_counts(references=None):
    """How many rows have each role (every role of :data:`ROLES`, zero included)."""
    rows = list(REFERENCES.values() if references is None else references)
    return {role: sum(r.role == role for r in rows) for role in ROLES}


def as_markdown(references):
    """A MyST table of ``references`` for the book's validation page: value, conditions, source, role, status."""
    rows = ["| quantity | published | conditions | source | status | role |", "|---|---|---|---|---|---|"]
    for r in references:
        value = f"{r.value:g} ± {r.tolerance:g}" if r.tolerance else f"{r.value:g}"
        role = r.role if r.reproduced else f"{r.role}, **not reproduced**"
        conditions = r.conditions.replace("|", "/")
        rows.append(f"| `{r.name}` | {value} {r.unit} | {conditions} | {{cite:p}}`{r.key}` | {r.status} | {role} |")
    return "\n".join(rows)


__all__ = ["BY_STAGE", "REFERENCES", "ROLES", "Reference", "as_markdown", "independent_checks", "reference",
           "role_counts"]
