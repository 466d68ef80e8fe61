"""Keep freed memory in the process, so NumPy's large temporaries do not page-fault on every widget move.

glibc returns a freed block of more than 128 KB to the system at once (and trims the heap's free top beyond
twice that), so the next array of that size is mapped afresh and every page of it faults on first touch.  On
the book's 2-core virtual machines that costs more than the arithmetic: one operation on 500 patients × 253
times (1 MB) took about 0.9 ms instead of 0.07 ms (``make bench ONLY=models``).  Raising both thresholds keeps
up to 64 MB of freed memory for reuse.  Applied once on import of :mod:`ketamine_sim`, only with glibc, and not
if the user has set glibc's own ``MALLOC_*_THRESHOLD_`` variables.
"""

import ctypes
import os
import sys

_M_TRIM_THRESHOLD, _M_MMAP_THRESHOLD = -1, -3  # mallopt parameters of glibc's malloc.h
MMAP_THRESHOLD_BYTES = 32 << 20  # glibc's maximum on 64-bit systems
TRIM_THRESHOLD_BYTES = 64 << 20
_USER_SETTINGS = ("MALLOC_MMAP_THRESHOLD_", "MALLOC_TRIM_THRESHOLD_")


def keep_freed_memory():
    """Raise glibc's mmap and trim thresholds; True if they were set, False elsewhere (or if the user set them)."""
    if not sys.platform.startswith("linux") or any(name in os.environ for name in _USER_SETTINGS):
        return False
    try:
        mallopt = ctypes.CDLL(None).mallopt
    except (OSError, AttributeError):  # not glibc
        return False
    return bool(mallopt(_M_MMAP_THRESHOLD, MMAP_THRESHOLD_BYTES)) and bool(mallopt(_M_TRIM_THRESHOLD,
                                                                             TRIM_THRESHOLD_BYTES))
