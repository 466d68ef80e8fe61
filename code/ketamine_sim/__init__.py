"""ketamine_sim: the small, tested models behind the book *How ketamine works as a rapid-acting antidepressant*.

Flow (imports only go down): literature → models (receptors, …) → style → plots → widgets → notebooks.
"""

__version__ = "0.1.0"
