"""ketamine_sim: the small, tested models behind the book *How ketamine works as a rapid-acting antidepressant*.

Flow (imports only go down): literature → models (receptors, …) → style → plots → widgets → notebooks.
"""

__version__ = "0.1.0"

from ketamine_sim._allocator import keep_freed_memory

keep_freed_memory()  # large NumPy temporaries are reused instead of page-faulting anew (see _allocator)
