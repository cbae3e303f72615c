"""State over time: what each source says of a thing, and which statement holds on a given day.

Every source's statements live in their own named graph (one data file per source). A thing (a relation, an
agreement, an event) may be described by several sources: the 2017 letter calls the sister relationship active,
the 2022 sources say it ended. Nothing is overwritten: each source's :class:`Claim` keeps its status, dates,
quotes and source. :func:`in_force` picks the claim that holds on a day: the latest by the day it speaks of
(its own end date for an ending status, its own start for any other, else its source's publication date); claims
with no date at all come before dated ones. :func:`merge` folds the claims of one thing into the values a
network edge or node carries: the state in force, the dates any source gives, and every quote with its source.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from .namespaces import ORG, PROV, RG, SCHEMA, TIME
from .timespan import span

#: Statuses that end a thing: a claim of one of these speaks of the day the thing ended.
ENDING = frozenset({RG.Ended})


@dataclass
class Claim:
    """What one source (one named graph) says of one thing: its state, dates and the quotes that support it."""

    subject: str
    graph: str
    source: str | None = None
    published: str | None = None
    status: str | None = None
    start: str | None = None
    end: str | None = None
    certainty: str | None = None
    quotes: list[str] = field(default_factory=list)

    @functools.cached_property
    def since(self) -> dt.date | None:
        """The day from which the claim holds, or None when it has no date at all.

        An ending status holds from its own end date; any other state from its own start. Failing that, a claim
        holds from the last day its source's publication date can mean (a source of November 2022 spoke by the
        end of that month at the latest).
        """
        own = self.end if self.status in ENDING else self.start
        first = span(own)
        if first is not None:
            return first[0]
        published = span(self.published)
        return published[1] if published is not None else None

    def as_dict(self) -> dict[str, Any]:
        """The claim as plain data (for JSON and the view)."""
        return {"source": self.source, "graph": self.graph, "published": self.published, "status": self.status,
                "start": self.start, "end": self.end, "certainty": self.certainty, "quotes": list(self.quotes)}


_FIELDS = {RG.status: "status", SCHEMA.startDate: "start", SCHEMA.endDate: "end", RG.certainty: "certainty",
           PROV.hadPrimarySource: "source"}
#: The properties a claim is made of, and the field each fills (``quotes`` for rg:quote).
CLAIM_PROPERTIES: dict[str, str] = {**_FIELDS, RG.quote: "quotes"}


def claims_from_rows(rows: Iterable[tuple[Any, ...]], published: Callable[[str], str | None] = lambda s: None,
                     ) -> dict[str, list[Claim]]:
    """The claims of every thing from (subject, graph, property, value) rows of relgraph's ``claims`` query;
    ``published`` gives a source's publication date.

    The answer does not depend on the order of the rows: a thing's claims come in the order of their graphs'
    names, a claim's quotes in code-point order, and where one source gives a field two values, the least counts.
    """
    out: dict[str, dict[str, Claim]] = {}
    for subject, graph, p, o in rows:
        claim = out.setdefault(str(subject), {}).setdefault(str(graph), Claim(str(subject), str(graph)))
        _put(claim, _FIELDS.get(str(p), "quotes"), str(o))  # the query asks for rg:quote and _FIELDS only
    return _finish(out, published)


def claims_from_statements(by_property: Mapping[str, Iterable[tuple[str, str, str, str, str]]],
                           published: Callable[[str], str | None] = lambda s: None) -> dict[str, list[Claim]]:
    """The same claims as :func:`claims_from_rows`, from plain statements
    (:data:`relgraph.store.statements.Statement`) of the :data:`CLAIM_PROPERTIES`, by property. Statements in
    the default graph (which is no one source's) are left out, as the ``claims`` query leaves them out."""
    out: dict[str, dict[str, Claim]] = {}
    for prop, name in CLAIM_PROPERTIES.items():
        for subject, _, value, _, graph in by_property.get(prop, ()):
            if not graph:
                continue
            by_graph = out.get(subject)
            if by_graph is None:
                by_graph = out[subject] = {}
            claim = by_graph.get(graph)
            if claim is None:
                claim = by_graph[graph] = Claim(str(subject), graph)
            _put(claim, name, value)
    return _finish(out, published)


def _put(claim: Claim, name: str, value: str) -> None:
    """Give ``claim`` one value of field ``name``: every quote, the least of a field's values."""
    if name == "quotes":
        claim.quotes.append(value)
        return
    current = getattr(claim, name)
    if current is None or value < current:
        setattr(claim, name, value)


def _finish(out: dict[str, dict[str, Claim]], published: Callable[[str], str | None]) -> dict[str, list[Claim]]:
    """Each thing's claims in the order of their graphs, quotes sorted, with their sources' publication dates."""
    dates: dict[str, str | None] = {}
    result: dict[str, list[Claim]] = {}
    for subject, by_graph in out.items():
        claims = [by_graph[g] for g in sorted(by_graph)] if len(by_graph) > 1 else list(by_graph.values())
        for claim in claims:
            if len(claim.quotes) > 1:
                claim.quotes = sorted(set(claim.quotes))
            if claim.source:
                if claim.source not in dates:
                    dates[claim.source] = published(claim.source)
                claim.published = dates[claim.source]
        result[subject] = claims
    return result


def _order(claim: Claim) -> tuple[bool, dt.date]:
    since = claim.since
    return (since is not None, since or dt.date.min)


def in_force(claims: list[Claim], day: dt.date | None = None) -> Claim | None:
    """The claim that holds on ``day`` (today's knowledge when None): the latest that speaks of a day not after
    ``day``; among claims of the same day, the one of the graph whose name sorts last (a stable choice whatever
    order the engine gave the claims in).

    Examples
    --------
    >>> letter = Claim("r", "g1", "letter", status=RG.Active, start="1995")
    >>> vote = Claim("r", "g2", "vote", status=RG.Ended, end="2022-11-16")
    >>> in_force([letter, vote]).source, in_force([letter, vote], dt.date(2020, 1, 1)).source
    ('vote', 'letter')
    """
    eligible = [c for c in claims if day is None or c.since is None or c.since <= day]
    return max(eligible, key=lambda c: (*_order(c), c.graph)) if eligible else None


def merge(claims: list[Claim], day: dt.date | None = None) -> dict[str, Any]:
    """The values one thing carries as an edge or a node: ``status``, ``start``, ``end``, ``certainty``, ``quote``
    and ``source`` of the claim in force (the dates any source gives when it gives none), and ``claims``, every
    source's claim, the one in force first.
    """
    if not claims:
        return {}
    if len(claims) == 1:  # one source: nothing to choose between
        (only,) = claims
        return {"status": only.status, "start": only.start, "end": only.end, "certainty": only.certainty,
                "quote": only.quotes[0] if only.quotes else None, "source": only.source, "claims": [only.as_dict()]}
    chosen = in_force(claims, day) or min(claims, key=_order)
    by_order = sorted(claims, key=_order, reverse=True)

    def first(name: str) -> Any:
        value = getattr(chosen, name)
        return value if value is not None else next((getattr(c, name) for c in by_order if getattr(c, name)), None)

    return {"status": chosen.status or first("status"), "start": first("start"), "end": first("end"),
            "certainty": chosen.certainty, "quote": chosen.quotes[0] if chosen.quotes else first_quote(by_order),
            "source": chosen.source,
            "claims": [c.as_dict() for c in [chosen, *(c for c in by_order if c is not chosen)]]}


def first_quote(claims: list[Claim]) -> str | None:
    """The first quote among ``claims``."""
    return next((c.quotes[0] for c in claims if c.quotes), None)


#: The properties that date a thing the W3C ORG / OWL-Time way or the PROV way (see :func:`with_interval_dates`).
DATING_PROPERTIES = (ORG.memberDuring, TIME.hasBeginning, TIME.hasEnd, TIME.inXSDDate, TIME.inXSDDateTimeStamp,
                     TIME.inXSDDateTime, TIME.inXSDgYear, TIME.inXSDgYearMonth, PROV.startedAtTime,
                     PROV.endedAtTime)


def with_interval_dates(by_property: Mapping[str, list[Any]]) -> dict[str, list[Any]]:
    """``by_property`` (statements by property) with the dates given the W3C ORG / OWL-Time way (``org:memberDuring``
    a ``time:Interval`` whose ``time:hasBeginning``/``time:hasEnd`` instants have a ``time:inXSDDate`` ...) or the
    PROV way (``prov:startedAtTime``, ``prov:endedAtTime``) added as ``schema:startDate``/``schema:endDate``
    statements of the thing they date, in the graph that dates it."""
    day_of: dict[str, Any] = {}
    for prop in DATING_PROPERTIES[3:8]:
        for s in by_property.get(prop, ()):
            day_of.setdefault(s[0], s)
    starts = [(s[0], SCHEMA.startDate, s[2], s[3], s[4]) for s in by_property.get(PROV.startedAtTime, ())]
    ends = [(s[0], SCHEMA.endDate, s[2], s[3], s[4]) for s in by_property.get(PROV.endedAtTime, ())]
    for edge, out, prop in ((TIME.hasBeginning, starts, SCHEMA.startDate), (TIME.hasEnd, ends, SCHEMA.endDate)):
        instant = {s[0]: s[2] for s in by_property.get(edge, ())}
        for thing, _, interval, _, graph in by_property.get(ORG.memberDuring, ()):
            found = day_of.get(instant.get(interval, ""))
            if found is not None:
                out.append((thing, prop, found[2], found[3], graph))
    if not starts and not ends:
        return dict(by_property)
    return {**by_property, SCHEMA.startDate: [*by_property.get(SCHEMA.startDate, ()), *starts],
            SCHEMA.endDate: [*by_property.get(SCHEMA.endDate, ()), *ends]}
