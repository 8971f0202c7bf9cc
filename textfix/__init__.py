"""textfix: repair text damaged by PDF extraction, e-paper scraping and OCR.

>>> import textfix
>>> textfix.fix("部署。 （高美梅）")
'部署。（高美梅）'
"""

from __future__ import annotations

from ._api import check, explain, fix, rules
from .config import Config
from .quality import Quality, quality
from .report import Edit, Repair

__version__ = "0.1.0"

__all__ = [
    "Config",
    "Edit",
    "Quality",
    "Repair",
    "__version__",
    "check",
    "explain",
    "fix",
    "quality",
    "rules",
]
