"""The record of one published number."""

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
    reproduced: bool = True  # False where the model is known to miss the number (a strict-xfail test shows it)
