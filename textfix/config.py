"""``Config``: which rules run and with which options. Frozen; presets are data."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from .registry import RULES, rule_by_id
from .rule import Rule

# Presets are plain data: rules to enable or disable and option overrides,
# applied on top of every rule's own default. The pipeline order is the registry's.
PRESETS: Mapping[str, Mapping[str, Any]] = {
    "default": {},
    # Tesseract-class OCR of Chinese and mixed text. On top of the defaults (which
    # already turn ``方案; 各板块`` into ``方案；各板块``, remove ``意见》 《无锡市`` spaces and
    # every-character ``人 工 智 能`` spacing per line, repair look-alike brackets such as
    # ``〈X）``, widen a bracket pair cut by the wrap of a line and reflow the lines), it
    # turns on the OCR look-alike rules for digits, dashes and full stops.
    "ocr": {
        "enable": [
            "fix_numeric_lookalikes",
            "normalize_range_dash",
            "fix_full_stop_lookalikes",
        ],
    },
}

# One paragraph per preset for ``--help`` and the docs: what it repairs and what it does not.
PRESET_DOCS: Mapping[str, str] = {
    "default": "every rule that is on by default, with its default options",
    "ocr": (
        "Tesseract-class OCR output: digits read as letters (2O24, l0.4%), ranges read with "
        "一 (5一6级), 。 read as o/0/., look-alike brackets (〈X）), half-width punctuation and "
        "the space after it, spaces between every Han character, and a line break at every "
        "printed line (with blank lines at column breaks). It does NOT repair Han characters "
        "misread as similar ones (己/已, 士/土, 钾/铆: that needs a language model), characters "
        "the engine dropped or invented, or junk glyphs from large headline type (66 for “)"
    ),
}


def _frozen_options(rule: Rule, overrides: Any) -> Any:
    if dataclasses.is_dataclass(overrides) and not isinstance(overrides, type):
        if type(overrides) is not type(rule.options):
            raise ValueError(
                f"options for rule {rule.id} must be {type(rule.options).__name__}, "
                f"not {type(overrides).__name__}"
            )
        return overrides
    if not isinstance(overrides, Mapping):
        raise ValueError(f"options for rule {rule.id} must be a mapping of option names to values")
    known = {f.name for f in dataclasses.fields(rule.options)}
    unknown = sorted(set(overrides) - known)
    if unknown:
        raise ValueError(
            f"rule {rule.id} has no option {', '.join(unknown)}; "
            f"its options are: {', '.join(sorted(known)) or 'none'}"
        )
    return dataclasses.replace(rule.options, **overrides)


# A text longer than about this many characters is repaired a window at a time
# (``textfix.windows``): what the rules hold while they read a window is several times
# its size, so a long text's run needs little more than its output. Half a million
# characters is a thousand newspaper columns' worth of lines — every page-wide fact
# (column width, running heads repeated page after page) shows many times over — and its
# work (~20–40 MB) is small beside the input of any run it bounds.
WINDOW_CHARS = 1 << 19


@dataclass(frozen=True)
class Config:
    """Rule selection and options; ``window_chars``: the size of the windows a long text
    is repaired in (0: the whole text at once).

    >>> Config(disable=["remove_space_beside_cjk_punct"]).is_enabled(
    ...     rule_by_id("remove_space_beside_cjk_punct"))
    False
    """

    enable: frozenset[str] = frozenset()
    disable: frozenset[str] = frozenset()
    options: Mapping[str, Any] = field(default_factory=dict)
    window_chars: int = WINDOW_CHARS

    def __post_init__(self) -> None:
        if not isinstance(self.window_chars, int) or self.window_chars < 0:
            raise ValueError(f"window_chars must be a whole number >= 0, not {self.window_chars!r}")
        enable = frozenset(self.enable)
        disable = frozenset(self.disable)
        for rule_id in enable | disable:
            rule_by_id(rule_id)
        clash = enable & disable
        if clash:
            raise ValueError(f"rule {', '.join(sorted(clash))} is both enabled and disabled")
        resolved = {
            rule_id: _frozen_options(rule_by_id(rule_id), value)
            for rule_id, value in dict(self.options).items()
        }
        object.__setattr__(self, "enable", enable)
        object.__setattr__(self, "disable", disable)
        object.__setattr__(self, "options", _FrozenMapping(resolved))

    @classmethod
    def preset(cls, name: str, **changes: Any) -> Config:
        """A preset by name (``textfix rules`` lists them), optionally with changes."""
        if name not in PRESETS:
            raise ValueError(f"unknown preset {name!r}; presets are: {', '.join(PRESETS)}")
        settings = {**PRESETS[name], **changes}
        return cls(**settings)

    def is_enabled(self, rule: Rule) -> bool:
        if rule.id in self.disable:
            return False
        return rule.default or rule.id in self.enable

    def options_for(self, rule: Rule) -> Any:
        return self.options.get(rule.id, rule.options)

    def replace(self, **changes: Any) -> Config:
        return dataclasses.replace(self, **changes)


class _FrozenMapping(Mapping[str, Any]):
    """A read-only, hashable mapping so that ``Config`` stays immutable and picklable."""

    def __init__(self, items: Mapping[str, Any]) -> None:
        self._items = dict(items)

    def __getitem__(self, key: str) -> Any:
        return self._items[key]

    def __iter__(self) -> Iterable[str]:  # type: ignore[override]
        return iter(self._items)

    def __len__(self) -> int:
        return len(self._items)

    def __hash__(self) -> int:
        return hash(tuple(sorted(self._items.items(), key=lambda kv: kv[0])))

    def __repr__(self) -> str:
        return repr(self._items)


__all__ = ["Config", "PRESETS", "PRESET_DOCS", "RULES"]
