"""The diagnosis a consultant would sign (DIAGNOSIS.md): the constraint, when it broke, and
why, from the prepared orders of a transactions file.

Modules: ``periods`` (what is compared with what), ``series`` (full-month series),
``bridge`` (revenue change split into factors), ``trend`` (growth and season), ``breaks``
(when each series shifted), ``acquisition`` (new customers, leads and their conversion),
``accounts`` (key accounts gone silent), ``shape`` (B2B, courses, retail), ``sufficiency``
(what the data cannot tell), and ``diagnosis`` (all of them in one result).
"""

from analytics.diagnose.diagnosis import Diagnosis, diagnose

__all__ = ["Diagnosis", "diagnose"]
