"""Published values the models are checked against.

Each entry gives the value, the tolerance the model must meet, the conditions, the source key in
``references.bib`` and the status from ``shared/science/facts.md``.  ``role`` says how the model uses it:

* ``"input"``       – the number is a model parameter (the test checks it is wired in correctly);
* ``"equation"``    – the model implements a published fitted equation; the test checks it reproduces it;
* ``"calibration"`` – a free parameter was fitted to it (the test checks the fit holds);
* ``"validation"``  – the model predicts it without having been fitted to it.

The tests and the book's pages both read this table, so a number lives in one place.
"""

from ketamine_sim.literature import circuit, clinical, monoamines, pharmacokinetics, plasticity, receptors
from ketamine_sim.literature._reference import Reference

# one file per stage of the mechanism, each with a list REFERENCES
_STAGES = (pharmacokinetics, receptors, circuit, plasticity, monoamines, clinical)
BY_STAGE = {stage.__name__.rsplit(".", 1)[1]: tuple(stage.REFERENCES) for stage in _STAGES}

REFERENCES = {}
for _ref in (r for refs in BY_STAGE.values() for r in refs):
    if _ref.name in REFERENCES:
        raise RuntimeError(f"reference {_ref.name!r} is defined twice")
    REFERENCES[_ref.name] = _ref


def reference(name):
    """The :class:`Reference` called ``name``; ``KeyError`` lists the known names if it is missing."""
    try:
        return REFERENCES[name]
    except KeyError:
        raise KeyError(f"no reference {name!r}; known: {', '.join(sorted(REFERENCES))}") from None


def as_markdown(references):
    """A MyST table of ``references`` for the book's validation page: value, conditions, source, role, status."""
    rows = ["| quantity | published | conditions | source | status | role |", "|---|---|---|---|---|---|"]
    for r in references:
        value = f"{r.value:g} ± {r.tolerance:g}" if r.tolerance else f"{r.value:g}"
        role = r.role if r.reproduced else f"{r.role}, **not reproduced**"
        conditions = r.conditions.replace("|", "/")
        rows.append(f"| `{r.name}` | {value} {r.unit} | {conditions} | {{cite:p}}`{r.key}` | {r.status} | {role} |")
    return "\n".join(rows)


__all__ = ["BY_STAGE", "REFERENCES", "Reference", "as_markdown", "reference"]
