"""Mentions: which known entities a document names, in which sentence, and which names it gives that the graph
does not know yet, for a person to review (and to turn into an import sheet, :mod:`.draft`).

:func:`mentions` finds every name of the graph's gazetteer (:mod:`.gazetteer`) in the text, proposes names that
look like organisations or places (:mod:`.text`), and marks a proposed name that is close to a known one as a near
match, with its score. No network, no model download.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..core import Graph
from ..cycles import without_cycle_collection
from .documents import SUFFIXES, read_document
from .gazetteer import NEAR_SCORE, Gazetteer
from .text import candidates, language, sentences

__all__ = ["NEAR_SCORE", "SUFFIXES", "Gazetteer", "Mention", "mentions", "read_document"]


@dataclass(frozen=True)
class Mention:
    """One name found in a text.

    ``match`` is ``exact`` (a known name), ``ambiguous`` (a known name of several entities, all in
    ``candidates``), ``near`` (a name close to a known one, ``score`` how close, 0-100) or ``new`` (a name the graph
    does not know, of the ``kind`` it looks like). ``entity`` is the IRI ("" for a new name), ``label`` its label,
    ``text`` the words as written at ``start``:``end``, ``sentence`` the sentence around them.
    """

    entity: str
    label: str
    text: str
    start: int
    end: int
    sentence: str
    match: str
    score: float = 100.0
    kind: str = ""
    candidates: tuple[str, ...] = ()


def mentions(g: Graph, text: str, *, lang: str = "en", near: bool = True,
             gazetteer: Gazetteer | None = None) -> list[Mention]:
    """Every mention in ``text`` of an entity of ``g``, and every name that looks like a new organisation or place,
    in text order.

    A known name matches whole words (any case, but names in capitals only as written); a Chinese name anywhere.
    A proposed name that is not known but close to a known one is a ``near`` match (``near=False`` leaves that
    out). Labels are given in ``lang``. Pass a ``gazetteer`` to reuse one over many texts.

    Examples
    --------
    >>> for m in relgraph.open("data").mentions("DOFTEC bezocht het Rijksmuseum Boerhaave."):  # doctest: +SKIP
    ...     print(m.match, m.label)
    exact DOFTEC
    new Rijksmuseum Boerhaave
    """
    with without_cycle_collection():  # a megabyte of text makes some 100,000 objects, none in a cycle
        return _mentions(g, text, lang, near, gazetteer or Gazetteer.from_graph(g))


def _mentions(g: Graph, text: str, lang: str, near: bool, gz: Gazetteer) -> list[Mention]:
    sents = sentences(text)
    found = gz.find(text)
    spans = sorted((m.start, m.end) for m in found)
    labels = gz.labels(g, {e for m in found for e in m.entities}, lang)
    out = [Mention(m.entities[0] if len(m.entities) == 1 else "", " | ".join(labels[e] for e in m.entities),
                   text[m.start:m.end], m.start, m.end, sents.at(m.start),
                   "exact" if len(m.entities) == 1 else "ambiguous", candidates=m.entities) for m in found]
    nearby = []
    proposed = [c for c in candidates(_masked(text, spans)) if not _overlaps(spans, c.start, c.end)]
    if near:
        gz.near_all(c.text for c in proposed)
    for c in proposed:
        close = gz.near(c.text) if near else None
        if close is not None:
            nearby.append((c, close))
        else:
            out.append(Mention("", c.text, c.text, c.start, c.end, sents.at(c.start), "new", 0.0, c.kind))
    shown = gz.labels(g, {e for _, (_, entities, _) in nearby for e in entities}, lang)
    for c, (_, entities, score) in nearby:
        out.append(Mention(entities[0] if len(entities) == 1 else "", " | ".join(shown[e] for e in entities),
                           c.text, c.start, c.end, sents.at(c.start), "near", score, candidates=entities))
    return sorted(out, key=lambda m: (m.start, m.end))


def _masked(text: str, spans: list[tuple[int, int]]) -> str:
    """``text`` with the known names blanked out (same length), so that a proposed name never runs into one."""
    parts, at = [], 0
    for start, end in spans:
        parts += [text[at:start], "\n" * (end - start)]
        at = end
    parts.append(text[at:])
    return "".join(parts)


def _overlaps(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    import bisect

    i = bisect.bisect_left(spans, (end, end))
    return any(s < end and start < e for s, e in spans[max(0, i - 3):i + 1])


def document_language(text: str) -> str:
    """The language of a document's text, roughly (see :func:`relgraph.mentions.text.language`)."""
    return language(text)
