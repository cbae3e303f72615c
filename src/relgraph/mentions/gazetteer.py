"""The gazetteer: every name the graph knows for an entity (labels in every language and alternative labels),
found in a text at once with an Aho-Corasick automaton (pyahocorasick), and near matches scored with rapidfuzz.

This module owns matching names: case is ignored except for names written in capitals (acronyms such as
``DOFTEC`` or ``NOS`` match only as written); a name in Latin script matches whole words only; a Chinese name
matches anywhere, Chinese having no spaces between words. Where names overlap, the longest leftmost wins.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from ..core import Graph
from ..errors import RelgraphError
from ..namespaces import NAME_PROPERTIES, PREFIXES
from .text import is_cjk

#: Namespaces whose resources are vocabulary, not entities a document mentions.
_VOCABULARY = tuple(ns for p, ns in PREFIXES.items() if p not in ("ug", "wd", "tooi"))

#: How alike (0-100, rapidfuzz's ratio) a name must be to a known one to be proposed as a near match.
NEAR_SCORE = 88


@dataclass(frozen=True)
class Match:
    """A known name found in a text: where (``start``, ``end``), the name as known, and the entities it names."""

    start: int
    end: int
    name: str
    entities: tuple[str, ...]


class Gazetteer:
    """The names of a graph's entities, ready to be found in any text.

    >>> gz = Gazetteer([("ug:doftec", "DOFTEC"), ("ug:ps", "Provinciale Staten"), ("ug:gd", "广东省")])
    >>> [(m.name, m.entities) for m in gz.find("De Provinciale Staten en DOFTEC in 广东省; doftecx")]
    [('Provinciale Staten', ('ug:ps',)), ('DOFTEC', ('ug:doftec',)), ('广东省', ('ug:gd',))]
    """

    def __init__(self, names: Iterable[tuple[str, str]]) -> None:
        try:
            import ahocorasick
        except ImportError:
            raise RelgraphError("finding mentions needs pyahocorasick: pip install 'relgraph[import]'") from None
        by_key: dict[str, set[str]] = defaultdict(set)
        shown: dict[str, str] = {}
        for entity, name in names:
            name = " ".join(name.split())
            if len(name) < (1 if is_cjk(name) else 2):
                continue
            cased = name.isupper() and not is_cjk(name)
            key = name if cased else name.lower()
            by_key[key].add(entity)
            shown.setdefault(key, name)
        self.automaton: Any = ahocorasick.Automaton()
        for key, entities in by_key.items():
            cjk = is_cjk(key)
            self.automaton.add_word(key, (key, shown[key], tuple(sorted(entities)), key.isupper() and not cjk, cjk))
        if by_key:
            self.automaton.make_automaton()
        # near matches are looked for among the names of the same first letter and a length that a ratio of
        # NEAR_SCORE allows (|a - b| <= (1 - s) (a + b)), so that each look-up reads a few names, not all
        self.buckets: dict[tuple[str, int], list[str]] = defaultdict(list)
        for key in by_key:
            self.buckets[(key[:1].lower(), len(key))].append(key)
        self._near: dict[str, tuple[str, tuple[str, ...], float] | None] = {}
        self.entities = {k: tuple(sorted(v)) for k, v in by_key.items()}
        self.shown = shown

    @classmethod
    def from_graph(cls, g: Graph) -> Gazetteer:
        """The gazetteer of every entity of ``g`` that has a name (vocabulary terms left out)."""
        names = " ".join(f"<{p}>" for p in NAME_PROPERTIES)
        raw = g.store.query(f"SELECT ?s ?l WHERE {{ VALUES ?p {{ {names} }} ?s ?p ?l FILTER(isIRI(?s)) }}")
        return cls((str(s), str(label)) for s, label in raw.rows if not str(s).startswith(_VOCABULARY))

    def __len__(self) -> int:
        return len(self.entities)

    def find(self, text: str) -> list[Match]:
        """Every known name in ``text`` (whole words for Latin script), the longest leftmost where they overlap."""
        if not self.entities:
            return []
        lower = text.lower()
        if len(lower) != len(text):  # a few characters grow when lowered (İ); keep offsets aligned
            lower = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
        found = []
        for source, want_cased in ((lower, False), (text, True)):
            if want_cased and source == lower:
                break
            for end, (key, name, entities, cased, cjk) in self.automaton.iter(source):
                start = end - len(key) + 1
                if cased != want_cased:
                    continue
                if not cjk and not _whole_word(text, start, end + 1):
                    continue
                found.append(Match(start, end + 1, name, entities))
        return _longest_leftmost(found)

    def near(self, name: str) -> tuple[str, tuple[str, ...], float] | None:
        """The known name most like ``name`` (rapidfuzz ratio at least :data:`NEAR_SCORE`), its entities and the
        score; None when none is so close."""
        key = " ".join(name.split()).lower()
        if key not in self._near:
            self._near[key] = self._closest(key)
        return self._near[key]

    def _closest(self, key: str) -> tuple[str, tuple[str, ...], float] | None:
        from rapidfuzz import fuzz, process

        share = 1 - NEAR_SCORE / 100
        low, high = math.floor(len(key) * (1 - share) / (1 + share)), math.ceil(len(key) * (1 + share) / (1 - share))
        bucket = [k for n in range(low, high + 1) for k in self.buckets.get((key[:1], n), ())]
        best = process.extractOne(key, bucket, scorer=fuzz.ratio, score_cutoff=NEAR_SCORE) if bucket else None
        if best is None:
            return None
        return self.shown[best[0]], self.entities[best[0]], round(float(best[1]), 1)


def _whole_word(text: str, start: int, end: int) -> bool:
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    return not (before.isalnum() or before == "_") and not (after.isalnum() or after == "_")


def _longest_leftmost(found: list[Match]) -> list[Match]:
    out: list[Match] = []
    taken_until = -1
    for m in sorted(found, key=lambda m: (m.start, -(m.end - m.start))):
        if m.start >= taken_until:
            out.append(m)
            taken_until = m.end
    return out
