"""Names for IRIs and IRIs for names.

:func:`labels` picks, for each IRI, the label in the wanted language (falling back to English, Dutch, any);
:func:`resolve` turns what a person types (a label in any language, an alternative label, a prefixed name or an
IRI) into one entity, or says which entities it could be.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from .errors import AmbiguousEntityError, EntityNotFoundError
from .languages import COMMON_TAGS, FALLBACK, LANGS
from .namespaces import LABEL_PROPERTIES, META_CLASSES, NAME_PROPERTIES, RG, compact, expand
from .store import BatchLookups, NameIndex, Store
from .terms import IRI, Literal

#: Every name of an entity as a SPARQL property path.
ALL_LABELS_PATH = "|".join(f"<{p}>" for p in NAME_PROPERTIES)

_SAFE_IRI = re.compile(r'^[^<>"{}|^`\\\s]+$')

# Schema-level resources are not entities a person looks for.
_NOT_ENTITY = """
  FILTER EXISTS { ?s a ?anyType }
  FILTER NOT EXISTS { ?s a ?meta . VALUES ?meta { META } }
  FILTER(!STRSTARTS(STR(?s), "RG_NS"))
""".replace("META", " ".join(f"<{c}>" for c in sorted(META_CLASSES))).replace("RG_NS", RG.NS)


def pick(candidates: Iterable[Literal | tuple[str, str | None]], lang: str) -> str | None:
    """The best label among ``candidates`` (literals or (text, language) pairs) for ``lang``: that language,
    then English, Dutch, untagged, any; of two in the same language, the least text (so the answer does not
    depend on the order a store gives them in).

    >>> pick([("Utrecht", "nl"), ("Provincie Utrecht", "nl"), ("Utrecht Province", "en")], "nl")
    'Provincie Utrecht'
    """
    by_lang: dict[str, str] = {}
    for lit in candidates:
        text, tag = (str(lit), lit.lang) if isinstance(lit, Literal) else lit
        key = (tag or "").lower()
        for k in (key, key.split("-")[0]):
            if k not in by_lang or text < by_lang[k]:
                by_lang[k] = text
    for key in (lang.lower(), *FALLBACK, ""):
        if key in by_lang:
            return by_lang[key]
    return min(by_lang.values(), default=None)


def preference(tag: str | None, lang: str) -> int:
    """How :func:`pick` ranks a text tagged ``tag`` for ``lang``: 0 for that language, then the fallback
    languages, then untagged, then any other; the least text among the best ranked is what :func:`pick` gives
    from candidates in code-point order.

    >>> preference("nl", "nl"), preference("en", "nl"), preference(None, "nl"), preference("zh-hans", "nl")
    (0, 1, 3, 4)
    """
    key = (tag or "").lower()
    base = key.split("-")[0]
    keys = (lang.lower(), *FALLBACK, "")
    return next((i for i, k in enumerate(keys) if key == k or base == k), len(keys))


def choose(candidates: list[tuple[str, str | None]], lang: str) -> tuple[str | None, dict[str, str]]:
    """The label :func:`pick` gives for ``lang``, and for each of relgraph's languages the label :func:`pick`
    gives among the candidates tagged in it (non-empty ones only): what a network node shows, in one pass.
    Tags are compared as given: lower case, as :class:`~relgraph.terms.Literal` and statements give them.

    >>> choose([("Utrecht", "nl"), ("Province of Utrecht", "en")], "zh")
    ('Province of Utrecht', {'en': 'Province of Utrecht', 'nl': 'Utrecht'})
    """
    by_lang: dict[str, str] = {}
    for text, tag in candidates:
        key = (tag or "").lower()
        for k in (key, key.split("-")[0]):
            if k not in by_lang or text < by_lang[k]:
                by_lang[k] = text
    label = next((by_lang[key] for key in (lang.lower(), *FALLBACK, "") if key in by_lang),
                 min((c[0] for c in candidates), default=None))
    per_lang: dict[str, str] = {}
    for code in LANGS:
        # the least candidate whose tag is ``code`` or starts ``code-`` is what pick finds among those tagged in it
        found: str | None
        if code in by_lang:
            found = by_lang[code]
        else:
            tagged = [c for c in candidates if (c[1] or "").startswith(code)]
            found = pick(tagged, code) if tagged else None
        if found:
            per_lang[code] = found
    return label, per_lang


def labels(store: Store, iris: Iterable[str], lang: str = "en") -> dict[str, str]:
    """Map each IRI to its label in ``lang`` (with fallbacks); IRIs without a label map to their compact form.

    Labels are read by direct index look-ups, not SPARQL: for the thousands of IRIs of a large answer this is
    several times faster than a VALUES query. A store that offers ``first_literals`` (a SPARQL endpoint, where
    each look-up is a request) answers for many IRIs at once instead (:class:`~relgraph.store.BatchLookups`); a
    store on disk whose label table serves the answer chooses each label there (``chosen_labels``).
    """
    wanted = set(iris)
    choose_in_table = getattr(store, "chosen_labels", None)  # a store on disk, from its label table
    if choose_in_table is not None and (chosen := choose_in_table(wanted, lang)) is not None:
        return {iri: chosen.get(iri) or compact(iri) for iri in wanted}
    if isinstance(store, BatchLookups):
        found_all = store.first_literals(wanted, LABEL_PROPERTIES)
        return {iri: pick(found_all.get(iri, []), lang) or compact(iri) for iri in wanted}
    out = {}
    for iri in wanted:
        found: list[tuple[str, str | None]] = []
        for prop in LABEL_PROPERTIES:
            found = store.literals(iri, prop)
            if found:
                break
        out[iri] = pick(found, lang) or compact(iri)
    return out


_TAGS = (None, *COMMON_TAGS)


def _exact_label(store: Store, text: str) -> IRI | None:
    """The one entity whose label is exactly ``text`` (same case) in a common language, by index look-ups.

    None when there is no such label or more than one entity has it: the caller then searches in full.
    """
    hits: set[str] = set()
    if isinstance(store, BatchLookups):
        found = store.subjects_any(NAME_PROPERTIES, [Literal(text, lang=tag) for tag in _TAGS])
        hits.update(str(s) for s in found if isinstance(s, IRI))
    else:
        for tag in _TAGS:
            for prop in NAME_PROPERTIES:
                hits.update(str(s) for s in store.subjects(prop, Literal(text, lang=tag)) if isinstance(s, IRI))
    if len(hits) != 1:
        return None
    (iri,) = hits
    check = store.query(f"ASK {{ {_NOT_ENTITY.replace('?s', '?e')} }}", bindings={"e": IRI(iri)})
    return IRI(iri) if check.boolean else None


def _named(store: Store, needle: str, *, part: bool) -> list[str]:
    """The entities with a name that, lower-cased, is ``needle`` (with ``part``, contains it): from the store's
    index of names when it has one (:class:`~relgraph.store.NameIndex`), else in SPARQL."""
    if isinstance(store, NameIndex):
        return store.entities_named(needle, part=part)
    test = "CONTAINS(LCASE(STR(?l)), ?needle)" if part else "LCASE(STR(?l)) = ?needle"
    found = store.query(f"SELECT DISTINCT ?s WHERE {{ ?s {ALL_LABELS_PATH} ?l . FILTER({test}) {_NOT_ENTITY} }}",
                        bindings={"needle": Literal(needle)})
    return [str(r[0]) for r in found.rows]


def resolve(store: Store, name: str, prefixes: dict[str, str] | None = None) -> IRI:
    """The one entity ``name`` stands for.

    ``name`` may be an IRI, ``<iri>``, a prefixed name (``ug:doftec``), or a label or alternative label in any
    language, matched without regard to case. A part of a label also matches when it fits one entity only.
    Raises :class:`EntityNotFoundError` (with close labels) or :class:`AmbiguousEntityError`.
    """
    text = name.strip()
    if not text:
        raise EntityNotFoundError("", [])
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        raise EntityNotFoundError(text.encode("utf-8", "replace").decode("utf-8"), []) from None
    iri = expand(text, prefixes) if prefixes else expand(text)
    if iri is not None and _SAFE_IRI.match(iri):
        raw = store.query("ASK { { ?s ?p ?o } UNION { ?o ?p ?s } }", bindings={"s": IRI(iri)})
        if raw.boolean:
            return IRI(iri)
        raise EntityNotFoundError(text, [])
    quick = _exact_label(store, text)
    if quick is not None:
        return quick
    needle = text.lower()
    hits = sorted(_named(store, needle, part=False))
    if len(hits) == 1:
        return IRI(hits[0])
    if not hits:
        hits = sorted(_named(store, needle, part=True))
        if len(hits) == 1:
            return IRI(hits[0])
    if hits:
        names = labels(store, hits)
        hits.sort(key=lambda h: (len(names[h]), names[h]))
        raise AmbiguousEntityError(text, [f"{names[h]} ({compact(h)})" for h in hits[:6]])
    if isinstance(store, NameIndex):
        pool = store.entity_names()
    else:
        found = store.query(f"SELECT DISTINCT ?l WHERE {{ ?s {ALL_LABELS_PATH} ?l . {_NOT_ENTITY} }}")
        # of names alike but for case, the least
        pool = {n.lower(): n for n in sorted((str(r[0]) for r in found.rows), reverse=True)}
    raise EntityNotFoundError(text, [pool[c] for c in close_matches(needle, list(pool))])


def close_matches(word: str, names: list[str], n: int = 3, cutoff: float = 0.6) -> list[str]:
    """``difflib.get_close_matches(word, names, n, cutoff)``: the same answer, sooner among many names when
    rapidfuzz is installed (the ``import`` extra).

    difflib's ratio counts the characters of matching blocks, which lie in order in both texts: a common
    subsequence, so never longer than the longest. rapidfuzz's ``ratio`` (100 x twice the longest common
    subsequence over both lengths) is therefore never below difflib's, and the names it scores under the cutoff
    cannot be close for difflib either: difflib compares the others alone (a name that is not there, among
    the million names of 5M triples: 18.8 s -> 6.5 s for the whole answer).

    >>> close_matches("doftek", ["doftec", "nfia", "dof"])
    ['doftec', 'dof']
    """
    import difflib  # only for suggestions: kept off the start-up path

    try:
        from rapidfuzz import fuzz, process
    except ImportError:  # pragma: no cover - without the extra
        return difflib.get_close_matches(word, names, n=n, cutoff=cutoff)
    near = [name for name, _, _ in process.extract(word, names, scorer=fuzz.ratio, processor=None,
                                                    score_cutoff=100 * cutoff - 1e-6, limit=None)]
    return difflib.get_close_matches(word, near, n=n, cutoff=cutoff)
