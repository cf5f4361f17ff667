"""The closed set of generic check types a YAML pack entry selects with `type:`."""

from __future__ import annotations

from .capitalization import CapitalizationCheck
from .consistency import ConsistencyCheck
from .existence import ExistenceCheck
from .occurrence import OccurrenceCheck
from .substitution import SubstitutionCheck

CHECK_TYPES = {
    "existence": ExistenceCheck,
    "substitution": SubstitutionCheck,
    "occurrence": OccurrenceCheck,
    "consistency": ConsistencyCheck,
    "capitalization": CapitalizationCheck,
}

__all__ = ["CHECK_TYPES"]
