"""The named views ``relgraph view --preset`` offers: data, read from ``presets.toml`` beside the named queries.

A preset picks the part of the network to draw. ``seed_kinds`` are node kinds and ``seed_edges`` edge kinds
(IRIs) whose nodes seed the view; ``depth`` is how many steps around the seeds are kept. A preset with no seeds
draws the whole graph. A dataset without a presets file has one preset, the whole graph.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import DataError
from ..languages import translated
from ..namespaces import expand

#: The file, in the folder of named queries, that holds the presets.
FILE_NAME = "presets.toml"


@dataclass(frozen=True)
class Preset:
    """A named view: a title and a description by language, and what to draw (seeds and depth; none = all)."""

    name: str
    titles: dict[str, str]
    descriptions: dict[str, str]
    seed_kinds: tuple[str, ...] = ()
    seed_edges: tuple[str, ...] = ()
    depth: int = 1
    default: bool = field(default=False, compare=False)

    @property
    def title(self) -> str:
        """The title in the default language."""
        return translated(self.titles, "en")

    @property
    def description(self) -> str:
        """The description in the default language."""
        return translated(self.descriptions, "en")

    def title_in(self, lang: str) -> str:
        """The title in ``lang`` (the default language when it has none)."""
        return translated(self.titles, lang)

    def description_in(self, lang: str) -> str:
        """The description in ``lang`` (the default language when it has none)."""
        return translated(self.descriptions, lang)


#: The one preset of a dataset without a presets file: the whole graph.
WHOLE = Preset("relationship", {"en": "The whole graph", "nl": "De hele graaf", "zh": "完整图谱"},
               {"en": "Every entity and every relation of the data.", "nl": "Elke entiteit en elke relatie.",
                "zh": "数据中的所有实体与关系。"}, default=True)


def load(folder: Path | None) -> dict[str, Preset]:
    """The presets of ``folder/presets.toml`` by name, the first the default; :data:`WHOLE` alone without one.

    A file that is not valid TOML, or a preset with unknown keys, raises :class:`DataError` naming the file.
    """
    path = folder / FILE_NAME if folder is not None else None
    if path is None or not path.is_file():
        return {WHOLE.name: WHOLE}
    try:
        table = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError, OSError) as e:
        raise DataError(f"not a presets file: {e}", path=str(path)) from None
    presets = {name: _preset(name, spec, str(path), i == 0) for i, (name, spec) in enumerate(table.items())}
    if not presets:
        raise DataError("no preset in this file", path=str(path))
    return presets


_KEYS = {"title", "description", "seed_kinds", "seed_edges", "depth"}


def _preset(name: str, spec: Any, where: str, default: bool) -> Preset:
    if not isinstance(spec, dict) or set(spec) - _KEYS:
        extra = sorted(set(spec) - _KEYS) if isinstance(spec, dict) else []
        raise DataError(f"preset {name!r}: unknown key {extra[0]!r}" if extra else
                        f"preset {name!r} must be a table", path=where)
    edges = []
    for e in spec.get("seed_edges", []):
        iri = expand(str(e))
        if iri is None:
            raise DataError(f"preset {name!r}: {e!r} is not a prefixed name or an IRI", path=where)
        edges.append(iri)
    depth = spec.get("depth", 1)
    if not isinstance(depth, int) or isinstance(depth, bool) or depth < 0:
        raise DataError(f"preset {name!r}: depth must be a whole number, not {depth!r}", path=where)

    def texts(key: str) -> dict[str, str]:
        value = spec.get(key, {})
        return {"en": value} if isinstance(value, str) else {str(k): str(v) for k, v in value.items()}

    return Preset(name, texts("title") or {"en": name}, texts("description"),
                  tuple(str(k) for k in spec.get("seed_kinds", [])), tuple(edges), depth, default)
