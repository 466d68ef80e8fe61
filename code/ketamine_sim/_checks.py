"""Input checks shared by every model: bad input raises a ValueError naming parameter, value and range."""

import numpy as np


def in_range(name, value, low, high, unit=""):
    """Return ``value`` as a float array after checking every element lies in [low, high].

    Raises ``ValueError`` naming the parameter, the offending value and the allowed range.
    """
    try:
        arr = np.asarray(value, dtype=float)
    except (TypeError, ValueError):
        raise ValueError(f"{name}={value!r} is not a number; allowed range [{low:g}, {high:g}]") from None
    if arr.size:  # fast path: two reductions instead of an element-wise mask (NaN fails the comparisons)
        lowest, highest = arr.min(), arr.max()
        if low <= lowest and highest <= high and np.isfinite(lowest) and np.isfinite(highest):
            return arr
    bad = ~np.isfinite(arr) | (arr < low) | (arr > high)
    if np.any(bad):
        first = arr[bad].flat[0]
        suffix = f" {unit}" if unit else ""
        raise ValueError(f"{name}={first:g}{suffix} is outside the allowed range [{low:g}, {high:g}]{suffix}")
    return arr


def one_of(name, value, allowed):
    """Check that ``value`` is one of ``allowed``; raise ``ValueError`` listing the choices otherwise."""
    if value not in allowed:
        raise ValueError(f"{name}={value!r} is not allowed; choose one of {', '.join(map(repr, allowed))}")
    return value
