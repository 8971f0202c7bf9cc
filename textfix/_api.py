"""The public functions, kept apart from ``__init__`` so that it only re-exports."""

from __future__ import annotations

from . import _engine
from .config import Config
from .registry import RULES
from .report import Repair
from .rule import Rule

_DEFAULT = Config()


def explain(text: str, config: Config | None = None) -> Repair:
    """Repair ``text`` and report every edit with its rule and its span in ``text``."""
    _require_str(text)
    return _engine.run(text, config or _DEFAULT, track=True)


def fix(text: str, config: Config | None = None) -> str:
    """Repair ``text`` with the default rules (or those ``config`` selects)."""
    _require_str(text)
    return _engine.run(text, config or _DEFAULT, track=False).text


def check(text: str, config: Config | None = None) -> bool:
    """True when ``text`` needs no repair."""
    return fix(text, config) == text


def rules() -> tuple[Rule, ...]:
    """Every rule, in pipeline order, enabled by default or not."""
    return RULES


def _require_str(text: object) -> None:
    if not isinstance(text, str):
        raise TypeError(f"textfix works on str, got {type(text).__name__}; decode bytes first")
