"""Counting a corpus run: documents, text bytes, edits by rule, malformed records.

A ``Tally`` is what one chunk of documents reports back from a worker; the run adds
the chunks' tallies up for the progress bar and the final summary.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from . import _engine
from ._api import _DEFAULT, _require_str
from .config import Config


@dataclass
class Tally:
    """Totals over some documents. ``errors`` counts malformed records, however handled."""

    documents: int = 0
    text_bytes: int = 0
    edits: Counter[str] = field(default_factory=Counter)
    errors: int = 0

    def add(self, other: Tally) -> None:
        self.documents += other.documents
        self.text_bytes += other.text_bytes
        self.edits.update(other.edits)
        self.errors += other.errors


def fix_counted(text: str, config: Config | None, tally: Tally) -> str:
    """``textfix.fix(text, config)``, adding the document and its edits to ``tally``.

    >>> tally = Tally()
    >>> fix_counted("部署。 （高美梅）", None, tally)
    '部署。（高美梅）'
    >>> tally.documents, dict(tally.edits)
    (1, {'remove_space_beside_cjk_punct': 1})
    """
    _require_str(text)
    tally.documents += 1
    tally.text_bytes += len(text.encode("utf-8", "surrogatepass"))
    return _engine.run(text, config or _DEFAULT, track=False, counts=tally.edits).text
