"""The gazetteer: every name the graph knows for an entity (labels in every language and alternative labels),
found in a text at once with an Aho-Corasick automaton (pyahocorasick), and near matches scored with rapidfuzz.

This module owns matching names: case is ignored except for names written in capitals (acronyms such as
``DOFTEC`` or ``NOS`` match only as written); a name in Latin script matches whole words only; a Chinese name
matches anywhere, Chinese having no spaces between words. Where names overlap, the longest leftmost wins.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from ..core import Graph
from ..errors import RelgraphError
from ..labels import pick
from ..languages import FALLBACK
from ..namespaces import LABEL_PROPERTIES, NAME_PROPERTIES, PREFIXES
from .packed import Sorted, Texts
from .text import is_cjk

#: Namespaces whose resources are vocabulary, not entities a document mentions.
_VOCABULARY = tuple(ns for p, ns in PREFIXES.items() if p not in ("ug", "wd", "tooi"))

#: Version of the gazetteer saved in a store folder: one of another version is built again.
FORMAT = 4

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
        import importlib.util

        if importlib.util.find_spec("ahocorasick") is None:
            raise RelgraphError("finding mentions needs pyahocorasick: pip install 'relgraph[import]'") from None
        by_key: dict[str, set[str]] = defaultdict(set)
        shown: dict[str, str] = {}
        cjk: dict[str, bool] = {}
        for entity, name in names:
            name = " ".join(name.split())
            if name not in cjk:
                cjk[name] = not name.isascii() and is_cjk(name)
            if len(name) < (1 if cjk[name] else 2):
                continue
            key = name if name.isupper() and not cjk[name] else name.lower()
            by_key[key].add(entity)
            shown.setdefault(key, name)
        # each name by its number (the automaton's value): the name as known, its entities joined by \x1f, and
        # two flags (1: in capitals, matched as written; 2: Chinese, matched anywhere); plain lists and strings,
        # so that a gazetteer saved in the store folder is read back in a fraction of a second
        self._keys = list(by_key)
        self._shown: Sequence[str] = [shown[k] for k in self._keys]
        self._ents: Sequence[str] = ["\x1f".join(sorted(by_key[k])) for k in self._keys]
        self._flags = bytes((k.isupper() and not cjk[shown[k]]) + 2 * cjk[shown[k]] for k in self._keys)
        self.labels_of: dict[str, str] | Sorted = {}  # see _built
        self.state: Any = None  # the state of the data it was read from (see _state), for labels()
        self._index()

    def _index(self, automaton: Any = None, order: dict[str, list[int]] | None = None) -> None:
        """The automaton and the names by first letter and length, made from the lists (or given, as saved)."""
        import ahocorasick

        if automaton is None:
            automaton = ahocorasick.Automaton(ahocorasick.STORE_INTS)
            for i, key in enumerate(self._keys):
                automaton.add_word(key, i)
            if self._keys:
                automaton.make_automaton()
        self.automaton: Any = automaton
        # near matches are looked for among the names of the same first letter and a length that a ratio of
        # NEAR_SCORE allows (|a - b| <= (1 - s) (a + b)): per first letter, the names' numbers by length (in
        # the order they came within one length), so that the names of a length window are one slice
        if order is None:
            order = defaultdict(list)
            for i, key in enumerate(self._keys):
                order[key[:1].lower()].append(i)
            for numbers in order.values():
                numbers.sort(key=lambda i: len(self._keys[i]))
        self._order = dict(order)
        self._letters: dict[str, tuple[list[str], list[int], list[int]]] = {}  # made on first use, see _letter
        self._capitals: Any = None  # see _cased
        self._near: dict[str, tuple[str, tuple[str, ...], float] | None] = {}

    @classmethod
    def from_graph(cls, g: Graph) -> Gazetteer:
        """The gazetteer of every entity of ``g`` that has a name (vocabulary terms left out).

        Built with one query over every name; where ``g`` is kept in a store on disk, the gazetteer is saved
        beside the store's current generation (which never changes), so that it is built once per change of the
        data and read back after (:meth:`relgraph.store.disk.DiskStore.remembered_bytes`)."""
        import pickle

        remembered = getattr(g.store, "remembered_bytes", None)
        built: list[Gazetteer] = []

        def build() -> bytes:
            built.append(cls._built(g))
            return pickle.dumps(built[0], protocol=pickle.HIGHEST_PROTOCOL)

        if remembered is None:
            gz = cls._built(g)
        else:
            data = remembered(f"gazetteer-{FORMAT}.pickle", build, "making the gazetteer of names")
            gz = built[0] if built else pickle.loads(data)  # noqa: S301 - relgraph's own store folder
        gz.state = _state(g.store)
        return gz

    @classmethod
    def _built(cls, g: Graph) -> Gazetteer:
        rows = _names(g)
        gz = cls((s, name) for s, _, name, _, _ in rows)
        # each entity's labels of the first label property it has, for labels() (see Gazetteer.labels)
        by_property: dict[str, dict[str, list[tuple[str, str | None]]]] = defaultdict(lambda: defaultdict(list))
        for s, p, name, lang, is_literal in rows:
            if p in LABEL_PROPERTIES and is_literal:
                by_property[s][p].append((name, lang))
        labels_of = {}
        for s, found in by_property.items():
            first = next(found[p] for p in LABEL_PROPERTIES if p in found)
            if not any(c in text + (tag or "") for text, tag in first for c in "\n\x1e\x1f"):
                labels_of[s] = "\x1f".join(f"{text}\x1e{tag or ''}" for text, tag in first)
        gz.labels_of = labels_of
        return gz

    def __getstate__(self) -> dict[str, Any]:
        from array import array

        labelled = sorted(self.labels_of) if isinstance(self.labels_of, dict) else self.labels_of.keys
        return {"keys": "\n".join(self._keys), "shown": Texts.packed(self._shown),
                "ents": Texts.packed(self._ents), "flags": self._flags, "labelled": "\n".join(labelled),
                "labels": Texts.packed(self.labels_of.get(e) or "" for e in labelled), "automaton": self.automaton,
                "capitals": self._cased() or self._capitals,
                "order": {c: array("l", numbers).tobytes() for c, numbers in self._order.items()}}

    def __setstate__(self, state: dict[str, Any]) -> None:
        def lines(text: str) -> list[str]:
            return text.split("\n") if text else []

        # the names as shown, the entities and the labels are cut out of their texts when found (a list of
        # 200,000 strings each took a twentieth of a second to make); the names as keys are all needed
        self._keys, self._shown, self._ents = lines(state["keys"]), Texts(*state["shown"]), Texts(*state["ents"])
        self._flags, self.state = state["flags"], None
        from array import array

        # the labels by entity stay two sorted lists (a dict of 200,000 entries took a tenth of a second to make)
        self.labels_of = Sorted(lines(state["labelled"]), Texts(*state["labels"]))
        self._index(state["automaton"], {c: array("l", raw).tolist() for c, raw in state["order"].items()})
        self._capitals = state["capitals"]  # saved: made from every name, it took a twentieth of a second

    def __len__(self) -> int:
        return len(self._keys)

    def names(self) -> list[str]:
        """Every name, as known (one per name that differs only in case)."""
        return list(self._shown)

    def labels(self, g: Graph, entities: Iterable[str], lang: str = "en") -> dict[str, str]:
        """``g.labels(entities, lang)``, answered from the labels read with the names where that gives the same
        answer (a gazetteer of the same state of ``g``'s data, and each language once among an entity's labels,
        so that their order does not matter), and by ``g`` for the rest."""
        out, rest = {}, set()
        same = self.state is not None and self.state == _state(g.store)
        keys = (lang.lower(), *FALLBACK, "")
        for e in set(entities):
            encoded = self.labels_of.get(e) if same else None
            if encoded is None:
                rest.add(e)
                continue
            found = [(text, tag or None) for text, _, tag in (x.partition("\x1e") for x in encoded.split("\x1f"))]
            tags = [(tag or "").lower() for _, tag in found]
            bases = [t.split("-")[0] for t in tags]
            if len(set(bases)) == len(bases) and any(k in bases or k in tags for k in keys):
                out[e] = pick(found, lang) or ""
            else:
                rest.add(e)
        return {**out, **(g.labels(rest, lang) if rest else {})}

    def find(self, text: str) -> list[Match]:
        """Every known name in ``text`` (whole words for Latin script), the longest leftmost where they overlap."""
        if not self._keys:
            return []
        lower = text.lower()
        if len(lower) != len(text):  # a few characters grow when lowered (İ); keep offsets aligned
            lower = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
        # each hit as (start, minus its length, the order it was found in, its name's number): sorted, in the order
        # a stable sort of the hits by (start, -length) gives
        found: list[tuple[int, int, int, int]] = []
        keys, flags = self._keys, self._flags
        for source, want_cased in ((lower, False), (text, True)):
            if want_cased and source == lower:
                break
            # the names in capitals are looked for in the text as written with an automaton of their own
            automaton = self._cased() if want_cased else self.automaton
            if automaton is None:
                break
            for end, i in automaton.iter(source):
                if bool(flags[i] & 1) != want_cased:
                    continue
                start = end - len(keys[i]) + 1
                if not flags[i] & 2 and not _whole_word(text, start, end + 1):
                    continue
                found.append((start, start - end - 1, len(found), i))
        # the longest leftmost where names overlap; a Match made only for those kept
        out: list[Match] = []
        taken_until = -1
        for start, minus, _, i in sorted(found):
            if start >= taken_until:
                taken_until = start - minus
                out.append(Match(start, taken_until, self._shown[i], tuple(self._ents[i].split("\x1f"))))
        return out

    def _cased(self) -> Any:
        """The automaton of the names in capitals alone (their numbers as in the whole one); None when none is."""
        if self._capitals is None:
            import ahocorasick

            self._capitals = ahocorasick.Automaton(ahocorasick.STORE_INTS)
            for i, key in enumerate(self._keys):
                if self._flags[i] & 1:
                    self._capitals.add_word(key, i)
            if len(self._capitals):
                self._capitals.make_automaton()
        return self._capitals if len(self._capitals) else None

    def near(self, name: str) -> tuple[str, tuple[str, ...], float] | None:
        """The known name most like ``name`` (rapidfuzz ratio at least :data:`NEAR_SCORE`), its entities and the
        score; None when none is so close."""
        key = " ".join(name.split()).lower()
        if key not in self._near:
            self._near[key] = self._closest(key)
        return self._near[key]

    def near_all(self, names: Iterable[str]) -> None:
        """Look for the near matches of many names at once (:meth:`near` then answers from what was found): the
        names that share a slice of known names are compared with it in one call of rapidfuzz's ``cdist``, the
        slice converted once rather than once per name. The best is the first of the highest score, as
        ``extractOne`` gives it (tests/test_mentions.py compares the two)."""
        groups: dict[tuple[str, int, int], list[str]] = defaultdict(list)
        for name in names:
            key = " ".join(name.split()).lower()
            if key not in self._near:
                self._near[key] = None
                groups[self._window(key)].append(key)
        for (letter, first, end), keys in groups.items():
            names_, _, numbers = self._letter(letter)
            if first >= end:
                continue
            for chunk in range(0, len(keys), 64):
                part = keys[chunk:chunk + 64]
                for key, (j, score) in zip(part, _best(part, names_[first:end]), strict=True):
                    if score >= NEAR_SCORE:
                        i = numbers[first + j]
                        self._near[key] = self._shown[i], tuple(self._ents[i].split("\x1f")), round(score, 1)

    def _window(self, key: str) -> tuple[str, int, int]:
        """The first letter of ``key`` and the slice of its names whose length a ratio of NEAR_SCORE allows."""
        import bisect

        share = 1 - NEAR_SCORE / 100
        low, high = math.floor(len(key) * (1 - share) / (1 + share)), math.ceil(len(key) * (1 + share) / (1 - share))
        lengths = self._letter(key[:1])[1]
        return key[:1], bisect.bisect_left(lengths, low), bisect.bisect_right(lengths, high)

    def _letter(self, letter: str) -> tuple[list[str], list[int], list[int]]:
        """The names of one first letter by length, their lengths and their numbers (made when first asked:
        reading a saved gazetteer back need not make all of them)."""
        if letter not in self._letters:
            numbers = self._order.get(letter, [])
            names = [self._keys[i] for i in numbers]
            self._letters[letter] = (names, [len(k) for k in names], numbers)
        return self._letters[letter]

    def _closest(self, key: str) -> tuple[str, tuple[str, ...], float] | None:
        from rapidfuzz import fuzz, process

        letter, first, end = self._window(key)
        names, _, numbers = self._letter(letter)
        bucket = names[first:end]
        best = process.extractOne(key, bucket, scorer=fuzz.ratio, score_cutoff=NEAR_SCORE) if bucket else None
        if best is None:
            return None
        i = numbers[first + best[2]]
        return self._shown[i], tuple(self._ents[i].split("\x1f")), round(float(best[1]), 1)


def _names(g: Graph) -> list[tuple[str, str, str, str | None, bool]]:
    """Every name of an entity (an IRI, not a vocabulary term): (entity, property, name, language or None,
    whether it is a literal), in the order of the name properties, then of entity, name and language: whichever
    order a store gives them in, the same gazetteer (which name of a key is shown, near-match ties).

    A store with a ``statements`` method of its own is read by index scans, each name property in turn (on disk
    at 1M triples, 5 s instead of 10 s for the one SPARQL query, which gives the same rows:
    tests/test_mentions_cache.py); any other store is asked that query."""
    if getattr(g.store, "statements", None) is not None:
        from ..store.statements import BNODE_KIND, IRI_KIND, statements

        return _in_order([(s, p, value, kind[1:] if kind[:1] == "@" else None, kind != IRI_KIND and kind != BNODE_KIND)
                          for p in NAME_PROPERTIES for s, _, value, kind, _ in statements(g.store, p)
                          if type(s) is str and not s.startswith(_VOCABULARY)])
    return _names_by_query(g)


_RANK = {p: i for i, p in enumerate(NAME_PROPERTIES)}


def _in_order(rows: list[tuple[str, str, str, str | None, bool]]) -> list[tuple[str, str, str, str | None, bool]]:
    rows.sort(key=lambda r: (_RANK[r[1]], r[0], r[2], r[3] or "", r[4]))
    return rows


def _names_by_query(g: Graph) -> list[tuple[str, str, str, str | None, bool]]:
    """:func:`_names` asked in SPARQL, of any store."""
    from ..terms import Literal

    names = " ".join(f"<{p}>" for p in NAME_PROPERTIES)
    raw = g.store.query(f"SELECT ?s ?p ?l WHERE {{ VALUES ?p {{ {names} }} ?s ?p ?l FILTER(isIRI(?s)) }}")
    return _in_order([(str(s), str(p), str(label), label.lang if isinstance(label, Literal) else None,
                       isinstance(label, Literal)) for s, p, label in raw.rows if not str(s).startswith(_VOCABULARY)])


def _state(store: Any) -> Any:
    """What says two stores hold the same data: a store on disk its folder and generation (which never
    changes), any other store the object itself."""
    manifest = getattr(store, "manifest", None)
    if manifest is not None and getattr(manifest, "generation", None):
        return (str(getattr(store, "folder", "")), manifest.generation)
    return store  # compared by identity: a store object held, so its id cannot be reused meanwhile


def _best(queries: list[str], choices: list[str]) -> list[tuple[int, float]]:
    """For each query, the first of the choices with the highest rapidfuzz ratio of at least NEAR_SCORE (scores
    below count as 0) and that score: rapidfuzz's ``cdist``, its matrix read without numpy where rapidfuzz's
    compiled module is there (importing numpy took a fifth of a second of a search); most rows are all 0."""
    from array import array

    from rapidfuzz import fuzz

    try:
        from rapidfuzz.process_cpp_impl import FLOAT64, cdist
    except ImportError:  # pragma: no cover - rapidfuzz without its compiled module
        import numpy as np
        from rapidfuzz import process

        scores = process.cdist(queries, choices, scorer=fuzz.ratio, score_cutoff=NEAR_SCORE, dtype=np.float64)
        return [(int(np.argmax(row)), float(row[int(np.argmax(row))])) for row in scores]
    matrix = memoryview(cdist(queries, choices, scorer=fuzz.ratio, score_cutoff=NEAR_SCORE, dtype=FLOAT64))
    raw, width = matrix.cast("B"), 8 * len(choices)
    if matrix.format != "d" or len(raw) != width * len(queries):  # pragma: no cover - not the matrix expected
        raise RelgraphError("rapidfuzz gave an unexpected matrix")
    zero, out = bytes(width), []
    for k in range(len(queries)):
        row = raw[k * width:(k + 1) * width].tobytes()
        if row == zero:
            out.append((0, 0.0))
            continue
        values = array("d", row)
        best = max(values)
        out.append((values.index(best), best))
    return out


def _whole_word(text: str, start: int, end: int) -> bool:
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    return not (before.isalnum() or before == "_") and not (after.isalnum() or after == "_")
